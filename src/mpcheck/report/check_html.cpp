// The HTML report: one self-contained page (styles inline, thumbnails as data: URIs) that a
// clerk would rather look at than read — per work a strip of thumbnails from each video, the
// subtitled and clean versions side by side, the bit-rate curve against the allowed range,
// and the findings highlighted with their fix.
#include "mpcheck/report/check_html.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "mpcheck/report/words.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/units.hpp"
#include "mpcheck/util/base64.hpp"
#include "mpcheck/util/xml.hpp"

namespace mpcheck::report {

namespace {

// HTML text and attribute values: XML escaping is HTML-safe too (and drops what no page
// should hold: control characters, bytes that are not UTF-8).
std::string esc(const std::string& s)
{
  return xml_escape_text(s);
}

// The page's own words (the findings bring theirs).
const Text html_lang{"zh-CN", "en"};
const Text subtitled_word{"有字幕版", "subtitled"};
const Text clean_word{"无字幕版", "clean"};
const Text bitrate_word{"码率（每秒）", "bit rate (per second)"};
const Text allowed_word{"允许范围", "allowed"};
const Text no_pictures_word{"没有画面（未解码）", "no pictures (not decoded)"};
const Text fast_word{"用 --fast 检查：没有解码画面", "checked with --fast: no pictures decoded"};
const Text loudness_word{"响度", "loudness"};
// The table of the drives, when the page shows several.
const Text drive_column{"报送", "submission"};
const Text unit_column{"报送单位", "unit"};
const Text works_column{"作品", "works"};
const Text errors_column{"错误", "errors"};
const Text warnings_column{"警告", "warnings"};
const Text manual_column{"需人工确认", "to confirm"};
const Text intact_column{"校验清单", "manifest"};
const Text intact_word{"✓ 完好", "✓ intact"};
const Text broken_word{"✗ 不一致", "✗ differs"};
const Text no_manifest_word{"（无清单）", "(none)"};

const char* css()
{
  return R"(body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f4f5f7;color:#1d2129}
header{background:#b71c1c;color:#fff;padding:18px 28px}header h1{margin:0 0 6px;font-size:24px}
header p{margin:2px 0}.summary{font-size:18px;font-weight:bold;margin-top:8px}
main{padding:12px 28px 40px}section{background:#fff;border-radius:8px;margin:16px 0;padding:14px 18px;box-shadow:0 1px 3px #0002}
h2{margin:0 0 10px;font-size:20px}.badge{font-size:14px;border-radius:10px;padding:2px 10px;margin-left:10px;vertical-align:middle}
.badge.ok{background:#e3f5e8;color:#1b6e33}.badge.error{background:#fde2e1;color:#b71c1c}.badge.warning{background:#fff3d6;color:#8a5a00}
.versions{display:flex;gap:16px;flex-wrap:wrap}figure{margin:0;flex:1 1 460px;min-width:0;border:1px solid #e5e6eb;border-radius:6px;padding:8px}
figcaption{font-weight:bold;margin-bottom:6px;word-break:break-all}.strip{display:flex;gap:4px;flex-wrap:wrap}
.strip div{text-align:center;font-size:12px;color:#555}.strip img{display:block;height:90px;border-radius:3px;background:#000}
.facts{font-size:13px;color:#444;margin:6px 0 0}svg.bitrate{width:100%;height:auto;background:#fafafa;border:1px solid #eee;margin-top:6px}svg.bitrate text{font-size:11px;fill:#555}.turned{position:relative;overflow:hidden;margin:0 auto}.turned img{position:absolute;left:50%;top:50%;height:auto}
ul.findings{list-style:none;padding:0;margin:12px 0 0}ul.findings li{border-left:5px solid #999;background:#fafafa;margin:8px 0;padding:8px 12px;border-radius:0 6px 6px 0}
li.error{border-color:#d32f2f!important;background:#fff5f5!important}li.warning{border-color:#f0a000!important;background:#fffaf0!important}
li.manual,li.info{border-color:#8c8c8c!important}.sev{font-weight:bold;margin-right:6px}li.error .sev{color:#c62828}li.warning .sev{color:#a86b00}
code{background:#eef0f3;border-radius:3px;padding:1px 5px;font-size:13px}.path{color:#555;font-size:13px;word-break:break-all}
table.drives{border-collapse:collapse;background:#fff;margin:16px 0;box-shadow:0 1px 3px #0002}table.drives th,table.drives td{border:1px solid #e5e6eb;padding:6px 12px;text-align:left}table.drives td.n{text-align:right}table.drives tr.bad td:first-child{border-left:5px solid #d32f2f}p.unread{color:#b71c1c;font-weight:bold}
div.drive{background:#7f1414;color:#fff;border-radius:8px;margin:28px 0 8px;padding:10px 18px}div.drive h2{word-break:break-all}div.drive .summary{margin:4px 0 0}
.ea{font-size:14px;margin:4px 0}.fix{font-size:14px;color:#0b5394;margin-top:4px;word-break:break-all}.none{color:#888;font-size:13px})";
}

std::string clock(double s)
{
  const int t = int(s + 0.5);
  return fmt::format("{:02d}:{:02d}", t / 60, t % 60);
}

// The bit-rate curve as an inline SVG: Mbit/s per second of the video, with its axes (0 and
// the top in Mbps, 0:00 and the length) and the allowed range as a labelled band.
std::string bitrate_svg(const VideoFacts& v, const rules::BitrateRange* allowed, Lang lang)
{
  const auto& kbps = v.kbps_per_second;
  if (kbps.size() < 2)
    return "";
  double top = *std::max_element(kbps.begin(), kbps.end());
  if (allowed && allowed->max)
    top = std::max(top, double(allowed->max) / 1000);
  top *= 1.1;
  // The plot inside a frame of labels: y axis at the left, x axis below.
  const double left = 56, right = 632, plot_top = 8, bottom = 96, n = double(kbps.size() - 1);
  auto x = [&](double i) { return left + i / n * (right - left); };
  auto y = [&](double k) { return bottom - k / top * (bottom - plot_top); };
  std::string out =
      fmt::format(R"(<svg class="bitrate" viewBox="0 0 640 120" role="img"><title>{}</title>)",
                  esc(bitrate_word.in(lang)));
  if (allowed && (allowed->min || allowed->max)) {
    const double lo = double(allowed->min) / 1000,
                 hi = allowed->max ? double(allowed->max) / 1000 : top;
    const std::string band = fmt::format("{} {:.1f}–{:.1f} Mbps", allowed_word.in(lang), lo / 1000,
                                         (allowed->max ? hi : top) / 1000);
    out += fmt::format(R"(<rect x="{}" y="{:.1f}" width="{}" height="{:.1f}" fill="#e3f5e8"/>)"
                       R"(<text class="band" x="{}" y="{:.1f}" text-anchor="end">{}</text>)",
                       left, y(hi), right - left, y(lo) - y(hi), right - 4, y(hi) + 12, esc(band));
  }
  out += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#888"/>)"
                     R"(<line x1="{0}" y1="{2}" x2="{3}" y2="{2}" stroke="#888"/>)"
                     R"(<text class="axis" x="{4}" y="{5}" text-anchor="end">{6:.1f} Mbps</text>)"
                     R"(<text class="axis" x="{4}" y="{2}" text-anchor="end">0</text>)"
                     R"(<text class="axis" x="{0}" y="{7}">0:00</text>)"
                     R"(<text class="axis" x="{3}" y="{7}" text-anchor="end">{8}</text>)",
                     left, plot_top, bottom, right, left - 4, plot_top + 8, top / 1000, bottom + 16,
                     clock(n));
  out += R"(<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points=")";
  for (size_t i = 0; i < kbps.size(); ++i)
    out += fmt::format("{:.1f},{:.1f} ", x(double(i)), y(kbps[i]));
  out += R"("/></svg>)";
  return out;
}

std::string facts_line(const MediaFacts& f, Lang lang)
{
  std::string out;
  if (f.video) {
    const VideoFacts& v = *f.video;
    out += fmt::format("{}×{} · {:g} fps · {}", v.display_width, v.display_height,
                       std::round(v.frame_rate.value() * 1000) / 1000,
                       rules::format_mbps(v.bitrate_measured));
  }
  if (f.container && f.container->duration_known) {
    const double d = f.container->duration_s;
    out += fmt::format(" · {}:{:06.3f}", int(d) / 60, d - 60 * (int(d) / 60));
  }
  if (f.deep && f.deep->audio_measured)
    out += fmt::format(" · {} {:.1f} LUFS", loudness_word.in(lang), f.deep->loudness_lufs);
  return out;
}

std::string video_figure(const checks::CheckReport& r, const SubmissionFile& file,
                         const std::string& caption, Lang lang)
{
  std::string out = "<figure><figcaption>" + esc(caption) + "</figcaption>";
  const DeepFacts* d = file.facts.deep ? &*file.facts.deep : nullptr;
  if (d && !d->thumbnails.empty()) {
    const int rotation = file.facts.video ? file.facts.video->rotation : 0;
    const bool quarter = rotation % 180 != 0;
    out += R"(<div class="strip">)";
    for (const Thumbnail& t : d->thumbnails) {
      const std::string img =
          fmt::format(R"(<img src="data:image/jpeg;base64,{}" width="{}" height="{}" alt="{}")",
                      base64_encode(t.jpeg), t.width, t.height, clock(t.time_s));
      if (!quarter) {
        const std::string turn =
            rotation ? fmt::format(R"x( style="transform:rotate({}deg)")x", rotation) : "";
        out += fmt::format("<div>{}{}>{}</div>", img, turn, clock(t.time_s));
        continue;
      }
      // A portrait picture stored on its side: a box of the upright size (160 px high) holds
      // the picture turned inside it, so it is shown whole.
      const double high = 160, wide = high * t.height / std::max(1, t.width);
      out += fmt::format(
          R"x(<div><div class="turned" style="width:{:.0f}px;height:{:.0f}px">{} style="width:{:.0f}px;transform:translate(-50%,-50%) rotate({}deg)"></div>{}</div>)x",
          wide, high, img, high, rotation, clock(t.time_s));
    }
    out += "</div>";
  } else {
    out +=
        fmt::format(R"(<p class="none">{}</p>)", esc((d ? no_pictures_word : fast_word).in(lang)));
  }
  if (file.facts.video) {
    const rules::MediaRules& media =
        r.rules
            ->rules_for(file.work >= 0 ? r.submission.works[size_t(file.work)].category
                                       : std::string())
            .media;
    out += bitrate_svg(*file.facts.video, media.bitrate ? &media.bitrate->value : nullptr, lang);
  }
  out += R"(<p class="facts">)" + esc(facts_line(file.facts, lang)) + "</p></figure>";
  return out;
}

std::string finding_item(const Finding& f, Lang lang, bool with_fix = true)
{
  const Words& w = words(lang);
  const char* cls = f.severity == Severity::error     ? "error"
                    : f.severity == Severity::warning ? "warning"
                    : f.severity == Severity::manual  ? "manual"
                                                      : "info";
  std::string out =
      fmt::format(R"(<li class="{}" data-check="{}"><span class="sev">{}</span><code>{}</code> )",
                  cls, esc(f.check), esc(severity_label(f.severity, lang)), esc(f.check));
  if (!f.path.empty())
    out += R"(<span class="path">)" + esc(f.path) + "</span>";
  out += "<div>" + esc(f.message.in(lang)) + "</div>";
  if (!f.expected.in(lang).empty() || !f.actual.in(lang).empty())
    out += fmt::format(R"(<div class="ea">{}：{}　{}：{}</div>)", w.expected,
                       esc(f.expected.in(lang)), w.actual, esc(f.actual.in(lang)));
  if (with_fix && !f.hint.in(lang).empty())
    out += fmt::format(R"(<div class="fix">{}：{}</div>)", w.fix, esc(f.hint.in(lang)));
  return out + "</li>";
}

// The findings as list items, as the text report orders them: the findings of one file that
// share a fix (one ffmpeg command mends the frame rate and the resolution) together, the fix
// once, under the last of them.
std::string finding_items(const std::vector<const Finding*>& findings, Lang lang)
{
  std::string out;
  std::vector<bool> shown(findings.size(), false);
  for (size_t i = 0; i < findings.size(); ++i) {
    if (shown[i])
      continue;
    const std::string& hint = findings[i]->hint.in(lang);
    std::vector<size_t> group{i};
    for (size_t k = i + 1; k < findings.size(); ++k)
      if (!shown[k] && !hint.empty() && findings[k]->path == findings[i]->path &&
          findings[k]->hint.in(lang) == hint)
        group.push_back(k);
    for (size_t g = 0; g < group.size(); ++g) {
      shown[group[g]] = true;
      out += finding_item(*findings[group[g]], lang, g + 1 == group.size());
    }
  }
  return out;
}

// An item to confirm by hand: one line with a box to tick (a note, ℹ, has none), its sentence
// once — the expected value and the fix of a manual finding only repeat it.
std::string manual_item(const Finding& f, Lang lang)
{
  const bool note = f.severity == Severity::info;
  return fmt::format(R"(<li class="{}" data-check="{}"><label>{} {}</label> <code>{}</code></li>)",
                     note ? "info" : "manual", esc(f.check),
                     note ? R"(<span class="sev">ℹ</span>)" : R"(<input type="checkbox">)",
                     esc(f.message.in(lang)), esc(f.check));
}

std::string badge(const std::vector<const Finding*>& findings, Lang lang)
{
  const auto errors = std::count_if(findings.begin(), findings.end(), [](const Finding* f) {
    return f->severity == Severity::error;
  });
  const auto warnings = std::count_if(findings.begin(), findings.end(), [](const Finding* f) {
    return f->severity == Severity::warning;
  });
  if (errors)
    return fmt::format(R"(<span class="badge error">{} {}</span>)", errors,
                       lang == Lang::en ? "errors" : "个错误");
  if (warnings)
    return fmt::format(R"(<span class="badge warning">{} {}</span>)", warnings,
                       lang == Lang::en ? "warnings" : "个警告");
  return fmt::format(R"(<span class="badge ok">✓ {}</span>)", words(lang).ok);
}

std::string work_section(const checks::CheckReport& r, int w,
                         const std::vector<const Finding*>& findings, Lang lang,
                         const std::string& id_prefix)
{
  const Work& work = r.submission.works[size_t(w)];
  std::string out = fmt::format(
      R"(<section class="work" id="{}work-{}"><h2>《{}》{}{}</h2>)", id_prefix, w, esc(work.title),
      work.category.empty() ? "" : "（" + esc(work.category) + "）", badge(findings, lang));
  // The pairs first, side by side; then the work's other videos.
  std::vector<int> shown;
  for (const auto& p : r.submission.pairs) {
    if (p.work != w)
      continue;
    out += R"(<div class="versions">)";
    out += video_figure(
        r, r.submission.files[size_t(p.subtitled)],
        subtitled_word.in(lang) + " · " + r.submission.files[size_t(p.subtitled)].name, lang);
    out +=
        video_figure(r, r.submission.files[size_t(p.clean)],
                     clean_word.in(lang) + " · " + r.submission.files[size_t(p.clean)].name, lang);
    out += "</div>";
    shown.push_back(p.subtitled);
    shown.push_back(p.clean);
  }
  std::string singles;
  for (int i : work.files) {
    const auto& file = r.submission.files[size_t(i)];
    if (file.kind == FileKind::video && std::find(shown.begin(), shown.end(), i) == shown.end())
      singles += video_figure(r, file, file.name, lang);
  }
  if (!singles.empty())
    out += R"(<div class="versions">)" + singles + "</div>";
  if (!findings.empty()) {
    out += R"(<ul class="findings">)" + finding_items(findings, lang) + "</ul>";
  }
  return out + "</section>";
}

// The sections of one report: its works, the whole submission, the items to confirm. Ids start
// with `id_prefix` (each drive's own when the page shows several).
std::string report_sections(const checks::CheckReport& report, Lang lang,
                            const std::string& id_prefix = "")
{
  const Words& w = words(lang);
  const auto [by_work, manual] = group_findings(report);
  std::string out;
  // A PATH that could not be read: nothing under it was checked.
  for (const auto& p : report.unread)
    out += fmt::format(R"(<p class="unread">✗ {}</p>)", esc(unread_text(p, lang)));
  static const std::vector<const Finding*> none;
  for (int i = 0; i < int(report.submission.works.size()); ++i) {
    auto it = by_work.find(report.submission.works[size_t(i)].title);
    out += work_section(report, i, it == by_work.end() ? none : it->second, lang, id_prefix);
  }
  if (auto it = by_work.find(""); it != by_work.end()) {
    out += fmt::format(R"(<section class="whole"><h2>{}{}</h2><ul class="findings">)", w.whole,
                       badge(it->second, lang));
    out += finding_items(it->second, lang) + "</ul></section>";
  }
  if (!manual.empty()) {
    out += fmt::format(R"(<section class="manual"><h2>{}</h2><ul class="findings">)", w.manual);
    // Once per id and text, as the text report: a text naming its work ("作品“初心如磐”缺少课
    // 件") is an item of its own, not hidden behind the first work's.
    std::vector<std::pair<std::string, std::string>> seen;
    for (const Finding* f : manual) {
      const std::pair<std::string, std::string> key{f->check, f->message.in(lang)};
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        continue;
      seen.push_back(key);
      out += manual_item(*f, lang);
    }
    out += "</ul></section>";
  }
  return out;
}

// What the page checked: the folder, or the loose files.
std::string checked_line(const checks::CheckReport& report, Lang lang)
{
  const Words& w = words(lang);
  const Submission& sub = report.submission;
  const bool files = sub.scope == Scope::files;
  return fmt::format("{}：{}", files ? w.files : w.root,
                     esc(files || sub.root.empty() ? sub.label : sub.root));
}

// The units of a submission's works, as named in their files ("—" when none).
std::string units_of(const Submission& sub)
{
  std::vector<std::string> units;
  for (const auto& w : sub.works)
    if (!w.unit.empty() && std::find(units.begin(), units.end(), w.unit) == units.end())
      units.push_back(w.unit);
  std::string out;
  for (const auto& u : units)
    out += (out.empty() ? "" : "、") + u;
  return out.empty() ? "—" : out;
}

// Whether a drive's manifest-sha256.txt matches what is on it.
const Text& manifest_state(const checks::CheckReport& r)
{
  if (!r.submission.manifest)
    return no_manifest_word;
  for (const auto& f : r.findings)
    if (f.check == rules::ids::file_hash_mismatch.str() ||
        f.check == rules::ids::file_missing_from_drive.str() ||
        f.check == rules::ids::file_not_in_manifest.str())
      return broken_word;
  return intact_word;
}

// What a receiver with many drives reads first: one row per drive, linking to its part.
std::string drives_table(std::span<const checks::CheckReport> reports, Lang lang)
{
  std::string out = "<table class=\"drives\"><tr>";
  for (const Text* t : {&drive_column, &unit_column, &works_column, &errors_column,
                        &warnings_column, &manual_column, &intact_column})
    out += "<th>" + esc(t->in(lang)) + "</th>";
  out += "</tr>";
  for (size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    const checks::Summary s = checks::summarize(r);
    const std::string& label = r.submission.label.empty() ? r.submission.root : r.submission.label;
    // A PATH not read at all has no counts, not zeros that read like a clean, empty drive; its
    // last cell says why it was not checked (as the band below does).
    const bool not_checked = !r.unread.empty() && r.submission.files.empty();
    const auto count = [&](int n) { return not_checked ? std::string("—") : std::to_string(n); };
    std::string state = esc(manifest_state(r).in(lang));
    if (!r.unread.empty()) {
      const std::string sep = lang == Lang::en ? "; " : "；";
      state = not_checked ? "✗ " : state + sep;
      for (size_t k = 0; k < r.unread.size(); ++k)
        state += (k ? sep : "") + esc(unread_text(r.unread[k], lang));
    }
    out += fmt::format(R"(<tr class="{}"><td><a href="#drive-{}">{}</a></td><td>{}</td>)"
                       R"(<td class="n">{}</td><td class="n">{}</td><td class="n">{}</td>)"
                       R"(<td class="n">{}</td><td>{}</td></tr>)",
                       s.error > 0 || !r.unread.empty() ? "bad" : "ok", i, esc(label),
                       esc(units_of(r.submission)), count(s.works), count(s.error),
                       count(s.warning), count(s.manual), state);
  }
  return out + "</table>";
}

} // namespace

std::string check_html(std::span<const checks::CheckReport> reports, Lang lang)
{
  const Words& w = words(lang);
  if (reports.empty())
    return "";
  const checks::CheckReport& first = reports.front();
  const auto& rules = *first.rules;
  const bool one = reports.size() == 1;
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
                                "<meta name=\"viewport\" content=\"width=device-width\"><title>{} "
                                "— {}</title><style>{}</style></head><body>",
                                html_lang.in(lang), esc(w.title), esc(rules.title.in(lang)), css());
  std::string dates = fmt::format(
      "{}：{}{}", w.as_of, first.as_of.str(),
      rules.deadline ? fmt::format("　{}：{}", w.deadline, rules.deadline->value.str()) : "");
  out += fmt::format(
      "<header><h1>{}</h1><p>{}（{}）</p><p>{}{}</p><p class=\"summary\">{}</p></header><main>",
      esc(w.title), esc(rules.title.in(lang)), esc(rules.id),
      one ? checked_line(first, lang) + "　" : "", dates,
      one ? esc(check_summary(first, lang)) : esc(drives_heading(reports.size(), lang)));
  if (one) {
    out += report_sections(first, lang);
  } else {
    // The table of the drives, then one band per PATH (its summary) and its sections.
    out += drives_table(reports, lang);
    for (size_t i = 0; i < reports.size(); ++i)
      out += fmt::format(
                 R"(<div class="drive" id="drive-{}"><h2>{}</h2><p class="summary">{}</p></div>)",
                 i, checked_line(reports[i], lang), esc(drive_line(reports[i], lang))) +
             report_sections(reports[i], lang, fmt::format("drive-{}-", i));
  }
  // How many pictures the browser could show, on the root element: for automated checks of
  // the page (tests/cli/test_report_html.py). Nothing else runs.
  // On load, the page counts the pictures the browser could decode, and the portrait ones
  // shown whole (the turned picture inside its box): the tests read both from the DOM.
  out +=
      "</main><script>addEventListener('load',function(){var n=0;for(var i of document.images)"
      "if(i.complete&&i.naturalWidth>0)n++;document.documentElement.dataset.imagesShown=n;"
      "var w=0;for(var b of document.querySelectorAll('.turned')){var o=b.getBoundingClientRect(),"
      "r=b.firstChild.getBoundingClientRect();if(r.left>=o.left-1&&r.right<=o.right+1&&"
      "r.top>=o.top-1&&r.bottom<=o.bottom+1&&r.height>r.width)w++;}"
      "document.documentElement.dataset.portraitWhole=w;});"
      "</script></body></html>\n";
  return out;
}

std::string check_html(const checks::CheckReport& report, Lang lang)
{
  return check_html(std::span<const checks::CheckReport>(&report, 1), lang);
}

} // namespace mpcheck::report
