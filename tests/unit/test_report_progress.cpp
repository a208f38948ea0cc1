#include "mpcheck/report/progress.hpp"

#include <doctest/doctest.h>

#include "mpcheck/util/parallel.hpp"

using namespace mpcheck;
using namespace mpcheck::report;

TEST_CASE("report::human_bytes, report::clock_text")
{
  CHECK(human_bytes(0) == "0 B");
  CHECK(human_bytes(999) == "999 B");
  CHECK(human_bytes(850'000) == "850 KB");
  CHECK(human_bytes(12'345'678) == "12.3 MB");
  CHECK(human_bytes(812'000'000) == "812 MB");
  CHECK(human_bytes(1'240'000'000) == "1.24 GB");
  CHECK(clock_text(42) == "0:42");
  CHECK(clock_text(725) == "12:05");
  CHECK(clock_text(3723) == "1:02:03");
  CHECK(clock_text(-3) == "0:00");
}

TEST_CASE("report::progress_text")
{
  const Text verb{"已检查", "checked"};
  Progress p{0, 800'000'000, 0, 10, 0.1};
  CHECK(progress_text(p, verb, Lang::zh) == "已检查 0/10 个文件  0 B/800 MB");
  // A quarter done in 10 s: 40 MB/s, 30 s to go.
  p = {200'000'000, 800'000'000, 3, 10, 10};
  CHECK(progress_text(p, verb, Lang::zh) ==
        "已检查 3/10 个文件  200 MB/800 MB  20.0 MB/s  约剩 0:30");
  CHECK(progress_text(p, verb, Lang::en) ==
        "checked 3/10 files  200 MB/800 MB  20.0 MB/s  0:30 left");
  // Done: no time left shown.
  p = {800'000'000, 800'000'000, 10, 10, 40};
  CHECK(progress_text(p, verb, Lang::en) == "checked 10/10 files  800 MB/800 MB  20.0 MB/s");
  // No bytes to count (empty files): the time left goes by files.
  p = {0, 0, 1, 4, 2};
  CHECK(progress_text(p, {"已复制", "copied"}, Lang::en) == "copied 1/4 files  0 B/0 B  0:06 left");
  // Too early to tell: 1 s in (a 3 s job once showed "约剩 0:48"), or 2 s in with 1 % done.
  p = {20'000'000, 800'000'000, 0, 10, 1.5};
  CHECK(progress_text(p, verb, Lang::zh) == "已检查 0/10 个文件  20.0 MB/800 MB  13.3 MB/s");
  p = {8'000'000, 800'000'000, 0, 10, 3};
  CHECK(progress_text(p, verb, Lang::zh) == "已检查 0/10 个文件  8.0 MB/800 MB  2.7 MB/s");
  // A long job still gets an estimate after 15 s, however little is done.
  p = {8'000'000, 800'000'000, 0, 10, 15};
  CHECK(progress_text(p, verb, Lang::zh).ends_with("约剩 24:45"));
  // While videos are decoded the line says so.
  p = {8'000'000, 800'000'000, 0, 10, 1, 1};
  CHECK(progress_text(p, verb, Lang::zh) ==
        "已检查 0/10 个文件  8.0 MB/800 MB  8.0 MB/s  正在解码 1 个视频");
  CHECK(progress_text(p, verb, Lang::en) ==
        "checked 0/10 files  8.0 MB/800 MB  8.0 MB/s  decoding 1 video");
  p.in_work = 2;
  CHECK(progress_text(p, verb, Lang::en).ends_with("  decoding 2 videos"));
}

TEST_CASE("ProgressMeter counts from several threads and reports each state in order")
{
  std::vector<Progress> seen;
  ProgressMeter meter([&](const Progress& p) { seen.push_back(p); });
  meter.set_totals(3, 60);
  meter.advance(10, 1);
  meter.advance(20, 1);
  meter.advance(30, 1);
  REQUIRE(seen.size() == 3);
  CHECK(seen.back().files_done == 3);
  CHECK(seen.back().bytes_done == 60);
  CHECK(seen.back().files_total == 3);
  CHECK(seen[1].bytes_done == 30);
  CHECK(meter.snapshot().bytes_total == 60);

  // 1000 steps on 8 threads: every step reported once, the counts only ever grow.
  seen.clear();
  ProgressMeter parallel([&](const Progress& p) { seen.push_back(p); });
  parallel.set_totals(1000, 1000);
  parallel_for(1000, 8, [&](size_t) { parallel.advance(1, 1); });
  REQUIRE(seen.size() == 1000);
  for (size_t i = 0; i < seen.size(); ++i)
    CHECK(seen[i].files_done == int(i) + 1);
  CHECK(seen.back().bytes_done == 1000);
}
