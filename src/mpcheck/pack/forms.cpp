#include "mpcheck/pack/forms.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "mpcheck/docs/forms.hpp"
#include "mpcheck/manifest/lecture_record.hpp"
#include "mpcheck/media/image.hpp"
#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::pack {

namespace {

namespace fs = std::filesystem;

// Whether `name` names the unit's own document of `kind`: a name holding the kind or an
// alias, and not as part of another document's name (a 师资库统计表 is not the 统计表).
bool names_kind(const rules::RuleSet& rules, const std::string& name, const std::string& kind)
{
  const rules::DocumentRule* rule = rules.document_rule(kind);
  return rule ? rules.names_document(*rule, name) : name.find(kind) != std::string::npos;
}

// Whether the plan carries the unit's own document of `kind`.
bool plan_has(const rules::RuleSet& rules, const layout::PackPlan& plan, const std::string& kind)
{
  return std::any_of(plan.files.begin(), plan.files.end(), [&](const layout::PlannedFile& f) {
    return names_kind(rules, fs::path(f.dest).filename().string(), kind);
  });
}

// "表格/报名表-单位.docx" → "表格/报名表-单位（生成）.docx": the generated form beside the unit's.
std::string beside(std::string dest)
{
  const size_t dot = dest.rfind('.');
  return dest.insert(dot == std::string::npos ? dest.size() : dot, "（生成）");
}

// The bytes of a .docx dated `date`, built in memory.
std::string docx_bytes(docs::DocxWriter writer, Date date)
{
  writer.set_date(date);
  std::string bytes, error;
  if (!writer.bytes(bytes, error))
    throw std::runtime_error("cannot build a form: " + error);
  return bytes;
}

docs::WorkEntry entry_of(const manifest::Manifest& m, const manifest::Work& w)
{
  docs::WorkEntry e;
  e.title = w.title;
  e.category = w.category;
  e.producer = w.producer;
  e.creators = w.creators;
  e.summary = w.summary;
  e.episodes = w.files.episodes.empty() ? w.episodes : int(w.files.episodes.size());
  e.minutes_per_episode = w.minutes_per_episode;
  e.new_media_type = w.new_media_type;
  e.platform = w.platform;
  e.reach = w.reach;
  const std::string qr = m.resolve(w.files.qr);
  docs::Image image;
  std::string error;
  if (!qr.empty() && load_image(qr, image, error))
    e.qr_image = std::move(image);
  return e;
}

// Works as the forms see them: from the manifest, else the titles the plan carries.
std::vector<docs::WorkEntry> entries(const std::optional<manifest::Manifest>& m,
                                     const layout::PackPlan& plan)
{
  std::vector<docs::WorkEntry> out;
  if (m) {
    for (const auto& w : m->works)
      out.push_back(entry_of(*m, w));
    return out;
  }
  for (const auto& f : plan.files)
    if (!f.work.empty() &&
        std::none_of(out.begin(), out.end(), [&](const auto& e) { return e.title == f.work; })) {
      docs::WorkEntry e;
      e.title = f.work;
      out.push_back(e);
    }
  return out;
}

// The lectures of the 统计表 and the 授课记录: the manifest's `lectures`, else its works (each
// a recorded lesson, its summary the content when `content` is not given).
std::vector<docs::LectureEntry> lectures(const std::optional<manifest::Manifest>& m)
{
  std::vector<docs::LectureEntry> out;
  if (!m)
    return out;
  for (const auto& l : manifest::lectures_of(*m))
    out.push_back({l.speaker, l.position, l.title, l.date, l.audience, l.content, l.discussion});
  return out;
}

std::vector<docs::LecturerEntry> lecturers(const std::optional<manifest::Manifest>& m)
{
  std::vector<docs::LecturerEntry> out;
  if (m)
    for (const auto& p : m->lecturers)
      out.push_back({p.name, p.gender, p.born, p.unit, p.position, p.phone});
  return out;
}

// The 师资库统计表 is generated for the units the notice asks it of, and for any unit whose
// manifest lists its lecturers.
bool wants_lecturers(const rules::RuleSet& rules, const std::optional<manifest::Manifest>& m,
                     const std::string& unit)
{
  const rules::DocumentRule* rule = rules.document_rule("师资库统计表");
  return rule && (rule->required_of(unit) || (m && !m->lecturers.empty()));
}

bool is_new_media(const rules::RuleSet& rules, const std::string& category)
{
  const auto& images = rules.rules_for(category).images;
  return std::any_of(images.begin(), images.end(),
                     [](const rules::ImageRole& r) { return r.qr_code; });
}

} // namespace

