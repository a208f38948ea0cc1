#include "mpcheck/util/suggest.hpp"

#include <algorithm>

namespace mpcheck {

namespace {

// Code points of a UTF-8 string; invalid bytes count as one code point each.
std::vector<char32_t> code_points(std::string_view text)
{
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t cp = byte;
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(cp);
    i += length;
  }
  return out;
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  const auto x = code_points(a);
  const auto y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates)
{
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  const std::size_t length = code_points(word).size();
  for (const auto& candidate : candidates) {
    const std::size_t longer = std::max(length, code_points(candidate).size());
    const std::size_t limit = std::max<std::size_t>(2, longer / 3);
    std::size_t distance = edit_distance(word, candidate);
    if (length >= 3 && candidate.starts_with(word)) // "warn" for "warning"
      distance = std::min(distance, limit);
    if (distance == 0 || distance > limit)
      continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string unknown_message(std::string_view what, std::string_view word,
                            const std::vector<std::string>& candidates)
{
  std::string message = "unknown " + std::string(what) + " '" + std::string(word) + "'";
  if (auto suggestion = closest_match(word, candidates))
    message += ", did you mean '" + *suggestion + "'?";
  return message;
}

} // namespace mpcheck
