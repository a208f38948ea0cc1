// Categories and the rules for the works' files: media blocks, images, variants.
#include <algorithm>

#include "mpcheck/rules/detail/names.hpp"
#include "mpcheck/rules/detail/parse.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules::detail {

namespace {

// What a media key's reader gets: the entry, its origin, and the category being read.
struct KeyArgs {
  const YamlReader& reader;
  const Entry& entry;
  const Origin& origin;
  CategoryDraft& draft;

  MediaRules& media() const { return draft.rules.media; }
  RangeDraft& ranges() const { return draft.ranges; }
};

using Apply = void (*)(const KeyArgs&);

// A key of a media block: what it sets and which check it feeds ("" for tuning keys).
struct MediaKey {
  std::string_view key;
  std::string_view check;
  Apply apply;
};

template <class T> Requirement<T> req(T value, const Origin& origin)
{
  return {std::move(value), origin};
}

void read_bitrate_tolerance(const KeyArgs& a)
{
  const std::string& text =
      a.reader.scalar(a.entry, Text{"容差，如 \"10%\" 或 \"800kbps\"",
                                    "a tolerance such as \"10%\" or \"800kbps\""});
  if (auto percent = parse_percent(text)) {
    a.ranges().bitrate_tolerance = req(*percent, a.origin);
    a.ranges().relative_tolerance = true;
  } else if (auto bits = parse_bitrate(text)) {
    a.ranges().bitrate_tolerance = req(static_cast<double>(*bits), a.origin);
    a.ranges().relative_tolerance = false;
  } else {
    a.reader.fail(a.entry, "expected a tolerance such as \"10%\" or \"800kbps\", found " +
                               YamlReader::found(a.entry.value));
  }
}

void read_frame_rate_tolerance(const KeyArgs& a)
{
  const double fps = a.reader.number(a.entry);
  if (fps < 0)
    a.reader.fail(a.entry, "expected a number of frames per second of at least 0, found " +
                               YamlReader::found(a.entry.value));
  a.media().frame_rate_tolerance = fps;
}

const std::vector<MediaKey>& media_keys()
{
  static const std::vector<MediaKey> keys = {
      {"containers", ids::container_format.str(),
       [](const KeyArgs& a) {
         a.media().containers = req(canonical_names(a.reader, a.entry, containers()), a.origin);
       }},
      {"extensions", ids::name_extension.str(),
       [](const KeyArgs& a) {
         a.media().extensions = req(extensions(a.reader, a.entry), a.origin);
       }},
      {"codecs", ids::video_codec.str(),
       [](const KeyArgs& a) {
         a.media().codecs = req(canonical_names(a.reader, a.entry, video_codecs()), a.origin);
       }},
      {"resolution", ids::video_resolution.str(),
       [](const KeyArgs& a) { a.media().resolution = req(a.reader.size(a.entry), a.origin); }},
      {"orientation", ids::video_orientation.str(),
       [](const KeyArgs& a) {
         const auto i =
             a.reader.choice(a.entry, {"画面方向", "orientation"}, {"landscape", "portrait"});
         a.media().orientation =
             req(i == 0 ? Orientation::landscape : Orientation::portrait, a.origin);
       }},
      {"aspect_ratio", ids::video_aspect_ratio.str(),
       [](const KeyArgs& a) {
         a.media().aspect_ratio = req(a.reader.aspect_ratio(a.entry), a.origin);
       }},
      {"aspect_ratio_tolerance", "",
       [](const KeyArgs& a) { a.media().aspect_ratio_tolerance = a.reader.fraction(a.entry); }},
      {"frame_rate", ids::video_frame_rate.str(),
       [](const KeyArgs& a) {
         a.media().frame_rate = req(a.reader.frame_rate(a.entry), a.origin);
       }},
      {"frame_rate_tolerance", "", read_frame_rate_tolerance},
      {"scan", ids::video_scan.str(),
       [](const KeyArgs& a) {
         const auto i =
             a.reader.choice(a.entry, {"扫描方式", "scan type"}, {"progressive", "interlaced"});
         a.media().scan = req(i == 0 ? Scan::progressive : Scan::interlaced, a.origin);
       }},
      {"bitrate", ids::video_bitrate.str(),
       [](const KeyArgs& a) { a.ranges().bitrate = req(a.reader.bitrate(a.entry), a.origin); }},
      {"bitrate_tolerance", "", read_bitrate_tolerance},
      {"min_bitrate", ids::video_bitrate.str(),
       [](const KeyArgs& a) { a.ranges().min_bitrate = req(a.reader.bitrate(a.entry), a.origin); }},
      {"max_bitrate", ids::video_bitrate.str(),
       [](const KeyArgs& a) { a.ranges().max_bitrate = req(a.reader.bitrate(a.entry), a.origin); }},
      {"min_duration", ids::duration_min.str(),
       [](const KeyArgs& a) { a.media().min_duration = req(a.reader.seconds(a.entry), a.origin); }},
      {"max_duration", ids::duration_max.str(),
       [](const KeyArgs& a) { a.media().max_duration = req(a.reader.seconds(a.entry), a.origin); }},
      {"duration_tolerance", "",
       [](const KeyArgs& a) { a.media().duration_tolerance = a.reader.seconds(a.entry); }},
      {"audio_required", ids::audio_missing.str(),
       [](const KeyArgs& a) {
         a.media().audio_required = req(a.reader.boolean(a.entry), a.origin);
       }},
      {"audio_not_silent", ids::audio_silent.str(),
       [](const KeyArgs& a) {
         a.media().audio_not_silent = req(a.reader.boolean(a.entry), a.origin);
       }},
      {"silence_threshold", "",
       [](const KeyArgs& a) { a.media().silence_threshold = a.reader.loudness(a.entry); }},
      {"min_loudness", ids::audio_loudness.str(),
       [](const KeyArgs& a) {
         a.ranges().min_loudness = req(a.reader.loudness(a.entry), a.origin);
       }},
      {"max_loudness", ids::audio_loudness.str(),
       [](const KeyArgs& a) {
         a.ranges().max_loudness = req(a.reader.loudness(a.entry), a.origin);
       }},
  };
  return keys;
}

bool is_block_key(std::string_view key)
{
  return std::find(block_keys.begin(), block_keys.end(), key) != block_keys.end();
}

const std::vector<std::string>& media_key_names()
{
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& key : media_keys())
      out.emplace_back(key.key);
    return with_block_keys(out);
  }();
  return names;
}

