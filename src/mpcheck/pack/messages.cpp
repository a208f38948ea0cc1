#include "mpcheck/pack/messages.hpp"

#include <algorithm>

namespace mpcheck::pack {

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
