#include "mpcheck/manifest/guess.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/loader.hpp"

using mpcheck::manifest::yaml_quote;

namespace {

// The category names of Changzhou's rules, as the name parser takes them.
std::vector<std::string> changzhou_categories()
{
  std::vector<std::string> out;
  for (const auto& c : mpcheck::rules::load_rules("changzhou-2024").categories)
    out.push_back(c.name);
  return out;
}

// A video of that name as the walk finds it, its name parsed.
mpcheck::SubmissionFile video(const std::string& name, const std::vector<std::string>& categories)
{
  mpcheck::SubmissionFile f;
  f.path = f.name = name;
  f.kind = mpcheck::FileKind::video;
  f.work_name = mpcheck::naming::parse_work_name(name, categories);
  return f;
}

} // namespace

TEST_CASE("manifest::yaml_quote writes one line that YAML reads back as the same text")
{
  CHECK(yaml_quote("片名") == "\"片名\"");
  CHECK(yaml_quote("a \"b\" c\\d") == "\"a \\\"b\\\" c\\\\d\"");
  CHECK(yaml_quote("第一行\n第二行") == "\"第一行\\n第二行\"");
  for (const std::string name :
       {std::string("片名\n-微视频-单位.mp4"), std::string("tab\there"), std::string("cr\rx"),
        std::string("esc\x1b[2J"), std::string("quote\"back\\slash"),
        std::string("# not a comment"), std::string("- not a list: {x}")}) {
    const std::string quoted = yaml_quote(name);
    CHECK(quoted.find('\n') == std::string::npos);
    CHECK(YAML::Load("title: " + quoted)["title"].as<std::string>() == name);
  }
}

TEST_CASE("manifest::guess_manifest writes the lists a notice's forms read as templates")
{
  const auto jiaozuo = mpcheck::rules::load_rules("jiaozuo-2019");
  const std::string text = mpcheck::manifest::guess_manifest({}, jiaozuo, "修武县委宣传部");
  REQUIRE(text.find("# lectures:\n") != std::string::npos);
  REQUIRE(text.find("# lecturers:\n") != std::string::npos);
  // The template, uncommented, is a valid manifest: one lecture, one lecturer.
  std::string uncommented = "unit: 修武县委宣传部\n";
  for (size_t at = text.find("# lectures:\n"); at < text.size();) {
    const size_t end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    if (line.starts_with("# lecture") || line.starts_with("#   "))
      uncommented += line.substr(2) + "\n";
    at = end + 1;
  }
  const auto m = mpcheck::manifest::parse_manifest(uncommented, "works.yaml", "/src", jiaozuo,
                                                   [](const std::string&) { return true; });
  REQUIRE(m.lectures.size() == 1);
  CHECK(m.lectures[0].date == "2019-06-12");
  REQUIRE(m.lecturers.size() == 1);
  CHECK(m.lecturers[0].born == "1982-11");
  // A notice without those forms gets no template.
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  CHECK(mpcheck::manifest::guess_manifest({}, changzhou, "单位").find("lectures") ==
        std::string::npos);
}

TEST_CASE("manifest::guess_manifest writes its comments in Chinese, or English when asked")
{
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  const std::string zh = mpcheck::manifest::guess_manifest({}, changzhou, "");
  CHECK(zh.find("# 由 `mpcheck init` 生成：把每个 TODO 换成实际内容") != std::string::npos);
  CHECK(zh.find("# 可选分类： 典型事迹片") != std::string::npos);
  CHECK(zh.find("# TODO：报送单位全称") != std::string::npos);
  CHECK(zh.find("Written by") == std::string::npos);
  const std::string en = mpcheck::manifest::guess_manifest({}, changzhou, "", mpcheck::Lang::en);
  CHECK(en.find("# Written by `mpcheck init`") != std::string::npos);
  CHECK(en.find("# Categories: 典型事迹片") != std::string::npos);
}

