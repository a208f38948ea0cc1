"""mpcheck pack end to end: a manifest-described source becomes a compliant drive; the
source is only read; the drive verifies with sha256sum; re-running copies nothing; errors
write nothing."""
import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
import unittest
import zipfile

from check_tree import UNIT, changzhou, docx, place
from mpcheck_test import fixture, run, run_json

MANIFEST = f"""unit: {UNIT}
contact: 张三
phone: "0519-85680635"
works:
  - title: 奋斗者之歌
    category: 微视频
    files:
      subtitled: 素材/成片-字幕.mp4
      clean: 素材/成片.mp4
      script: 文稿/解说词一.docx
    minutes_per_episode: 0.05
    producer: 钟楼区融媒体中心
    creators: 张三、李四
    summary: 讲述基层党员的故事。
  - title: 初心如磐
    category: 微视频
    files:
      subtitled: 素材/初心-有字幕.mp4
      clean: 素材/初心.mp4
      script: 文稿/解说词二.docx
    producer: 钟楼区融媒体中心
    creators: 王五
    summary: 第二部作品。
"""


def tree_hashes(root):
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out


class PackTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-pack-")
        self.src = os.path.join(self.tmp, "材料")
        self.out = os.path.join(self.tmp, "usb")
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{self.src}/素材/成片-字幕.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.src}/素材/成片.mp4")
        place(fixture("h264-1080p25-8M-prog2-subtitled.mp4"), f"{self.src}/素材/初心-有字幕.mp4")
        place(fixture("h264-1080p25-8M-prog2.mp4"), f"{self.src}/素材/初心.mp4")
        docx(f"{self.src}/文稿/解说词一.docx", "解说词")
        docx(f"{self.src}/文稿/解说词二.docx", "解说词")
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(MANIFEST)
        with open(f"{self.src}/素材/Thumbs.db", "w") as f:
            f.write("junk")

    def tearDown(self):
        for d, dirs, files in os.walk(self.tmp):
            os.chmod(d, 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def pack(self, *args):
        return run("pack", self.src, "--rules", "changzhou-2024", "--out", self.out, "--as-of", "2024-09-01", *args)

    def test_manifest_pack_is_compliant_verified_and_resumable(self):
        before = tree_hashes(self.src)
        for d, dirs, files in os.walk(self.src):  # a read-only source works
            for f in files:
                os.chmod(os.path.join(d, f), stat.S_IRUSR | stat.S_IRGRP)
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(tree_hashes(self.src), before)
        files = sorted(os.path.relpath(os.path.join(d, f), self.out) for d, _, fs in os.walk(self.out) for f in fs)
        self.assertIn(f"作品/奋斗者之歌-微视频-{UNIT}（有字幕）.mp4", files)
        self.assertIn(f"作品/初心如磐-微视频-{UNIT}（无字幕）.mp4", files)
        self.assertIn(f"文本/奋斗者之歌-解说词-{UNIT}.docx", files)
        self.assertIn(f"表格/汇总表-{UNIT}.docx", files)
        self.assertIn(f"表格/报名表-奋斗者之歌-{UNIT}.docx", files)
        self.assertIn("manifest-sha256.txt", files)
        self.assertIn("mpcheck-report.txt", files)
        self.assertFalse(any("Thumbs.db" in f for f in files))
        with zipfile.ZipFile(f"{self.out}/表格/报名表-奋斗者之歌-{UNIT}.docx") as z:
            self.assertIn("钟楼区融媒体中心", z.read("word/document.xml").decode())
        v = subprocess.run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=self.out, capture_output=True, text=True)
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        with open(f"{self.out}/mpcheck-report.txt") as f:
            self.assertIn("0 个错误", f.read())
        _, report = run_json("check", "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--format", "json", self.out)
        self.assertEqual([f for f in report["findings"] if f["severity"] in ("error", "warning")], [])
        # Again: nothing is copied twice.
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("复制 0 个文件", p.stdout)

    def test_dry_run_writes_nothing(self):
        p = self.pack("--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"作品/奋斗者之歌-微视频-{UNIT}（有字幕）.mp4", p.stdout)
        self.assertFalse(os.path.exists(self.out))

    def test_manifest_error_writes_nothing(self):
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(MANIFEST.replace("category: 微视频\n    files:\n      subtitled: 素材/成片", "category: 微视屏\n    files:\n      subtitled: 素材/成片"))
        p = self.pack()
        self.assertEqual(p.returncode, 2)
        self.assertIn("works.yaml:6:15: unknown category '微视屏', did you mean '微视频'?", p.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_zip(self):
        z = os.path.join(self.tmp, "submission.zip")
        p = self.pack("--zip", z)
        self.assertEqual(p.returncode, 0, p.stderr)
        with zipfile.ZipFile(z) as archive:
            names = archive.namelist()
            self.assertIn(f"作品/奋斗者之歌-微视频-{UNIT}（有字幕）.mp4", names)
            info = archive.getinfo(f"作品/奋斗者之歌-微视频-{UNIT}（有字幕）.mp4")
            self.assertTrue(info.flag_bits & 0x800)  # UTF-8 name flag

    def test_pack_of_well_named_folder_without_manifest(self):
        src = os.path.join(self.tmp, "已命名")
        changzhou(src)
        os.rename(f"{src}/作品/奋斗者之歌-微视频-{UNIT}（无字幕）.mp4", f"{src}/作品/奋斗者之歌－微视频－{UNIT} 纯净版.mp4")
        with open(f"{src}/.DS_Store", "w") as f:
            f.write("x")
        p = run("pack", src, "--rules", "changzhou-2024", "--out", self.out, "--as-of", "2024-09-01")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(os.path.exists(f"{self.out}/作品/奋斗者之歌-微视频-{UNIT}（无字幕）.mp4"))
        self.assertFalse(os.path.exists(f"{self.out}/.DS_Store"))

    def test_output_inside_source_is_refused(self):
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", os.path.join(self.src, "usb"))
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main()
