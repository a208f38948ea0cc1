#pragma once
// Writing XML 1.0 text safely: escaping, and the characters XML 1.0 cannot hold at all.

#include <string>
#include <string_view>

namespace mpcheck {

// `text` as a valid XML 1.0 attribute value (in double or single quotes): & < > " ' escaped;
// tab, line feed and carriage return kept as &#9; &#10; &#13; (a parser would turn them into
// spaces); every other control character, U+FFFE/U+FFFF, surrogates and bytes that are not
// UTF-8 replaced by U+FFFD (XML 1.0 cannot hold them, not even as character references).
std::string xml_escape_attribute(std::string_view text);

// `text` as valid XML 1.0 character data: as above, but tab and line feed written as they are.
std::string xml_escape_text(std::string_view text);

} // namespace mpcheck
