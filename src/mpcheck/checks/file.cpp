// file.*: empty files, unreadable files and folders, the FAT32 4 GiB limit, symbolic links.
#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

constexpr int64_t fat32_limit = (int64_t(1) << 32) - 1; // largest file FAT32 can hold

Text problem_text(const std::string& error)
{
  if (error == "permission")
    return {"没有读取权限", "no permission to read it"};
  if (error == "loop")
    return {"符号链接循环", "a loop of symbolic links"};
  if (error == "too-deep")
    return {"文件夹层级过深（超过 64 层），未继续检查",
            "folders nested too deep (over 64 levels); not checked further"};
  if (error == "not-found")
    return {"路径不存在", "the path does not exist"};
  if (error == "symlink-dir")
    return {"指向文件夹的链接，未跟随检查", "a link to a folder; not followed"};
  return {"读取出错（磁盘或U盘读错误）", "a read error (disk or USB drive)"};
}

void unreadable(const Context& ctx, const std::string& path, const std::string& error,
                const std::string& work)
{
  if (Finding* f = ctx.sink.add("file.unreadable", nullptr, path, work)) {
    f->expected = Text{"可读取", "readable"};
    f->actual = error;
    f->message = problem_text(error);
    f->hint = {
        "重新拷贝该文件（或检查权限）；若仍失败，U盘可能已损坏。",
        "Copy it again (or check its permissions); if that fails too, the drive may be damaged."};
  }
}

// A link leading out of the checked folder: never opened (SPEC §8), and pack refuses it.
void symlink_outside(const Context& ctx, const check::TreeProblem& p)
{
  if (Finding* f = ctx.sink.add("file.symlink-outside", nullptr, p.path, "")) {
    f->expected = Text{"文件本身，或指向本文件夹内文件的链接",
                       "the file itself, or a link inside this folder"};
    f->actual = p.link.empty() ? Text{"指向不存在的位置的链接", "a link to nowhere"}
                               : Text{"指向 " + p.link + " 的链接", "a link to " + p.link};
    f->message = {"符号链接指向所查文件夹之外，未读取；mpcheck pack 拒绝复制它",
                  "a symbolic link leading out of the checked folder: not read, and mpcheck pack "
                  "refuses to copy it"};
    f->hint = {"删除该链接，把真正的文件复制到这里。",
               "Delete the link and copy the real file here."};
  }
}

// A link to another file of the folder: checked as that file; a drive should hold the file.
void symlink_inside(const Context& ctx, const check::SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add("file.symlink", nullptr, file.path, ctx.work_of(file))) {
    f->expected = Text{"文件本身", "the file itself"};
    f->actual = Text{"指向 " + file.link_target + " 的链接", "a link to " + file.link_target};
    f->message = {"符号链接，按它指向的文件检查；U盘（FAT32/exFAT）上不能有链接",
                  "a symbolic link, checked as the file it leads to; a USB drive (FAT32/exFAT) "
                  "cannot hold links"};
    f->hint = {"用 mpcheck pack 打包（复制链接指向的文件），或把链接换成文件本身。",
               "Pack with mpcheck pack (it copies the file the link leads to), or replace the "
               "link with the file."};
  }
}

} // namespace

void check_file(const Context& ctx)
{
  for (const auto& p : ctx.sub.problems) {
    if (p.error == "symlink-outside")
      symlink_outside(ctx, p);
    else
      unreadable(ctx, p.path, p.error, "");
  }
  for (const auto& file : ctx.sub.files) {
    if (file.kind == check::FileKind::junk)
      continue;
    if (!file.link_target.empty())
      symlink_inside(ctx, file);
    if (file.size == 0) {
      if (Finding* f = ctx.sink.add("file.empty", nullptr, file.path, ctx.work_of(file))) {
        f->expected = "> 0 B";
        f->actual = "0 B";
        f->message = {"文件是空的（0 字节）", "the file is empty (0 bytes)"};
        f->hint = {
            "从原始文件重新拷贝；拷贝完成前不要拔出U盘。",
            "Copy it again from the original; do not unplug the drive before the copy ends."};
      }
      continue;
    }
    if (file.facts.error &&
        (file.facts.error->code == "permission" || file.facts.error->code == "unreadable"))
      unreadable(ctx, file.path, file.facts.error->code, ctx.work_of(file));
    if (file.size > fat32_limit)
      if (Finding* f = ctx.sink.add("file.fat32-limit", nullptr, file.path, ctx.work_of(file))) {
        if (ctx.options.target_fat32)
          f->severity = Severity::error;
        f->expected = "< 4 GiB";
        f->actual = fmt::format("{:.2f} GiB", double(file.size) / double(int64_t(1) << 30));
        f->message = {"文件不小于 4 GiB，FAT32 格式的U盘放不下",
                      "4 GiB or larger: it will not fit on a FAT32 drive"};
        f->hint = {"把U盘格式化为 exFAT 或 NTFS，或降低码率重新导出。",
                   "Format the drive as exFAT or NTFS, or export again at a lower bit rate."};
      }
  }
}

} // namespace mpcheck::checks
