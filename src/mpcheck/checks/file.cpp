// file.*: empty files, unreadable files and folders, the FAT32 4 GiB limit, symbolic links,
// and the drive against the manifest-sha256.txt pack wrote (bytes changed, files missing or
// added).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/naming/fs_rules.hpp"

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
  if (error == "fifo")
    return {"命名管道（FIFO），不是普通文件，未读取",
            "a named pipe (FIFO), not a regular file; not read"};
  if (error == "socket")
    return {"套接字，不是普通文件，未读取", "a socket, not a regular file; not read"};
  if (error == "device")
    return {"设备文件，不是普通文件，未读取", "a device file, not a regular file; not read"};
  if (error == "dir-named-file")
    return {"这是一个文件夹，名字却像文件（扩展名），里面的内容另行检查",
            "a folder named like a file (it has a file extension); its contents are checked "
            "on their own"};
  if (error == "symlink-dir")
    return {"指向文件夹的链接，未跟随检查", "a link to a folder; not followed"};
  return {"读取出错（磁盘或U盘读错误）", "a read error (disk or USB drive)"};
}

// The problem as a report's 实际 (found) value: a few words, not the code.
Text problem_actual(const std::string& error)
{
  if (error == "not-found")
    return {"不存在", "does not exist"};
  if (error == "permission")
    return {"无读取权限", "no permission to read"};
  if (error == "loop")
    return {"符号链接循环", "a loop of symbolic links"};
  if (error == "too-deep")
    return {"超过 64 层", "over 64 levels"};
  if (error == "fifo")
    return {"命名管道（FIFO）", "a named pipe (FIFO)"};
  if (error == "socket")
    return {"套接字", "a socket"};
  if (error == "device")
    return {"设备文件", "a device file"};
  if (error == "dir-named-file")
    return {"名字像文件的文件夹", "a folder named like a file"};
  if (error == "symlink-dir")
    return {"指向文件夹的链接", "a link to a folder"};
  return {"读取出错", "read error"};
}

void unreadable_file(const Context& ctx, const std::string& path, const std::string& error,
                     const std::string& work)
{
  if (Finding* f = ctx.sink.add(ids::file_unreadable, nullptr, path, work)) {
    f->expected = Text{"可读取", "readable"};
    f->actual = problem_actual(error);
    f->message = problem_text(error);
    if (error == "fifo" || error == "socket" || error == "device")
      f->hint = {"删除它：报送的U盘上只放作品、表格和文本文件。",
                 "Delete it: a submission drive holds only the works, forms and texts."};
    else if (error == "permission")
      f->hint = {"这是读取权限的问题，不是U盘坏了：用能读取它的账户再检查一次，或给它读取权限（如 "
                 "chmod -R a+rX）；在它能读取之前，它（是文件夹时连同里面的文件）都没有检查。",
                 "A question of permissions, not a damaged drive: check again as a user who may "
                 "read it, or give it read permission (e.g. chmod -R a+rX); until then it (and, "
                 "for a folder, all inside it) is not checked."};
    else if (error == "dir-named-file")
      f->hint = {"把文件夹改名（去掉扩展名），或把里面的文件移出来。",
                 "Rename the folder (drop the extension), or move the file inside out of it."};
    else if (error == "symlink-dir")
      f->hint = {"把链接换成真正的文件：删除该链接，把它指向的文件夹里要报送的文件复制过来；"
                 "不需要就直接删除链接（U盘上不能有链接）。",
                 "Replace the link with the real files: delete it and copy the files to submit "
                 "from the folder it leads to; if they are not needed, just delete the link (a "
                 "drive cannot hold links)."};
    else if (error == "loop")
      f->hint = {"删除这个链接（它指向自己，没有内容），把真正的文件复制到这里。",
                 "Delete the link (it leads back to itself and holds nothing) and copy the real "
                 "file here."};
    else
      f->hint = {
          "重新拷贝该文件（或检查权限）；若仍失败，U盘可能已损坏。",
          "Copy it again (or check its permissions); if that fails too, the drive may be damaged."};
  }
}

