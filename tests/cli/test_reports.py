"""mpcheck check --format junit and --format sarif on real trees: valid against the schemas
CI systems use (tests/schemas/), counts that add up, names and URIs that lead back to the
files, whatever characters the file names hold."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from check_tree import CLEAN, UNIT, changzhou, place
from mpcheck_test import MPCHECK, SOURCE, fixture, run, run_json

# --fast: these tests are about the formats; test_check.py covers what decoding finds.
CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast")
SCHEMAS = os.path.join(SOURCE, "tests", "schemas")
# A name with everything XML and URIs must escape, and Chinese.
ODD = f"作品/a&b <c> \"d\" 'e' 50% #1 奋斗-微视频-{UNIT}{CLEAN}.mp4"
CONTROL = "作品/控制\x01字符.mp4"  # legal on Linux, illegal in XML 1.0
NFC = f"作品/caf\u00e9-微视频-{UNIT}{CLEAN}.mp4"
NFD = f"作品/cafe\u0301-微视频-{UNIT}{CLEAN}.mp4"  # the same name once NFC: two files, one path
NOT_UTF8 = "作品".encode() + b"/\xb7\xdc-\xce\xa2.mp4"  # GBK bytes
URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$")
XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def catalogue():
    """Every check id of known_check_ids(), in order, read from the catalogue's one table."""
    from test_catalogue import table
    return [row[1] for row in table()]


