"""mpcheck pack end to end: a manifest-described source becomes a compliant drive; the
source is only read; the drive verifies with sha256sum; re-running copies nothing; errors
write nothing."""
import hashlib
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import tempfile
import time
import unittest
import zipfile

from check_tree import UNIT, changzhou, docx, place
from mpcheck_test import SOURCE, fill_todos, mount_exfat, fixture, run, run_json

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

    def test_report_equals_the_check_of_the_drive(self):
        # pack analyses each video while it copies the next (gather::EarlyAnalyses); what its
        # report says must be what `check` of the finished drive says, deep facts included.
        # A clean version with black ends makes the second pair differ and the facts matter.
        place(fixture("h264-black-ends.mp4"), f"{self.src}/素材/初心.mp4")
        # Pack classifies a small document from the bytes it wrote, not from the drive: a PDF
        # named .docx must be told in its report as `check` tells it.
        with open(f"{self.src}/文稿/解说词二.docx", "wb") as f:
            f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        p = self.pack("--format", "json")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        packed = json.loads(p.stdout)
        _, checked = run_json("check", "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--format", "json", self.out)

        def findings(r):
            return sorted((f["check"], f.get("path", ""), f["severity"], json.dumps(f.get("actual"), ensure_ascii=False))
                          for f in r["findings"])

        def deep(r):
            return {f["path"]: f["facts"]["deep"] for f in r["files"] if (f.get("facts") or {}).get("deep")}

        self.assertEqual(findings(packed), findings(checked))
        self.assertEqual(deep(packed), deep(checked))
        self.assertEqual(len(deep(packed)), 4)  # all four videos were analysed
        black = [f for f in packed["findings"] if f["check"].startswith("video.black")]
        self.assertTrue(black, findings(packed))
        # On the packed drive the way out is the source material and pack again, not a command
        # run on the drive's copy (its result would be a file the manifest does not list).
        self.assertIn("重新导出（这是打包好的U盘：请在素材里改", black[0]["hint"])
        self.assertNotIn("ffmpeg -i", black[0]["hint"])
        self.assertTrue(any(f["check"] == "document.format" for f in packed["findings"]), findings(packed))
        for r in (packed, checked):
            formats = {f["path"]: f["facts"]["document"]["format"] for f in r["files"]
                       if (f.get("facts") or {}).get("document")}
            self.assertIn("pdf", formats.values(), formats)

    def test_an_exfat_drive_holding_the_name_in_other_case_is_never_overwritten(self):
        # pack reads the output folder once instead of looking up each name (pack::Listing);
        # on an exFAT stick "….MP4" is the file "….mp4" names, so it must still be found.
        drive = os.path.join(self.tmp, "exfat")
        unmount, why = mount_exfat(drive, os.path.join(self.tmp, "exfat.img"))
        if why:
            self.skipTest(why)
        try:
            theirs = f"{drive}/作品/奋斗者之歌-微视频-{UNIT}（有字幕）.MP4"
            os.makedirs(os.path.dirname(theirs))
            with open(theirs, "w") as f:
                f.write("somebody else's video")
            p = run("pack", self.src, "--rules", "changzhou-2024", "--out", drive, "--fast", "--as-of", "2024-09-01")
            self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
            self.assertIn(f"目标盘上已有 作品/奋斗者之歌-微视频-{UNIT}（有字幕）.mp4，不是这次打包写入的（大小不同：21 字节，"
                          "这次要写入的是", p.stderr)
            self.assertIn("名字只差大小写也算同一个文件", p.stderr)
            self.assertNotIn("already", p.stderr)
            with open(theirs) as f:
                self.assertEqual(f.read(), "somebody else's video")
            # Moved away, the same drive takes the pack, and its check passes it.
            os.remove(theirs)
            p = run("pack", self.src, "--rules", "changzhou-2024", "--out", drive, "--fast", "--as-of", "2024-09-01")
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            # A title whose case changes: the drive cannot tell the old names from the new, and
            # they are pack's own — written again under the new names, no file in the way.
            for old, new in (("奋斗者之歌", "Chuxin"), ("Chuxin", "CHUXIN")):
                with open(f"{self.src}/works.yaml") as f:
                    text = f.read()
                with open(f"{self.src}/works.yaml", "w") as f:
                    f.write(text.replace(f"title: {old}", f"title: {new}"))
                p = run("pack", self.src, "--rules", "changzhou-2024", "--out", drive, "--fast", "--clean",
                        "--as-of", "2024-09-01")
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertIn(f"CHUXIN-微视频-{UNIT}（有字幕）.mp4", os.listdir(f"{drive}/作品"))
            self.assertNotIn(f"Chuxin-微视频-{UNIT}（有字幕）.mp4", os.listdir(f"{drive}/作品"))
            v = subprocess.run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=drive,
                               capture_output=True, text=True)
            self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        finally:
            unmount()

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
        self.assertIn("works.yaml:6:15: 未知的分类 '微视屏'，您是不是要写 '微视频'？", p.stderr)
        self.assertFalse(os.path.exists(self.out))

    def generated_forms(self, out):
        forms = {}
        for name in sorted(os.listdir(f"{out}/表格")):
            with open(f"{out}/表格/{name}", "rb") as f:
                forms[name] = f.read()
        return forms

    def test_forms_are_dated_by_as_of_and_byte_identical(self):
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stderr)
        first = self.generated_forms(self.out)
        self.assertEqual(len(first), 3)  # 汇总表 and two 报名表
        for name, data in first.items():
            with zipfile.ZipFile(f"{self.out}/表格/{name}") as z:
                core = z.read("docProps/core.xml").decode()
                self.assertIn(">2024-09-01T00:00:00Z</dcterms:created>", core, name)
                self.assertIn(">2024-09-01T00:00:00Z</dcterms:modified>", core, name)
                self.assertEqual({i.date_time[:3] for i in z.infolist()}, {(2024, 9, 1)}, name)
        # A second pack later (zip times have a 2-second grain), in another time zone: the
        # same bytes.
        time.sleep(2.1)
        second_out = os.path.join(self.tmp, "usb2")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", second_out, "--as-of", "2024-09-01",
                env={"TZ": "America/New_York"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(self.generated_forms(second_out), first)
        # Another day, other bytes: the date is really taken from --as-of.
        third_out = os.path.join(self.tmp, "usb3")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", third_out, "--as-of", "2024-09-02")
        self.assertNotEqual(self.generated_forms(third_out), first)

    def test_as_of_that_is_not_a_day_is_refused(self):
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", self.out, "--as-of", "2024-02-30")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--as-of：应为 2024-09-01 这样的日期，实际是“2024-02-30”", p.stderr)
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
            # The drive as pack left it: its manifest verifies every file of the archive.
            self.assertIn("mpcheck-report.txt", names)
            for line in archive.read("manifest-sha256.txt").decode().splitlines():
                digest, name = line.split("  ", 1)
                self.assertEqual(hashlib.sha256(archive.read(name)).hexdigest(), digest, name)

    def test_repack_after_a_title_change_needs_clean_and_then_equals_the_plan(self):
        p = self.pack("--fast")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(MANIFEST.replace("初心如磐", "初心不改"))
        # The old work's files are on the drive and not in the new plan: nothing is written.
        before = tree_hashes(self.out)
        p = self.pack("--fast")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("以前打包留下的", p.stderr)
        self.assertIn(f"作品/初心如磐-微视频-{UNIT}（有字幕）.mp4", p.stderr)
        self.assertIn("--clean", p.stderr)
        self.assertEqual(tree_hashes(self.out), before)
        # The dry run says what --clean would remove, and removes nothing.
        p = self.pack("--fast", "--dry-run", "--clean")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("将删除", p.stdout)
        self.assertIn(f"表格/报名表-初心如磐-{UNIT}.docx", p.stdout)
        self.assertEqual(tree_hashes(self.out), before)
        p = self.pack("--fast", "--clean")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("已删除", p.stdout)
        # The drive is the plan: every file but pack's own is in the manifest, and it verifies.
        with open(f"{self.out}/manifest-sha256.txt") as f:
            listed = {line.split("  ", 1)[1] for line in f.read().splitlines()}
        on_drive = set(tree_hashes(self.out)) - {"manifest-sha256.txt", "mpcheck-report.txt", ".mpcheck-pack-state"}
        self.assertEqual(on_drive, listed)
        self.assertFalse(any("初心如磐" in name for name in on_drive))
        self.assertEqual(subprocess.run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=self.out).returncode, 0)

    def test_clean_never_removes_what_no_pack_wrote(self):
        # A stick with the clerk's own photos on it: pack names them and touches nothing,
        # --clean or not.
        os.makedirs(f"{self.out}/照片")
        with open(f"{self.out}/照片/全家福.jpg", "wb") as f:
            f.write(b"family photo")
        for extra in ((), ("--clean",)):
            p = self.pack("--fast", *extra)
            self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
            self.assertIn("不是 mpcheck pack 写入的", p.stderr)
            self.assertIn("照片/全家福.jpg", p.stderr)
            self.assertIn("加 --clean 也不删", p.stderr)
            with open(f"{self.out}/照片/全家福.jpg", "rb") as f:
                self.assertEqual(f.read(), b"family photo")
        # --help says so too (QA Q4: it said --clean removed "files put there by hand").
        for lang, never in (("zh", "不是 pack 写入的文件从不删除"), ("en", "files no pack wrote are never removed")):
            p = run("pack", "--help", "--lang", lang)
            flat = " ".join(p.stdout.split())
            clean = flat[flat.index("--clean"):flat.index("--verify")]
            self.assertIn(never, clean)
            self.assertNotIn("手工放入", clean)
            self.assertNotIn("by hand", clean)

    def test_a_hand_filled_form_wins_and_nothing_is_left_out_silently(self):
        docx(f"{self.src}/报名表（盖章）.docx", "单位填写并盖章的报名表")
        place(fixture("rgb-300dpi.jpg"), f"{self.src}/海报.jpg")
        with open(f"{self.src}/海报.jpg", "rb") as f:
            poster = f.read()
        p = self.pack("--fast", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        for said in ("未打包的源文件", "素材/Thumbs.db：系统或软件留下的文件", "海报.jpg：works.yaml 里没有写到它",
                     "单位填写的表格（原样保留）", "表格/报名表（盖章）.docx", "生成的表格", f"表格/汇总表-{UNIT}.docx"):
            self.assertIn(said, p.stdout)
        p = self.pack("--fast")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("海报.jpg：works.yaml 里没有写到它", p.stdout)
        # The unit's sealed form is on the drive as it was; none of its kind was generated.
        with open(f"{self.src}/报名表（盖章）.docx", "rb") as a, open(f"{self.out}/表格/报名表（盖章）.docx", "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertFalse(os.path.exists(f"{self.out}/表格/报名表-奋斗者之歌-{UNIT}.docx"))
        self.assertTrue(os.path.exists(f"{self.out}/表格/汇总表-{UNIT}.docx"))
        self.assertNotIn(hashlib.sha256(poster).hexdigest(), tree_hashes(self.out).values())
        # --forms generate: the generated forms replace it, and it is said so.
        out2 = os.path.join(self.tmp, "usb2")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", out2, "--as-of", "2024-09-01",
                "--fast", "--forms", "generate")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("报名表（盖章）.docx：--forms generate：以生成的表格代替", p.stdout)
        self.assertTrue(os.path.exists(f"{out2}/表格/报名表-奋斗者之歌-{UNIT}.docx"))
        self.assertFalse(os.path.exists(f"{out2}/表格/报名表（盖章）.docx"))

    def test_a_form_listed_under_documents_is_kept_or_replaced_as_forms_says(self):
        # The unit's sealed 汇总表, under a name of its own, given in works.yaml's documents:
        # packed under the notice's name instead of a generated one; --forms generate replaces it.
        docx(f"{self.src}/盖章件/总表.docx", "单位填写并盖章的汇总表")
        with open(f"{self.src}/works.yaml", "a") as f:
            f.write("documents:\n  汇总表: 盖章件/总表.docx\n")
        p = self.pack("--fast")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(f"单位填写的表格（原样保留）：\n  表格/汇总表-{UNIT}.docx\n", p.stdout)
        with open(f"{self.src}/盖章件/总表.docx", "rb") as a, open(f"{self.out}/表格/汇总表-{UNIT}.docx", "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertFalse([n for n in os.listdir(f"{self.out}/表格") if "生成" in n])
        out2 = os.path.join(self.tmp, "usb2")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", out2, "--as-of", "2024-09-01",
                "--fast", "--forms", "generate")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("盖章件/总表.docx：--forms generate：以生成的表格代替", p.stdout)
        with open(f"{self.src}/盖章件/总表.docx", "rb") as a, open(f"{out2}/表格/汇总表-{UNIT}.docx", "rb") as b:
            self.assertNotEqual(a.read(), b.read())
        self.assertFalse([n for n in os.listdir(f"{out2}/表格") if "生成" in n])

    def test_a_picture_given_as_the_video_is_not_packed_as_compliant(self):
        # QA H1: works.yaml `video: 讲课.jpg` packed the photo and called the drive compliant.
        src, out = os.path.join(self.tmp, "辽宁"), os.path.join(self.tmp, "辽宁U盘")
        os.makedirs(src)
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                        "color=c=white:size=1240x1754", "-frames:v", "1", f"{src}/讲课.jpg"], check=True)
        with open(f"{src}/works.yaml", "w") as f:
            f.write('unit: "机关党委"\ncontact: "张三"\nphone: "1"\nworks:\n  - title: "锤炼党性"\n'
                    '    files:\n      video: "讲课.jpg"\n    producer: "机关党委"\n    creators: "李四"\n'
                    '    summary: "简介"\n')
        p, report = run_json("pack", src, "--rules", "liaoning-2023", "--out", out, "--as-of", "2023-06-10",
                             "--format", "json")
        self.assertEqual(p.returncode, 1, p.stderr)
        found = [(f["check"], f["path"], f["severity"]) for f in report["findings"] if f["severity"] == "error"]
        self.assertEqual(found, [("video.missing", "锤炼党性.jpg", "error")])
        f = next(f for f in report["findings"] if f["check"] == "video.missing")
        self.assertIn("图片，不是视频", f["message"])

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