// A link leading out of the checked folder: never opened (docs/pack.md, "What pack reads and
// writes"), and pack refuses it.
void symlink_outside(const Context& ctx, const TreeProblem& p)
{
  if (Finding* f = ctx.sink.add(ids::file_symlink_outside, nullptr, p.path, "")) {
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
void symlink_inside(const Context& ctx, const SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add(ids::file_symlink, nullptr, file.path, ctx.work_of(file))) {
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

bool reported_unreadable(const SubmissionFile& file)
{
  return file.facts.error &&
         (file.facts.error->code == "permission" || file.facts.error->code == "unreadable");
}

Text manifest_problem_text(const std::string& reason)
{
  if (reason == "outside")
    return {"路径指向U盘以外或不是相对路径", "a path leading outside the drive, or not relative"};
  if (reason == "duplicate")
    return {"同一文件列了两次，校验值不同", "the same file twice, with different digests"};
  return {"不是“校验值  路径”格式", "not in the form 'DIGEST  PATH'"};
}

// A manifest of which not one line can be used (unreadable, too large, empty, or garbage:
// `printf '\xff\xfe' > manifest-sha256.txt`): nothing on the drive can be verified, and a
// file it does not list says nothing about that file. Said once, as an error (unless the rule
// set lowers file.manifest-malformed): the receiver asks the unit for a new pack or manifest.
void manifest_unusable(const Context& ctx, const std::vector<ManifestProblem>& problems)
{
  Finding* f = ctx.sink.add(ids::file_manifest_malformed, nullptr, std::string(kDriveManifestName));
  if (!f)
    return;
  f->severity = ctx.rules.severity_of(ids::file_manifest_malformed.str(), Severity::error);
  f->expected = Text{"每个文件一行“SHA-256 校验值  路径”（sha256sum 格式）",
                     "one 'SHA-256  PATH' line per file (sha256sum format)"};
  const std::string whole = problems.empty() ? "empty" : problems.front().reason;
  if (problems.empty())
    f->actual = Text{"没有任何内容", "nothing in it"};
  else if (problems.front().line == 0)
    f->actual = whole == "too-large" ? Text{"超过 64 MiB，没有读取", "over 64 MiB, not read"}
                                     : Text{"读取出错", "a read error"};
  else
    f->actual = Text{fmt::format("共 {} 行，没有一行是“校验值  路径”格式", problems.size()),
                     fmt::format("none of its {} line{} is a 'DIGEST  PATH' line", problems.size(),
                                 problems.size() == 1 ? "" : "s")};
  f->message = {"manifest-sha256.txt 已损坏，不能作为清单使用：无法核实U盘上的文件与打包时是否一致"
                "（没有逐个文件报告“不在清单中”）",
                "manifest-sha256.txt is damaged and cannot be used as a manifest: whether the "
                "files on the drive are those that were packed cannot be verified (no file is "
                "reported as missing from it)"};
  f->hint = {
      "请报送单位用原始材料重新运行 mpcheck pack 重新打包（会重新生成 manifest-sha256.txt），"
      "或另交一份完好的 manifest-sha256.txt；在此之前不要删除U盘上的文件。",
      "Ask the submitting unit to run mpcheck pack again from the original material (it "
      "writes manifest-sha256.txt anew), or to send an intact manifest-sha256.txt; do not "
      "delete files from the drive meanwhile."};
}

// The lines of the manifest that say nothing usable, in one finding (the others are used).
void manifest_malformed(const Context& ctx, const std::vector<ManifestProblem>& problems)
{
  if (problems.empty())
    return;
  Finding* f = ctx.sink.add(ids::file_manifest_malformed, nullptr, std::string(kDriveManifestName));
  if (!f)
    return;
  f->expected = Text{"每行“SHA-256 校验值  路径”（sha256sum 格式）",
                     "one 'SHA-256  PATH' line per file (sha256sum format)"};
  f->hint = {"用 mpcheck pack 重新打包，清单会重新生成；不要手工编辑 manifest-sha256.txt。",
             "Pack again with mpcheck pack, which writes the manifest anew; do not edit "
             "manifest-sha256.txt by hand."};
  std::string zh, en;
  for (size_t i = 0; i < problems.size() && i < 5; ++i) {
    const Text why = manifest_problem_text(problems[i].reason);
    zh += fmt::format("{}第 {} 行（{}）", i ? "、" : "", problems[i].line, why.zh);
    en += fmt::format("{}line {} ({})", i ? ", " : "", problems[i].line, why.en);
  }
  if (problems.size() > 5) {
    zh += fmt::format("等 {} 行", problems.size());
    en += fmt::format(" and {} more", problems.size() - 5);
  }
  f->actual = Text{zh, en};
  f->message = {
      fmt::format("manifest-sha256.txt 有 {} 行无法使用，这些行的文件没有校验", problems.size()),
      fmt::format("{} line{} of manifest-sha256.txt cannot be used; the files they "
                  "list are not verified",
                  problems.size(), problems.size() == 1 ? "" : "s")};
}

void hash_mismatch(const Context& ctx, const SubmissionFile& file, const ManifestEntry& entry)
{
  if (Finding* f = ctx.sink.add(ids::file_hash_mismatch, nullptr, file.path, ctx.work_of(file))) {
    f->expected = "SHA-256 " + entry.sha256;
    f->actual = "SHA-256 " + file.sha256;
    f->message = {"文件内容与 manifest-sha256.txt 记录的不一致：打包后被改动，或拷贝中损坏",
                  "the file's bytes differ from what manifest-sha256.txt records: changed after "
                  "packing, or damaged in a copy"};
    f->hint = {"用原始材料重新运行 mpcheck pack；或从原始文件重新拷贝该文件后再检查。",
               "Run mpcheck pack again from the original material, or copy the file again from "
               "the original and check once more."};
  }
}

void missing_from_drive(const Context& ctx, const ManifestEntry& entry)
{
  const std::string path = naming::to_nfc(naming::replace_invalid_utf8(entry.path));
  if (Finding* f = ctx.sink.add(ids::file_missing_from_drive, nullptr, path)) {
    f->expected = path;
    f->actual = "—";
    f->message = {
        fmt::format("manifest-sha256.txt（第 {} 行）列出的文件不在U盘上", entry.line),
        fmt::format("a file manifest-sha256.txt lists (line {}) is not on the drive", entry.line)};
    f->hint = {"重新运行同一条 mpcheck pack 命令，或把该文件拷回原处。",
               "Run the same mpcheck pack command again, or copy the file back where it was."};
  }
}

void not_in_manifest(const Context& ctx, const SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add(ids::file_not_in_manifest, nullptr, file.path, ctx.work_of(file))) {
    f->expected = Text{"列在 manifest-sha256.txt 中", "listed in manifest-sha256.txt"};
    f->actual = Text{"未列出", "not listed"};
    f->message = {"manifest-sha256.txt 里没有这个文件：它不是那次打包写下的（打包之后才放上U盘，"
                  "或清单被改过），内容无法核对",
                  "manifest-sha256.txt does not list this file: that pack did not write it (put "
                  "on the drive after packing, or the manifest was changed); its bytes cannot "
                  "be verified"};
    f->hint = {
        "要报送的文件：把它放进材料，重新运行 mpcheck pack（清单随之更新）；不要报送的：删掉。"
        "收件方：向报送单位核实它是哪来的。",
        "A file to submit: add it to the material and run mpcheck pack again (the "
        "manifest is written anew); one not to submit: remove it. Receivers: ask the unit "
        "where it comes from."};
  }
}

// The drive against its manifest-sha256.txt: every listed file present with the listed bytes,
// every file listed (pack's own files and junk, which pack never copies, aside).
void verify_manifest(const Context& ctx)
{
  const DriveManifest& manifest = *ctx.sub.manifest;
  if (manifest.entries.empty()) {
    // Not one usable line: nothing to compare (a drive with no file and an empty manifest
    // agree).
    const bool files =
        std::any_of(ctx.sub.files.begin(), ctx.sub.files.end(),
                    [](const SubmissionFile& f) { return f.kind != FileKind::junk; });
    if (files || !manifest.problems.empty())
      manifest_unusable(ctx, manifest.problems);
    return;
  }
  manifest_malformed(ctx, manifest.problems);
  // Paths the walk could not read, or in a folder it could not read: file.unreadable's to
  // report, never "missing".
  std::set<std::string> unreadable;
  for (const auto& p : ctx.sub.problems)
    unreadable.insert(p.path);
  std::vector<bool> listed(ctx.sub.files.size());
  for (const auto& entry : manifest.entries) {
    if (entry.file < 0) {
      const std::string path = naming::to_nfc(naming::replace_invalid_utf8(entry.path));
      if (!unreadable.count(path) && !ctx.unread_holds(path))
        missing_from_drive(ctx, entry);
      continue;
    }
    listed[size_t(entry.file)] = true;
    const auto& file = ctx.sub.files[size_t(entry.file)];
    if (file.sha256.empty()) {
      if (!reported_unreadable(file))
        unreadable_file(ctx, file.path, "unreadable", ctx.work_of(file));
    } else if (file.sha256 != entry.sha256) {
      hash_mismatch(ctx, file, entry);
    }
  }
  for (size_t i = 0; i < ctx.sub.files.size(); ++i)
    if (!listed[i] && ctx.sub.files[i].kind != FileKind::junk)
      not_in_manifest(ctx, ctx.sub.files[i]);
}

} // namespace

void check_file(const Context& ctx)
{
  if (ctx.sub.manifest)
    verify_manifest(ctx);
  for (const auto& p : ctx.sub.problems) {
    if (p.error == "symlink-outside")
      symlink_outside(ctx, p);
    else
      unreadable_file(ctx, p.path, p.error, "");
  }
  for (const auto& file : ctx.sub.files) {
    if (file.kind == FileKind::junk)
      continue;
    if (!file.link_target.empty())
      symlink_inside(ctx, file);
    if (file.size == 0) {
      if (Finding* f = ctx.sink.add(ids::file_empty, nullptr, file.path, ctx.work_of(file))) {
        f->expected = "> 0 B";
        f->actual = "0 B";
        f->message = {"文件是空的（0 字节）", "the file is empty (0 bytes)"};
        f->hint = {
            "从原始文件重新拷贝；拷贝完成前不要拔出U盘。",
            "Copy it again from the original; do not unplug the drive before the copy ends."};
      }
      continue;
    }
    if (reported_unreadable(file))
      unreadable_file(ctx, file.path, file.facts.error->code, ctx.work_of(file));
    if (file.size > fat32_limit)
      if (Finding* f = ctx.sink.add(ids::file_fat32_limit, nullptr, file.path, ctx.work_of(file))) {
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
