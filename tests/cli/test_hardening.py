"""Hostile input and hostile outputs (issue 16): a crafted file cannot exhaust memory, and a
report that cannot be written whole is never a success."""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

from mpcheck_test import MPCHECK, fixture, run

UNIT = "钟楼区委组织部"


def box(kind, payload):
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def add_sgpd(mov, count):
    """`mov` with an `sgpd` box of `count` one-byte entries appended to its first stbl, and the
    sizes of the boxes around it grown to match: what a crafted file declares."""
    data = bytearray(mov)
    sgpd = box(b"sgpd", bytes([1, 0, 0, 0]) + b"sync" + struct.pack(">II", 1, count) + b"\x01")
    stbl = data.find(b"stbl") - 4
    end = stbl + struct.unpack(">I", data[stbl:stbl + 4])[0]
    for name in (b"moov", b"trak", b"mdia", b"minf", b"stbl"):
        at = data.find(name) - 4
        size = struct.unpack(">I", data[at:at + 4])[0]
        assert at <= stbl < at + size, name
        data[at:at + 4] = struct.pack(">I", size + len(sgpd))
    data[end:end] = sgpd
    return bytes(data)


def peak_rss_mib(args):
    """Runs mpcheck with `args` in a fresh Python process and returns (exit code, stdout, the
    peak resident memory of mpcheck in MiB)."""
    code = ("import resource, subprocess, sys, json\n"
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "print(json.dumps([p.returncode, p.stdout,"
            " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n")
    out = subprocess.run([sys.executable, "-c", code, MPCHECK, *args], capture_output=True,
                         text=True, env=dict(os.environ, LANG="C.UTF-8"), timeout=600)
    return json.loads(out.stdout)


class CraftedMedia(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        plain = os.path.join(self.dir, "plain.mov")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc2=s=320x240:d=1:r=25", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                        plain], check=True)
        with open(plain, "rb") as f:
            self.crafted = add_sgpd(f.read(), 0x7FFFFFF0)
        self.path = os.path.join(self.dir, "crafted.mov")
        with open(self.path, "wb") as f:
            f.write(self.crafted)

    def test_a_table_of_two_billion_entries_is_refused_within_the_memory_cap(self):
        code, out, rss = peak_rss_mib(["probe", "--fast", "--format", "json", self.path])
        self.assertEqual(code, 0)
        facts = json.loads(out)["files"][0]
        self.assertEqual(facts["error"]["code"], "oversized", facts)
        # libavformat alone takes 2 GiB for this file; mpcheck caps a single block at 256 MiB.
        self.assertLess(rss, 512, "peak memory")

    def test_check_reports_it_plainly_and_goes_on_with_the_other_files(self):
        works = os.path.join(self.dir, "drive", "作品")
        os.makedirs(works)
        shutil.copy(self.path, os.path.join(works, f"坏文件-微视频-{UNIT}.mp4"))
        good = os.path.join(works, f"好文件-微视频-{UNIT}.mp4")
        shutil.copy(fixture("h264-1080p25-8M.mp4"), good)
        p = run("check", "--rules", "changzhou-2024", "--fast", "--format", "json",
                os.path.join(self.dir, "drive"))
        self.assertEqual(p.returncode, 1, p.stderr)
        report = json.loads(p.stdout)
        bad = [f for f in report["findings"] if f["check"] == "media.unreadable"]
        self.assertEqual([f["path"] for f in bad], [f"作品/坏文件-微视频-{UNIT}.mp4"])
        self.assertIn("结构异常", bad[0]["actual"] + bad[0]["message"])
        files = {f["path"]: f for f in report["files"]}
        self.assertIn("video", files[f"作品/好文件-微视频-{UNIT}.mp4"]["facts"])


class MalformedYaml(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def test_a_works_yaml_saved_as_gbk_is_a_usage_error_with_its_position(self):
        src = os.path.join(self.dir, "材料")
        os.makedirs(src)
        with open(os.path.join(src, "works.yaml"), "wb") as f:
            f.write("unit: 钟楼区委组织部\nworks:\n  - title: ".encode() + "片名".encode("gbk") + b"\n")
        p = run("pack", src, "--rules", "changzhou-2024", "--unit", UNIT, "--out",
                os.path.join(self.dir, "out"), "--dry-run")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("works.yaml:3:13: 文件不是 UTF-8 文本（字节 0xC3）", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "out")))

    def test_rules_lint_rejects_each_hostile_value_with_its_line(self):
        cases = {
            "id: t\ntitle: x\nlayout:\n  folders:\n    - name: ../../outside\n": ":5:",
            "id: t\ntitle: x\nlayout:\n  folders:\n    - name: /abs\n": ":5:",
            "id: t\ntitle: x\ncategories:\n  - name: \"a\\0b\"\n": ":4:",
            "id: t\ntitle: x\n---\nid: u\n": ":3:",
            ",\x04": ": ",  # yaml-cpp LoadAll looped for ever on this text
            "id: t\ntitle: x\nworks:\n  images:\n    - role: poster\n      dpi: 2147483647\n": ":6:",
        }
        for text, where in cases.items():
            path = os.path.join(self.dir, "r.yaml")
            with open(path, "w") as f:
                f.write(text)
            p = run("rules", "lint", path)
            self.assertEqual(p.returncode, 2, (text, p.stdout, p.stderr))
            self.assertIn("r.yaml" + where, p.stderr, text)


