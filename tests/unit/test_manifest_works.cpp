#include "mpcheck/manifest/works.hpp"

#include <set>

#include <doctest/doctest.h>

#include "mpcheck/rules/loader.hpp"

using mpcheck::manifest::parse_manifest;

namespace {

const mpcheck::rules::RuleSet& changzhou()
{
  static const auto r = mpcheck::rules::load_rules("changzhou-2024");
  return r;
}

const std::set<std::string> present = {"/src/a-sub.mp4", "/src/a.mp4", "/src/poster.jpg",
                                       "/src/qr.png", "/src/a.docx"};

mpcheck::manifest::Manifest parse(const std::string& yaml, mpcheck::Lang lang = mpcheck::Lang::zh)
{
  mpcheck::manifest::SourceBound bound;
  bound.lang = lang;
  return parse_manifest(
      yaml, "works.yaml", "/src", changzhou(),
      [](const std::string& p) { return present.count(p) > 0; }, bound);
}

// Every problem of the manifest, each "FILE:LINE:COL: MESSAGE".
std::vector<std::string> problems_of(const std::string& yaml,
                                     mpcheck::Lang lang = mpcheck::Lang::zh)
{
  try {
    parse(yaml, lang);
  } catch (const mpcheck::manifest::ManifestError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems())
      out.push_back(p.what());
    return out;
  }
  return {};
}

// The first problem, in Chinese (the default) or English.
std::string error_of(const std::string& yaml, mpcheck::Lang lang = mpcheck::Lang::zh)
{
  const auto all = problems_of(yaml, lang);
  return all.empty() ? "no error" : all.front();
}

std::string error_en(const std::string& yaml)
{
  return error_of(yaml, mpcheck::Lang::en);
}

} // namespace

TEST_CASE("manifest::parse_manifest reads a complete manifest")
{
  const auto m = parse(R"(unit: 钟楼区委组织部
contact: 张三
phone: "0519-85680635"
works:
  - title: 奋斗者之歌
    category: 微视频
    files:
      subtitled: a-sub.mp4
      clean: a.mp4
      script: a.docx
    producer: 钟楼区融媒体中心
    creators: 张三、李四
    summary: 讲述基层党员的故事。
  - title: 微光
    category: 新媒体作品
    files: {poster: poster.jpg, qr: qr.png}
    type: 微信推文
    platform: 龙城先锋
    reach: 阅读量 1.2 万
)");
  CHECK(m.unit == "钟楼区委组织部");
  CHECK(m.phone == "0519-85680635");
  REQUIRE(m.works.size() == 2);
  CHECK(m.works[0].files.subtitled == "a-sub.mp4");
  CHECK(m.resolve(m.works[0].files.clean) == "/src/a.mp4");
  CHECK(m.works[0].line == 5);
  CHECK(m.works[1].new_media_type == "微信推文");
  CHECK(m.works[1].files.qr == "qr.png");
}

