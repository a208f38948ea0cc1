"""The notice's own names, end to end (issue 10): a new-media picture named exactly
作品名-新媒体作品-单位.jpg is told apart by what it is (one QR code, or a poster with every
poster requirement); a code in the poster is the work's QR code, none anywhere is an error,
and --fast claims nothing; series named 作品名-分类-单位（第N集）.mp4; rename and init leave
names they cannot understand alone."""
import os
import shutil
import subprocess
import tempfile
import unittest

from check_tree import UNIT, changzhou, docx, place
from mpcheck_test import fixture, run, run_json

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01")
QR_TEXT = "https://mp.weixin.qq.com/s/mpcheck-微光"
POSTER_IDS = ("image.format", "image.color-mode", "image.size", "image.dpi")


def check(tree, *args):
    p, report = run_json("check", "--format", "json", *args, tree)
    assert p.returncode in (0, 1), f"exit {p.returncode}: {p.stderr}"
    return p.returncode, report


def hits(report, check_id):
    return sorted(f["path"] for f in report["findings"] if f["check"] == check_id)


def findings(report, check_id):
    return [f for f in report["findings"] if f["check"] == check_id]


def problems(report):
    return sorted((f["check"], f["path"]) for f in report["findings"] if f["severity"] in ("error", "warning"))


def convert(*args):
    subprocess.run(["convert", *args], check=True, capture_output=True)


