#pragma once
// `words` joined with `separator` between them ("a、b、c").

#include <string>
#include <string_view>
#include <vector>

namespace mpcheck::util {

inline std::string join(const std::vector<std::string>& words, std::string_view separator)
{
  std::string out;
  for (const auto& word : words) {
    if (!out.empty())
      out += separator;
    out += word;
  }
  return out;
}

} // namespace mpcheck::util
