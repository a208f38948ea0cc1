// submission.*: the drive as a whole — checked after the notice's deadline, or a document
// handed in after its own (jiaozuo-2019: the teacher-pool table by 30 June, the statistics
// table by 30 September); or left half-written by a pack that did not finish.
#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/naming/junk.hpp"

namespace mpcheck::checks {

namespace {

// What an interrupted `mpcheck pack` leaves (docs/pack.md): the temporary file of the copy it
// was making (.mpcheck-tmp-*), and its resume state without the manifest it writes last.
void incomplete(const Context& ctx)
{
  std::vector<std::string> leftovers;
  for (const auto& file : ctx.sub.files)
    if (naming::is_pack_leftover(file.name))
      leftovers.push_back(file.path);
  const bool unfinished = ctx.sub.pack.state_file && !ctx.sub.pack.manifest;
  if (leftovers.empty() && !unfinished)
    return;
  if (Finding* f = ctx.sink.add(ids::submission_incomplete, nullptr, "")) {
    f->expected = Text{"打包完成（有 manifest-sha256.txt，没有临时文件）",
                       "a finished pack (manifest-sha256.txt, no temporary file)"};
    if (!leftovers.empty())
      f->actual = Text{fmt::format("{} 个没写完的临时文件：{}", leftovers.size(), leftovers[0]),
                       fmt::format("{} unfinished temporary file{}: {}", leftovers.size(),
                                   leftovers.size() == 1 ? "" : "s", leftovers[0])};
    else
      f->actual = Text{"有打包进度文件 .mpcheck-pack-state，没有 manifest-sha256.txt",
                       "pack's state file .mpcheck-pack-state, no manifest-sha256.txt"};
    f->message = {"U盘没有写完：mpcheck pack 被中断（拔盘、断电或强行结束），可能缺少文件",
                  "the drive was left half-written: mpcheck pack was interrupted (drive pulled, "
                  "power lost or the program killed); files may be missing"};
    f->hint = {"重新运行同一条 mpcheck pack 命令：已写好的文件不会重复复制，它会写完其余文件、"
               "删掉临时文件并写出 manifest-sha256.txt。",
               "Run the same mpcheck pack command again: it keeps what is already written, "
               "finishes the rest, removes the temporary files and writes manifest-sha256.txt."};
  }
}

const Text late_hint = {
    "联系主办单位确认是否仍可报送。收件方按收到的日期检查：--as-of 收件日期。",
    "Ask the organisers whether late entries are accepted. A receiver checks as of the day the "
    "drive arrived: --as-of DATE."};

void whole(const Context& ctx)
{
  const auto& deadline = ctx.rules.deadline;
  if (!deadline || !(deadline->value < ctx.options.as_of))
    return;
  if (Finding* f = ctx.sink.add(ids::submission_deadline, &deadline->origin, "")) {
    f->expected = "≤ " + deadline->value.str();
    f->actual = ctx.options.as_of.str();
    f->message = {"报送截止日期 " + deadline->value.str() + " 已过（检查日期 " +
                      ctx.options.as_of.str() + "）",
                  "the deadline " + deadline->value.str() + " has passed (checked as of " +
                      ctx.options.as_of.str() + ")"};
    f->hint = late_hint;
  }
}

void late_document(const Context& ctx, const rules::DocumentRule& rule, const SubmissionFile& file)
{
  const auto& deadline = *rule.deadline;
  if (Finding* f =
          ctx.sink.add(ids::submission_deadline, &deadline.origin, file.path, ctx.work_of(file))) {
    f->expected = "≤ " + deadline.value.str();
    f->actual = ctx.options.as_of.str();
    f->message = {rule.kind + "的报送截止日期 " + deadline.value.str() + " 已过（检查日期 " +
                      ctx.options.as_of.str() + "）",
                  "the " + rule.kind + " was due by " + deadline.value.str() + " (checked as of " +
                      ctx.options.as_of.str() + ")"};
    f->hint = late_hint;
  }
}

void documents(const Context& ctx)
{
  for (const auto& rule : ctx.rules.documents) {
    if (!rule.deadline || !(rule.deadline->value < ctx.options.as_of))
      continue;
    if (rule.per == rules::DocumentScope::unit) {
      if (const auto* file = find_document(ctx, rule, nullptr))
        late_document(ctx, rule, *file);
      continue;
    }
    for (const auto& work : ctx.sub.works)
      if (const auto* file = find_document(ctx, rule, &work))
        late_document(ctx, rule, *file);
  }
}

} // namespace

void check_submission(const Context& ctx)
{
  if (!ctx.whole_drive()) // loose files are no submission
    return;
  incomplete(ctx);
  whole(ctx);
  documents(ctx);
}

} // namespace mpcheck::checks
