#pragma once
// An operating-system error (errno) in plain words, for the messages of a run: "所在的文件夹不存在"
// rather than strerror's "No such file or directory".

#include "mpcheck/core/lang.hpp"

namespace mpcheck {

// `err` (an errno value) in Chinese, and strerror's English. A code without plain Chinese words
// gets "系统错误（strerror）".
Text system_error_text(int err);

} // namespace mpcheck
