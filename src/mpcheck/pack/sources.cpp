#include "mpcheck/pack/sources.hpp"

#include <filesystem>
#include <sys/stat.h>
#include <unordered_map>

#include <fmt/format.h>

#include "mpcheck/manifest/works.hpp"

namespace mpcheck::pack {

namespace fs = std::filesystem;

namespace {

// canonical(given), with the folders' real paths looked up once each: a file that is no link
// is its real folder plus its name (one lstat instead of a readlink per component of the path,
// 40 000 calls for 10 000 files); a link, or a file that cannot be looked at, is resolved in
// full by canonical() (its errors are canonical's).
class Resolver {
public:
  fs::path real(const fs::path& given, std::error_code& ec)
  {
    ec.clear();
    struct stat st;
    if (!given.has_parent_path() || ::lstat(given.c_str(), &st) != 0 || S_ISLNK(st.st_mode))
      return fs::canonical(given, ec);
    const std::string folder = given.parent_path().string();
    auto it = m_folders.find(folder);
    if (it == m_folders.end()) {
      std::error_code fec;
      fs::path real_folder = fs::canonical(given.parent_path(), fec);
      if (fec)
        return fs::canonical(given, ec);
      it = m_folders.emplace(folder, std::move(real_folder)).first;
    }
    return it->second / given.filename();
  }

private:
  std::unordered_map<std::string, fs::path> m_folders;
};

} // namespace

void resolve_sources(layout::PackPlan& plan, const std::string& src, std::vector<Link>& links)
{
  std::error_code ec;
  const fs::path src_abs = fs::absolute(src).lexically_normal();
  const fs::path src_real = fs::weakly_canonical(src_abs, ec);
  std::error_code cwd_ec;
  const fs::path cwd = fs::current_path(cwd_ec); // once, not once a file (fs::absolute)
  Resolver resolver;
  for (auto& f : plan.files) {
    const fs::path source(f.source);
    const fs::path given =
        (source.is_absolute() || cwd_ec ? fs::absolute(source) : cwd / source).lexically_normal();
    const fs::path real = resolver.real(given, ec);
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