TEST_CASE("manifest::parse_manifest errors name the line and column")
{
  CHECK(error_en("unit: 单位\nworks:\n  - title: 甲\n    category: 微视屏\n") ==
        "works.yaml:4:15: unknown category '微视屏', did you mean '微视频'?");
  CHECK(error_en("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    producr: x\n") ==
        "works.yaml:5:5: unknown key 'producr', did you mean 'producer'?");
  CHECK(error_en("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files: {video: "
                 "nope.mp4}\n") ==
        "works.yaml:5:20: file 'nope.mp4' not found (relative paths start at /src)");
  CHECK(error_en("unit: 单位\nworks:\n  - title: 甲?\n    category: 微视频\n") ==
        "works.yaml:3:12: the title '甲?' cannot be a file name on Windows or a USB drive "
        "(characters Windows and FAT drives forbid: ?); "
        "suggestion: '甲？'");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲/乙\n    category: 微视频\n") ==
        "works.yaml:3:12: 作品名 '甲/乙' 不能用作 Windows 或U盘上的文件名（含有 "
        "Windows/U盘不允许的字符："
        "/）；建议改为 '甲／乙'");
  // Spaces around a quoted title are dropped: they would begin the file name.
  CHECK(parse("unit: 单位\nworks:\n  - title: \" 丁\u3000\"\n    category: 微视频\n")
            .works.front()
            .title == "丁");
  CHECK(
      error_en(
          "unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files: {clean: a.mp4}\n") ==
      "works.yaml:5:12: a pair needs both 'subtitled' and 'clean'");
  CHECK(error_en("works: []\n") == "works.yaml:1:1: the manifest needs 'unit' (报送单位)");
  CHECK(error_en("unit: 单位\nworks:\n  - {title: 甲, category: 微视频}\n  - {title: 甲, category: "
                 "微视频}\n") == "works.yaml:4:5: the work '甲' is listed twice (first at line 3)");
  CHECK(error_of("unit: [\n").starts_with("works.yaml:"));
  // A title whose file name would pass 255 bytes is said at the title, with by how much.
  std::string chinese;
  for (int i = 0; i < 77; ++i)
    chinese += "长";
  CHECK(
      error_en("unit: 钟楼区委组织部\nworks:\n  - {title: " + chinese + ", category: 微视频}\n") ==
      "works.yaml:3:13: the title is too long: named as the notice asks, the work's file name "
      "would have 282 bytes, and file systems hold at most 255; shorten the title by at least "
      "9 Chinese characters");
  CHECK(error_of("unit: 钟楼区委组织部\nworks:\n  - {title: " + chinese.substr(0, 3 * 68) +
                 ", category: 微视频}\n") == "no error");
  // Two titles init left TODO are each said to be TODO, not "listed twice" as well.
  const auto todos = problems_of("unit: 单位\nworks:\n  - {title: TODO, category: 微视频}\n"
                                 "  - {title: TODO, category: 微视频}\n",
                                 mpcheck::Lang::en);
  CHECK(todos.size() == 2);
  for (const auto& p : todos)
    CHECK(p.find("listed twice") == std::string::npos);
  CHECK(error_en("unit: 单位\nworks:\n  - {title: 甲, category: 微视频, producer: TODO}\n") ==
        "works.yaml:3:41: 'producer' is still TODO: fill it in (mpcheck init left it for you)");
  // The count of episodes the forms print and the files listed agree.
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 纪录片\n    episodes: 5\n"
                 "    files: {episodes: [a.mp4, a-sub.mp4, poster.jpg]}\n") ==
        "works.yaml:5:15: 写的是 5 集，但 files 的 episodes 列出了 3 "
        "个文件：两者应一致（汇总表按这里的集数填写）");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 纪录片\n    episodes: 3\n"
                 "    files: {episodes: [a.mp4, a-sub.mp4, poster.jpg]}\n") == "no error");
  // A series of pairs: each episode's two versions; not mixed with single files.
  const auto series = parse("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n"
                            "    files:\n      episodes:\n"
                            "        - {subtitled: a-sub.mp4, clean: a.mp4}\n"
                            "        - {subtitled: poster.jpg, clean: qr.png}\n");
  CHECK(series.works.front().files.episodes == std::vector<std::string>{"a-sub.mp4", "poster.jpg"});
  CHECK(series.works.front().files.clean_episodes == std::vector<std::string>{"a.mp4", "qr.png"});
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files:\n"
                 "      episodes: [{subtitled: a-sub.mp4, clean: a.mp4}, poster.jpg]\n")
            .find("episodes 里要么每集一个文件") != std::string::npos);
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files:\n"
                 "      episodes: [{subtitled: a-sub.mp4}]\n")
            .find("每集要写 subtitled 和 clean 两个版本") != std::string::npos);
}

