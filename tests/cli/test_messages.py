"""The messages a clerk reads when a run fails, end to end: wholly in Chinese by default (in
English with --lang en), naming the file, what happened in plain words and what to do — never a
system's or a library's English sentence, never "the drive was unplugged, run it again" for a
drive that is write-protected or a folder that is not the user's. One test per family:
read-only drive (EROFS), no permission (EACCES), a path that is not a folder (ENOTDIR), a full
disk (ENOSPC), a name too long, another pack at work, usage errors, YAML syntax, -o."""
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from check_tree import UNIT, changzhou, docx, ffmpeg, place
from mpcheck_test import fixture, mount_tmpfs, run, without_dac_override
from test_pack import office
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
        # A big one, and one too small for the works (QA Q13: "空间不足，请删除文件", which a
        # write-protected stick does not allow): read-only first, either way.
        for size in ("50m", "1m"):
            drive = self.mount(os.path.join(self.tmp, "usb-ro-" + size), "ro", "size=" + size)
            zh, en = self.pack_both(drive)
            self.assertIn(f"无法写入 {drive}：目标盘或文件夹是只读的", zh)
            self.assertIn("写保护开关", zh)
            self.assertNotIn("空间不足", zh)
            self.assertNotIn("重新运行同一命令", zh)
            self.assertIn(f"cannot write {drive}: the drive or folder is read-only", en)
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
            self.assertIn(f"mpcheck：错误：{zh}", p.stderr)
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
        self.assertIn("YAML 格式错误：缩进里用了 Tab 键，YAML 只能用空格缩进（把 Tab 换成空格，与上下同级的行对齐）", p.stderr)
        self.assertNotIn("illegal", p.stderr)
        p = run("pack", self.src, *CZ, "--out", self.out, "--lang", "en")
        self.assertIn("YAML syntax error: a Tab in the indentation; YAML indents with spaces only", p.stderr)
        # One Tab under a title with a comment, as in init's file, where yaml-cpp says "end of
        # map not found" (QA Q6): the Tab still named, at its own line and column.
        with open(f"{self.src}/works.yaml", "w", encoding="utf-8") as f:
            f.write(f'unit: "{UNIT}"\nworks:\n  - title: "初心如磐"   # 请核对\n\tcategory: "微视频"\n'
                    '    files:\n      video: "素材/成片.mp4"\n')
        p = run("pack", self.src, *CZ, "--out", self.out)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("works.yaml:4:1: YAML 格式错误：缩进里用了 Tab 键", p.stderr)
        self.assertNotIn("缩进不齐", p.stderr)

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


def findings_of(p, check_id):
    """The findings of `check_id` in a `check --format json` run of one PATH."""
    return [f for f in json.loads(p.stdout)["findings"] if f["check"] == check_id]


def write_drive_manifest(root):
    """manifest-sha256.txt over every file of `root`, as pack writes it: a packed drive."""
    lines = []
    for d, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {os.path.relpath(path, root)}\n")
    with open(os.path.join(root, "manifest-sha256.txt"), "w", encoding="utf-8") as f:
        f.writelines(sorted(lines, key=lambda l: l[66:]))


