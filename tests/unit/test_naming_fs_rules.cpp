#include "mpcheck/naming/fs_rules.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

using mpcheck::naming::check_file_name;
using mpcheck::naming::NameProblem;
using Problems = std::vector<NameProblem>;

namespace mpcheck::naming {
// Readable failures.
std::ostream& operator<<(std::ostream& out, const NameProblem& p)
{
  return out << "{" << p.code << ", " << p.detail << "}";
}
} // namespace mpcheck::naming

namespace {

std::string repeat(std::string_view unit, std::size_t count)
{
  std::string out;
  for (std::size_t i = 0; i < count; ++i)
    out += unit;
  return out;
}

std::string lower(std::string text)
{
  for (char& c : text)
    if (c >= 'A' && c <= 'Z')
      c = char(c - 'A' + 'a');
  return text;
}

// "Com1": first letter upper, the rest lower (multi-byte superscripts untouched).
std::string title_case(std::string text)
{
  text = lower(text);
  text[0] = char(text[0] - 'a' + 'A');
  return text;
}

std::vector<std::string> reserved_names()
{
  std::vector<std::string> names = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
  for (std::string port : {"COM", "LPT"}) {
    for (char d = '1'; d <= '9'; ++d)
      names.push_back(port + d);
    for (std::string sup : {"\u00B9", "\u00B2", "\u00B3"})
      names.push_back(port + sup);
  }
  return names;
}

} // namespace

TEST_CASE("naming::check_file_name accepts ordinary names")
{
  for (std::string name :
       {"XXX-微视频-XX市（区）委组织部.mp4", "a.mp4", "作品-微视频-单位（有字幕）.MP4",
        "CONSOLE.mp4", "COM10.txt", "LPT0.txt", "COM0", "nul_file.txt", "auxiliary.doc", "ACON",
        ".hidden", "a b.mp4", "名字 .mp4", "😀.jpg", "a..b", "COM", "LPT", "COM¹0"}) {
    CAPTURE(name);
    CHECK(check_file_name(name).empty());
  }
}

TEST_CASE("naming::check_file_name empty name")
{
  CHECK(check_file_name("") == Problems{{"empty", ""}});
}

TEST_CASE("naming::check_file_name reserved device names x extensions x case")
{
  const std::vector<std::string> extensions = {"", ".txt", ".mp4", ".tar.gz", ".DOCX"};
  for (const std::string& device : reserved_names()) {
    for (const std::string& spelling : {device, lower(device), title_case(device)}) {
      for (const std::string& ext : extensions) {
        const std::string name = spelling + ext;
        CAPTURE(name);
        CHECK(check_file_name(name) == Problems{{"reserved", device}});
      }
    }
  }
}

TEST_CASE("naming::check_file_name reserved names with trailing spaces or dots")
{
  CHECK(check_file_name("NUL .txt") == Problems{{"reserved", "NUL"}});
  CHECK(check_file_name("con.") == Problems{{"trailing", "dot"}, {"reserved", "CON"}});
  CHECK(check_file_name("aux ") == Problems{{"trailing", "space"}, {"reserved", "AUX"}});
  CHECK(check_file_name("Con.mp4") == Problems{{"reserved", "CON"}});
  CHECK(check_file_name("nul.txt") == Problems{{"reserved", "NUL"}});
}

TEST_CASE("naming::check_file_name every forbidden printable character")
{
  for (char c : std::string("<>:\"/\\|?*")) {
    const std::string name = std::string("作品") + c + "微视频.mp4";
    CAPTURE(name);
    CHECK(check_file_name(name) == Problems{{"characters", std::string(1, c)}});
  }
}

TEST_CASE("naming::check_file_name every control character")
{
  for (int c = 0; c < 0x20; ++c) {
    std::string name = "a";
    name += char(c);
    name += "b.mp4";
    char expected[8];
    std::snprintf(expected, sizeof expected, "U+%04X", c);
    CAPTURE(c);
    CHECK(check_file_name(name) == Problems{{"characters", expected}});
  }
  CHECK(check_file_name("a\x7f"
                        "b.mp4")
            .empty()); // DEL is allowed on all three
}

TEST_CASE("naming::check_file_name lists each offending character once, in order")
{
  CHECK(check_file_name("a<b>c<d?.mp4") == Problems{{"characters", "< > ?"}});
  CHECK(check_file_name("a\tb:c\td") == Problems{{"characters", "U+0009 :"}});
  CHECK(check_file_name("a/b\\c") == Problems{{"characters", "/ \\"}});
}