TEST_CASE("manifest::parse_manifest keeps every source inside the source folder")
{
  // A fake file system: /src/link.mp4 leads to /etc/shadow, /src/in.mp4 to /src/a.mp4.
  mpcheck::manifest::SourceBound bound;
  bound.root = "/src";
  bound.real_path = [](const std::string& p) {
    if (p == "/src/link.mp4")
      return std::string("/etc/shadow");
    if (p == "/src/in.mp4")
      return std::string("/src/a.mp4");
    return p;
  };
  const auto error = [&](const std::string& files, mpcheck::Lang lang = mpcheck::Lang::zh) {
    bound.lang = lang;
    try {
      parse_manifest(
          "unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files: " + files + "\n",
          "works.yaml", "/src", changzhou(), [](const std::string&) { return true; }, bound);
    } catch (const mpcheck::manifest::ManifestError& e) {
      return std::string(e.problems().front().what());
    }
    return std::string("no error");
  };
  CHECK(error("{video: a.mp4}") == "no error");
  CHECK(error("{video: in.mp4}") == "no error");
  CHECK(error("{video: sub/../a.mp4}") == "no error");
  CHECK(error("{script: /etc/passwd}")
            .starts_with(
                "works.yaml:5:21: 不接受绝对路径 '/etc/passwd'：请写相对于源文件夹 /src 的路径"));
  CHECK(error("{script: /etc/passwd}", mpcheck::Lang::en)
            .starts_with("works.yaml:5:21: absolute path '/etc/passwd' refused"));
  CHECK(error("{script: ../../etc/passwd}")
            .starts_with("works.yaml:5:21: '../../etc/passwd' 不在源文件夹 /src 之内"));
  CHECK(error("{video: link.mp4}")
            .starts_with("works.yaml:5:20: 'link.mp4' 是指向 /etc/shadow 的链接，不在源文件夹"));
  CHECK(error("{video: link.mp4}", mpcheck::Lang::en)
            .starts_with("works.yaml:5:20: 'link.mp4' is a link to /etc/shadow, outside the "
                         "source folder /src"));
  CHECK(error("{episodes: [a.mp4, ../x.mp4]}").starts_with("works.yaml:5:31: '../x.mp4' 不在"));
  // A prefix is not a parent: /srcx is not inside /src.
  CHECK(error("{video: ../srcx/a.mp4}").starts_with("works.yaml:5:20: '../srcx/a.mp4' 不在"));
  CHECK(mpcheck::manifest::is_within("/src/a", "/src"));
  CHECK(mpcheck::manifest::is_within("/src", "/src"));
  CHECK_FALSE(mpcheck::manifest::is_within("/srcx/a", "/src"));
  CHECK(mpcheck::manifest::is_within("/etc", "/"));
}

TEST_CASE("manifest::parse_manifest reads lectures and lecturers, outside the works")
{
  const auto m = parse(R"(unit: 修武县委宣传部
works:
  - title: 我和我的祖国
    category: 微视频
    speaker: 张三
    date: 2019-06-12
    content: 主要内容。
    discussion: 讨论交流。
lectures:
  - speaker: 李明
    position: 支部书记
    title: 弘扬伟大建党精神
    date: 2019-06-12
    audience: "45"
    content: 建党精神的内涵。
    discussion: 提出三条建议。
  - {speaker: 王芳, date: 2019-07-03}
  - {speaker: 赵强}
lecturers:
  - name: 王芳
    gender: 女
    born: 1982-11
    unit: 民主街道党工委
    position: 组织委员
    phone: "13900000000"
)");
  REQUIRE(m.works.size() == 1);
  CHECK(m.works[0].content == "主要内容。");
  CHECK(m.works[0].discussion == "讨论交流。");
  REQUIRE(m.lectures.size() == 3);
  CHECK(m.lectures[0].speaker == "李明");
  CHECK(m.lectures[0].audience == "45");
  CHECK(m.lectures[0].discussion == "提出三条建议。");
  CHECK(m.lectures[1].date == "2019-07-03");
  CHECK(m.lectures[2].line == 18);
  REQUIRE(m.lecturers.size() == 1);
  CHECK(m.lecturers[0].born == "1982-11");
  CHECK(m.lecturers[0].phone == "13900000000");
}

