#include "mpcheck/gather/drive_manifest.hpp"

#include <doctest/doctest.h>

#include "mpcheck/pack/manifest.hpp"

using namespace mpcheck;
using namespace mpcheck::gather;

namespace {

const std::string a(64, 'a');
const std::string b(64, 'b');

std::vector<std::string> paths(const DriveManifest& m)
{
  std::vector<std::string> out;
  for (const auto& e : m.entries)
    out.push_back(e.path);
  return out;
}

std::vector<std::pair<int, std::string>> problems(const DriveManifest& m)
{
  std::vector<std::pair<int, std::string>> out;
  for (const auto& p : m.problems)
    out.emplace_back(p.line, p.reason);
  return out;
}

SubmissionFile file(const std::string& raw, const std::string& nfc)
{
  SubmissionFile f;
  f.raw_path = raw;
  f.path = nfc;
  return f;
}

} // namespace

TEST_CASE("gather::parse_drive_manifest reads what pack and sha256sum write")
{
  // pack's own text, names with a backslash and a newline escaped as sha256sum escapes them.
  std::vector<pack::FileResult> files = {{"作品/奋斗-微视频-单位（无字幕）.mp4", a, 1, true},
                                         {"表格/a\\b.docx", b, 1, true},
                                         {"文本/two\nlines.docx", a, 1, true}};
  const DriveManifest m = parse_drive_manifest(pack::manifest_text(files));
  CHECK(m.problems.empty());
  REQUIRE(m.entries.size() == 3);
  CHECK(paths(m) == std::vector<std::string>{"作品/奋斗-微视频-单位（无字幕）.mp4",
                                             "文本/two\nlines.docx", "表格/a\\b.docx"});
  CHECK(m.entries[0].sha256 == a);
  CHECK(m.entries[0].line == 1);
  CHECK(m.entries[2].sha256 == b);
}

TEST_CASE("gather::parse_drive_manifest: binary mode, BagIt, BSD tags, Windows line ends")
{
  std::string upper(64, 'A');
  const std::string text = "\xEF\xBB\xBF" + a + " *bin.mp4\r\n" + // BOM, binary mode, CRLF
                           "\n   \n" +                            // blank lines
                           b + "\tbagit/tab.mp4\n" +              // BagIt: any blanks
                           "SHA256 (tag (1).mp4) = " + a + "\n" + // BSD tag form
                           upper + "  ./dot/x.mp4";               // upper case, "./", no LF
  const DriveManifest m = parse_drive_manifest(text);
  CHECK(problems(m).empty());
  CHECK(paths(m) ==
        std::vector<std::string>{"bin.mp4", "bagit/tab.mp4", "tag (1).mp4", "dot/x.mp4"});
  CHECK(m.entries[3].sha256 == a);
  CHECK(m.entries[3].line == 6);
  CHECK(m.entries[2].line == 5);
}

TEST_CASE("gather::parse_drive_manifest: malformed lines and paths leaving the drive")
{
  const std::string text = "garbage\n" +                   // 1 syntax
                           a.substr(1) + "  short.mp4\n" + // 2 syntax: 63 digits
                           a + "  ../outside.mp4\n" +      // 3 outside
                           a + "  /etc/passwd\n" +         // 4 outside
                           a + "  a//b.mp4\n" +            // 5 outside: an empty part
                           a + "  a/./b.mp4\n" +           // 6 outside
                           a + "  作品/../../x\n" +        // 7 outside
                           a + "  \n" +                    // 8 syntax: no path
                           "\\" + a + "  bad\\escape\n" +  // 9 syntax: unknown escape
                           a + "  ok.mp4\n" +              // 10
                           a + "  ok.mp4\n" +              // 11 the same again: merged
                           b + "  ok.mp4\n" +              // 12 duplicate, another digest
                           std::string("\0\1\2", 3) + "\n";
  const DriveManifest m = parse_drive_manifest(text);
  CHECK(paths(m) == std::vector<std::string>{"ok.mp4"});
  CHECK(problems(m) == std::vector<std::pair<int, std::string>>{{1, "syntax"},
                                                                {2, "syntax"},
                                                                {3, "outside"},
                                                                {4, "outside"},
                                                                {5, "outside"},
                                                                {6, "outside"},
                                                                {7, "outside"},
                                                                {8, "syntax"},
                                                                {9, "syntax"},
                                                                {12, "duplicate"},
                                                                {13, "syntax"}});
  CHECK(parse_drive_manifest("").entries.empty());
  CHECK(parse_drive_manifest(std::string(100000, '\xff')).problems.size() == 1);
}

TEST_CASE("gather::match_manifest: by the bytes on disk, else by the NFC name")
{
  DriveManifest m =
      parse_drive_manifest(a + "  x.mp4\n" + a + "  caf\u00e9.mp4\n" + a + "  gone.mp4\n");
  const std::vector<SubmissionFile> files = {file("y.mp4", "y.mp4"), file("x.mp4", "x.mp4"),
                                             file("cafe\u0301.mp4", "caf\u00e9.mp4")};
  match_manifest(m, files);
  CHECK(m.entries[0].file == 1);
  CHECK(m.entries[1].file == 2); // listed in NFC, on disk in NFD (a copy made on a Mac)
  CHECK(m.entries[2].file == -1);
}