TEST_CASE("naming::check_file_name trailing dot or space")
{
  CHECK(check_file_name("a.") == Problems{{"trailing", "dot"}});
  CHECK(check_file_name("a ") == Problems{{"trailing", "space"}});
  CHECK(check_file_name("a.mp4.") == Problems{{"trailing", "dot"}});
  CHECK(check_file_name("a. ") == Problems{{"trailing", "space"}});
  CHECK(check_file_name("..") == Problems{{"trailing", "dot"}});
  CHECK(check_file_name("a\u3000").empty()); // Windows keeps U+3000
}

TEST_CASE("naming::check_file_name length boundary with CJK (1 UTF-16 unit, 3 bytes)")
{
  const std::string at_limit = repeat("中", 251) + ".mp4";
  CHECK(at_limit.size() == 757);
  CHECK(check_file_name(at_limit).empty());
  CHECK(check_file_name(repeat("中", 255)).empty());
  CHECK(check_file_name(repeat("中", 252) + ".mp4") == Problems{{"length", "256"}});
  CHECK(check_file_name(repeat("中", 256)) == Problems{{"length", "256"}});
}

TEST_CASE("naming::check_file_name length boundary with emoji (2 UTF-16 units, 4 bytes)")
{
  CHECK(check_file_name(repeat("😀", 127) + "a").empty());                  // 255 units
  CHECK(check_file_name(repeat("😀", 128)) == Problems{{"length", "256"}}); // 256 units
  CHECK(check_file_name(repeat("😀", 125) + ".mp4").empty());               // 254 units
  CHECK(check_file_name(repeat("😀", 126) + ".mp4") == Problems{{"length", "256"}});
}

TEST_CASE("naming::check_file_name length boundary with ASCII")
{
  CHECK(check_file_name(repeat("a", 255)).empty());
  CHECK(check_file_name(repeat("a", 256)) == Problems{{"length", "256"}});
}

TEST_CASE("naming::check_file_name invalid UTF-8")
{
  CHECK(check_file_name("\xff.mp4") == Problems{{"utf8", "byte 0"}});
  CHECK(check_file_name("ab\xc3(.mp4") == Problems{{"utf8", "byte 2"}});
  CHECK(check_file_name("a\xc0\xaf") == Problems{{"utf8", "byte 1"}});            // overlong '/'
  CHECK(check_file_name("\xed\xa0\x80.mp4") == Problems{{"utf8", "byte 0"}});     // surrogate
  CHECK(check_file_name("\xf4\x90\x80\x80.mp4") == Problems{{"utf8", "byte 0"}}); // > U+10FFFF
  CHECK(check_file_name("作\xe4\xb8") == Problems{{"utf8", "byte 3"}});           // truncated
  // The other rules still apply; normalisation is not judged on broken text.
  CHECK(check_file_name("\xffnul.txt?") == Problems{{"utf8", "byte 0"}, {"characters", "?"}});
  CHECK(check_file_name("NUL\xff.txt") == Problems{{"utf8", "byte 3"}});
}

TEST_CASE("naming::check_file_name NFD names")
{
  CHECK(check_file_name("Cafe\u0301.mp4") == Problems{{"normalization", "Caf\u00E9.mp4"}});
  CHECK(check_file_name("\u1112\u1161\u11AB.mp4") == Problems{{"normalization", "한.mp4"}});
  CHECK(check_file_name("\u304B\u3099.mp4") == Problems{{"normalization", "が.mp4"}});
  CHECK(check_file_name("Café.mp4").empty());
  CHECK(check_file_name("한.mp4").empty());
  CHECK(check_file_name("が.mp4").empty());
}

TEST_CASE("naming::check_file_name several problems in code order")
{
  const std::string name = "Con" + repeat("中", 300) + "e\u0301?.";
  CHECK(check_file_name(name) == Problems{{"characters", "?"},
                                          {"trailing", "dot"},
                                          {"length", "307"},
                                          {"normalization", "Con" + repeat("中", 300) + "é?."}});
}

TEST_CASE("naming::is_valid_utf8")
{
  CHECK(mpcheck::naming::is_valid_utf8(""));
  CHECK(mpcheck::naming::is_valid_utf8("作品😀é"));
  CHECK(mpcheck::naming::is_valid_utf8(std::string("a\0b", 3)));
  CHECK_FALSE(mpcheck::naming::is_valid_utf8("\x80"));
  CHECK_FALSE(mpcheck::naming::is_valid_utf8("\xe4\xb8"));
  CHECK_FALSE(mpcheck::naming::is_valid_utf8("\xed\xbf\xbf"));
}