TEST_CASE("manifest::parse_manifest errors in lectures and lecturers name the line and column")
{
  CHECK(error_of("unit: 单位\nlectures:\n  - {speaker: 李明, date: 2019-6-12}\n") ==
        "works.yaml:3:25: 'date' 应是日期 YYYY-MM-DD（如 2019-06-12），而不是 '2019-6-12'");
  CHECK(error_of("unit: 单位\nlectures:\n  - {speaker: 李明, date: 2019-02-30}\n")
            .starts_with("works.yaml:3:25: 'date' 应是日期"));
  CHECK(error_en("unit: 单位\nlectures:\n  - speaker: 李明\n    speeker: x\n") ==
        "works.yaml:4:5: unknown key 'speeker', did you mean 'speaker'?");
  CHECK(error_of("unit: 单位\nlectures:\n  - {title: 无名}\n") ==
        "works.yaml:3:5: 讲课记录需要 'speaker'（讲课人姓名）");
  CHECK(error_en("unit: 单位\nlectures:\n  - {speaker: TODO}\n") ==
        "works.yaml:3:15: 'speaker' is still TODO: fill it in (mpcheck init left it for you)");
  CHECK(error_of("unit: 单位\nlecturers:\n  - {name: 王芳, born: 1982年11月}\n") ==
        "works.yaml:3:22: 'born' 应是年月 YYYY-MM（如 1975-03），而不是 '1982年11月'");
  CHECK(error_of("unit: 单位\nlecturers:\n  - {name: 王芳, born: 1982-13}\n")
            .starts_with("works.yaml:3:22: 'born' 应是年月"));
  CHECK(error_of("unit: 单位\nlecturers:\n  - {name: 王芳, gender: female}\n") ==
        "works.yaml:3:24: 'gender' 应是 男 或 女，而不是 'female'");
  CHECK(error_of("unit: 单位\nlecturers:\n  - {gender: 女}\n") ==
        "works.yaml:3:5: 宣讲员需要 'name'（姓名）");
  CHECK(error_of("unit: 单位\nworks:\n  - {title: 甲, category: 微视频, date: 六月}\n") ==
        "works.yaml:3:37: 'date' 应是日期 YYYY-MM-DD（如 2019-06-12），而不是 '六月'");
  CHECK(error_en("unit: 单位\nworks:\n  - {title: 甲, category: 微视频, discusion: x}\n") ==
        "works.yaml:3:31: unknown key 'discusion', did you mean 'discussion'?");
}

namespace {

const mpcheck::rules::RuleSet& jiaozuo()
{
  static const auto r = mpcheck::rules::load_rules("jiaozuo-2019");
  return r;
}

const std::set<std::string> jiaozuo_files = {"/src/课.mp4", "/src/课件.pptx", "/src/报告.docx",
                                             "/src/报告.txt", "/src/统计.xlsx"};

// Parses `yaml` under jiaozuo-2019 with SRC /src; the first problem, or "no error".
std::string jiaozuo_error(const std::string& yaml, mpcheck::Lang lang = mpcheck::Lang::zh)
{
  mpcheck::manifest::SourceBound bound;
  bound.lang = lang;
  bound.root = "/src";
  bound.real_path = [](const std::string& p) {
    return p == "/src/link.docx" ? std::string("/etc/passwd") : p;
  };
  try {
    parse_manifest(
        yaml, "works.yaml", "/src", jiaozuo(),
        [](const std::string& p) { return jiaozuo_files.count(p) > 0 || p == "/src/link.docx"; },
        bound);
  } catch (const mpcheck::manifest::ManifestError& e) {
    return e.problems().front().what();
  }
  return "no error";
}

} // namespace

