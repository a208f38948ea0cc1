#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/space.hpp"

#include <algorithm>
#include <cerrno>
#include <string_view>

#include <fmt/format.h>

#include "mpcheck/core/system_errors.hpp"

namespace mpcheck::pack {

namespace {

// errno_status's `what` in Chinese: one table, one line per step pack takes.
const char* action_zh(std::string_view what)
{
  static constexpr std::pair<std::string_view, const char*> table[] = {
      {"cannot read", "无法读取"},
      {"cannot write", "无法写入"},
      {"cannot open", "无法打开"},
      {"cannot create", "无法创建"},
      {"cannot close", "无法写完（关闭）"},
      {"cannot flush", "无法把数据存到盘上"},
      {"cannot flush the folder", "无法保存文件夹"},
      {"cannot flush the folder of", "无法保存所在的文件夹："},
      {"cannot rename into place", "无法改成最终的名字"},
      {"cannot remove", "无法删除"},
      {"cannot read the source of", "无法读取要复制成这个文件的源文件："},
      {"cannot read the free space of", "无法读取剩余空间："},
      {"cannot create the folder", "无法创建文件夹"},
      {"cannot read the folder", "无法读取文件夹"},
  };
  for (const auto& [en, zh] : table)
    if (en == what)
      return zh;
  return "无法处理";
}

bool reading(std::string_view what)
{
  return what.starts_with("cannot read") || what == "cannot open";
}

// "无法写入 /media/usb/.mpcheck-pack-state" / "cannot write /media/usb/.mpcheck-pack-state".
Text doing(const ErrorFacts& f)
{
  const std::string zh = action_zh(f.action);
  return {zh + (zh.ends_with("：") ? "" : " ") + f.path, f.action + " " + f.path};
}

// The cause of a failed system call in plain words, and what to do about it.
struct Cause {
  Text what;
  Text todo;
};

Cause cause_of(const ErrorFacts& f)
{
  const bool read = reading(f.action);
  switch (f.err) {
  case EROFS:
    return {{"目标盘或文件夹是只读的（U盘的写保护开关打开了，或以只读方式挂载）",
             "the drive or folder is read-only (its write-protect switch is on, or it is "
             "mounted read-only)"},
            {"请关闭U盘的写保护开关后重新插入，或换一个可以写入的U盘或文件夹（--out），再运行。",
             "Turn the drive's write-protect switch off and plug it in again, or choose a "
             "writable drive or folder (--out), then run again."}};
  case EACCES:
  case EPERM:
    if (read)
      return {{"没有读取权限", "permission denied"},
              {"请让文件的主人或管理员开放读取权限（或换一个账号运行），再运行。",
               "Ask the file's owner or an administrator for read permission (or run as "
               "another user), then run again."}};
    return {{"没有写入权限（这个文件夹不属于当前用户，或被设为只读）",
             "permission denied (the folder is not yours, or is read-only)"},
            {"请换一个自己有写入权限的输出文件夹（--out），或请管理员开放写入权限，再运行。",
             "Choose an output folder you may write to (--out), or ask an administrator for "
             "write permission, then run again."}};
  case ENOTDIR:
    return {{"路径中有一段不是文件夹（是同名的文件，或是指向不存在位置的链接）",
             "a part of the path is not a folder (a file of that name, or a link that leads "
             "nowhere)"},
            {"请检查 --out 给出的路径，或换一个输出文件夹，再运行。",
             "Check the path given to --out, or choose another output folder, then run "
             "again."}};
  case ENOENT:
    return {{"文件或文件夹不存在（U盘可能被拔出了）",
             "no such file or folder (the drive may have been unplugged)"},
            {"请确认U盘插好、文件还在，然后重新运行同一命令：已完整写入的文件不会重复复制。",
             "Make sure the drive is plugged in and the file is there, then run the same "
             "command again: the files written whole are not copied again."}};
  case ENAMETOOLONG:
    return {{"名字太长，目标盘的文件系统放不下", "a name too long for the target's file system"},
            {"请缩短作品名（works.yaml 的 title），再运行。",
             "Shorten the title (works.yaml: title), then run again."}};
  default:
    break;
  }
  const Text system = system_error_text(f.err);
  return {{"U盘读写出错或被拔出（" + system.zh + "）",
           "a drive error, or the drive was unplugged (" + system.en + ")"},
          {"已写入的文件完整；请确认U盘插好后重新运行同一命令继续。",
           "What was written is complete; make sure the drive is plugged in and run the same "
           "command again to continue."}};
}

// "1.2 GB（1177600000 字节）" / "1.2 GB (1177600000 bytes)"; under 1000 bytes, the bytes only.
Text size_words(int64_t bytes)
{
  if (bytes < 1000)
    return {fmt::format("{} 字节", bytes), fmt::format("{} bytes", bytes)};
  return {fmt::format("{}（{} 字节）", human_size(bytes), bytes),
          fmt::format("{} ({} bytes)", human_size(bytes), bytes)};
}

Text no_space_text(const ErrorFacts& f)
{
  const Text todo{
      "请删除目标盘上不需要的文件或换一个更大的U盘，然后重新运行同一命令：已完整写入的文件"
      "不会重复复制。",
      "Free some space on the target or use a larger drive, then run the same "
      "command again: the files written whole are not copied again."};
  // The file system's count of files used up, with bytes to spare: "full" would send the
  // clerk to free bytes that are not what is missing.
  if (f.files_free >= 0) {
    const Text have = f.available >= 0 ? size_words(f.available) : Text{"", ""};
    const Text todo_files{"请删除目标盘上不需要的文件，或换一个U盘（格式化为 exFAT 的U盘没有这个"
                          "限制），然后重新运行同一命令：已完整写入的文件不会重复复制。",
                          "Delete files the target does not need, or use another drive (one "
                          "formatted exFAT has no such limit), then run the same command again: "
                          "the files written whole are not copied again."};
    const std::string where = f.where.empty() ? f.path : f.where;
    if (f.files_needed >= 0)
      return {fmt::format("目标盘放不下这么多文件：{} 所在的文件系统只能再建 {} 个文件和文件夹，"
                          "这次需要 {} 个（空间还剩 {}，不是空间不够）。{}",
                          where, f.files_free, f.files_needed, have.zh, todo_files.zh),
              fmt::format("the target cannot hold so many files: the file system of {} can make "
                          "{} more files and folders, {} are needed ({} free: space is not what "
                          "is missing). {}",
                          where, f.files_free, f.files_needed, have.en, todo_files.en)};
    const Text d = doing(f);
    return {fmt::format("目标盘放不下更多文件：{}，文件系统能建的文件数已用完（空间还剩 {}）。{}",
                        d.zh, have.zh, todo_files.zh),
            fmt::format("the target cannot hold more files: {}: the file system can make no more "
                        "files ({} free). {}",
                        d.en, have.en, todo_files.en)};
  }
  if (f.needed >= 0 && f.action.empty()) {
    const Text need = size_words(f.needed), have = size_words(f.available);
    return {
        fmt::format("目标盘空间不足：{} 需要 {}，只剩 {}。{}", f.path, need.zh, have.zh, todo.zh),
        fmt::format("not enough space on the target: {} needs {}, {} free. {}", f.path, need.en,
                    have.en, todo.en)};
  }
  const Text d = doing(f);
  const Text have = f.available >= 0 ? size_words(f.available) : Text{"", ""};
  if (f.needed >= 0 && f.available >= 0) {
    const Text need = size_words(f.needed);
    return {fmt::format("目标盘空间不足：{}，这个文件需要 {}，目标盘只剩 {}。{}", d.zh, need.zh,
                        have.zh, todo.zh),
            fmt::format("not enough space on the target: {}: the file needs {}, {} free. {}", d.en,
                        need.en, have.en, todo.en)};
  }
  return {fmt::format("目标盘空间不足：{}，磁盘已满{}。{}", d.zh,
                      have.zh.empty() ? "" : "（只剩 " + have.zh + "）", todo.zh),
          fmt::format("not enough space on the target: {}, the disk is full{}. {}", d.en,
                      have.en.empty() ? "" : " (" + have.en + " free)", todo.en)};
}

} // namespace

Text error_text(const std::string& code, const std::string& detail, const ErrorFacts& f)
{
  if (code == "no-space" && (f.needed >= 0 || !f.action.empty() || f.files_free >= 0))
    return no_space_text(f);
  if (code == "name-too-long" && f.needed > 0)
    return {fmt::format("文件名太长，{} 的文件系统放不下：{}（{} 字节，最多 {} 字节）。请缩短作品名"
                        "（works.yaml 的 title），然后再运行。",
                        f.where, f.path, f.needed, f.available),
            fmt::format("a name too long for the file system of {}: {} ({} bytes, at most {}). "
                        "Shorten the title (works.yaml: title), then run again.",
                        f.where, f.path, f.needed, f.available)};
  if (code == "dest-exists-different" && !f.differs.empty())
    return {fmt::format("目标盘上已有 {}，不是这次打包写入的（{}）；pack 不会覆盖不是它写的文件。"
                        "请把它移走（在不分大小写的U盘上，名字只差大小写也算同一个文件），或换一个"
                        "输出文件夹，然后重新运行。",
                        f.path, f.differs.zh),
            fmt::format("{} is already on the target {}, and pack did not write it; pack never "
                        "overwrites a file it did not write. Move it away (on a drive that "
                        "ignores case, a name differing only in case is the same file) or "
                        "choose another output folder, then run again.",
                        f.path, f.differs.en)};
  if ((code == "locked" || code == "fat32-limit") && !f.path.empty())
    return error_text(code, f.path); // their own words, naming the path without strerror
  if ((code == "io" || code == "source-unreadable") && !f.action.empty() && f.err != 0) {
    const Text d = doing(f);
    const Cause c = cause_of(f);
    const bool source = code == "source-unreadable";
    return {
        fmt::format("{}{}：{}。{}", source ? "无法读取源文件：" : "", d.zh, c.what.zh, c.todo.zh),
        fmt::format("{}{}: {}. {}", source ? "cannot read a source file: " : "", d.en, c.what.en,
                    c.todo.en)};
  }
  return error_text(code, detail);
}

Text error_text(const std::string& code, const std::string& detail)
{
  if (code == "no-space")
    return {"目标盘空间不足：" + detail, "not enough space on the target: " + detail};
  if (code == "fat32-limit")
    return {"目标盘是 FAT32，放不下 4 GiB 以上的文件：" + detail + "。请把U盘格式化为 exFAT。",
            "the target is FAT32 and cannot hold files of 4 GiB or more: " + detail +
                ". Format the drive as exFAT."};
  if (code == "name-too-long")
    return {"文件名太长，目标盘的文件系统放不下：" + detail +
                "。请缩短作品名（works.yaml 的 title），然后重新运行。",
            "a name too long for the target's file system: " + detail +
                ". Shorten the title (works.yaml: title) and run again."};
  if (code == "source-changed")
    return {"源文件在复制过程中被修改了：" + detail + "。请在源文件不再变化后重新运行。",
            "a source file changed while it was being copied: " + detail +
                ". Run again once it no longer changes."};
  if (code == "report")
    return {"无法把检查报告写到目标盘", "cannot write the report onto the target"};
  if (code == "invalid-plan")
    return {"打包计划有误：" + detail, "the pack plan is invalid: " + detail};
  if (code == "dest-exists-different")
    return {"目标位置已有同名但内容不同的文件，未覆盖：" + detail,
            "a different file with the same name is already on the target; not overwritten: " +
                detail};
  if (code == "dest-symlink")
    return {"输出文件夹里有指向别处的链接，pack 不会穿过它写入：" + detail +
                "。请删除该链接（或换一个输出文件夹）后重新运行。",
            "the output folder holds a link leading elsewhere; pack never writes through it: " +
                detail +
                ". Remove the link (or choose another output folder) and run "
                "again."};
  if (code == "source-unreadable")
    return {"无法读取源文件：" + detail + "。请检查它的读取权限（或它是否还在），然后重新运行。",
            "cannot read a source file: " + detail +
                ". Check its permissions (or that it still exists), then run again."};
  if (code == "extra-files" || code == "foreign-files") {
    std::string list;
    size_t count = 0;
    for (size_t start = 0; start <= detail.size(); ++count) {
      const size_t end = std::min(detail.find('\n', start), detail.size());
      list += "  " + detail.substr(start, end - start) + "\n";
      start = end + 1;
    }
    if (code == "foreign-files")
      return {
          "输出文件夹里有 " + std::to_string(count) +
              " 个文件不是 mpcheck pack 写入的（可能是U盘里原有的个人文件，或手工放入的文件）：\n" +
              list +
              "pack 不删除它们（加 --clean "
              "也不删），也不把它们和作品混在一起交出去：请把它们移到别处，"
              "或换一个空U盘、空文件夹，然后重新运行。",
          "the output folder holds " + std::to_string(count) +
              " files mpcheck pack did not write (files that were on the drive, or put there "
              "by hand):\n" +
              list +
              "pack never removes them (not even with --clean), nor hands them over among the "
              "works: move them elsewhere, or choose an empty drive or folder, then run "
              "again."};
    return {"输出文件夹里有 " + std::to_string(count) +
                " 个文件是以前打包留下的、这次打包不再产生的（比如改了作品名之后的旧作品）：\n" +
                list +
                "打包后的U盘应与打包计划完全一致：加 --clean 删除它们（只删以前 pack 写入的文件），"
                "或换一个空文件夹。",
            "the output folder holds " + std::to_string(count) +
                " files an earlier pack wrote that this pack no longer produces (a work renamed "
                "since, say):\n" +
                list +
                "The drive pack leaves must equal the plan: add --clean to remove them (only files "
                "an earlier pack wrote), or choose an empty folder."};
  }
  if (code == "locked")
    return {"另一个 mpcheck pack 正在写入这个输出文件夹：" + detail + "。请等它结束后再运行。",
            "another mpcheck pack is writing to this output folder: " + detail +
                ". Wait for it to finish, then run again."};
  return {"写入失败（U盘读写错误或被拔出）：" + detail +
              "。已写入的文件完整，重新运行同一命令可继续。",
          "writing failed (a drive error, or the drive was unplugged): " + detail +
              ". What was written is complete; run the same command again to continue."};
}

} // namespace mpcheck::pack
