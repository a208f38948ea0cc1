#include "mpcheck/docs/forms.hpp"
#include "mpcheck/pack/forms.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "docx_testing.hpp"

using namespace mpcheck::docs;
using test::count;

namespace {

const UnitInfo unit{"天宁区委组织部", "钟天翼", "85680635"};

WorkEntry video_work()
{
  WorkEntry work;
  work.title = "初心<如磐> & “担当”";
  work.category = "微视频";
  work.producer = "天宁区融媒体中心";
  work.creators = "李明、王芳";
  work.summary = "第一段。\n第二段。";
  work.episodes = 5;
  work.minutes_per_episode = 7.5;
  return work;
}

WorkEntry new_media_work(const std::string& qr)
{
  WorkEntry work;
  work.title = "龙城先锋说";
  work.category = "新媒体作品";
  work.producer = "天宁区委组织部";
  work.creators = "陈静";
  work.summary = "系列微信推文。";
  work.new_media_type = "微信推文";
  work.platform = "常州龙城先锋微信公众号";
  work.reach = "阅读量 3.2 万次";
  mpcheck::docs::Image image;
  std::string error;
  if (!qr.empty() && mpcheck::pack::load_image(qr, image, error))
    work.qr_image = std::move(image);
  return work;
}

std::vector<LectureEntry> lectures()
{
  return {{"李明", "支部书记", "弘扬伟大建党精神", "2019-06-12", "45", "建党精神的内涵。",
           "提出三条建议。"},
          {"王芳", "组织委员", "我和我的祖国", "2019-07-03", "38", "", ""}};
}

// A form written to disk and read back: its zip entries and document.xml.
struct Written {
  std::vector<std::pair<std::string, std::string>> zip;
  std::string xml;
  std::vector<std::string> paragraphs;
  std::string bytes;
};

Written write_and_read(const DocxWriter& doc, const test::TempDir& dir, const std::string& name)
{
  std::string error;
  const std::string path = dir.file(name);
  REQUIRE_MESSAGE(doc.write(path, error), error);
  Written out{test::read_zip(path), "", {}, test::read_bytes(path)};
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                           "word/styles.xml", "docProps/core.xml", "word/document.xml"}) {
    INFO(name << " " << part);
    const std::string bytes = test::entry(out.zip, part);
    REQUIRE(bytes != "<missing>");
    CHECK(test::xml_problem(bytes) == "");
  }
  out.xml = test::entry(out.zip, "word/document.xml");
  out.paragraphs = test::paragraphs(out.xml);
  // Every table row covers its whole grid: merges are consistent.
  for (const test::TableShape& table : test::tables(out.xml))
    for (int columns : table.row_columns)
      CHECK(columns == table.grid_columns);
  // A second write of the same form gives the same bytes.
  REQUIRE(doc.write(path + ".again", error));
  CHECK(test::read_bytes(path + ".again") == out.bytes);
  return out;
}

bool has_paragraph(const Written& form, const std::string& text)
{
  return std::find(form.paragraphs.begin(), form.paragraphs.end(), text) != form.paragraphs.end();
}

void check_paragraphs(const Written& form, const std::vector<std::string>& texts)
{
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(has_paragraph(form, text));
  }
}

size_t rows(const Written& form)
{
  return count(form.xml, "<w:tr>");
}

} // namespace

TEST_CASE("docs::changzhou_summary")
{
  test::TempDir dir("docs-summary");
  WorkEntry second = new_media_work("");
  const Written form =
      write_and_read(changzhou_summary(unit, {video_work(), second}), dir, "汇总表.docx");
  check_paragraphs(form,
                   {"附件 4", "全市党员教育作品观摩交流活动汇总表", "报送单位:天宁区委组织部",
                    "联系人:钟天翼", "联系电话:85680635", "序号", "作品名称", "类别", "制作单位",
                    "初心<如磐> & “担当”", "微视频", "天宁区融媒体中心", "龙城先锋说", "新媒体作品",
                    "1", "2", "10", "注：本表纸质版报送 1 式 2 份。“类别”栏根据作品分类填写。"});
  CHECK(form.xml.find("初心&lt;如磐&gt; &amp; “担当”") != std::string::npos);
  CHECK(rows(form) == 11); // heading + the original's ten rows
  CHECK(!has_paragraph(form, "11"));
  CHECK(
      test::entry(form.zip, "docProps/core.xml").find("<dc:creator>天宁区委组织部</dc:creator>") !=
      std::string::npos);

  SUBCASE("more works than the original's rows")
  {
    const std::vector<WorkEntry> works(12, video_work());
    const Written long_form = write_and_read(changzhou_summary(unit, works), dir, "long.docx");
    CHECK(rows(long_form) == 13);
    CHECK(has_paragraph(long_form, "12"));
  }
}

