// subtitles.pair-missing: a work the notice wants in two versions (有字幕 and 无字幕) must
// have both. Comparing their pictures (pair-mismatch, not-burned) needs decoding: deep checks.
#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

using naming::Variant;

struct Versions {
  bool subtitled = false, clean = false, unmarked = false;
  std::string first_path;
};

Versions versions_of(const Context& ctx, const check::Work& work)
{
  Versions v;
  for (int i : work.files) {
    const auto& file = ctx.sub.files[size_t(i)];
    if (file.kind != check::FileKind::video || !file.work_name)
      continue;
    if (v.first_path.empty())
      v.first_path = file.path;
    const Variant var = file.work_name->name.variant;
    v.subtitled |= var == Variant::subtitled;
    v.clean |= var == Variant::clean;
    v.unmarked |= var == Variant::none;
  }
  return v;
}

} // namespace

void check_subtitles(const Context& ctx)
{
  for (const auto& work : ctx.sub.works) {
    const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
    if (!cat.variants || !cat.variants->required)
      continue;
    const Versions v = versions_of(ctx, work);
    if (v.first_path.empty() || (v.subtitled && v.clean))
      continue;
    const auto& sub = cat.variants->subtitled;
    const auto& clean = cat.variants->clean;
    if (Finding* f = ctx.sink.add("subtitles.pair-missing", &cat.variants->origin, v.first_path,
                                  work.title)) {
      f->expected = sub.suffix + " + " + clean.suffix;
      if (v.subtitled) {
        f->actual = sub.suffix;
        f->message = {"只有有字幕版，缺少无字幕版",
                      "only the subtitled version is here; the clean version is missing"};
      } else if (v.clean) {
        f->actual = clean.suffix;
        f->message = {"只有无字幕版，缺少有字幕版",
                      "only the clean version is here; the subtitled version is missing"};
      } else {
        f->actual = "未标明版本";
        f->message = {
            "要求有字幕、无字幕两个版本，文件名没有标明是哪个版本",
            "two versions (subtitled and clean) are required; the name does not say which this is"};
      }
      f->hint = {"报送两个版本，文件名分别以“" + sub.suffix + "”和“" + clean.suffix + "”结尾。",
                 "Submit both versions, their names ending in '" + sub.suffix + "' and '" +
                     clean.suffix + "'."};
    }
  }
}

} // namespace mpcheck::checks
