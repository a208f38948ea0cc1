#include "mpcheck/naming/work_name.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

using mpcheck::naming::DocumentName;
using mpcheck::naming::format_work_name;
using mpcheck::naming::parse_document_name;
using mpcheck::naming::parse_work_name;
using mpcheck::naming::ParseResult;
using mpcheck::naming::Variant;
using mpcheck::naming::WorkName;

namespace mpcheck::naming {
// Readable failures.
std::ostream& operator<<(std::ostream& out, const WorkName& n)
{
  return out << "{title=" << n.title << " category=" << n.category << " unit=" << n.unit
             << " variant=" << int(n.variant) << " variant_text=" << n.variant_text
             << " extension=" << n.extension << "}";
}
std::ostream& operator<<(std::ostream& out, const DocumentName& d)
{
  return out << "{doc_type=" << d.doc_type << " title=" << d.title << " unit=" << d.unit
             << " extension=" << d.extension << " problem=" << d.problem
             << " separator=" << d.separator << "}";
}
} // namespace mpcheck::naming

namespace {

// Changzhou's seven categories (常组通〔2024〕40号).
const std::vector<std::string> changzhou = {"典型事迹片", "纪录片",     "培训片",          "文艺片",
                                            "微视频",     "新媒体作品", "“党课开讲啦”视频"};
const std::vector<std::string> no_categories;

WorkName work(std::string title, std::string category, std::string unit, std::string ext = ".mp4",
              Variant variant = Variant::none, std::string variant_text = "")
{
  return {std::move(title), std::move(category),     std::move(unit),
          variant,          std::move(variant_text), std::move(ext)};
}

void check_ok(const ParseResult& r, const WorkName& expected)
{
  CHECK(r.problem == "");
  CHECK(r.ok);
  CHECK(r.separator == "");
  CHECK(r.name == expected);
}

} // namespace

TEST_CASE("naming::parse_work_name the notice's example")
{
  const WorkName expected = work("XXX", "微视频", "XX市（区）委组织部");
  check_ok(parse_work_name("XXX-微视频-XX市（区）委组织部.mp4", changzhou), expected);
  check_ok(parse_work_name("XXX-微视频-XX市（区）委组织部.mp4", no_categories), expected);
}

TEST_CASE("naming::parse_work_name titles with '-' inside")
{
  const WorkName expected = work("不忘初心-牢记使命", "微视频", "天宁区委组织部");
  check_ok(parse_work_name("不忘初心-牢记使命-微视频-天宁区委组织部.mp4", changzhou), expected);
  check_ok(parse_work_name("不忘初心-牢记使命-微视频-天宁区委组织部.mp4", no_categories), expected);
  check_ok(parse_work_name("A-B-C-D-典型事迹片-单位.mov", changzhou),
           work("A-B-C-D", "典型事迹片", "单位", ".mov"));
  check_ok(parse_work_name("不忘初心——牢记使命-微视频-单位.mp4", changzhou),
           work("不忘初心——牢记使命", "微视频", "单位"));
  check_ok(parse_work_name("my_title-微视频-单位.mp4", changzhou),
           work("my_title", "微视频", "单位"));
}

TEST_CASE("naming::parse_work_name prefers the rightmost known category")
{
  // A unit with '-' is only recognisable with the category list.
  check_ok(parse_work_name("作品-微视频-中共A-B联合委员会.mp4", changzhou),
           work("作品", "微视频", "中共A-B联合委员会"));
  check_ok(parse_work_name("微视频-微视频-单位.mp4", changzhou), work("微视频", "微视频", "单位"));
  check_ok(parse_work_name("我的纪录片-微视频-单位.mp4", changzhou),
           work("我的纪录片", "微视频", "单位"));
  check_ok(parse_work_name("纪录片-微视频-单位.mp4", changzhou), work("纪录片", "微视频", "单位"));
  check_ok(parse_work_name("纪录片-微视频-A-B.mp4", changzhou), work("纪录片", "微视频", "A-B"));
}

TEST_CASE("naming::parse_work_name category spellings")
{
  const WorkName expected = work("讲党课", "“党课开讲啦”视频", "单位");
  check_ok(parse_work_name("讲党课-“党课开讲啦”视频-单位.mp4", changzhou), expected);
  check_ok(parse_work_name("讲党课-党课开讲啦视频-单位.mp4", changzhou), expected);
  check_ok(parse_work_name("讲党课-「党课开讲啦」视频-单位.mp4", changzhou), expected);
  check_ok(parse_work_name("讲党课-《党课开讲啦》视频-单位.mp4", changzhou), expected);
  check_ok(parse_work_name("讲党课-‘党课开讲啦’视频-单位.mp4", changzhou), expected);
  check_ok(parse_work_name("a-MV-b.mp4", {"mv"}), work("a", "mv", "b"));
  // Without a list the category is taken as written.
  check_ok(parse_work_name("讲党课-党课开讲啦视频-单位.mp4", no_categories),
           work("讲党课", "党课开讲啦视频", "单位"));
}

