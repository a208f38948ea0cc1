// mpcheck_pack_demo: runs pack::execute() (and write_zip) on a plan given as a JSON file, for
// the end-to-end tests (kill -9 loop, full disk) and bench/bench-pack.sh. Not installed.
//
//   mpcheck_pack_demo PLAN.json OUT_DIR [--dry-run] [--verify] [--fat32] [--progress]
//                     [--no-space-check] [--fail-write-after BYTES] [--zip FILE]
//
// PLAN.json: {"copies": [{"source": "/abs", "dest": "a/b.mp4"}, ...],
//             "generated": [{"dest": "report.txt", "content": "..."}]}
// Prints the ExecuteResult as JSON on stdout; exit 0 when ok, 3 otherwise, 2 on bad usage.
// With --zip FILE, the drive written into OUT_DIR is then zipped into FILE (write_zip); the
// result gains "zip_ok" and "zip_error".

#include "mpcheck/pack/execute.hpp"
#include "mpcheck/pack/fileio.hpp"
#include "mpcheck/pack/zip.hpp"
#include "mpcheck/report/progress.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

using nlohmann::json;
namespace pack = mpcheck::pack;

int64_t g_fail_after = -1;
int64_t g_written = 0;

// A write(2) that fails with EIO once `g_fail_after` bytes went through.
ssize_t failing_write(int fd, const void* data, size_t size)
{
  if (g_written + int64_t(size) > g_fail_after) {
    errno = EIO;
    return -1;
  }
  g_written += int64_t(size);
  return ::write(fd, data, size);
}

pack::PackPlan read_plan(const std::string& path)
{
  std::ifstream in(path);
  const json j = json::parse(in);
  pack::PackPlan plan;
  for (const json& c : j.value("copies", json::array()))
    plan.files.push_back({c.at("source").get<std::string>(), c.at("dest").get<std::string>()});
  for (const json& g : j.value("generated", json::array()))
    plan.generated.push_back({g.at("dest").get<std::string>(), g.at("content").get<std::string>()});
  return plan;
}

json to_json(const pack::ExecuteResult& result)
{
  json files = json::array();
  for (const pack::FileResult& f : result.files)
    files.push_back(
        {{"dest", f.dest}, {"sha256", f.sha256}, {"size", f.size}, {"copied", f.copied}});
  return {{"ok", result.ok},
          {"error_code", result.error_code},
          {"error_detail", result.error_detail},
          {"files", files}};
}

void print_progress(const pack::Progress& p)
{
  std::fprintf(stderr, "\r%s",
               mpcheck::report::progress_text(p, {"已复制", "copied"}, mpcheck::Lang::en).c_str());
}

} // namespace

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::cerr << "usage: mpcheck_pack_demo PLAN.json OUT_DIR [options]\n";
    return 2;
  }
  pack::ExecuteOptions options;
  std::string zip;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dry-run")
      options.dry_run = true;
    else if (arg == "--verify")
      options.verify = true;
    else if (arg == "--fat32")
      options.fat32 = true;
    else if (arg == "--progress")
      options.on_progress = print_progress;
    else if (arg == "--no-space-check")
      pack::testing::set_space_check(false);
    else if (arg == "--zip" && i + 1 < argc)
      zip = argv[++i];
    else if (arg == "--fail-write-after" && i + 1 < argc) {
      g_fail_after = std::atoll(argv[++i]);
      pack::testing::set_write_function(failing_write);
    } else {
      std::cerr << "mpcheck_pack_demo: unknown option " << arg << "\n";
      return 2;
    }
  }
  const pack::PackPlan plan = read_plan(argv[1]);
  const pack::ExecuteResult result = pack::execute(plan, argv[2], options);
  if (options.on_progress)
    std::fputc('\n', stderr);
  json out = to_json(result);
  bool ok = result.ok;
  if (ok && !zip.empty()) {
    std::string error;
    ok = pack::write_zip(plan, result.files, argv[2], zip, error);
    out["zip_ok"] = ok;
    out["zip_error"] = error;
  }
  std::cout << out.dump() << "\n";
  return ok ? 0 : 3;
}
