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
#include "mpcheck/media/image.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::pack {

namespace {

namespace fs = std::filesystem;

bool plan_has(const layout::PackPlan& plan, const std::string& kind)
{
  return std::any_of(plan.files.begin(), plan.files.end(), [&](const layout::PlannedFile& f) {
    return fs::path(f.dest).filename().string().find(kind) != std::string::npos;
  });
}

// The bytes of a .docx: written to a private temporary file and read back.
std::string docx_bytes(docs::DocxWriter writer)
{
  writer.set_date(today());
  char dir_template[] = "/tmp/mpcheck-forms-XXXXXX";
  const char* dir = ::mkdtemp(dir_template);
  if (!dir)
    throw std::runtime_error("cannot create a temporary folder for the forms");
  const std::string path = std::string(dir) + "/form.docx";
  std::string error;
  const bool ok = writer.write(path, error);
  std::stringstream bytes;
  if (ok)
    bytes << std::ifstream(path, std::ios::binary).rdbuf();
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!ok)
    throw std::runtime_error(error);
  return bytes.str();
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

std::vector<docs::LectureEntry> lectures(const std::optional<manifest::Manifest>& m)
{
  std::vector<docs::LectureEntry> out;
  if (m)
    for (const auto& w : m->works)
      out.push_back(
          docs::LectureEntry{w.speaker, w.position, w.title, w.date, w.audience, w.summary, ""});
  return out;
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
  ImageFacts facts;
  ProbeError probe_error;
  if (!media::probe_image(path, facts, probe_error)) {
    error = path + ": " +
            (probe_error.code == "unreadable" ? probe_error.detail : "not a PNG or JPEG image");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  out = {std::move(bytes), facts.format, facts.width, facts.height};
  return true;
}

std::vector<GeneratedFile> generate_forms(const rules::RuleSet& rules,
                                          const std::optional<manifest::Manifest>& manifest,
                                          const std::string& unit, const layout::PackPlan& plan)
{
  std::vector<GeneratedFile> out;
  const docs::UnitInfo info{unit, manifest ? manifest->contact : "",
                            manifest ? manifest->phone : ""};
  const auto works = entries(manifest, plan);
  if (rules.document_rule("汇总表") && !plan_has(plan, "汇总表"))
    out.push_back({layout::folder_prefix(rules, "汇总表") + "汇总表-" + unit + ".docx",
                   docx_bytes(docs::changzhou_summary(info, works))});
  if (rules.document_rule("报名表") && !plan_has(plan, "报名表"))
    for (const auto& w : works)
      out.push_back(
          {layout::folder_prefix(rules, "报名表") + "报名表-" + w.title + "-" + unit + ".docx",
           docx_bytes(is_new_media(rules, w.category) ? docs::changzhou_entry_new_media(info, w)
                                                      : docs::changzhou_entry_video(info, w))});
  if (rules.document_rule("统计表") && !plan_has(plan, "统计表"))
    out.push_back({layout::folder_prefix(rules, "统计表") + "统计表-" + unit + ".docx",
                   docx_bytes(docs::jiaozuo_statistics(info, lectures(manifest)))});
  if (rules.manual_item("manual.lesson-record") && !plan_has(plan, "授课记录"))
    out.push_back({"授课记录-" + unit + ".docx",
                   docx_bytes(docs::branch_lecture_record(info, lectures(manifest)))});
  return out;
}

} // namespace mpcheck::pack
