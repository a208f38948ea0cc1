#pragma once
// Text for a terminal: what a hostile drive puts in a file name (escape sequences that clear
// the screen, move the cursor, hide text or retitle the window) is shown, never obeyed.

#include <string>
#include <string_view>

namespace mpcheck::report {

// `text` with every control character written out visibly: C0 controls but tab and line feed
// as \xNN (ESC is \x1b, CR \x0d), DEL as \x7f, the C1 controls U+0080–U+009F as \u0080…
// \u009f, and each byte that is not part of well-formed UTF-8 as \xNN. The only sequences
// kept are the colours mpcheck itself writes (bold red, yellow, cyan, reset), which can only
// colour text. Idempotent: safe text comes back unchanged.
std::string terminal_safe(std::string_view text);

// `text` for one line of a report: its line feeds and tabs written out as \x0a and \x09, so
// that a file name holding them cannot start a line of its own (a forged "0 个错误" summary)
// or shift columns. Applied to every name and finding text a report line shows; the other
// controls are terminal_safe's.
std::string single_line(std::string_view text);

} // namespace mpcheck::report
