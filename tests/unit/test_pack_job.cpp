#include "mpcheck/pack/job.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "mpcheck/rules/loader.hpp"

using namespace mpcheck;
using pack_files::TempDir;
using pack_files::write_file;

namespace {

const rules::RuleSet& changzhou()
{
  static const auto r = rules::load_rules("changzhou-2024");
  return r;
}

constexpr const char* works_yaml = R"(unit: 钟楼区委组织部
contact: 张三
phone: "0519-85680635"
works:
  - title: 奋斗者之歌
    category: 微视频
    files:
      subtitled: a-sub.mp4
      clean: a.mp4
    producer: 钟楼区融媒体中心
    creators: 张三
    summary: 讲述基层党员的故事。
)";

// SRC with works.yaml and its two videos (their bytes do not matter for planning).
std::string material(TempDir& dir)
{
  const std::string src = dir / "src";
  write_file(src + "/a-sub.mp4", "S");
  write_file(src + "/a.mp4", "C");
  write_file(src + "/works.yaml", works_yaml);
  return src;
}

pack::Request request(const std::string& src, const std::string& out)
{
  pack::Request r;
  r.src = src;
  r.out = out;
  r.rules = "changzhou-2024";
  r.as_of = *parse_date("2024-09-01");
  return r;
}

} // namespace

TEST_CASE("pack::read_material plans after works.yaml when there is one, else after the names")
{
  TempDir dir;
  const std::string src = material(dir);
  pack::Material m = pack::read_material(src, "", "", changzhou(), Lang::zh);
  REQUIRE(m.manifest.has_value());
  CHECK(m.unit == "钟楼区委组织部");
  CHECK(m.names.files.empty()); // not walked: the manifest names every file
  m = pack::read_material(src, "", "", changzhou(), Lang::zh, /*with_names=*/true);
  CHECK(m.names.files.size() == 3);

  std::filesystem::remove(src + "/works.yaml");
  m = pack::read_material(src, "", "某单位", changzhou(), Lang::zh);
  CHECK_FALSE(m.manifest.has_value());
  CHECK(m.unit == "某单位");
  CHECK(m.names.files.size() == 2);
}

TEST_CASE("pack::read_material refuses a --unit that differs from the manifest's, at its file")
{
  TempDir dir;
  const std::string src = material(dir);
  try {
    pack::read_material(src, "", "别的单位", changzhou(), Lang::zh);
    FAIL("no error");
  } catch (const rules::RuleError& e) {
    CHECK(std::string(e.what()).starts_with(src + "/works.yaml"));
    CHECK(std::string(e.what()).find("清单的报送单位“钟楼区委组织部”与 --unit“别的单位”不同") !=
          std::string::npos);
  }
}

TEST_CASE("pack::prepare completes the plan: sources resolved, forms generated, nothing written")
{
  TempDir dir;
  const std::string src = material(dir);
  const pack::Prepared p = pack::prepare(request(src, dir / "U盘"), changzhou());
  REQUIRE_MESSAGE(p.status == pack::Prepared::Status::ready, p.error);
  REQUIRE(p.plan.files.size() == 2);
  CHECK(p.plan.files[0].source == std::filesystem::canonical(src + "/a-sub.mp4").string());
  CHECK(p.plan.files[0].dest == "作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4");
  CHECK_FALSE(p.plan.generated.empty()); // 汇总表 and 报名表
  CHECK_FALSE(std::filesystem::exists(dir / "U盘"));
  const std::string text = pack::plan_text(p, pack::dry_run(p, dir / "U盘", false), Lang::zh);
  CHECK(text.starts_with("打包计划（试运行，未写入任何文件）：\n"));
  CHECK(text.find("→ 作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4\n") != std::string::npos);
  CHECK(text.find("生成的表格（请核对、盖章）：\n  表格/") != std::string::npos);
}

TEST_CASE("pack::prepare says why it cannot run: usage for outputs and manifests, refused for "
          "files")
{
  TempDir dir;
  const std::string src = material(dir);
  // A source folder that is not there, or is a file.
  pack::Prepared missing = pack::prepare(request(dir / "没有", dir / "U盘"), changzhou());
  CHECK(missing.status == pack::Prepared::Status::usage);
  CHECK(missing.error == (dir / "没有") + "：这个文件夹不存在");
  missing = pack::prepare(request(src + "/a.mp4", dir / "U盘"), changzhou());
  CHECK(missing.status == pack::Prepared::Status::usage);
  CHECK(missing.error.ends_with("不是文件夹；pack 要的是放着单位材料的文件夹"));
  // The drive inside the source: a usage error, nothing planned further.
  pack::Prepared p = pack::prepare(request(src, src + "/U盘"), changzhou());
  CHECK(p.status == pack::Prepared::Status::usage);
  CHECK(p.error == "输出目录不能在源目录里，源目录也不能在输出目录里");
  // -o onto a source.
  pack::Request r = request(src, dir / "U盘");
  r.report = src + "/a.mp4";
  r.lang = Lang::en;
  p = pack::prepare(r, changzhou());
  CHECK(p.status == pack::Prepared::Status::usage);
  CHECK_FALSE(p.error.empty());
  // A manifest naming a file that is not there.
  write_file(src + "/works.yaml", std::string(works_yaml) + "\n");
  std::filesystem::remove(src + "/a.mp4");
  p = pack::prepare(request(src, dir / "U盘"), changzhou());
  CHECK(p.status == pack::Prepared::Status::usage);
  CHECK(p.error.starts_with(src + "/works.yaml:"));
  // Without a manifest, a link leaving SRC is a file that cannot be packed.
  std::filesystem::remove(src + "/works.yaml");
  write_file(dir / "secret.txt", "S");
  std::filesystem::create_symlink(dir / "secret.txt",
                                  src + "/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4");
  p = pack::prepare(request(src, dir / "U盘"), changzhou());
  CHECK(p.status == pack::Prepared::Status::refused);
  const auto outside = std::find_if(p.plan.problems.begin(), p.plan.problems.end(), [](auto& q) {
    return q.message.in(Lang::en).starts_with("file.symlink-outside");
  });
  REQUIRE(outside != p.plan.problems.end());
  CHECK(outside->source.ends_with("（无字幕）.mp4"));
}