TEST_CASE("manifest::guess_manifest makes one work of two versions named by hand")
{
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  const std::vector<std::string> categories = changzhou_categories();
  const auto file = [&categories](const std::string& name) { return video(name, categories); };
  // A phone's clip and the editor's export of it with subtitles, in either order.
  for (const bool bare_first : {true, false}) {
    mpcheck::Submission sub;
    if (bare_first)
      sub.files = {file("VID_20240501_123456.mp4"), file("VID_20240501_123456_字幕版.mp4")};
    else
      sub.files = {file("VID_20240501_123456（有字幕）.mp4"), file("VID_20240501_123456.mp4")};
    sub.files.push_back(file("mmexport1714538400000.mp4"));
    const std::string text = mpcheck::manifest::guess_manifest(sub, changzhou, "单位");
    CAPTURE(text);
    CHECK(text.find(bare_first
                        ? "subtitled: \"VID_20240501_123456_字幕版.mp4\""
                        : "subtitled: \"VID_20240501_123456（有字幕）.mp4\"") != std::string::npos);
    CHECK(text.find("clean: \"VID_20240501_123456.mp4\"") != std::string::npos);
    CHECK(text.find("video: \"VID_20240501_123456.mp4\"") == std::string::npos);
    CHECK(text.find("video: \"mmexport1714538400000.mp4\"") != std::string::npos);
  }
  // A clean version marked as such: the bare one is the subtitled version.
  mpcheck::Submission sub;
  sub.files = {file("党课录像.mp4"), file("党课录像-纯净版.mp4")};
  const std::string text = mpcheck::manifest::guess_manifest(sub, changzhou, "单位");
  CAPTURE(text);
  CHECK(text.find("clean: \"党课录像-纯净版.mp4\"") != std::string::npos);
  CHECK(text.find("subtitled: \"党课录像.mp4\"") != std::string::npos);
  // Two unrelated clips stay two works.
  mpcheck::Submission two;
  two.files = {file("VID_1.mp4"), file("VID_12.mp4")};
  const std::string apart = mpcheck::manifest::guess_manifest(two, changzhou, "单位");
  CHECK(apart.find("video: \"VID_1.mp4\"") != std::string::npos);
  CHECK(apart.find("video: \"VID_12.mp4\"") != std::string::npos);
}

TEST_CASE("manifest::guess_manifest asks for the second version where the notice wants two")
{
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  const std::vector<std::string> categories = changzhou_categories();
  const auto one = [&](const std::string& name, const mpcheck::rules::RuleSet& rules,
                       mpcheck::Lang lang = mpcheck::Lang::zh) {
    mpcheck::Submission sub;
    sub.files = {video(name, categories)};
    return mpcheck::manifest::guess_manifest(sub, rules, "单位", lang);
  };
  const std::string todo =
      "\"TODO\"   # TODO：通知要求有字幕和无字幕两个版本，这里填另一个版本的文件";
  // 微视频 asks for both: the file under the key its name gives, a TODO pack refuses for the
  // other.
  const std::string clean = one("甲-微视频-单位（无字幕）.mp4", changzhou);
  CAPTURE(clean);
  CHECK(clean.find("      subtitled: " + todo +
                   "（有字幕版）\n      clean: \"甲-微视频-单位（无字幕）.mp4\"\n") !=
        std::string::npos);
  const std::string subtitled = one("甲-微视频-单位 字幕版.mp4", changzhou);
  CHECK(subtitled.find("      subtitled: \"甲-微视频-单位 字幕版.mp4\"\n      clean: " + todo +
                       "（无字幕版）\n") != std::string::npos);
  // A name that says no version: under subtitled:, and said so.
  const std::string bare = one("甲-微视频-单位.mp4", changzhou);
  CAPTURE(bare);
  CHECK(
      bare.find("      subtitled: \"甲-微视频-单位.mp4\"\n      clean: " + todo +
                "（文件名看不出上一行的文件是哪个版本：它没有字幕的话，把这两行开头的 subtitled 和 "
                "clean 对调）\n") != std::string::npos);
  CHECK(bare.find("video:") == std::string::npos);
  // What init writes, pack's parser reads: the TODO is refused at its line.
  CHECK(YAML::Load(bare)["works"][0]["files"]["clean"].as<std::string>() == "TODO");
  const std::string en = one("甲-微视频-单位.mp4", changzhou, mpcheck::Lang::en);
  CHECK(en.find("      clean: \"TODO\"   # TODO: the notice asks for a subtitled and a clean "
                "version; the other version's file goes here (the name does not say which "
                "version the file above is") != std::string::npos);
  // A category of one version: video:, a marked file too (a lone clean: pack refuses), no TODO.
  CHECK(
      one("乙-典型事迹片-单位.mp4", changzhou).find("      video: \"乙-典型事迹片-单位.mp4\"\n") !=
      std::string::npos);
  const std::string marked = one("乙-典型事迹片-单位（无字幕）.mp4", changzhou);
  CHECK(marked.find("      video: \"乙-典型事迹片-单位（无字幕）.mp4\"\n") != std::string::npos);
  CHECK(marked.find("clean:") == std::string::npos);
  // The category not known yet, only 微视频 asking for two: video:, with what to change if it
  // is 微视频.
  const std::string unknown = one("初心如磐（定稿）.mp4", changzhou);
  CAPTURE(unknown);
  CHECK(unknown.find(
            "      video: \"初心如磐（定稿）.mp4\"   # TODO：分类是微视频的话，通知要求有字幕和"
            "无字幕两个版本。文件名看不出这是哪个版本：") != std::string::npos);
  CHECK(unknown.find("\n      clean:") == std::string::npos);
  // A rule set that never asks for two: video: and nothing about versions.
  const std::string liaoning = one("初心如磐.mp4", mpcheck::rules::load_rules("liaoning-2023"));
  CHECK(liaoning.find("      video: \"初心如磐.mp4\"\n") != std::string::npos);
  CHECK(liaoning.find("字幕") == std::string::npos);
}

