"""The pack guarantees of docs/pack.md end to end: pack reads only inside SRC (a works.yaml path or a symlink that leaves
SRC is refused and reported) and writes only inside DIR and the outputs the user named
(--zip, -o), which may never be a source; check never writes its report into what it checks.
One test per rule of docs/pack.md "What pack reads and writes"."""
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from check_tree import CLEAN, SUB, UNIT, changzhou, docx, place
from mpcheck_test import MPCHECK, fixture, run, run_json

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01")
SECRET = b"root:x:0:0:secret line that must never reach a drive\n"

MANIFEST = f"""unit: {UNIT}
works:
  - title: 奋斗者之歌
    category: 微视频
    files:
      subtitled: 素材/成片-字幕.mp4
      clean: 素材/成片.mp4
      script: {{script}}
    producer: 钟楼区融媒体中心
    creators: 张三
    summary: 讲述基层党员的故事。
"""
SCRIPT_LINE, SCRIPT_COL = 8, 15  # where {script} stands


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def tree_hashes(root):
    return {os.path.relpath(os.path.join(d, f), root): sha(os.path.join(d, f))
            for d, _, files in os.walk(root) for f in files}


def files_under(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-safety-")
        self.src = os.path.join(self.tmp, "材料")
        self.out = os.path.join(self.tmp, "usb")
        self.outside = os.path.join(self.tmp, "elsewhere")
        os.makedirs(self.outside)
        self.secret = os.path.join(self.outside, "secret.docx")
        with open(self.secret, "wb") as f:
            f.write(SECRET)

    def tearDown(self):
        for d, _, _ in os.walk(self.tmp):
            os.chmod(d, 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def manifest_source(self, script="文稿/解说词.docx"):
        place(fixture("h264-1080p25-8M-subtitled.mp4"), f"{self.src}/素材/成片-字幕.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.src}/素材/成片.mp4")
        docx(f"{self.src}/文稿/解说词.docx", "解说词")
        self.write_manifest(script)

    def write_manifest(self, script):
        with open(f"{self.src}/works.yaml", "w") as f:
            f.write(MANIFEST.replace("{script}", script))

    def pack(self, *args, src=None):
        return run("pack", src or self.src, *CZ, "--out", self.out, *args)

    def assert_secret_nowhere(self):
        for d, _, fs in os.walk(self.tmp):
            for name in fs:
                path = os.path.join(d, name)
                if not path.startswith(self.outside + "/") and not os.path.islink(path):
                    with open(path, "rb") as f:
                        self.assertNotIn(b"secret line", f.read(), path)


class ManifestPathsTest(Base):
    """Rule 1: every works.yaml path resolves, links followed, inside SRC; else exit 2 at the
    value's FILE:LINE:COL and nothing is written."""

    def assert_refused(self, p, *words):
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn(f"works.yaml:{SCRIPT_LINE}:{SCRIPT_COL}: ", p.stderr)
        for w in words:
            self.assertIn(w, p.stderr)
        self.assertFalse(os.path.exists(self.out))
        self.assert_secret_nowhere()

    def test_absolute_path_is_refused(self):
        self.manifest_source(self.secret)
        self.assert_refused(self.pack(), "不接受绝对路径", self.secret)
        self.assert_refused(self.pack("--lang", "en"), "absolute path", "refused")

    def test_dotdot_path_leaving_src_is_refused(self):
        self.manifest_source("../elsewhere/secret.docx")
        self.assert_refused(self.pack(), "'../elsewhere/secret.docx' 不在源文件夹", "之内")
        self.assert_refused(self.pack("--lang", "en"), "outside the source folder")

    def test_symlink_leaving_src_is_refused(self):
        self.manifest_source("文稿/链接.docx")
        os.symlink(self.secret, f"{self.src}/文稿/链接.docx")
        self.assert_refused(self.pack(), f"是指向 {os.path.realpath(self.secret)} 的链接")

    def test_episode_item_is_placed_at_its_item(self):
        self.manifest_source()
        with open(f"{self.src}/works.yaml", "a") as f:
            f.write("  - title: 系列\n    category: 微视频\n    files:\n      episodes:\n"
                    "        - 素材/成片.mp4\n        - ../elsewhere/secret.docx\n")
        p = self.pack()
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("works.yaml:17:11: '../elsewhere/secret.docx' 不在源文件夹", p.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_manifest_elsewhere_still_reads_only_inside_src(self):
        self.manifest_source()
        elsewhere = os.path.join(self.outside, "works.yaml")
        shutil.move(f"{self.src}/works.yaml", elsewhere)
        with open(elsewhere) as f:  # paths relative to the manifest's folder, now outside SRC
            text = f.read().replace("素材/", "../材料/素材/").replace("文稿/", "../材料/文稿/")
        with open(elsewhere, "w") as f:
            f.write(text.replace("../材料/文稿/解说词.docx", "secret.docx"))
        p = self.pack("--manifest", elsewhere)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(f"works.yaml:{SCRIPT_LINE}:{SCRIPT_COL}: 'secret.docx' 不在源文件夹", p.stderr)
        with open(elsewhere, "w") as f:
            f.write(text)
        p = self.pack("--manifest", elsewhere)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_symlink_inside_src_is_copied_as_its_target_and_said(self):
        self.manifest_source("文稿/链接.docx")
        os.symlink("解说词.docx", f"{self.src}/文稿/链接.docx")
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("链接 文稿/链接.docx → 文稿/解说词.docx：复制它指向的文件", p.stdout)
        dest = f"{self.out}/文本/奋斗者之歌-解说词-{UNIT}.docx"
        self.assertFalse(os.path.islink(dest))
        self.assertEqual(sha(dest), sha(f"{self.src}/文稿/解说词.docx"))
        p = self.pack("--dry-run", "--lang", "en")
        self.assertIn("link 文稿/链接.docx → 文稿/解说词.docx: the file it leads to is copied", p.stdout)


class SymlinksInSourceTest(Base):
    """Rule 2: a symlink below SRC whose target leaves SRC is file.symlink-outside (error) in
    check and refused by pack, never copied; one inside SRC is checked and copied as its
    target (file.symlink, a warning)."""

    LINK = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"

    def test_link_leaving_src(self):
        changzhou(self.src)
        secret = os.path.join(self.outside, "secret.mp4")
        with open(secret, "wb") as f:
            f.write(SECRET)
        os.remove(f"{self.src}/{self.LINK}")
        os.symlink(secret, f"{self.src}/{self.LINK}")
        p = self.pack()
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn(f"✗ {self.LINK}: file.symlink-outside：链接指向源文件夹之外（{os.path.realpath(secret)}）", p.stderr)
        self.assertFalse(os.path.exists(self.out))
        p, report = run_json("check", *CZ, "--format", "json", self.src)
        self.assertEqual(p.returncode, 1, p.stderr)
        found = [f for f in report["findings"] if f["check"] == "file.symlink-outside"]
        self.assertEqual([(f["path"], f["severity"]) for f in found], [(self.LINK, "error")])
        self.assertIn(os.path.realpath(secret), json.dumps(found, ensure_ascii=False))
        self.assertNotIn(self.LINK, [f["path"] for f in report["files"]])  # never probed
        p = run("check", *CZ, "--lang", "en", self.src)
        self.assertIn("file.symlink-outside", p.stdout)
        self.assert_secret_nowhere()

    def test_link_inside_src(self):
        changzhou(self.src)
        os.makedirs(f"{self.src}/原片")
        os.rename(f"{self.src}/{self.LINK}", f"{self.src}/原片/成片.dat")
        os.symlink("../原片/成片.dat", f"{self.src}/{self.LINK}")
        p, report = run_json("check", *CZ, "--format", "json", self.src)
        on_link = [(f["check"], f["severity"]) for f in report["findings"]
                   if f["path"] == self.LINK and f["severity"] != "manual"]
        self.assertEqual(on_link, [("file.symlink", "warning")], p.stdout)
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(f"链接 {self.LINK} → 原片/成片.dat：复制它指向的文件", p.stdout)
        self.assertFalse(os.path.islink(f"{self.out}/{self.LINK}"))
        self.assertEqual(sha(f"{self.out}/{self.LINK}"), sha(f"{self.src}/原片/成片.dat"))


class OutputPathsTest(Base):
    """Rule 3: --zip and -o are never inside SRC, a source (by path, link or inode) or inside
    OUT; an existing file is replaced only with --force. check's -o never lands in what it
    checks, and replaces an older report."""

    def setUp(self):
        super().setUp()
        self.manifest_source()
        self.before = tree_hashes(self.src)

    def assert_usage_error(self, p, *words):
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        for w in words:
            self.assertIn(w, p.stderr)
        self.assertEqual(tree_hashes(self.src), self.before)
        self.assertFalse(os.path.exists(self.out))

    def test_zip_onto_a_source_video(self):
        video = f"{self.src}/素材/成片.mp4"
        self.assert_usage_error(self.pack("--zip", video, "--force"), f"--zip {video}", "源文件夹")
        self.assert_usage_error(self.pack("--zip", video, "--lang", "en", "--force"), "only read")

    def test_output_onto_a_source_or_the_manifest(self):
        self.assert_usage_error(self.pack("-o", f"{self.src}/works.yaml", "--force"), "-o ")
        elsewhere = os.path.join(self.outside, "works.yaml")
        with open(f"{self.src}/works.yaml") as f:
            text = f.read().replace("素材/", "../材料/素材/").replace("文稿/", "../材料/文稿/")
        with open(elsewhere, "w") as f:
            f.write(text)
        p = self.pack("--manifest", elsewhere, "-o", elsewhere, "--force")
        self.assert_usage_error(p, "就是要读取的文件")
        with open(elsewhere) as f:
            self.assertEqual(f.read(), text)

    def test_zip_through_a_link_or_a_hard_link_to_a_source(self):
        link = os.path.join(self.outside, "link.zip")
        os.symlink(f"{self.src}/素材/成片.mp4", link)
        self.assert_usage_error(self.pack("--zip", link, "--force"), "源文件夹")
        hard = os.path.join(self.outside, "hard.zip")
        os.link(f"{self.src}/素材/成片-字幕.mp4", hard)
        self.assert_usage_error(self.pack("--zip", hard, "--force"), "硬链接")
        self.assertEqual(sha(hard), self.before["素材/成片-字幕.mp4"])

    def test_zip_or_report_inside_out(self):
        self.assert_usage_error(self.pack("--zip", f"{self.out}/submission.zip"), "输出文件夹")
        self.assert_usage_error(self.pack("-o", f"{self.out}/r.txt"), "输出文件夹")
        self.assert_usage_error(self.pack("--zip", self.out), "输出文件夹")

    def test_zip_and_output_the_same_file(self):
        z = os.path.join(self.tmp, "a.zip")
        self.assert_usage_error(self.pack("--zip", z, "-o", z), "--zip 和 -o 不能是同一个文件")

    def test_existing_zip_needs_force(self):
        z = os.path.join(self.tmp, "submission.zip")
        with open(z, "w") as f:
            f.write("older")
        self.assert_usage_error(self.pack("--zip", z), "已存在；要替换它请加 --force")
        with open(z) as f:
            self.assertEqual(f.read(), "older")
        p = self.pack("--zip", z, "--force")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with zipfile.ZipFile(z) as archive:
            self.assertIsNone(archive.testzip())
            self.assertIn(f"作品/奋斗者之歌-微视频-{UNIT}{SUB}.mp4", archive.namelist())
        self.assertEqual(tree_hashes(self.src), self.before)

    def test_check_report_never_into_what_it_checks(self):
        checked = changzhou(os.path.join(self.tmp, "drive"))
        before = files_under(checked)
        p = run("check", *CZ, "-o", f"{checked}/报告.txt", checked)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(f"-o {checked}/报告.txt: 在被检查的", p.stderr)
        self.assertEqual(files_under(checked), before)
        one = f"{checked}/表格/汇总表-{UNIT}.docx"
        p = run("check", *CZ, "-o", one, one)
        self.assertEqual(p.returncode, 2, p.stderr)
        hard = os.path.join(self.outside, "hard.json")
        os.link(one, hard)
        p = run("check", *CZ, "--format", "json", "-o", hard, checked)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("硬链接", p.stderr)
        # An older report elsewhere is simply replaced: the normal CI use.
        report = os.path.join(self.tmp, "r.json")
        with open(report, "w") as f:
            f.write("older")
        p = run("check", *CZ, "--format", "json", "-o", report, checked)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(report) as f:
            self.assertEqual(json.load(f)["schema"], "mpcheck-report/1")


class OutputFolderTest(Base):
    """Rule 4 (issue 16, item 17): pack never writes through a symlinked folder inside OUT."""

    def test_symlinked_folder_inside_out_is_refused(self):
        self.manifest_source()
        os.makedirs(self.out)
        os.symlink(self.outside, f"{self.out}/作品")
        p = self.pack()
        self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
        self.assertIn(f"{self.out}/作品 is a symbolic link", p.stderr)
        self.assertIn("输出文件夹里有指向别处的链接", p.stderr)
        self.assertEqual(os.listdir(self.outside), ["secret.docx"])

    def test_out_through_a_link_is_fine(self):
        self.manifest_source()
        real = os.path.join(self.tmp, "real-usb")
        os.makedirs(real)
        os.symlink(real, self.out)
        p = self.pack()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("manifest-sha256.txt", os.listdir(real))


class PlainErrorsTest(Base):
    """Issue 16, item 15: errors say what happened, not "the drive was unplugged"."""

    def test_out_is_a_file(self):
        self.manifest_source()
        with open(self.out, "w") as f:
            f.write("x")
        p = self.pack()
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(f"--out {self.out}：不是文件夹", p.stderr)

    def test_another_pack_holds_the_folder(self):
        self.manifest_source()
        os.makedirs(self.out)
        fd = os.open(self.out, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            p = self.pack()
        finally:
            os.close(fd)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("另一个 mpcheck pack 正在写入这个输出文件夹", p.stderr)
        self.assertNotIn("拔出", p.stderr)

    def test_unreadable_source(self):
        self.manifest_source()
        video = f"{self.src}/素材/成片.mp4"
        os.remove(video)  # a copy: the fixture it was linked to stays as it is
        shutil.copy(fixture("h264-1080p25-8M.mp4"), video)
        os.chmod(video, 0)
        for d, _, _ in os.walk(self.tmp):
            os.chmod(d, 0o777)
        # Root reads any file: run as nobody so that the permission really is missing.
        as_nobody = (lambda: (os.setgroups([]), os.setgid(65534), os.setuid(65534))) \
            if os.getuid() == 0 else None
        p = subprocess.run([MPCHECK, "pack", self.src, *CZ, "--out", self.out],
                           capture_output=True, text=True, preexec_fn=as_nobody,
                           env=dict(os.environ, LANG="C.UTF-8"))
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("无法读取源文件", p.stderr)
        self.assertIn("没有读取权限", p.stderr)
        self.assertNotIn("Permission denied", p.stderr)
        self.assertNotIn("拔出", p.stderr)


if __name__ == "__main__":
    unittest.main()
