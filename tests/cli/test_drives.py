"""What a submission is (issue 10): every PATH given to `check` is its own submission — a
folder a drive, loose files checked as files —, reports in every format per drive, a PATH that
cannot be checked is an error of the run, a drive with no work or left half-written by pack is
an error, a drive is verified against its manifest-sha256.txt, and one summary everywhere."""
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from check_tree import CLEAN, SUB, UNIT, changzhou, docx, place
from mpcheck_test import SOURCE, without_dac_override, fixture, run, run_json

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01")
FAST = (*CZ, "--fast")
CLEAN_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"
SUB_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{SUB}.mp4"
SUMMARY_ZH = re.compile(r"共 (\d+) 个文件、(\d+) 部作品：(\d+) 个错误，(\d+) 个警告，(\d+) 项需人工确认，(\d+) 条提示")


def problems(report):
    return sorted((f["check"], f["path"]) for f in report["findings"] if f["severity"] in ("error", "warning"))


def hits(report, check_id):
    return sorted(f["path"] for f in report["findings"] if f["check"] == check_id)


def sha256_manifest(root):
    """What `sha256sum` writes for every file of the drive (paths relative to it, sorted)."""
    lines = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if rel in ("manifest-sha256.txt", "mpcheck-report.txt", ".mpcheck-pack-state"):
                continue
            with open(path, "rb") as f:
                lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {rel}\n")
    with open(os.path.join(root, "manifest-sha256.txt"), "w", encoding="utf-8") as f:
        f.write("".join(sorted(lines, key=lambda line: line[66:].encode())))


def rewrite(path, data):
    """Replaces a file (a hard link to a shared fixture) by a new one holding `data`."""
    os.remove(path)
    with open(path, "wb") as f:
        f.write(data)


class DrivesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-drives-")
        self.locked = []  # folders made unreadable, opened again before they are removed

    def tearDown(self):
        for folder in self.locked:
            os.chmod(folder, 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def drive(self, name="usb1", **kw):
        return changzhou(os.path.join(self.tmp, name), **kw)

    # -- each PATH its own submission ------------------------------------------------------
    def test_two_drives_are_two_submissions_with_the_worst_exit_code(self):
        good = self.drive("usb1")
        bad = self.drive("usb2", titles=("初心如磐",))
        shutil.rmtree(f"{bad}/文本")
        p, reports = run_json("check", "--format", "json", *FAST, good, bad)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIsInstance(reports, list)
        self.assertEqual([r["root"] for r in reports], [good, bad])
        self.assertEqual(problems(reports[0]), [])  # not "every file misplaced" any more
        self.assertEqual(problems(reports[1]), [("document.missing", "文本"), ("layout.folder-missing", "文本")])
        self.assertEqual([r["summary"]["works"] for r in reports], [2, 1])
        # The good drive alone passes; the order of the PATHs does not change the verdicts.
        self.assertEqual(run("check", *FAST, good).returncode, 0)
        p, swapped = run_json("check", "--format", "json", *FAST, bad, good)
        self.assertEqual([r["root"] for r in swapped], [bad, good])
        self.assertEqual(problems(swapped[1]), [])

    def test_text_gives_a_report_per_drive_and_a_closing_line_each(self):
        good, other = self.drive("usb1"), self.drive("usb2")
        shutil.rmtree(f"{other}/文本")
        p = run("check", *FAST, good, other)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.count("mpcheck 检查报告"), 2)
        closing = p.stdout[p.stdout.rindex("共检查 2 份报送："):].splitlines()
        self.assertEqual(len(closing), 3, closing)
        self.assertTrue(closing[1].startswith(f"✓ {good}  共 "), closing)
        self.assertTrue(closing[2].startswith(f"✗ {other}  共 "), closing)
        self.assertRegex(closing[2], r"[1-9]\d* 个错误")
        en = run("check", *FAST, "--lang", "en", good, other)
        self.assertIn("2 submissions checked:", en.stdout)
        # One drive: the report as before, no closing block.
        one = run("check", *FAST, good)
        self.assertNotIn("份报送", one.stdout)

    def test_json_of_one_path_is_one_object_and_jsonl_one_line_per_path(self):
        good, other = self.drive("usb1"), self.drive("usb2")
        p, one = run_json("check", "--format", "json", *FAST, good)
        self.assertIsInstance(one, dict)
        self.assertEqual(one["schema"], "mpcheck-report/1")
        for paths in ([good], [good, other]):
            p = run("check", "--format", "jsonl", *FAST, *paths)
            self.assertEqual(p.returncode, 0, p.stderr)
            lines = p.stdout.splitlines()
            self.assertEqual(len(lines), len(paths))
            objects = [json.loads(line) for line in lines]
            self.assertEqual([o["root"] for o in objects], paths)
            self.assertEqual(objects[0]["summary"], one["summary"])
        # A PATH given twice is checked once.
        p = run("check", "--format", "jsonl", *FAST, good, good + "/", other)
        self.assertEqual(len(p.stdout.splitlines()), 2)

    def test_junit_one_testsuite_per_drive_named_by_its_path_20_drives(self):
        drives = []
        for i in range(20):
            # The same last folder name everywhere: only the whole path tells them apart.
            drives.append(changzhou(os.path.join(self.tmp, f"收件{i:02d}", "U盘"), titles=("奋斗者之歌",)))
        shutil.rmtree(f"{drives[7]}/文本")
        p = run("check", "--format", "junit", *FAST, *drives)
        self.assertEqual(p.returncode, 1, p.stderr)
        root = ET.fromstring(p.stdout.encode())
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites], drives)
        self.assertEqual(int(root.get("tests")), sum(int(s.get("tests")) for s in suites))
        self.assertEqual(int(root.get("failures")), sum(int(s.get("failures")) for s in suites))
        failing = [s.get("name") for s in suites if int(s.get("failures")) > 0]
        self.assertEqual(failing, [drives[7]])
        for s in suites:
            props = {x.get("name"): x.get("value") for x in s.findall("properties/property")}
            self.assertEqual(props["root"], s.get("name"))
            self.assertEqual(props["rules.id"], "changzhou-2024")

    def test_sarif_one_run_per_drive_and_html_one_page(self):
        good, other = self.drive("usb1"), self.drive("usb2")
        os.remove(f"{other}/{CLEAN_PATH}")
        p = run("check", "--format", "sarif", *FAST, good, other)
        self.assertEqual(p.returncode, 1, p.stderr)
        runs = json.loads(p.stdout)["runs"]
        self.assertEqual([r["properties"]["root"] for r in runs], [good, other])
        self.assertTrue(runs[0]["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/usb1/"))
        self.assertEqual([r["ruleId"] for r in runs[0]["results"] if r["level"] == "error"], [])
        self.assertIn("subtitles.pair-missing", [r["ruleId"] for r in runs[1]["results"]])
        p = run("check", "--format", "html", *FAST, good, other)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.count("<!DOCTYPE html>"), 1)
        self.assertEqual(len(re.findall(r'<div class="drive" id="drive-\d">', p.stdout)), 2)
        self.assertIn(f"检查目录：{good}", p.stdout)
        self.assertIn(f"检查目录：{other}", p.stdout)

    # -- a file PATH is checked as a file --------------------------------------------------
    def test_one_good_video_is_checked_as_a_file(self):
        root = self.drive()
        code_p, report = run_json("check", "--format", "json", *CZ, f"{root}/{CLEAN_PATH}")
        self.assertEqual(code_p.returncode, 0, code_p.stderr)
        self.assertEqual(problems(report), [])  # no folders, forms, quotas, twin
        self.assertEqual([f["path"] for f in report["files"]], [os.path.basename(CLEAN_PATH)])
        self.assertTrue(all(f["work"] == "奋斗者之歌" for f in report["findings"]), report["findings"])
        text = run("check", *CZ, f"{root}/{CLEAN_PATH}").stdout
        self.assertIn(f"检查文件: {root}/{CLEAN_PATH}", text)
        # Its own defects still show: the picture size, the name.
        bad = os.path.join(self.tmp, "成片.mp4")
        place(fixture("h264-720p25.mp4"), bad)
        p, report = run_json("check", "--format", "json", *FAST, bad)
        self.assertEqual(p.returncode, 1)
        self.assertIn(("name.pattern", "成片.mp4"), problems(report))
        named = os.path.join(self.tmp, f"初心-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("h264-720p25.mp4"), named)
        p, report = run_json("check", "--format", "json", *FAST, named)
        self.assertIn(("video.resolution", os.path.basename(named)), problems(report))
        for found in (problems(report), problems(run_json("check", "--format", "json", *FAST, bad)[1])):
            families = {c.split(".")[0] for c, _ in found}
            self.assertFalse(families & {"layout", "document", "subtitles", "work", "submission"}, found)

    def test_two_files_of_one_work_are_compared_as_a_pair(self):
        root = self.drive()
        p, report = run_json("check", "--format", "json", *CZ, f"{root}/{SUB_PATH}", f"{root}/{CLEAN_PATH}")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(problems(report), [])
        self.assertEqual(report["summary"]["works"], 1)
        # The clean version of another programme: not the same programme.
        other = os.path.join(self.tmp, os.path.basename(CLEAN_PATH))
        place(fixture("h264-1080p25-8M-prog2.mp4"), other)
        p, report = run_json("check", "--format", "json", *CZ, f"{root}/{SUB_PATH}", other)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(hits(report, "subtitles.pair-mismatch"), [f"{root}/{SUB_PATH}"])
        self.assertEqual(hits(report, "subtitles.pair-missing"), [])
        # A file and a drive: two submissions.
        p, reports = run_json("check", "--format", "json", *FAST, f"{root}/{SUB_PATH}", root)
        self.assertEqual([len(r["files"]) for r in reports], [1, 8])

    # -- a PATH that cannot be checked ---------------------------------------------------------
    def test_a_path_that_does_not_exist_is_a_usage_error_alone_and_an_entry_in_a_batch(self):
        good = self.drive()
        missing = os.path.join(self.tmp, "nope")
        # In a batch (a typo, a drive pulled out) the others are still checked and reported:
        # the missing one has its entry, and the exit code is 3, as for an unreadable PATH.
        p = run("check", "--format", "jsonl", *FAST, good, missing)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(p.stderr, f"mpcheck：错误：路径不存在：{missing}\n")
        lines = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual([r["root"] for r in lines], [good, missing])
        self.assertEqual(problems(lines[0]), [])
        self.assertEqual([(u["path"], u["reason"]) for u in lines[1]["unread"]], [(missing, "not-found")])
        # The HTML drives table says it was not checked, with no counts that read like a clean,
        # empty drive; JUnit gives it its error and no passing testcase (QA Q10, Q11).
        p = run("check", "--format", "html", *FAST, good, missing)
        row = re.search(r'<tr class="bad"><td><a href="#drive-1">.*?</tr>', p.stdout).group(0)
        self.assertIn(f"✗ 路径不存在：{missing}", row)
        self.assertEqual(re.findall(r'<td class="n">(.*?)</td>', row), ["—"] * 4)
        p = run("check", "--format", "junit", *FAST, good, missing)
        suite = ET.fromstring(p.stdout).findall("testsuite")[1]
        self.assertEqual([(c.get("classname"), len(c.findall("error"))) for c in suite.findall("testcase")],
                         [("unread", 1)])
        self.assertEqual(suite.get("tests"), "1")
        # Alone, nothing can be checked: a usage error, as for a wrong option.
        p = run("check", *FAST, missing)
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        self.assertEqual(p.stderr, f"mpcheck：错误：路径不存在：{missing}\n")
        p = run("check", "--format", "json", "--lang", "en", *FAST, missing)
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        self.assertEqual(p.stderr, f"mpcheck: error: {missing}: no such file or folder\n")
        fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(fifo)
        p = run("check", *FAST, fifo)
        self.assertEqual((p.returncode, p.stderr), (2, f"mpcheck：错误：不是文件或文件夹：{fifo}\n"))

    def test_a_path_that_cannot_be_read_is_a_runtime_error(self):
        good = self.drive()
        loop = os.path.join(self.tmp, "loop")
        os.symlink(loop, loop)  # cannot be opened at all, even by root
        p = run("check", "--format", "json", *FAST, loop, good)
        self.assertEqual(p.returncode, 3)
        self.assertEqual(p.stderr, f"mpcheck：错误：无法读取 {loop}：符号链接循环（未检查）\n")
        reports = json.loads(p.stdout)  # the readable drive is still checked and reported
        self.assertEqual([r["root"] for r in reports], [loop, good])
        self.assertEqual(reports[0]["unread"], [{"path": loop, "reason": "loop",
                                                 "message": f"无法读取 {loop}：符号链接循环（未检查）"}])
        self.assertEqual(problems(reports[1]), [])
        self.assertEqual(run("check", *FAST, "--exit-zero", loop).returncode, 3)

    # -- an unreadable drive among others (receivers' pipelines) ---------------------------------
    def unreadable_pair(self):
        """Two drives, the second of mode 000, and what `check` says of them run without the
        permission (root without CAP_DAC_OVERRIDE: mpcheck_test.without_dac_override)."""
        good, bad = self.drive("d1"), self.drive("d2")
        os.chmod(bad, 0)
        self.locked.append(bad)

        def check(fmt, *extra):
            return run("check", "--format", fmt, *FAST, *extra, good, bad, preexec_fn=without_dac_override)
        return good, bad, check

    def test_an_unreadable_drive_keeps_its_place_in_json_and_jsonl(self):
        good, bad, check = self.unreadable_pair()
        message = f"无法读取 {bad}：没有读取权限（未检查）"
        p = check("json")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(p.stderr, f"mpcheck：错误：{message}\n")
        reports = json.loads(p.stdout)
        self.assertIsInstance(reports, list)  # two PATHs: an array, as when both are read
        self.assertEqual([r["root"] for r in reports], [good, bad])
        self.assertEqual(reports[0]["unread"], [])
        self.assertEqual(problems(reports[0]), [])
        self.assertEqual(reports[1]["unread"], [{"path": bad, "reason": "permission", "message": message}])
        self.assertEqual(set(reports[1]), set(reports[0]))  # the same keys
        self.assertEqual((reports[1]["files"], reports[1]["findings"]), ([], []))
        p = check("jsonl")
        self.assertEqual(p.returncode, 3, p.stderr)
        lines = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual([(r["root"], [u["reason"] for u in r["unread"]]) for r in lines],
                         [(good, []), (bad, ["permission"])])
        p = check("jsonl", "--lang", "en")
        self.assertEqual(json.loads(p.stdout.splitlines()[1])["unread"][0]["message"],
                         f"cannot read {bad}: permission denied (not checked)")
        self.assertEqual(check("json", "--exit-zero").returncode, 3)

    def test_an_unreadable_drive_is_an_error_testcase_in_junit(self):
        good, bad, check = self.unreadable_pair()
        p = check("junit")
        self.assertEqual(p.returncode, 3, p.stderr)
        path = os.path.join(self.tmp, "junit.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(p.stdout)
        v = subprocess.run(["xmllint", "--noout", "--schema",
                            os.path.join(SOURCE, "tests", "schemas", "junit-10.xsd"), path],
                           capture_output=True, text=True)
        self.assertEqual(v.returncode, 0, v.stderr)
        root = ET.fromstring(p.stdout)
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites], [good, bad])
        self.assertEqual([s.get("errors") for s in suites], ["0", "1"])
        self.assertEqual(root.get("errors"), "1")
        errors = [(c.get("classname"), c.get("name"), e.get("type"), e.get("message"))
                  for c in suites[1].findall("testcase") for e in c.findall("error")]
        self.assertEqual(errors, [("unread", bad, "permission", f"无法读取 {bad}：没有读取权限（未检查）")])
        self.assertEqual(suites[0].findall("testcase/error"), [])

    def test_an_unreadable_drive_is_a_failed_invocation_in_sarif(self):
        import jsonschema
        good, bad, check = self.unreadable_pair()
        p = check("sarif", "--lang", "en")
        self.assertEqual(p.returncode, 3, p.stderr)
        sarif = json.loads(p.stdout)
        with open(os.path.join(SOURCE, "tests", "schemas", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
            validator = jsonschema.Draft4Validator(json.load(f))
        self.assertEqual([e.message for e in validator.iter_errors(sarif)], [])
        runs = sarif["runs"]
        self.assertEqual([r["properties"]["path"] for r in runs], [good, bad])
        self.assertEqual(runs[0]["invocations"], [{"executionSuccessful": True}])
        (inv,) = runs[1]["invocations"]
        self.assertFalse(inv["executionSuccessful"])
        (note,) = inv["toolExecutionNotifications"]
        self.assertEqual((note["level"], note["message"]["text"], note["properties"]),
                         ("error", f"cannot read {bad}: permission denied (not checked)",
                          {"path": bad, "reason": "permission"}))
        self.assertEqual(runs[1]["results"], [])

    def test_an_unreadable_drive_is_said_in_text_and_html(self):
        good, bad, check = self.unreadable_pair()
        p = check("text")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(p.stdout.count("mpcheck 检查报告"), 2)
        closing = p.stdout[p.stdout.rindex("共检查 2 份报送："):].splitlines()
        self.assertTrue(closing[2].startswith(f"✗ {bad}  共 0 个文件"), closing)
        self.assertIn(f"无法读取 {bad}：没有读取权限（未检查）", closing[2])
        p = check("html")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(f'<p class="unread">✗ 无法读取 {bad}：没有读取权限（未检查）</p>', p.stdout)

    def test_an_unreadable_loose_file_joins_the_loose_files_report(self):
        good = self.drive()
        video = f"{good}/{CLEAN_PATH}"
        locked = os.path.join(self.tmp, "locked.mp4")
        shutil.copy(video, locked)
        os.chmod(locked, 0)
        p = run("check", "--format", "json", *FAST, locked, video, preexec_fn=without_dac_override)
        self.assertEqual(p.returncode, 3, p.stderr)
        report = json.loads(p.stdout)
        self.assertIsInstance(report, dict)  # one submission, as when both files are read
        self.assertEqual([f["path"] for f in report["files"]], [os.path.basename(video)])
        self.assertEqual([(u["path"], u["reason"]) for u in report["unread"]], [(locked, "permission")])

    def test_an_unreadable_folder_is_named_and_nothing_in_it_called_missing(self):
        # A receiver without the permission to read 文本: the folder is named (a question of
        # permissions, not a damaged drive), and neither the 解说词 inside nor the manifest's
        # lines for it are called missing; a folder 作品 unread is not "a drive without works".
        root = self.drive()
        sha256_manifest(root)
        for folder in ("文本", "作品"):
            os.chmod(f"{root}/{folder}", 0)
            self.locked.append(f"{root}/{folder}")  # tearDown gives the mode back
            p, report = run_json("check", "--format", "json", *FAST, root,
                                 preexec_fn=without_dac_override)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertEqual(problems(report), [("file.unreadable", folder)] if folder == "文本" else
                             [("file.unreadable", "作品"), ("file.unreadable", "文本")])
            hint = [f for f in report["findings"] if f["check"] == "file.unreadable"][0]["hint"]
            self.assertIn("读取权限的问题", hint)
            self.assertNotIn("U盘可能已损坏", hint)

    # -- drives that hold no work ---------------------------------------------------------------
    def test_a_drive_without_a_work_is_an_error(self):
        root = os.path.join(self.tmp, "usb")
        for folder in ("作品", "表格", "文本"):
            os.makedirs(f"{root}/{folder}")
        docx(f"{root}/表格/报名表-{UNIT}.docx")
        docx(f"{root}/表格/汇总表-{UNIT}.docx")
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(problems(report), [("work.count", "")])
        f = [f for f in report["findings"] if f["check"] == "work.count"][0]
        self.assertEqual((f["severity"], f["actual"]), ("error", "0"))
        self.assertIn("没有任何作品", f["message"])

    def test_a_drive_an_interrupted_pack_left_is_an_error(self):
        root = self.drive()
        # pack's resume state without the manifest it writes last.
        with open(f"{root}/.mpcheck-pack-state", "w") as f:
            f.write("mpcheck-pack-state 1\n")
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(problems(report), [("submission.incomplete", "")])
        # The temporary file of the copy it was making (here with the manifest of an earlier run).
        sha256_manifest(root)
        with open(f"{root}/作品/.mpcheck-tmp-初心如磐-微视频-{UNIT}{CLEAN}.mp4", "wb") as f:
            f.write(b"\0" * 1000)
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(problems(report), [("submission.incomplete", "")])
        self.assertIn(".mpcheck-tmp-", [f for f in report["findings"] if f["check"] == "submission.incomplete"][0]["actual"])

    # -- the drive against its manifest-sha256.txt ----------------------------------------------
    def test_a_drive_is_verified_against_its_manifest_fast_too(self):
        root = self.drive()
        sha256_manifest(root)
        self.assertEqual(subprocess.run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=root).returncode, 0)
        for args in (CZ, FAST):
            p, report = run_json("check", "--format", "json", *args, root)
            self.assertEqual((p.returncode, problems(report)), (0, []), args)
            self.assertTrue(all(f["sha256"] for f in report["files"]))  # each file was read
        # Bytes changed (one byte at the end of a video that still plays), a listed file gone,
        # a file added after packing.
        with open(f"{root}/{CLEAN_PATH}", "rb") as f:
            data = bytearray(f.read())
        data[-1] ^= 0xFF
        rewrite(f"{root}/{CLEAN_PATH}", bytes(data))
        os.remove(f"{root}/表格/汇总表-{UNIT}.docx")
        docx(f"{root}/表格/汇总表-{UNIT}-新.docx")
        for args in (CZ, FAST):
            p, report = run_json("check", "--format", "json", *args, root)
            self.assertEqual(p.returncode, 1)
            self.assertEqual(hits(report, "file.hash-mismatch"), [CLEAN_PATH])
            self.assertEqual(hits(report, "file.missing-from-drive"), [f"表格/汇总表-{UNIT}.docx"])
            self.assertEqual(hits(report, "file.not-in-manifest"), [f"表格/汇总表-{UNIT}-新.docx"])
            f = [f for f in report["findings"] if f["check"] == "file.hash-mismatch"][0]
            self.assertEqual((f["severity"], f["work"]), ("error", "奋斗者之歌"))
            self.assertEqual(f["actual"], "SHA-256 " + hashlib.sha256(data).hexdigest())
        en = run("check", *FAST, "--lang", "en", root).stdout
        self.assertIn("the file's bytes differ from what manifest-sha256.txt records", en)

    def test_a_hostile_manifest_is_a_finding_and_never_leads_outside(self):
        root = self.drive()
        sha256_manifest(root)
        outside = os.path.join(self.tmp, "secret.mp4")
        with open(outside, "wb") as f:
            f.write(b"secret")
        digest = hashlib.sha256(b"secret").hexdigest()
        with open(f"{root}/manifest-sha256.txt", "a", encoding="utf-8", newline="") as f:
            f.write(f"{digest}  ../secret.mp4\n{digest}  {outside}\nnot a manifest line\r\n")
            f.write("\\" + digest + "  bad\\qescape\n")
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 0, p.stderr)  # the drive itself is intact
        self.assertEqual(problems(report), [("file.manifest-malformed", "manifest-sha256.txt")])
        f = [f for f in report["findings"] if f["check"] == "file.manifest-malformed"][0]
        self.assertEqual(f["severity"], "warning")
        self.assertEqual(f["actual"], "第 9 行（路径指向U盘以外或不是相对路径）、第 10 行（路径指向U盘以外或不是相对路径）、"
                                      "第 11 行（不是“校验值  路径”格式）、第 12 行（不是“校验值  路径”格式）")
        # Binary garbage as the manifest: no crash, not one usable line, nothing verified: the
        # drive cannot be verified (an error, test_a_destroyed_manifest_…).
        rewrite(f"{root}/manifest-sha256.txt", random.Random(436).randbytes(20000))
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(problems(report), [("file.manifest-malformed", "manifest-sha256.txt")])

    def test_a_destroyed_manifest_is_one_error_and_no_file_is_added_after_packing(self):
        # QA M5: `printf '\xff\xfe' > manifest-sha256.txt` made every work file
        # file.not-in-manifest ("put there after packing → delete it"), exit 0.
        root = self.drive()
        sha256_manifest(root)
        for garbage in (b"\xff\xfe", b"", b"\n\n", "这不是清单\n".encode()):
            rewrite(f"{root}/manifest-sha256.txt", garbage)
            p, report = run_json("check", "--format", "json", *FAST, root)
            self.assertEqual(p.returncode, 1, garbage)
            self.assertEqual(problems(report), [("file.manifest-malformed", "manifest-sha256.txt")], garbage)
            f = next(f for f in report["findings"] if f["check"] == "file.manifest-malformed")
            self.assertEqual(f["severity"], "error")
            self.assertIn("无法核实U盘上的文件与打包时是否一致", f["message"])
            self.assertIn("请报送单位", f["hint"])
            self.assertIn("不要删除", f["hint"])
        rewrite(f"{root}/manifest-sha256.txt", b"\xff\xfe")
        text = run("check", *FAST, root).stdout
        self.assertNotIn("打包之后才放到U盘上", text)
        self.assertIn("共 1 行，没有一行是“校验值  路径”格式", text)
        en = run("check", *FAST, "--lang", "en", root).stdout
        self.assertIn("manifest-sha256.txt is damaged and cannot be used as a manifest", en)
        self.assertNotIn("put on the drive after packing", en)
        # Good lines and one bad one: the bad line is a warning, a file the good ones do not
        # list is still added after packing.
        sha256_manifest(root)
        with open(f"{root}/manifest-sha256.txt", "a", encoding="utf-8") as m:
            m.write("not a manifest line\n")
        docx(f"{root}/表格/汇总表-{UNIT}-新.docx")
        p, report = run_json("check", "--format", "json", *FAST, root)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(problems(report), [("file.manifest-malformed", "manifest-sha256.txt"),
                                            ("file.not-in-manifest", f"表格/汇总表-{UNIT}-新.docx")])
        f = next(f for f in report["findings"] if f["check"] == "file.manifest-malformed")
        self.assertEqual(f["severity"], "warning")

    def test_a_packed_drive_verifies_and_its_check_reads_nothing_again(self):
        src = os.path.join(self.tmp, "材料")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{src}/奋斗者之歌-微视频-{UNIT}{SUB}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4")
        docx(f"{src}/奋斗者之歌-解说词-{UNIT}.docx", "解说词")
        out = os.path.join(self.tmp, "usb")
        p, packed = run_json("pack", src, "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast",
                             "--unit", UNIT, "--out", out, "--format", "json")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        file_findings = [f["check"] for f in packed["findings"] if f["check"].startswith("file.")]
        self.assertEqual(file_findings, [])
        # pack's digests were taken: the report has every file's, as on the manifest.
        with open(f"{out}/manifest-sha256.txt", encoding="utf-8") as f:
            listed = dict(reversed(line.rstrip("\n").split("  ", 1)) for line in f)
        self.assertEqual({x["path"]: x["sha256"] for x in packed["files"]}, listed)
        p, report = run_json("check", "--format", "json", *FAST, out)
        self.assertEqual([f["check"] for f in report["findings"] if f["check"].startswith(("file.", "submission."))], [])
        os.chmod(f"{out}/{CLEAN_PATH}", 0o644)
        with open(f"{out}/{CLEAN_PATH}", "r+b") as f:  # pack's own copy, not a fixture link
            f.seek(-1, os.SEEK_END)
            last = f.read(1)
            f.seek(-1, os.SEEK_END)
            f.write(bytes([last[0] ^ 1]))
        p, report = run_json("check", "--format", "json", *FAST, out)
        self.assertEqual(hits(report, "file.hash-mismatch"), [CLEAN_PATH])

    # -- one count everywhere -----------------------------------------------------------------
    def test_the_summary_is_the_same_in_every_format(self):
        root = self.drive()
        place(fixture("h264-720p25.mp4"), f"{root}/作品/Thumbs.db")  # a warning too
        os.remove(f"{root}/{CLEAN_PATH}")
        place(fixture("h264-720p25.mp4"), f"{root}/{CLEAN_PATH}")  # and an error
        p, report = run_json("check", "--format", "json", *FAST, root)
        s = report["summary"]
        by = {sev: sum(1 for f in report["findings"] if f["severity"] == sev) for sev in ("error", "warning", "manual", "info")}
        self.assertEqual({k: s[k] for k in by}, by)
        self.assertTrue(all(by.values()), by)  # every severity is there to count
        want = (s["files"], s["works"], s["error"], s["warning"], s["manual"], s["info"])
        text = run("check", *FAST, root).stdout
        self.assertEqual(tuple(int(n) for n in SUMMARY_ZH.search(text).groups()), want)
        html = run("check", "--format", "html", *FAST, root).stdout
        self.assertEqual(tuple(int(n) for n in SUMMARY_ZH.search(html).groups()), want)
        junit = ET.fromstring(run("check", "--format", "junit", *FAST, root).stdout.encode())
        props = {x.get("name"): x.get("value") for x in junit.findall("testsuite/properties/property")}
        self.assertEqual(tuple(int(props[f"summary.{k}"]) for k in ("files", "works", "error", "warning", "manual", "info")), want)
        sarif = json.loads(run("check", "--format", "sarif", *FAST, root).stdout)
        self.assertEqual(sarif["runs"][0]["properties"]["summary"], s)
        en = run("check", *FAST, "--lang", "en", root).stdout
        self.assertIn(f"{s['manual']} to confirm by hand, {s['info']} note", en)


if __name__ == "__main__":
    unittest.main()
