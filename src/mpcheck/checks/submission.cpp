// submission.deadline: checked after the notice's deadline, or a document handed in after its
// own (jiaozuo-2019: the teacher-pool table by 30 June, the statistics table by 30 September).
#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

const Text late_hint = {
    "联系主办单位确认是否仍可报送。收件方按收到的日期检查：--as-of 收件日期。",
    "Ask the organisers whether late entries are accepted. A receiver checks as of the day the "
    "drive arrived: --as-of DATE."};

void whole(const Context& ctx)
{
  const auto& deadline = ctx.rules.deadline;
  if (!deadline || !(deadline->value < ctx.options.as_of))
    return;
  if (Finding* f = ctx.sink.add("submission.deadline", &deadline->origin, "")) {
    f->expected = "≤ " + deadline->value.str();
    f->actual = ctx.options.as_of.str();
    f->message = {"报送截止日期 " + deadline->value.str() + " 已过（检查日期 " +
                      ctx.options.as_of.str() + "）",
                  "the deadline " + deadline->value.str() + " has passed (checked as of " +
                      ctx.options.as_of.str() + ")"};
    f->hint = late_hint;
  }
}

void late_document(const Context& ctx, const rules::DocumentRule& rule,
                   const check::SubmissionFile& file)
{
  const auto& deadline = *rule.deadline;
  if (Finding* f =
          ctx.sink.add("submission.deadline", &deadline.origin, file.path, ctx.work_of(file))) {
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
  whole(ctx);
  documents(ctx);
}

} // namespace mpcheck::checks
