#include "mpcheck/naming/work_name.hpp"

#include "mpcheck/naming/fs_rules.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace mpcheck::naming {

namespace {

// Characters people type where '-' belongs. Tried only when the ASCII split fails, so a title
// may contain any of them. A run of one of them ("——", the Chinese dash) is one separator.
constexpr std::array<std::string_view, 11> look_alike_separators = {
    "\uFF0D", // － full-width hyphen-minus
    "\u2014", // — em dash
    "\u2013", // – en dash
    "\u2010", // ‐ hyphen
    "\u2011", // ‑ non-breaking hyphen
    "\u2012", // ‒ figure dash
    "\u2015", // ― horizontal bar
    "\u2212", // − minus sign
    "\uFE63", // ﹣ small hyphen-minus
    "_",
    "\uFF3F", // ＿ full-width low line
};

constexpr std::string_view full_width_space = "\u3000";

bool is_space_at(std::string_view text, bool at_end, std::size_t& length)
{
  for (std::string_view space : {std::string_view(" "), full_width_space}) {
    if (at_end ? text.ends_with(space) : text.starts_with(space)) {
      length = space.size();
      return true;
    }
  }
  return false;
}

// `text` without leading and trailing spaces (ASCII and U+3000).
std::string_view trim(std::string_view text)
{
  std::size_t length = 0;
  while (is_space_at(text, false, length))
    text.remove_prefix(length);
  while (is_space_at(text, true, length))
    text.remove_suffix(length);
  return text;
}

bool is_ascii_alnum(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// {stem, ".ext"}; the extension is 1–10 ASCII letters or digits after the last dot, so
// "2.0时代-微视频-单位" has none.
std::pair<std::string_view, std::string_view> split_extension(std::string_view name)
{
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0)
    return {name, {}};
  const std::string_view ext = name.substr(dot + 1);
  if (ext.empty() || ext.size() > 10 || !std::all_of(ext.begin(), ext.end(), is_ascii_alnum))
    return {name, {}};
  return {name.substr(0, dot), name.substr(dot)};
}

// --- parts -----------------------------------------------------------------------------

// A stem cut at its separators: seps[i] sits between parts[i] and parts[i + 1].
struct Split {
  std::vector<std::string_view> parts;
  std::vector<std::string_view> seps;
};

// Bytes of the separator starting at `at`, 0 when there is none. UTF-8 is self-synchronising,
// so a byte-wise match cannot start inside another character.
std::size_t separator_at(std::string_view text, std::size_t at, bool look_alikes)
{
  const std::string_view rest = text.substr(at);
  if (rest.starts_with('-'))
    return 1;
  if (!look_alikes)
    return 0;
  for (std::string_view sep : look_alike_separators) {
    std::size_t length = 0;
    while (rest.substr(length).starts_with(sep))
      length += sep.size();
    if (length > 0)
      return length;
  }
  return 0;
}

Split split_parts(std::string_view stem, bool look_alikes)
{
  Split split;
  std::size_t start = 0;
  for (std::size_t at = 0; at < stem.size();) {
    const std::size_t length = separator_at(stem, at, look_alikes);
    if (length == 0) {
      ++at;
      continue;
    }
    split.parts.push_back(stem.substr(start, at - start));
    split.seps.push_back(stem.substr(at, length));
    at += length;
    start = at;
  }
  split.parts.push_back(stem.substr(start));
  return split;
}

// parts[first, last) with their original separators, trimmed.
std::string join(const Split& split, std::size_t first, std::size_t last)
{
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first)
      out += split.seps[i - 1];
    out += split.parts[i];
  }
  return std::string(trim(out));
}

bool has_empty_part(const Split& split)
{
  return std::any_of(split.parts.begin(), split.parts.end(),
                     [](std::string_view part) { return trim(part).empty(); });
}

// The look-alike that separates the key part at `index` (or, failing that, any look-alike).
std::string look_alike_near(const Split& split, std::size_t index)
{
  for (std::size_t i : {index - 1, index})
    if (i < split.seps.size() && split.seps[i] != "-")
      return std::string(split.seps[i]);
  for (std::string_view sep : split.seps)
    if (sep != "-")
      return std::string(sep);
  return "";
}