TEST_CASE("pack::execute_and_check checks the finished drive before its manifest, reading "
          "pack's digests")
{
  TempDir dir;
  const std::string src = material(dir);
  const pack::Prepared p = pack::prepare(request(src, dir / "U盘"), changzhou());
  REQUIRE(p.status == pack::Prepared::Status::ready);
  gather::RunOptions check;
  check.checks.as_of = *parse_date("2024-09-01");
  check.decode = false;
  bool told = false;
  const pack::Packed packed = pack::execute_and_check(p.plan, dir / "U盘", {}, check, changzhou(),
                                                      Lang::zh, [&] { told = true; });
  REQUIRE_MESSAGE(packed.result.ok, packed.result.error_detail);
  CHECK(told);
  // The videos are one byte each: the check of the drive finds them unreadable, not missing.
  CHECK(packed.report.count(Severity::error) > 0);
  CHECK(pack_files::read_file(dir / "U盘/mpcheck-report.txt").find("media.unreadable") !=
        std::string::npos);
  CHECK(std::filesystem::exists(dir / "U盘/manifest-sha256.txt"));
  const std::string text = pack::packed_text(packed, p, dir / "U盘", Lang::zh);
  CHECK(text.find("已打包到 " + (dir / "U盘") + "：复制 ") != std::string::npos);
  CHECK(text.find("生成的表格") < text.find("已打包到"));
}

TEST_CASE("pack::prepare lists every source file it leaves out, and why")
{
  TempDir dir;
  const std::string src = material(dir);
  write_file(src + "/Thumbs.db", "junk");
  write_file(src + "/海报草稿.jpg", "not named in works.yaml");
  const pack::Prepared p = pack::prepare(request(src, dir / "U盘"), changzhou());
  REQUIRE(p.status == pack::Prepared::Status::ready);
  REQUIRE(p.left_out.size() == 2);
  CHECK(p.left_out[0].path == "Thumbs.db");
  CHECK(p.left_out[0].why.zh == "系统或软件留下的文件，不提交");
  CHECK(p.left_out[1].path == "海报草稿.jpg");
  CHECK(p.left_out[1].why.zh.starts_with("works.yaml 里没有写到它"));
  const std::string text = pack::contents_text(p, Lang::zh);
  CHECK(text.find("未打包的源文件（2 个）：\n  Thumbs.db：系统或软件留下的文件，不提交\n") !=
        std::string::npos);
  CHECK(text.find("生成的表格（请核对、盖章）：\n  表格/汇总表-钟楼区委组织部.docx\n") !=
        std::string::npos);
}

TEST_CASE("pack::prepare keeps a form the unit filled in by hand unless --forms says otherwise")
{
  TempDir dir;
  const std::string src = material(dir);
  write_file(src + "/报名表.docx", "the unit's, sealed"); // works.yaml does not name it
  const auto generated = [](const pack::Prepared& p, const std::string& dest) {
    return std::any_of(p.plan.generated.begin(), p.plan.generated.end(),
                       [&](const auto& g) { return g.dest == dest; });
  };
  const std::string ours = "表格/报名表-奋斗者之歌-钟楼区委组织部.docx";
  pack::Request r = request(src, dir / "U盘");
  SUBCASE("keep (the default): the unit's form goes on the drive, none of its kind generated")
  {
    const pack::Prepared p = pack::prepare(r, changzhou());
    REQUIRE(p.status == pack::Prepared::Status::ready);
    CHECK(p.kept_forms == std::vector<std::string>{"表格/报名表.docx"});
    CHECK_FALSE(generated(p, ours));
    CHECK(generated(p, "表格/汇总表-钟楼区委组织部.docx")); // not given: generated
    CHECK(p.left_out.empty());
  }
  SUBCASE("generate: the generated form replaces it, and it is listed as left out")
  {
    r.forms = pack::FormsMode::generate;
    const pack::Prepared p = pack::prepare(r, changzhou());
    CHECK(p.kept_forms.empty());
    CHECK(generated(p, ours));
    REQUIRE(p.left_out.size() == 1);
    CHECK(p.left_out[0].path == "报名表.docx");
    CHECK(p.left_out[0].why.en == "--forms generate: the generated form replaces it");
  }
  SUBCASE("both: the two side by side")
  {
    r.forms = pack::FormsMode::both;
    const pack::Prepared p = pack::prepare(r, changzhou());
    CHECK(p.kept_forms == std::vector<std::string>{"表格/报名表.docx"});
    CHECK(generated(p, ours));
  }
}