COUNTY = "修武县委宣传部"


def office(path, part):
    """A minimal real OOXML file whose main part is `part` (ppt/presentation.xml, …)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types/>')
        z.writestr(part, '<?xml version="1.0" encoding="UTF-8"?><root/>')


def lectures_yaml(count):
    return "lectures:\n" + "".join(
        f"  - {{speaker: 讲师{i:02d}, position: 支部书记, title: 我和我的祖国, date: 2019-07-{i:02d}, "
        f"audience: \"{30 + i}\"}}\n" for i in range(1, count + 1))


class SeriesOfPairsTest(unittest.TestCase):
    def setUp(self):
        # A 微视频 series of two episodes, each in its two versions, named by the pattern.
        tmp = tempfile.mkdtemp(prefix="mpcheck-series-")
        self.addCleanup(shutil.rmtree, tmp, True)
        self.src, self.out = f"{tmp}/src", f"{tmp}/usb"
        for n in (1, 2):
            place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{self.src}/微课堂-微视频-{UNIT}（第{n}集）（有字幕）.mp4")
            place(fixture("h264-1080p25-8M.mp4"), f"{self.src}/微课堂-微视频-{UNIT}（第{n}集）（无字幕）.mp4")

    def test_named_by_the_pattern_it_packs_with_the_names_unit(self):
        # No works.yaml, no --unit: the files' names give everything, the unit too.
        src, out = self.src, self.out
        p = run("pack", src, "--rules", "changzhou-2024", "--out", out, "--fast", "--as-of", "2024-09-01")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertTrue(os.path.exists(f"{out}/表格/汇总表-{UNIT}.docx"), os.listdir(f"{out}/表格"))
        self.assertEqual(len([n for n in os.listdir(f"{out}/作品") if n.endswith(".mp4")]), 4)
        self.assertNotIn("subtitles.pair-missing", p.stdout)

    def test_named_documents_find_their_folder_and_the_rest_is_left_out_said_why(self):
        # Without works.yaml: a 创意说明 (the 解说词's other name) goes to 文本/; notes that are
        # no document the notice asks for stay off the drive, said why — the drive pack makes
        # passes its own check instead of warning about each of them.
        docx(f"{self.src}/文本/微课堂-创意说明-{UNIT}.docx", "创意说明")
        for i in range(3):
            with open(f"{self.src}/文本/笔记{i}.txt", "w") as f:
                f.write("备忘")
        p = run("pack", self.src, "--rules", "changzhou-2024", "--out", self.out, "--fast", "--as-of", "2024-09-01")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertTrue(os.path.exists(f"{self.out}/文本/微课堂-创意说明-{UNIT}.docx"))
        self.assertIn("文本/笔记0.txt：不是通知要求的文档（报名表、汇总表、解说词）", p.stdout)
        self.assertFalse([n for n in os.listdir(self.out) if n.startswith("笔记")])
        _, report = run_json("check", "--rules", "changzhou-2024", "--as-of", "2024-09-01", "--format", "json", self.out)
        self.assertEqual([f for f in report["findings"] if f["check"].startswith("layout.")], [])

    def test_from_init_it_packs_both_versions_of_every_episode(self):
        src, out = self.src, self.out
        p = run("init", src, "--rules", "changzhou-2024")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(f"{src}/works.yaml") as f:
            text = f.read()
        self.assertIn("- {subtitled: ", text)
        with open(f"{src}/works.yaml", "w") as f:
            f.write(fill_todos(text, "张三"))
        p = run("pack", src, "--rules", "changzhou-2024", "--out", out, "--fast", "--as-of", "2024-09-01")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertEqual(sorted(os.listdir(f"{out}/作品")),
                         sorted(f"微课堂-微视频-{UNIT}（{v}字幕）（第{n}集）.mp4" for n in (1, 2) for v in ("有", "无")))
        self.assertNotIn("subtitles.pair-missing", p.stdout)
        self.assertNotIn("works.yaml 里没有写到它", p.stdout)


    def packed_report(self, subtitled, clean):
        """Episode 1 made of the fixtures `subtitled` and `clean`, packed; the drive's report."""
        for v, name in (("有", subtitled), ("无", clean)):
            os.remove(f"{self.src}/微课堂-微视频-{UNIT}（第2集）（{v}字幕）.mp4")
            place(fixture(name), f"{self.src}/微课堂-微视频-{UNIT}（第1集）（{v}字幕）.mp4")
        run("pack", self.src, "--rules", "changzhou-2024", "--out", self.out, "--fast", "--as-of", "2024-09-01")
        with open(f"{self.out}/mpcheck-report.txt") as f:
            return f.read()

    def test_the_report_of_a_packed_drive_sends_fixes_to_the_source(self):
        # A 720p pair packed as it is: the drive's report must not hint a fix on the drive
        # (its manifest would no longer match; fix refuses to write there).
        report = self.packed_report("h264-720p25.mp4", "h264-720p25.mp4")
        self.assertIn("video.resolution", report)
        # Other hints too: the missing 解说词 is added in the material, then pack again.
        self.assertRegex(report, r"添加“微课堂-解说词-[^”]+”，放在“文本”文件夹。用 works.yaml 打包时，在这个作品的 "
                                 r"files 下写上 script: 解说词文件的路径。（这是打包好的U盘：请在素材里改")
        # The report pack wrote knows the folder it packed: the command names it.
        self.assertIn(f'在打包用的素材文件夹上修复，再重新打包：mpcheck fix "{self.src}"', report)
        self.assertNotIn('"素材文件夹"', report)
        self.assertNotIn("--out \"修复后\"", report)

    def test_every_fix_hint_of_a_packed_drive_sends_to_the_source(self):
        # A portrait picture (fix wants --pillarbox for it) and a QuickTime file named .mp4
        # (the container's own hint): neither may offer a command that rewrites the drive.
        report = self.packed_report("h264-portrait-1080x1920.mp4", "quicktime-named.mp4")
        self.assertIn("video.resolution", report)
        self.assertIn("container.format", report)
        self.assertIn("--pillarbox --in-place（按 works.yaml 修复每个不合格的视频；", report)
        self.assertNotIn("修复后", report)
        self.assertNotIn("ffmpeg -i", report)