TEST_CASE("manifest::guess_manifest lists a series' two versions episode by episode")
{
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  const std::vector<std::string> categories = changzhou_categories();
  mpcheck::Submission sub;
  for (int n : {1, 2})
    for (const std::string v : {"（有字幕）", "（无字幕）"}) {
      mpcheck::SubmissionFile f =
          video("微课堂（第" + std::to_string(n) + "集）-微视频-单位" + v + ".mp4", categories);
      f.work_name->name.title = "微课堂";
      f.episode = n;
      sub.files.push_back(f);
    }
  const std::string text = mpcheck::manifest::guess_manifest(sub, changzhou, "单位");
  CAPTURE(text);
  CHECK(text.find("        - {subtitled: \"微课堂（第1集）-微视频-单位（有字幕）.mp4\", clean: "
                  "\"微课堂（第1集）-微视频-单位（无字幕）.mp4\"}") != std::string::npos);
  CHECK(text.find("（第2集）-微视频-单位（无字幕）.mp4") != std::string::npos);
  // One episode without its clean version: listed by file, and the clean one said, not lost.
  sub.files.erase(sub.files.begin() + 1); // episode 1's clean version
  const std::string half = mpcheck::manifest::guess_manifest(sub, changzhou, "单位");
  CAPTURE(half);
  CHECK(half.find("        - \"微课堂（第1集）-微视频-单位（有字幕）.mp4\"") != std::string::npos);
  CHECK(half.find("# TODO：第 2 集的无字幕版") != std::string::npos);
}

TEST_CASE("manifest::guess_manifest suggests titles without draft marks, saying what it left out")
{
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  const std::vector<std::string> categories = changzhou_categories();
  const auto file = [&categories](const std::string& name) { return video(name, categories); };
  mpcheck::Submission sub;
  sub.files = {file("初心如磐（定稿）.mp4"), file("奋斗者之歌 最终版.mp4")};
  const std::string zh = mpcheck::manifest::guess_manifest(sub, changzhou, "单位");
  CAPTURE(zh);
  CHECK(zh.find("  - title: \"初心如磐\"   # "
                "请核对：文件名里的“（定稿）”是草稿或版本字样，没有写进作品名\n") !=
        std::string::npos);
  CHECK(zh.find("  - title: \"奋斗者之歌\"   # 请核对：文件名里的“最终版”是草稿或版本字样") !=
        std::string::npos);
  CHECK(zh.find("video: \"初心如磐（定稿）.mp4\"") != std::string::npos); // the file as it is
  const std::string en =
      mpcheck::manifest::guess_manifest(sub, changzhou, "单位", mpcheck::Lang::en);
  CHECK(en.find("  - title: \"初心如磐\"   # check: '（定稿）' in the file name is a draft or "
                "version mark, left out of the title\n") != std::string::npos);
  // Two versions, one with the mark: one work of the two.
  mpcheck::Submission pair;
  pair.files = {file("初心如磐（定稿）（有字幕）.mp4"), file("初心如磐（无字幕）.mp4")};
  const std::string one = mpcheck::manifest::guess_manifest(pair, changzhou, "单位");
  CAPTURE(one);
  CHECK(one.find("subtitled: \"初心如磐（定稿）（有字幕）.mp4\"") != std::string::npos);
  CHECK(one.find("clean: \"初心如磐（无字幕）.mp4\"") != std::string::npos);
  CHECK(one.find("  - title: ") == one.rfind("  - title: "));
  // A copy beside its original would take the original's place: both keep their titles.
  mpcheck::Submission copy;
  copy.files = {file("初心如磐.mp4"), file("初心如磐 - 副本.mp4")};
  const std::string kept = mpcheck::manifest::guess_manifest(copy, changzhou, "单位");
  CAPTURE(kept);
  CHECK(kept.find("  - title: \"初心如磐 - 副本\"\n") != std::string::npos);
  CHECK(kept.find("  - title: \"初心如磐\"\n") != std::string::npos);
  CHECK(kept.find("请核对") == std::string::npos);
}