TEST_CASE("manifest::parse_manifest reads the unit's documents, by the rule set's kinds")
{
  mpcheck::manifest::SourceBound bound;
  const auto m = parse_manifest(
      "unit: 解放区委宣传部\n"
      "documents:\n"
      "  情况报告: 报告.docx\n"
      "  附件1: 统计.xlsx\n" // an alias of 统计表: read as its kind
      "works:\n"
      "  - {title: 课, files: {video: 课.mp4, courseware: 课件.pptx}}\n",
      "works.yaml", "/src", jiaozuo(),
      [](const std::string& p) { return jiaozuo_files.count(p) > 0; }, bound);
  REQUIRE(m.documents.size() == 2);
  CHECK(m.documents[0].kind == "情况报告");
  CHECK(m.documents[0].path == "报告.docx");
  CHECK(m.documents[0].line == 3);
  CHECK(m.documents[1].kind == "统计表");
  CHECK(m.resolve(m.documents[1].path) == "/src/统计.xlsx");
  CHECK(mpcheck::manifest::is_generated_form("统计表"));
  CHECK_FALSE(mpcheck::manifest::is_generated_form("情况报告"));
  CHECK(mpcheck::manifest::work_file_key("课件") == "courseware");
  CHECK(mpcheck::manifest::work_file_key("解说词") == "script");
  CHECK(mpcheck::manifest::work_file_key("情况报告") == "");
}

TEST_CASE("manifest::parse_manifest errors in documents name the line and column")
{
  const std::string unit = "unit: 解放区委宣传部\ndocuments:\n";
  CHECK(jiaozuo_error(unit + "  情况报告: 报告.docx\n") == "no error");
  CHECK(jiaozuo_error(unit + "  情况汇报: 报告.docx\n") ==
        "works.yaml:3:3: 通知没有叫“情况汇报”的文档，您是不是要写“情况报告”？documents "
        "下可写：统计表、师资库统计表、情况报告");
  CHECK(jiaozuo_error(unit + "  总结: 报告.docx\n") ==
        "works.yaml:3:3: 通知没有叫“总结”的文档；documents 下可写：统计表、师资库统计表、情况报告");
  CHECK(jiaozuo_error(unit + "  情况汇报: 报告.docx\n", mpcheck::Lang::en) ==
        "works.yaml:3:3: the notice names no document '情况汇报', did you mean '情况报告'? "
        "documents takes: 统计表, 师资库统计表, 情况报告");
  CHECK(jiaozuo_error(unit + "  课件: 课件.pptx\n") ==
        "works.yaml:3:3: “课件”是每个作品各自的文档，不写在 documents 下：写在这个作品的 files 下 "
        "courseware: 文件的路径");
  CHECK(jiaozuo_error(unit + "  情况报告: 报告.docx\n  示范宣讲情况报告: 报告.docx\n") ==
        "works.yaml:4:3: “情况报告”写了两次（第一次在第 3 行）");
  CHECK(jiaozuo_error(unit + "  情况报告: \"TODO\"\n") ==
        "works.yaml:3:9: '情况报告' 还是 TODO：请填写（mpcheck init 留给您填的），"
        "写上文件的路径（相对于 works.yaml 所在的文件夹）");
  CHECK(jiaozuo_error(unit + "  情况报告: 没有.docx\n") ==
        "works.yaml:3:9: 找不到文件 '没有.docx'（相对路径从 /src 算起）");
  CHECK(jiaozuo_error(unit + "  情况报告: 报告.txt\n") ==
        "works.yaml:3:9: 通知要的情况报告是 .docx .doc .wps .pdf 文件，而“报告.txt”不是");
  CHECK(jiaozuo_error(unit + "  情况报告: [报告.docx]\n").starts_with("works.yaml:3:9: "));
  CHECK(jiaozuo_error("unit: 单位\ndocuments: 报告.docx\n")
            .starts_with("works.yaml:2:12: 应为单位的文档（一组“文档: 路径”"));
  // Untrusted paths: the same bound as every source.
  CHECK(jiaozuo_error(unit + "  情况报告: /etc/passwd\n")
            .starts_with("works.yaml:3:9: 不接受绝对路径 '/etc/passwd'"));
  CHECK(jiaozuo_error(unit + "  情况报告: ../etc/passwd.docx\n")
            .starts_with("works.yaml:3:9: '../etc/passwd.docx' 不在源文件夹 /src 之内"));
  CHECK(jiaozuo_error(unit + "  情况报告: link.docx\n")
            .starts_with("works.yaml:3:9: 'link.docx' 是指向 /etc/passwd 的链接"));
  // A rule set that asks for no document of the unit takes none.
  CHECK(error_of("unit: 单位\ndocuments:\n  情况报告: a.docx\n") ==
        "works.yaml:3:3: 通知没有叫“情况报告”的文档；documents 下可写：报名表、汇总表");
  // Work files left TODO by init say so, not "not found".
  CHECK(jiaozuo_error("unit: 单位\nworks:\n  - {title: 课, files: {video: 课.mp4, courseware: "
                      "TODO}}\n") ==
        "works.yaml:3:50: 'courseware' 还是 TODO：请填写（mpcheck init 留给您填的），"
        "写上文件的路径（相对于 works.yaml 所在的文件夹）");
}

