#include "mpcheck/pack/sources.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "mpcheck/manifest/works.hpp"

namespace mpcheck::pack {

namespace fs = std::filesystem;

void resolve_sources(layout::PackPlan& plan, const std::string& src, std::vector<Link>& links)
{
  std::error_code ec;
  const fs::path src_abs = fs::absolute(src).lexically_normal();
  const fs::path src_real = fs::weakly_canonical(src_abs, ec);
  for (auto& f : plan.files) {
    const fs::path given = fs::absolute(f.source).lexically_normal();
    const fs::path real = fs::canonical(given, ec);
    if (ec) { // missing or unreadable: execute() says so
      f.source = given.string();
      continue;
    }
    if (!manifest::is_within(real.string(), src_real.string()))
      plan.problems.push_back(
          {f.source,
           {"file.symlink-outside：指向源文件夹之外的 " + real.string() + "，不会复制",
            "file.symlink-outside: leads out of the source folder to " + real.string() +
                "; never copied"}});
    const fs::path as_named = given.lexically_relative(src_abs);
    const fs::path really = real.lexically_relative(src_real);
    if (as_named != really)
      links.push_back({as_named.string(), really.string()});
    f.source = real.string();
  }
}

std::string links_text(const std::vector<Link>& links, Lang lang)
{
  std::string out;
  for (const auto& l : links)
    out += lang == Lang::en
               ? fmt::format("link {} → {}: the file it leads to is copied\n", l.source, l.target)
               : fmt::format("链接 {} → {}：复制它指向的文件\n", l.source, l.target);
  return out;
}

} // namespace mpcheck::pack