TEST_CASE("manifest::guess_manifest writes a line for each document the notice asks of a work")
{
  const auto jiaozuo = mpcheck::rules::load_rules("jiaozuo-2019");
  mpcheck::Submission sub;
  sub.files = {video("讲课录像.mp4", {})};
  const std::string text = mpcheck::manifest::guess_manifest(sub, jiaozuo, "解放区委宣传部");
  CAPTURE(text);
  // A PPT is required of every lecture: its key with a TODO pack refuses until filled.
  CHECK(text.find("      courseware: \"TODO\"   # TODO：课件的文件（.pptx/.ppt/.dps），"
                  "通知要求每部作品都有\n") != std::string::npos);
  CHECK(text.find("script") == std::string::npos); // jiaozuo asks for no 解说词
  // Changzhou asks a 解说词 of every work; liaoning asks no document of a work.
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  CHECK(mpcheck::manifest::guess_manifest(sub, changzhou, "单位")
            .find("      script: \"TODO\"   # TODO：解说词的文件（.docx/.doc）") !=
        std::string::npos);
  const auto liaoning = mpcheck::rules::load_rules("liaoning-2023");
  const std::string none = mpcheck::manifest::guess_manifest(sub, liaoning, "单位");
  CHECK(none.find("script") == std::string::npos);
  CHECK(none.find("courseware") == std::string::npos);
  // Only encouraged (an info): a comment to fill in when there is one.
  const auto branch = mpcheck::rules::load_rules("branch-everyone");
  CHECK(mpcheck::manifest::guess_manifest(sub, branch, "单位")
            .find("      # courseware: \"课件.pptx\"   # TODO：有课件时去掉行首的 # 并填写\n") !=
        std::string::npos);
  // The file found is written as it is.
  mpcheck::SubmissionFile slides;
  slides.path = slides.name = "讲课录像课件.pptx";
  slides.kind = mpcheck::FileKind::courseware;
  sub.files.push_back(slides);
  const std::string found = mpcheck::manifest::guess_manifest(sub, jiaozuo, "解放区委宣传部");
  CHECK(found.find("      courseware: \"讲课录像课件.pptx\"\n") != std::string::npos);
  CHECK(found.find("courseware: \"TODO\"") == std::string::npos);
}

TEST_CASE("manifest::guess_manifest writes the unit's documents the notice asks of it")
{
  const auto jiaozuo = mpcheck::rules::load_rules("jiaozuo-2019");
  // A 区委宣传部 hands in a 情况报告; pack makes the 统计表 and 师资库统计表 itself.
  const std::string text = mpcheck::manifest::guess_manifest({}, jiaozuo, "解放区委宣传部");
  CAPTURE(text);
  CHECK(text.find("\ndocuments:   # 单位的文档（不属于哪个作品），路径同作品的文件\n"
                  "  情况报告: \"TODO\"   # TODO：情况报告的文件（.docx/.doc/.wps/.pdf），"
                  "打包后名为“情况报告-解放区委宣传部.docx”\nworks:\n") != std::string::npos);
  CHECK(text.find("  统计表:") == std::string::npos);
  // Filled in, it reads back as the unit's document.
  const size_t from = text.find("\ndocuments:") + 1;
  std::string filled = "unit: 解放区委宣传部\n" + text.substr(from, text.find("works:") - from);
  filled.replace(filled.find("情况报告: \"TODO\""), std::string("情况报告: \"TODO\"").size(),
                 "情况报告: \"报告.docx\"");
  const auto m = mpcheck::manifest::parse_manifest(filled, "works.yaml", "/src", jiaozuo,
                                                   [](const std::string&) { return true; });
  REQUIRE(m.documents.size() == 1);
  CHECK(m.documents[0].path == "报告.docx");
  // The English comment.
  CHECK(mpcheck::manifest::guess_manifest({}, jiaozuo, "解放区委宣传部", mpcheck::Lang::en)
            .find("  情况报告: \"TODO\"   # TODO: the 情况报告 file (.docx/.doc/.wps/.pdf), packed "
                  "as '情况报告-解放区委宣传部.docx'\n") != std::string::npos);
  // Another unit is not asked for it; a unit not known yet gets it as a comment.
  CHECK(mpcheck::manifest::guess_manifest({}, jiaozuo, "市教育局").find("情况报告") ==
        std::string::npos);
  const std::string unknown = mpcheck::manifest::guess_manifest({}, jiaozuo, "");
  CHECK(unknown.find("\n# documents:") != std::string::npos);
  CHECK(unknown.find("#   情况报告: \"TODO\"   # TODO：仅县委宣传部、市委宣传部、区委宣传部报送；"
                     "是这类单位时去掉行首的 # 并填写\n") != std::string::npos);
  // The report in the folder is written in.
  mpcheck::SubmissionFile report;
  report.path = "文本/情况报告-解放区委宣传部.docx";
  report.name = "情况报告-解放区委宣传部.docx";
  report.kind = mpcheck::FileKind::document;
  mpcheck::Submission sub;
  sub.files = {report};
  CHECK(mpcheck::manifest::guess_manifest(sub, jiaozuo, "解放区委宣传部")
            .find("\ndocuments:   # 单位的文档（不属于哪个作品），路径同作品的文件\n"
                  "  情况报告: \"文本/情况报告-解放区委宣传部.docx\"\n") != std::string::npos);
  // A notice that asks no document of the unit beyond the forms: no documents key.
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  CHECK(mpcheck::manifest::guess_manifest({}, changzhou, "单位").find("documents") ==
        std::string::npos);
}