class HostileNames(unittest.TestCase):
    """A drive whose file names carry terminal escape sequences cannot clear the receiver's
    screen, retitle the window or hide findings: every report for people shows them."""

    NAME = "\x1b[2J\x1b]0;owned\x07\x1b[8m隐藏-微视频-" + UNIT + ".mp4"

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        self.drive = os.path.join(self.dir, "drive")
        os.makedirs(os.path.join(self.drive, "作品"))
        self.video = os.path.join(self.drive, "作品", self.NAME)
        shutil.copy(fixture("h264-1080p25-8M.mp4"), self.video)

    def assert_no_raw_escape(self, text, where):
        for ch in ("\x1b", "\x07"):
            self.assertNotIn(ch, text, where)
        self.assertIn("\\x1b[2J", text, where)

    def test_check_text_and_errors_show_the_escapes(self):
        p = run("check", "--rules", "changzhou-2024", "--fast", "--no-color", self.drive)
        self.assert_no_raw_escape(p.stdout, "check text")
        p = run("check", "--rules", "changzhou-2024", "--fast", self.video, self.video + "x")
        self.assertEqual(p.returncode, 3)  # the missing one beside the one checked
        self.assertNotIn("\x1b", p.stderr)

    def test_probe_text_shows_the_escapes(self):
        p = run("probe", "--fast", self.video)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_no_raw_escape(p.stdout, "probe text")

    def test_json_keeps_the_real_name(self):
        p = run("check", "--rules", "changzhou-2024", "--fast", "--format", "json", self.drive)
        report = json.loads(p.stdout)
        self.assertIn("作品/" + self.NAME, [f["path"] for f in report["files"]])

    def test_pack_writes_the_name_made_safe_and_shows_it_escaped(self):
        out = os.path.join(self.dir, "usb")
        p = run("pack", self.drive, "--rules", "changzhou-2024", "--unit", UNIT, "--out", out,
                "--fast", "--as-of", "2024-09-01")
        # A name no file system of a USB drive takes is never written (FAT forbids control
        # characters): the title is made safe as every title is (its controls dropped), in
        # the video's name and in the generated form's alike; nothing raw reaches the screen.
        self.assertNotIn("\x1b", p.stdout + p.stderr)
        written = [n for _, _, names in os.walk(out) for n in names]
        self.assertFalse([n for n in written if any(ord(c) < 0x20 for c in n)], written)
        self.assertIn("[2J]0;owned[8m隐藏-微视频-" + UNIT + ".mp4", written)
        self.assertIn("报名表-[2J]0;owned[8m隐藏-" + UNIT + ".docx", written)

    def test_a_line_break_in_a_name_cannot_forge_a_report_line(self):
        forged = "\n\n共 1 个文件、1 部作品：0 个错误，0 个警告\n"
        name = "坏片-微视频-" + UNIT + ".mp4" + forged
        shutil.move(self.video, os.path.join(self.drive, "作品", name))
        note = os.path.join(self.drive, "说明\n伪造-解说词-" + UNIT + ".txt")
        with open(note, "w") as f:
            f.write("解说词\n")
        p = run("check", "--rules", "changzhou-2024", "--fast", "--no-color", self.drive)
        self.assertIn("坏片-微视频-" + UNIT + ".mp4\\x0a\\x0a共 1 个文件", p.stdout)
        summaries = [l for l in p.stdout.splitlines() if l.startswith("共 ")]
        self.assertEqual(len(summaries), 1, p.stdout)
        # The name's problem in words, and rename promised only for names it can read.
        self.assertIn("要求: Windows 和U盘能用的文件名", p.stdout)
        self.assertNotIn("mpcheck rename 会自动处理", p.stdout)
        # pack, rename and fix show such names escaped too; pack writes the document under
        # its name made safe (the line break a space) rather than refusing the whole drive.
        out = os.path.join(self.dir, "usb")
        p = run("pack", self.drive, "--rules", "changzhou-2024", "--unit", UNIT, "--out", out,
                "--fast", "--as-of", "2024-09-01")
        self.assertNotIn("说明\n伪造", p.stdout + p.stderr)
        self.assertTrue(os.path.exists(os.path.join(out, "文本", "说明 伪造-解说词-" + UNIT + ".txt")),
                        p.stdout + p.stderr)
        folder = os.path.join(self.dir, "rename")
        os.makedirs(folder)
        shutil.copy(fixture("h264-1080p25-8M.mp4"), os.path.join(folder, "坏\n片-微视频.mp4"))
        p = run("rename", folder, "--rules", "changzhou-2024", "--unit", UNIT, "--dry-run")
        self.assertIn("  坏\\x0a片-微视频.mp4", p.stdout)
        # A works.yaml error quoting a title with a line break (QA Q9): the error stays one line.
        material = os.path.join(self.dir, "material")
        os.makedirs(material)
        shutil.copy(fixture("h264-1080p25-8M.mp4"), os.path.join(material, "a.mp4"))
        with open(os.path.join(material, "works.yaml"), "w") as f:
            f.write('unit: "学院党总支"\nworks:\n  - title: "换行\\n名字"\n    files:\n      video: "a.mp4"\n')
        p = run("pack", material, "--rules", "liaoning-2023", "--out", os.path.join(self.dir, "usb2"))
        self.assertEqual(p.returncode, 2, p.stderr)
        first = p.stderr.splitlines()[0]
        self.assertIn("works.yaml:3:", first)
        self.assertIn("换行\\x0a名字", first)