TEST_CASE("naming::parse_work_name spaces around the parts are trimmed")
{
  check_ok(parse_work_name("作品 - 微视频 - 单位.mp4", changzhou), work("作品", "微视频", "单位"));
  check_ok(parse_work_name("\u3000作品-微视频-单位\u3000.mp4", changzhou),
           work("作品", "微视频", "单位"));
}

TEST_CASE("naming::parse_work_name unknown-category")
{
  const ParseResult r = parse_work_name("作品-宣传片-天宁区委组织部.mp4", changzhou);
  CHECK_FALSE(r.ok);
  CHECK(r.problem == "unknown-category");
  CHECK(r.separator == "");
  CHECK(r.name == work("作品", "宣传片", "天宁区委组织部"));
}

TEST_CASE("naming::parse_work_name parts")
{
  for (std::string name : {"作品-单位.mp4", "作品.mp4", "", ".mp4", "作品"}) {
    CAPTURE(name);
    const ParseResult r = parse_work_name(name, changzhou);
    CHECK_FALSE(r.ok);
    CHECK(r.problem == "parts");
  }
  const ParseResult r = parse_work_name("作品-单位（有字幕）.mp4", changzhou);
  CHECK(r.name == work("作品-单位", "", "", ".mp4", Variant::subtitled, "（有字幕）"));
}

TEST_CASE("naming::parse_work_name empty-part")
{
  for (std::string name :
       {"作品--单位.mp4", "-微视频-单位.mp4", "作品-微视频-.mp4", "作品- -单位.mp4",
        "作品-微视频-单位-.mp4", "作品--微视频-单位.mp4", "作品-\u3000-单位.mp4"}) {
    CAPTURE(name);
    const ParseResult r = parse_work_name(name, changzhou);
    CHECK_FALSE(r.ok);
    CHECK(r.problem == "empty-part");
  }
}

TEST_CASE("naming::parse_work_name no-extension")
{
  ParseResult r = parse_work_name("作品-微视频-单位", changzhou);
  CHECK(r.problem == "no-extension");
  CHECK_FALSE(r.ok);
  CHECK(r.name == work("作品", "微视频", "单位", ""));
  r = parse_work_name("作品-微视频-单位.", changzhou);
  CHECK(r.problem == "no-extension");
  r = parse_work_name("2.0时代-微视频-单位", changzhou);
  CHECK(r.problem == "no-extension");
  CHECK(r.name == work("2.0时代", "微视频", "单位", ""));
  r = parse_work_name("作品-微视频-单位.mp4 ", changzhou);
  CHECK(r.problem == "no-extension");
  // A title with a dot keeps it when there is an extension.
  check_ok(parse_work_name("2.0时代-微视频-单位.mp4", changzhou),
           work("2.0时代", "微视频", "单位"));
}

TEST_CASE("naming::parse_work_name extension kept as written")
{
  check_ok(parse_work_name("作品-微视频-单位.MP4", changzhou),
           work("作品", "微视频", "单位", ".MP4"));
  check_ok(parse_work_name("作品-新媒体作品-单位.jpeg", changzhou),
           work("作品", "新媒体作品", "单位", ".jpeg"));
}

TEST_CASE("naming::parse_work_name every look-alike separator")
{
  for (std::string sep : {"－", "—", "——", "–", "‐", "‑", "‒", "―", "−", "﹣", "_", "＿"}) {
    for (const auto* categories : {&changzhou, &no_categories}) {
      const std::string name = "作品" + sep + "微视频" + sep + "天宁区委组织部.mp4";
      CAPTURE(name);
      const ParseResult r = parse_work_name(name, *categories);
      CHECK_FALSE(r.ok);
      CHECK(r.problem == "separator");
      CHECK(r.separator == sep);
      CHECK(r.name == work("作品", "微视频", "天宁区委组织部"));
    }
  }
}