// --- variants ----------------------------------------------------------------------------

struct VariantWord {
  std::string_view word;
  Variant variant;
};

// Longest first, so that 无字幕版 is not read as 无 + 字幕版.
constexpr std::array<VariantWord, 6> variant_words = {{
    {"无字幕版", Variant::clean},
    {"有字幕版", Variant::subtitled},
    {"纯净版", Variant::clean},
    {"字幕版", Variant::subtitled},
    {"无字幕", Variant::clean},
    {"有字幕", Variant::subtitled},
}};

constexpr std::array<std::string_view, 4> opening_brackets = {"（", "(", "【", "["};
constexpr std::array<std::string_view, 4> closing_brackets = {"）", ")", "】", "]"};
constexpr std::array<std::string_view, 6> variant_connectors = {"-",  "_", "－",
                                                                "＿", " ", full_width_space};

struct VariantMatch {
  Variant variant = Variant::none;
  std::size_t start = 0; // where the suffix (with its connector) begins in the stem
};

// Start of `word` wrapped in any opening and closing bracket at the end of `text`, or npos.
std::size_t bracketed_start(std::string_view text, std::string_view word)
{
  for (std::string_view close : closing_brackets) {
    if (!text.ends_with(close))
      continue;
    const std::string_view inner = text.substr(0, text.size() - close.size());
    if (!inner.ends_with(word))
      continue;
    const std::string_view before = inner.substr(0, inner.size() - word.size());
    for (std::string_view open : opening_brackets)
      if (before.ends_with(open))
        return before.size() - open.size();
  }
  return std::string_view::npos;
}

std::size_t suffix_start(std::string_view text, std::string_view word, bool brackets_only)
{
  const std::size_t start = bracketed_start(text, word);
  if (start != std::string_view::npos || brackets_only || !text.ends_with(word))
    return start;
  return text.size() - word.size();
}

// Moves `start` back over connectors ("-", "_", spaces) that lead into the suffix.
std::size_t absorb_connectors(std::string_view text, std::size_t start)
{
  for (bool moved = true; moved;) {
    moved = false;
    for (std::string_view c : variant_connectors) {
      if (text.substr(0, start).ends_with(c)) {
        start -= c.size();
        moved = true;
      }
    }
  }
  return start;
}

// The built-in variant words and `extra`, longest first (so that 无字幕版 is not read as
// 无 + 字幕版).
std::vector<VariantWord> all_variant_words(const VariantWords& extra)
{
  std::vector<VariantWord> words(variant_words.begin(), variant_words.end());
  for (const auto& w : extra.subtitled)
    if (!w.empty())
      words.push_back({w, Variant::subtitled});
  for (const auto& w : extra.clean)
    if (!w.empty())
      words.push_back({w, Variant::clean});
  std::stable_sort(words.begin(), words.end(), [](const VariantWord& a, const VariantWord& b) {
    return a.word.size() > b.word.size();
  });
  return words;
}

// A variant suffix at the end of `text` that leaves something before it.
std::optional<VariantMatch> find_variant(std::string_view text, bool brackets_only,
                                         const std::vector<VariantWord>& words)
{
  for (const VariantWord& w : words) {
    const std::size_t start = suffix_start(text, w.word, brackets_only);
    if (start == std::string_view::npos)
      continue;
    const std::size_t with_connector = absorb_connectors(text, start);
    if (!trim(text.substr(0, with_connector)).empty())
      return VariantMatch{w.variant, with_connector};
  }
  return std::nullopt;
}

// Takes a variant suffix off the end of `text` into `name`; returns what is left.
std::string_view take_variant(std::string_view text, WorkName& name, bool brackets_only,
                              const std::vector<VariantWord>& words)
{
  text = trim(text);
  const auto match = find_variant(text, brackets_only, words);
  if (!match)
    return text;
  name.variant = match->variant;
  name.variant_text = std::string(text.substr(match->start));
  return trim(text.substr(0, match->start));
}