class OneFixCommandTest(unittest.TestCase):
    """A packed drive with a portrait video and another failing one: the hints offer the folder's
    fix with --pillarbox (for the portrait one, never forced) and without; the --pillarbox one
    says it mends everything, so one paste is enough, and the plain one says what it leaves."""

    def test_the_portrait_hint_mends_everything_in_one_paste(self):
        tmp = tempfile.mkdtemp(prefix="mpcheck-one-fix-")
        self.addCleanup(shutil.rmtree, tmp, True)
        src, out = f"{tmp}/材料", f"{tmp}/U盘"
        portrait = f"竖屏-微视频-{UNIT}.mp4"
        place(fixture("h264-portrait-1080x1920.mp4"), f"{src}/{portrait}")
        place(fixture("quicktime-named.mp4"), f"{src}/横屏-微视频-{UNIT}.mp4")
        pack = ("pack", src, "--rules", "changzhou-2024", "--out", out, "--fast", "--as-of", "2024-09-01")
        report = run(*pack).stdout
        hints = [l for l in report.splitlines() if "mpcheck fix" in l]
        pillarbox = [l for l in hints if "--pillarbox --in-place" in l]
        plain = [l for l in hints if "--pillarbox --in-place" not in l]
        self.assertTrue(pillarbox and plain, report)
        for hint in pillarbox:
            self.assertIn("--pillarbox 把竖屏画面放在横屏画布中间、左右加黑边，只用在竖屏的视频上。别的提示里不带 "
                          "--pillarbox 的 fix 命令能修的，这一条也都修：运行这一条一次就够", hint)
        for hint in plain:
            self.assertIn(f"按 works.yaml 修复每个不合格的视频，但不修竖屏的“{portrait}”：竖屏视频要加 --pillarbox"
                          "（左右加黑边）才会修复。接受黑边的话，只运行那个视频的提示里带 --pillarbox 的 fix "
                          "命令就够了", hint)
        en = run("check", out, "--rules", "changzhou-2024", "--fast", "--as-of", "2024-09-01", "--lang", "en").stdout
        self.assertIn("This one command also fixes everything the fix command without --pillarbox in other "
                      "hints fixes: running it once is enough", en)
        self.assertIn(f"but the portrait '{portrait}': a portrait video is fixed only with --pillarbox", en)
        # Pasted once, the --pillarbox command leaves nothing fix can mend: packed again, no
        # container, resolution or aspect finding is left.
        command = re.search(r"mpcheck fix (.*?--in-place)", pillarbox[0]).group(1)
        fixed = run("fix", *shlex.split(command))
        self.assertIn(fixed.returncode, (0, 1), fixed.stdout + fixed.stderr)
        again = run(*pack, "--clean").stdout
        for check in ("container.format", "video.resolution", "video.aspect-ratio", "mpcheck fix"):
            self.assertNotIn(check, again)


