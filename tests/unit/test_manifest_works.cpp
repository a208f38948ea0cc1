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

mpcheck::manifest::Manifest parse(const std::string& yaml)
{
  return parse_manifest(yaml, "works.yaml", "/src", changzhou(),
                        [](const std::string& p) { return present.count(p) > 0; });
}

std::string error_of(const std::string& yaml)
{
  try {
    parse(yaml);
  } catch (const mpcheck::rules::RuleError& e) {
    return e.what();
  }
  return "no error";
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
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视屏\n") ==
        "works.yaml:4:15: unknown category '微视屏', did you mean '微视频'?");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    producr: x\n") ==
        "works.yaml:5:5: unknown key 'producr', did you mean 'producer'?");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files: {video: "
                 "nope.mp4}\n") ==
        "works.yaml:5:20: file 'nope.mp4' not found (relative paths start at /src)");
  CHECK(error_of("unit: 单位\nworks:\n  - title: 甲?\n    category: 微视频\n") ==
        "works.yaml:3:12: the title '甲?' cannot be a file name on Windows or a USB drive "
        "(characters: ?); "
        "suggestion: '甲？'");
  CHECK(
      error_of(
          "unit: 单位\nworks:\n  - title: 甲\n    category: 微视频\n    files: {clean: a.mp4}\n") ==
      "works.yaml:5:12: a pair needs both 'subtitled' and 'clean'");
  CHECK(error_of("works: []\n") == "works.yaml:1:1: the manifest needs 'unit' (报送单位)");
  CHECK(error_of("unit: 单位\nworks:\n  - {title: 甲, category: 微视频}\n  - {title: 甲, category: "
                 "微视频}\n") == "works.yaml:4:5: the work '甲' is listed twice (first at line 3)");
  CHECK(error_of("unit: [\n").starts_with("works.yaml:"));
  CHECK(error_of("unit: 单位\nworks:\n  - {title: 甲, category: 微视频, producer: TODO}\n") ==
        "works.yaml:3:41: 'producer' is still TODO: fill it in (mpcheck init left it for you)");
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
    } catch (const mpcheck::rules::RuleError& e) {
      return std::string(e.what());
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