// --- categories --------------------------------------------------------------------------

// What two spellings of a category must share: no quotation marks or spaces, case folded.
std::string category_key(std::string_view text)
{
  static constexpr std::array<std::string_view, 14> dropped = {
      "“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』", "《", "》", " ", "\u3000"};
  std::string out(text);
  for (std::string_view mark : dropped)
    for (std::size_t at; (at = out.find(mark)) != std::string::npos;)
      out.erase(at, mark.size());
  return fold_for_collision(out);
}

// The rule set's spelling of `part`, or nullopt when it is not a known category.
std::optional<std::string> known_category(std::string_view part,
                                          const std::vector<std::string>& categories)
{
  const std::string key = category_key(trim(part));
  for (const std::string& category : categories)
    if (!key.empty() && category_key(category) == key)
      return to_nfc(category);
  return std::nullopt;
}

// --- work names --------------------------------------------------------------------------

struct Candidate {
  std::string problem;
  WorkName name;
  std::string separator;
  bool known_category = false;
};

// Index of the category part: the rightmost known category with a title before it and a unit
// after it, else the second to last part. `canonical` gets the rule set's spelling.
std::size_t category_index(const Split& split, const std::vector<std::string>& categories,
                           std::optional<std::string>& canonical)
{
  const std::size_t n = split.parts.size();
  for (std::size_t i = n - 2; i >= 1 && !categories.empty(); --i)
    if ((canonical = known_category(split.parts[i], categories)))
      return i;
  return n - 2;
}

Candidate evaluate_work(const Split& split, const std::vector<std::string>& categories)
{
  Candidate c;
  const std::size_t n = split.parts.size();
  if (n < 3) {
    c.problem = "parts";
    c.name.title = join(split, 0, n);
    return c;
  }
  std::optional<std::string> canonical;
  const std::size_t i = category_index(split, categories, canonical);
  c.name.title = join(split, 0, i);
  c.name.category = canonical ? *canonical : std::string(trim(split.parts[i]));
  c.name.unit = join(split, i + 1, n);
  c.separator = look_alike_near(split, i);
  c.known_category = canonical.has_value() || categories.empty();
  if (has_empty_part(split))
    c.problem = "empty-part";
  else if (!canonical && !categories.empty())
    c.problem = "unknown-category";
  return c;
}

// The ASCII split, or the look-alike split when only that one makes sense of the name.
Candidate best_work_split(std::string_view core, const std::vector<std::string>& categories)
{
  Candidate strict = evaluate_work(split_parts(core, false), categories);
  if (strict.problem.empty())
    return strict;
  Candidate loose = evaluate_work(split_parts(core, true), categories);
  const bool explains =
      loose.problem.empty() || (strict.problem == "parts" && loose.problem == "unknown-category");
  if (loose.separator.empty() || !explains)
    return strict;
  loose.problem = "separator";
  return loose;
}

// --- documents ---------------------------------------------------------------------------

constexpr std::array<std::string_view, 5> document_types = {"报名表", "汇总表", "解说词",
                                                            "创意说明", "课件"};

bool is_bracketed(std::string_view text)
{
  return (text.starts_with("（") || text.starts_with("(")) &&
         (text.ends_with("）") || text.ends_with(")"));
}

// "报名表" for 报名表, 报名表（一）, 报名表(二); "" otherwise.
std::string document_type(std::string_view part)
{
  part = trim(part);
  for (std::string_view type : document_types)
    if (part == type || (part.starts_with(type) && is_bracketed(part.substr(type.size()))))
      return std::string(type);
  return "";
}

DocumentName evaluate_document(const Split& split)
{
  DocumentName d;
  const std::size_t n = split.parts.size();
  if (n < 2) {
    d.problem = "parts";
    return d;
  }
  for (std::size_t i = n - 1; i-- > 0;) {
    if ((d.doc_type = document_type(split.parts[i])).empty())
      continue;
    d.title = join(split, 0, i);
    d.unit = join(split, i + 1, n);
    d.separator = look_alike_near(split, i);
    d.problem = has_empty_part(split) ? "empty-part" : "";
    return d;
  }
  d.problem = "unknown-type";
  return d;
}