class JiaozuoFormsTest(unittest.TestCase):
    """The 焦作 统计表 lists the manifest's lectures — any number, outside the contest entries'
    quota of two — and the 师资库统计表 its lecturers."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-pack-jiaozuo-")
        self.src = os.path.join(self.tmp, "材料")
        self.out = os.path.join(self.tmp, "usb")
        place(fixture("h264-720p25.mp4"), f"{self.src}/我和我的祖国.mp4")
        office(f"{self.src}/课件.pptx", "ppt/presentation.xml")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def manifest(self, extra):
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(f"""unit: {COUNTY}
works:
  - title: 我和我的祖国
    files: {{video: 我和我的祖国.mp4, courseware: 课件.pptx}}
    speaker: 张三
{extra}""")

    def pack(self):
        return run("pack", self.src, "--rules", "jiaozuo-2019", "--out", self.out, "--as-of", "2019-06-01",
                   "--fast", "--format", "json")

    def document(self, prefix):
        found = [os.path.join(d, f) for d, _, fs in os.walk(self.out) for f in fs if f.startswith(prefix)]
        self.assertEqual(len(found), 1, found)
        with zipfile.ZipFile(found[0]) as z:
            return z.read("word/document.xml").decode()

    def test_twelve_lectures_are_listed_and_counted_without_tripping_the_quota(self):
        self.manifest(lectures_yaml(12) + """lecturers:
  - {name: 王芳, gender: 女, born: 1982-11, unit: 民主街道党工委, position: 组织委员, phone: "13900000000"}
