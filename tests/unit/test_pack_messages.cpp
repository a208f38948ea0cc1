#include "mpcheck/pack/messages.hpp"

#include <doctest/doctest.h>

#include <cerrno>

using namespace mpcheck;

TEST_CASE("error_text from the facts: the cause in plain words, never strerror's English")
{
  using pack::ErrorFacts;
  // The disk filled during the copy: the file, and what is left, in Chinese units.
  ErrorFacts full = ErrorFacts::call("cannot write", "/media/usb/作品/a（有字幕）.mp4", ENOSPC);
  full.available = 0;
  const Text space = pack::error_text("no-space", "No space left on device", full);
  CHECK(space.in(Lang::zh) == "目标盘空间不足：无法写入 /media/usb/作品/a（有字幕）.mp4，磁盘已满"
                              "（只剩 0 字节）。请删除目标盘上不需要的文件或换一个更大的U盘，"
                              "然后重新运行同一命令：已完整写入的文件不会重复复制。");
  CHECK(space.in(Lang::en).starts_with("not enough space on the target: cannot write "
                                       "/media/usb/作品/a（有字幕）.mp4, the disk is full (0 "
                                       "bytes free)."));
  // The same with the file's size (pack::note_space, once its temporary file is gone).
  full.needed = 1177600000;
  full.available = 315000000;
  CHECK(pack::error_text("no-space", "", full).in(Lang::zh) ==
        "目标盘空间不足：无法写入 /media/usb/作品/a（有字幕）.mp4，这个文件需要 1.2 GB（1177600000 "
        "字节），目标盘只剩 315 MB（315000000 字节）。请删除目标盘上不需要的文件或换一个更大的U盘，"
        "然后重新运行同一命令：已完整写入的文件不会重复复制。");
  // Before the copy: needed against free.
  const Text before =
      pack::error_text("no-space", "", ErrorFacts::at("/u", "", 1177600000, 315000000));
  CHECK(
      before.in(Lang::zh).starts_with("目标盘空间不足：/u 需要 1.2 GB（1177600000 字节），只剩 "));
  // The file system's count of files used up during the copy (pack::note_space found none
  // left), bytes to spare: not "the disk is full".
  ErrorFacts no_files = ErrorFacts::call("cannot create", "/u/文本/a.txt", ENOSPC);
  no_files.available = 52428800;
  no_files.files_free = 0;
  const Text files = pack::error_text("no-space", "", no_files);
  CHECK(files.in(Lang::zh).starts_with(
      "目标盘放不下更多文件：无法创建 /u/文本/a.txt，文件系统能建的文件数"
      "已用完（空间还剩 52 MB（52428800 字节））。"));
  CHECK(files.in(Lang::zh).find("磁盘已满") == std::string::npos);
  CHECK(files.in(Lang::en).starts_with("the target cannot hold more files: cannot create "
                                       "/u/文本/a.txt: the file system can make no more files"));
  // Read-only, no permission, not a folder: the cause, and no "unplugged, run it again".
  for (const int err : {EROFS, EACCES, EPERM, ENOTDIR}) {
    const Text t = pack::error_text("io", "", ErrorFacts::call("cannot write", "/u/x", err));
    CHECK(t.in(Lang::zh).starts_with("无法写入 /u/x："));
    CHECK(t.in(Lang::zh).find("拔出") == std::string::npos);
    CHECK(t.in(Lang::zh).find("重新运行同一命令") == std::string::npos);
    CHECK(t.in(Lang::en).find("unplugged") == std::string::npos);
  }
  CHECK(pack::error_text("io", "", ErrorFacts::call("cannot write", "/u/x", EROFS))
            .in(Lang::zh)
            .find("只读") != std::string::npos);
  // Reading a source without permission.
  CHECK(
      pack::error_text("source-unreadable", "", ErrorFacts::call("cannot open", "/s/a.mp4", EACCES))
          .in(Lang::zh)
          .starts_with("无法读取源文件：无法打开 /s/a.mp4：没有读取权限。"));
  // A drive error keeps the re-run advice, with the system's words in Chinese.
  CHECK(pack::error_text("io", "", ErrorFacts::call("cannot write", "/u/x", EIO))
            .in(Lang::zh)
            .starts_with("无法写入 /u/x：U盘读写出错或被拔出（读写出错"));
  CHECK(pack::error_text("locked", "another mpcheck pack is writing to /u", ErrorFacts::at("/u"))
            .in(Lang::zh) ==
        "另一个 mpcheck pack 正在写入这个输出文件夹：/u。请等它结束后再运行。");
  CHECK(pack::error_text("name-too-long", "", ErrorFacts::at("长.mp4", "/u", 270, 255))
            .in(Lang::zh) == "文件名太长，/u 的文件系统放不下：长.mp4（270 字节，最多 255 "
                             "字节）。请缩短作品名（works.yaml "
                             "的 title），然后再运行。");
}

TEST_CASE("error_text says what happened and what to do, in both languages")
{
  const Text space = pack::error_text("no-space", "5 MB needed");
  CHECK(space.in(Lang::zh) == "目标盘空间不足：5 MB needed");
  CHECK(space.in(Lang::en) == "not enough space on the target: 5 MB needed");
  CHECK(pack::error_text("fat32-limit", "a.mp4")
            .in(Lang::en)
            .ends_with("Format the drive as exFAT."));
  CHECK(pack::error_text("report", "").in(Lang::zh) == "无法把检查报告写到目标盘");
  // An unknown code reads as a write failure that a re-run continues.
  CHECK(pack::error_text("io", "EIO").in(Lang::en).starts_with("writing failed"));
  for (const char* code :
       {"no-space", "fat32-limit", "name-too-long", "source-changed", "invalid-plan",
        "dest-exists-different", "dest-symlink", "source-unreadable", "locked", "io"})
    CHECK(pack::error_text(code, "DETAIL").in(Lang::zh).find("DETAIL") != std::string::npos);
}
