#include "mpcheck/manifest/lecture_record.hpp"

#include <fmt/format.h>

namespace mpcheck::manifest {

const std::array<RecordField, 6> record_fields = {{
    {"date", "授课时间", "date", "授课日期（YYYY-MM-DD，如 2024-05-01）",
     "the day (YYYY-MM-DD, e.g. 2024-05-01)"},
    {"speaker", "授课人", "speaker", "授课人姓名", "the speaker's name"},
    {"title", "授课主题", "theme", "授课主题", "the theme"},
    {"content", "主要内容", "main points", "主要内容", "the main points"},
    {"audience", "参与人员", "participants", "参与人员", "who took part"},
    {"discussion", "讨论交流情况", "discussion", "讨论交流情况", "how the discussion went"},
}};

bool wants_lecture_record(const rules::RuleSet& rules)
{
  return rules.manual_item("manual.lesson-record") != nullptr;
}

bool record_requires(const rules::RuleSet& rules, const RecordField& field)
{
  const rules::ManualItem* item = rules.manual_item("manual.lesson-record");
  return item && item->origin.source.find(field.label) != std::string::npos;
}

namespace {

// The value of `field` in one lecture.
const std::string& value_of(const Lecture& l, std::string_view key)
{
  return key == "date"       ? l.date
         : key == "speaker"  ? l.speaker
         : key == "title"    ? l.title
         : key == "content"  ? l.content
         : key == "audience" ? l.audience
                             : l.discussion;
}

void add_gaps(std::vector<RecordGap>& out, const Lecture& l, bool from_work,
              const rules::RuleSet& rules)
{
  for (const RecordField& f : record_fields)
    if (value_of(l, f.key).empty())
      out.push_back({l.line, l.column, l.title, from_work, &f, record_requires(rules, f)});
}

} // namespace

std::vector<RecordGap> record_gaps(const Manifest& m, const rules::RuleSet& rules)
{
  std::vector<RecordGap> out;
  if (!wants_lecture_record(rules))
    return out;
  for (const Lecture& l : lectures_of(m))
    add_gaps(out, l, m.lectures.empty(), rules);
  return out;
}

rules::RuleError gap_error(const RecordGap& gap, const std::string& file, Lang lang)
{
  const RecordField& f = *gap.field;
  const std::string key(f.key);
  std::string message;
  if (lang == Lang::en) {
    const std::string which = gap.from_work       ? "the work 《" + gap.title + "》"
                              : gap.title.empty() ? std::string("this lecture")
                                                  : "the lecture 《" + gap.title + "》";
    message = fmt::format(
        "the 授课记录 would have its {} ({}) cell empty: {} gives no {}{}. Write {}: ({}) under "
        "{} in works.yaml{}",
        f.label, f.en, which, key, key == "content" && gap.from_work ? " (nor summary)" : "", key,
        f.what_en, gap.from_work ? "the work" : "this lecture",
        gap.required ? " (the notice asks the record to give it)" : "");
  } else {
    const std::string which = gap.from_work       ? "作品《" + gap.title + "》"
                              : gap.title.empty() ? std::string("这一次讲课")
                                                  : "这一次讲课（《" + gap.title + "》）";
    message = fmt::format(
        "授课记录的“{}”一栏会是空的：{}没有填 {}{}。请在 works.yaml {}写 {}: {}{}", f.label, which,
        key, key == "content" && gap.from_work ? "（也没有 summary）" : "",
        gap.from_work ? "这个作品下" : "这一条下", key, f.what,
        gap.required ? fmt::format("（通知要求记录{}）", f.label) : "");
  }
  return rules::RuleError(file, gap.line, gap.column, message);
}

} // namespace mpcheck::manifest
