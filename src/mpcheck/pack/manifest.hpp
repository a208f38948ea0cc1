#pragma once
// The manifest-sha256.txt pack writes at the root of the drive: `sha256sum -c` and BagIt
// read it. Pure.

#include <string>
#include <vector>

#include "mpcheck/pack/execute.hpp"

namespace mpcheck::pack {

// One "<hex>  <dest>\n" line per file (two spaces, as sha256sum writes in text mode), sorted
// by dest bytewise (UTF-8 code point order). A dest with a backslash or newline gets
// sha256sum's escaping: a leading '\' and "\\" / "\n" in the name.
std::string manifest_text(const std::vector<FileResult>& files);

} // namespace mpcheck::pack