TEST_CASE("manifest::parse_manifest says its problems in Chinese by default, with suggestions")
{
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视屏\n") ==
        "works.yaml:4:15: 未知的分类 '微视屏'，您是不是要写 '微视频'？");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    producr: x\n") ==
        "works.yaml:5:5: 未知的键 'producr'，您是不是要写 'producer'？");
  CHECK(
      error_of("unit: 单位\nworks:\n  - {title: 甲, category: TODO}\n")
          .starts_with("works.yaml:3:26: 'category' 还是 TODO：请填写（mpcheck init 留给您填的），"
                       "可选：典型事迹片、"));
  CHECK(error_of("unit: 单位\nworks:\n  - {title: TODO, category: 微视频}\n") ==
        "works.yaml:3:13: 'title' 还是 TODO：请填写（mpcheck init 留给您填的）");
  CHECK(error_of("works: []\n") == "works.yaml:1:1: 清单需要 'unit'（报送单位）");
}

TEST_CASE("manifest::parse_manifest reports every problem of the file in one pass, in file order")
{
  const std::string yaml = "unit: TODO\n"                                 // 1
                           "contact: 张三\n"                              // 2
                           "works:\n"                                     // 3
                           "  - title: 甲\n"                              // 4
                           "    category: 微视屏\n"                       // 5
                           "    files: {video: nope.mp4, clean: a.mp4}\n" // 6
                           "    producr: TODO\n"                          // 7
                           "  - title: 乙\n"                              // 8
                           "    category: TODO\n"                         // 9
                           "    summary: TODO\n"                          // 10
                           "  - {category: 微视频}\n"                     // 11
                           "  - {title: 丙, category: 微视频}\n"          // 12
                           "  - {title: 丙, category: 微视频}\n";         // 13
  const auto all = problems_of(yaml);
  REQUIRE(all.size() == 9);
  CHECK(all[0].starts_with("works.yaml:1:7: 'unit' 还是 TODO"));
  CHECK(all[1].starts_with("works.yaml:5:15: 未知的分类 '微视屏'"));
  CHECK(all[2].starts_with("works.yaml:6:12: 成对的作品要同时给出"));
  CHECK(all[3].starts_with("works.yaml:6:20: 找不到文件 'nope.mp4'"));
  CHECK(all[4].starts_with("works.yaml:7:5: 未知的键 'producr'，您是不是要写 'producer'？"));
  CHECK(all[5].starts_with("works.yaml:9:15: 'category' 还是 TODO"));
  CHECK(all[6].starts_with("works.yaml:10:14: 'summary' 还是 TODO"));
  CHECK(all[7].starts_with("works.yaml:11:5: 作品需要 'title'"));
  CHECK(all[8] == "works.yaml:13:5: 作品 '丙' 列了两次（第一次在第 12 行）");
}

TEST_CASE("manifest::ManifestError shows each problem with its line and a caret, then the count")
{
  try {
    parse("unit: 单位\nworks:\n  - title: 甲\n    category: 微视屏\n    producr: x\n");
    FAIL("no error");
  } catch (const mpcheck::manifest::ManifestError& e) {
    CHECK(std::string(e.what()) ==
          "works.yaml:4:15: 未知的分类 '微视屏'，您是不是要写 '微视频'？\n"
          "    4 |     category: 微视屏\n"
          "      |               ^\n"
          "mpcheck：错误：works.yaml:5:5: 未知的键 'producr'，您是不是要写 'producer'？\n"
          "    5 |     producr: x\n"
          "      |     ^\n"
          "mpcheck：错误：works.yaml：共 2 处要改");
  }
  // A YAML syntax error stops the reading: it is the only problem.
  CHECK(problems_of("unit: [\n").size() == 1);
}

