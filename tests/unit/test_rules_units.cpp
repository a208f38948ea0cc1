#include "mpcheck/rules/units.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;
using namespace mpcheck::rules;

TEST_CASE("rules::parse_duration")
{
  CHECK(parse_duration("480") == 480);
  CHECK(parse_duration("479.5") == 479.5);
  CHECK(parse_duration("480s") == 480);
  CHECK(parse_duration("480 s") == 480);
  CHECK(parse_duration("8min") == 480);
  CHECK(parse_duration("10 min") == 600);
  CHECK(parse_duration("8 minutes") == 480);
  CHECK(parse_duration("8分钟") == 480);
  CHECK(parse_duration("8分30秒") == 510);
  CHECK(parse_duration("8min 30s") == 510);
  CHECK(parse_duration("1h") == 3600);
  CHECK(parse_duration("8:00") == 480);
  CHECK(parse_duration("1:30") == 90);
  CHECK(parse_duration("7:59.5") == 479.5);
  CHECK(parse_duration("1:02:03") == 3723);
  CHECK(parse_duration("0") == 0);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("abc"));
  CHECK_FALSE(parse_duration("-5"));
  CHECK_FALSE(parse_duration("8 parsecs"));
  CHECK_FALSE(parse_duration("min"));
  CHECK_FALSE(parse_duration("1:60"));
  CHECK_FALSE(parse_duration("1:2:3:4"));
  CHECK_FALSE(parse_duration("1.5:00"));
  CHECK_FALSE(parse_duration("99999999999999999999999h"));
}

TEST_CASE("rules::parse_bitrate")
{
  CHECK(parse_bitrate("8Mbps") == 8000000);
  CHECK(parse_bitrate("8 Mbps") == 8000000);
  CHECK(parse_bitrate("8M") == 8000000);
  CHECK(parse_bitrate("8 mb/s") == 8000000);
  CHECK(parse_bitrate("8Mbit/s") == 8000000);
  CHECK(parse_bitrate("6.8Mbps") == 6800000);
  CHECK(parse_bitrate("8000k") == 8000000);
  CHECK(parse_bitrate("800 kbps") == 800000);
  CHECK(parse_bitrate("8000000") == 8000000);
  CHECK(parse_bitrate("1.5G") == 1500000000);
  CHECK_FALSE(parse_bitrate("8MB/s")); // bytes or bits: refused
  CHECK_FALSE(parse_bitrate("8MBps"));
  CHECK_FALSE(parse_bitrate("0"));
  CHECK_FALSE(parse_bitrate("fast"));
  CHECK_FALSE(parse_bitrate("8 Mbps please"));
  CHECK_FALSE(parse_bitrate("99999999999999999999999G")); // no overflow
}

TEST_CASE("rules::parse_loudness, parse_percent")
{
  CHECK(parse_loudness("-23") == -23);
  CHECK(parse_loudness("-23LUFS") == -23);
  CHECK(parse_loudness("-23.5 lufs") == -23.5);
  CHECK(parse_loudness("-24 LKFS") == -24);
  CHECK_FALSE(parse_loudness("loud"));
  CHECK_FALSE(parse_loudness("LUFS"));
  CHECK(parse_percent("10%") == doctest::Approx(0.10));
  CHECK(parse_percent("2.5 %") == doctest::Approx(0.025));
  CHECK_FALSE(parse_percent("10"));
  CHECK_FALSE(parse_percent("-1%"));
}

TEST_CASE("rules::parse_frame_rate, parse_aspect_ratio, parse_size")
{
  CHECK(parse_frame_rate("25") == Rational{25, 1});
  CHECK(parse_frame_rate("25P") == Rational{25, 1});
  CHECK(parse_frame_rate("25 fps") == Rational{25, 1});
  CHECK(parse_frame_rate("29.97") == Rational{30000, 1001});
  CHECK(parse_frame_rate("23.976") == Rational{24000, 1001});
  CHECK(parse_frame_rate("30000/1001") == Rational{30000, 1001});
  CHECK(parse_frame_rate("50/2") == Rational{25, 1});
  CHECK(parse_frame_rate("12.5") == Rational{25, 2});
  CHECK_FALSE(parse_frame_rate("0"));
  CHECK_FALSE(parse_frame_rate("25/0"));
  CHECK_FALSE(parse_frame_rate("fast"));
  CHECK_FALSE(parse_frame_rate("1e-300"));

  CHECK(parse_aspect_ratio("16:9") == Rational{16, 9});
  CHECK(parse_aspect_ratio("16/9") == Rational{16, 9});
  CHECK(parse_aspect_ratio("1920:1080") == Rational{16, 9});
  CHECK_FALSE(parse_aspect_ratio("1.78"));
  CHECK_FALSE(parse_aspect_ratio("16:0"));
  CHECK_FALSE(parse_aspect_ratio("99999999999999999999:1"));

  CHECK(parse_size("1920x1080") == Size{1920, 1080});
  CHECK(parse_size("1920×1080") == Size{1920, 1080});
  CHECK(parse_size("1920*1080") == Size{1920, 1080});
  CHECK(parse_size("1920 X 1080") == Size{1920, 1080});
  CHECK_FALSE(parse_size("1080p"));
  CHECK_FALSE(parse_size("0x1080"));
  CHECK_FALSE(parse_size("1920x"));
}

TEST_CASE("rules::find_paper, paper_pixels")
{
  const Paper* a3 = find_paper("A3");
  REQUIRE(a3);
  CHECK(paper_pixels(*a3, 300) == Size{3508, 4961});
  CHECK(paper_pixels(*find_paper("a4"), 300) == Size{2480, 3508});
  CHECK(paper_pixels(*find_paper("A4"), 72) == Size{595, 842});
  CHECK_FALSE(find_paper("A7"));
  CHECK_FALSE(find_paper("letter"));
}

TEST_CASE("rules::format_duration, format_bitrate")
{
  CHECK(format_duration(480) == "8:00");
  CHECK(format_duration(479.5) == "7:59.5");
  CHECK(format_duration(480.021) == "8:00.021");
  CHECK(format_duration(3723) == "1:02:03");
  CHECK(format_duration(5) == "0:05");
  CHECK(format_bitrate(8000000) == "8 Mbps");
  CHECK(format_bitrate(6800000) == "6.8 Mbps");
  CHECK(format_bitrate(128000) == "128 kbps");
  CHECK(format_bitrate(900) == "900 bps");
}
