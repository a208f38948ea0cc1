#pragma once
// '/'-separated path text, without touching the disk: the one place that takes a path apart.

#include <string>
#include <string_view>

namespace mpcheck::util {

// The folder part of a path, without its trailing '/': "a/b/c.mp4" → "a/b", "c.mp4" → "",
// "/x" → "".  `parent_of("a/b/c")` walks up to "" one folder at a time.
std::string_view parent_of(std::string_view path);

// The folder part with its trailing '/' (to put a new name after): "a/b/c.mp4" → "a/b/",
// "c.mp4" → "", "/x" → "/".
std::string folder_prefix_of(std::string_view path);

// `root` + '/' + `relative` ('/'-separated); `root` when `relative` is empty.
std::string join_path(const std::string& root, std::string_view relative);

} // namespace mpcheck::util