TEST_CASE("naming::utf16_length")
{
  using mpcheck::naming::utf16_length;
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("中文") == 2);
  CHECK(utf16_length("😀") == 2);
  CHECK(utf16_length("a😀中") == 4);
  CHECK(utf16_length("e\u0301") == 2);
  CHECK(utf16_length("\U00020000") == 2); // CJK Extension B: a surrogate pair
  CHECK(utf16_length("\xff") == 1);
  CHECK(utf16_length("a\xe4\xb8") == 2); // truncated sequence: one U+FFFD
  CHECK(utf16_length("\xff\xfe") == 2);
}

TEST_CASE("naming::path_too_long counts the drive prefix")
{
  using mpcheck::naming::path_too_long;
  const std::string folder = "作品/";
  CHECK_FALSE(path_too_long(folder + repeat("中", 234))); // 3 + 237 = 240
  CHECK(path_too_long(folder + repeat("中", 235)));       // 241
  CHECK_FALSE(path_too_long("/" + folder + repeat("中", 234)));
  CHECK_FALSE(path_too_long(repeat("😀", 128), 259)); // 3 + 256 = 259
  CHECK(path_too_long(repeat("😀", 128) + "a", 259)); // 3 + 257 = 260
  CHECK_FALSE(path_too_long(repeat("a", 256), 259));
  CHECK(path_too_long(repeat("a", 257), 259));
  CHECK_FALSE(path_too_long("作品\\a.mp", 10)); // 3 + 7
  CHECK(path_too_long("作品\\a.mp4", 10));
}

TEST_CASE("naming::to_nfc and is_nfc")
{
  using mpcheck::naming::is_nfc;
  using mpcheck::naming::to_nfc;
  CHECK(to_nfc("e\u0301") == "\u00E9");
  CHECK(to_nfc("\u1112\u1161\u11AB\u1100\u1173\u11AF") == "한글");
  CHECK(to_nfc("\u304B\u3099") == "\u304C");
  CHECK(to_nfc("\u212B") == "\u00C5"); // Ångström sign → Å
  CHECK(to_nfc("\uF900") == "\u8C48"); // CJK compatibility ideograph
  CHECK(to_nfc("作品-微视频") == "作品-微视频");
  CHECK(to_nfc("\xff\x65\xcc\x81") == "\xff\x65\xcc\x81"); // invalid: unchanged
  CHECK(is_nfc(""));
  CHECK(is_nfc("作品é한が"));
  CHECK_FALSE(is_nfc("e\u0301"));
  CHECK_FALSE(is_nfc("\u1112\u1161"));
  CHECK_FALSE(is_nfc("\u304B\u3099"));
  CHECK_FALSE(is_nfc("\uF900"));
  CHECK_FALSE(is_nfc("\xff"));
}

TEST_CASE("naming::fold_for_collision")
{
  using mpcheck::naming::fold_for_collision;
  CHECK(fold_for_collision("A.mp4") == fold_for_collision("a.MP4"));
  CHECK(fold_for_collision("Cafe\u0301.mp4") == fold_for_collision("CAFÉ.MP4"));
  CHECK(fold_for_collision("\u304B\u3099.mp4") == fold_for_collision("が.mp4"));
  CHECK(fold_for_collision("ΣΑΣ") == fold_for_collision("σας"));
  CHECK(fold_for_collision("Ａ") == fold_for_collision("ａ")); // full-width letters fold
  CHECK(fold_for_collision("a.mp4.") == fold_for_collision("a.mp4 "));
  CHECK(fold_for_collision("a.mp4. ") == fold_for_collision("A.MP4"));
  CHECK(fold_for_collision("A\xff") == fold_for_collision("a\xff"));
  // A name already NFC with nothing to fold is its own key; one that is not NFC is not.
  CHECK(fold_for_collision("资料0001-解说词-单位.txt") == "资料0001-解说词-单位.txt");
  CHECK(fold_for_collision("\u304B\u3099.mp4") == "が.mp4");
  CHECK(fold_for_collision("straße") != fold_for_collision("strasse")); // NTFS keeps them apart
  CHECK(fold_for_collision("Ａ") != fold_for_collision("A"));           // no compatibility folding
  CHECK(fold_for_collision("\xff") != fold_for_collision("\xfe"));
  CHECK(fold_for_collision("作品-微视频") == "作品-微视频");
}

