#pragma once
// Text for a terminal: what a hostile drive puts in a file name (escape sequences that clear
// the screen, move the cursor, hide text or retitle the window) is shown, never obeyed.

#include <string>
#include <string_view>

#include "mpcheck/util/excerpt.hpp"

namespace mpcheck::report {

// `text` with every control character written out visibly: C0 controls but tab and line feed
// as \xNN (ESC is \x1b, CR \x0d), DEL as \x7f, the C1 controls U+0080–U+009F as \u0080…
// \u009f, and each byte that is not part of well-formed UTF-8 as \xNN. The only sequences
// kept are the colours mpcheck itself writes (bold red, yellow, cyan, reset), which can only
// colour text. Idempotent: safe text comes back unchanged.
std::string terminal_safe(std::string_view text);

// single_line (util/excerpt.hpp): line feeds and tabs as \x0a and \x09, for every name and
// finding text a report line shows; the other controls are terminal_safe's.
using mpcheck::single_line;

} // namespace mpcheck::report