bool load_image(const std::string& path, docs::Image& out, std::string& error)
{
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.is_open() || (!in.good() && !in.eof())) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  ImageFacts facts;
  ProbeError probe_error;
  if (!media::probe_image_bytes(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                facts, probe_error)) {
    error = path + ": not a PNG or JPEG image";
    return false;
  }
  out = {std::move(bytes), facts.format, facts.width, facts.height};
  return true;
}

std::string form_kind(const rules::RuleSet& rules, const std::string& file_name)
{
  for (const std::string_view kind : manifest::generated_forms)
    if (names_kind(rules, file_name, std::string(kind)))
      return std::string(kind);
  return "";
}

bool generates_lecture_record(const rules::RuleSet& rules, const layout::PackPlan& plan,
                              FormsMode mode)
{
  return manifest::wants_lecture_record(rules) &&
         !(mode == FormsMode::keep && plan_has(rules, plan, "授课记录"));
}

namespace {

std::vector<GeneratedFile> make_forms(const rules::RuleSet& rules,
                                      const std::optional<manifest::Manifest>& manifest,
                                      const std::string& unit, const layout::PackPlan& plan,
                                      Date date, FormsMode mode)
{
  // With keep, a kind the unit gave is not generated.
  const auto given = [&](const std::string& kind) {
    return mode == FormsMode::keep && plan_has(rules, plan, kind);
  };
  std::vector<GeneratedFile> out;
  const docs::UnitInfo info{unit, manifest ? manifest->contact : "",
                            manifest ? manifest->phone : ""};
  const auto works = entries(manifest, plan);
  if (rules.document_rule("汇总表") && !given("汇总表"))
    out.push_back({layout::folder_prefix(rules, "汇总表") + "汇总表-" + unit + ".docx",
                   docx_bytes(docs::changzhou_summary(info, works), date)});
  if (rules.document_rule("报名表") && !given("报名表"))
    for (const auto& w : works)
      out.push_back(
          {layout::folder_prefix(rules, "报名表") + "报名表-" + w.title + "-" + unit + ".docx",
           docx_bytes(is_new_media(rules, w.category) ? docs::changzhou_entry_new_media(info, w)
                                                      : docs::changzhou_entry_video(info, w),
                      date)});
  if (rules.document_rule("统计表") && !given("统计表"))
    out.push_back({layout::folder_prefix(rules, "统计表") + "统计表-" + unit + ".docx",
                   docx_bytes(docs::jiaozuo_statistics(info, lectures(manifest)), date)});
  if (wants_lecturers(rules, manifest, unit) && !given("师资库统计表"))
    out.push_back({layout::folder_prefix(rules, "师资库统计表") + "师资库统计表-" + unit + ".docx",
                   docx_bytes(docs::jiaozuo_lecturers(info, lecturers(manifest)), date)});
  if (generates_lecture_record(rules, plan, mode))
    out.push_back({"授课记录-" + unit + ".docx",
                   docx_bytes(docs::branch_lecture_record(info, lectures(manifest)), date)});
  return out;
}

} // namespace

std::vector<GeneratedFile> generate_forms(const rules::RuleSet& rules,
                                          const std::optional<manifest::Manifest>& manifest,
                                          const std::string& unit, const layout::PackPlan& plan,
                                          Date date, FormsMode mode)
{
  std::vector<GeneratedFile> out = make_forms(rules, manifest, unit, plan, date, mode);
  naming::NameClaims names;
  for (const auto& f : plan.files)
    names.claim(f.dest, f.source);
  for (auto& g : out)
    if (!names.claim(g.dest, "").empty())
      g.dest = beside(g.dest);
  return out;
}

} // namespace mpcheck::pack
