#pragma once
// Where pack really reads each planned file (docs/pack.md, "What pack reads and writes"): a
// source inside SRC that is a link is read as the file it leads to, so that nothing outside
// SRC is ever opened, and pack says so.

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/pack/plan.hpp"

namespace mpcheck::pack {

// A source that is a link (inside SRC): the file it leads to is copied.
struct Link {
  std::string source; // as planned, relative to SRC
  std::string target; // with every link resolved, relative to SRC
};

// Makes each source of `plan` the absolute path pack reads, with every link resolved (a
// missing or unreadable one stays as given, made absolute: execute() says so); the links
// among them go to `links`. A source that leaves SRC after all (a link changed since
// planning) becomes a plan problem (file.symlink-outside).
void resolve_sources(layout::PackPlan& plan, const std::string& src, std::vector<Link>& links);

// One line per link: 链接 A → B：复制它指向的文件.
std::string links_text(const std::vector<Link>& links, Lang lang);

} // namespace mpcheck::pack
