// duration.max / duration.min: the length a player shows, against the notice's limits.
// Exact to the millisecond: 480.000 s passes an 8-minute limit, 480.040 s does not.
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

// "10:00", "0:06", "8:00.040": minutes and seconds, the milliseconds only where there are
// any (the check is exact to them; a clerk reads "10:00.000" as noise, QA N9).
std::string clock(double seconds)
{
  const int64_t ms = std::llround(seconds * 1000);
  if (ms % 1000 == 0)
    return fmt::format("{}:{:02}", ms / 60000, ms / 1000 % 60);
  return fmt::format("{}:{:02}.{:03}", ms / 60000, ms / 1000 % 60, ms % 1000);
}

// A measured length beside its limit: whole seconds when they tell the two apart (0:03 under
// 10:00), the milliseconds when it is within a second of it (8:00.040 over 8:00).
std::string clock_near(double got, double limit)
{
  return std::abs(got - limit) >= 1 ? clock(std::round(got)) : clock(got);
}

int64_t millis(double seconds)
{
  return std::llround(seconds * 1000);
}

void too_long(const Context& ctx, const SubmissionFile& file, double got,
              const rules::Requirement<double>& max)
{
  if (Finding* f = ctx.sink.add(ids::duration_max, &max.origin, file.path, ctx.work_of(file))) {
    f->expected = "≤ " + clock(max.value);
    f->actual = clock_near(got, max.value);
    const double over = got - max.value;
    const std::string by = over >= 1 ? fmt::format("{:.0f}", over) : fmt::format("{:.3f}", over);
    f->message = {
        fmt::format("时长 {} 超过上限 {}（多 {} 秒）", f->actual.zh, clock(max.value), by),
        fmt::format("{} long, over the {} limit by {} s", f->actual.zh, clock(max.value), by)};
    f->hint = {"在剪辑软件中删减到 " + clock(max.value) + " 以内后重新导出。",
               "Edit it down to " + clock(max.value) + " or less and export again."};
  }
}

void too_short(const Context& ctx, const SubmissionFile& file, double got,
               const rules::Requirement<double>& min)
{
  if (Finding* f = ctx.sink.add(ids::duration_min, &min.origin, file.path, ctx.work_of(file))) {
    f->expected = "≥ " + clock(min.value);
    f->actual = clock_near(got, min.value);
    f->message = {
        fmt::format("时长 {} 不足 {}", f->actual.zh, clock(min.value)),
        fmt::format("{} long, shorter than the required {}", f->actual.zh, clock(min.value))};
    if (ctx.rules.categories.empty())
      f->hint = {"通知要求不少于 " + clock(min.value) + "；请补充内容后重新导出。",
                 "The notice requires at least " + clock(min.value) +
                     "; add material and export again."};
    else
      f->hint = {"该分类要求不少于 " + clock(min.value) + "；请确认分类是否填对，或补充内容。",
                 "This category requires at least " + clock(min.value) +
                     "; check the category, or add material."};
  }
}

} // namespace

void check_duration(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (file.kind != FileKind::video && file.kind != FileKind::audio)
      continue;
    if (!file.facts.container || !file.facts.container->duration_known || file.facts.error)
      continue;
    const rules::MediaRules& media = ctx.rules_for(file).media;
    const double got = file.facts.container->duration_s;
    const double tolerance = media.duration_tolerance;
    if (media.max_duration && millis(got) > millis(media.max_duration->value + tolerance))
      too_long(ctx, file, got, *media.max_duration);
    if (media.min_duration && millis(got) < millis(media.min_duration->value - tolerance))
      too_short(ctx, file, got, *media.min_duration);
  }
}

} // namespace mpcheck::checks