""")
        p = self.pack()
        self.assertIn(p.returncode, (0, 1), p.stderr)
        statistics = self.document("统计表-")
        for i in range(1, 13):
            self.assertIn(f">讲师{i:02d}<", statistics)
            self.assertIn(f">2019年7月{i}日<", statistics)
        self.assertIn("共计  12  次", statistics)
        pool = self.document("师资库统计表-")
        for text in ("王芳", "1982年11月", "民主街道党工委", "13900000000"):
            self.assertIn(f">{text}<", pool)
        with open(f"{self.out}/mpcheck-report.txt") as f:
            report = f.read()
        self.assertNotIn("work.count", report)

    def test_a_lecture_date_that_is_not_a_day_names_its_line(self):
        self.manifest("lectures:\n  - {speaker: 李明, date: 2019年6月12日}\n")
        p = self.pack()
        self.assertEqual(p.returncode, 2)
        self.assertIn("works.yaml:7:25: 'date' 应是日期 YYYY-MM-DD（如 2019-06-12），而不是 '2019年6月12日'", p.stderr)
        self.assertFalse(os.path.exists(self.out))


class BranchRecordTest(unittest.TestCase):
    """The branch's 授课记录 takes each lesson's content and discussion from works.yaml."""

    def test_record_carries_content_and_discussion(self):
        tmp = tempfile.mkdtemp(prefix="mpcheck-pack-branch-")
        self.addCleanup(shutil.rmtree, tmp, True)
        src, out = os.path.join(tmp, "材料"), os.path.join(tmp, "usb")
        place(fixture("h264-720p25.mp4"), f"{src}/党课.mp4")
        office(f"{src}/课件.pptx", "ppt/presentation.xml")
        with open(f"{src}/works.yaml", "w") as f:
            f.write("""unit: 第一党支部