TEST_CASE("docs::changzhou_entry_video")
{
  test::TempDir dir("docs-entry-video");
  const Written form =
      write_and_read(changzhou_entry_video(unit, video_work()), dir, "报名表.docx");
  check_paragraphs(form, {"附件 2",
                          "全市党员教育作品观摩交流活动报名表（一）",
                          "（典型事迹片、纪录片、培训片、文艺片、微视频和“党课开讲啦”视频）",
                          "报送单位：天宁区委组织部",
                          "名 称",
                          "制作单位",
                          "类 别",
                          "总 集 数",
                          "每集时长",
                          "主创人员",
                          "内 容 简 介",
                          "报送",
                          "单位",
                          "意见",
                          "（盖章）",
                          "年　　月　　日",
                          "注：本表纸质版报送 1 式 2 份。",
                          "初心<如磐> & “担当”",
                          "天宁区融媒体中心",
                          "微视频",
                          "5 集",
                          "7.5 分钟",
                          "李明、王芳",
                          "第一段。\n第二段。"});
  CHECK(rows(form) == 6);
  CHECK(count(form.xml, "<w:gridSpan w:val=\"5\"/>") == 5);
  // The title and the label in 黑体, the label's digit too.
  CHECK(form.xml.find("w:val=\"center\"/><w:rPr><w:rFonts w:hint=\"eastAsia\" w:ascii=\"黑体\" "
                      "w:hAnsi=\"黑体\" w:eastAsia=\"黑体\"/><w:sz w:val=\"36\"/>") !=
        std::string::npos);
  CHECK(form.xml.find("<w:rFonts w:hint=\"eastAsia\" w:ascii=\"黑体\" w:hAnsi=\"黑体\" "
                      "w:eastAsia=\"黑体\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t "
                      "xml:space=\"preserve\">附件 2</w:t>") != std::string::npos);
  // Rows never split; every row keeps with the next, the last with the 注 line.
  CHECK(count(form.xml, "<w:cantSplit/>") == 6);
  CHECK(count(form.xml, "<w:p><w:pPr><w:keepNext/>") >= 6 + 15);
  CHECK(test::entry(form.zip, "word/media/image1.png") == "<missing>");

  SUBCASE("unknown numbers leave the boxes blank")
  {
    WorkEntry work = video_work();
    work.episodes = 0;
    work.minutes_per_episode = 0;
    const Written blank = write_and_read(changzhou_entry_video(unit, work), dir, "blank.docx");
    check_paragraphs(blank, {"集", "分钟"});
  }
  SUBCASE("whole minutes have no decimals")
  {
    WorkEntry work = video_work();
    work.minutes_per_episode = 8;
    work.episodes = 1;
    const Written whole = write_and_read(changzhou_entry_video(unit, work), dir, "whole.docx");
    check_paragraphs(whole, {"1 集", "8 分钟"});
  }
}

