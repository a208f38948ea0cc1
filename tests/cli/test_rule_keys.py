"""Rule keys take effect or are refused (issue 16, item 7): a rule file that changes
`forbidden_characters` or a variant's `suffix` changes what check, rename and pack do; a naming
`pattern` or document pattern other than the one mpcheck reads and writes is refused by
`rules lint` (and by every command) at its FILE:LINE:COL, never silently ignored."""
import os
import re
import shutil
import tempfile
import unittest

from check_tree import UNIT, changzhou, place
from mpcheck_test import fixture, run, run_json

SOURCE = os.environ.get("MPCHECK_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))
CHANGZHOU = open(os.path.join(SOURCE, "rules", "changzhou-2024.yaml"), encoding="utf-8").read()


def rule_file(tmp, old, new, name="custom.yaml"):
    """Changzhou's rule set with `old` replaced by `new` (once, and it must be there)."""
    assert old in CHANGZHOU, old
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(CHANGZHOU.replace(old, new, 1))
    return path


def findings(report, check_id):
    return sorted(f["path"] for f in report["findings"] if f["check"] == check_id)


def names(folder):
    return sorted(os.listdir(folder))


class ForbiddenCharactersTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-keys-")
        self.rules = rule_file(self.tmp, '  episode_suffix: （第{n}集）\n',
                               '  episode_suffix: （第{n}集）\n  forbidden_characters: "·#"\n')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_check_reports_a_character_the_notice_refuses_and_only_with_the_key(self):
        root = changzhou(os.path.join(self.tmp, "drive"), titles=("党史·故事", "初心如磐"))
        p, report = run_json("check", "--format", "json", "--rules", self.rules,
                             "--as-of", "2024-09-01", root)
        self.assertEqual(p.returncode, 1, p.stderr)
        hit = [f for f in report["findings"] if f["check"] == "name.characters"]
        self.assertEqual(sorted(f["path"] for f in hit),  # every file named with the title
                         [f"作品/党史·故事-微视频-{UNIT}（无字幕）.mp4",
                          f"作品/党史·故事-微视频-{UNIT}（有字幕）.mp4",
                          f"文本/党史·故事-解说词-{UNIT}.docx"])
        self.assertEqual(hit[0]["actual"], "·")
        p, report = run_json("check", "--format", "json", "--rules", "changzhou-2024",
                             "--as-of", "2024-09-01", root)
        self.assertEqual(findings(report, "name.characters"), [])

    def test_rename_drops_the_refused_character(self):
        folder = os.path.join(self.tmp, "dir", "作品")
        place(fixture("h264-720p25.mp4"), f"{folder}/党史#故事-微视频-{UNIT} 有字幕版.mp4")
        p = run("rename", os.path.dirname(folder), "--rules", self.rules,
                "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(names(folder), [f"党史故事-微视频-{UNIT}（有字幕）.mp4"])

    def test_a_dash_cannot_be_refused(self):
        bad = rule_file(self.tmp, '  episode_suffix: （第{n}集）\n',
                        '  episode_suffix: （第{n}集）\n  forbidden_characters: "-"\n', "dash.yaml")
        p = run("rules", "lint", bad)
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr, r"dash\.yaml:\d+:\d+: .*forbidden_characters")


class VariantSuffixTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-keys-")
        self.rules = rule_file(
            self.tmp, "        suffix: （有字幕）\n        accept: [有字幕, 有字幕版, 字幕版, 带字幕, 含字幕]",
            "        suffix: （中文字幕）\n        accept: [中文字幕, 有字幕版]")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_rename_writes_the_rule_files_suffix_and_check_accepts_it(self):
        root = os.path.join(self.tmp, "dir")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{root}/作品/奋斗者之歌-微视频-{UNIT} 有字幕版.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{root}/作品/奋斗者之歌-微视频-{UNIT}（无字幕）.mp4")
        p = run("rename", root, "--rules", self.rules, "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"奋斗者之歌-微视频-{UNIT}（中文字幕）.mp4", names(f"{root}/作品"))
        _, report = run_json("check", "--format", "json", "--rules", self.rules,
                             "--as-of", "2024-09-01", root)
        for check_id in ("name.pattern", "subtitles.pair-missing", "subtitles.pair-mismatch"):
            self.assertEqual(findings(report, check_id), [], check_id)


class PatternsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-keys-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def assert_refused(self, old, new, key):
        path = rule_file(self.tmp, old, new)
        with open(path, encoding="utf-8") as f:
            line = next(i for i, l in enumerate(f, 1) if l.startswith(f"  {key}:"))
        p = run("rules", "lint", path)
        self.assertEqual(p.returncode, 2, p.stdout)
        self.assertRegex(p.stderr, rf"custom\.yaml:{line}:\d+: .*'{key}' can only be")
        p = run("check", "--rules", path, self.tmp)
        self.assertEqual(p.returncode, 2)

    def test_a_naming_pattern_mpcheck_cannot_read_is_refused(self):
        self.assert_refused('  pattern: "{title}-{category}-{unit}"',
                            '  pattern: "{unit}-{title}-{category}"', "pattern")

    def test_document_patterns_mpcheck_cannot_write_are_refused(self):
        self.assert_refused('  unit_document_pattern: "{kind}-{unit}"',
                            '  unit_document_pattern: "{unit}-{kind}"', "unit_document_pattern")
        self.assert_refused('  work_document_pattern: "{title}-{kind}-{unit}"',
                            '  work_document_pattern: "{title}_{kind}_{unit}"', "work_document_pattern")

    def test_the_implemented_patterns_pass(self):
        p = run("rules", "lint", os.path.join(SOURCE, "rules", "changzhou-2024.yaml"))
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main()