works:
  - title: 我和我的祖国
    files: {video: 党课.mp4, courseware: 课件.pptx}
    speaker: 李明
    position: 支部书记
    date: 2019-09-03
    audience: 全体党员
    summary: 内容简介。
    content: 回顾新中国成立70年的成就。
    discussion: 党员结合岗位谈体会，提出三条改进建议。
""")
        p = run("pack", src, "--rules", "branch-everyone", "--out", out, "--as-of", "2019-09-04", "--fast")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        found = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.startswith("授课记录")]
        self.assertEqual(len(found), 1, found)
        with zipfile.ZipFile(found[0]) as z:
            xml = z.read("word/document.xml").decode()
        for text in ("回顾新中国成立70年的成就。", "党员结合岗位谈体会，提出三条改进建议。", "2019年9月3日",
                     "李明（支部书记）"):
            self.assertIn(f">{text}<", xml)
        self.assertNotIn(">内容简介。<", xml)  # content given: the summary is not the record's

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-pack-branch-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.src, self.out = os.path.join(self.tmp, "材料"), os.path.join(self.tmp, "usb")
        place(fixture("h264-720p25.mp4"), f"{self.src}/党课.mp4")

    def pack(self, works, *args):
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(works)
        return run("pack", self.src, "--rules", "branch-everyone", "--out", self.out, "--fast",
                   "--as-of", "2024-05-02", *args)

    def test_an_empty_cell_of_the_record_stops_pack_at_the_work(self):
        # QA N8: every TODO filled, pack wrote the 授课记录 with 授课时间, 授课人, 参与人员 and
        # 讨论交流情况 blank, exit 0. The notice asks the record for each: pack says which cell,
        # which lecture, and where to write it, and writes nothing.
        works = "unit: 第一党支部\nworks:\n  - title: 红色足迹\n    files: {video: 党课.mp4}\n" \
                "    summary: 内容简介。\n"
        p = self.pack(works)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        for cell, key, what in (("授课时间", "date", "授课日期（YYYY-MM-DD，如 2024-05-01）"),
                                ("授课人", "speaker", "授课人姓名"), ("参与人员", "audience", "参与人员"),
                                ("讨论交流情况", "discussion", "讨论交流情况")):
            self.assertIn(f"works.yaml:3:5: 授课记录的“{cell}”一栏会是空的：作品《红色足迹》没有填 {key}。"
                          f"请在 works.yaml 这个作品下写 {key}: {what}（通知要求记录{cell}）", p.stderr)
        self.assertNotIn("主要内容", p.stderr)  # the summary stands for the content
        self.assertIn("works.yaml：共 4 处要改", p.stderr)
        self.assertFalse(os.path.exists(self.out))
        p = self.pack(works, "--lang", "en")
        self.assertIn("works.yaml:3:5: the 授课记录 would have its 授课人 (speaker) cell empty: the work "
                      "《红色足迹》 gives no speaker. Write speaker: (the speaker's name) under the work in "
                      "works.yaml (the notice asks the record to give it)", p.stderr)

    def test_an_empty_cell_of_a_lecture_is_said_at_the_lecture(self):
        p = self.pack("unit: 第一党支部\nworks:\n  - title: 红色足迹\n    files: {video: 党课.mp4}\n"
                      "lectures:\n  - title: 红色足迹\n    date: 2024-05-01\n    speaker: 李明\n"
                      "    content: 要点\n    audience: \"\"\n    discussion: 谈体会\n", "--dry-run")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("works.yaml:6:5: 授课记录的“参与人员”一栏会是空的：这一次讲课（《红色足迹》）没有填 audience。"
                      "请在 works.yaml 这一条下写 audience: 参与人员（通知要求记录参与人员）", p.stderr)
        self.assertIn("    6 |   - title: 红色足迹", p.stderr)

    def test_a_cell_the_notice_does_not_name_is_listed_not_refused(self):
        # A plan that asks the record only for 授课时间 and 授课人: the other empty cells are
        # said beside the forms generated, and the drive is written.
        with open(os.path.join(SOURCE, "rules", "branch-everyone.yaml")) as f:
            rules = f.read()
        full = "党支部安排专人对授课情况进行记录,包括授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况等"
        self.assertIn(full, rules)
        narrow = os.path.join(self.tmp, "narrow.yaml")
        with open(narrow, "w") as f:
            f.write(rules.replace(full, "党支部安排专人对授课情况进行记录,包括授课时间、授课人")
                    .replace("id: branch-everyone", "id: branch-narrow"))
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write("unit: 第一党支部\nworks:\n  - title: 红色足迹\n    files: {video: 党课.mp4}\n"
                    "    summary: 内容简介。\n    speaker: 李明\n    date: 2024-05-01\n")
        p = run("pack", self.src, "--rules", narrow, "--out", self.out, "--fast", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("生成的授课记录里的空栏：\n  ", p.stdout)
        self.assertIn("works.yaml:3:5: 授课记录的“参与人员”一栏会是空的：作品《红色足迹》没有填 audience。"
                      "请在 works.yaml 这个作品下写 audience: 参与人员\n", p.stdout)
        self.assertIn("“讨论交流情况”一栏会是空的", p.stdout)

    def test_without_a_unit_no_form_is_made_for_nobody(self):
        # QA R4: no works.yaml, no --unit, names without a unit: "授课记录-.docx" with its 党支部
        # cell empty, exit 0. Now a usage error before anything is written.
        p = run("pack", self.src, "--rules", "branch-everyone", "--out", self.out)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("不知道报送单位：生成的授课记录需要写上单位名称，文件名里也看不出单位。请加 --unit 单位全称",
                      p.stderr)
        self.assertFalse(os.path.exists(self.out))
        p = run("pack", self.src, "--rules", "branch-everyone", "--out", self.out, "--lang", "en")
        self.assertIn("the submitting unit is not known", p.stderr)

    def test_without_works_yaml_the_blank_record_is_said(self):
        # Names only: the record is a blank form; pack says so and how to have it filled.
        p = run("pack", self.src, "--rules", "branch-everyone", "--unit", "第一党支部", "--out",
                self.out, "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("生成的授课记录里的空栏：\n  没有 works.yaml，授课记录是一张空白表：请手工填写，或运行 mpcheck "
                      f'init "{self.src}" --rules "branch-everyone" 写出 works.yaml，在 lectures 下填好每次讲课后再打包\n',
                      p.stdout)  # the whole command (QA R5)

    def test_a_record_the_unit_hands_in_needs_no_cells(self):
        # The unit's own 授课记录, filled in and sealed, is kept: pack generates none to check.
        # With --forms generate it makes one, and then its cells must be there.
        docx(f"{self.src}/授课记录.docx")
        works = "unit: 第一党支部\nworks:\n  - title: 红色足迹\n    files: {video: 党课.mp4}\n"
        p = self.pack(works, "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("单位填写的表格（原样保留）：\n  授课记录.docx", p.stdout)
        self.assertNotIn("一栏会是空的", p.stdout + p.stderr)
        p = self.pack(works, "--dry-run", "--forms", "generate")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("works.yaml:3:5: 授课记录的“授课人”一栏会是空的", p.stderr)


LIAONING_WORKS = """unit: "机关党委"
contact: "张三"
phone: "1"
works:
  - title: "锤炼党性"
    files:
      video: "讲课 录像.MOV"
    producer: "机关党委"
    creators: "李四"
    summary: "简介"
