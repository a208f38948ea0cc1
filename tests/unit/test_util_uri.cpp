#include "mpcheck/util/uri.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;

TEST_CASE("util::percent_encode_path")
{
  CHECK(percent_encode_path("a/b-c_d.e~f.MP4") == "a/b-c_d.e~f.MP4");
  CHECK(percent_encode_path("作品") == "%E4%BD%9C%E5%93%81");
  CHECK(percent_encode_path("a b&c<d>\"e\"'f'#?%+") ==
        "a%20b%26c%3Cd%3E%22e%22%27f%27%23%3F%25%2B");
  CHECK(percent_encode_path("C:x.mp4") == "C%3Ax.mp4");      // never read as a scheme
  CHECK(percent_encode_path("\xB7\xDC\x01") == "%B7%DC%01"); // bytes as they are on disk
  CHECK(percent_encode_path("/abs/x") == "/abs/x");
}

TEST_CASE("util::file_uri_of_directory")
{
  CHECK(file_uri_of_directory("/media/usb 1") == "file:///media/usb%201/");
  CHECK(file_uri_of_directory("/media/U盘/") == "file:///media/U%E7%9B%98/");
  CHECK(file_uri_of_directory("/") == "file:///");
}