TEST_CASE("naming::parse_work_name mixed separators")
{
  ParseResult r = parse_work_name("作品-微视频－单位.mp4", changzhou);
  CHECK(r.problem == "separator");
  CHECK(r.separator == "－");
  CHECK(r.name == work("作品", "微视频", "单位"));

  r = parse_work_name("作品－微视频-单位.mp4", no_categories);
  CHECK(r.problem == "separator");
  CHECK(r.separator == "－");

  // Three '-' parts, but the category only appears with the look-alike.
  r = parse_work_name("A-B-微视频_单位.mp4", changzhou);
  CHECK(r.problem == "separator");
  CHECK(r.separator == "_");
  CHECK(r.name == work("A-B", "微视频", "单位"));

  // Only the look-alike split has three parts; its category is unknown: still the separator.
  r = parse_work_name("作品－宣传片－单位.mp4", changzhou);
  CHECK(r.problem == "separator");
  CHECK(r.name == work("作品", "宣传片", "单位"));

  // A look-alike that explains nothing is not blamed.
  r = parse_work_name("作品－甲-宣传片-单位.mp4", changzhou);
  CHECK(r.problem == "unknown-category");
  CHECK(r.separator == "");
}

TEST_CASE("naming::parse_work_name every variant spelling")
{
  struct Case {
    std::string suffix;
    Variant variant;
  };
  const std::vector<Case> cases = {
      {"（有字幕）", Variant::subtitled},  {"(有字幕)", Variant::subtitled},
      {"【有字幕】", Variant::subtitled},  {"[有字幕]", Variant::subtitled},
      {"-有字幕", Variant::subtitled},     {"_有字幕", Variant::subtitled},
      {"有字幕版", Variant::subtitled},    {"字幕版", Variant::subtitled},
      {"有字幕", Variant::subtitled},      {" (有字幕)", Variant::subtitled},
      {" （有字幕）", Variant::subtitled}, {"（有字幕版）", Variant::subtitled},
      {"-字幕版", Variant::subtitled},     {"(有字幕）", Variant::subtitled},
      {"（无字幕）", Variant::clean},      {"(无字幕)", Variant::clean},
      {"【无字幕】", Variant::clean},      {"[无字幕]", Variant::clean},
      {"-无字幕", Variant::clean},         {"_无字幕", Variant::clean},
      {"无字幕版", Variant::clean},        {"纯净版", Variant::clean},
      {"(无字幕版)", Variant::clean},      {" （无字幕）", Variant::clean},
      {"－无字幕", Variant::clean},        {"\u3000(纯净版)", Variant::clean},
      {"无字幕", Variant::clean},          {" - 纯净版", Variant::clean},
  };
  for (const Case& c : cases) {
    const std::string name = "作品-微视频-天宁区委组织部" + c.suffix + ".mp4";
    CAPTURE(name);
    check_ok(parse_work_name(name, changzhou),
             work("作品", "微视频", "天宁区委组织部", ".mp4", c.variant, c.suffix));
  }
}

TEST_CASE("naming::parse_work_name variant at the end of the title")
{
  check_ok(parse_work_name("作品（有字幕）-微视频-单位.mp4", changzhou),
           work("作品", "微视频", "单位", ".mp4", Variant::subtitled, "（有字幕）"));
  check_ok(parse_work_name("作品 (无字幕)-微视频-单位.mp4", changzhou),
           work("作品", "微视频", "单位", ".mp4", Variant::clean, " (无字幕)"));
  // Unbracketed words in the title are part of the title.
  check_ok(parse_work_name("字幕版-微视频-单位.mp4", changzhou), work("字幕版", "微视频", "单位"));
  check_ok(parse_work_name("纯净版-微视频-单位.mp4", changzhou), work("纯净版", "微视频", "单位"));
}

TEST_CASE("naming::parse_work_name variant with a look-alike separator")
{
  const ParseResult r = parse_work_name("作品－微视频－单位（无字幕）.mp4", changzhou);
  CHECK(r.problem == "separator");
  CHECK(r.name == work("作品", "微视频", "单位", ".mp4", Variant::clean, "（无字幕）"));
}

TEST_CASE("naming::parse_work_name NFD input is compared and returned in NFC")
{
  check_ok(parse_work_name("Cafe\u0301-微视频-单位.mp4", changzhou),
           work("Caf\u00E9", "微视频", "单位"));
  check_ok(parse_work_name("\u1112\u1161\u11AB\u1100\u1173\u11AF-微视频-단위.mp4", changzhou),
           work("한글", "微视频", "단위"));
  check_ok(parse_work_name("\u304B\u3099\u3093\u306F\u3099\u308B-微视频-单位.mp4", changzhou),
           work("がんばる", "微视频", "单位"));
  // Categories are compared in NFC on both sides.
  check_ok(parse_work_name("a-\uF900-b.mp4", {"\u8C48"}), work("a", "\u8C48", "b"));
  check_ok(parse_work_name("a-Caf\u00E9-b.mp4", {"Cafe\u0301"}), work("a", "Caf\u00E9", "b"));
  check_ok(parse_work_name("a-Cafe\u0301-b.mp4", {"Caf\u00E9"}), work("a", "Caf\u00E9", "b"));
}

