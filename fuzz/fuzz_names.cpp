// libFuzzer target: a file name as found on a drive (naming/work_name, naming/fs_rules,
// naming/draft_marks).
// Every function that takes a name from a drive gets the bytes, valid UTF-8 or not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/naming/draft_marks.hpp"
#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/work_name.hpp"
#include "mpcheck/rules/loader.hpp"

using namespace mpcheck::naming;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  static const std::vector<std::string> categories = [] {
    std::vector<std::string> out; // every category of every built-in rule set, aliases too
    for (const std::string& id : mpcheck::rules::builtin_rule_set_ids())
      for (const auto& c : mpcheck::rules::load_rules(id).categories) {
        out.push_back(c.name);
        out.insert(out.end(), c.aliases.begin(), c.aliases.end());
      }
    return out;
  }();
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  (void)parse_work_name(name, categories);
  const ParseResult any = parse_work_name(name, {});
  (void)parse_document_name(name);
  (void)check_file_name(name);
  (void)is_valid_utf8(name);
  (void)replace_invalid_utf8(name);
  (void)utf16_length(name);
  (void)path_too_long(name);
  (void)is_nfc(name);
  (void)to_nfc(name);
  (void)fold_for_collision(name);
  (void)sanitize_title(name);
  (void)strip_draft_marks(name);
  (void)find_collisions({std::string(name), to_nfc(name), fold_for_collision(name)});
  if (any.ok)
    (void)parse_work_name(format_work_name(any.name), {});
  return 0;
}
