#pragma once
// The line of a text an error points at, with a caret under the spot (as compilers show it).

#include <string>
#include <string_view>

namespace mpcheck {

// Columns a code point takes on a terminal: 2 for East Asian wide and full-width characters
// (汉字, full-width punctuation, Hangul, emoji), 1 for the rest, 0 for combining marks.
int display_width(char32_t code_point);

// "   5 | <line `line` of `text`>\n     |      ^\n": the 1-based `line`, and a caret under the
// 1-based `column` (counted in code points), indented by the display width of what precedes it
// (a tab stays a tab). "" when `line` is not in `text` or is 0. A line break inside the line
// ("\r") is dropped.
std::string excerpt_at(std::string_view text, int line, int column);

// `text` for one line of a report or an error: its line feeds and tabs written out as \x0a and
// \x09, so that a file name or a title holding them cannot start a line of its own (a forged
// "0 个错误" summary) or shift columns.
std::string single_line(std::string_view text);

} // namespace mpcheck