TEST_CASE("manifest::guess_manifest writes a lecture of the 授课记录 for each work")
{
  const auto branch = mpcheck::rules::load_rules("branch-everyone");
  mpcheck::Submission sub;
  auto lesson = video("红色足迹.mp4", {});
  lesson.facts.container.emplace().creation_time = "2024-05-01T08:00:00.000000Z";
  sub.files.push_back(lesson);
  sub.files.push_back(video("VID_0001.mp4", {}));
  const std::string text = mpcheck::manifest::guess_manifest(sub, branch, "第一党支部");
  CAPTURE(text);
  const size_t at = text.find("\nlectures:\n");
  REQUIRE(at != std::string::npos);
  CHECK(text.substr(at) ==
        "\nlectures:\n"
        "  - title: \"红色足迹\"   # 授课主题（取自作品名，请核对）\n"
        "    date: \"2024-05-01\"   # 授课时间（取自录像文件里记下的拍摄日期，请核对）\n"
        "    speaker: \"TODO\"   # TODO：授课人姓名\n"
        "    # position: 支部书记   # 授课人的职务（可不写；写了表上印作“姓名（职务）”）\n"
        "    content: \"TODO\"   # TODO：主要内容（讲了哪些要点）\n"
        "    audience: \"TODO\"   # TODO：参与人员（如：第一党小组全体党员（12人））\n"
        "    discussion: \"TODO\"   # TODO：讨论交流情况（大家谈了什么体会、建议）\n"
        "  - title: \"TODO\"   # TODO：授课主题（同上面这部作品的作品名）\n"
        "    date: \"TODO\"   # TODO：授课时间（YYYY-MM-DD，如 2024-05-01）\n"
        "    speaker: \"TODO\"   # TODO：授课人姓名\n"
        "    # position: 支部书记   # 授课人的职务（可不写；写了表上印作“姓名（职务）”）\n"
        "    content: \"TODO\"   # TODO：主要内容（讲了哪些要点）\n"
        "    audience: \"TODO\"   # TODO：参与人员（如：第一党小组全体党员（12人））\n"
        "    discussion: \"TODO\"   # TODO：讨论交流情况（大家谈了什么体会、建议）\n");
  // Filled in, it reads back as the lectures of the record.
  std::string filled = text;
  for (size_t p; (p = filled.find("\"TODO\"")) != std::string::npos;)
    filled.replace(p, 6, "\"x\"");
  filled.replace(filled.find("date: \"x\""), 9, "date: 2024-05-02");
  const auto m = mpcheck::manifest::parse_manifest(filled, "works.yaml", "/src", branch,
                                                   [](const std::string&) { return true; });
  REQUIRE(m.lectures.size() == 2);
  CHECK(m.lectures[0].title == "红色足迹");
  CHECK(m.lectures[0].date == "2024-05-01");
  CHECK(m.lectures[1].date == "2024-05-02");
  // In English, and not for a notice without the record.
  CHECK(mpcheck::manifest::guess_manifest(sub, branch, "u", mpcheck::Lang::en)
            .find("    speaker: \"TODO\"   # TODO: the speaker's name\n") != std::string::npos);
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  CHECK(mpcheck::manifest::guess_manifest(sub, changzhou, "u").find("speaker") ==
        std::string::npos);
}
