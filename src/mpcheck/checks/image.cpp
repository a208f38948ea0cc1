// image.*: the pictures of a work (a new-media work's poster and QR code): format, colour
// mode, paper size at the dpi, density, and whether the QR image is there and decodes.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/checks/picture_role.hpp"
#include "mpcheck/core/probe_errors.hpp"

namespace mpcheck::checks {

namespace {

// The role an image plays in its work: the one whose words its name contains (二维码, 海报);
// else the category's only role; else what the picture is (checks::picture_role, docs/qr.md):
// the QR role for a picture that is essentially one QR code, the first other role (the
// poster) for any other decoded picture. nullptr when the name does not say and the pixels
// were not decoded (--fast): the notice's own name (作品名-新媒体作品-单位.jpg) has no mark.
const rules::ImageRole* role_of(const rules::CategoryRules& cat, const SubmissionFile& file)
{
  for (const auto& role : cat.images)
    for (const auto& word : role.accept)
      if (!word.empty() && file.name.find(word) != std::string::npos)
        return &role;
  if (cat.images.size() == 1)
    return &cat.images.front();
  const checks::PictureRole what = checks::picture_role(file.facts);
  if (what == checks::PictureRole::unknown)
    return nullptr;
  for (const auto& role : cat.images)
    if (role.qr_code == (what == checks::PictureRole::qr_code))
      return &role;
  return nullptr;
}

void format(const Context& ctx, const SubmissionFile& file, const rules::ImageRole& role)
{
  const std::string got = file.facts.image ? file.facts.image->format : "unreadable";
  if (role.formats.empty() ||
      std::find(role.formats.begin(), role.formats.end(), got) != role.formats.end())
    return;
  if (Finding* f = ctx.sink.add(ids::image_format, &role.origin, file.path, ctx.work_of(file))) {
    f->expected = role.formats.front();
    f->actual = got;
    f->message = {"图片实际格式是 " + got + "，要求 " + role.formats.front(),
                  "the image really is " + got + "; " + role.formats.front() + " is required"};
    f->hint = {"在图片软件（如 Photoshop）中另存为 JPG；只改扩展名不会改变格式。",
               "Save it as JPG in an image editor; renaming the extension does not convert it."};
  }
}

void color_mode(const Context& ctx, const SubmissionFile& file, const rules::ImageRole& role)
{
  const ImageFacts& img = *file.facts.image;
  if (role.color_mode.empty() || img.color_mode == role.color_mode)
    return;
  if (Finding* f =
          ctx.sink.add(ids::image_color_mode, &role.origin, file.path, ctx.work_of(file))) {
    f->expected = role.color_mode;
    f->actual = img.color_mode;
    f->message = {"色彩模式是 " + img.color_mode + "，要求 " + role.color_mode + "（印刷用）",
                  "the colour mode is " + img.color_mode + "; " + role.color_mode +
                      " is required (for print)"};
    f->hint = {"在 Photoshop 中：图像 → 模式 → CMYK 颜色，然后另存为 JPG。",
               "In Photoshop: Image → Mode → CMYK Color, then save as JPG."};
  }
}

bool size_matches(const ImageFacts& img, rules::Size want, double tolerance)
{
  auto close = [&](int got, int w) { return std::fabs(double(got - w)) <= double(w) * tolerance; };
  return (close(img.width, want.width) && close(img.height, want.height)) ||
         (close(img.width, want.height) && close(img.height, want.width));
}

void size(const Context& ctx, const SubmissionFile& file, const rules::ImageRole& role)
{
  const auto want = role.expected_size();
  const ImageFacts& img = *file.facts.image;
  if (!want || size_matches(img, *want, role.size_tolerance))
    return;
  if (Finding* f = ctx.sink.add(ids::image_size, &role.origin, file.path, ctx.work_of(file))) {
    const std::string paper = role.paper ? std::string(role.paper->name) : "";
    f->expected = fmt::format("{}x{} ({} @ {} dpi)", want->width, want->height, paper, role.dpi);
    f->actual = fmt::format("{}x{}", img.width, img.height);
    f->message = {"图片尺寸 " + f->actual.zh + " 不是 " + paper + " 尺寸（" + f->expected.zh + "）",
                  "the image is " + f->actual.zh + ", not " + paper + " size (" + f->expected.zh +
                      ")"};
    f->hint = {fmt::format("按 {} 尺寸、{} dpi 重新制作或导出（{}x{} 像素）。", paper, role.dpi,
                           want->width, want->height),
               fmt::format("Make or export it at {} size, {} dpi ({}x{} pixels).", paper, role.dpi,
                           want->width, want->height)};
  }
}

void dpi(const Context& ctx, const SubmissionFile& file, const rules::ImageRole& role)
{
  const ImageFacts& img = *file.facts.image;
  if (role.dpi <= 0 || std::fabs(img.dpi_x - role.dpi) <= 1.0)
    return;
  if (Finding* f = ctx.sink.add(ids::image_dpi, &role.origin, file.path, ctx.work_of(file))) {
    f->expected = fmt::format("{} dpi", role.dpi);
    f->actual =
        img.dpi_x > 0 ? Text(fmt::format("{:g} dpi", img.dpi_x)) : Text{"未标注", "not stated"};
    f->message = {"图片分辨率标注为 " + f->actual.zh + "，要求 " + f->expected.zh,
                  "the image's density is " + f->actual.zh + "; " + f->expected.zh +
                      " is required"};
    f->hint = {
        fmt::format("在 Photoshop 中：图像 → 图像大小，分辨率设为 {} 像素/英寸。", role.dpi),
        fmt::format("In Photoshop: Image → Image Size, resolution {} pixels/inch.", role.dpi)};
  }
}

// What stands in the way of reading the QR code of `file`, or nullopt when a code was read or
// the pixels were not decoded (--fast: not decoded is not "no QR code").
std::optional<Text> qr_problem(const SubmissionFile& file)
{
  if (!file.facts.image) {
    const std::string code = file.facts.error ? file.facts.error->code : "not-image";
    return Text{"文件无法作为图片打开（" + probe_error_message(code).zh + "），无法识别二维码",
                "the file does not open as an image (" + probe_error_message(code).en +
                    "), so no QR code can be read"};
  }
  const ImageFacts& img = *file.facts.image;
  if (!img.qr_codes || !img.qr_codes->empty())
    return std::nullopt;
  if (img.qr_error)
    return Text{"图片无法完整解码（" + probe_error_message(img.qr_error->code).zh +
                    "），没有识别到二维码",
                "the image does not decode completely (" +
                    probe_error_message(img.qr_error->code).en + "); no QR code was read"};
  return Text{"图片中没有识别到二维码", "no QR code could be read in the image"};
}

bool has_code(const SubmissionFile* file)
{
  return file->facts.image && file->facts.image->qr_codes && !file->facts.image->qr_codes->empty();
}

bool not_decoded(const SubmissionFile* file)
{
  return file->facts.image && !file->facts.image->qr_codes;
}

Text qr_hint()
{
  return {"二维码无法识别：请用清晰、未裁切的二维码原图（如从平台后台下载的原图），四周留白，"
          "不要拉伸或过度压缩；报送前用手机扫一扫确认能打开作品地址。",
          "The QR code cannot be read: use the clear, uncropped original (as downloaded from "
          "the platform) with a white margin around it, neither stretched nor heavily "
          "compressed; scan it with a phone before submitting to make sure it opens the "
          "work's address."};
}

// A QR image of the work in which no code could be read. `elsewhere`: another picture of the
// work (the poster) carries a code, so the work has its QR code and this is a warning.
void unreadable_qr_image(const Context& ctx, const SubmissionFile& file,
                         const rules::ImageRole& role, const Text& problem, bool elsewhere)
{
  if (Finding* f = ctx.sink.add(ids::image_qr_code, &role.origin, file.path, ctx.work_of(file))) {
    f->expected = Text{"可识别的二维码", "a QR code that scans"};
    f->actual = Text{"未识别到二维码", "no QR code read"};
    f->message = problem;
    if (elsewhere) {
      if (f->severity == Severity::error)
        f->severity = Severity::warning;
      f->message = {problem.zh + "（作品的其他图片中识别到了二维码）",
                    problem.en + " (another picture of the work carries one)"};
    }
    f->hint = qr_hint();
  }
}

// A work whose pictures were decoded and hold no QR code at all, and none of them is its QR
// image (the notice requires 作品地址二维码).
void no_code_in_work(const Context& ctx, const Work& work, const rules::ImageRole& role,
                     const SubmissionFile& first_image)
{
  if (Finding* f = ctx.sink.add(ids::image_qr_code, &role.origin, first_image.path, work.title)) {
    f->expected = Text{"作品地址二维码", "the QR code of the work's address"};
    f->actual =
        Text{"作品的图片中都没有识别到二维码", "no QR code read in any picture of the work"};
    f->message = {"新媒体作品缺少作品地址二维码：作品的图片（含海报）中都没有识别到二维码",
                  "the new-media work has no QR code of its address: none was read in any of "
                  "its pictures (the poster included)"};
    f->hint = {"添加作品地址二维码图片，文件名如“" + work.title + "-" + work.category + "-单位" +
                   role.suffix + ".jpg”，或在海报上印清晰可扫的二维码。",
               "Add the QR code image of the work's address, named like '" + work.title + "-" +
                   work.category + "-unit" + role.suffix +
                   ".jpg', or print a clear, scannable code on the poster."};
  }
}

// --fast: the pictures were not decoded, so nothing is claimed about the QR code, and a
// picture whose name does not say what it is got no poster checks either. Said once per work.
void qr_not_checked(const Context& ctx, const Work& work, const rules::ImageRole& role,
                    const SubmissionFile& first_image, bool roles_unknown)
{
  if (Finding* f = ctx.sink.add(ids::image_qr_code, &role.origin, first_image.path, work.title)) {
    f->severity = Severity::info;
    f->expected = Text{"作品地址二维码", "the QR code of the work's address"};
    f->actual = Text{"未检查（--fast 不解码图片）", "not checked (--fast decodes no picture)"};
    f->message = {"未检查二维码：--fast 不解码图片",
                  "the QR code was not checked: --fast decodes no picture"};
    if (roles_unknown)
      f->message = {f->message.zh + "；文件名未标明是海报还是二维码的图片，也未按海报要求检查",
                    f->message.en + "; pictures whose names do not say whether they are the "
                                    "poster or the QR code got no poster checks either"};
    f->hint = {"去掉 --fast 再检查一次。", "Check again without --fast."};
  }
}

void missing_role(const Context& ctx, const Work& work, const rules::ImageRole& role)
{
  const rules::CheckId check = role.qr_code ? ids::image_qr_code : ids::document_missing;
  const std::string path = work.files.empty() ? "" : ctx.sub.files[size_t(work.files.front())].path;
  if (Finding* f = ctx.sink.add(check, &role.origin, path, work.title)) {
    f->expected = role.accept.empty() ? role.role : role.accept.front();
    f->actual = "—";
    f->message = role.qr_code
                     ? Text{"新媒体作品缺少作品地址二维码图片",
                            "the new-media work has no QR code image of its address"}
                     : Text{"缺少" + f->expected.zh, "the " + role.role + " image is missing"};
    f->hint = {"添加图片，文件名如“" + work.title + "-" + work.category + "-单位" + role.suffix +
                   ".jpg”。",
               "Add the image, named like '" + work.title + "-" + work.category + "-unit" +
                   role.suffix + ".jpg'."};
  }
}

// A `qr_code` role of a work: a code read in any of its pictures (the QR image or the poster)
// satisfies it; a QR image without one is a warning then. No code anywhere is the role's
// finding (an error by default) when every picture was decoded; under --fast it is an info
// that nothing was checked.
void work_qr_code(const Context& ctx, const Work& work, const rules::CategoryRules& cat,
                  const rules::ImageRole& role)
{
  std::vector<const SubmissionFile*> images;
  for (int i : work.files)
    if (ctx.sub.files[size_t(i)].kind == FileKind::image)
      images.push_back(&ctx.sub.files[size_t(i)]);
  const bool found = std::any_of(images.begin(), images.end(), has_code);
  const bool undecoded = std::any_of(images.begin(), images.end(), not_decoded);
  bool qr_image = false;
  for (const SubmissionFile* file : images) {
    if (role_of(cat, *file) != &role)
      continue;
    qr_image = true;
    if (const auto problem = qr_problem(*file); problem && (found || !undecoded))
      unreadable_qr_image(ctx, *file, role, *problem, found);
  }
  if (found || (qr_image && !undecoded))
    return;
  if (images.empty()) {
    if (role.required)
      missing_role(ctx, work, role);
  } else if (undecoded) {
    const bool roles_unknown = std::any_of(
        images.begin(), images.end(), [&](const auto* f) { return role_of(cat, *f) == nullptr; });
    qr_not_checked(ctx, work, role, *images.front(), roles_unknown);
  } else if (role.required) {
    no_code_in_work(ctx, work, role, *images.front());
  }
}

} // namespace

void check_image(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (file.kind != FileKind::image || file.size == 0)
      continue;
    const rules::ImageRole* role = role_of(ctx.rules_for(file), file);
    if (!role)
      continue;
    format(ctx, file, *role);
    if (!file.facts.image)
      continue;
    color_mode(ctx, file, *role);
    size(ctx, file, *role);
    dpi(ctx, file, *role);
  }
  for (const auto& work : ctx.sub.works) {
    const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
    for (const auto& role : cat.images) {
      if (!ctx.whole_drive()) // loose files: an image not given is not missing
        continue;
      if (role.qr_code) {
        work_qr_code(ctx, work, cat, role);
        continue;
      }
      if (!role.required)
        continue;
      const bool present = std::any_of(work.files.begin(), work.files.end(), [&](int i) {
        const auto& f = ctx.sub.files[size_t(i)];
        return f.kind == FileKind::image && role_of(cat, f) == &role;
      });
      if (!present)
        missing_role(ctx, work, role);
    }
  }
}

} // namespace mpcheck::checks