TEST_CASE("naming::parse_work_name invalid UTF-8 does not break parsing")
{
  const ParseResult r = parse_work_name("\xff作品-微视频-单位.mp4", changzhou);
  CHECK(r.ok);
  CHECK(r.name.title == "\xff作品");
  CHECK(parse_work_name("\xff\xfe", changzhou).problem == "parts");
  CHECK(parse_work_name("作品-微视频-单\xe4\xb8", changzhou).problem == "no-extension");
}

TEST_CASE("naming::format_work_name canonical form")
{
  CHECK(format_work_name(work("XXX", "微视频", "XX市（区）委组织部")) ==
        "XXX-微视频-XX市（区）委组织部.mp4");
  CHECK(format_work_name(work("作品", "微视频", "单位", ".mp4", Variant::subtitled, "_有字幕")) ==
        "作品-微视频-单位（有字幕）.mp4");
  CHECK(format_work_name(work("作品", "微视频", "单位", "mp4", Variant::clean)) ==
        "作品-微视频-单位（无字幕）.mp4");
  CHECK(format_work_name(work("作品", "微视频", "单位", "")) == "作品-微视频-单位");
  CHECK(mpcheck::naming::variant_suffix(Variant::none) == "");
}

TEST_CASE("naming::parse_work_name round trip parse(format(x)) == x")
{
  const std::vector<WorkName> names = {
      work("XXX", "微视频", "XX市（区）委组织部"),
      work("不忘初心-牢记使命", "微视频", "天宁区委组织部"),
      work("不忘初心——牢记使命", "典型事迹片", "单位", ".MOV"),
      work("作品", "微视频", "中共A-B联合委员会"),
      work("作品", "微视频", "单位", ".mp4", Variant::subtitled, "（有字幕）"),
      work("作品", "微视频", "单位", ".mp4", Variant::clean, "（无字幕）"),
      work("讲党课", "“党课开讲啦”视频", "钟楼区委组织部"),
      work("2.0时代", "新媒体作品", "单位", ".jpg"),
      work("“两个确立”", "纪录片", "单位", ".mp4"),
      work("😀 Café 한글", "文艺片", "单位", ".mkv"),
      work("微视频", "微视频", "单位"),
      work("作品", "培训片", "单位", "", Variant::none, ""),
  };
  for (const WorkName& name : names) {
    const std::string text = format_work_name(name);
    CAPTURE(text);
    const ParseResult r = parse_work_name(text, changzhou);
    CHECK(r.name == name);
    CHECK(r.ok == !name.extension.empty());
  }
}

TEST_CASE("naming::parse_document_name forms and texts")
{
  using D = DocumentName;
  CHECK(parse_document_name("报名表-天宁区委组织部.docx") ==
        D{"报名表", "", "天宁区委组织部", ".docx", "", ""});
  CHECK(parse_document_name("汇总表-单位.doc") == D{"汇总表", "", "单位", ".doc", "", ""});
  CHECK(parse_document_name("作品名-解说词-单位.docx") ==
        D{"解说词", "作品名", "单位", ".docx", "", ""});
  CHECK(parse_document_name("不忘初心-牢记使命-创意说明-单位.docx") ==
        D{"创意说明", "不忘初心-牢记使命", "单位", ".docx", "", ""});
  CHECK(parse_document_name("作品-课件-单位.pptx") == D{"课件", "作品", "单位", ".pptx", "", ""});
  CHECK(parse_document_name("作品-报名表-单位.wps") == D{"报名表", "作品", "单位", ".wps", "", ""});
  CHECK(parse_document_name("报名表（一）-单位.docx") == D{"报名表", "", "单位", ".docx", "", ""});
  CHECK(parse_document_name("作品-报名表(二)-单位.docx") ==
        D{"报名表", "作品", "单位", ".docx", "", ""});
  CHECK(parse_document_name("报名表-A-B委员会.docx") ==
        D{"报名表", "", "A-B委员会", ".docx", "", ""});
  CHECK(parse_document_name("报名表-单位.DOCX").extension == ".DOCX");
}

