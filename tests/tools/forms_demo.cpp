// mpcheck_forms_demo DIR: writes the five forms (汇总表, 报名表（一）, 报名表（二） with a QR
// picture, 统计表, 授课记录) filled with sample data into DIR, for the rendering test
// (tests/cli/test_forms_render.py) and for looking at them by eye.

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <png.h>

#include "mpcheck/docs/forms.hpp"
#include "mpcheck/pack/forms.hpp"

namespace {

namespace docs = mpcheck::docs;

// Draws a QR-like picture (three finder squares, pseudo-random modules, quiet zone) as a PNG:
// the forms only need a picture, not a decodable code.
bool write_qr_png(const std::string& path)
{
  constexpr int modules = 25, quiet = 4, scale = 8, side = (modules + 2 * quiet) * scale;
  std::vector<unsigned char> pixels(size_t(side) * side, 255);
  unsigned state = 12345;
  auto finder = [](int x, int y) {
    for (int cx : {0, modules - 7})
      for (int cy : {0, modules - 7})
        if ((cx == 0 || cy == 0) && x >= cx && x < cx + 7 && y >= cy && y < cy + 7) {
          const int dx = std::min(x - cx, cx + 6 - x), dy = std::min(y - cy, cy + 6 - y);
          return std::min(dx, dy) != 1 ? 1 : 0;
        }
    return -1;
  };
  for (int y = 0; y < modules; ++y)
    for (int x = 0; x < modules; ++x) {
      state = state * 1103515245 + 12345;
      const int f = finder(x, y);
      const bool dark = f >= 0 ? f == 1 : ((state >> 16) & 1) != 0;
      for (int py = 0; dark && py < scale; ++py)
        for (int px = 0; px < scale; ++px)
          pixels[size_t((y + quiet) * scale + py) * side + size_t((x + quiet) * scale + px)] = 0;
    }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = side;
  image.height = side;
  image.format = PNG_FORMAT_GRAY;
  return png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), side, nullptr) != 0;
}

docs::WorkEntry video_work()
{
  docs::WorkEntry work;
  work.title = "初心如磐 <使命> & “担当”";
  work.category = "微视频";
  work.producer = "天宁区融媒体中心";
  work.creators = "李明、王芳、赵强";
  work.summary = "本片讲述社区党支部书记带领居民改造老旧小区的故事。\n"
                 "以小切口展现党建引领基层治理的成效。";
  work.episodes = 5;
  work.minutes_per_episode = 7.5;
  return work;
}

docs::WorkEntry new_media_work(const std::string& qr_path)
{
  docs::WorkEntry work;
  work.title = "龙城先锋说";
  work.category = "新媒体作品";
  work.producer = "天宁区委组织部";
  work.creators = "陈静、周洋";
  work.summary = "系列微信推文，以图文形式解读党纪学习教育要点。";
  work.new_media_type = "微信推文";
  work.platform = "常州龙城先锋微信公众号";
  work.reach = "累计阅读量 3.2 万次，获市级媒体转载。";
  mpcheck::docs::Image image;
  std::string error;
  if (!qr_path.empty() && mpcheck::pack::load_image(qr_path, image, error))
    work.qr_image = std::move(image);
  return work;
}

// Rows of 焦作's 统计表: audience is the number of listeners.
std::vector<docs::LectureEntry> lectures()
{
  return {{"李明", "支部书记", "弘扬伟大建党精神", "2019-06-12", "45",
           "讲述建党精神的内涵与时代价值。", "党员结合岗位谈体会，提出三条改进建议。"},
          {"王芳", "组织委员", "我和我的祖国", "2019-07-03", "38", "回顾新中国成立70年的成就。",
           "大家分享了家乡的变化。"}};
}

// Records of the branch's 授课记录: audience names the members present.
std::vector<docs::LectureEntry> branch_lectures()
{
  std::vector<docs::LectureEntry> out = lectures();
  out[0].audience = "第一党小组全体党员（12人）";
  out[1].audience = "支部委员、入党积极分子";
  return out;
}

bool write(const docs::DocxWriter& doc, const std::filesystem::path& path)
{
  std::string error;
  if (doc.write(path.string(), error))
    return true;
  std::fprintf(stderr, "mpcheck_forms_demo: error: %s\n", error.c_str());
  return false;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::fprintf(stderr, "usage: mpcheck_forms_demo DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const std::string qr = (dir / "qr.png").string();
  if (!write_qr_png(qr)) {
    std::fprintf(stderr, "mpcheck_forms_demo: error: %s: cannot write\n", qr.c_str());
    return 3;
  }
  const docs::UnitInfo unit{"天宁区委组织部", "钟天翼", "85680635"};
  const docs::WorkEntry media = new_media_work(qr);
  const bool ok =
      write(docs::changzhou_summary(unit, {video_work(), media}), dir / "summary.docx") &&
      write(docs::changzhou_entry_video(unit, video_work()), dir / "entry_video.docx") &&
      write(docs::changzhou_entry_new_media(unit, media), dir / "entry_new_media.docx") &&
      write(docs::jiaozuo_statistics(unit, lectures()), dir / "statistics.docx") &&
      write(docs::branch_lecture_record(unit, branch_lectures()), dir / "lecture_record.docx");
  return ok ? 0 : 3;
}