DocumentName best_document_split(std::string_view core)
{
  DocumentName strict = evaluate_document(split_parts(core, false));
  if (strict.problem.empty())
    return strict;
  DocumentName loose = evaluate_document(split_parts(core, true));
  if (loose.separator.empty() || !loose.problem.empty())
    return strict;
  loose.problem = "separator";
  return loose;
}

// --- episodes ----------------------------------------------------------------------------

struct Number {
  int value = 0;
  std::size_t start = 0; // where the number begins in the text
};

constexpr std::array<std::string_view, 10> full_width_digits = {"０", "１", "２", "３", "４",
                                                                "５", "６", "７", "８", "９"};
constexpr std::array<std::string_view, 10> chinese_digits = {"〇", "一", "二", "三", "四",
                                                             "五", "六", "七", "八", "九"};
constexpr std::string_view chinese_ten = "十";

// The value of the digit (ASCII or full-width) that ends `text`, and its length in bytes.
std::optional<std::pair<int, std::size_t>> digit_at_end(std::string_view text)
{
  if (!text.empty() && text.back() >= '0' && text.back() <= '9')
    return std::pair{text.back() - '0', std::size_t{1}};
  for (int d = 0; d < 10; ++d)
    if (text.ends_with(full_width_digits[std::size_t(d)]))
      return std::pair{d, full_width_digits[std::size_t(d)].size()};
  return std::nullopt;
}

// A decimal number (at most 6 digits) at the end of `text`.
std::optional<Number> decimal_at_end(std::string_view text)
{
  std::string digits;
  std::size_t end = text.size();
  while (const auto d = digit_at_end(text.substr(0, end))) {
    digits.insert(digits.begin(), char('0' + d->first));
    end -= d->second;
  }
  if (digits.empty() || digits.size() > 6)
    return std::nullopt;
  return Number{std::stoi(digits), end};
}

// A Chinese numeral from 一 to 九十九 at the end of `text`: 三, 十, 十二, 二十, 二十三.
std::optional<Number> chinese_at_end(std::string_view text)
{
  std::vector<int> symbols; // 0–9, or 10 for 十; in reading order
  std::size_t end = text.size();
  for (bool found = true; found && symbols.size() < 3;) {
    found = false;
    for (int d = 1; d <= 10 && !found; ++d) {
      const std::string_view s = d == 10 ? chinese_ten : chinese_digits[std::size_t(d)];
      if (text.substr(0, end).ends_with(s)) {
        symbols.insert(symbols.begin(), d);
        end -= s.size();
        found = true;
      }
    }
  }
  const std::size_t n = symbols.size();
  int value = 0;
  if (n == 1)
    value = symbols[0];
  else if (n == 2 && symbols[0] == 10 && symbols[1] < 10)
    value = 10 + symbols[1]; // 十二
  else if (n == 2 && symbols[0] < 10 && symbols[1] == 10)
    value = symbols[0] * 10; // 二十
  else if (n == 3 && symbols[0] < 10 && symbols[1] == 10 && symbols[2] < 10)
    value = symbols[0] * 10 + symbols[2]; // 二十三
  if (value <= 0)
    return std::nullopt;
  return Number{value, end};
}

std::optional<Number> number_at_end(std::string_view text)
{
  if (auto n = decimal_at_end(text))
    return n;
  return chinese_at_end(text);
}

bool take_suffix(std::string_view& text, std::string_view suffix)
{
  if (!text.ends_with(suffix))
    return false;
  text.remove_suffix(suffix.size());
  return true;
}

bool take_any_suffix(std::string_view& text, const auto& suffixes)
{
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view s) { return take_suffix(text, s); });
}

// The number of the mark `pattern` describes at the end of `text`; `text` keeps what precedes.
int take_patterned_mark(std::string_view& text, std::string_view pattern)
{
  const std::size_t at = pattern.find("{n}");
  if (at == std::string_view::npos)
    return 0;
  std::string_view t = text;
  if (!take_suffix(t, pattern.substr(at + 3)))
    return 0;
  const auto number = number_at_end(t);
  if (!number)
    return 0;
  t = t.substr(0, number->start);
  if (!take_suffix(t, pattern.substr(0, at)))
    return 0;
  text = t;
  return number->value;
}