TEST_CASE("naming::parse_document_name problems")
{
  CHECK(parse_document_name("报名表.docx").problem == "parts");
  CHECK(parse_document_name("随便-单位.docx").problem == "unknown-type");
  CHECK(parse_document_name("报名表（一）二-单位.docx").problem == "unknown-type");
  CHECK(parse_document_name("报名表--单位.docx").problem == "empty-part");
  CHECK(parse_document_name("报名表-单位").problem == "no-extension");
  const DocumentName d = parse_document_name("汇总表－单位.docx");
  CHECK(d.problem == "separator");
  CHECK(d.separator == "－");
  CHECK(d.doc_type == "汇总表");
  CHECK(d.unit == "单位");
  CHECK(parse_document_name("作品_解说词_单位.docx").separator == "_");
  CHECK(parse_document_name("报名表-单位.docx").separator == "");
}

TEST_CASE("naming::take_episode_mark the rule set's pattern and the spellings people use")
{
  using mpcheck::naming::EpisodeMark;
  using mpcheck::naming::take_episode_mark;
  const std::string pattern = "（第{n}集）";
  CHECK(take_episode_mark("作品-纪录片-单位（第2集）", pattern) ==
        EpisodeMark{"作品-纪录片-单位", 2});
  CHECK(take_episode_mark("作品-纪录片-单位（有字幕）（第12集）", pattern) ==
        EpisodeMark{"作品-纪录片-单位（有字幕）", 12});
  CHECK(take_episode_mark("单位(第3集)", pattern) == EpisodeMark{"单位", 3});
  CHECK(take_episode_mark("单位【第3期】", pattern) == EpisodeMark{"单位", 3});
  CHECK(take_episode_mark("单位-第4集", pattern) == EpisodeMark{"单位", 4});
  CHECK(take_episode_mark("单位_第 4 集", pattern) == EpisodeMark{"单位", 4});
  CHECK(take_episode_mark("单位（第十二集）", pattern) == EpisodeMark{"单位", 12});
  CHECK(take_episode_mark("单位（第二十三集）", pattern) == EpisodeMark{"单位", 23});
  CHECK(take_episode_mark("单位（第三集）", pattern) == EpisodeMark{"单位", 3});
  CHECK(take_episode_mark("单位（第２集）", pattern) == EpisodeMark{"单位", 2});
  // Another rule set's pattern.
  CHECK(take_episode_mark("单位_EP07", "_EP{n}") == EpisodeMark{"单位", 7});
  CHECK(take_episode_mark("单位_EP07", pattern) == EpisodeMark{"单位_EP07", 0});
  // No mark: nothing before it, episode 0, no 第…集, numbers that are not episodes.
  CHECK(take_episode_mark("第3集", pattern) == EpisodeMark{"第3集", 0});
  CHECK(take_episode_mark("单位（第0集）", pattern) == EpisodeMark{"单位（第0集）", 0});
  CHECK(take_episode_mark("VID_20240801_123456", pattern) == EpisodeMark{"VID_20240801_123456", 0});
  CHECK(take_episode_mark("2024年第3", pattern) == EpisodeMark{"2024年第3", 0});
  CHECK(take_episode_mark("单位（第一二三集）", pattern).number == 0);
  CHECK(take_episode_mark("", pattern) == EpisodeMark{"", 0});
}

TEST_CASE("naming::episode_suffix")
{
  CHECK(mpcheck::naming::episode_suffix("（第{n}集）", 2) == "（第2集）");
  CHECK(mpcheck::naming::episode_suffix("_EP{n}", 12) == "_EP12");
}

TEST_CASE("naming::understood: a known category, whatever the separators")
{
  using mpcheck::naming::understood;
  CHECK(understood(parse_work_name("作品-微视频-单位.mp4", changzhou)));
  CHECK(understood(parse_work_name("作品_微视频_单位.mp4", changzhou)));
  CHECK(understood(parse_work_name("作品－微视频－单位.mp4", changzhou)));
  CHECK(understood(parse_work_name("作品-某类-单位.mp4", no_categories)));
  // A camera's or a messenger's name splits into three parts, none of them a category.
  const ParseResult camera = parse_work_name("VID_20240801_123456.mp4", changzhou);
  CHECK(camera.problem == "separator"); // still reported as the separator it looks like
  CHECK_FALSE(camera.known_category);
  CHECK_FALSE(understood(camera));
  CHECK_FALSE(understood(parse_work_name("VID-20240801-WA0003.mp4", changzhou)));
  CHECK_FALSE(understood(parse_work_name("作品－宣传片－单位.mp4", changzhou)));
  CHECK_FALSE(understood(parse_work_name("作品.mp4", changzhou)));
  CHECK_FALSE(understood(parse_work_name("作品--微视频-单位.mp4", changzhou)));
}
