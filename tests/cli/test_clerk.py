"""The clerk's afternoon in Chinese (issue 12): --help and every usage error in Chinese (English
with --lang en or an en_* locale) with "did you mean"; works.yaml's problems all in one run,
each with its line and a caret; the other words a clerk reads."""
import json
import html as htmllib
import os
import re
import shutil
import tempfile
import unittest

from check_tree import UNIT, ffmpeg, place
from mpcheck_test import fixture, run

COMMANDS = ["check", "rules", "rename", "pack", "init", "probe", "fix"]


def has_chinese(text):
    return re.search(r"[\u4e00-\u9fff]", text) is not None


class HelpAndUsageTest(unittest.TestCase):
    def test_help_of_every_command_is_chinese_by_default(self):
        for args in [[], *[[c] for c in COMMANDS], ["rules", "show"], ["rules", "lint"]]:
            with self.subTest(args=args):
                p = run(*args, "--help")
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertIn("用法", p.stdout)
                self.assertIn("显示帮助并退出", p.stdout)
                self.assertNotIn("Usage", p.stdout)
                self.assertNotIn("Print this help message", p.stdout)
        p = run("check", "--help")
        self.assertIn("内置规则集编号（见 mpcheck rules list）或 YAML 规则文件", p.stdout)
        self.assertIn("（必填）", p.stdout)
        self.assertNotIn("Built-in rule set id", p.stdout)

    def test_help_names_the_arguments_and_folders_in_chinese_words(self):
        # The positional by what it is, in the usage line and the list; no SRC, DIR or FILE
        # the Chinese help never defines. English keeps its names.
        for args, usage, row in [(["check"], "[选项] 路径...", "  路径 ... （必填） "),
                                 (["fix"], "[选项] 路径...", "  路径 ... （必填） "),
                                 (["pack"], "[选项] 文件夹", "  文件夹 （必填） "),
                                 (["rename"], "[选项] [文件夹]", "  文件夹  "),
                                 (["probe"], "[选项] 文件...", "  文件 ... （必填） "),
                                 (["rules", "show"], "[选项] 规则集", "  规则集 （必填） ")]:
            with self.subTest(args=args):
                p = run(*args, "--help")
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertIn(usage, p.stdout)
                self.assertIn(row, p.stdout)
                self.assertIsNone(re.search(r"\b(paths|src|dir|files|id|SRC|DIR|FILE|PATH)\b", p.stdout), p.stdout)
        self.assertNotRegex(run("--help").stdout, r"\b(SRC|DIR)\b")
        p = run("check", "--help", "--lang", "en")
        self.assertIn("[OPTIONS] paths...", p.stdout)
        self.assertIn("  paths TEXT ... REQUIRED", p.stdout)

    def test_help_is_english_with_lang_en_or_an_english_locale(self):
        for p in [run("check", "--help", "--lang", "en"),
                  run("check", "--help", env={"LANG": "en_US.UTF-8"})]:
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("Usage", p.stdout)
            self.assertIn("Built-in rule set id", p.stdout)
            self.assertFalse("用法" in p.stdout)

    def usage_error(self, p, text):
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stdout, "")
        prefix = "mpcheck: error: " if "en" in p.args else "mpcheck：错误："
        self.assertTrue(p.stderr.startswith(prefix), p.stderr)
        self.assertIn(text, p.stderr)

    def test_a_mistyped_command_suggests_the_right_one(self):
        self.usage_error(run("chek", "x"), "未知命令“chek”，您是不是要用“check”？")
        self.usage_error(run("chek", "--lang", "en"), "unknown command 'chek', did you mean 'check'?")
        self.usage_error(run("rules", "sho", "x"), "未知命令“sho”，您是不是要用“show”？")
        self.usage_error(run(), "缺少命令：check、rules、rename、pack、fix、init、probe 之一")

    def test_usage_errors_are_chinese(self):
        self.usage_error(run("check", "."), "缺少必填的选项 --rules")
        self.usage_error(run("check", ".", "--rules"), "--rules 后面缺少值")
        self.usage_error(run("check", ".", "--rules", "changzhou-2024", "--rulez", "x"),
                         "未知选项“--rulez”，您是不是要用“--rules”？")
        self.usage_error(run("check", ".", "--rules", "changzhou-2024", "--format", "htm"),
                         "--format 的值“htm”不可用：可选 text/json/jsonl/html/junit/sarif")
        self.usage_error(run("check", "--rules", "changzhou-2024"), "缺少参数：要检查的U盘")
        self.usage_error(run("check", ".", "--rules", "changzhou-2042"),
                         "未知的规则集“changzhou-2042”，您是不是要用“changzhou-2024”？")
        self.usage_error(run("rules", "show", "changzhou-2042"),
                         "未知的规则集“changzhou-2042”，您是不是要用“changzhou-2024”？")
        p = run("check", ".", "--rules", "changzhou-2042", "--lang", "en")
        self.usage_error(p, "unknown rule set 'changzhou-2042', did you mean 'changzhou-2024'?")
        self.usage_error(run("check", "."), "用法见 mpcheck check --help")
        p = run("check", ".", "--lang", "en")
        self.usage_error(p, "--rules is required")
        self.assertFalse(has_chinese(p.stderr), p.stderr)

    def test_an_unknown_check_id_in_waive_is_a_usage_error_with_the_closest_id(self):
        with tempfile.TemporaryDirectory() as tmp:
            place(fixture("h264-720p25.mp4"), f"{tmp}/a.mp4")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--waive", "video.bitrat")
            self.usage_error(p, "--waive：未知的检查编号“video.bitrat”，您是不是要用“video.bitrate”？")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--waive", "vidoe.*",
                    "--lang", "en")
            self.usage_error(p, "unknown check id 'vidoe.*', did you mean 'video.*'?")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--waive", "video.*",
                    "--waive", "name.pattern", "--waive", "manual.title-card")
            self.assertIn(p.returncode, (0, 1), p.stderr)


class WorksYamlInOnePassTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-clerk-")
        self.src = os.path.join(self.tmp, "材料")
        for title in ["初心", "使命", "奋斗", "担当", "传承"]:
            place(fixture("h264-720p25.mp4"), f"{self.src}/{title}.mp4")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_fresh_init_file_reports_every_problem_in_one_run(self):
        p = run("init", self.src, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = os.path.join(self.tmp, "u盘")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", out)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertFalse(os.path.exists(out))
        errors = [l for l in p.stderr.splitlines() if re.match(r"mpcheck：错误：.*works\.yaml:\d+:\d+: ", l)]
        # unit, contact, phone, then each of five works: category, script (the 解说词 the
        # notice asks of every work), producer, creators, summary
        self.assertEqual(len(errors), 28, p.stderr)
        self.assertEqual(len([l for l in errors if "'category' 还是 TODO" in l]), 5)
        self.assertEqual(len([l for l in errors if "'script' 还是 TODO" in l]), 5)
        self.assertIn("可选：典型事迹片、", p.stderr)
        self.assertIn("works.yaml：共 28 处要改", p.stderr)
        # each with its source line and a caret under the value
        lines = p.stderr.splitlines()
        i = next(k for k, l in enumerate(lines) if "'contact' 还是 TODO" in l)
        self.assertRegex(lines[i + 1], r'^ +\d+ \| contact: "TODO"')
        self.assertEqual(lines[i + 2].index("^"), lines[i + 1].index('"TODO"'))

    def test_init_writes_its_comments_in_chinese(self):
        p = run("init", self.src, "--rules", "changzhou-2024", "-o", "-")
        self.assertEqual(p.returncode, 0, p.stderr)
        comments = [l[l.index("#"):] for l in p.stdout.splitlines() if "#" in l]
        self.assertIn("# TODO：填上面列出的分类之一", comments)
        self.assertIn("# 实测", comments)
        for c in comments:
            self.assertTrue(has_chinese(c), c)
        p = run("init", self.src, "--rules", "changzhou-2024", "-o", "-", "--lang", "en")
        self.assertIn("# TODO: one of the categories listed above", p.stdout)
        self.assertIn("# measured", p.stdout)

    def test_did_you_mean_for_categories_and_keys_all_at_once(self):
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write(f"unit: {UNIT}\n"
                    "works:\n"
                    "  - title: 初心\n"
                    "    category: 微视屏\n"
                    "    files: {video: 初心.mp4}\n"
                    "    producr: 区委组织部\n"
                    "  - title: 使命\n"
                    "    category: 培训篇\n"
                    "    files: {vidoe: 使命.mp4}\n")
        p = run("rename", self.src, "--rules", "changzhou-2024", "--dry-run")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("works.yaml:4:15: 未知的分类 '微视屏'，您是不是要写 '微视频'？", p.stderr)
        self.assertIn("works.yaml:6:5: 未知的键 'producr'，您是不是要写 'producer'？", p.stderr)
        self.assertIn("works.yaml:8:15: 未知的分类 '培训篇'，您是不是要写 '培训片'？", p.stderr)
        self.assertIn("works.yaml:9:13: 未知的键 'vidoe'，您是不是要写 'video'？", p.stderr)
        self.assertIn("    4 |     category: 微视屏\n      |               ^\n", p.stderr)

    def test_wrong_types_are_all_reported_in_chinese_then_in_english(self):
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write("unit: [钟楼区委组织部]\n"      # 1: a list for a string
                    "contact: 张三\n"
                    "works:\n"
                    "  - title: [初心]\n"          # 4
                    "    category: 微视频\n"
                    "    files: 初心.mp4\n"        # 6: a string for the map of files
                    "    episodes: 两集\n"         # 7
                    "    minutes_per_episode: {a: 1}\n"  # 8
                    "  - 使命\n")                  # 9: a string for a work
        expected_zh = [
            ("1:7", "应为一段文字，实际是一个列表"),
            ("4:12", "应为一段文字，实际是一个列表"),
            ("6:12", "应为作品的文件（一组“键: 值”：video、subtitled、clean …），实际是“初心.mp4”"),
            ("7:15", "应为 1 到 10000 之间的整数，实际是“两集”"),
            ("8:26", "应为一个数，实际是一组“键: 值”"),
            ("9:5", "应为一个作品（一组“键: 值”：title、category、files …），实际是“使命”"),
        ]
        expected_en = [
            ("1:7", "expected a string, found a list"),
            ("4:12", "expected a string, found a list"),
            ("6:12", "expected the files of a work (a map: video, subtitled, clean …), found '初心.mp4'"),
            ("7:15", "expected a whole number from 1 to 10000, found '两集'"),
            ("8:26", "expected a number, found a map"),
            ("9:5", "expected a work (a map: title, category, files …), found '使命'"),
        ]
        out = os.path.join(self.tmp, "u盘")
        for extra, env, expected in [([], None, expected_zh), (["--lang", "en"], None, expected_en),
                                     ([], {"LANG": "en_US.UTF-8"}, expected_en)]:
            with self.subTest(extra=extra, env=env):
                p = run("pack", self.src, "--rules", "changzhou-2024", "--out", out, "--dry-run",
                        *extra, env=env)
                self.assertEqual(p.returncode, 2, p.stderr)
                prefix = "mpcheck: error: " if expected is expected_en else "mpcheck：错误："
                errors = [l for l in p.stderr.splitlines()
                          if l.startswith(prefix) and re.search(r"works\.yaml:\d+:\d+: ", l)]
                self.assertEqual(errors, [f"{prefix}{self.src}/works.yaml:{at}: {m}"
                                          for at, m in expected], p.stderr)
                # each with its line and a caret under the value
                lines = p.stderr.splitlines()
                i = lines.index(errors[2])
                self.assertEqual(lines[i + 1], "    6 |     files: 初心.mp4")
                self.assertEqual(lines[i + 2].index("^"), lines[i + 1].index("初心.mp4"))

    def test_a_chinese_colon_is_named_at_its_own_line(self):
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write(f"unit: {UNIT}\n"
                    "works:\n"
                    "  - title: 初心\n"
                    "    category: 微视频\n"
                    "    creators：张三\n"
                    "    summary: 简介\n")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", f"{self.tmp}/u", "--dry-run")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("works.yaml:5:13: “creators：”用了中文冒号：键名后面要用英文冒号加一个空格，"
                      "写成“creators: ”\n    5 |     creators：张三\n      |             ^\n", p.stderr)
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", f"{self.tmp}/u", "--dry-run",
                "--lang", "en")
        self.assertIn("works.yaml:5:13: 'creators：' has a Chinese colon", p.stderr)

    def test_the_reader_of_rule_files_speaks_chinese_too(self):
        bad = os.path.join(self.tmp, "bad.yaml")
        with open(bad, "w") as f:
            f.write("id: bad\ntitle: [坏]\n")
        p = run("rules", "lint", bad)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(f"{bad}:2:8: 应为一段文字，或含 zh 和 en 的一组“键: 值”，实际是一个列表\n",
                      p.stderr)
        p = run("check", self.src, "--rules", bad, "--lang", "en")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(f"{bad}:2:8: expected a string or a map with zh and en, found a list\n",
                      p.stderr)
        with open(bad, "w") as f:
            f.write("id: bad\ntitle: 坏\nworks:\n  media:\n    max_bitrat: 8M\n")
        p = run("check", self.src, "--rules", bad)
        self.assertIn(f"{bad}:5:5: 未知的键 'max_bitrat'，您是不是要写 'max_bitrate'？", p.stderr)


