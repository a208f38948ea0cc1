// layout.*: required folders, files in the wrong folder, files nobody asked for, junk.
#include <algorithm>
#include <set>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/naming/junk.hpp"

namespace mpcheck::checks {

namespace {

// What decides a file's folder: its document type (报名表, 解说词) where the rule set names
// one in the file name (a picture too when it is a form's scan), else its kind.
std::string placement_kind(const Context& ctx, const SubmissionFile& f)
{
  if (f.kind == FileKind::document || f.kind == FileKind::courseware ||
      (f.kind == FileKind::image && f.document_name))
    for (const auto& doc : ctx.rules.documents) {
      if (f.name.find(doc.kind) != std::string::npos)
        return doc.kind;
      for (const auto& alias : doc.aliases)
        if (f.name.find(alias) != std::string::npos)
          return doc.kind;
    }
  return kind_name(f.kind);
}

void folder_missing(const Context& ctx)
{
  for (const auto& folder : ctx.rules.layout->folders) {
    if (std::find(ctx.sub.folders.begin(), ctx.sub.folders.end(), folder.name) !=
        ctx.sub.folders.end())
      continue;
    if (Finding* f = ctx.sink.add(ids::layout_folder_missing, &ctx.rules.layout->origin,
                                  ctx.sub.base + folder.name)) {
      f->expected = folder.name + "/";
      f->actual = "—";
      f->message = {"缺少文件夹“" + folder.name + "”",
                    "the folder '" + folder.name + "' is missing"};
      f->hint = {"在U盘（报送根目录）中新建文件夹“" + folder.name + "”，把相应文件放进去。",
                 "Create the folder '" + folder.name +
                     "' at the top of the drive and put its files in it."};
    }
  }
}

void misplaced(const Context& ctx, const SubmissionFile& file)
{
  const std::string kind = placement_kind(ctx, file);
  const rules::FolderRule* want = ctx.rules.folder_for(kind);
  if (!want) {
    if (file.kind != FileKind::other) // "other" files are layout.unexpected below
      if (Finding* f =
              ctx.sink.add(ids::layout_unexpected, nullptr, file.path, ctx.work_of(file))) {
        f->expected = "—";
        f->actual = file.folder.empty() ? file.name : file.folder + "/";
        // A document the rules know is named by its kind (解说词); any other file by its kind in
        // words (文档, 图片), never by its code.
        const Text words = kind == kind_name(file.kind) ? kind_words(file.kind) : Text{kind};
        f->message = {"规则没有为这类文件（" + words.zh + "）指定位置",
                      "the rules name no folder for this kind of file (" + words.en + ")"};
        f->hint = {"确认是否需要报送该文件；不需要就删掉。",
                   "Check whether it belongs to the submission; if not, remove it."};
      }
    return;
  }
  if (file.folder == want->name)
    return;
  if (Finding* f =
          ctx.sink.add(ids::layout_misplaced, &want->origin, file.path, ctx.work_of(file))) {
    f->expected = want->name + "/";
    const std::string dir = file.path.substr(0, file.path.size() - file.name.size());
    const std::string top = ctx.sub.base + want->name + "/";
    if (dir.ends_with("/" + want->name + "/")) {
      // In a folder of the right name, but further down: the folders are a level too deep.
      f->actual = Text(dir);
      f->message = {"“" + want->name + "”文件夹应在报送的最上层（" + top + "），现在在 " + dir,
                    "the folder '" + want->name + "' belongs at the top (" + top + "); it is at " +
                        dir};
      f->hint = {"把“" + dir + "”里的“" + want->name + "”等文件夹移到最上层，不要再套文件夹。",
                 "Move '" + want->name + "' and the folders beside it in " + dir +
                     " up to the top; no folders around them."};
      return;
    }
    f->actual = file.folder.empty() ? Text{"(根目录)", "(top level)"} : Text(file.folder + "/");
    f->message = {"该文件应放在“" + want->name + "”文件夹",
                  "this file belongs in the folder '" + want->name + "'"};
    f->hint = {"把它移到“" + want->name + "”文件夹。", "Move it into '" + want->name + "'."};
  }
}

void unexpected(const Context& ctx, const SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add(ids::layout_unexpected, nullptr, file.path, ctx.work_of(file))) {
    f->expected = Text{"视频/图片/文档", "videos, images, documents"};
    f->actual = file.extension.empty() ? file.name : file.extension;
    f->message = {"规则没有要求这个文件", "the rules do not account for this file"};
    f->hint = {"确认是否需要报送；不需要就删掉。",
               "Check whether it belongs to the submission; if not, remove it."};
  }
}

// The junk folder or file a path belongs to: "__MACOSX/作品/a.mp4" → "__MACOSX".
std::string junk_root(const std::string& path)
{
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    if (slash == std::string::npos)
      return path;
    if (naming::is_junk_folder(path.substr(start, slash - start)))
      return path.substr(0, slash);
    start = slash + 1;
  }
}

void junk(const Context& ctx)
{
  std::set<std::string> reported;
  for (const auto& file : ctx.sub.files) {
    // An interrupted pack's temporary files are submission.incomplete's to report.
    if (file.kind != FileKind::junk || naming::is_pack_leftover(file.name) ||
        !reported.insert(junk_root(file.path)).second)
      continue;
    if (Finding* f = ctx.sink.add(ids::layout_junk, nullptr, junk_root(file.path))) {
      f->expected = "—";
      f->actual = junk_root(file.path);
      f->message = {"系统自动生成的垃圾文件，不应报送",
                    "a file the operating system left behind; it does not belong on the drive"};
      f->hint = {"删除它（mpcheck pack 不会复制这类文件）。",
                 "Delete it (mpcheck pack never copies such files)."};
    }
  }
}

} // namespace

void check_layout(const Context& ctx)
{
  if (!ctx.whole_drive())
    return;
  if (ctx.rules.layout)
    folder_missing(ctx);
  for (const auto& file : ctx.sub.files) {
    if (file.kind == FileKind::junk)
      continue;
    // pack's material: its works.yaml is pack's manifest, which pack reads and leaves off the
    // drive, never a file to delete.
    if (ctx.options.material && file.path == "works.yaml")
      continue;
    if (file.kind == FileKind::other)
      unexpected(ctx, file);
    else if (ctx.rules.layout)
      misplaced(ctx, file);
  }
  junk(ctx);
}

} // namespace mpcheck::checks