TEST_CASE("docs::changzhou_entry_new_media")
{
  test::TempDir dir("docs-entry-new-media");
  const std::vector<std::string> labels = {
      "附件 3",
      "全市党员教育作品观摩交流活动报名表（二）",
      "（新媒体作品）",
      "报送单位：天宁区委组织部",
      "名 称",
      "类 型",
      "发布平台",
      "制作单位",
      "主创人员",
      "传播效果",
      "内 容 简 介",
      "报 送",
      "单 位",
      "意 见",
      "(盖章)",
      "年　　月　　日",
      "注：本表纸质版报送 1 式 2 份。“类型”栏填呈现形态：如微信推文、H5、海报等；“传播效果”栏填发布"
      "后浏览量及取得的反响等。",
      "龙城先锋说",
      "微信推文",
      "常州龙城先锋微信公众号",
      "天宁区委组织部",
      "陈静",
      "阅读量 3.2 万次",
      "系列微信推文。"};

  SUBCASE("with a PNG QR code")
  {
    REQUIRE(test::write_png(dir.file("qr.png"), 264, 264));
    const Written form = write_and_read(
        changzhou_entry_new_media(unit, new_media_work(dir.file("qr.png"))), dir, "报名表二.docx");
    check_paragraphs(form, labels);
    CHECK(test::entry(form.zip, "word/media/image1.png") == test::read_bytes(dir.file("qr.png")));
    CHECK(test::entry(form.zip, "[Content_Types].xml").find("Extension=\"png\"") !=
          std::string::npos);
    CHECK(!has_paragraph(form, "(二维码)"));
    CHECK(count(form.xml, "<a:blip r:embed=\"rIdImage1\"/>") == 1);
    // 264 px at 96 dpi is 2 514 600 EMU; the cell takes 1800 twips = 1 143 000 EMU.
    CHECK(count(form.xml, "<wp:extent cx=\"1143000\" cy=\"1143000\"/>") == 1);
    // The value column widened from 4306 to 4806 twips.
    CHECK(form.xml.find("<w:gridCol w:w=\"1400\"/><w:gridCol w:w=\"4806\"/><w:gridCol "
                        "w:w=\"2100\"/>") != std::string::npos);
    // The QR cell spans the rows 名称 to 主创人员.
    CHECK(count(form.xml, "<w:vMerge w:val=\"restart\"/>") == 1);
    CHECK(count(form.xml, "<w:vMerge/>") == 4);
    CHECK(rows(form) == 8);
  }
  SUBCASE("with a JPEG QR code")
  {
    REQUIRE(test::write_jpeg(dir.file("qr.jpg"), 100, 120));
    const Written form = write_and_read(
        changzhou_entry_new_media(unit, new_media_work(dir.file("qr.jpg"))), dir, "jpeg.docx");
    CHECK(test::entry(form.zip, "word/media/image1.jpeg") == test::read_bytes(dir.file("qr.jpg")));
    CHECK(count(form.xml, "<wp:extent cx=\"952500\" cy=\"1143000\"/>") == 1); // not enlarged
  }
  SUBCASE("without a QR code the placeholder stays")
  {
    const Written form =
        write_and_read(changzhou_entry_new_media(unit, new_media_work("")), dir, "none.docx");
    check_paragraphs(form, labels);
    CHECK(has_paragraph(form, "(二维码)"));
    CHECK(form.zip.size() == 8);
  }
  SUBCASE("a QR file that is not an image is left out")
  {
    std::ofstream(dir.file("qr.txt")) << "https://example.org";
    const Written form = write_and_read(
        changzhou_entry_new_media(unit, new_media_work(dir.file("qr.txt"))), dir, "bad.docx");
    CHECK(has_paragraph(form, "(二维码)"));
    CHECK(form.zip.size() == 8);
  }
}

TEST_CASE("docs::jiaozuo_statistics")
{
  test::TempDir dir("docs-statistics");
  const Written form = write_and_read(jiaozuo_statistics(unit, lectures()), dir, "统计表.docx");
  check_paragraphs(
      form, {"附件1", "焦作市“我和我的祖国”微型党课系列活动统计表",
             "报送单位（盖章）：天宁区委组织部\t报送日期：　　　月　　　日", "讲课人姓名", "职  务",
             "微党课题目", "讲课日期", "听课人数", "李明", "支部书记", "弘扬伟大建党精神",
             "2019年6月12日", "45", "王芳", "2019年7月3日", "38",
             "我单位党员上台讲微党课共计  2  次，占党员总数的　　　%，党员满意率为　　　%。"});
  CHECK(rows(form) == 12); // heading, ten rows, the total
  CHECK(count(form.xml, "<w:tblHeader/>") == 1);
  CHECK(count(form.xml, "<w:cantSplit/>") == 12);
  CHECK(form.xml.find("<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"600\" "
                      "w:hRule=\"atLeast\"/><w:tblHeader/></w:trPr>") != std::string::npos);
  CHECK(count(form.xml, "<w:gridSpan w:val=\"5\"/>") == 1);
  CHECK(form.xml.find("<w:tab w:val=\"right\" w:pos=\"8306\"/>") != std::string::npos);

  SUBCASE("no lectures: a blank form")
  {
    const Written blank = write_and_read(jiaozuo_statistics(unit, {}), dir, "blank.docx");
    CHECK(has_paragraph(
        blank, "我单位党员上台讲微党课共计　　　次，占党员总数的　　　%，党员满意率为　　　%。"));
    CHECK(rows(blank) == 12);
  }
  SUBCASE("every lecture is listed and counted, beyond the ten printed rows")
  {
    const std::vector<LectureEntry> many(25, lectures()[0]);
    const Written full = write_and_read(jiaozuo_statistics(unit, many), dir, "full.docx");
    CHECK(rows(full) == 27);
    CHECK(has_paragraph(
        full, "我单位党员上台讲微党课共计  25  次，占党员总数的　　　%，党员满意率为　　　%。"));
  }
  SUBCASE("a long position is set smaller, not wrapped to six lines")
  {
    std::vector<LectureEntry> one = lectures();
    one[0].position = "县委宣传部副部长兼网信办主任";
    const Written small = write_and_read(jiaozuo_statistics(unit, one), dir, "small.docx");
    CHECK(small.xml.find("<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr><w:t "
                         "xml:space=\"preserve\">县委宣传部副部长兼网信办主任") !=
          std::string::npos);
  }
}