class Wording(Base):
    """The words of the output itself: no code, CLI11 type name or English jargon in Chinese
    (QA M9), no Chinese left in English (M10), a fix for every finding that has one, sent to
    the material on a packed drive (L5), and a hint that fits a link (L6)."""

    def assert_no_english(self, text, *words):
        for w in words:
            self.assertIsNone(re.search(rf"\b{w}\b", text), f"{w!r} in:\n{text}")

    # -- M9: Chinese output -----------------------------------------------------------------------
    def test_errors_and_notes_of_the_run_start_in_the_users_language(self):
        missing = os.path.join(self.tmp, "没有")
        zh = run("check", *CZ, missing)
        self.assertEqual((zh.returncode, zh.stderr), (2, f"mpcheck：错误：路径不存在：{missing}\n"))
        en = run("check", *CZ, missing, "--lang", "en")
        self.assertEqual(en.stderr, f"mpcheck: error: {missing}: no such file or folder\n")
        usage = run("check", *CZ, "-j", "0")
        self.assertTrue(usage.stderr.startswith("mpcheck：错误：--jobs"), usage.stderr)
        # works.yaml problems: each line, and the count, in Chinese
        self.manifest_source()
        with open(f"{self.src}/works.yaml", encoding="utf-8") as f:
            text = f.read()
        with open(f"{self.src}/works.yaml", "w", encoding="utf-8") as f:
            f.write(text.replace("category: 微视频", "category: 微视屏").replace("producer:", "producr:"))
        p = run("pack", self.src, *CZ, "--out", self.out)
        self.assertEqual(p.returncode, 2, p.stderr)
        starts = [l for l in p.stderr.splitlines() if l.startswith("mpcheck")]
        self.assertEqual(len(starts), 3, p.stderr)
        self.assertTrue(all(l.startswith("mpcheck：错误：") for l in starts), p.stderr)
        self.assertNotIn("error", p.stderr)
        # the note on a folder holding works.yaml
        with open(f"{self.src}/works.yaml", "w", encoding="utf-8") as f:
            f.write(text)
        zh = run("check", self.src, *CZ)
        self.assertIn(f"mpcheck：提示：{self.src} 里有 works.yaml", zh.stderr)
        self.assertNotIn("note", zh.stderr)

    def test_help_says_each_value_in_words_not_clis_type_names(self):
        zh = run("check", "--help")
        self.assertEqual(zh.returncode, 0, zh.stderr)
        self.assert_no_english(zh.stdout, "TEXT", "INT")
        for shown in ("  路径 ... （必填）", "--rules 规则集 （必填）", "--lang {zh,en} 之一",
                      "-j,--jobs 整数（1 到 256）", "-o,--output 文件", "--as-of 日期"):
            self.assertIn(shown, zh.stdout)
        self.assertIn("--out 文件夹", run("fix", "--help").stdout)
        en = run("check", "--help", "--lang", "en")
        self.assertIn("-j,--jobs INT:INT in [1 - 256]", en.stdout)  # English: CLI11's own

    def test_rename_without_rules_says_what_is_missing_in_words(self):
        os.makedirs(self.src)
        p = run("rename", self.src)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("mpcheck：错误：缺少 --rules 规则集（见 mpcheck rules list）", p.stderr)
        self.assertIn("mpcheck rename 文件夹 --rules 规则集", p.stderr)
        self.assert_no_english(p.stderr, "DIR", "needs")
        en = run("rename", "--lang", "en")
        self.assertIn("rename needs the folder to rename in and --rules", en.stderr)

    def test_probe_says_scan_peak_and_counts_in_words(self):
        zh = run("probe", fixture("h264-1080i25.mp4"), fixture("h264-interlaced-content.mp4"))
        # below, the facts without the file names (…-interlaced-content.mp4)
        self.assertEqual(zh.returncode, 0, zh.stderr)
        self.assertIn("，隔行（顶场优先），", zh.stdout)
        self.assertIn("（峰值 ", zh.stdout)
        self.assertIn("从画面看扫描方式：隔行（逐帧检测：顶场优先 ", zh.stdout)
        facts = "\n".join(l for l in zh.stdout.splitlines() if l.startswith("  "))
        self.assert_no_english(facts, "tff", "bff", "interlaced", "progressive", "unknown",
                               "idet", "peak", "frames", "bytes", "faststart", "ch", "bit")
        en = run("probe", "--lang", "en", fixture("h264-1080i25.mp4"))
        self.assertIn(", tff, ", en.stdout)

    def test_findings_say_what_a_file_is_in_words(self):
        os.makedirs(self.src)
        sound = os.path.join(self.src, f"声音-微视频-{UNIT}.mp4")
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:a", "aac", sound)
        turned = os.path.join(self.src, f"竖屏-微视频-{UNIT}.mp4")
        place(fixture("h264-rotated-90.mp4"), turned)
        p = run("check", sound, *CZ, "--format", "json")
        [f] = findings_of(p, "video.missing")
        self.assertEqual(f["actual"], "只有声音")
        self.assertEqual(f["message"], "这个文件只有声音，没有视频画面")
        p = run("check", sound, *CZ, "--format", "json", "--lang", "en")
        self.assertEqual(findings_of(p, "video.missing")[0]["actual"], "sound only")
        p = run("check", turned, "--rules", "liaoning-2023", "--as-of", "2023-09-01", "--fast",
                "--format", "json")
        [f] = findings_of(p, "video.orientation")
        self.assertEqual(f["actual"], "1080x1920（旋转 90°）")
        self.assertEqual(f["message"], "视频是竖屏（显示为 1080x1920，旋转 90°），要求横屏")
        # a document where the rules put none: its kind in words
        drive = changzhou(os.path.join(self.tmp, "drive"))
        with open(f"{drive}/作品/extra.txt", "w", encoding="utf-8") as f:
            f.write("junk\n")
        p = run("check", drive, *CZ, "--format", "json")
        [f] = findings_of(p, "layout.unexpected")
        self.assertEqual(f["message"], "规则没有为这类文件（文档）指定位置")

    # -- M10: English output ----------------------------------------------------------------------
    def test_english_output_has_no_chinese_words_of_its_own(self):
        drive = os.path.join(self.tmp, "drive")
        place(fixture("h264-1080p25-8M.mp4"), f"{drive}/作品/奋斗者之歌-微视频-{UNIT}.mp4")
        p = run("check", drive, *CZ, "--format", "json", "--lang", "en")
        [f] = findings_of(p, "subtitles.pair-missing")
        self.assertEqual(f["actual"], "no version in the name")
        p = run("check", drive, *CZ, "--lang", "en")
        self.assertRegex(p.stdout, r"\n\d+ files?, 1 work: ")
        # pack's list of what it left out, and the note on a material folder
        self.manifest_source()
        docx(f"{self.src}/文稿/多余.docx", "多余")
        p = run("pack", self.src, *CZ, "--out", self.out, "--lang", "en", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"文稿/多余.docx: works.yaml does not name it", p.stdout)
        self.assertNotIn("：", p.stdout)
        p = run("check", self.src, *CZ, "--lang", "en")
        self.assertIn("mpcheck: note: ", p.stderr)
        self.assertIn("--out usb --dry-run", p.stderr)
        self.assertNotIn("U盘", p.stderr)

    # -- L5: a fix for each finding, sent to the material on a packed drive -----------------------
    def test_a_wrong_frame_rate_has_its_own_fix(self):
        os.makedirs(self.src)
        video = os.path.join(self.src, f"帧率-微视频-{UNIT}.mp4")
        place(fixture("h264-1080p2997.mp4"), video)
        p = run("check", video, *CZ, "--format", "json")
        [f] = findings_of(p, "video.frame-rate")
        self.assertTrue(f["hint"].startswith("在剪辑软件的导出设置里选 25 fps，从原始素材或工程文件重新导出"),
                        f["hint"])
        self.assertIn(f'mpcheck fix "{video}" --rules "changzhou-2024"', f["hint"])
        text = run("check", video, *CZ).stdout
        self.assertIn("→ 怎么改: 在剪辑软件的导出设置里选 25 fps", text)
        en = findings_of(run("check", video, *CZ, "--format", "json", "--lang", "en"), "video.frame-rate")
        self.assertTrue(en[0]["hint"].startswith("Export it again from the source or the project at 25 fps"))

    def test_hints_on_a_packed_drive_send_to_the_material_and_name_the_works_yaml_key(self):
        # A packed drive without its works: add them in the material, not on the drive.
        self.manifest_source()
        self.assertEqual(self.pack().returncode, 0)
        for name in os.listdir(f"{self.out}/作品"):
            os.remove(f"{self.out}/作品/{name}")
        p = run("check", self.out, *CZ, "--format", "json")
        [f] = findings_of(p, "work.count")
        self.assertIn("把作品文件放进", f["hint"])
        self.assertIn("works.yaml", f["hint"])
        self.assertIn("重新运行 mpcheck pack", f["hint"])
        # 焦作: a lesson without its 课件, on a drive pack made: the key courseware:, then pack
        drive = os.path.join(self.tmp, "jz")
        place(fixture("h264-720p25.mp4"), f"{drive}/我和我的祖国-微党课-民主街道党工委.mp4")
        write_drive_manifest(drive)
        p = run("check", drive, "--rules", "jiaozuo-2019", "--as-of", "2019-08-01", "--fast",
                "--format", "json")
        hints = [f["hint"] for f in findings_of(p, "document.missing") if "课件" in f["expected"]]
        self.assertEqual(len(hints), 1, p.stdout)
        self.assertIn("在这个作品的 files 下写上 courseware: 课件文件的路径", hints[0])
        self.assertIn("重新运行 mpcheck pack", hints[0])

    def test_jiaozuo_unit_report_hints_name_the_documents_key(self):
        # 焦作: the 情况报告 of a 区委宣传部 is the unit's, of no work. Left out of works.yaml,
        # pack says the key it goes under (not script:, not 报名表/汇总表 jiaozuo has none), and
        # the check's document.missing hint, on the drive and on the material, names it too.
        unit = "解放区委宣传部"
        src, out = os.path.join(self.tmp, "jz"), os.path.join(self.tmp, "jz-U盘")
        place(fixture("h264-1080p25-8M.mp4"), f"{src}/初心.mp4")
        office(f"{src}/初心课件.pptx", "ppt/presentation.xml")
        docx(f"{src}/情况报告-{unit}.docx", "情况报告")
        docx(f"{src}/会议纪要.docx", "纪要")
        with open(f"{src}/works.yaml", "w") as f:
            f.write(f"unit: {unit}\nworks:\n  - title: 初心\n    files: {{video: 初心.mp4, courseware: 初心课件.pptx}}\n")
        jz = ("--rules", "jiaozuo-2019", "--as-of", "2019-06-20", "--fast")
        p = run("pack", src, *jz, "--out", out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn(f"情况报告-{unit}.docx：works.yaml 里没有写到它；要提交的话，写在 works.yaml 的 documents 下："
                      f"情况报告: 情况报告-{unit}.docx\n", p.stdout)
        self.assertIn("会议纪要.docx：works.yaml 里没有写到它；要提交的话，单位的情况报告写在 works.yaml 的 "
                      "documents 下（如 情况报告: 文件的路径）；统计表、师资库统计表由 pack 生成\n", p.stdout)
        self.assertNotIn("script:", p.stdout)
        self.assertNotIn("报名表", p.stdout)
        self.assertNotIn("汇总表", p.stdout)
        en = run("pack", src, *jz, "--out", out, "--dry-run", "--lang", "en").stdout
        self.assertIn(f"情况报告-{unit}.docx: works.yaml does not name it; to submit it, list it under documents: "
                      f"情况报告: 情况报告-{unit}.docx\n", en)
        [f] = findings_of(run("check", out, *jz, "--format", "json"), "document.missing")
        self.assertEqual(f["expected"], "情况报告")
        self.assertIn("用 works.yaml 打包时，在 works.yaml 的 documents 下写上 情况报告: 情况报告文件的路径。", f["hint"])
        self.assertIn("重新运行 mpcheck pack", f["hint"])
        os.remove(f"{src}/情况报告-{unit}.docx")
        missing = {f["expected"]: f["hint"] for f in findings_of(
            run("check", src, *jz, "--unit", unit, "--format", "json", "--lang", "en"), "document.missing")}
        self.assertIn("Packing from works.yaml: name it under documents as 情况报告: PATH.", missing["情况报告"])
        # The forms pack makes itself are not sent to documents:.
        self.assertNotIn("documents", missing["统计表"])

    # -- L6 ---------------------------------------------------------------------------------------
    def test_a_link_to_a_folder_is_told_to_be_replaced_not_that_the_drive_is_damaged(self):
        drive = changzhou(os.path.join(self.tmp, "drive"))
        os.symlink("/etc", f"{drive}/文本/etc")
        p = run("check", drive, *CZ, "--format", "json")
        [f] = findings_of(p, "file.unreadable")
        self.assertIn("把链接换成真正的文件", f["hint"])
        self.assertNotIn("损坏", f["hint"])
        p = run("check", drive, *CZ, "--format", "json", "--lang", "en")
        self.assertIn("Replace the link with the real files", findings_of(p, "file.unreadable")[0]["hint"])