class SpecialEntries(unittest.TestCase):
    """What is no regular file is named, never opened, and the run goes on."""

    def test_fifo_device_link_and_a_folder_named_like_a_video(self):
        drive = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, drive)
        works = os.path.join(drive, "作品")
        os.makedirs(os.path.join(works, f"片夹-微视频-{UNIT}.mp4"))
        os.mkfifo(os.path.join(works, f"管道-微视频-{UNIT}.mp4"))
        os.symlink("/dev/zero", os.path.join(works, f"设备-微视频-{UNIT}.mp4"))
        shutil.copy(fixture("h264-1080p25-8M.mp4"), os.path.join(works, f"好片-微视频-{UNIT}.mp4"))
        p = run("check", "--rules", "changzhou-2024", "--fast", "--format", "json", drive,
                timeout=120)
        report = json.loads(p.stdout)
        unreadable = {f["path"]: f["actual"] for f in report["findings"]
                      if f["check"] == "file.unreadable"}
        self.assertEqual(unreadable.get(f"作品/管道-微视频-{UNIT}.mp4"), "命名管道（FIFO）",
                         report["findings"])
        self.assertEqual(unreadable.get(f"作品/片夹-微视频-{UNIT}.mp4"), "名字像文件的文件夹")
        # /dev/zero lies outside the drive: never opened, whatever it is.
        outside = [f["path"] for f in report["findings"] if f["check"] == "file.symlink-outside"]
        self.assertIn(f"作品/设备-微视频-{UNIT}.mp4", outside)
        self.assertIn(f"作品/好片-微视频-{UNIT}.mp4", [f["path"] for f in report["files"]])
        p = run("check", "--rules", "changzhou-2024", "--fast", drive, timeout=120)
        self.assertIn("命名管道（FIFO）", p.stdout)