TEST_CASE("docs::branch_lecture_record")
{
  test::TempDir dir("docs-record");
  std::vector<LectureEntry> records = lectures();
  records[0].audience = "第一党小组全体党员";
  const Written form = write_and_read(branch_lecture_record(unit, records), dir, "授课记录.docx");
  check_paragraphs(form,
                   {"“微党课人人讲”活动授课记录", "党支部：天宁区委组织部", "授课时间", "授课人",
                    "授课主题", "主要内容", "参与人员", "讨论交流情况", "2019年6月12日",
                    "李明（支部书记）", "弘扬伟大建党精神", "建党精神的内涵。",
                    "第一党小组全体党员", "提出三条建议。", "王芳（组织委员）", "我和我的祖国"});
  CHECK(test::tables(form.xml).size() == 2);
  CHECK(count(form.xml, "<w:pageBreakBefore/>") == 1); // each record on its own page

  SUBCASE("no lectures: one blank record")
  {
    const Written blank = write_and_read(branch_lecture_record(unit, {}), dir, "blank.docx");
    CHECK(test::tables(blank.xml).size() == 1);
    CHECK(has_paragraph(blank, "讨论交流情况"));
  }
}

TEST_CASE("docs forms drop characters XML cannot hold")
{
  test::TempDir dir("docs-control");
  WorkEntry work = video_work();
  work.title = "标题\x01\x1f末";
  const Written form = write_and_read(changzhou_entry_video(unit, work), dir, "control.docx");
  CHECK(has_paragraph(form, "标题末"));
}

TEST_CASE("docs::jiaozuo_lecturers")
{
  test::TempDir dir("docs-lecturers");
  const std::vector<LecturerEntry> people = {
      {"李明", "男", "1975-03", "焦作市解放区委宣传部", "理论科科长", "13903910001"},
      {"王芳", "女", "1982.11", "民主街道党工委", "组织委员", "13903910002"}};
  const Written form = write_and_read(jiaozuo_lecturers(unit, people), dir, "师资库.docx");
  check_paragraphs(form,
                   {"附件2", "焦作市微型党课宣讲员师资库统计表", "县市区（盖章）：天宁区委组织部",
                    "姓  名", "性别", "出生年月", "单  位", "职  务", "手机号", "李明", "男",
                    "1975年3月", "焦作市解放区委宣传部", "理论科科长", "13903910001", "1982.11"});
  CHECK(rows(form) == 13); // heading + the original's twelve rows
  CHECK(count(form.xml, "<w:tblHeader/>") == 1);
  const std::vector<LecturerEntry> many(20, people[0]);
  CHECK(rows(write_and_read(jiaozuo_lecturers(unit, many), dir, "many.docx")) == 21);
}