class NewMediaPictureTest(unittest.TestCase):
    """The good Changzhou tree plus the new-media work 微光 with the pictures a test gives."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-names-")
        self.root = changzhou(os.path.join(self.tmp, "drive"))
        docx(f"{self.root}/文本/微光-创意说明-{UNIT}.docx", "创意说明")
        self.bare = f"作品/微光-新媒体作品-{UNIT}"  # the notice's own name, no role mark

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def qr_png(self, name="qr.png"):
        """The work's address as a QR image: qrencode's code with its 4-module white margin."""
        path = os.path.join(self.tmp, name)
        subprocess.run(["qrencode", "-s", "8", "-m", "4", "-o", path, QR_TEXT], check=True)
        return path

    def a4_rgb_72dpi_png(self):
        path = os.path.join(self.tmp, "a4.png")
        convert("-size", "595x842", "gradient:#c00000-#ffd700", "-units", "PixelsPerInch",
                "-density", "72", path)
        return path

    def a3_cmyk_poster_with_code(self):
        """An A3 300 dpi CMYK JPEG poster with the code printed in a corner (~3 % of it)."""
        path = os.path.join(self.tmp, "poster-code.jpg")
        convert("-size", "3508x4961", "xc:#f0e0c0", "(", self.qr_png(), "-filter", "point",
                "-resize", "700x700", ")", "-geometry", "+2600+4100", "-composite",
                "-colorspace", "CMYK", "-units", "PixelsPerInch", "-density", "300",
                "-quality", "85", path)
        return path

    def test_an_unmarked_rgb_a4_png_is_the_poster_and_fails_every_poster_requirement(self):
        place(self.a4_rgb_72dpi_png(), f"{self.root}/{self.bare}.png")
        place(fixture("qr-rgb.jpg"), f"{self.root}/{self.bare}（二维码）.jpg")
        code, report = check(self.root, *CZ)
        for check_id in POSTER_IDS:
            self.assertEqual(hits(report, check_id), [f"{self.bare}.png"], check_id)
        self.assertEqual(hits(report, "image.qr-code"), [])
        self.assertEqual(code, 1)
        # --fast cannot tell what the unmarked picture is: no poster verdict, no false error,
        # and it says so.
        code, report = check(self.root, *CZ, "--fast")
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)
        [f] = findings(report, "image.qr-code")
        self.assertEqual(f["severity"], "info")
        self.assertIn("未检查二维码", f["message"])
        self.assertIn("也未按海报要求检查", f["message"])

    def test_two_unmarked_pictures_are_told_apart(self):
        place(fixture("cmyk-300dpi-a3.jpg"), f"{self.root}/{self.bare}.jpg")
        place(self.qr_png(), f"{self.root}/{self.bare}.png")
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)
        facts = {f["path"]: f["facts"] for f in report["files"]}
        self.assertEqual(facts[f"{self.bare}.png"]["image"]["qr_codes"], [QR_TEXT])
        self.assertGreater(facts[f"{self.bare}.png"]["image"]["qr_area"], 0.5)

    def test_a_code_in_the_poster_is_the_works_qr_code(self):
        place(self.a3_cmyk_poster_with_code(), f"{self.root}/{self.bare}.jpg")
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)
        facts = {f["path"]: f["facts"] for f in report["files"]}
        image = facts[f"{self.bare}.jpg"]["image"]
        self.assertEqual(image["qr_codes"], [QR_TEXT])
        self.assertLess(image["qr_area"], 0.2)  # a code on the poster, not a QR image

    def test_a_qr_image_that_does_not_scan_next_to_a_poster_whose_code_does(self):
        place(self.a3_cmyk_poster_with_code(), f"{self.root}/{self.bare}（海报）.jpg")
        place(fixture("rgb-300dpi.jpg"), f"{self.root}/{self.bare}（二维码）.jpg")
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [("image.qr-code", f"{self.bare}（二维码）.jpg")])
        self.assertEqual(findings(report, "image.qr-code")[0]["severity"], "warning")
        self.assertEqual(code, 0)

    def test_no_qr_code_anywhere_is_an_error(self):
        place(fixture("cmyk-300dpi-a3.jpg"), f"{self.root}/{self.bare}.jpg")
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [("image.qr-code", f"{self.bare}.jpg")])
        [f] = findings(report, "image.qr-code")
        self.assertEqual((f["severity"], f["work"]), ("error", "微光"))
        self.assertIn("新媒体作品缺少作品地址二维码", f["message"])
        self.assertEqual(code, 1)
        p, en = run_json("check", "--format", "json", "--lang", "en", *CZ, self.root)
        self.assertIn("no QR code of its address", findings(en, "image.qr-code")[0]["message"])
        # --fast: not decoded is not "no code".
        code, report = check(self.root, *CZ, "--fast")
        self.assertEqual(problems(report), [])
        self.assertEqual([f["severity"] for f in findings(report, "image.qr-code")], ["info"])
        self.assertEqual(code, 0)

    def test_a_new_media_work_without_any_picture_is_an_error_even_under_fast(self):
        place(fixture("h264-720p25.mp4"), f"{self.root}/{self.bare}.mp4")
        for args in ((), ("--fast",)):
            code, report = check(self.root, *CZ, *args)
            [f] = findings(report, "image.qr-code")
            self.assertEqual((f["severity"], f["message"]), ("error", "新媒体作品缺少作品地址二维码图片"))
            self.assertEqual(code, 1)


class SeriesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-series-")
        self.root = changzhou(os.path.join(self.tmp, "drive"))
        docx(f"{self.root}/文本/系列-解说词-{UNIT}.docx", "解说词")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def episodes(self, n):
        for e in range(1, n + 1):
            place(fixture("h264-720p25.mp4"), f"{self.root}/作品/系列-纪录片-{UNIT}（第{e}集）.mp4")

    def test_three_episodes_in_the_rule_sets_form_are_a_short_series(self):
        self.episodes(3)
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "name.unit"), [])
        self.assertEqual(hits(report, "name.pattern"), [])
        [f] = findings(report, "work.episodes")
        self.assertEqual((f["severity"], f["work"], f["path"]),
                         ("warning", "系列", f"作品/系列-纪录片-{UNIT}（第1集）.mp4"))
        self.assertIn("成体系", f["message"])
        self.assertEqual(code, 0)  # a warning: coherence is for a person to judge
        self.assertIn("系列", [f["work"] for f in findings(report, "manual.excluded-types")])
        works = {w["title"]: w for w in report["works"]}
        self.assertEqual(works["系列"]["episodes"], 3)
        self.assertEqual(report["summary"]["works"], 3)

    def test_five_episodes_pass(self):
        self.episodes(5)
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "work.episodes"), [])
        self.assertEqual(hits(report, "name.unit"), [])
        self.assertEqual({w["title"]: w["episodes"] for w in report["works"]}["系列"], 5)


class RenameInitNamesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-names-ri-")
        self.dir = os.path.join(self.tmp, "材料")
        src = fixture("h264-720p25.mp4")
        self.camera = ["VID_20240801_123456.mp4", "VID-20240801-WA0003.mp4", "IMG_0001.MOV"]
        for name in self.camera:
            place(src, f"{self.dir}/{name}")
        place(src, f"{self.dir}/系列（第2集）-纪录片-{UNIT}.mp4")
        place(src, f"{self.dir}/系列_纪录片_{UNIT}_第3集.mp4")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_rename_leaves_names_it_cannot_understand_alone(self):
        p = run("rename", self.dir, "--rules", "changzhou-2024", "--unit", "天宁区委组织部",
                "--journal", os.path.join(self.tmp, "j.json"))
        self.assertEqual(p.returncode, 1, p.stderr)  # it left files: said, and exit 1
        self.assertEqual(sorted(os.listdir(self.dir)), sorted(self.camera + [
            "系列-纪录片-天宁区委组织部（第2集）.mp4", "系列-纪录片-天宁区委组织部（第3集）.mp4"]))
        for name in self.camera:
            self.assertIn(name, p.stdout)  # listed as left alone
        self.assertIn("“20240801”不是通知规定的分类", p.stdout)

    def test_init_leaves_the_title_of_a_camera_name_todo(self):
        p = run("init", self.dir, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{self.dir}/works.yaml") as f:
            text = f.read()
        self.assertNotIn('title: "VID"', text)
        self.assertNotIn('title: "IMG_0001"', text)
        for name in self.camera:
            self.assertIn(f'title: "TODO"   # TODO：作品名（文件名“{name}”不是“作品名-分类-报送单位”）', text)
        self.assertEqual(text.count('title: "系列"'), 1)  # both episodes are one work
        self.assertIn("episodes: 2\n", text)


class DraftMarkTest(unittest.TestCase):
    def test_checks_suggested_name_leaves_the_draft_mark_out_as_init_does(self):
        # 初心如磐（定稿）.mp4: init writes the title 初心如磐, so pack and rename name the file
        # 初心如磐-分类-单位.mp4; check's name.pattern hint must suggest the same title.
        tmp = tempfile.mkdtemp(prefix="mpcheck-names-d-")
        try:
            src = os.path.join(tmp, "材料")
            place(fixture("h264-720p25.mp4"), f"{src}/初心如磐（定稿）.mp4")
            place(fixture("h264-720p25.mp4"), f"{src}/奋斗者之歌 最终版 (1).mp4")
            code, report = check(src, *CZ)
            hints = {f["path"]: f["hint"] for f in findings(report, "name.pattern")}
            self.assertIn("改名为类似“初心如磐-分类-报送单位.mp4”", hints["初心如磐（定稿）.mp4"])
            self.assertIn("“（定稿）”是草稿或版本字样", hints["初心如磐（定稿）.mp4"])
            self.assertIn("改名为类似“奋斗者之歌-分类-报送单位.mp4”", hints["奋斗者之歌 最终版 (1).mp4"])
            p, report = run_json("check", "--format", "json", "--lang", "en", *CZ, src)
            hint = [f["hint"] for f in findings(report, "name.pattern") if "初心" in f["path"]][0]
            self.assertIn("Rename it like '初心如磐-分类-报送单位.mp4'", hint)
            p = run("init", src, "--rules", "changzhou-2024")
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            with open(f"{src}/works.yaml") as f:
                text = f.read()
            self.assertIn('title: "初心如磐"', text)
            self.assertIn('title: "奋斗者之歌"', text)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class EpisodesFromManifestTest(unittest.TestCase):
    def test_episodes_are_named_in_the_rule_sets_form(self):
        tmp = tempfile.mkdtemp(prefix="mpcheck-names-m-")
        try:
            src = os.path.join(tmp, "材料")
            for n in ("一", "二"):
                place(fixture("h264-720p25.mp4"), f"{src}/素材/{n}.mp4")
            with open(f"{src}/works.yaml", "w") as f:
                f.write(f"unit: {UNIT}\nworks:\n  - title: 系列\n    category: 纪录片\n"
                        "    files: {episodes: [素材/一.mp4, 素材/二.mp4]}\n")
            p = run("rename", src, "--rules", "changzhou-2024", "--journal", os.path.join(tmp, "j.json"))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(sorted(os.listdir(f"{src}/素材")),
                             [f"系列-纪录片-{UNIT}（第1集）.mp4", f"系列-纪录片-{UNIT}（第2集）.mp4"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