class TextReportFixesTest(unittest.TestCase):
    def test_each_fix_sits_under_its_finding_and_a_shared_fix_is_shown_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            video = f"{tmp}/作品/甲-微视频-{UNIT}.mp4"
            os.makedirs(os.path.dirname(video))
            # 1440x1080 at 30 fps: the aspect ratio and the resolution are wrong, one ffmpeg
            # command mends both; the frame rate has its own fix (export at 25 fps).
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1440x1080:rate=30", "-t", "1",
                   "-c:v", "libx264", "-pix_fmt", "yuv420p", video)
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--as-of", "2024-09-01")
            self.assertEqual(p.returncode, 1, p.stderr)
            lines = p.stdout.splitlines()
            start = next(i for i, l in enumerate(lines) if l.strip() == f"作品/甲-微视频-{UNIT}.mp4")
            block = []
            for l in lines[start + 1:]:
                if not l.startswith("    "):
                    break
                block.append(l.strip())
            kinds = ["fix" if l.startswith("→ 怎么改") else "want" if l.startswith("要求") else
                     l.split()[2] for l in block]
            # each finding, its 要求/实际 line, and its fix right under it; the aspect ratio and
            # the resolution together, their one ffmpeg command once after both
            text = " ".join(kinds)
            self.assertIn("subtitles.pair-missing want fix", text, "\n".join(block))
            self.assertIn("video.aspect-ratio want video.resolution want fix", text, "\n".join(block))
            self.assertIn("video.frame-rate want fix", text, "\n".join(block))
            self.assertEqual(kinds[-1], "fix")
            html = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--as-of",
                       "2024-09-01", "--format", "html").stdout
            fix = block[kinds.index("video.resolution") + 2].split(": ", 1)[1]
            self.assertEqual(html.count(htmllib.escape(fix)), 1, "one fix command per file")
            seal = re.search(r'<li class="manual" data-check="manual.seal">(.*?)</li>', html)
            self.assertIsNotNone(seal, html[-3000:])
            self.assertIn('<input type="checkbox">', seal.group(1))
            self.assertEqual(seal.group(1).count("已加盖单位公章"), 1)
            fixes = [l for l in block if l.startswith("→ 怎么改")]
            self.assertEqual(len(fixes), len(set(fixes)))
            self.assertEqual(fixes.count(block[kinds.index("video.resolution") + 2]), 1)