def in_xml(text):
    """What XML 1.0 can hold of `text` (as mpcheck writes it: U+FFFD for the rest)."""
    return XML_ILLEGAL.sub("\ufffd", text)


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mpcheck-reports-")
        cls.root = root = os.path.join(cls.tmp, "drive")
        changzhou(root)
        # Findings of every severity: errors (720p, names), warnings (junk, unexpected),
        # manual and info items (the rule set's).
        os.remove(f"{root}/作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("h264-720p25.mp4"), f"{root}/作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{root}/{ODD}")
        place(fixture("h264-720p25.mp4"), f"{root}/{NFC}")
        place(fixture("h264-720p25.mp4"), f"{root}/{NFD}")
        shutil.copy(fixture("h264-720p25.mp4"), os.path.join(os.fsencode(root), NOT_UTF8))
        os.symlink("loop-b.mp4", f"{root}/作品/loop-a.mp4")  # unreadable: not files, still cases
        os.symlink("loop-a.mp4", f"{root}/作品/loop-b.mp4")
        for name, text in ((CONTROL, "x"), ("作品/Thumbs.db", "junk"), ("文本/说明.xyz", "?")):
            with open(f"{root}/{name}", "w") as f:
                f.write(text)
        p, cls.report = run_json("check", "--format", "json", *CZ, root)
        assert p.returncode == 1, p.stderr
        cls.junit_text = cls.check_run("junit")
        cls.sarif_text = cls.check_run("sarif")
        cls.junit = ET.fromstring(cls.junit_text.encode())
        cls.sarif = json.loads(cls.sarif_text)

    @classmethod
    def check_run(cls, fmt, *extra):
        p = run("check", "--format", fmt, *CZ, *extra, cls.root)
        assert p.returncode == 1, (p.returncode, p.stderr)
        assert p.stderr == "", p.stderr  # no progress on a pipe, nothing else either
        return p.stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def findings(self, severity=None):
        return [f for f in self.report["findings"] if severity is None or f["severity"] == severity]

    def test_the_tree_has_findings_of_every_severity(self):
        severities = {f["severity"] for f in self.findings()}
        self.assertEqual(severities, {"error", "warning", "manual", "info"})
        paths = [f["path"] for f in self.report["files"]]
        self.assertIn(ODD, paths)
        self.assertEqual(paths.count(NFC), 2)  # NFC and NFD spellings: one report path

    # -- JUnit -----------------------------------------------------------------------------
    def test_junit_is_valid_against_the_jenkins_schema(self):
        if not shutil.which("xmllint"):
            self.skipTest("xmllint missing (Debian package libxml2-utils)")
        path = os.path.join(self.tmp, "report.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.junit_text)
        p = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(SCHEMAS, "junit-10.xsd"), path],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_junit_counts_add_up(self):
        suites = self.junit.findall("testsuite")
        self.assertEqual(len(suites), 1)
        suite = suites[0]
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        self.assertEqual(int(suite.get("tests")), len(cases))
        self.assertEqual(int(suite.get("failures")), len(failed))
        self.assertEqual(suite.get("errors"), "0")
        self.assertEqual(suite.get("skipped"), "0")
        self.assertEqual((self.junit.get("tests"), self.junit.get("failures"), self.junit.get("errors")),
                         (suite.get("tests"), suite.get("failures"), "0"))
        # One case per file, per path that could not be read, one for the whole submission.
        unreadable = {f["path"] for f in self.findings() if f["check"] == "file.unreadable"}
        self.assertEqual(unreadable, {"作品/loop-a.mp4", "作品/loop-b.mp4"})
        self.assertEqual(len(cases), len(self.report["files"]) + len(unreadable) + 1)
        # A failure per error finding, nothing else fails.
        failures = suite.findall("testcase/failure")
        self.assertEqual(sorted(f.get("type") for f in failures),
                         sorted(f["check"] for f in self.findings("error")))
        props = {p.get("name"): p.get("value") for p in suite.findall("properties/property")}
        self.assertEqual(props["rules.id"], "changzhou-2024")
        self.assertEqual(int(props["summary.warning"]), len(self.findings("warning")))

    def test_junit_cases_are_unique_and_name_every_file(self):
        cases = self.junit.findall("testsuite/testcase")
        keys = [(c.get("classname"), c.get("name")) for c in cases]
        self.assertEqual(len(keys), len(set(keys)))
        names = [c.get("name") for c in cases]
        for path in {f["path"] for f in self.report["files"]}:
            self.assertIn(in_xml(path), names)
        self.assertIn(ODD, names)  # & < > " ' survive escaping
        self.assertIn("作品/控制\ufffd字符.mp4", names)
        self.assertIn(NFC + " (2)", names)  # the second of two equal paths
        self.assertIn(("submission", "."), keys)
        self.assertIn(("作品", "作品/loop-a.mp4"), keys)
        by_name = {c.get("name"): c for c in cases}
        # The work's title is the class name of its files; a folder for the others.
        self.assertEqual(by_name[f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"].get("classname"), "奋斗者之歌")
        self.assertEqual(by_name["作品/Thumbs.db"].get("classname"), "作品")

    def test_junit_failures_and_system_out_carry_the_findings(self):
        by_name = {c.get("name"): c for c in self.junit.findall("testsuite/testcase")}
        clean = by_name[f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"]
        failure = [f for f in clean.findall("failure") if f.get("type") == "video.resolution"][0]
        self.assertEqual(failure.get("message"), "分辨率是 1280x720，要求 1920x1080")
        self.assertIn("要求: 1920x1080", failure.text)
        self.assertIn("实际: 1280x720", failure.text)
        self.assertIn("ffmpeg -i", failure.text)
        # A warning is no failure; it is in the case's system-out.
        junk = by_name["作品/Thumbs.db"]
        self.assertIsNone(junk.find("failure"))
        self.assertIn("layout.junk", junk.find("system-out").text)
        # What names no file is in the submission's case: missing forms, manual items.
        whole = by_name["."]
        self.assertIn("manual.complete", whole.find("system-out").text)
        # Nothing lost: every finding is in some case's system-out.
        out = "".join(c.find("system-out").text for c in by_name.values() if c.find("system-out") is not None)
        for f in self.findings():
            self.assertIn(in_xml(f["message"]), out)

    def test_junit_in_english(self):
        root = ET.fromstring(self.check_run("junit", "--lang", "en").encode())
        messages = [f.get("message") for f in root.iter("failure")]
        self.assertIn("the resolution is 1280x720; 1920x1080 is required", messages)
        self.assertIn("expected: 1920x1080", "".join(f.text for f in root.iter("failure")))

    # -- SARIF -----------------------------------------------------------------------------
    def test_sarif_is_valid_against_the_oasis_schema(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema missing")
        with open(os.path.join(SCHEMAS, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft4Validator.check_schema(schema)
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(self.sarif)]
        self.assertEqual(errors, [])

    def test_sarif_run_tool_and_rules(self):
        self.assertEqual(self.sarif["version"], "2.1.0")
        self.assertTrue(self.sarif["$schema"].endswith("sarif-schema-2.1.0.json"))
        self.assertEqual(len(self.sarif["runs"]), 1)
        run_ = self.sarif["runs"][0]
        driver = run_["tool"]["driver"]
        self.assertEqual(driver["name"], "mpcheck")
        self.assertEqual("mpcheck " + driver["version"], run("--version").stdout.strip())
        ids = [r["id"] for r in driver["rules"]]
        known = catalogue()
        self.assertGreaterEqual(len(known), 50)  # the table is read (test_catalogue.py checks all rows)
        self.assertEqual(ids[:len(known)], known)  # the catalogue, in order
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue(all(i.startswith("manual.") for i in ids[len(known):]))
        for rule in driver["rules"]:
            self.assertTrue(rule["shortDescription"]["text"], rule)
        resolution = driver["rules"][ids.index("video.resolution")]
        self.assertEqual(resolution["shortDescription"]["text"], "分辨率不符")
        self.assertEqual(resolution["defaultConfiguration"]["level"], "error")
        self.assertEqual(run_["language"], "zh-CN")

    def test_sarif_results_match_the_findings(self):
        run_ = self.sarif["runs"][0]
        rules = run_["tool"]["driver"]["rules"]
        results = run_["results"]
        self.assertEqual(len(results), len(self.findings()))
        level = {"error": "error", "warning": "warning", "manual": "note", "info": "note"}
        for result, finding in zip(results, self.findings()):
            self.assertEqual(result["ruleId"], finding["check"])
            self.assertEqual(rules[result["ruleIndex"]]["id"], finding["check"])
            self.assertEqual(result["level"], level[finding["severity"]])
            self.assertEqual(result["message"]["text"], finding["message"])
            self.assertEqual(result["properties"]["hint"], finding["hint"])
            self.assertEqual(result["properties"]["expected"], finding["expected"])
            self.assertEqual(bool(result.get("locations")), bool(finding["path"]))
        english = json.loads(self.check_run("sarif", "--lang", "en"))["runs"][0]
        self.assertIn("the resolution is 1280x720; 1920x1080 is required",
                      [r["message"]["text"] for r in english["results"]])
        self.assertEqual(english["language"], "en-US")

    def resolve(self, location):
        base = self.sarif["runs"][0]["originalUriBaseIds"][location["uriBaseId"]]["uri"]
        self.assertRegex(location["uri"], URI_CHARS)
        url = urllib.parse.urljoin(base, location["uri"])
        self.assertTrue(url.startswith("file:///"), url)
        return urllib.parse.unquote_to_bytes(urllib.parse.urlparse(url).path)

    def test_sarif_uris_lead_back_to_the_files(self):
        run_ = self.sarif["runs"][0]
        base = run_["originalUriBaseIds"]["SRCROOT"]["uri"]
        self.assertEqual(base, urllib.parse.urljoin("file://", urllib.parse.quote(self.root)) + "/")
        artifacts = run_["artifacts"]
        self.assertEqual(len(artifacts), len(self.report["files"]))
        on_disk = set()
        for artifact in artifacts:
            path = self.resolve(artifact["location"])
            self.assertTrue(os.path.isfile(path), path)
            self.assertEqual(os.path.getsize(path), artifact["length"])
            on_disk.add(path)
        root = os.fsencode(self.root)
        for name in (ODD, CONTROL, NFC, NFD):
            self.assertIn(os.path.join(root, name.encode()), on_disk)
        self.assertIn(os.path.join(root, NOT_UTF8), on_disk)  # the bytes, not U+FFFD
        for result in run_["results"]:
            for location in result.get("locations", []):
                artifact = location["physicalLocation"]["artifactLocation"]
                path = self.resolve(artifact)
                if "index" in artifact:
                    self.assertEqual(artifacts[artifact["index"]]["location"]["uri"], artifact["uri"])
                    self.assertTrue(os.path.isfile(path), path)


class LargeReportsAreStreamed(unittest.TestCase):
    """A folder of thousands of small files (issue 16, item 18): the JSON, JSON Lines and SARIF
    reports are streamed file by file; the text is still one valid document, the same on
    stdout and in -o FILE, laid out exactly as a whole-tree dump lays it out (Python's
    json.dumps with indent 2 prints what nlohmann prints for these values)."""

    FILES = 4000
    HOSTILE = ["引号\"与\\反斜杠.txt", "控制\x1b[31m字符\t.txt"]

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mpcheck-large-")
        cls.root = os.path.join(cls.tmp, "资料")
        for i in range(cls.FILES):
            folder = os.path.join(cls.root, f"第{i // 1000}组") if i % 2 else cls.root
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"资料{i:05d}.txt"), "wb") as f:
                f.write(b"x" * 100)
        for name in cls.HOSTILE:
            with open(os.path.join(cls.root, name), "wb") as f:
                f.write(b"y" * 100)
        with open(os.path.join(os.fsencode(cls.root), b"\xb7\xdc.txt"), "wb") as f:  # GBK
            f.write(b"z" * 100)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def check(self, fmt, *extra):
        p = run("check", "--format", fmt, *CZ, *extra, self.root)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr, "")
        return p.stdout

    def test_json_is_one_valid_document_laid_out_as_the_whole_tree(self):
        text = self.check("json")
        report = json.loads(text)
        self.assertEqual(json.dumps(report, indent=2, ensure_ascii=False) + "\n", text)
        self.assertEqual(report["schema"], "mpcheck-report/1")
        total = self.FILES + len(self.HOSTILE) + 1
        self.assertEqual(report["summary"]["files"], total)
        self.assertEqual(len(report["files"]), total)
        paths = {f["path"] for f in report["files"]}
        self.assertIn("第1组/资料01001.txt", paths)
        for name in self.HOSTILE:
            self.assertIn(name, paths)
        self.assertIn("\ufffd\ufffd.txt", paths)  # the GBK bytes, shown as U+FFFD
        for f in report["files"]:
            self.assertEqual((f["kind"], f["size"]), ("document", 100), f)
        unexpected = [f for f in report["findings"] if f["check"] == "layout.unexpected"]
        self.assertEqual(len(unexpected), total)
        self.assertEqual(report["summary"]["warning"], total)
        self.assertGreater(len(text), 3_000_000)

    def test_json_to_a_file_is_the_same_bytes(self):
        out = os.path.join(self.tmp, "报告.json")
        p = run("check", "--format", "json", *CZ, "-o", out, self.root)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), self.check("json"))
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith(".mpcheck-tmp-")], [])

    def test_jsonl_and_sarif_say_the_same(self):
        report = json.loads(self.check("json"))
        lines = self.check("jsonl").split("\n")
        self.assertEqual(lines[1:], [""])
        self.assertEqual(json.loads(lines[0]), report)
        self.assertEqual(json.dumps(report, separators=(",", ":"), ensure_ascii=False), lines[0])
        sarif_text = self.check("sarif")
        sarif = json.loads(sarif_text)
        self.assertEqual(json.dumps(sarif, indent=2, ensure_ascii=False) + "\n", sarif_text)
        run_ = sarif["runs"][0]
        self.assertEqual(len(run_["artifacts"]), len(report["files"]))
        self.assertEqual(len(run_["results"]), len(report["findings"]))
        indexed = 0
        for result in run_["results"]:
            for where in result.get("locations", []):
                location = where["physicalLocation"]["artifactLocation"]
                if "index" not in location:  # a folder that is missing, not a file
                    continue
                indexed += 1
                artifact = run_["artifacts"][location["index"]]
                self.assertEqual(artifact["location"]["uri"], location["uri"])
                self.assertEqual(artifact["properties"]["path"], result["properties"]["path"])
        self.assertGreaterEqual(indexed, len(report["files"]))  # layout.unexpected: each file

    def test_a_large_report_to_a_full_disk_exits_3_and_says_so_once(self):
        for fmt in ("json", "jsonl", "sarif"):
            with open("/dev/full", "w") as full:
                p = subprocess.run([MPCHECK, "check", "--format", fmt, *CZ, self.root],
                                   stdout=full, stderr=subprocess.PIPE, text=True,
                                   env=dict(os.environ, LANG="C.UTF-8"), timeout=600)
            self.assertEqual(p.returncode, 3, (fmt, p.stderr))
            self.assertIn("标准输出", p.stderr)
            self.assertEqual(p.stderr.count("mpcheck：错误："), 1, p.stderr)

    def test_a_folder_that_does_not_exist_for_o_leaves_nothing(self):
        out = os.path.join(self.tmp, "无此文件夹", "r.json")
        p = run("check", "--format", "json", *CZ, "-o", out, self.root)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("无法写入", p.stderr)
        self.assertIn(f"所在的文件夹 {os.path.dirname(out)} 不存在", p.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(out)))


if __name__ == "__main__":
    unittest.main()
