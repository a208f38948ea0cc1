#include "mpcheck/docs/forms.hpp"

#include <algorithm>
#include <cstdio>

namespace mpcheck::docs {

namespace {

// Every seal box ends like this; the gaps leave room to write the day by hand.
constexpr const char* date_line = "年　　月　　日";
constexpr const char* copies_note = "注：本表纸质版报送 1 式 2 份。";
constexpr int original_rows = 10; // 汇总表 and 统计表 print ten numbered/blank rows

Paragraph para(const std::string& text, Align align = Align::left)
{
  Paragraph p;
  p.text = text;
  p.align = align;
  return p;
}

DocProperties properties(const std::string& title, const UnitInfo& unit)
{
  return {title, unit.unit, Date{1980, 1, 1}};
}

// "附件 2" at the top left, in 黑体 三号 as official attachments are labelled.
Paragraph attachment_label(const std::string& text)
{
  Paragraph p = para(text);
  p.half_points = 32;
  p.east_asia_font = "黑体";
  return p;
}

// The form's title: centred, bold, 小二 (18 pt).
Paragraph title(const std::string& text, bool new_page = false)
{
  Paragraph p = para(text, Align::center);
  p.bold = true;
  p.half_points = 36;
  p.space_before = 240;
  p.space_after = 240;
  p.page_break_before = new_page;
  return p;
}

Paragraph line(const std::string& text, Align align = Align::left)
{
  Paragraph p = para(text, align);
  p.space_after = 60;
  return p;
}

Paragraph note(const std::string& text)
{
  Paragraph p = para(text);
  p.space_before = 120;
  return p;
}

Cell text_cell(const std::string& text, Align align, int col_span = 1)
{
  Cell cell;
  cell.paragraphs.push_back(para(text, align));
  cell.col_span = col_span;
  return cell;
}

// A printed label; several `lines` stack in the cell (报送/单位/意见).
Cell label(std::initializer_list<const char*> lines)
{
  Cell cell;
  for (const char* text : lines)
    cell.paragraphs.push_back(para(text, Align::center));
  return cell;
}

Cell label(const char* text)
{
  return label({text});
}

Cell bold_label(const char* text)
{
  Cell cell = label(text);
  cell.paragraphs.front().bold = true;
  return cell;
}

Cell value(const std::string& text, int col_span = 1)
{
  return text_cell(text, Align::left, col_span);
}

// A box for running text (内容简介, 主要内容): written from its top left corner.
Cell text_box(const std::string& text, int col_span)
{
  Cell cell = text_cell(text, Align::both, col_span);
  cell.valign = VAlign::top;
  return cell;
}

// The box the unit signs and seals: （盖章） and the date at the bottom right.
Cell seal(const char* stamp, int col_span)
{
  Cell cell;
  cell.col_span = col_span;
  cell.valign = VAlign::bottom;
  Paragraph mark = para(stamp, Align::right);
  mark.space_after = 120;
  Paragraph date = para(date_line, Align::right);
  date.space_after = 120;
  cell.paragraphs = {mark, date};
  return cell;
}

Row row(std::vector<Cell> cells, Twips min_height)
{
  return Row{std::move(cells), min_height};
}

// 8 → "8", 7.5 → "7.5", 0 or less → "" (the box stays blank for the unit to fill in).
std::string number_text(double number)
{
  if (number <= 0)
    return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", number);
  std::string out = text;
  out.erase(out.find_last_not_of('0') + 1);
  if (out.back() == '.')
    out.pop_back();
  return out;
}

// "3 集" or, unknown, "集" alone (the original prints the unit with a gap before it).
std::string with_unit(const std::string& number, const char* unit)
{
  return number.empty() ? unit : number + " " + unit;
}

Table video_entry_table(const WorkEntry& work)
{
  Table table{{1600, 1750, 1250, 1150, 1356, 1200}, {}};
  table.rows = {
      row({label("名 称"), value(work.title, 5)}, 680),
      row({label("制作单位"), value(work.producer, 5)}, 680),
      row({label("类 别"), text_cell(work.category, Align::center), label("总 集 数"),
           text_cell(with_unit(number_text(work.episodes), "集"), Align::right), label("每集时长"),
           text_cell(with_unit(number_text(work.minutes_per_episode), "分钟"), Align::right)},
          680),
      row({label("主创人员"), value(work.creators, 5)}, 1000),
      row({label("内 容 简 介"), text_box(work.summary, 5)}, 4400),
      row({label({"报送", "单位", "意见"}), seal("（盖章）", 5)}, 2400)};
  return table;
}

// The (二维码) cell: the picture when there is one, else the original's placeholder text.
Cell qr_cell(DocxWriter& doc, const std::optional<Image>& image)
{
  Cell cell = label("(二维码)");
  cell.row_span = 5;
  if (!image)
    return cell;
  const int64_t box = 2100 * 635; // the column's 2400 twips less the cell margins, in EMU
  cell.picture = {0, fit_picture(image->width_px, image->height_px, {box, box})};
  cell.picture.image = doc.add_image(*image);
  cell.paragraphs.clear();
  return cell;
}

Table new_media_entry_table(DocxWriter& doc, const WorkEntry& work)
{
  Table table{{1600, 4306, 2400}, {}};
  table.rows = {row({label("名 称"), value(work.title), qr_cell(doc, work.qr_image)}, 640),
                row({label("类 型"), value(work.new_media_type)}, 640),
                row({label("发布平台"), value(work.platform)}, 640),
                row({label("制作单位"), value(work.producer)}, 640),
                row({label("主创人员"), value(work.creators)}, 640),
                row({label("传播效果"), text_box(work.reach, 2)}, 1200),
                row({label("内 容 简 介"), text_box(work.summary, 2)}, 3600),
                row({label({"报 送", "单 位", "意 见"}), seal("(盖章)", 2)}, 2400)};
  return table;
}

Table summary_table(const std::vector<WorkEntry>& works)
{
  Table table{{1000, 3506, 1600, 2200}, {}};
  table.rows.push_back(
      row({bold_label("序号"), bold_label("作品名称"), bold_label("类别"), bold_label("制作单位")},
          600));
  const size_t count = std::max(works.size(), size_t(original_rows));
  for (size_t i = 0; i < count; ++i) {
    const WorkEntry work = i < works.size() ? works[i] : WorkEntry{};
    table.rows.push_back(row({text_cell(std::to_string(i + 1), Align::center), value(work.title),
                              text_cell(work.category, Align::center), value(work.producer)},
                             600));
  }
  return table;
}

std::string lecture_count_text(size_t lectures)
{
  const std::string count = lectures ? "  " + std::to_string(lectures) + "  " : "    ";
  return "我单位党员上台讲微党课共计" + count + "次，占党员总数的   %，党员满意率为   %。";
}

Table statistics_table(const std::vector<LectureEntry>& lectures)
{
  // 讲课日期 holds an ISO day (2019-06-12) on one line at the body size.
  Table table{{1450, 1300, 2456, 1800, 1300}, {}};
  table.rows.push_back(
      row({bold_label("讲课人姓名"), bold_label("职  务"), bold_label("微党课题目"),
           bold_label("讲课日期"), bold_label("听课人数")},
          600));
  const size_t count = std::max(lectures.size(), size_t(original_rows));
  for (size_t i = 0; i < count; ++i) {
    const LectureEntry l = i < lectures.size() ? lectures[i] : LectureEntry{};
    table.rows.push_back(row(
        {text_cell(l.speaker, Align::center), text_cell(l.position, Align::center), value(l.title),
         text_cell(l.date, Align::center), text_cell(l.audience, Align::center)},
        567));
  }
  table.rows.push_back(row({value(lecture_count_text(lectures.size()), 5)}, 700));
  return table;
}

std::string speaker_text(const LectureEntry& lecture)
{
  if (lecture.position.empty())
    return lecture.speaker;
  return lecture.speaker + "（" + lecture.position + "）";
}

Table lecture_record_table(const LectureEntry& lecture)
{
  Table table{{1800, 2353, 1800, 2353}, {}};
  table.rows = {row({label("授课时间"), text_cell(lecture.date, Align::center), label("授课人"),
                     text_cell(speaker_text(lecture), Align::center)},
                    700),
                row({label("授课主题"), value(lecture.title, 3)}, 700),
                row({label("主要内容"), text_box(lecture.content, 3)}, 4000),
                row({label("参与人员"), text_box(lecture.audience, 3)}, 1200),
                row({label("讨论交流情况"), text_box(lecture.discussion, 3)}, 4000)};
  return table;
}

} // namespace

DocxWriter changzhou_summary(const UnitInfo& unit, const std::vector<WorkEntry>& works)
{
  const std::string name = "全市党员教育作品观摩交流活动汇总表";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件 4"));
  doc.add_paragraph(title(name));
  doc.add_paragraph(line("报送单位:" + unit.unit));
  doc.add_paragraph(line("联系人:" + unit.contact));
  doc.add_paragraph(line("联系电话:" + unit.phone));
  doc.add_table(summary_table(works));
  doc.add_paragraph(note(std::string(copies_note) + "“类别”栏根据作品分类填写。"));
  return doc;
}

DocxWriter changzhou_entry_video(const UnitInfo& unit, const WorkEntry& work)
{
  const std::string name = "全市党员教育作品观摩交流活动报名表（一）";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件 2"));
  doc.add_paragraph(title(name));
  doc.add_paragraph(
      line("（典型事迹片、纪录片、培训片、文艺片、微视频和“党课开讲啦”视频）", Align::center));
  doc.add_paragraph(line("报送单位：" + unit.unit));
  doc.add_table(video_entry_table(work));
  doc.add_paragraph(note(copies_note));
  return doc;
}

DocxWriter changzhou_entry_new_media(const UnitInfo& unit, const WorkEntry& work)
{
  const std::string name = "全市党员教育作品观摩交流活动报名表（二）";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件 3"));
  doc.add_paragraph(title(name));
  doc.add_paragraph(line("（新媒体作品）", Align::center));
  doc.add_paragraph(line("报送单位：" + unit.unit));
  doc.add_table(new_media_entry_table(doc, work));
  doc.add_paragraph(note(std::string(copies_note) +
                         "“类型”栏填呈现形态：如微信推文、H5、海报等；“传播效果”栏填发布后浏览量"
                         "及取得的反响等。"));
  return doc;
}

DocxWriter jiaozuo_statistics(const UnitInfo& unit, const std::vector<LectureEntry>& lectures)
{
  const std::string name = "焦作市“我和我的祖国”微型党课系列活动统计表";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件1"));
  doc.add_paragraph(title(name));
  Paragraph header = line("报送单位（盖章）：" + unit.unit + "\t报送日期：  月  日");
  header.right_tab = page_text_width;
  doc.add_paragraph(header);
  doc.add_table(statistics_table(lectures));
  return doc;
}

DocxWriter branch_lecture_record(const UnitInfo& unit, const std::vector<LectureEntry>& lectures)
{
  const std::string name = "“微党课人人讲”活动授课记录";
  DocxWriter doc(properties(name, unit));
  const std::vector<LectureEntry> records =
      lectures.empty() ? std::vector<LectureEntry>(1) : lectures;
  for (size_t i = 0; i < records.size(); ++i) {
    doc.add_paragraph(title(name, i > 0));
    doc.add_paragraph(line("党支部：" + unit.unit));
    doc.add_table(lecture_record_table(records[i]));
  }
  return doc;
}

} // namespace mpcheck::docs
