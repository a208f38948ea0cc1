"""mpcheck fix: each fixable check id on media generated here with the ffmpeg CLI (the CLI only
MAKES the inputs; fix itself runs in-process), each fixed file passing `check` with no finding
of that id; a pair fixed together; --dry-run writing nothing; kill -9 leaving no final file;
what cannot be fixed said plainly (docs/fix.md).

Small pictures (320x180) under a rule file of this test keep each case to a few seconds."""
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from mpcheck_test import fill_todos, mount_tmpfs, run, run_json

UNIT = "测试单位"
RULES = """schema: mpcheck-rules/1
id: fix-small
title: {zh: 修复测试, en: fix test}
categories:
  - name: 微视频
    media:
      containers: mp4
      extensions: .mp4
      resolution: 320x180
      aspect_ratio: "16:9"
      frame_rate: 25
      scan: progressive
      bitrate: 1Mbps
      min_bitrate: 0.85Mbps
      max_bitrate: 1.6Mbps
      max_duration: 3s
      min_loudness: -36
      max_loudness: -8
    variants:
      subtitled: {suffix: （有字幕）}
      clean: {suffix: （无字幕）}
      required: false
naming:
  pattern: "{title}-{category}-{unit}"
"""


def ff(*args):
    p = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def make(out, size="320x180", rate="25", seconds=2, vf=None, vopts=(), fmt=None, faststart=True,
         gain_db=0, extra=(), graph=None, audio=None):
    """A testsrc picture with a tone, encoded by the ffmpeg CLI as asked. Not testsrc2, nor
    x264 ultrafast: idet takes small testsrc2 pictures and ultrafast's blocks for interlaced."""
    graph = graph or f"testsrc=size={size}:rate={rate}"
    if vf:
        graph += "," + vf
    a = audio or f"sine=f=440:sample_rate=48000,volume={gain_db}dB"
    args = ["-f", "lavfi", "-i", graph, "-f", "lavfi", "-i", a, "-t", str(seconds),
            "-c:v", "libx264", "-preset", "superfast", "-pix_fmt", "yuv420p", *vopts,
            "-c:a", "aac", "-ac", "2", *extra]
    if not any(o in vopts for o in ("-b:v", "-crf")):
        args += ["-b:v", "1M", "-minrate", "1M", "-maxrate", "1M", "-bufsize", "1M",
                 "-x264-params", "nal-hrd=cbr"]
    if faststart:
        args += ["-movflags", "+faststart"]
    if fmt:
        args += ["-f", fmt]
    ff(*args, out)


def ids_of(report, path_end=None):
    return {f["check"] for f in report["findings"]
            if f["severity"] in ("error", "warning") and (path_end is None or f["path"].endswith(path_end))}


class FixTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-fix-")
        self.src = os.path.join(self.tmp, "src")
        self.out = os.path.join(self.tmp, "out")
        os.makedirs(self.src)
        self.rules = os.path.join(self.tmp, "rules.yaml")
        with open(self.rules, "w") as f:
            f.write(RULES)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def name(self, title, variant=""):
        return os.path.join(self.src, f"{title}-微视频-{UNIT}{variant}.mp4")

    def check(self, *paths):
        p, report = run_json("check", "--format", "json", "--rules", self.rules, "--unit", UNIT, *paths)
        return report

    def fix(self, *args):
        return run("fix", "--rules", self.rules, "--unit", UNIT, *args)

    def probe(self, path):
        p, data = run_json("probe", "--format", "json", path)
        return data["files"][0]

    def fixed(self, src, check_id, *extra):
        """Checks that `src` fails `check_id`, fixes it into --out and returns the output's path
        after asserting it passes with no finding of `check_id`."""
        self.assertIn(check_id, ids_of(self.check(src)))
        p = self.fix(src, "--out", self.out, *extra)
        out = os.path.join(self.out, os.path.basename(src))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("复查通过", p.stdout)
        self.assertIn(check_id, p.stdout)
        self.assertTrue(os.path.exists(out), os.listdir(self.out))
        report = self.check(out)
        self.assertNotIn(check_id, ids_of(report))
        self.assertEqual(report["summary"]["error"], 0, report["findings"])
        self.assertEqual([n for n in os.listdir(self.out) if n.startswith(".mpcheck-tmp-")], [])
        return out

    # -- pack's material: works.yaml names the category, the file name does not ----------------
    def test_material_is_fixed_as_pack_names_it_and_works_yaml_follows(self):
        # The hint of a packed drive sends the clerk here: `fix` of the folder pack reads. The
        # video's own name (党课录像.mp4) says no category; works.yaml does, and fix judges the
        # file by its name on the drive, as the drive's report did.
        os.makedirs(os.path.join(self.src, "素材"))
        make(os.path.join(self.src, "素材", "党课录像.mp4"), size="480x270")
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write(f"unit: {UNIT}\nworks:\n  - title: 党课\n    category: 微视频\n"
                    "    files:\n      video: 素材/党课录像.mp4\n")
        for target in (self.src, os.path.join(self.src, "素材", "党课录像.mp4")):
            p = self.fix(target, "--dry-run")
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertIn("素材/党课录像.mp4", p.stdout)  # named as the clerk knows it
            self.assertIn("video.resolution", p.stdout)
            self.assertIn(f"党课-微视频-{UNIT}.mp4", p.stdout)
        p = self.fix(self.src, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("复查通过", p.stdout)
        fixed = os.path.join(self.src, "素材", f"党课-微视频-{UNIT}.mp4")
        self.assertEqual(self.probe(fixed)["video"]["width"], 320)
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "原始文件", "src", "素材", "党课录像.mp4")))
        with open(os.path.join(self.src, "works.yaml")) as f:
            self.assertIn(f"video: 素材/党课-微视频-{UNIT}.mp4", f.read())
        # pack takes the material as it is now: the drive passes.
        p = run("pack", self.src, "--rules", self.rules, "--out", self.out, "--fast")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotIn("video.resolution", p.stdout)

    def test_files_works_yaml_does_not_list_are_named_once_and_left_alone(self):
        # A clerk's material keeps leftovers works.yaml does not list: an old draft video whose
        # name gives no category, a photo. pack leaves them off the drive, so fix of the folder
        # (the command pack's hints give) leaves them alone too: named once, neither refused
        # nor counted in the exit code.
        os.makedirs(os.path.join(self.src, "素材"))
        make(os.path.join(self.src, "素材", "党课录像.mp4"), size="480x270")
        draft = os.path.join(self.src, "素材", "旧版 草稿.mp4")
        make(draft, size="480x270", rate="30")
        photo = os.path.join(self.src, "IMG_2040.JPG")
        ff("-f", "lavfi", "-i", "color=red:size=64x48", "-frames:v", "1", photo)
        leftovers = {}
        for path in (draft, photo):
            with open(path, "rb") as f:
                leftovers[path] = f.read()
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write(f"unit: {UNIT}\nworks:\n  - title: 党课\n    category: 微视频\n"
                    "    files:\n      video: 素材/党课录像.mp4\n")
        p = self.fix(self.src, "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout.count("未列入 works.yaml，未处理"), 1, p.stdout)
        self.assertIn("  素材/旧版 草稿.mp4\n", p.stdout)
        self.assertNotIn("无法自动修复", p.stdout)
        self.assertIn("素材/党课录像.mp4", p.stdout)  # the listed video is planned as before
        p = self.fix(self.src, "--in-place", "--lang", "en")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout.count("not listed in works.yaml, left alone"), 1, p.stdout)
        self.assertIn("fixed: passes the check again", p.stdout)
        for path, data in leftovers.items():
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data, path)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "原始文件", "src", "素材")), ["党课录像.mp4"])
        # pack leaves the same files off the drive, and the drive passes.
        p = run("pack", self.src, "--rules", self.rules, "--out", self.out, "--fast")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_check_of_material_hints_the_fix_that_updates_works_yaml(self):
        # check of pack's material: its fix hint is the one pack's hints give for the material,
        # `mpcheck fix "SRC" … --in-place`, which renames the fixed file in works.yaml too. The
        # old `--out "修复后"` left works.yaml naming the unfixed video, and pack packed it again.
        mov = f"党课-微视频-{UNIT}.mov"
        make(os.path.join(self.src, mov), size="480x270", fmt="mov")
        with open(os.path.join(self.src, "works.yaml"), "w") as f:
            f.write(f"unit: {UNIT}\nworks:\n  - title: 党课\n    category: 微视频\n"
                    f"    files:\n      video: {mov}\n")
        findings = self.check(self.src)["findings"]
        hints = [f["hint"] for f in findings if f["check"] == "video.resolution"]
        self.assertEqual(len(hints), 1, findings)
        fix = f'mpcheck fix "{self.src}" --rules "{self.rules}" --in-place'
        pack = f'mpcheck pack "{self.src}" --rules "{self.rules}" --unit "{UNIT}" --out "U盘"'
        for f in findings:
            if "mpcheck fix" in f["hint"]:
                self.assertIn(fix, f["hint"], f["check"])
                self.assertNotIn('--out "修复后"', f["hint"], f["check"])
        self.assertIn(pack, hints[0])
        mpcheck = os.environ.get("MPCHECK", "mpcheck")
        for command in (fix, pack):  # pasted where the clerk is
            p = subprocess.run(command.replace("mpcheck ", f"'{mpcheck}' ", 1), shell=True,
                               cwd=self.tmp, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, command + "\n" + p.stdout + p.stderr)
        with open(os.path.join(self.src, "works.yaml")) as f:
            self.assertIn(f"video: 党课-微视频-{UNIT}.mp4", f.read())
        self.assertNotIn("video.resolution", p.stdout)
        self.assertNotIn("container.format", p.stdout)
        self.assertEqual(self.probe(os.path.join(self.tmp, "U盘", f"党课-微视频-{UNIT}.mp4"))["video"]["width"], 320)

    def test_a_missing_version_on_the_material_is_sent_to_works_yaml(self):
        # qa5 N4: on pack's material, a missing version exported "beside this one" is never
        # packed (pack takes the files works.yaml lists). check and fix say instead under which
        # works.yaml key it goes and the pack to run again; done so, pack packs both versions.
        with open(self.rules, "w") as f:
            f.write(RULES.replace("required: false", "required: true"))
        mov = f"党课-微视频-{UNIT}.mov"
        make(os.path.join(self.src, mov), fmt="mov")
        works = os.path.join(self.src, "works.yaml")
        with open(works, "w") as f:
            f.write(f"unit: {UNIT}\nworks:\n  - title: 党课\n    category: 微视频\n"
                    f"    files:\n      video: {mov}\n")
        keys = ("在 works.yaml 这个作品的 files 下，把 video: 换成 subtitled:（这个文件有字幕时）或 "
                "clean:（没有字幕时），再加一行 clean: 或 subtitled:，写另一个版本文件的路径")
        pack = f'mpcheck pack "{self.src}" --rules "{self.rules}" --unit "{UNIT}" --out "U盘"'
        [f] = [f for f in self.check(self.src)["findings"] if f["check"] == "subtitles.pair-missing"]
        self.assertTrue(f["hint"].startswith("从剪辑工程导出另一个版本，放进素材文件夹；pack 只打包 works.yaml "
                                             "里写到的文件"), f["hint"])
        self.assertIn(keys, f["hint"])
        self.assertIn(f"然后重新打包：{pack}", f["hint"])
        self.assertNotIn("文件名分别以", f["hint"])
        p = self.fix(self.src, "--in-place")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("subtitles.pair-missing：缺少另一个版本（有字幕/无字幕）：fix 只能修复已有的这个版本，"
                      "做不出缺少的那个。从剪辑工程导出另一个版本", p.stdout)
        self.assertIn(keys, p.stdout)
        self.assertNotIn("放在一起", p.stdout)
        p = self.fix(self.src, "--dry-run", "--lang", "en")
        self.assertIn("under this work's files in works.yaml, replace video: by subtitled: (if this file has "
                      "subtitles) or clean: (if not)", p.stdout)
        self.assertNotIn("put it beside this one", p.stdout)
        # Done as said: the fixed file has no subtitles, the export with them goes in as subtitled:.
        with open(works) as f:
            text = f.read()
        self.assertIn(f"video: 党课-微视频-{UNIT}.mp4", text)
        make(os.path.join(self.src, "党课 有字幕.mp4"), vf="drawbox=y=ih-40:w=iw:h=30:color=white:t=fill")
        with open(works, "w") as f:
            f.write(text.replace("      video: ", "      subtitled: 党课 有字幕.mp4\n      clean: "))
        mpcheck = os.environ.get("MPCHECK", "mpcheck")
        p = subprocess.run(pack.replace("mpcheck ", f"'{mpcheck}' ", 1), shell=True, cwd=self.tmp,
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(sorted(n for n in os.listdir(os.path.join(self.tmp, "U盘")) if n.endswith(".mp4")),
                         [f"党课-微视频-{UNIT}（无字幕）.mp4", f"党课-微视频-{UNIT}（有字幕）.mp4"])

    def test_in_place_drops_inits_todo_about_the_old_name_and_no_other_comment(self):
        # A camera's DSC_0012.MOV: init writes TODO "the file name 'DSC_0012.MOV' is not
        # 作品名-分类-报送单位"; the clerk fills the title and leaves the comment. Once fix has
        # renamed the file to exactly that form, the comment would be false: it goes, the
        # other comments stay.
        make(os.path.join(self.src, "DSC_0012.MOV"), fmt="mov")
        p = run("init", self.src, "--rules", self.rules, "--unit", UNIT)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        works = os.path.join(self.src, "works.yaml")
        with open(works) as f:
            text = f.read()
        todo = "   # TODO：作品名（文件名“DSC_0012.MOV”不是“作品名-分类-报送单位”）"
        self.assertIn(f'title: "TODO"{todo}\n', text)
        text = text.replace('title: "TODO"', 'title: "党旗下的誓言"').replace('category: "TODO"', 'category: "微视频"')
        with open(works, "w") as f:
            f.write(fill_todos(text, "张三"))
        p = self.fix(self.src, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with open(works) as f:
            after = f.read()
        self.assertIn(f'video: "党旗下的誓言-微视频-{UNIT}.mp4"\n', after)
        self.assertIn('  - title: "党旗下的誓言"\n', after)
        self.assertNotIn("DSC_0012", after)
        self.assertNotIn("不是“作品名-分类-报送单位”", after)
        for comment in ("# 由 `mpcheck init` 生成", "# 制作单位", "# 主创人员", "# 实测"):
            self.assertIn(comment, after)
        self.assertEqual(len(after.splitlines()), len(text.splitlines()))

    def test_an_original_kept_beside_the_material_is_not_packed_again(self):
        # fix --in-place of one file keeps its original in 原始文件/ beside it, inside the
        # material: pack (no works.yaml) must not take it as a second copy of the work.
        src = self.name("分辨率")
        make(src, size="480x270")
        p = self.fix(src, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.src, "原始文件", os.path.basename(src))))
        p = run("pack", self.src, "--rules", self.rules, "--out", self.out, "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(f"原始文件/分辨率-微视频-{UNIT}.mp4：mpcheck fix 保留的原文件（修复后的文件代替了它），不提交", p.stdout)

    # -- one case per fixable check id ------------------------------------------------------
    def test_resolution(self):
        src = self.name("分辨率")
        make(src, size="480x270")
        out = self.fixed(src, "video.resolution")
        v = self.probe(out)["video"]
        self.assertEqual((v["width"], v["height"], v["profile"], v["pix_fmt"]), (320, 180, "High", "yuv420p"))
        self.assertEqual(v["color_primaries"], "bt709")

    def test_anamorphic_is_made_square_not_stretched(self):
        src = self.name("变形")
        make(src, size="240x180", vf="setsar=4/3")
        out = self.fixed(src, "video.resolution")
        v = self.probe(out)["video"]
        self.assertEqual((v["width"], v["height"], v["sar"]), (320, 180, "1:1"))
        # The picture fills the canvas: no black bars at the sides (a stretch-free 4:3→16:9
        # conversion of a 16:9 display fills it exactly).
        crop = subprocess.run(["ffmpeg", "-v", "info", "-i", out, "-vf", "cropdetect=round=2", "-f", "null", "-"],
                              capture_output=True, text=True).stderr
        last = [l for l in crop.splitlines() if "crop=" in l][-1]
        self.assertIn("crop=320:", last)

    def test_frame_rate(self):
        src = self.name("帧率")
        make(src, rate="30000/1001")
        out = self.fixed(src, "video.frame-rate")
        self.assertEqual(self.probe(out)["video"]["frame_rate_fraction"], "25/1")

    def test_variable_frame_rate(self):
        src = self.name("可变帧率")
        make(src, seconds=3, vf="select='lt(t,1)+not(mod(n,2))'", extra=["-fps_mode", "vfr"])
        out = self.fixed(src, "video.variable-frame-rate")
        self.assertTrue(self.probe(out)["video"]["constant_frame_rate"])

    def test_interlaced(self):
        src = self.name("隔行")
        # Really interlaced: fields of a 50 fps picture woven into 25 frames, flagged tff.
        make(src, graph="testsrc2=size=320x180:rate=50,noise=alls=30:allf=t,tinterlace=mode=interleave_top",
             vf="setfield=tff", vopts=["-flags", "+ilme+ildct", "-b:v", "1M", "-minrate", "1M",
                                             "-maxrate", "1M", "-bufsize", "1M",
                                             "-x264-params", "nal-hrd=cbr:tff=1"])
        p = self.fix(src, "--dry-run")
        self.assertIn("bwdif", p.stdout)
        out = self.fixed(src, "video.scan")
        self.assertEqual(self.probe(out)["video"]["scan"], "progressive")

    def test_progressive_pictures_are_not_deinterlaced(self):
        src = self.name("逐行")
        make(src, size="480x270")
        p = self.fix(src, "--dry-run")
        self.assertNotIn("bwdif", p.stdout)

    def test_bitrate_low(self):
        src = self.name("码率低")
        make(src, vopts=["-b:v", "200k"])
        out = self.fixed(src, "video.bitrate")
        rate = self.probe(out)["video"]["bitrate_measured"]
        self.assertTrue(850_000 <= rate <= 1_600_000, rate)

    def test_bitrate_high(self):
        src = self.name("码率高")
        make(src, vopts=["-b:v", "4M", "-minrate", "4M", "-maxrate", "4M", "-bufsize", "4M",
                         "-x264-params", "nal-hrd=cbr"])
        out = self.fixed(src, "video.bitrate")
        rate = self.probe(out)["video"]["bitrate_measured"]
        self.assertTrue(850_000 <= rate <= 1_600_000, rate)

    def test_container_is_remuxed_not_reencoded(self):
        src = self.name("封装")
        make(src, fmt="mov")
        p = self.fix(src, "--dry-run")
        self.assertIn("转封装为 MP4", p.stdout)
        self.assertNotIn("重新编码画面", p.stdout)
        p = self.fix(src, "--out", os.path.join(self.tmp, "proof"))
        self.assertIn("逐字节相同", p.stdout)  # the proof: the packets read back are the source's
        out = self.fixed(src, "container.format")
        before, after = self.probe(src), self.probe(out)
        self.assertEqual(after["container"]["format"], "mp4")
        self.assertEqual(before["video"]["frame_count"], after["video"]["frame_count"])
        self.assertEqual(before["video"]["bitrate_measured"], after["video"]["bitrate_measured"])

    def test_remux_started_early_is_redone_when_the_deep_check_asks_for_more(self):
        # The first look (headers) sees only the container: a remux starts while the deep check
        # reads the source; it finds the sound too quiet, so the remux is dropped and the sound
        # re-encoded.
        src = self.name("先转封装")
        make(src, fmt="mov", gain_db=-32)
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("重新编码声音", p.stdout)
        self.assertNotIn("逐字节相同", p.stdout)
        out = os.path.join(self.out, os.path.basename(src))
        report = self.check(out)
        self.assertEqual(ids_of(report) & {"container.format", "audio.loudness"}, set())
        self.assertEqual(os.listdir(self.out), [os.path.basename(src)])

    def test_out_inside_the_drive_being_fixed_is_a_usage_error(self):
        # The fixed files would land in the drive (layout.misplaced): refused before any work.
        drive = os.path.join(self.tmp, "drive")
        os.makedirs(drive)
        src = os.path.join(drive, f"盘内-微视频-{UNIT}.mp4")
        make(src, fmt="mov")
        out = os.path.join(drive, "修复后")
        for extra in ((), ("--dry-run",)):
            p = self.fix(drive, "--out", out, *extra)
            self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
            self.assertIn("mpcheck：错误：--out", p.stderr)
            self.assertIn("在要修复的文件夹", p.stderr)
            self.assertEqual(p.stdout, "")
        self.assertEqual(os.listdir(drive), [os.path.basename(src)])

    def packed_drive(self):
        """A drive as pack leaves it: a video in 作品/ that fails container.format, and the
        manifest-sha256.txt of its files at the root."""
        drive = os.path.join(self.tmp, "usb")
        os.makedirs(os.path.join(drive, "作品"))
        src = os.path.join(drive, "作品", f"打包-微视频-{UNIT}.mp4")
        make(src, fmt="mov")
        digest = subprocess.run(["sha256sum", "作品/" + os.path.basename(src)], cwd=drive,
                                capture_output=True, text=True, check=True).stdout
        with open(os.path.join(drive, "manifest-sha256.txt"), "w") as f:
            f.write(digest)
        return drive, src

    def test_packed_drive_is_not_fixed_in_place(self):
        drive, src = self.packed_drive()
        before = {n: open(os.path.join(drive, "作品", n), "rb").read() for n in os.listdir(os.path.join(drive, "作品"))}
        for args in ((drive, "--in-place"), (src, "--in-place"), (drive, "--in-place", "--dry-run")):
            p = self.fix(*args)
            self.assertEqual(p.returncode, 2, (args, p.stdout + p.stderr))
            self.assertIn("mpcheck pack 打包好的U盘", p.stderr)
            self.assertIn("file.hash-mismatch", p.stderr)
            self.assertIn('mpcheck fix "素材文件夹" --rules', p.stderr)
            self.assertIn('mpcheck pack "素材文件夹" --rules', p.stderr)
            self.assertIn(f'--unit "{UNIT}"', p.stderr)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["rules.yaml", "src", "usb"])
        after = {n: open(os.path.join(drive, "作品", n), "rb").read() for n in os.listdir(os.path.join(drive, "作品"))}
        self.assertEqual(before, after)
        p = self.fix(drive, "--in-place", "--lang", "en")
        self.assertIn("a drive packed by mpcheck pack", p.stderr)
        # The drive still passes its manifest.
        self.assertNotIn("file.hash-mismatch", ids_of(self.check(drive)))

    def test_out_inside_a_packed_drive_is_a_usage_error(self):
        # The hint's `--out "修复后"` run from inside the drive, a loose file of it given.
        drive, src = self.packed_drive()
        p = subprocess.run([os.environ.get("MPCHECK", "mpcheck"), "fix", "--rules", self.rules, "--unit", UNIT,
                            os.path.join("作品", os.path.basename(src)), "--out", "修复后"],
                           cwd=drive, capture_output=True, text=True, env=dict(os.environ, LANG="C.UTF-8"))
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("file.not-in-manifest", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(drive, "修复后")))
        # Outside the drive it is fixed.
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_matroska_named_mp4_is_remuxed(self):
        src = self.name("封装MKV")
        make(src, fmt="matroska")
        out = self.fixed(src, "container.format")
        self.assertEqual(self.probe(out)["container"]["format"], "mp4")

    def test_passing_file_with_its_index_at_the_end_is_left_alone(self):
        # check reports nothing for an index at the end: fix touches only what fails a check.
        src = self.name("索引")
        make(src, faststart=False)
        self.assertFalse(self.probe(src)["container"]["faststart"])
        self.assertEqual(self.check(src)["summary"]["error"], 0)
        data = open(src, "rb").read()
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("没有需要修复的视频", p.stdout)
        self.assertNotIn("转封装", p.stdout)
        self.assertFalse(os.path.exists(self.out))
        self.assertEqual(open(src, "rb").read(), data)
        # A file fixed for another reason still gets its index first.
        mov = self.name("索引封装")
        make(mov, fmt="mov", faststart=False)
        out = self.fixed(mov, "container.format")
        self.assertTrue(self.probe(out)["container"]["faststart"])

    def test_loudness(self):
        src = self.name("响度")
        make(src, gain_db=-32)
        self.assertLess(self.probe(src)["deep"]["loudness_lufs"], -36)
        p = self.fix(src, "--dry-run")
        self.assertIn("画面不重新编码", p.stdout)  # the picture was right: copied
        out = self.fixed(src, "audio.loudness")
        lufs = self.probe(out)["deep"]["loudness_lufs"]
        self.assertTrue(-24.5 <= lufs <= -21.5, lufs)
        self.assertEqual(self.probe(src)["video"]["frame_count"], self.probe(out)["video"]["frame_count"])

    def test_loud_transients_are_limited_under_the_true_peak_limit(self):
        # A quiet tone (-37.5 LUFS) with two clicks reaching -1.9 dBTP: the +14.5 dB the
        # loudness needs would push them to +12.6 dBTP. Capping the gain at the 0.9 dB of
        # headroom would leave it too quiet, so a true-peak limiter holds them.
        src = self.name("峰值")
        a = "0.012*sin(2*PI*440*t)+if(between(n\\,24000\\,24002)+between(n\\,72000\\,72002)\\,0.95\\,0)"
        make(src, audio=f"aevalsrc='{a}':s=48000")
        deep = self.probe(src)["deep"]
        self.assertLess(deep["loudness_lufs"], -36)
        self.assertGreater(deep["true_peak_dbtp"] + (-23 - deep["loudness_lufs"]), 5)
        p = self.fix(src, "--dry-run")
        self.assertIn("真峰值限幅器（4 倍过采样）", p.stdout)
        self.assertIn("达不到目标响度而不失真", p.stdout)
        out = self.fixed(src, "audio.loudness")
        deep_out = self.probe(out)["deep"]
        self.assertLessEqual(deep_out["true_peak_dbtp"], -1.0)
        # The clicks carried part of the loudness: the gain was raised again with the limiter
        # measured in the graph, so the target is reached all the same.
        self.assertTrue(-24.0 <= deep_out["loudness_lufs"] <= -22.0, deep_out["loudness_lufs"])
        p = self.fix(src, "--out", os.path.join(self.tmp, "again"))
        self.assertIn("重新测量：响度", p.stdout)

    def test_hdr_tag(self):
        src = self.name("HDR")
        make(src, extra=["-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc"])
        out = self.fixed(src, "video.hdr")
        v = self.probe(out)["video"]
        self.assertEqual((v["color_primaries"], v["color_transfer"], v["color_matrix"]), ("bt709",) * 3)

    def test_rotation_is_turned_upright(self):
        stage = os.path.join(self.tmp, "stage.mp4")
        make(stage, size="180x320")
        src = self.name("旋转")
        ff("-i", stage, "-map", "0", "-c", "copy", "-metadata:s:v:0", "rotate=270", "-movflags", "+faststart", src)
        v = self.probe(src)["video"]
        self.assertEqual((v["display_width"], v["display_height"]), (320, 180))
        out = self.fixed(src, "video.resolution")
        v = self.probe(out)["video"]
        self.assertEqual((v["width"], v["height"], v["rotation"]), (320, 180, 0))

    # -- a pair --------------------------------------------------------------------------------
    def test_pair_fixed_together_stays_one_programme(self):
        sub, clean = self.name("双版本", "（有字幕）"), self.name("双版本", "（无字幕）")
        make(sub, size="480x270", vf="drawbox=y=ih-40:w=iw:h=30:color=white:t=fill")
        make(clean, size="480x270")
        p = self.fix(sub, clean, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        outs = [os.path.join(self.out, os.path.basename(x)) for x in (sub, clean)]
        report = self.check(*outs)
        self.assertNotIn("subtitles.pair-mismatch", ids_of(report))
        self.assertNotIn("video.resolution", ids_of(report))
        self.assertEqual(report["summary"]["error"], 0, report["findings"])

    def test_pair_remuxed_keeps_its_comparison(self):
        # Both versions only in the wrong container: remuxed, proven, and the pair's comparison
        # (made on the sources, before) holds for the outputs: no pair finding, nothing decoded.
        sub, clean = self.name("双封装", "（有字幕）"), self.name("双封装", "（无字幕）")
        make(sub, fmt="mov", vf="drawbox=y=ih-40:w=iw:h=30:color=white:t=fill")
        make(clean, fmt="mov")
        p = self.fix(sub, clean, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout.count("逐字节相同"), 2, p.stdout)
        outs = [os.path.join(self.out, os.path.basename(x)) for x in (sub, clean)]
        report = self.check(*outs)
        self.assertEqual(report["summary"]["error"], 0, report["findings"])
        self.assertFalse(ids_of(report) & {"subtitles.pair-mismatch", "container.format"})

    def test_pair_twin_that_passes_is_reencoded_with_it(self):
        sub, clean = self.name("一好一坏", "（有字幕）"), self.name("一好一坏", "（无字幕）")
        make(sub, vf="drawbox=y=ih-40:w=iw:h=30:color=white:t=fill", rate="30000/1001")
        make(clean, rate="30000/1001", vopts=["-b:v", "1M", "-minrate", "1M", "-maxrate", "1M", "-bufsize", "1M",
                                              "-x264-params", "nal-hrd=cbr"])
        p = self.fix(sub, clean, "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(len(os.listdir(self.out)), 2)

    # -- the hints' commands ----------------------------------------------------------------
    def run_hint_commands(self, src, check_id):
        """Runs the `mpcheck fix` and the ffmpeg command of `check_id`'s hint where the user
        would (a folder of their own); each output, named compliantly in 修复后/, passes."""
        hint = [f["hint"] for f in self.check(src)["findings"] if f["check"] == check_id][0]
        fix_at, ff_at = hint.index("mpcheck fix "), hint.index("mkdir -p ")
        self.assertLess(fix_at, ff_at)
        fix = hint[fix_at:hint.index("（", fix_at)]
        ff = hint[ff_at:]
        if "（若编码不兼容" in ff:  # the remux, then the re-encode for codecs MP4 does not carry
            ff = ff[:ff.index("（若编码不兼容")]
        name = os.path.basename(src)
        for i, command in enumerate((fix, ff)):
            cwd = os.path.join(self.tmp, f"cwd{i}")
            os.makedirs(cwd)
            mpcheck = os.environ.get("MPCHECK", "mpcheck")
            p = subprocess.run(command.replace("mpcheck fix ", f"'{mpcheck}' fix ", 1) if i == 0
                               else command + " -v error -y -nostdin",
                               shell=True, cwd=cwd, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, command + "\n" + p.stdout + p.stderr)
            out = os.path.join(cwd, "修复后", name)
            self.assertTrue(os.path.exists(out), (command, os.listdir(cwd)))
            report = self.check(out)
            self.assertNotIn(check_id, ids_of(report), command)
            self.assertEqual(report["summary"]["error"], 0, (command, report["findings"]))

    def test_hint_commands_fix_resolution_and_bitrate(self):
        src = self.name("提示码率")
        make(src, size="480x270", vopts=["-b:v", "200k"])
        # Honest: re-exporting from the original comes first; the conversion offered meets the
        # rule but cannot bring back what compression took (it does raise the bit rate).
        hint = [f["hint"] for f in self.check(src)["findings"] if f["check"] == "video.bitrate"][0]
        self.assertNotIn("不要把压缩过的文件再放大码率", hint)
        self.assertIn("最好从原始素材或剪辑工程按要求的码率重新导出", hint)
        self.assertIn("补不回已经损失的画质", hint)
        self.run_hint_commands(src, "video.bitrate")

    def test_hint_commands_fix_the_container(self):
        src = self.name("提示封装")
        make(src, fmt="mov")
        self.run_hint_commands(src, "container.format")

    def test_hint_commands_fix_the_loudness(self):
        src = self.name("提示响度")
        make(src, gain_db=-32)
        self.run_hint_commands(src, "audio.loudness")

    def test_hint_commands_fix_interlaced_anamorphic(self):
        src = self.name("提示变形")
        make(src, size="240x180", vf="setsar=4/3")
        self.run_hint_commands(src, "video.resolution")

    # -- progress ------------------------------------------------------------------------------
    def test_progress_on_a_terminal_quiet_in_a_pipe(self):
        from test_progress import run_on_terminal
        src = self.name("进度")
        make(src, size="480x270")
        code, out, seen = run_on_terminal("fix", "--rules", self.rules, "--unit", UNIT, src, "--out", self.out)
        self.assertEqual(code, 0, seen)
        self.assertIn("\r已修复 0/1 个文件", seen)
        self.assertIn("复查通过", out)
        shutil.rmtree(self.out)
        p = self.fix(src, "--out", self.out)
        self.assertEqual((p.returncode, p.stderr), (0, ""))

    # -- what writes nothing -------------------------------------------------------------------
    def test_dry_run_writes_nothing(self):
        src = self.name("预演")
        make(src, size="480x270")
        before = sorted(os.listdir(self.src))
        p = self.fix(src, "--dry-run", "--out", self.out)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("计划", p.stdout)
        self.assertFalse(os.path.exists(self.out))
        self.assertEqual(sorted(os.listdir(self.src)), before)
        p = self.fix(src, "--dry-run", "--lang", "en")
        self.assertIn("plan:", p.stdout)
        self.assertIn("re-encode the picture: 320x180", p.stdout)

    def test_kill_minus_9_leaves_no_final_file(self):
        with open(self.rules, "w") as f:
            f.write(RULES.replace("      max_duration: 3s\n", ""))
        src = self.name("中断")
        make(src, size="640x360", seconds=30, vopts=["-b:v", "300k"])
        env = dict(os.environ, LANG="C.UTF-8")
        proc = subprocess.Popen([os.environ.get("MPCHECK", "mpcheck"), "fix", "--rules", self.rules, "--unit", UNIT,
                                 src, "--out", self.out, "-j", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if os.path.isdir(self.out) and any(n.startswith(".mpcheck-tmp-") for n in os.listdir(self.out)):
                time.sleep(0.5)
                break
            time.sleep(0.05)
        self.assertIsNone(proc.poll(), "fix ended before it could be interrupted")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.assertFalse(os.path.exists(os.path.join(self.out, os.path.basename(src))))
        self.assertTrue(os.path.exists(src))

    def test_j_runs_sound_only_conversions_in_parallel(self):
        # Two long quiet recordings whose picture is right: the sound of both re-encoded at
        # once with -j 2 (both temporary files seen growing together), one at a time with -j 1.
        with open(self.rules, "w") as f:
            f.write(RULES.replace("      max_duration: 3s\n", ""))
        srcs = [self.name(f"并行{i}") for i in (1, 2)]
        for src in srcs:
            make(src, seconds=30, gain_db=-32)

        def overlap(jobs, out):
            """Seconds during which both temporary files were being written."""
            proc = subprocess.Popen([os.environ.get("MPCHECK", "mpcheck"), "fix", "--rules", self.rules,
                                     "--unit", UNIT, *srcs, "--out", out, "-j", jobs],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            last, active = {}, {}  # name → size; name → [first, last] time it grew
            while proc.poll() is None:
                now = time.time()
                for n in (os.listdir(out) if os.path.isdir(out) else []):
                    try:
                        size = os.path.getsize(os.path.join(out, n))
                    except OSError:
                        continue
                    if n.startswith(".mpcheck-tmp-") and size != last.get(n):
                        active.setdefault(n, [now, now])[1] = now
                        last[n] = size
                time.sleep(0.003)
            stdout, stderr = proc.communicate()
            self.assertEqual(proc.returncode, 0, stdout + stderr)
            self.assertEqual(stdout.count("已修复：复查通过"), 2, stdout)
            self.assertEqual(len(active), 2, active)
            (a0, a1), (b0, b1) = active.values()
            return min(a1, b1) - max(a0, b0)

        self.assertGreater(overlap("2", self.out), 0.2)
        self.assertLess(overlap("1", os.path.join(self.tmp, "one")), 0.05)

    def test_needs_out_or_in_place(self):
        src = self.name("用法")
        make(src, size="480x270")
        p = self.fix(src)
        self.assertEqual(p.returncode, 2)
        self.assertIn("mpcheck：错误：", p.stderr)
        p = self.fix(src, "--out", self.out, "--in-place")
        self.assertEqual(p.returncode, 2)

    # -- in place ------------------------------------------------------------------------------
    def test_in_place_keeps_the_original_and_takes_the_compliant_name(self):
        src = os.path.join(self.src, "原地-微视频-别的单位.mov")
        make(src, size="480x270", fmt="mov")
        data = open(src, "rb").read()
        p = self.fix(src, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        fixed = os.path.join(self.src, f"原地-微视频-{UNIT}.mp4")
        kept = os.path.join(self.src, "原始文件", "原地-微视频-别的单位.mov")
        self.assertTrue(os.path.exists(fixed), os.listdir(self.src))
        self.assertEqual(open(kept, "rb").read(), data)
        self.assertFalse(os.path.exists(src))
        self.assertEqual(self.check(fixed)["summary"]["error"], 0)

    def test_in_place_on_a_drive_updates_works_yaml(self):
        drive = os.path.join(self.tmp, "drive")
        os.makedirs(os.path.join(drive, "作品"))
        src = os.path.join(drive, "作品", f"盘上-微视频-{UNIT}.mov")
        make(src, size="480x270", fmt="mov")
        works = os.path.join(drive, "works.yaml")
        with open(works, "w") as f:
            f.write(f"unit: {UNIT}\nworks:\n  - title: 盘上\n    category: 微视频\n"
                    f"    files:\n      video: 作品/盘上-微视频-{UNIT}.mov\n")
        p = self.fix(drive, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        fixed = os.path.join(drive, "作品", f"盘上-微视频-{UNIT}.mp4")
        self.assertFalse(os.path.exists(src))
        kept = os.path.join(self.tmp, "原始文件", "drive", "作品", f"盘上-微视频-{UNIT}.mov")
        self.assertTrue(os.path.exists(kept))
        self.assertEqual(self.probe(fixed)["video"]["width"], 320)
        with open(works) as f:
            self.assertIn(f"video: 作品/盘上-微视频-{UNIT}.mp4\n", f.read())

    def test_in_place_on_a_drive_of_its_own_file_system_keeps_the_original(self):
        # A USB drive: its own file system, 原始文件/ beside its mount point on another one,
        # where a rename fails (EXDEV). The original is copied durably, then removed.
        drive = os.path.join(self.tmp, "usb")
        os.makedirs(drive)
        if why := mount_tmpfs(drive, "size=64m"):
            self.skipTest(why)
        self.addCleanup(subprocess.run, ["umount", "-l", drive], capture_output=True)
        self.assertNotEqual(os.stat(drive).st_dev, os.stat(self.tmp).st_dev)
        src = os.path.join(drive, f"跨盘-微视频-{UNIT}.mov")
        make(src, size="480x270", fmt="mov")
        data = open(src, "rb").read()
        p = self.fix(drive, "--in-place")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        kept = os.path.join(self.tmp, "原始文件", "usb", f"跨盘-微视频-{UNIT}.mov")
        self.assertEqual(open(kept, "rb").read(), data)
        self.assertFalse(os.path.exists(src))
        fixed = os.path.join(drive, f"跨盘-微视频-{UNIT}.mp4")
        self.assertEqual(self.probe(fixed)["video"]["width"], 320)
        self.assertEqual(sorted(os.listdir(drive)), [os.path.basename(fixed)])
        self.assertEqual(os.listdir(os.path.dirname(kept)), [os.path.basename(kept)])

    def test_a_warning_does_not_stop_the_fix(self):
        # No sound is only a warning here: the frame rate is fixed, the warning said, exit 0.
        src = self.name("无声")
        ff("-f", "lavfi", "-i", "testsrc=size=320x180:rate=30", "-t", "2", "-c:v", "libx264",
           "-preset", "superfast", "-pix_fmt", "yuv420p", "-b:v", "1M", "-minrate", "1M", "-maxrate", "1M",
           "-bufsize", "1M", "-x264-params", "nal-hrd=cbr", "-movflags", "+faststart", src)
        report = self.check(src)
        self.assertIn("audio.missing", {f["check"] for f in report["findings"] if f["severity"] == "warning"})
        p = self.fix(src, "--dry-run")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("提醒（转换改不了", p.stdout)
        self.assertNotIn("无法自动修复", p.stdout)
        out = self.fixed(src, "video.frame-rate")
        p = self.fix(src, "--out", os.path.join(self.tmp, "again"))
        self.assertIn("仍有提醒（不影响通过）", p.stdout)
        self.assertIn("audio.missing", p.stdout)
        self.assertEqual(self.probe(out)["video"]["frame_rate_fraction"], "25/1")
        # A file whose only finding is that warning is not "unfixable": nothing to do, 0.
        quiet = self.name("只无声")
        ff("-f", "lavfi", "-i", "testsrc=size=320x180:rate=25", "-t", "2", "-c:v", "libx264",
           "-preset", "superfast", "-pix_fmt", "yuv420p", "-b:v", "1M", "-minrate", "1M", "-maxrate", "1M",
           "-bufsize", "1M", "-x264-params", "nal-hrd=cbr", "-movflags", "+faststart", quiet)
        self.assertEqual(self.check(quiet)["summary"]["error"], 0)
        p = self.fix(quiet, "--out", os.path.join(self.tmp, "quiet"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("没有需要修复的视频", p.stdout)

    # -- what cannot be fixed ------------------------------------------------------------------
    def test_pair_that_is_not_one_programme_is_refused_and_said(self):
        sub, clean = self.name("丙", "（有字幕）"), self.name("丙", "（无字幕）")
        make(sub, fmt="mov", vf="drawbox=y=ih-40:w=iw:h=30:color=white:t=fill")
        make(clean, fmt="mov", graph="mandelbrot=size=320x180:rate=25")
        self.assertIn("subtitles.pair-mismatch", ids_of(self.check(sub, clean)))
        p = self.fix(sub, clean, "--dry-run")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("subtitles.pair-mismatch", p.stdout)
        self.assertIn("不是同一个节目", p.stdout)
        self.assertEqual(p.stdout.count("无法自动修复"), 2, p.stdout)  # both versions refused
        self.assertNotIn("计划", p.stdout)
        p = self.fix(sub, clean, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))

    def test_output_failing_the_recheck_is_withdrawn_and_the_finding_named(self):
        # An error no conversion mends and fix does not know (black at the start, raised to an
        # error by the rule set): the picture is re-encoded, the re-check still finds
        # video.black. Nothing stays under the final name, and the result names the finding.
        with open(self.rules, "w") as f:
            f.write(RULES + "severity:\n  video.black: error\n")
        src = self.name("复查失败")
        make(src, size="480x270", seconds=2.9,
             vf="drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='lt(t,2.4)'")
        self.assertIn("video.black", ids_of(self.check(src)))
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("未修复：复查仍不通过：", p.stdout)
        self.assertIn("    video.black：", p.stdout)
        self.assertIn("没有通过的输出已删除", p.stdout)
        self.assertEqual(os.listdir(self.out) if os.path.exists(self.out) else [], [])
        # In place, the original is put back where it was.
        with open(src, "rb") as f:
            data = f.read()
        p = self.fix(src, "--in-place")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("原文件已放回原处", p.stdout)
        self.assertEqual(sorted(os.listdir(self.src)), [os.path.basename(src)])
        with open(src, "rb") as f:
            self.assertEqual(f.read(), data)

    def test_truncated_is_not_fixed_and_says_why(self):
        whole = os.path.join(self.tmp, "whole.mp4")
        make(whole, size="480x270")
        src = self.name("截断")
        data = open(whole, "rb").read()
        with open(src, "wb") as f:
            f.write(data[: len(data) * 6 // 10])
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("无法自动修复", p.stdout)
        self.assertIn("原始文件", p.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.out, os.path.basename(src))))

    def test_an_empty_file_or_one_that_is_no_video_is_said_so_not_passed(self):
        # Named as videos, an empty file and random bytes: check fails both; fix must not
        # answer "no video needs fixing" (exit 0), nor call random bytes a damaged video.
        empty, noise = self.name("空文件"), self.name("乱码")
        open(empty, "wb").close()
        with open(noise, "wb") as f:
            f.write(random.Random(745).randbytes(50000))
        p = self.fix(empty, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("file.empty：文件是空的（0 字节）：没有可以转换的内容，请从原始文件重新拷贝", p.stdout)
        p = self.fix(noise, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("不是视频或音频文件（可能是改了扩展名的其他文件）：没有可以转换的画面和声音", p.stdout)
        self.assertNotIn("损坏", p.stdout)
        p = self.fix(noise, "--out", self.out, "--lang", "en")
        self.assertIn("not a video or audio file", p.stdout)
        # A photo named as the work's video: check says video.missing; fix refuses it, said
        # as what it is, never "no video needs fixing".
        photo = self.name("照片")[:-len(".mp4")] + ".jpg"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=white:s=640x480",
                        "-frames:v", "1", photo], check=True)
        p = self.fix(photo, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("不是视频（一张图片，或只有声音）：转换做不出视频", p.stdout)
        self.assertNotIn("没有需要修复的视频", p.stdout)
        os.remove(photo)
        # A PATH that is not there: said as check says it, not as a code ("not-found").
        p = self.fix(os.path.join(self.src, "没有这个.mp4"), "--out", self.out)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("路径不存在：", p.stderr)
        self.assertNotIn("not-found", p.stderr)
        self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))

    def test_missing_version_of_a_pair_is_said_and_the_present_one_fixed(self):
        with open(self.rules, "w") as f:
            f.write(RULES.replace("required: false", "required: true"))
        drive = os.path.join(self.tmp, "drive")
        os.makedirs(os.path.join(drive, "作品"))
        name = f"独版-微视频-{UNIT}（有字幕）.mp4"
        make(os.path.join(drive, "作品", name), size="480x270")
        p = self.fix(drive, "--out", self.out)
        # Not everything passes (a version is missing): 1, but the present version is fixed.
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("subtitles.pair-missing", p.stdout)
        self.assertIn("缺少另一个版本", p.stdout)
        self.assertIn("做不出缺少的那个", p.stdout)
        # Said consistently: this file is fixed, the work still does not pass, hence exit 1.
        self.assertNotIn("这个文件仍照常修复", p.stdout)
        self.assertIn("这个文件会照常修复；但下面这些 fix 做不到", p.stdout)
        self.assertIn("这个文件已修复：复查通过；作品还不合格", p.stdout)
        self.assertIn("仍需自己处理（fix 做不到；处理好之前作品不合格，所以退出码为 1）", p.stdout)
        self.assertNotIn("  已修复：复查通过\n", p.stdout)
        out = os.path.join(self.out, "作品", name)
        self.assertEqual(self.probe(out)["video"]["width"], 320)
        self.assertEqual(ids_of(self.check(out)) & {"video.resolution", "video.bitrate"}, set())
        # A lone version that needs nothing itself: said, nothing written, still 1.
        shutil.rmtree(self.out)
        lone = os.path.join(self.tmp, "lone")
        os.makedirs(lone)
        make(os.path.join(lone, name))
        p = self.fix(lone, "--out", self.out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("这个文件本身不需要转换", p.stdout)
        self.assertFalse(os.path.exists(self.out))

    def test_a_video_whose_category_cannot_be_read_is_not_called_fine(self):
        # The README's own line: `fix 作品/成片.mp4 --rules changzhou-2024 --out 修复后`. The
        # name gives no category and Changzhou's categories ask different things (微视频:
        # 1920x1080, 25 fps, 8 Mbps; 纪录片: none of it), so check held the video to no picture
        # rule. fix must say why it did nothing and exit 1, not "no video needs fixing", 0.
        os.makedirs(os.path.join(self.src, "作品"))
        make(os.path.join(self.src, "作品", "成片.mp4"), size="1280x720", rate="30")
        make(os.path.join(self.src, "作品", "成片2.mp4"), size="360x640", rate="30")
        for args in ((os.path.join("作品", "成片.mp4"),),
                     (os.path.join("作品", "成片2.mp4"), "--unit", "钟楼区委组织部")):
            env = dict(os.environ, LANG="C.UTF-8")
            env.pop("LC_ALL", None)
            p = subprocess.run([os.environ.get("MPCHECK", "mpcheck"), "fix", *args,
                                "--rules", "changzhou-2024", "--out", "修复后"],
                               cwd=self.src, capture_output=True, text=True, env=env)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertNotIn("没有需要修复的视频", p.stdout)
            self.assertIn("name.pattern", p.stdout)
            self.assertIn("名字里读不出分类", p.stdout)
            self.assertIn("没有修复不等于合格", p.stdout)
            self.assertIn("典型事迹片、纪录片、培训片、文艺片、微视频", p.stdout)
            self.assertIn("works.yaml", p.stdout)
            self.assertFalse(os.path.exists(os.path.join(self.src, "修复后")))
        p = run("fix", os.path.join(self.src, "作品", "成片.mp4"), "--rules", "changzhou-2024",
                "--dry-run", "--lang", "en")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("the category cannot be read from the name", p.stdout)
        # Named with its category, the same file is fixed as a 微视频 (the plan only).
        named = os.path.join(self.src, "作品", "成片-微视频-钟楼区委组织部.mp4")
        shutil.copy(os.path.join(self.src, "作品", "成片.mp4"), named)
        p = run("fix", named, "--rules", "changzhou-2024", "--dry-run")
        self.assertIn("video.resolution", p.stdout)
        self.assertNotIn("名字里读不出分类", p.stdout)
        # A rule set without categories (liaoning-2023) holds every video to its one set of
        # rules: there the name's category does not matter and the file is planned.
        p = run("fix", os.path.join(self.src, "作品", "成片.mp4"), "--rules", "liaoning-2023",
                "--dry-run")
        self.assertIn("video.resolution", p.stdout)
        self.assertNotIn("名字里读不出分类", p.stdout)

    def test_too_long_needs_trim(self):
        src = self.name("太长")
        make(src, seconds=4)
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 1)
        self.assertIn("--trim", p.stdout)
        out = self.fixed(src, "duration.max", "--trim")
        self.assertLessEqual(self.probe(out)["duration_s"], 3.0)

    def test_portrait_needs_pillarbox(self):
        src = self.name("竖屏")
        make(src, size="180x320")
        report = self.check(src)
        self.assertNotIn("video.orientation", ids_of(report))
        p = self.fix(src, "--out", self.out)
        self.assertEqual(p.returncode, 1)
        self.assertIn("--pillarbox", p.stdout)
        # The refusal names a finding check reported, not an id it never showed.
        named = re.search(r"\n    (\S+)：竖屏画面", p.stdout)
        self.assertIsNotNone(named, p.stdout)
        self.assertIn(named.group(1), ids_of(report))
        self.assertNotIn("video.orientation", p.stdout)
        self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))
        # The hint's command says --pillarbox, and it works as given.
        hint = [f["hint"] for f in report["findings"] if f["check"] == "video.resolution"][0]
        self.assertIn("--pillarbox --out", hint)
        self.run_hint_commands(src, "video.resolution")
        out = self.fixed(src, "video.resolution", "--pillarbox")
        self.assertEqual(self.probe(out)["video"]["width"], 320)

    def test_in_place_where_originals_cannot_go_is_refused_before_any_work(self):
        # A USB drive mounted in a folder the user cannot write (/media/$USER): 原始文件/
        # cannot be made beside it. Said at once, nothing converted.
        media = os.path.join(self.tmp, "media")
        os.makedirs(media)
        if why := mount_tmpfs(media, "size=8m"):
            self.skipTest(why)
        self.addCleanup(subprocess.run, ["umount", "-l", media], capture_output=True)
        usb = os.path.join(media, "usb")
        os.makedirs(usb)
        subprocess.run(["mount", "-o", "remount,ro", media], check=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", usb], check=True)
        self.addCleanup(subprocess.run, ["umount", "-l", usb], capture_output=True)
        src = os.path.join(usb, f"只读-微视频-{UNIT}.mp4")
        make(src, fmt="mov")
        p = self.fix(usb, "--in-place")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("无法建立", p.stderr)
        self.assertIn(os.path.join(media, "原始文件"), p.stderr)
        self.assertIn("--out", p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(os.listdir(usb), [os.path.basename(src)])

    def test_a_full_or_read_only_disk_is_said_in_plain_words(self):
        disk = os.path.join(self.tmp, "disk")
        os.makedirs(disk)
        if why := mount_tmpfs(disk, "size=64k"):
            self.skipTest(why)
        self.addCleanup(subprocess.run, ["umount", "-l", disk], capture_output=True)
        src = self.name("满")
        make(src, size="480x270")
        p = self.fix(src, "--out", disk)
        self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
        self.assertIn(f"转换失败：{disk} 所在的磁盘满了：请腾出空间", p.stdout)
        self.assertNotIn("No space", p.stdout)
        p = self.fix(src, "--out", disk, "--lang", "en")
        self.assertIn(f"conversion failed: the disk of {disk} is full", p.stdout)
        self.assertEqual(os.listdir(disk), [])
        subprocess.run(["mount", "-o", "remount,ro", disk], check=True)
        p = self.fix(src, "--out", disk)
        self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
        self.assertIn("在只读的磁盘上", p.stdout)
        self.assertNotIn("Read-only", p.stdout)

    def test_output_that_would_replace_its_source_is_a_usage_error(self):
        src = self.name("覆盖")
        make(src, size="480x270")
        data = open(src, "rb").read()
        for extra in ((), ("--dry-run",)):
            p = self.fix(src, "--out", self.src, *extra)
            self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
            self.assertIn("输出会覆盖原文件", p.stderr)
            self.assertEqual(p.stdout, "")
        self.assertEqual(open(src, "rb").read(), data)
        self.assertEqual(os.listdir(self.src), [os.path.basename(src)])

    def test_an_original_already_kept_is_never_replaced_and_says_what_to_do(self):
        src = self.name("已保存")
        make(src, size="480x270")
        kept = os.path.join(self.src, "原始文件", os.path.basename(src))
        os.makedirs(os.path.dirname(kept))
        with open(kept, "wb") as f:
            f.write(b"earlier")
        p = self.fix(src, "--in-place")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("原文件已经保存过一份", p.stderr)
        self.assertIn("移走", p.stderr)
        self.assertEqual(open(kept, "rb").read(), b"earlier")

    def test_without_a_naming_pattern_the_stem_is_kept(self):
        # A rule set without a naming pattern (liaoning-2023, jiaozuo-2019) renames nothing:
        # not 第一讲--.mp4 (nor 第一讲--某学院党委.mp4 with --unit).
        with open(self.rules, "w") as f:
            f.write("schema: mpcheck-rules/1\nid: fix-plain\ntitle: {zh: 无命名, en: no naming}\n"
                    "works:\n  media:\n    - resolution: 320x180\n      frame_rate: 25\n")
        src = os.path.join(self.src, "第一讲.mp4")
        make(src, size="480x270")
        hint = [f["hint"] for f in self.check(src)["findings"] if f["check"] == "video.resolution"][0]
        self.assertIn('修复后/第一讲.mp4"', hint)
        for extra in ((), ("--unit", "某学院党委")):
            out = os.path.join(self.tmp, "o" + str(len(extra)))
            p = run("fix", "--rules", self.rules, src, "--out", out, *extra)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(os.listdir(out), ["第一讲.mp4"])

if __name__ == "__main__":
    unittest.main()