// Fails when `entry`'s key was already set at this level (in another block).
void mark_set(const YamlReader& reader, CategoryDraft& draft, const Entry& entry)
{
  const auto [it, inserted] =
      draft.set_here.emplace(entry.key, reader.position(entry.key_node).first);
  if (!inserted)
    reader.fail(entry.key_node,
                "'" + entry.key + "' is already set at line " + std::to_string(it->second));
}

void parse_media_block(const Context& ctx, const YAML::Node& block, CategoryDraft& draft)
{
  const auto entries = ctx.reader.entries(
      block, {"媒体要求（一组“键: 值”）", "a media block (a map of requirements)"},
      media_key_names());
  const Origin origin = block_origin(ctx.reader, block, entries);
  for (const auto& entry : entries) {
    if (is_block_key(entry.key))
      continue;
    const auto& key = *std::find_if(media_keys().begin(), media_keys().end(),
                                    [&](const MediaKey& k) { return k.key == entry.key; });
    mark_set(ctx.reader, draft, entry);
    const Origin at = ctx.reader.origin_at(entry, origin);
    key.apply({ctx.reader, entry, at, draft});
    if (!key.check.empty())
      ctx.clause(std::string(key.check), draft.rules.name, entry, at);
  }
}

void parse_media(const Context& ctx, const Entry& entry, CategoryDraft& draft)
{
  for (const auto& block : ctx.reader.items(entry))
    parse_media_block(ctx, block, draft);
}

void parse_kinds(const Context& ctx, const Entry& entry, const Origin& origin, CategoryDraft& draft)
{
  draft.rules.kinds = canonical_names(ctx.reader, entry, work_kinds());
  const bool video_only = draft.rules.kinds == std::vector<std::string>{"video"};
  ctx.clause(video_only ? ids::video_missing.str() : "", draft.rules.name, entry,
             ctx.reader.origin_at(entry, origin));
}

// ---- variants ----

void parse_version(const Context& ctx, const Entry& entry, VariantRule& version)
{
  for (const auto& item : ctx.reader.entries(
           entry.value, {"含 suffix 和 accept 的一组“键: 值”", "a map with suffix and accept"},
           {"suffix", "accept"})) {
    if (item.key == "suffix")
      version.suffix = ctx.reader.string(item);
    else
      version.accept = ctx.reader.strings(item);
  }
}