class NamesTooLongForTheTarget(unittest.TestCase):
    """A title of 120 CJK characters is 360 bytes: fine for FAT (255 UTF-16 units a name is
    checked elsewhere), too long for ext4 or tmpfs (255 bytes). Said before anything is
    written, by the dry run too: at the title's line when works.yaml gives it, by the preflight
    against the target when the name pack writes grows past the limit."""

    def setUp(self):
        self.work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.work)
        self.src = os.path.join(self.work, "src")
        self.out = os.path.join(self.work, "usb")
        os.makedirs(os.path.join(self.src, "作品"))

    def pack(self, *extra):
        return run("pack", self.src, "--rules", "changzhou-2024", "--unit", UNIT, "--out",
                   self.out, "--fast", "--as-of", "2024-09-01", *extra)

    def assert_nothing_written(self, title):
        written = [n for _, _, ns in os.walk(self.out) for n in ns] if os.path.exists(self.out) else []
        self.assertFalse([n for n in written if title in n], written)

    def test_a_title_in_works_yaml_is_refused_at_its_line(self):
        title = "长" * 120
        for v in ("有字幕", "无字幕"):
            shutil.copy(fixture("h264-1080p25-8M.mp4"),
                        os.path.join(self.src, "作品", f"{title[:60]}-微视频-{UNIT}（{v}）.mp4"))
        manifest = os.path.join(self.src, "works.yaml")
        p = run("init", self.src, "--rules", "changzhou-2024", "--unit", UNIT, "-o", manifest)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(manifest, encoding="utf-8") as f:
            text = f.read().replace(f'title: "{title[:60]}"', f'title: "{title}"')
            text = text.replace('"TODO"', '"某某"')
        with open(manifest, "w", encoding="utf-8") as f:
            f.write(text)
        for extra in (["--dry-run"], []):
            p = self.pack(*extra)
            self.assertEqual(p.returncode, 2, (extra, p.stdout, p.stderr))
            self.assertRegex(p.stderr, r"works\.yaml:\d+:\d+: 作品名太长.*\d+ 字节.*255 字节")
            self.assert_nothing_written(title)

    def test_a_name_that_grows_past_the_limit_is_said_before_writing(self):
        # 69 CJK characters and " 字幕版" make a name of 253 bytes in the source; the name pack
        # gives it, with "（有字幕）", has 258: the target's limit (255) is checked before writing.
        title = "长" * 69
        shutil.copy(fixture("h264-1080p25-8M.mp4"),
                    os.path.join(self.src, "作品", f"{title}-微视频-{UNIT} 字幕版.mp4"))
        for extra in (["--dry-run"], []):
            p = self.pack(*extra)
            self.assertEqual(p.returncode, 3, (extra, p.stdout, p.stderr))
            self.assertIn("文件名太长", p.stderr)
            self.assertIn("255", p.stderr)
            self.assert_nothing_written(title)


class OutputThatCannotBeWritten(unittest.TestCase):
    def run_to_dev_full(self, *args):
        with open("/dev/full", "w") as full:
            return subprocess.run([MPCHECK, *args], stdout=full, stderr=subprocess.PIPE,
                                  text=True, env=dict(os.environ, LANG="C.UTF-8"), timeout=600)

    def test_a_report_to_a_full_disk_exits_3_and_says_so(self):
        tree = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tree)
        os.makedirs(os.path.join(tree, "作品"))
        shutil.copy(fixture("h264-1080p25-8M.mp4"),
                    os.path.join(tree, "作品", f"片名-微视频-{UNIT}.mp4"))
        for fmt in ("json", "text", "sarif"):
            p = self.run_to_dev_full("check", "--rules", "changzhou-2024", "--fast", "--format",
                                     fmt, tree)
            self.assertEqual(p.returncode, 3, (fmt, p.stderr))
            self.assertIn("标准输出", p.stderr)
            self.assertEqual(p.stderr.count("mpcheck：错误："), 1, p.stderr)

    def test_every_command_that_prints_checks_its_last_flush(self):
        for args in (["rules", "list"], ["rules", "show", "changzhou-2024"],
                     ["probe", "--format", "json", fixture("h264-1080p25-8M.mp4")]):
            p = self.run_to_dev_full(*args)
            self.assertEqual(p.returncode, 3, (args, p.stderr))
            self.assertIn("mpcheck：错误：", p.stderr)

    def test_english_when_asked(self):
        p = self.run_to_dev_full("rules", "list", "--lang", "en")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("standard output", p.stderr)


if __name__ == "__main__":
    unittest.main()