TEST_CASE("naming::find_collisions")
{
  using mpcheck::naming::find_collisions;
  using Groups = std::vector<std::vector<std::string>>;
  CHECK(find_collisions({}).empty());
  CHECK(find_collisions({"a.mp4", "b.mp4"}).empty());
  CHECK(
      find_collisions({"A.mp4", "b.mp4", "e\u0301.mp4", "a.MP4", "\u00E9.mp4", "c.mp4", "A.Mp4"}) ==
      Groups{{"A.mp4", "a.MP4", "A.Mp4"}, {"e\u0301.mp4", "\u00E9.mp4"}});
  CHECK(find_collisions({"x", "x"}) == Groups{{"x", "x"}});
}

TEST_CASE("naming::sanitize_title replaces each forbidden character")
{
  using mpcheck::naming::sanitize_title;
  CHECK(sanitize_title("a<b>c") == "a＜b＞c");
  CHECK(sanitize_title("时间:2024") == "时间：2024");
  CHECK(sanitize_title("A/B\\C") == "A／B＼C");
  CHECK(sanitize_title("a|b") == "a｜b");
  CHECK(sanitize_title("为什么?") == "为什么？");
  CHECK(sanitize_title("5*5") == "5＊5");
  CHECK(sanitize_title("\"两个确立\"与\"两个维护\"") == "“两个确立”与“两个维护”");
  CHECK(sanitize_title("不忘初心-牢记使命") == "不忘初心-牢记使命");
}

TEST_CASE("naming::sanitize_title controls, spaces, dots, NFC, invalid UTF-8")
{
  using mpcheck::naming::sanitize_title;
  CHECK(sanitize_title("a\tb\nc\r\nd") == "a b c d");
  CHECK(sanitize_title(std::string("a\0b\x01"
                                   "c\x7f",
                                   6)) == "abc");
  CHECK(sanitize_title("  a   b  ") == "a b");
  CHECK(sanitize_title("\u3000标题\u3000") == "标题");
  CHECK(sanitize_title("标题...") == "标题");
  CHECK(sanitize_title("标题. . .") == "标题");
  CHECK(sanitize_title("1.5") == "1.5");
  CHECK(sanitize_title("...") == "");
  CHECK(sanitize_title("") == "");
  CHECK(sanitize_title("Cafe\u0301") == "Café");
  CHECK(sanitize_title("CON.2024") == "CON\uFF0E2024");
  CHECK(sanitize_title("nul .x.y") == "nul \uFF0Ex.y");
  CHECK(sanitize_title("CON") == "CON");
  CHECK(sanitize_title("CONSOLE.1") == "CONSOLE.1");
  CHECK(sanitize_title("a\xff"
                       "b") == "a\uFFFD"
                               "b");
}

TEST_CASE("naming::sanitize_title output always passes check_file_name")
{
  using mpcheck::naming::sanitize_title;
  const std::vector<std::string> nasty = {
      "CON",       "CON.2024",     "lpt\u00B9 .x", "a<>:\"/\\|?*b",          "trailing. ", "\t\n",
      "x\xff\xfe", "\u304B\u3099", " . . x . . ",  std::string("nul\0.", 5), "e\u0301?"};
  for (const std::string& title : nasty) {
    const std::string clean = sanitize_title(title);
    CAPTURE(clean);
    CHECK(check_file_name(clean + "-微视频-单位.mp4").empty());
  }
}

TEST_CASE("naming::replace_invalid_utf8")
{
  using mpcheck::naming::replace_invalid_utf8;
  CHECK(replace_invalid_utf8("奋斗者之歌.mp4") == "奋斗者之歌.mp4");
  CHECK(replace_invalid_utf8("a\xffz") == "a\xef\xbf\xbdz");
  CHECK(replace_invalid_utf8("\xed\xa0\x80") != "\xed\xa0\x80"); // a surrogate is replaced
  CHECK(mpcheck::naming::is_valid_utf8(replace_invalid_utf8("\xb7\xdc\xb6\xb7.mp4"))); // GBK bytes
}

TEST_CASE("naming::NameClaims hands out each name once, as a case-insensitive NFC file system")
{
  mpcheck::naming::NameClaims names;
  CHECK(names.claim("作品/A.mp4", "/src/a.mp4") == "");
  CHECK(names.claim("作品/A.mp4", "/src/a.mp4") == ""); // its own again
  CHECK(names.claim("作品/a.MP4", "/src/b.mp4") == "/src/a.mp4");
  // NFD "é" folds like NFC "é".
  CHECK(names.claim("caf\xC3\xA9.mp4", "/src/c.mp4") == "");
  CHECK(names.claim("cafe\xCC\x81.mp4", "/src/d.mp4") == "/src/c.mp4");
  CHECK(names.claim("作品/B.mp4", "/src/b.mp4") == "");
}