void check_versions(const Context& ctx, const Entry& entry, const VariantRules& variants)
{
  if (variants.subtitled.suffix.empty() || variants.subtitled.suffix == variants.clean.suffix)
    ctx.reader.fail(entry, "the subtitled and clean versions need two different suffixes");
  for (const auto& word : variants.subtitled.accept)
    if (std::find(variants.clean.accept.begin(), variants.clean.accept.end(), word) !=
        variants.clean.accept.end())
      ctx.reader.fail(entry,
                      "'" + word + "' is accepted for both the subtitled and the clean version");
}

void parse_variants(const Context& ctx, const Entry& entry, CategoryDraft& draft)
{
  static const std::vector<std::string> keys = with_block_keys({"required", "subtitled", "clean"});
  const auto entries =
      ctx.reader.entries(entry.value, {"各版本的一组“键: 值”", "a map of variants"}, keys);
  VariantRules variants{
      true,
      {"（有字幕）", {"有字幕", "有字幕版", "字幕版", "带字幕", "含字幕"}},
      {"（无字幕）", {"无字幕", "无字幕版", "纯净版", "不带字幕", "无字版"}},
      ctx.reader.origin_at(entry, block_origin(ctx.reader, entry.value, entries))};
  for (const auto& item : entries) {
    if (item.key == "required")
      variants.required = ctx.reader.boolean(item);
    else if (item.key == "subtitled" || item.key == "clean")
      parse_version(ctx, item, item.key == "subtitled" ? variants.subtitled : variants.clean);
  }
  check_versions(ctx, entry, variants);
  for (CheckId check :
       {ids::subtitles_pair_missing, ids::subtitles_pair_mismatch, ids::subtitles_not_burned}) {
    ctx.clause(check.str(), draft.rules.name, entry, variants.origin);
    ctx.rules.clauses.back().value = variants.subtitled.suffix + " + " + variants.clean.suffix;
  }
  draft.rules.variants = std::move(variants);
}

// ---- images ----

const std::vector<std::string>& image_keys()
{
  static const std::vector<std::string> keys =
      with_block_keys({"role", "suffix", "accept", "required", "qr_code", "formats", "extensions",
                       "color_mode", "paper", "dpi", "size_tolerance"});
  return keys;
}

std::string_view image_check(std::string_view key, const ImageRole& role)
{
  static const std::vector<std::pair<std::string_view, std::string_view>> checks = {
      {"formats", ids::image_format.str()},
      {"extensions", ids::name_extension.str()},
      {"color_mode", ids::image_color_mode.str()},
      {"paper", ids::image_size.str()},
      {"dpi", ids::image_dpi.str()},
      {"qr_code", ids::image_qr_code.str()}};
  if (key == "required")
    return role.qr_code ? ids::image_qr_code.str() : ids::document_missing.str();
  for (const auto& [name, check] : checks)
    if (name == key)
      return check;
  return "";
}

void parse_role_name(const Context& ctx, const Entry& item, ImageRole& role)
{
  role.role = ctx.reader.string(item);
  const bool valid =
      !role.role.empty() &&
      role.role.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  if (!valid)
    ctx.reader.fail(item, "expected a role name of a-z, 0-9 and _ such as qr_code, found " +
                              YamlReader::found(item.value));
}

void parse_image_key(const Context& ctx, const Entry& item, ImageRole& role)
{
  const YamlReader& r = ctx.reader;
  if (item.key == "role")
    parse_role_name(ctx, item, role);
  else if (item.key == "suffix")
    role.suffix = r.string(item);
  else if (item.key == "accept")
    role.accept = r.strings(item);
  else if (item.key == "required")
    role.required = r.boolean(item);
  else if (item.key == "qr_code")
    role.qr_code = r.boolean(item);
  else if (item.key == "formats")
    role.formats = canonical_names(r, item, image_formats());
  else if (item.key == "extensions")
    role.extensions = extensions(r, item);
  else if (item.key == "color_mode")
    role.color_mode = canonical_names(r, item, color_modes()).front();
  else if (item.key == "dpi")
    role.dpi = r.integer(item, 1, 9600);
  else if (item.key == "size_tolerance")
    role.size_tolerance = r.fraction(item);
  else if (item.key == "paper") {
    const Paper* paper =
        find_paper(r.scalar(item, Text{"纸张大小，如 A3", "a paper size such as A3"}));
    if (!paper)
      r.fail(item,
             "expected a paper size A0 to A6, B4 or B5, found " + YamlReader::found(item.value));
    role.paper = *paper;
  }
}