class ProgressCountsDecodingTest(unittest.TestCase):
    def test_the_line_reaches_all_files_only_when_the_videos_are_decoded(self):
        from test_progress import run_on_terminal
        with tempfile.TemporaryDirectory() as tmp:
            for t in ["甲", "乙"]:
                for v in ["（有字幕）", "（无字幕）"]:
                    place(fixture("h264-1080p25-8M.mp4"), f"{tmp}/作品/{t}-微视频-{UNIT}{v}.mp4")
            code, _, seen = run_on_terminal("check", tmp, "--rules", "changzhou-2024",
                                            "--as-of", "2024-09-01", "-j", "1")
            states = re.findall(r"已检查 (\d+)/(\d+) 个文件", seen)
            self.assertTrue(states, seen)
            # drawn from the start (0 of 4), and 4 of 4 only once the last pair is decoded: with
            # one job, a pair at a time, the line passes 2 of 4 on the way
            self.assertEqual(states[0], ("0", "4"), seen)
            self.assertIn(("2", "4"), states, seen)
            self.assertEqual(states[-1], ("4", "4"))
            self.assertEqual(states.index(("4", "4")), len(states) - 1)

    def test_the_line_moves_while_one_long_video_is_decoded(self):
        from test_progress import run_on_terminal
        with tempfile.TemporaryDirectory() as tmp:
            # One GOP of 60 s at 320x180: the analysis decodes it in one pass, in order, for
            # about half a second here (longer on a busy machine), a cheap stand-in for a long
            # 1080p video.
            src = f"{tmp}/src"
            os.makedirs(src)
            video = f"{src}/甲-微视频-{UNIT}.mp4"
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                   "sine=frequency=440:sample_rate=48000", "-t", "60", "-c:v", "libx264",
                   "-preset", "ultrafast", "-g", "100000", "-sc_threshold", "0",
                   "-pix_fmt", "yuv420p", "-c:a", "aac",
                   "-b:a", "64k", video)
            size = os.path.getsize(video)

            def within(seen, files):
                """The states drawn while the video was in work, as bytes done."""
                pattern = rf"已检查 0/{files} 个文件  ([\d.]+ [KM]?B)/[\d.]+ [KM]?B.*?  正在解码 1 个视频"
                return re.findall(pattern, seen)

            code, _, seen = run_on_terminal("check", src, "--rules", "changzhou-2024",
                                            "--as-of", "2024-09-01", "-j", "1")
            self.assertIn(code, (0, 1), seen)
            moving = within(seen, 1)
            # the bytes move within the one file, before it is done, and it ends done
            self.assertGreaterEqual(len(set(moving)), 3, seen)
            self.assertNotIn("0 B", moving[1:], seen)
            self.assertRegex(seen, r"已检查 1/1 个文件  ([\d.]+ MB)/\1")
            self.assertLess(seen.rindex("正在解码"), seen.rindex("已检查 1/1 个文件"))
            # English too
            code, _, seen = run_on_terminal("check", src, "--rules", "changzhou-2024",
                                            "--as-of", "2024-09-01", "-j", "1", "--lang", "en")
            self.assertRegex(seen, r"checked 0/1 files  [\d.]+ [KM]?B/[\d.]+ MB.*  decoding 1 video")
            # never in a pipe
            p = run("check", src, "--rules", "changzhou-2024", "--as-of", "2024-09-01")
            self.assertEqual(p.stderr, "")
            # pack's check of the finished drive shows the same
            code, _, seen = run_on_terminal("pack", src, "--rules", "changzhou-2024", "--unit",
                                            UNIT, "--out", f"{tmp}/u盘", "--as-of", "2024-09-01")
            self.assertIn(code, (0, 1), seen)
            checking = re.findall(r"已检查 (\d+)/(\d+) 个文件  ([\d.]+ [KM]?B)/[\d.]+ [KM]?B.*?  正在解码 1 个视频", seen)
            self.assertGreaterEqual(len({b for _, _, b in checking}), 3, seen)
            self.assertTrue(all(done < total for done, total, _ in checking), seen)
            self.assertGreater(size, 1_000_000)


