// mpcheck_forms_demo DIR: writes every form (汇总表, 报名表（一）, 报名表（二） with a QR picture,
// 统计表 of 12 and of 30 lectures, 师资库统计表 of 24 people, 授课记录) filled with sample data
// into DIR, and the two 报名表 again with the longest texts (entry_video_long.docx,
// entry_new_media_long.docx: a 500-character summary, names and platforms running over several
// lines), for the rendering test (tests/cli/test_forms_render.py) and the pictures in
// docs/forms.md.

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

// UTF-8 of BMP characters.
std::string utf8(const std::u32string& text)
{
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80)
      out += char(c);
    else if (c < 0x800)
      out += {char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F))};
    else
      out += {char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
  }
  return out;
}

// `count` characters of running Chinese text with its punctuation.
std::string chinese_text(size_t count)
{
  const std::u32string sentence =
      U"本片以社区党支部书记的一天为线索，记录老旧小区改造中党员带头、居民参与的真实场景，"
      U"展现党建引领基层治理的生动实践。";
  std::u32string text;
  while (text.size() < count)
    text += sentence;
  text.resize(count);
  text.back() = U'。';
  return utf8(text);
}

// The longest entry the forms are measured for: a 500-character summary, and names, creators,
// platforms and reach that run over several lines.
docs::WorkEntry long_work(docs::WorkEntry work)
{
  work.title = "奋进新征程 建功新时代——新时代基层党组织书记履职尽责纪实系列专题片";
  work.producer = "中共常州市天宁区委组织部、天宁区融媒体中心、天宁区党员教育中心联合摄制";
  work.creators = "总策划：李明、王芳；总导演：赵强；撰稿：陈静、周洋、吴昊；摄像：郑凯、孙磊、"
                  "钱程；剪辑：冯雪、褚亮；配音：卫东、蒋丽；包装：沈涛、韩梅";
  work.platform = "常州龙城先锋微信公众号、学习强国江苏学习平台、天宁发布抖音号、天宁区"
                  "融媒体中心视频号、江苏共产党员网";
  work.new_media_type = "微信推文、H5 互动页面、系列短视频、主题海报";
  work.reach = "上线一周累计阅读量 12.6 万次、点赞 8600 次、转发 3200 次，获“学习强国”江苏"
               "学习平台、常州日报、常州广电等 6 家市级以上媒体转载，相关话题阅读量超过 50 "
               "万次，收到党员群众留言 1200 余条。";
  work.summary = chinese_text(500);
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

// "2019-MM-DD".
std::string date_of(int month, int day)
{
  char text[16];
  std::snprintf(text, sizeof text, "2019-%02d-%02d", month, day);
  return text;
}

// `count` lectures: the two above, then speakers 讲师03, 讲师04, … with long positions and
// titles, each on its own day (dates of every width: 2019年7月3日 to 2019年12月31日).
std::vector<docs::LectureEntry> many_lectures(int count)
{
  std::vector<docs::LectureEntry> out = lectures();
  for (int i = 3; i <= count; ++i) {
    const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    out.push_back({"讲师" + n, i % 2 ? "县委宣传部副部长兼网信办主任" : "第三党支部宣传委员",
                   i % 3 ? "从焦裕禄精神中汲取奋进新时代的力量" : "我和我的祖国",
                   date_of(7 + i % 6, i), std::to_string(30 + i), "", ""});
  }
  return out;
}

std::vector<docs::LecturerEntry> lecturers(int count)
{
  std::vector<docs::LecturerEntry> out = {
      {"李明", "男", "1975-03", "焦作市解放区委宣传部", "理论科科长", "13903910001"},
      {"王芳", "女", "1982-11", "焦作市解放区民主街道党工委", "组织委员", "13903910002"}};
  // 孙华, 李华, …: the i-th of these surnames and 华 (tests/cli/test_forms_render.py).
  const std::u32string surnames = U"赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张";
  for (int i = 3; i <= count; ++i) {
    const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    out.push_back({utf8(surnames.substr(size_t(i - 1) % surnames.size(), 1)) + "华",
                   i % 2 ? "男" : "女", "19" + std::to_string(60 + i) + "-12",
                   "焦作市解放区焦南街道办事处党工委", "党建工作办公室副主任", "139039100" + n});
  }
  return out;
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
      write(docs::changzhou_entry_video(unit, long_work(video_work())),
            dir / "entry_video_long.docx") &&
      write(docs::changzhou_entry_new_media(unit, long_work(media)),
            dir / "entry_new_media_long.docx") &&
      write(docs::jiaozuo_statistics(unit, many_lectures(12)), dir / "statistics.docx") &&
      write(docs::jiaozuo_statistics(unit, many_lectures(30)), dir / "statistics_30.docx") &&
      write(docs::jiaozuo_lecturers(unit, lecturers(24)), dir / "lecturers.docx") &&
      write(docs::branch_lecture_record(unit, branch_lectures()), dir / "lecture_record.docx");
  return ok ? 0 : 3;
}
