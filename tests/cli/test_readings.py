"""The readings of the notices, end to end (issue 10): Changzhou's 8Mbps is a floor (an error
below, a warning far above), its deadline refuses late drives (an error, judged as of
--as-of, the day stated in every report), Jiaozuo's 县市区 documents are required with their
own dates, and the branch plan's "10–15分钟以内" bounds from above (under 10 minutes: a
warning). Media are the shared fixtures or made here with ffmpeg."""
import datetime
import os
import shutil
import tempfile
import unittest
import zipfile

from check_tree import CLEAN, UNIT, changzhou, docx, ffmpeg, place
from mpcheck_test import fixture, run, run_json

CLEAN_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"
COUNTY = "修武县委宣传部"


def check(tree, *args):
    p, report = run_json("check", "--format", "json", *args, tree)
    assert p.returncode in (0, 1), f"exit {p.returncode}: {p.stderr}"
    return p.returncode, report


def found(report, check_id):
    """[(path, severity)] of the findings of `check_id`, sorted."""
    return sorted((f["path"], f["severity"]) for f in report["findings"] if f["check"] == check_id)


def errors(report):
    return [(f["check"], f["path"]) for f in report["findings"] if f["severity"] == "error"]


def office(path, part):
    """A minimal real OOXML file whose main part is `part` (ppt/presentation.xml, …)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types/>')
        z.writestr(part, '<?xml version="1.0" encoding="UTF-8"?><root/>')


class ReadingsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-readings-")
        self.root = os.path.join(self.tmp, "drive")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- changzhou-2024: 微视频报送mp4（1080/25P/8Mbps）格式 -----------------------------------
    def clean_at(self, rate):
        """The good Changzhou drive with its clean version re-encoded at `rate` (CBR)."""
        changzhou(self.root)
        out = os.path.join(self.tmp, f"{rate}.mp4")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-c:v", "libx264", "-preset", "ultrafast",
               "-b:v", rate, "-minrate", rate, "-maxrate", rate, "-bufsize", rate,
               "-x264-params", "nal-hrd=cbr", "-c:a", "copy", out)
        os.remove(f"{self.root}/{CLEAN_PATH}")
        place(out, f"{self.root}/{CLEAN_PATH}")

    def test_changzhou_bitrate_below_8mbps_is_an_error(self):
        self.clean_at("3M")
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast")
        self.assertEqual(found(report, "video.bitrate"), [(CLEAN_PATH, "error")])
        self.assertEqual(code, 1)
        f = [f for f in report["findings"] if f["check"] == "video.bitrate"][0]
        self.assertEqual(f["expected"], "≥ 6.80 Mbps")
        self.assertIn("低于要求的 8.00 Mbps", f["message"])
        self.assertIn("8Mbps", f["source"])

    def test_changzhou_bitrate_far_above_8mbps_is_a_warning(self):
        self.clean_at("20M")
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast")
        self.assertEqual(found(report, "video.bitrate"), [(CLEAN_PATH, "warning")])
        self.assertEqual(errors(report), [])
        self.assertEqual(code, 0)
        f = [f for f in report["findings"] if f["check"] == "video.bitrate"][0]
        self.assertEqual(f["expected"], "≤ 12.00 Mbps")
        self.assertIn("远高于要求的 8.00 Mbps", f["message"])
        # The English report says the same reading.
        p, en = run_json("check", "--format", "json", "--lang", "en", "--rules", "changzhou-2024",
                         "--as-of", "2024-09-01", "--fast", self.root)
        message = [f["message"] for f in en["findings"] if f["check"] == "video.bitrate"][0]
        self.assertIn("far above the 8.00 Mbps asked", message)

    def test_changzhou_bitrate_a_little_above_8mbps_passes(self):
        self.clean_at("10M")
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast")
        self.assertEqual(found(report, "video.bitrate"), [])

    # -- changzhou-2024: 逾期报送…不予受理 -----------------------------------------------------
    def test_changzhou_late_drive_is_an_error_as_of_the_day_stated(self):
        changzhou(self.root)
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-05", "--fast")
        self.assertEqual(found(report, "submission.deadline"), [])
        self.assertEqual(report["as_of"], "2024-09-05")
        self.assertEqual(code, 0)
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-06", "--fast")
        self.assertEqual(found(report, "submission.deadline"), [("", "error")])
        self.assertEqual(report["as_of"], "2024-09-06")
        self.assertEqual(code, 1)
        f = [f for f in report["findings"] if f["check"] == "submission.deadline"][0]
        self.assertEqual((f["expected"], f["actual"]), ("≤ 2024-09-05", "2024-09-06"))
        self.assertIn("--as-of", f["hint"])
        # The text report says the day it judged by, next to the deadline.
        p = run("check", "--rules", "changzhou-2024", "--as-of", "2024-09-06", "--fast", self.root)
        self.assertEqual(p.returncode, 1)
        self.assertIn("检查日期: 2024-09-06   截止日期: 2024-09-05", p.stdout)
        p = run("check", "--lang", "en", "--rules", "changzhou-2024", "--as-of", "2024-09-06", "--fast", self.root)
        self.assertIn("as of: 2024-09-06   deadline: 2024-09-05", p.stdout)
        # Without --as-of the day is today, and the report says so.
        code, report = check(self.root, "--rules", "changzhou-2024", "--fast")
        self.assertEqual(report["as_of"], datetime.date.today().isoformat())

    def test_liaoning_late_drive_stays_a_warning(self):
        # The Liaoning notice refuses nothing for lateness.
        os.makedirs(self.root)
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/微党课-张三.mp4")
        code, report = check(self.root, "--rules", "liaoning-2023", "--as-of", "2023-06-13", "--fast")
        self.assertEqual(found(report, "submission.deadline"), [("", "warning")])

    # -- jiaozuo-2019: the contest entries, 附件1, 附件2 and the report ---------------------------
    def jiaozuo(self, county_documents=True):
        for title, name in (("我和我的祖国", "张三"), ("家乡巨变", "李四")):
            place(fixture("h264-720p25.mp4"), f"{self.root}/{title}-{name}.mp4")
            office(f"{self.root}/{title}-{name}.pptx", "ppt/presentation.xml")
        docx(f"{self.root}/统计表-{COUNTY}.docx", "统计表")
        if county_documents:
            office(f"{self.root}/师资库统计表-{COUNTY}.xlsx", "xl/workbook.xml")
            docx(f"{self.root}/情况报告-{COUNTY}.docx", "情况报告")
        return self.root

    def test_jiaozuo_county_documents_are_required(self):
        self.jiaozuo(county_documents=False)
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-06-01", "--fast")
        missing = sorted((f["expected"], f["severity"]) for f in report["findings"] if f["check"] == "document.missing")
        self.assertEqual(missing, sorted([("师资库统计表", "error"), ("情况报告", "error")]))
        self.assertEqual(code, 1)
        pool = [f for f in report["findings"] if f["expected"] == "师资库统计表"][0]
        self.assertIn("报送截止 2019-06-30", pool["message"])
        self.assertIn("于6月30日前报送", pool["source"])
        # With them, nothing is missing; a 师资库统计表 is not taken for the 统计表.
        shutil.rmtree(self.root)
        self.jiaozuo()
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-06-01", "--fast")
        self.assertEqual(found(report, "document.missing"), [])
        os.remove(f"{self.root}/统计表-{COUNTY}.docx")
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-06-01", "--fast")
        self.assertEqual([f["expected"] for f in report["findings"] if f["check"] == "document.missing"], ["统计表"])

    def test_jiaozuo_other_units_are_not_asked_for_the_county_documents(self):
        self.jiaozuo(county_documents=False)
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-06-01", "--fast",
                             "--unit", "市教育局")
        self.assertEqual(found(report, "document.missing"), [])
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-06-01", "--fast",
                             "--unit", COUNTY)
        self.assertEqual(len(found(report, "document.missing")), 2)

    def test_jiaozuo_each_hand_in_has_its_own_date(self):
        self.jiaozuo()
        late = lambda day: found(check(self.root, "--rules", "jiaozuo-2019", "--as-of", day, "--fast")[1],
                                 "submission.deadline")
        pool = f"师资库统计表-{COUNTY}.xlsx"
        self.assertEqual(late("2019-06-30"), [])
        self.assertEqual(late("2019-07-01"), [(pool, "warning")])
        # The entries are due by the contest (8月上旬), not by 30 September.
        self.assertEqual(late("2019-08-10"), [(pool, "warning")])
        self.assertEqual(late("2019-08-11"), [("", "warning"), (pool, "warning")])
        self.assertEqual(late("2019-09-30"), [("", "warning"), (pool, "warning")])
        self.assertEqual(late("2019-10-01"), sorted([("", "warning"), (f"情况报告-{COUNTY}.docx", "warning"),
                                                     (pool, "warning"), (f"统计表-{COUNTY}.docx", "warning")]))

    # -- branch-everyone: 授课时间严格控制在 10 – 15 分钟以内 --------------------------------------
    def test_branch_under_10_minutes_is_a_warning(self):
        os.makedirs(self.root)
        place(fixture("h264-720p25.mp4"), f"{self.root}/微党课-张三.mp4")
        code, report = check(self.root, "--rules", "branch-everyone", "--fast")
        self.assertEqual(found(report, "duration.min"), [("微党课-张三.mp4", "warning")])
        self.assertEqual(errors(report), [])
        self.assertEqual(code, 0)

    def test_branch_over_15_minutes_is_an_error(self):
        os.makedirs(self.root)
        # 15:01 of a tiny picture at 1 fps with PCM sound: made in seconds.
        ffmpeg("-f", "lavfi", "-i", "color=c=blue:size=64x36:rate=1", "-f", "lavfi",
               "-i", "sine=frequency=440:sample_rate=8000", "-t", "901", "-c:v", "libx264",
               "-preset", "ultrafast", "-c:a", "pcm_s16le", f"{self.root}/微党课-李四.mov")
        code, report = check(self.root, "--rules", "branch-everyone", "--fast")
        self.assertEqual(found(report, "duration.max"), [("微党课-李四.mov", "error")])
        self.assertEqual(found(report, "duration.min"), [])
        self.assertEqual(code, 1)

    # -- rules show: each reading is there to read ----------------------------------------------
    def test_rules_show_states_the_readings(self):
        p = run("rules", "show", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("max_bitrate: 12Mbps", p.stdout)
        after = p.stdout[p.stdout.index("max_bitrate: 12Mbps"):]
        self.assertIn("级别：警告", after[:after.index("\n\n") if "\n\n" in after else None])
        deadline = p.stdout[p.stdout.index("submission.deadline"):]
        self.assertIn("不予受理", deadline[:deadline.index("\n\n")])
        self.assertIn("级别：错误", deadline[:deadline.index("\n\n")])
        p = run("rules", "show", "jiaozuo-2019", "--lang", "en")
        self.assertIn("[师资库统计表] deadline: 2019-06-30", p.stdout)
        self.assertIn("[统计表] deadline: 2019-09-30", p.stdout)
        self.assertIn("[情况报告] deadline: 2019-09-30", p.stdout)
        self.assertIn("deadline: 2019-08-10", p.stdout)
        p = run("rules", "show", "branch-everyone", "--lang", "en")
        after = p.stdout[p.stdout.index("min_duration: 10min"):]
        self.assertIn("severity: warning", after[:after.index("\n\n")])


if __name__ == "__main__":
    unittest.main()
