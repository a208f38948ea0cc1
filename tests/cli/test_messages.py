"""The messages a clerk reads when a run fails, end to end: wholly in Chinese by default (in
English with --lang en), naming the file, what happened in plain words and what to do — never a
system's or a library's English sentence, never "the drive was unplugged, run it again" for a
drive that is write-protected or a folder that is not the user's. One test per family:
read-only drive (EROFS), no permission (EACCES), a path that is not a folder (ENOTDIR), a full
disk (ENOSPC), a name too long, another pack at work, usage errors, YAML syntax, -o."""
import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from check_tree import UNIT, changzhou
from mpcheck_test import fixture, mount_tmpfs, run, without_dac_override
from test_pack_safety import Base

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01", "--fast")
# The English of strerror, CLI11, yaml-cpp and pack's own details, as it used to leak.
ENGLISH = re.compile(r"\b(cannot|denied|Read-only|No space|not enough|another|bytes|excludes|to|"
                     r"Not a directory|illegal|needed|available|file system|characters)\b")


class Messages(Base):
    def setUp(self):
        super().setUp()
        self.mounts = []

    def tearDown(self):
        for m in reversed(self.mounts):
            subprocess.run(["umount", "-l", m], capture_output=True)
        super().tearDown()

    def mount(self, path, *options):
        if why := mount_tmpfs(path, *options):
            self.skipTest(why)
        self.mounts.append(path)
        return path

    def assert_chinese(self, text):
        """No English sentence left in a Chinese message (the paths taken out first)."""
        self.assertEqual(ENGLISH.findall(text.replace(self.tmp, "")), [], text)

    def pack_both(self, out, **kw):
        """pack to `out` in Chinese and in English: both exit 3; returns both stderrs."""
        zh = run("pack", self.src, *CZ, "--out", out, **kw)
        en = run("pack", self.src, *CZ, "--out", out, "--lang", "en", **kw)
        self.assertEqual((zh.returncode, en.returncode), (3, 3), zh.stderr + en.stderr)
        self.assert_chinese(zh.stderr)
        self.assertNotIn("拔出", zh.stderr)
        self.assertNotIn("unplugged", en.stderr)
        return zh.stderr, en.stderr

    # -- pack: where it cannot write -------------------------------------------------------------
    def test_a_write_protected_drive_says_so_and_not_to_rerun(self):
        self.manifest_source()
        drive = self.mount(os.path.join(self.tmp, "usb-ro"), "ro", "size=50m")
        zh, en = self.pack_both(drive)
        self.assertIn(f"无法写入 {drive}/.mpcheck-pack-state：目标盘或文件夹是只读的", zh)
        self.assertIn("写保护开关", zh)
        self.assertNotIn("重新运行同一命令", zh)
        self.assertIn(f"cannot write {drive}/.mpcheck-pack-state: the drive or folder is read-only", en)
        self.assertIn("write-protect switch", en)

    def test_a_folder_that_is_not_yours_says_permission(self):
        self.manifest_source()
        os.makedirs(self.out)
        os.chmod(self.out, 0o555)
        zh, en = self.pack_both(self.out, preexec_fn=without_dac_override)
        self.assertIn(f"{self.out}/.mpcheck-pack-state：没有写入权限（这个文件夹不属于当前用户，或被设为只读）", zh)
        self.assertIn("请换一个自己有写入权限的输出文件夹（--out）", zh)
        self.assertIn("permission denied (the folder is not yours, or is read-only)", en)

    def test_out_through_a_dangling_link_says_the_path_is_not_a_folder(self):
        self.manifest_source()
        link = os.path.join(self.tmp, "U盘")
        os.symlink(os.path.join(self.tmp, "nowhere", "usb"), link)
        zh, en = self.pack_both(link)
        self.assertIn(f"无法创建文件夹 {link}：路径中有一段不是文件夹", zh)
        self.assertIn("请检查 --out 给出的路径", zh)
        self.assertIn("a part of the path is not a folder", en)

    def test_a_full_drive_says_what_is_needed_and_what_is_free(self):
        self.manifest_source()
        drive = self.mount(os.path.join(self.tmp, "small"), "size=1m")
        zh, en = self.pack_both(os.path.join(drive, "usb"))
        self.assertRegex(zh, rf"目标盘空间不足：{re.escape(drive)}/usb 需要 \d+(\.\d)? MB（\d+ 字节），"
                             r"只剩 1\.0 MB（1048576 字节）。请删除目标盘上不需要的文件或换一个更大的U盘")
        self.assertRegex(en, r"needs \d+(\.\d)? MB \(\d+ bytes\), 1\.0 MB \(1048576 bytes\) free")

    def test_a_drive_out_of_files_says_so_and_not_that_it_is_full(self):
        # A file system with a fixed count of files (ext4, tmpfs) used up with bytes to spare:
        # told before anything is written, with both counts, not "the disk is full".
        self.manifest_source()
        drive = self.mount(os.path.join(self.tmp, "few"), "size=50m", "nr_inodes=6")
        zh, en = self.pack_both(os.path.join(drive, "usb"))
        self.assertRegex(zh, rf"目标盘放不下这么多文件：{re.escape(drive)}/usb 所在的文件系统只能再建 \d 个"
                             r"文件和文件夹，这次需要 \d+ 个（空间还剩 5\d(\.\d)? MB（\d+ 字节），不是空间不够）")
        self.assertIn("格式化为 exFAT 的U盘没有这个限制", zh)
        self.assertNotIn("磁盘已满", zh)
        self.assertRegex(en, r"can make \d more files and folders, \d+ are needed")
        self.assertEqual(os.listdir(drive), [])

    def test_a_name_too_long_is_said_at_its_title_in_chinese(self):
        # The title of works.yaml makes a name of more than 255 bytes: said at its line, before
        # anything is written (exit 2), with by how much to shorten it; not a write error.
        self.manifest_source()
        with open(f"{self.src}/works.yaml", encoding="utf-8") as f:
            text = f.read()
        with open(f"{self.src}/works.yaml", "w", encoding="utf-8") as f:
            f.write(text.replace("title: 奋斗者之歌", "title: " + "长" * 90))  # 270 bytes
        zh = run("pack", self.src, *CZ, "--out", self.out)
        en = run("pack", self.src, *CZ, "--out", self.out, "--lang", "en")
        self.assertEqual((zh.returncode, en.returncode), (2, 2), zh.stderr + en.stderr)
        self.assertRegex(zh.stderr, r"works\.yaml:\d+:\d+: 作品名太长：按通知的命名格式，作品的文件名会有 "
                                    r"\d+ 字节，U盘和电脑的文件名最多 255 字节；请把作品名缩短至少 \d+ 个汉字")
        self.assertIn("the title is too long", en.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_another_pack_at_work_is_said_in_chinese(self):
        self.manifest_source()
        os.makedirs(self.out)
        fd = os.open(self.out, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            zh, en = self.pack_both(self.out)
        finally:
            os.close(fd)
        self.assertIn(f"另一个 mpcheck pack 正在写入这个输出文件夹：{self.out}。请等它结束后再运行。", zh)
        self.assertIn(f"another mpcheck pack is writing to this output folder: {self.out}.", en)

    # -- the command line, works.yaml, -o ---------------------------------------------------------
    def test_usage_errors_are_chinese(self):
        drive = changzhou(os.path.join(self.tmp, "drive"))
        cases = [
            (("check", drive, *CZ, "-j", "0"), "--jobs 的值“0”超出范围：应在 1 到 256 之间",
             "--jobs: Value 0 not in range 1 to 256"),
            (("fix", drive, *CZ[:2], "--out", self.out, "--in-place"), "--out 不能与 --in-place 同时使用",
             "--out excludes --in-place"),
            (("check", *CZ), "缺少参数：要检查的U盘或单位文件夹", "paths is required"),
        ]
        for args, zh, en in cases:
            p = run(*args)
            self.assertEqual(p.returncode, 2, (args, p.stderr))
            self.assertIn(f"mpcheck: error: {zh}", p.stderr)
            self.assert_chinese(p.stderr.replace("--in-place", "").replace("--help", ""))
            p = run(*args, "--lang", "en")
            self.assertIn(en, p.stderr)

    def test_a_tab_in_works_yaml_is_said_in_chinese(self):
        self.manifest_source()
        with open(f"{self.src}/works.yaml", encoding="utf-8") as f:
            text = f.read()
        with open(f"{self.src}/works.yaml", "w", encoding="utf-8") as f:
            f.write(text.replace("    category:", "\tcategory:"))
        p = run("pack", self.src, *CZ, "--out", self.out)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("YAML 格式错误：缩进里用了 Tab 键，YAML 只能用空格缩进（把 Tab 换成两个空格）", p.stderr)
        self.assertNotIn("illegal", p.stderr)
        p = run("pack", self.src, *CZ, "--out", self.out, "--lang", "en")
        self.assertIn("YAML syntax error: illegal tab when looking for indentation", p.stderr)

    def test_o_into_a_folder_that_takes_no_file_says_so(self):
        drive = changzhou(os.path.join(self.tmp, "drive"))
        p = run("check", drive, *CZ, "-o", "/proc/r.json")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("无法写入 '/proc/r.json'：文件夹 /proc 里不能新建文件", p.stderr)
        self.assertNotIn("不存在", p.stderr)
        missing = os.path.join(self.tmp, "没有的文件夹", "r.json")
        p = run("check", drive, *CZ, "-o", missing)
        self.assertIn(f"所在的文件夹 {os.path.dirname(missing)} 不存在", p.stderr)
        os.makedirs(self.out)
        os.chmod(self.out, 0o555)
        p = run("check", drive, *CZ, "-o", os.path.join(self.out, "r.json"), "--lang", "en",
                preexec_fn=without_dac_override)
        self.assertIn(f"the folder {self.out} is not writable for you", p.stderr)


if __name__ == "__main__":
    unittest.main()