TEST_CASE("docs entry forms measure themselves onto one page")
{
  test::TempDir dir("docs-fit");
  WorkEntry work = video_work();
  const std::string sentence = "本片记录老旧小区改造中党员带头、居民参与的真实场景。"; // 26
  work.summary.clear();
  while (work.summary.size() < 500 * 3)
    work.summary += sentence;

  SUBCASE("a short summary keeps 小四 and the printed box height")
  {
    const Written form = write_and_read(changzhou_entry_video(unit, video_work()), dir, "a.docx");
    CHECK(form.xml.find("<w:trHeight w:val=\"4400\" w:hRule=\"atLeast\"/>") != std::string::npos);
    CHECK(count(form.xml, "<w:sz w:val=\"18\"/>") == 0);
    CHECK(count(form.xml, "<w:sz w:val=\"21\"/>") == 0);
  }
  SUBCASE("a 500-character summary is set smaller")
  {
    const Written form = write_and_read(changzhou_entry_video(unit, work), dir, "b.docx");
    const size_t at = form.xml.find(sentence);
    REQUIRE(at != std::string::npos);
    const std::string before = form.xml.substr(0, at);
    const std::string size = before.substr(before.rfind("<w:sz w:val=\""), 18);
    CHECK((size == "<w:sz w:val=\"21\"/>" || size == "<w:sz w:val=\"18\"/>"));
  }
  SUBCASE("the new-media form, every value long, fits by the measure")
  {
    WorkEntry media = new_media_work("");
    media.summary = work.summary;
    media.creators = media.platform = media.reach = std::string(60 * 3, 'x');
    for (std::string* s : {&media.creators, &media.platform, &media.reach})
      for (size_t i = 0; i < 60; ++i)
        s->replace(i * 3, 3, "党");
    const Written form = write_and_read(changzhou_entry_new_media(unit, media), dir, "c.docx");
    // 主创人员 and 发布平台 beside the QR code are set smaller; 传播效果, across the whole
    // width, fits its printed row at 小四 and keeps it.
    CHECK(count(form.xml, "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t "
                          "xml:space=\"preserve\">党党党") == 1);
  }
}

TEST_CASE("docs measure: widths, lines, sizes")
{
  // A Chinese character is 1 em (240 twips at 小四), a digit 0.64 em, and a quarter em
  // separates Chinese from Latin text and digits.
  CHECK(text_width("党员", size_xiaosi) == 480);
  CHECK(text_width("2019年12月31日", size_xiaosi) == 2249); // 9.37 em: 8 digits, 5 gaps
  CHECK(text_width("2019年7月3日", size_xiaosi) == 1942);   // 8.09 em
  CHECK(text_width("第3次", size_xiaosi) == 754);           // 2.64 em + 2 gaps
  CHECK(text_width("ab\n党员教育", size_xiaosi) == 960);
  CHECK(line_height(size_xiaosi) == 348);
  CHECK(line_count("", 1000, size_xiaosi) == 1);
  CHECK(line_count("党员党员", 960, size_xiaosi) == 1);
  CHECK(line_count("党员党员党", 960, size_xiaosi) == 2);
  CHECK(line_count("党\n员", 9600, size_xiaosi) == 2);
  // A closing mark never starts a line: the character before it moves down with it.
  CHECK(line_count("党员党员。", 960, size_xiaosi) == 2);
  // A Latin word moves to the next line whole; a space at the edge takes no room.
  CHECK(line_count("ab abcdef", 1000, size_xiaosi) == 2);
  CHECK(line_count(std::string(100, 'x'), 1344, size_xiaosi) == 12); // 65 em, 5.6 em a line
  CHECK(text_height("党员党员党", 960, size_xiaosi) == 696);
  CHECK(size_for_lines("党员党员", 960, 1) == size_xiaosi);
  CHECK(size_for_lines("党员党员党", 1050, 1) == size_wuhao); // 5 × 210 twips
  CHECK(size_for_lines("党员党员党", 960, 1) == size_xiaowu);
  CHECK(size_for_lines("县委宣传部副部长兼网信办主任", 1184, 2) == size_xiaowu);
  CHECK(size_for_height("党员", 960, 348, size_xiaowu) == size_xiaosi);
  CHECK(size_for_height(std::string(30 * 3, 'x'), 960, 100, size_wuhao) == size_wuhao);
}

TEST_CASE("docs dates as forms write them")
{
  CHECK(chinese_date("2019-09-03") == "2019年9月3日");
  CHECK(chinese_date("2019-12-31") == "2019年12月31日");
  CHECK(chinese_date("2019-02-30") == "2019-02-30"); // not a day: as written
  CHECK(chinese_date("九月三日") == "九月三日");
  CHECK(chinese_date("") == "");
  CHECK(chinese_month("1975-03") == "1975年3月");
  CHECK(chinese_month("1975-13") == "1975-13");
  CHECK(chinese_month("1975.03") == "1975.03");
}