void check_image_role(const Context& ctx, const YAML::Node& node, const std::vector<Entry>& entries,
                      ImageRole& role)
{
  if (role.role.empty())
    ctx.reader.fail(node, "missing required key 'role'");
  if (role.accept.empty())
    ctx.reader.fail(
        node, "missing required key 'accept' (the words that mark this image in a file name)");
  if (role.suffix.empty())
    role.suffix = "（" + role.accept.front() + "）";
  if (role.paper && role.dpi == 0)
    ctx.reader.fail(find_entry(entries, "paper")->key_node, "paper needs dpi to give a pixel size");
}

ImageRole parse_image_role(const Context& ctx, const YAML::Node& node, const std::string& scope)
{
  const auto entries =
      ctx.reader.entries(node, {"图片角色（一组“键: 值”）", "an image role (a map)"}, image_keys());
  ImageRole role;
  role.origin = block_origin(ctx.reader, node, entries);
  for (const auto& item : entries)
    parse_image_key(ctx, item, role);
  check_image_role(ctx, node, entries, role);
  for (const auto& item : entries)
    if (auto check = image_check(item.key, role); !check.empty())
      ctx.clause(std::string(check), scope, item, ctx.reader.origin_at(item, role.origin));
  return role;
}

void parse_images(const Context& ctx, const Entry& entry, CategoryDraft& draft)
{
  if (!entry.value.IsSequence())
    ctx.reader.fail(entry,
                    "expected a list of image roles, found " + YamlReader::found(entry.value));
  draft.rules.images.clear();
  for (const auto& node : entry.value) {
    ImageRole role = parse_image_role(ctx, node, draft.rules.name);
    if (draft.rules.image_role(role.role))
      ctx.reader.fail(node, "duplicate image role '" + role.role + "'");
    draft.rules.images.push_back(std::move(role));
  }
}

// ---- finishing ----

void finish_durations(const Context& ctx, const MediaRules& media)
{
  if (media.min_duration && media.max_duration &&
      media.min_duration->value > media.max_duration->value)
    ctx.reader.fail(media.min_duration->origin, "min_duration " +
                                                    format_duration(media.min_duration->value) +
                                                    " is greater than max_duration " +
                                                    format_duration(media.max_duration->value));
}

// Bounds from the target and its tolerance (10% when none is given).
std::pair<int64_t, int64_t> tolerance_bounds(const Context& ctx, const RangeDraft& d)
{
  const double target = static_cast<double>(d.bitrate->value);
  const double tolerance = d.bitrate_tolerance ? d.bitrate_tolerance->value : 0.10;
  const double delta = d.relative_tolerance ? target * tolerance : tolerance;
  if (delta >= target) // only a given tolerance can be this large
    ctx.reader.fail(d.bitrate_tolerance->origin, "bitrate_tolerance leaves no lower bound above 0");
  return {static_cast<int64_t>(target - delta), static_cast<int64_t>(target + delta)};
}

void check_bitrate_order(const Context& ctx, const RangeDraft& d)
{
  if (d.min_bitrate && d.max_bitrate && d.min_bitrate->value > d.max_bitrate->value)
    ctx.reader.fail(d.min_bitrate->origin, "min_bitrate " + format_bitrate(d.min_bitrate->value) +
                                               " is greater than max_bitrate " +
                                               format_bitrate(d.max_bitrate->value));
  if (d.bitrate && d.min_bitrate && d.bitrate->value < d.min_bitrate->value)
    ctx.reader.fail(d.bitrate->origin, "bitrate " + format_bitrate(d.bitrate->value) +
                                           " is below min_bitrate " +
                                           format_bitrate(d.min_bitrate->value));
  if (d.bitrate && d.max_bitrate && d.bitrate->value > d.max_bitrate->value)
    ctx.reader.fail(d.bitrate->origin, "bitrate " + format_bitrate(d.bitrate->value) +
                                           " is above max_bitrate " +
                                           format_bitrate(d.max_bitrate->value));
}