class ManyDrivesOnePageTest(unittest.TestCase):
    def test_the_page_opens_with_a_table_of_the_drives_each_row_linking_to_its_part(self):
        from check_tree import changzhou
        from test_drives import sha256_manifest
        with tempfile.TemporaryDirectory() as tmp:
            intact, differs, bare = (changzhou(f"{tmp}/{n}") for n in ("usb1", "usb2", "usb3"))
            sha256_manifest(intact)
            sha256_manifest(differs)
            os.remove(f"{differs}/表格/汇总表-{UNIT}.docx")  # listed, no longer on the drive
            p = run("check", intact, differs, bare, "--rules", "changzhou-2024", "--fast",
                    "--as-of", "2024-09-01", "--format", "html")
            self.assertEqual(p.returncode, 1, p.stderr)
            page = p.stdout
            table = re.search(r'<table class="drives">(.*?)</table>', page, re.S)
            self.assertIsNotNone(table, page[:3000])
            # it comes first, before any drive's part
            self.assertLess(page.index('<table class="drives">'), page.index('<div class="drive"'))
            self.assertIn("<th>报送单位</th><th>作品</th><th>错误</th><th>警告</th><th>需人工确认</th>"
                          "<th>校验清单</th>", table.group(1))
            rows = re.findall(r'<tr class="(\w+)"><td><a href="#(drive-\d)">([^<]*)</a></td>'
                              r'<td>([^<]*)</td>((?:<td class="n">\d+</td>){4})<td>([^<]*)</td></tr>',
                              table.group(1))
            self.assertEqual([(r[1], r[2], r[3], r[5]) for r in rows],
                             [("drive-0", intact, UNIT, "✓ 完好"),
                              ("drive-1", differs, UNIT, "✗ 不一致"),
                              ("drive-2", bare, UNIT, "（无清单）")])
            self.assertEqual([r[0] for r in rows], ["ok", "bad", "ok"])
            for _, anchor, *_ in rows:  # each link leads to its drive's part
                self.assertEqual(page.count(f'id="{anchor}"'), 1)
            ids = re.findall(r'id="([^"]+)"', page)
            self.assertEqual(len(ids), len(set(ids)), "ids are unique on the page")
            p = run("check", intact, bare, "--rules", "changzhou-2024", "--fast",
                    "--as-of", "2024-09-01", "--format", "html", "--lang", "en")
            self.assertIn("<th>unit</th><th>works</th><th>errors</th>", p.stdout)
            self.assertIn("✓ intact", p.stdout)


    def test_the_man_pages_jq_example_lists_the_drives_with_errors(self):
        import subprocess
        from check_tree import changzhou
        from mpcheck_test import SOURCE
        with open(os.path.join(SOURCE, "man", "mpcheck.1"), encoding="utf-8") as f:
            man = f.read()
        program = re.search(r"jq \\-r '([^']+)'", man).group(1).replace("\\-", "-")
        with tempfile.TemporaryDirectory() as tmp:
            good, bad = changzhou(f"{tmp}/usb1"), changzhou(f"{tmp}/usb2")
            os.remove(f"{bad}/表格/汇总表-{UNIT}.docx")
            p = run("check", good, bad, "--rules", "changzhou-2024", "--fast", "--as-of",
                    "2024-09-01", "--format", "jsonl")
            self.assertEqual(len(p.stdout.splitlines()), 2)
            rows = subprocess.run(["jq", "-r", program], input=p.stdout, capture_output=True,
                                  text=True, check=True).stdout.splitlines()
            self.assertEqual([r.split("\t")[0] for r in rows], [bad])
            self.assertGreater(int(rows[0].split("\t")[1]), 0)


class PackShowsWhatCheckShowsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-clerk-")
        self.src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{self.src}/VID_20240812（字幕）.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.src}/VID_20240812.mp4")
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(f"unit: {UNIT}\ncontact: 张三\nphone: 0519-86661234\nworks:\n"
                    "  - title: 初心如磐\n    category: 微视频\n"
                    "    files: {subtitled: VID_20240812（字幕）.mp4, clean: VID_20240812.mp4}\n"
                    "    producer: 钟楼区委组织部\n    creators: 张三\n    summary: 简介\n")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_pack_ends_with_the_report_check_gives_of_the_finished_drive(self):
        out = f"{self.tmp}/u盘"
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", out, "--as-of", "2024-09-01",
                "--fast")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        check = run("check", out, "--rules", "changzhou-2024", "--unit", UNIT, "--as-of",
                    "2024-09-01", "--fast")
        self.assertEqual(check.returncode, p.returncode)
        self.assertTrue(check.stdout.startswith("mpcheck 检查报告"), check.stdout)
        self.assertTrue(p.stdout.endswith(check.stdout), p.stdout)

    def test_pack_shows_no_time_left_before_it_can_tell(self):
        from test_progress import run_on_terminal
        # Copying 6 MB takes well under the 2 s an estimate waits for (a 3 s job once showed
        # "约剩 0:48"); the rule itself is tested in test_report_progress.cpp.
        code, _, seen = run_on_terminal("pack", self.src, "--rules", "changzhou-2024", "--out",
                                        f"{self.tmp}/u盘", "--as-of", "2024-09-01", "--fast")
        self.assertIn(code, (0, 1), seen)
        copying = [s for s in seen.split("\r") if s.startswith("已复制")]
        self.assertTrue(copying, seen)  # the line was drawn
        self.assertEqual([s for s in copying if "约剩" in s], [], seen)