"""


class RepackHintTest(unittest.TestCase):
    """The hint of a packed drive's fixable finding gives two commands a clerk can paste: fix
    of the folder pack read, then pack again — with --clean, since fix renames what it converts
    (.MOV → .mp4) and the drive still holds the old name. Pack knows the folder; a later check
    does not, and says its 素材文件夹 is a placeholder."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-repack-")
        os.makedirs(f"{self.tmp}/材料")
        # A camera's QuickTime file, otherwise as liaoning-2023 asks (1920x1080, sound).
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc=size=1920x1080:rate=25", "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000",
                        "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-ac", "2", "-f", "mov", f"{self.tmp}/材料/讲课 录像.MOV"], check=True)
        with open(f"{self.tmp}/材料/works.yaml", "w") as f:
            f.write(LIAONING_WORKS)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def sh(self, command):
        """Runs a pasted command line in the clerk's folder (mpcheck: the binary under test)."""
        env = dict(os.environ, LANG="C.UTF-8")
        env.pop("LC_ALL", None)
        mpcheck = os.environ.get("MPCHECK", "mpcheck")
        self.assertTrue(command.startswith("mpcheck "), command)
        return subprocess.run(f"'{mpcheck}'" + command[len("mpcheck"):], shell=True, cwd=self.tmp,
                              capture_output=True, text=True, env=env)

    def test_the_packed_drive_hint_names_the_source_and_its_commands_work(self):
        p = self.sh("mpcheck pack 材料 --rules liaoning-2023 --out U盘 --as-of 2023-06-10 --fast")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        hint = next(line for line in p.stdout.splitlines() if "mpcheck fix" in line)
        self.assertNotIn('"素材文件夹"', hint)
        fix = re.search(r'mpcheck fix "材料" [^（]*--in-place', hint)
        pack = re.search(r'mpcheck pack "材料" [^（]*--out "U盘" --clean', hint)
        self.assertTrue(fix and pack, hint)
        # Later, a check of the drive does not know the folder: a placeholder, said to be one.
        p = self.sh("mpcheck check U盘 --rules liaoning-2023 --as-of 2023-06-10 --fast")
        self.assertIn('mpcheck fix "素材文件夹"', p.stdout)
        self.assertIn("把“素材文件夹”换成打包时用的文件夹", p.stdout)
        self.assertIn('--out "U盘" --clean', p.stdout)
        p = self.sh("mpcheck check U盘 --rules liaoning-2023 --as-of 2023-06-10 --fast --lang en")
        self.assertIn("in place of SOURCE FOLDER", p.stdout)
        self.assertNotIn("素材文件夹", p.stdout)
        # fix refuses the drive itself, with the same two commands.
        p = self.sh("mpcheck fix U盘 --rules liaoning-2023 --in-place")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("把“素材文件夹”换成打包时用的文件夹", p.stderr)
        self.assertRegex(p.stderr, r'--out "[^"]*U盘" --clean')
        # The pack's hint, pasted: fix renames 讲课 录像.MOV to .mp4, and pack again replaces
        # the old file it wrote instead of stopping for --clean (exit 2).
        p = self.sh(fix.group(0))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p = self.sh(pack.group(0) + " --as-of 2023-06-10")
        self.assertIn(p.returncode, (0, 1), p.stdout + p.stderr)
        self.assertNotIn("以前打包留下的", p.stderr)
        videos = [n for n in os.listdir(f"{self.tmp}/U盘") if not n.startswith(".")
                  and n not in ("manifest-sha256.txt", "mpcheck-report.txt")]
        self.assertEqual(len(videos), 1, videos)
        self.assertTrue(videos[0].endswith(".mp4"), videos)
        self.assertEqual(subprocess.run(["sha256sum", "-c", "--quiet", "manifest-sha256.txt"],
                                        cwd=f"{self.tmp}/U盘").returncode, 0)