void finish_bitrate(const Context& ctx, const RangeDraft& d, MediaRules& media)
{
  if (d.bitrate_tolerance && !d.bitrate)
    ctx.reader.fail(d.bitrate_tolerance->origin,
                    "bitrate_tolerance needs bitrate, the target it is around");
  check_bitrate_order(ctx, d);
  if (!d.bitrate && !d.min_bitrate && !d.max_bitrate)
    return;
  BitrateRange range;
  if (d.bitrate) {
    range.target = d.bitrate->value;
    std::tie(range.min, range.max) = tolerance_bounds(ctx, d);
    range.min_origin = range.max_origin = d.bitrate->origin;
  }
  if (d.min_bitrate) {
    range.min = d.min_bitrate->value;
    range.min_origin = d.min_bitrate->origin;
  }
  if (d.max_bitrate) {
    range.max = d.max_bitrate->value;
    range.max_origin = d.max_bitrate->origin;
  }
  const Origin& origin = d.bitrate       ? d.bitrate->origin
                         : d.min_bitrate ? d.min_bitrate->origin
                                         : d.max_bitrate->origin;
  media.bitrate = Requirement<BitrateRange>{range, origin};
}

std::string lufs(double value)
{
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.')
    text.pop_back();
  return text + " LUFS";
}

void finish_loudness(const Context& ctx, const RangeDraft& d, MediaRules& media)
{
  if (!d.min_loudness && !d.max_loudness)
    return;
  if (d.min_loudness && d.max_loudness && d.min_loudness->value > d.max_loudness->value)
    ctx.reader.fail(d.min_loudness->origin, "min_loudness " + lufs(d.min_loudness->value) +
                                                " is greater than max_loudness " +
                                                lufs(d.max_loudness->value));
  LoudnessRange range;
  if (d.min_loudness)
    range.min = d.min_loudness->value;
  if (d.max_loudness)
    range.max = d.max_loudness->value;
  media.loudness = Requirement<LoudnessRange>{range, d.min_loudness ? d.min_loudness->origin
                                                                    : d.max_loudness->origin};
}

// Name and aliases first, so that every clause of the category carries its name.
void read_name(const Context& ctx, const YAML::Node& node, const std::vector<Entry>& entries,
               CategoryRules& rules)
{
  const Entry* name = find_entry(entries, "name");
  if (!name)
    ctx.reader.fail(node, "missing required key 'name'");
  rules.name = ctx.reader.string(*name);
  if (rules.name.empty())
    ctx.reader.fail(*name, "a category name cannot be empty");
  rules.aliases.clear();
  if (const Entry* aliases = find_entry(entries, "aliases"))
    rules.aliases = ctx.reader.strings(*aliases);
}

} // namespace

std::vector<std::string> category_keys(bool named)
{
  std::vector<std::string> keys = {"source", "note", "kinds", "media", "images", "variants"};
  if (named)
    keys.insert(keys.begin(), {"name", "aliases"});
  return keys;
}

void parse_category(const Context& ctx, const YAML::Node& node, CategoryDraft& draft, bool named)
{
  if (!named && node.IsMap() && node["name"])
    ctx.reader.fail(
        node, "works: has no name: it applies to every work (named ones go under categories:)");
  const auto entries = ctx.reader.entries(
      node,
      named ? Text{"分类（一组“键: 值”）", "a category (a map)"}
            : Text{"所有作品的规则（一组“键: 值”）", "a map of rules for every work"},
      category_keys(named));
  draft.rules.origin = block_origin(ctx.reader, node, entries);
  if (named)
    read_name(ctx, node, entries, draft.rules);
  for (const auto& entry : entries) {
    if (entry.key == "kinds")
      parse_kinds(ctx, entry, draft.rules.origin, draft);
    else if (entry.key == "media")
      parse_media(ctx, entry, draft);
    else if (entry.key == "images")
      parse_images(ctx, entry, draft);
    else if (entry.key == "variants")
      parse_variants(ctx, entry, draft);
  }
}

void finish_category(const Context& ctx, CategoryDraft& draft)
{
  finish_durations(ctx, draft.rules.media);
  finish_bitrate(ctx, draft.ranges, draft.rules.media);
  finish_loudness(ctx, draft.ranges, draft.rules.media);
}

} // namespace mpcheck::rules::detail
