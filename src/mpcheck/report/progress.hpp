#pragma once
// The text of the one-line progress display of check and pack (cli/progress.hpp draws it).

#include <cstdint>
#include <string>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/progress.hpp"

namespace mpcheck::report {

// "已检查 3/10 个文件  120/800 MB  15 MB/s  约剩 0:42" / "checked 3/10 files  120/800 MB
// 15 MB/s  0:42 left", with `verb` ("已检查"/"checked") saying what is done to the files. The
// rate and the time left appear once a second has passed and something is done; the time
// left goes by bytes (by files when there are no bytes to count). While videos are decoded the
// bytes count the part of each analysed so far, and the line ends "正在解码 2 个视频" /
// "decoding 2 videos".
std::string progress_text(const Progress& p, const Text& verb, Lang lang);

// Decimal units, as drives are sold: "0 B", "850 KB", "12.3 MB", "1.24 GB".
std::string human_bytes(int64_t bytes);

// "0:42", "12:05", "1:02:03".
std::string clock_text(double seconds);

} // namespace mpcheck::report
