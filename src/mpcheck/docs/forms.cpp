#include "mpcheck/docs/forms.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>

namespace mpcheck::docs {

namespace {

// Every seal box ends like this; the gaps leave room to write the day by hand.
constexpr const char* date_line = "年　　月　　日";
constexpr const char* copies_note = "注：本表纸质版报送 1 式 2 份。";
constexpr int original_rows = 10;          // 汇总表 and 统计表 print ten numbered/blank rows
constexpr int original_lecturer_rows = 12; // 师资库统计表 prints twelve
// A blank to write a number by hand in: three ideographic spaces (3 em, about 1.3 cm).
constexpr const char* blank = "　　　";
constexpr Twips cell_margins = 2 * 108; // left and right cell margins (docx.cpp)
constexpr Twips row_border = 20;        // the rule between rows, with rounding
// A4's 16838 twips less the 1440 top and bottom margins, less a reserve for what the measure
// cannot see (a word processor's own rounding, a fallback font a little taller).
constexpr Twips page_budget = 16838 - 2 * 1440 - 1000;

// ---- measuring --------------------------------------------------------------------------

// The code point starting at text[i] and its byte length (ill-formed input: one byte, U+FFFD).
std::pair<char32_t, size_t> code_point(std::string_view text, size_t i)
{
  const auto lead = static_cast<unsigned char>(text[i]);
  const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (lead < 0x80)
    return {lead, 1};
  if (lead < 0xC0 || i + length > text.size())
    return {0xFFFD, 1};
  char32_t cp = lead & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return {cp, length};
}

// Thousandths of an em, upper bounds over the fonts a form meets: Times New Roman, and where
// it is missing DejaVu Serif (LibreOffice on a bare Debian: digits 0.64 em); Chinese fonts.
int char_width(char32_t cp)
{
  if (cp == ' ')
    return 320;
  if (cp >= '0' && cp <= '9')
    return 640;
  if (cp >= 'A' && cp <= 'Z')
    return 800;
  if (cp >= 'a' && cp <= 'z')
    return 650;
  if (cp < 0x80)
    return 450;
  return 1000; // Chinese, full-width marks, and (generously) everything else
}

// Chinese text (CJK ideographs, kana, full-width marks): what Word and LibreOffice set a
// quarter em apart from Latin letters and digits ("Asian and non-Asian text" spacing).
bool is_cjk(char32_t cp)
{
  return cp >= 0x2E80;
}

constexpr int cjk_latin_gap = 250; // thousandths of an em

// Marks that never start a line (GB/T 15834, the kinsoku rules of Word and LibreOffice).
bool is_closing_mark(char32_t cp)
{
  static const std::u32string marks = U"，。、；：？！”’）》】」』〉…—%,.;:?!)";
  return marks.find(cp) != std::u32string::npos;
}

bool is_word_char(char32_t cp)
{
  return cp > ' ' && cp < 0x80;
}

Twips twips_of(int milli_em, int half_points)
{
  return (milli_em * half_points + 99) / 100; // 1 em = 10 twips per half-point
}

// ---- paragraphs and cells ----------------------------------------------------------------

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

// "附件 2" at the top left in 黑体 三号, its digit too (GB/T 9704: 附件 label in 3号黑体).
Paragraph attachment_label(const std::string& text)
{
  Paragraph p = para(text);
  p.half_points = 32;
  p.east_asia_font = title_font;
  p.latin_font = title_font;
  p.keep_next = true;
  return p;
}

// The form's title: centred, 黑体 小二 (18 pt; 黑体 needs no bold).
Paragraph title(const std::string& text, bool new_page = false)
{
  Paragraph p = para(text, Align::center);
  p.half_points = 36;
  p.east_asia_font = title_font;
  p.latin_font = title_font;
  p.space_before = 200;
  p.space_after = 200;
  p.page_break_before = new_page;
  p.keep_next = true;
  return p;
}

Paragraph line(const std::string& text, Align align = Align::left)
{
  Paragraph p = para(text, align);
  p.space_after = 60;
  p.keep_next = true;
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
  Row r;
  r.cells = std::move(cells);
  r.min_height = min_height;
  return r;
}

Row header_row(std::vector<Cell> cells, Twips min_height)
{
  Row r = row(std::move(cells), min_height);
  r.header = true;
  return r;
}

void set_size(Cell& cell, int half_points)
{
  for (Paragraph& p : cell.paragraphs)
    p.half_points = half_points;
}

// Every paragraph of the rows [first, last) keeps with the next: Word keeps those rows (and
// the paragraph after the table, for the last row of a table) on one page.
void keep_rows_together(Table& table, size_t first, size_t last)
{
  for (size_t r = first; r < last && r < table.rows.size(); ++r)
    for (Cell& cell : table.rows[r].cells)
      for (Paragraph& p : cell.paragraphs)
        p.keep_next = true;
}

Twips paragraph_height(const Paragraph& p, Twips width)
{
  return text_height(p.text, width, p.half_points) + p.space_before + p.space_after;
}

Twips cell_height(const Cell& cell, Twips width)
{
  Twips height = 0;
  for (const Paragraph& p : cell.paragraphs)
    height += paragraph_height(p, width - cell_margins);
  if (cell.picture.image >= 0)
    height += Twips(cell.picture.size.cy / 635) + line_height(size_xiaosi);
  return std::max(height, line_height(size_xiaosi));
}

// The row as high as its tallest cell (cells merged down from it aside) or its minimum.
Twips row_height(const Row& row, const std::vector<Twips>& columns)
{
  Twips height = row.min_height;
  size_t column = 0;
  for (const Cell& cell : row.cells) {
    Twips width = 0;
    for (int k = 0; k < cell.col_span && column < columns.size(); ++k)
      width += columns[column++];
    if (cell.row_span == 1)
      height = std::max(height, cell_height(cell, width));
  }
  return height + row_border;
}

Twips table_height(const Table& table)
{
  Twips height = row_border;
  for (const Row& r : table.rows)
    height += row_height(r, table.columns);
  return height;
}

Twips paragraphs_height(const std::vector<Paragraph>& paragraphs)
{
  Twips height = 0;
  for (const Paragraph& p : paragraphs)
    height += paragraph_height(p, page_text_width);
  return height;
}

// ---- numbers and blanks ------------------------------------------------------------------

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

// ---- 报名表: one page, measured ----------------------------------------------------------

// A value the layout may set smaller: the cell, its width and the height it should keep to.
struct Shrinkable {
  size_t row, cell;
  Twips width;
  bool running_text; // the summary: shrunk first, as a whole
};

// Shrinking steps, gentlest first: the smallest size of the summary and of the other long
// values at each step.
constexpr int summary_steps[] = {size_xiaosi, size_wuhao, size_xiaowu, size_xiaowu, size_xiaowu};
constexpr int value_steps[] = {size_xiaosi, size_xiaosi, size_xiaosi, size_wuhao, size_xiaowu};

// Sets the sizes of `step` on a copy of `table`.
Table at_step(Table table, const std::vector<Shrinkable>& values, int step)
{
  for (const Shrinkable& v : values) {
    Cell& cell = table.rows[v.row].cells[v.cell];
    const std::string& text = cell.paragraphs.front().text;
    const int size = v.running_text ? summary_steps[step]
                                    : size_for_height(text, v.width - cell_margins,
                                                      table.rows[v.row].min_height - row_border,
                                                      value_steps[step]);
    set_size(cell, size);
  }
  return table;
}

// The entry form on one page: the first step at which the table fits under `above` and over
// `below`; then the summary row (`summary_row`) keeps its printed height `summary_min` where
// there is room for it. Every row keeps with the next, the last with the 注 line.
Table fit_entry_table(const Table& table, const std::vector<Shrinkable>& values, size_t summary_row,
                      Twips summary_min, Twips above_and_below)
{
  constexpr int steps = int(std::size(summary_steps));
  Table fitted;
  Twips spare = 0;
  for (int step = 0; step < steps; ++step) {
    fitted = at_step(table, values, step);
    fitted.rows[summary_row].min_height = 0;
    spare = page_budget - above_and_below - table_height(fitted);
    if (spare >= 0)
      break;
  }
  Row& summary = fitted.rows[summary_row];
  const Twips text = row_height(summary, fitted.columns) - row_border;
  summary.min_height = std::min(summary_min, text + std::max(spare, Twips(0)));
  keep_rows_together(fitted, 0, fitted.rows.size());
  return fitted;
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
Cell qr_cell(DocxWriter& doc, const std::optional<Image>& image, Twips column)
{
  Cell cell = label("(二维码)");
  cell.row_span = 5;
  if (!image)
    return cell;
  const int64_t box = int64_t(column - 300) * 635; // the cell's margins off, in EMU
  cell.picture = {0, fit_picture(image->width_px, image->height_px, {box, box})};
  cell.picture.image = doc.add_image(*image);
  cell.paragraphs.clear();
  return cell;
}

// 附件3's grid, the value column widened from the notice's proportions: the labels need 4
// characters (1400), the QR picture 3.3 cm (2100), the values take the rest (4806).
Table new_media_entry_table(DocxWriter& doc, const WorkEntry& work)
{
  Table table{{1400, 4806, 2100}, {}};
  table.rows = {row({label("名 称"), value(work.title), qr_cell(doc, work.qr_image, 2100)}, 640),
                row({label("类 型"), value(work.new_media_type)}, 640),
                row({label("发布平台"), value(work.platform)}, 640),
                row({label("制作单位"), value(work.producer)}, 640),
                row({label("主创人员"), value(work.creators)}, 640),
                row({label("传播效果"), text_box(work.reach, 2)}, 1200),
                row({label("内 容 简 介"), text_box(work.summary, 2)}, 3600),
                row({label({"报 送", "单 位", "意 见"}), seal("(盖章)", 2)}, 2400)};
  return table;
}

// ---- the other tables --------------------------------------------------------------------

Table summary_table(const std::vector<WorkEntry>& works)
{
  Table table{{1000, 3506, 1600, 2200}, {}};
  table.rows.push_back(header_row(
      {bold_label("序号"), bold_label("作品名称"), bold_label("类别"), bold_label("制作单位")},
      600));
  const size_t count = std::max(works.size(), size_t(original_rows));
  for (size_t i = 0; i < count; ++i) {
    const WorkEntry work = i < works.size() ? works[i] : WorkEntry{};
    table.rows.push_back(row({text_cell(std::to_string(i + 1), Align::center), value(work.title),
                              text_cell(work.category, Align::center), value(work.producer)},
                             600));
  }
  keep_rows_together(table, table.rows.size() - 1, table.rows.size());
  return table;
}

std::string lecture_count_text(size_t lectures)
{
  const std::string count = lectures ? "  " + std::to_string(lectures) + "  " : blank;
  return "我单位党员上台讲微党课共计" + count + "次，占党员总数的" + blank + "%，党员满意率为" +
         blank + "%。";
}

// A cell of a list table: centred; on one line at 小四 or 五号 when it can be, else set
// smaller when it would take more than `max_lines` (a long 职务 takes 3 lines of 小五, not 6).
Cell fitted_cell(const std::string& text, Twips width, int max_lines, Align align = Align::center)
{
  Cell cell = text_cell(text, align);
  const int one_line = size_for_lines(text, width - cell_margins, 1);
  set_size(cell, one_line >= size_wuhao ? one_line
                                        : size_for_lines(text, width - cell_margins, max_lines));
  return cell;
}

// Every cell of a column of the data rows [first, last) in the column's smallest size: a list
// reads evenly (all dates alike).
void even_columns(Table& table, size_t first, size_t last)
{
  for (size_t column = 0; column < table.columns.size(); ++column) {
    int smallest = size_xiaosi;
    for (size_t r = first; r < last; ++r)
      if (column < table.rows[r].cells.size() &&
          !table.rows[r].cells[column].paragraphs.front().text.empty())
        smallest = std::min(smallest, table.rows[r].cells[column].paragraphs.front().half_points);
    for (size_t r = first; r < last; ++r)
      if (column < table.rows[r].cells.size())
        set_size(table.rows[r].cells[column], smallest);
  }
}

// Widths: 讲课人姓名 in bold 小四 needs 1416; 听课人数 1176; a date 2019年7月3日 (8.1 em by the
// measure: six wide digits, five gaps between Chinese and digits) 2158 at 小四, and
// 2019年12月31日 (9.4 em) 2184 at 五号.
Table statistics_table(const std::vector<LectureEntry>& lectures)
{
  const std::vector<Twips> columns = {1450, 1400, 2056, 2200, 1200};
  Table table{columns, {}};
  table.rows.push_back(
      header_row({bold_label("讲课人姓名"), bold_label("职  务"), bold_label("微党课题目"),
                  bold_label("讲课日期"), bold_label("听课人数")},
                 600));
  const size_t count = std::max(lectures.size(), size_t(original_rows));
  for (size_t i = 0; i < count; ++i) {
    const LectureEntry l = i < lectures.size() ? lectures[i] : LectureEntry{};
    table.rows.push_back(row(
        {fitted_cell(l.speaker, columns[0], 2), fitted_cell(l.position, columns[1], 2),
         fitted_cell(l.title, columns[2], 2, Align::left),
         fitted_cell(chinese_date(l.date), columns[3], 1), fitted_cell(l.audience, columns[4], 1)},
        567));
  }
  even_columns(table, 1, table.rows.size());
  table.rows.push_back(row({value(lecture_count_text(lectures.size()), 5)}, 700));
  keep_rows_together(table, table.rows.size() - 2, table.rows.size() - 1);
  return table;
}

// Widths: 出生年月 1975年12月 (6.6 em by the measure) needs 1600 at 五号; a mobile number (11 wide
// digits, 7 em) 1906; both shrink to stay on one line where they must.
Table lecturers_table(const std::vector<LecturerEntry>& people)
{
  const std::vector<Twips> columns = {1150, 700, 1600, 1800, 1150, 1906};
  Table table{columns, {}};
  table.rows.push_back(
      header_row({bold_label("姓  名"), bold_label("性别"), bold_label("出生年月"),
                  bold_label("单  位"), bold_label("职  务"), bold_label("手机号")},
                 600));
  const size_t count = std::max(people.size(), size_t(original_lecturer_rows));
  for (size_t i = 0; i < count; ++i) {
    const LecturerEntry p = i < people.size() ? people[i] : LecturerEntry{};
    table.rows.push_back(
        row({fitted_cell(p.name, columns[0], 2), fitted_cell(p.gender, columns[1], 1),
             fitted_cell(chinese_month(p.born), columns[2], 1), fitted_cell(p.unit, columns[3], 2),
             fitted_cell(p.position, columns[4], 2), fitted_cell(p.phone, columns[5], 1)},
            567));
  }
  even_columns(table, 1, table.rows.size());
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
  table.rows = {row({label("授课时间"), fitted_cell(chinese_date(lecture.date), 2353, 1),
                     label("授课人"), text_cell(speaker_text(lecture), Align::center)},
                    700),
                row({label("授课主题"), value(lecture.title, 3)}, 700),
                row({label("主要内容"), text_box(lecture.content, 3)}, 4000),
                row({label("参与人员"), text_box(lecture.audience, 3)}, 1200),
                row({label("讨论交流情况"), text_box(lecture.discussion, 3)}, 4000)};
  return table;
}

} // namespace

// ---- measuring ---------------------------------------------------------------------------

Twips text_width(std::string_view text, int half_points)
{
  int widest = 0, current = 0;
  char32_t previous = '\n';
  for (size_t i = 0; i < text.size();) {
    const auto [cp, length] = code_point(text, i);
    i += length;
    const bool gap =
        (is_cjk(previous) && is_word_char(cp)) || (is_word_char(previous) && is_cjk(cp));
    current = cp == '\n' ? 0 : current + char_width(cp) + (gap ? cjk_latin_gap : 0);
    widest = std::max(widest, current);
    previous = cp;
  }
  return twips_of(widest, half_points);
}

int line_count(std::string_view text, Twips width, int half_points)
{
  const int limit = std::max(1, width * 100 / std::max(half_points, 1)); // milli-em per line
  int lines = 1, x = 0, previous = 0; // `previous`: width of the last character set
  bool after_cjk = false, after_word = false;
  for (size_t i = 0; i < text.size();) {
    auto [cp, length] = code_point(text, i);
    if (cp == '\n') {
      ++lines, x = 0, previous = 0, i += length;
      after_cjk = after_word = false;
      continue;
    }
    if (is_word_char(cp)) { // a Latin word moves to the next line whole
      int word = after_cjk ? cjk_latin_gap : 0;
      size_t end = i;
      while (end < text.size() && is_word_char(static_cast<unsigned char>(text[end])))
        word += char_width(static_cast<unsigned char>(text[end++]));
      if (x > 0 && x + word > limit)
        ++lines, x = 0;
      while (word > limit) // longer than a line: broken anywhere
        ++lines, word -= limit;
      x += word, previous = 0, i = end;
      after_cjk = false, after_word = true;
      continue;
    }
    const int w = char_width(cp) + (after_word && is_cjk(cp) ? cjk_latin_gap : 0);
    after_cjk = is_cjk(cp), after_word = false;
    i += length;
    if (cp == ' ' && (x == 0 || x + w > limit))
      continue; // a space at a line's edge takes no room
    if (x + w > limit && x > 0) {
      // A closing mark may not start the line: the character before it comes along.
      const bool pull = is_closing_mark(cp) && previous > 0 && previous < x;
      ++lines, x = pull ? previous : 0;
    }
    x += w, previous = w;
  }
  return lines;
}

Twips line_height(int half_points)
{
  return half_points * 29 / 2; // 1.45 em
}

Twips text_height(std::string_view text, Twips width, int half_points)
{
  return line_count(text, width, half_points) * line_height(half_points);
}

int size_for_lines(std::string_view text, Twips width, int max_lines)
{
  for (int size : {size_xiaosi, size_wuhao})
    if (line_count(text, width, size) <= max_lines)
      return size;
  return size_xiaowu;
}

int size_for_height(std::string_view text, Twips width, Twips height, int smallest)
{
  for (int size : {size_xiaosi, size_wuhao, size_xiaowu})
    if (size <= smallest || text_height(text, width, size) <= height)
      return std::max(size, smallest);
  return smallest;
}

namespace {

// The digits of text[from, to) as a number without leading zeros ("09" → "9"); "" when they
// are not all digits.
std::string plain_number(std::string_view text, size_t from, size_t to)
{
  if (to > text.size() || from >= to)
    return "";
  for (size_t i = from; i < to; ++i)
    if (text[i] < '0' || text[i] > '9')
      return "";
  return std::to_string(std::stoi(std::string(text.substr(from, to - from))));
}

} // namespace

std::string chinese_date(std::string_view text)
{
  if (!parse_date(text))
    return std::string(text);
  return std::string(text.substr(0, 4)) + "年" + plain_number(text, 5, 7) + "月" +
         plain_number(text, 8, 10) + "日";
}

std::string chinese_month(std::string_view text)
{
  const std::string year = plain_number(text, 0, 4), month = plain_number(text, 5, 7);
  if (text.size() != 7 || text[4] != '-' || year.empty() || month.empty() || month.size() > 2 ||
      std::stoi(month) < 1 || std::stoi(month) > 12)
    return std::string(text);
  return std::string(text.substr(0, 4)) + "年" + month + "月";
}

// ---- the forms ---------------------------------------------------------------------------

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
  const std::vector<Paragraph> above = {
      attachment_label("附件 2"), title(name),
      line("（典型事迹片、纪录片、培训片、文艺片、微视频和“党课开讲啦”视频）", Align::center),
      line("报送单位：" + unit.unit)};
  const Paragraph below = note(copies_note);
  for (const Paragraph& p : above)
    doc.add_paragraph(p);
  const Twips values = 6706; // columns 2–6
  doc.add_table(fit_entry_table(
      video_entry_table(work),
      {{0, 1, values, false}, {1, 1, values, false}, {3, 1, values, false}, {4, 1, values, true}},
      4, 4400, paragraphs_height(above) + paragraphs_height({below})));
  doc.add_paragraph(below);
  return doc;
}

DocxWriter changzhou_entry_new_media(const UnitInfo& unit, const WorkEntry& work)
{
  const std::string name = "全市党员教育作品观摩交流活动报名表（二）";
  DocxWriter doc(properties(name, unit));
  const std::vector<Paragraph> above = {attachment_label("附件 3"), title(name),
                                        line("（新媒体作品）", Align::center),
                                        line("报送单位：" + unit.unit)};
  const Paragraph below = note(std::string(copies_note) +
                               "“类型”栏填呈现形态：如微信推文、H5、海报等；“传播效果”栏填发布后"
                               "浏览量及取得的反响等。");
  for (const Paragraph& p : above)
    doc.add_paragraph(p);
  const Twips beside_qr = 4806, across = 4806 + 2100;
  std::vector<Shrinkable> values;
  for (size_t r = 0; r < 5; ++r)
    values.push_back({r, 1, beside_qr, false});
  values.push_back({5, 1, across, false});
  values.push_back({6, 1, across, true});
  doc.add_table(fit_entry_table(new_media_entry_table(doc, work), values, 6, 3600,
                                paragraphs_height(above) + paragraphs_height({below})));
  doc.add_paragraph(below);
  return doc;
}

DocxWriter jiaozuo_statistics(const UnitInfo& unit, const std::vector<LectureEntry>& lectures)
{
  const std::string name = "焦作市“我和我的祖国”微型党课系列活动统计表";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件1"));
  doc.add_paragraph(title(name));
  Paragraph header =
      line("报送单位（盖章）：" + unit.unit + "\t报送日期：" + blank + "月" + blank + "日");
  header.right_tab = page_text_width;
  doc.add_paragraph(header);
  doc.add_table(statistics_table(lectures));
  return doc;
}

DocxWriter jiaozuo_lecturers(const UnitInfo& unit, const std::vector<LecturerEntry>& people)
{
  const std::string name = "焦作市微型党课宣讲员师资库统计表";
  DocxWriter doc(properties(name, unit));
  doc.add_paragraph(attachment_label("附件2"));
  doc.add_paragraph(title(name));
  doc.add_paragraph(line("县市区（盖章）：" + unit.unit));
  doc.add_table(lecturers_table(people));
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
