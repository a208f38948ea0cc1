#include "mpcheck/rules/ruleset.hpp"

#include <algorithm>
#include <cctype>

#include "mpcheck/rules/check_ids.hpp"

namespace mpcheck::rules {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view item)
{
  return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

std::optional<Size> ImageRole::expected_size() const
{
  if (!paper || dpi <= 0)
    return std::nullopt;
  return paper_pixels(*paper, dpi);
}

bool CategoryRules::named(std::string_view text) const
{
  return text == name || contains(aliases, text);
}

bool CategoryRules::takes(std::string_view kind) const
{
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const ImageRole* CategoryRules::image_role(std::string_view role) const
{
  for (const auto& image : images)
    if (image.role == role)
      return &image;
  return nullptr;
}

bool DocumentRule::named(std::string_view text) const
{
  return text == kind || contains(aliases, text);
}

std::vector<std::string> DocumentRule::names() const
{
  std::vector<std::string> out{kind};
  out.insert(out.end(), aliases.begin(), aliases.end());
  return out;
}

bool DocumentRule::required_of(std::string_view unit) const
{
  if (units.empty() || unit.empty())
    return true;
  return std::any_of(units.begin(), units.end(),
                     [&](const std::string& word) { return unit.find(word) != unit.npos; });
}

bool DocumentRule::takes_extension(std::string_view extension) const
{
  std::string lower(extension);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return extensions.empty() ||
         std::find(extensions.begin(), extensions.end(), lower) != extensions.end();
}

const CategoryRules* RuleSet::category(std::string_view name) const
{
  for (const auto& category : categories)
    if (category.named(name))
      return &category;
  return nullptr;
}

const CategoryRules& RuleSet::rules_for(std::string_view name) const
{
  const CategoryRules* found = category(name);
  return found ? *found : works;
}

Severity RuleSet::severity_of(std::string_view check_id, Severity default_) const
{
  const auto it = severity_overrides.find(check_id);
  if (it == severity_overrides.end() || !it->second)
    return default_;
  return *it->second;
}

Severity RuleSet::severity_of(std::string_view check_id) const
{
  if (const CheckInfo* check = find_check(check_id))
    return severity_of(check_id, check->default_severity);
  return severity_of(check_id,
                     check_id.starts_with("manual.") ? Severity::manual : Severity::error);
}

Severity RuleSet::severity_for(std::string_view check_id, const Origin& origin) const
{
  return origin.severity ? *origin.severity : severity_of(check_id);
}

bool RuleSet::disabled(std::string_view check_id) const
{
  const auto it = severity_overrides.find(check_id);
  return it != severity_overrides.end() && !it->second;
}

const DocumentRule* RuleSet::document_rule(std::string_view kind) const
{
  for (const auto& rule : documents)
    if (rule.named(kind))
      return &rule;
  return nullptr;
}

bool RuleSet::names_document(const DocumentRule& rule, std::string_view file_name) const
{
  const auto in_name = [&](const std::string& word) {
    return file_name.find(word) != std::string_view::npos;
  };
  const auto shadowed = [&](const std::string& word) {
    for (const auto& other : documents)
      if (&other != &rule)
        for (const auto& longer : other.names())
          if (longer.size() > word.size() && longer.find(word) != std::string::npos &&
              in_name(longer))
            return true;
    return false;
  };
  const auto names = rule.names();
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& word) { return in_name(word) && !shadowed(word); });
}

const FolderRule* RuleSet::folder_for(std::string_view kind) const
{
  if (!layout)
    return nullptr;
  const DocumentRule* doc = document_rule(kind);
  const std::string_view wanted = doc ? std::string_view(doc->kind) : kind;
  for (const auto& folder : layout->folders)
    if (contains(folder.holds, wanted))
      return &folder;
  if (!doc)
    return nullptr;
  for (const auto& folder : layout->folders)
    if (contains(folder.holds, "document"))
      return &folder;
  return nullptr;
}

const ManualItem* RuleSet::manual_item(std::string_view id) const
{
  for (const auto& item : manual)
    if (item.id == id)
      return &item;
  return nullptr;
}

std::string RuleSet::variant_suffix(std::string_view category, naming::Variant variant) const
{
  const auto& variants = rules_for(category).variants;
  if (variants && variant == naming::Variant::subtitled && !variants->subtitled.suffix.empty())
    return variants->subtitled.suffix;
  if (variants && variant == naming::Variant::clean && !variants->clean.suffix.empty())
    return variants->clean.suffix;
  return naming::variant_suffix(variant);
}

namespace {

template <class T, class Same>
bool same_requirement(const std::optional<Requirement<T>>& a,
                      const std::optional<Requirement<T>>& b, Same same)
{
  return a && b ? same(a->value, b->value) : !a && !b;
}

template <class T>
bool same_requirement(const std::optional<Requirement<T>>& a,
                      const std::optional<Requirement<T>>& b)
{
  return same_requirement(a, b, [](const T& x, const T& y) { return x == y; });
}

// The two ask the same of a video in everything check and fix look at.
bool same_video_rules(const MediaRules& a, const MediaRules& b)
{
  const auto same_bitrate = [](const BitrateRange& x, const BitrateRange& y) {
    return x.target == y.target && x.min == y.min && x.max == y.max;
  };
  const auto same_loudness = [](const LoudnessRange& x, const LoudnessRange& y) {
    return x.min == y.min && x.max == y.max;
  };
  return same_requirement(a.containers, b.containers) &&
         same_requirement(a.extensions, b.extensions) && same_requirement(a.codecs, b.codecs) &&
         same_requirement(a.resolution, b.resolution) &&
         same_requirement(a.orientation, b.orientation) &&
         same_requirement(a.aspect_ratio, b.aspect_ratio) &&
         same_requirement(a.frame_rate, b.frame_rate) && same_requirement(a.scan, b.scan) &&
         same_requirement(a.bitrate, b.bitrate, same_bitrate) &&
         same_requirement(a.min_duration, b.min_duration) &&
         same_requirement(a.max_duration, b.max_duration) &&
         same_requirement(a.audio_required, b.audio_required) &&
         same_requirement(a.audio_not_silent, b.audio_not_silent) &&
         same_requirement(a.loudness, b.loudness, same_loudness);
}

} // namespace

bool RuleSet::category_decides() const
{
  return std::any_of(categories.begin(), categories.end(), [&](const CategoryRules& c) {
    return c.takes("video") && !same_video_rules(c.media, works.media);
  });
}

} // namespace mpcheck::rules