TEST_CASE("manifest::rename_in_manifest renames the file's values and drops init's TODO about it")
{
  using mpcheck::manifest::rename_in_manifest;
  const std::string from = "DSC_0012.MOV", to = "党旗下的誓言-微视频-钟楼区委组织部.mp4";
  const std::string text =
      "# 由 `mpcheck init` 生成：把每个 TODO 换成实际内容。DSC_0012.MOV 是相机的名字\n"
      "works:\n"
      "  - title: \"党旗下的誓言\"   # "
      "TODO：作品名（文件名“DSC_0012.MOV”不是“作品名-分类-报送单位”）\n"
      "    category: \"TODO\"   # TODO：填上面列出的分类之一\n"
      "    files:\n"
      "      video: \"素材/DSC_0012.MOV\"   # 原来在相机里叫 DSC_0012.MOV\n"
      "  - title: \"乙\"   # TODO：作品名（文件名“XDSC_0012.MOV”不是“作品名-分类-报送单位”）\n"
      "    files: {video: XDSC_0012.MOV, poster: 'DSC_0012.MOV.jpg'}\n";
  const std::string out = rename_in_manifest(text, from, to);
  // The value renamed; init's TODO about the old name gone, with the spaces before it.
  CHECK(out.find("      video: \"素材/" + to + "\"   # 原来在相机里叫 DSC_0012.MOV\n") !=
        std::string::npos);
  CHECK(out.find("  - title: \"党旗下的誓言\"\n") != std::string::npos);
  // Every other comment as it was: the header, another TODO, a TODO about another file.
  CHECK(out.find("DSC_0012.MOV 是相机的名字\n") != std::string::npos);
  CHECK(out.find("# TODO：填上面列出的分类之一\n") != std::string::npos);
  CHECK(out.find("# TODO：作品名（文件名“XDSC_0012.MOV”") != std::string::npos);
  // Never inside a longer name.
  CHECK(out.find("{video: XDSC_0012.MOV, poster: 'DSC_0012.MOV.jpg'}") != std::string::npos);
  // init's English comment too.
  CHECK(rename_in_manifest("  - title: \"A\"   # TODO: the title (the file name 'a.mov' is not "
                           "title-category-unit)\n    files: {video: a.mov}\n",
                           "a.mov", "A-微视频-单位.mp4") ==
        "  - title: \"A\"\n    files: {video: A-微视频-单位.mp4}\n");
  // A '#' inside a quoted value is no comment; a file no value names: nothing changes.
  CHECK(rename_in_manifest("video: \"a #1.mov\"  # TODO “a #1.mov”\n", "a #1.mov", "b.mp4") ==
        "video: \"b.mp4\"\n");
  const std::string only_comment = "title: x   # TODO：文件名“a.mov”\n";
  CHECK(rename_in_manifest(only_comment, "a.mov", "b.mp4") == only_comment);
}

TEST_CASE("manifest::lectures_of: lectures: when given, else one per work, with its place")
{
  const std::string works = "unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n"
                            "    summary: 简介\n    speaker: 李明\n";
  const auto from_works = mpcheck::manifest::lectures_of(parse(works));
  REQUIRE(from_works.size() == 1);
  CHECK(from_works[0].title == "甲");
  CHECK(from_works[0].content == "简介"); // the summary stands for the content
  CHECK(from_works[0].speaker == "李明");
  CHECK((from_works[0].line == 3 && from_works[0].column == 5));
  const auto given = mpcheck::manifest::lectures_of(
      parse(works + "lectures:\n  - title: 乙\n    speaker: 王芳\n"));
  REQUIRE(given.size() == 1);
  CHECK(given[0].title == "乙");
  CHECK(given[0].line == 8);
}