// The number of a 第N集 / 第N期 mark, bare or bracketed, at the end of `text`.
int take_spelled_mark(std::string_view& text)
{
  static constexpr std::array<std::string_view, 2> words = {"集", "期"};
  std::string_view t = trim(text);
  const bool closed = take_any_suffix(t, closing_brackets);
  if (!take_any_suffix(t, words))
    return 0;
  t = trim(t);
  const auto number = number_at_end(t);
  if (!number)
    return 0;
  t = trim(t.substr(0, number->start));
  if (!take_suffix(t, "第"))
    return 0;
  t = trim(t);
  if (closed)
    take_any_suffix(t, opening_brackets);
  text = t;
  return number->value;
}

} // namespace

std::string variant_suffix(Variant variant)
{
  switch (variant) {
  case Variant::subtitled:
    return "（有字幕）";
  case Variant::clean:
    return "（无字幕）";
  case Variant::none:
    break;
  }
  return "";
}

ParseResult parse_work_name(std::string_view file_name, const std::vector<std::string>& categories)
{
  return parse_work_name(file_name, categories, VariantWords{});
}

ParseResult parse_work_name(std::string_view file_name, const std::vector<std::string>& categories,
                            const VariantWords& extra)
{
  const std::string nfc_name = to_nfc(file_name);
  const auto [stem, extension] = split_extension(nfc_name);
  const std::vector<VariantWord> words = all_variant_words(extra);
  WorkName suffix;
  const std::string_view core = take_variant(stem, suffix, false, words);
  Candidate c = best_work_split(core, categories);
  if (!c.problem.empty() && c.problem != "separator")
    c.separator.clear();
  if (suffix.variant == Variant::none)
    c.name.title = std::string(take_variant(c.name.title, suffix, true, words));
  c.name.variant = suffix.variant;
  c.name.variant_text = suffix.variant_text;
  c.name.extension = std::string(extension);
  if (c.problem.empty() && extension.empty())
    c.problem = "no-extension";
  return {c.problem.empty(), std::move(c.name), c.problem,
          c.problem == "separator" ? c.separator : "", c.known_category};
}

bool understood(const ParseResult& result)
{
  return (result.ok || result.problem == "separator") && result.known_category;
}

std::string format_work_name(const WorkName& name)
{
  return format_work_name(name, variant_suffix(name.variant));
}

std::string format_work_name(const WorkName& name, std::string_view suffix)
{
  std::string out = name.title + "-" + name.category + "-" + name.unit;
  if (name.variant != Variant::none)
    out += suffix;
  if (!name.extension.empty() && !name.extension.starts_with('.'))
    out += '.';
  return out + name.extension;
}

EpisodeMark take_episode_mark(std::string_view text, std::string_view pattern)
{
  std::string_view rest = text;
  int number = pattern.empty() ? 0 : take_patterned_mark(rest, pattern);
  if (number == 0)
    number = take_spelled_mark(rest);
  rest = trim(rest);
  while (take_any_suffix(rest, variant_connectors))
    rest = trim(rest);
  if (number == 0 || rest.empty())
    return {std::string(text), 0};
  return {std::string(rest), number};
}

std::string episode_suffix(std::string_view pattern, int number)
{
  std::string out(pattern);
  const std::size_t at = out.find("{n}");
  if (at != std::string::npos)
    out.replace(at, 3, std::to_string(number));
  return out;
}

DocumentName parse_document_name(std::string_view file_name)
{
  const std::string nfc_name = to_nfc(file_name);
  const auto [stem, extension] = split_extension(nfc_name);
  DocumentName d = best_document_split(trim(stem));
  if (d.problem != "separator")
    d.separator.clear();
  d.extension = std::string(extension);
  if (d.problem.empty() && extension.empty())
    d.problem = "no-extension";
  return d;
}

} // namespace mpcheck::naming