class RenameUndoTwiceTest(unittest.TestCase):
    def test_undoing_a_journal_already_undone_says_so_and_exits_0(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = f"{tmp}/u"
            place(fixture("h264-720p25.mp4"), f"{folder}/作品/奋斗者之歌-微视频-{UNIT} 有字幕版.mp4")
            journal = f"{tmp}/j.json"
            p = run("rename", folder, "--rules", "changzhou-2024", "--journal", journal)
            self.assertEqual(p.returncode, 0, p.stderr)
            p = run("rename", "--undo", journal)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("已恢复 1 个文件名", p.stdout)
            before = sorted(os.listdir(f"{folder}/作品"))
            p = run("rename", "--undo", journal)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("这份记录已经撤销过了，文件名都已是原来的；未做任何改动", p.stdout)
            self.assertEqual(p.stderr, "")
            self.assertEqual(sorted(os.listdir(f"{folder}/作品")), before)
            p = run("rename", "--undo", journal, "--lang", "en")
            self.assertIn("already undone", p.stdout)


class PlainChineseWordsTest(unittest.TestCase):
    def test_rules_show_says_the_notes_in_the_readers_language_once_per_block(self):
        for rules in ["changzhou-2024", "jiaozuo-2019", "liaoning-2023", "branch-everyone"]:
            p = run("rules", "show", rules)
            self.assertEqual(p.returncode, 0, p.stderr)
            notes = [l.strip()[3:] for l in p.stdout.splitlines() if l.strip().startswith("说明：")]
            self.assertTrue(notes)
            for note in notes:
                self.assertTrue(has_chinese(note), f"{rules}: {note}")
        p = run("rules", "show", "changzhou-2024")
        self.assertIn("（不检查）", p.stdout)
        self.assertIn("U盘送到哪里；不是U盘内容的属性。", p.stdout)
        self.assertNotIn("Where to deliver the drive", p.stdout)
        self.assertEqual(p.stdout.count("1080 配 16:9 即 1920x1080"), 1)
        self.assertIn("说明：同上", p.stdout)
        p = run("rules", "show", "changzhou-2024", "--lang", "en")
        self.assertEqual(p.stdout.count("1080 with 16:9 is 1920x1080"), 1)

    def test_a_rule_file_note_may_be_given_in_both_languages_or_one(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = f"{tmp}/r.yaml"
            with open(path, "w") as f:
                f.write("schema: mpcheck-rules/1\nid: r\ntitle: 测试\n"
                        "works:\n  media:\n    - source: 时长不超过8分钟\n"
                        "      note: {zh: 含8分钟整, en: 8 minutes exactly is fine}\n"
                        "      max_duration: 8min\n"
                        "    - note: 只有中文\n      min_duration: 1min\n")
            self.assertIn("说明：含8分钟整", run("rules", "show", path).stdout)
            en = run("rules", "show", path, "--lang", "en").stdout
            self.assertIn("note: 8 minutes exactly is fine", en)
            self.assertIn("note: 只有中文", en)

    def test_an_output_in_a_missing_folder_says_the_folder_does_not_exist(self):
        with tempfile.TemporaryDirectory() as tmp:
            place(fixture("h264-720p25.mp4"), f"{tmp}/a.mp4")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "-o", "/no/such/dir/r.json")
            self.assertEqual(p.returncode, 3, p.stderr)
            self.assertIn("无法写入 '/no/such/dir/r.json'：所在的文件夹 /no/such/dir 不存在", p.stderr)
            self.assertNotIn("磁盘已满", p.stderr)

    def test_rules_lint_says_ok_in_chinese(self):
        path = os.path.join(os.environ.get("MPCHECK_SOURCE", "."), "rules", "liaoning-2023.yaml")
        p = run("rules", "lint", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("liaoning-2023.yaml：没有错误（21 条要求）", p.stdout)
        self.assertIn("ok (21 requirements)", run("rules", "lint", path, "--lang", "en").stdout)

    def test_a_missing_rule_file_is_said_in_chinese(self):
        p = run("check", ".", "--rules", "没有这个.yaml")
        self.assertEqual(p.returncode, 2)
        self.assertIn("没有这个.yaml：无法读取规则文件（文件不存在）", p.stderr)

    def test_the_expected_name_pattern_is_said_in_chinese_words(self):
        # name.pattern's 要求 in the rule set's placeholders read as words; English keeps them.
        with tempfile.TemporaryDirectory() as tmp:
            place(fixture("h264-720p25.mp4"), f"{tmp}/作品/我的 微党课 最终版.mp4")
            for lang, want in (("zh", "作品名-分类-报送单位"), ("en", "{title}-{category}-{unit}")):
                p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--lang", lang)
                [line] = [l for l in p.stdout.splitlines() if "我的 微党课 最终版.mp4" in l and
                          ("要求:" in l or "expected:" in l)]
                self.assertIn(want, line)
                self.assertNotIn("{" if lang == "zh" else "作品名", line)
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--format", "json")
            [f] = [f for f in json.loads(p.stdout)["findings"] if f["check"] == "name.pattern"]
            self.assertEqual(f["expected"], "作品名-分类-报送单位")

    def test_found_values_are_words_not_codes(self):
        with tempfile.TemporaryDirectory() as tmp:
            works = f"{tmp}/作品"
            os.makedirs(works)
            with open(fixture("h264-1080p25-8M.mp4"), "rb") as f:
                data = f.read()
            with open(f"{works}/断-微视频-{UNIT}.mp4", "wb") as f:
                f.write(data[: len(data) // 2])
            os.makedirs(f"{tmp}/文本")
            with open(f"{tmp}/文本/断-解说词-{UNIT}.docx", "w") as f:
                f.write("just text, not a Word file\n")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--format", "json")
            report = json.loads(p.stdout)
            actual = {f["check"]: f["actual"] for f in report["findings"]}
            self.assertRegex(actual["media.truncated"], r"标明到第 \d+ 字节，但文件在第 \d+ 字节就结束了")
            self.assertEqual(actual["document.format"], "不是文档（无法识别的格式）")
            os.symlink("../文本", f"{works}/链接")
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--format", "json")
            linked = [f for f in json.loads(p.stdout)["findings"] if f["path"] == "作品/链接"]
            self.assertEqual([f["actual"] for f in linked], ["指向文件夹的链接"])
            p = run("check", tmp, "--rules", "changzhou-2024", "--fast", "--format", "json",
                    "--lang", "en")
            actual = {f["check"]: f["actual"] for f in json.loads(p.stdout)["findings"]}
            self.assertIn("but the file ends at byte", actual["media.truncated"])
            self.assertEqual(actual["document.format"], "not a document (unknown format)")


if __name__ == "__main__":
    unittest.main()


class CheckOfPackMaterialTest(unittest.TestCase):
    """A clerk who runs `check` on the folder holding works.yaml is pointed to pack."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-material-")
        self.src = os.path.join(self.tmp, "材料 文件夹")
        place(fixture("h264-720p25.mp4"), f"{self.src}/VID_20240501_123456.mp4")
        place(fixture("h264-720p25.mp4"), f"{self.src}/VID_20240501_123456_字幕版.mp4")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_init_pairs_the_versions_and_check_points_to_pack(self):
        p = run("init", self.src, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{self.src}/works.yaml", encoding="utf-8") as f:
            text = f.read()
        self.assertIn('subtitled: "VID_20240501_123456_字幕版.mp4"', text)
        self.assertIn('clean: "VID_20240501_123456.mp4"', text)
        self.assertEqual(text.count("- title:"), 1)
        p = run("check", self.src, "--rules", "changzhou-2024", "--fast", "--format", "json")
        self.assertIn(f'提示：{self.src} 里有 works.yaml', p.stderr)
        self.assertIn(f'mpcheck pack "{self.src}" --rules changzhou-2024 --out U盘 --dry-run', p.stderr)
        json.loads(p.stdout)  # the report itself is untouched
        p = run("check", self.src, "--rules", "changzhou-2024", "--fast", "--lang", "en")
        self.assertIn("holds works.yaml", p.stderr)
        os.remove(f"{self.src}/works.yaml")
        p = run("check", self.src, "--rules", "changzhou-2024", "--fast")
        self.assertNotIn("works.yaml", p.stderr)


class RenameFailureIsSaidInChineseTest(unittest.TestCase):
    """A rename the file system refuses midway: said in Chinese, and every name put back."""

    def test_a_name_too_long_is_said_and_undone(self):
        tmp = tempfile.mkdtemp(prefix="mpcheck-rename-fail-")
        try:
            long_title = "长" * 60  # 180 bytes: with the unit below, over 255
            names = [f"短-微视频-单位（有字幕）.mp4", f"{long_title}-微视频-单位（有字幕）.mp4"]
            for n in names:
                place(fixture("h264-720p25.mp4"), os.path.join(tmp, n))
            p = run("rename", tmp, "--rules", "changzhou-2024", "--unit", "钟楼区委组织部" * 3,
                    "--journal", os.path.join(tmp, "..", os.path.basename(tmp) + ".json"))
            self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
            self.assertIn("改名为", p.stderr)
            self.assertIn("名字太长；正在撤销", p.stderr)
            self.assertNotIn("File name too long", p.stderr)
            self.assertEqual(sorted(os.listdir(tmp)), sorted(names))  # every name put back
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(tmp + ".json", ignore_errors=True)
            if os.path.exists(tmp + ".json"):
                os.remove(tmp + ".json")
