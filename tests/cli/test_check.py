"""mpcheck check end to end: for every check id, a tree that triggers it and one that does
not, asserting the JSON findings and the exit code."""
import json
import os
import random
import shutil
import subprocess
import tempfile
import unittest

from check_tree import CLEAN, SUB, UNIT, changzhou, docx, ffmpeg, place
from mpcheck_test import CORPUS, fixture, run, run_json

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01")
LN = ("--rules", "liaoning-2023", "--as-of", "2023-06-10")
CLEAN_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"
QR_PATH = f"作品/微光-新媒体作品-{UNIT}（二维码）.jpg"
QR_TEXT = "https://mp.weixin.qq.com/s/mpcheck-微光"  # tests/fixtures/make-fixtures.sh


def check(tree, *args):
    p, report = run_json("check", "--format", "json", *args, tree)
    assert p.returncode in (0, 1), f"exit {p.returncode}: {p.stderr}"
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert p.returncode == (1 if errors else 0), (p.returncode, errors)
    return p.returncode, report


def hits(report, check_id):
    return sorted(f["path"] for f in report["findings"] if f["check"] == check_id)


def problems(report):
    return [(f["check"], f["path"]) for f in report["findings"] if f["severity"] in ("error", "warning")]


class CheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-")
        self.root = os.path.join(self.tmp, "drive")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def good(self, **kw):
        return changzhou(self.root, **kw)

    def replace_clean(self, name):
        os.remove(f"{self.root}/{CLEAN_PATH}")
        place(fixture(name), f"{self.root}/{CLEAN_PATH}")

    def assert_only(self, report, check_id, paths):
        self.assertEqual(hits(report, check_id), sorted(paths), json.dumps(problems(report), ensure_ascii=False))

    # -- the good tree -------------------------------------------------------------------
    def test_complete_changzhou_submission_is_clean(self):
        code, report = check(self.good(), *CZ)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)
        self.assertEqual(report["schema"], "mpcheck-report/1")
        self.assertEqual(report["summary"]["works"], 2)
        self.assertEqual(report["summary"]["error"], 0)
        self.assertEqual(report["rules"]["id"], "changzhou-2024")
        self.assertGreater(report["summary"]["manual"], 0)
        for f in report["findings"]:
            self.assertTrue(f["check"].startswith("manual."), f)
            self.assertTrue(f["source"], f)
        kinds = {f["path"]: f["kind"] for f in report["files"]}
        self.assertEqual(kinds[CLEAN_PATH], "video")
        self.assertEqual(kinds[f"表格/报名表-{UNIT}.docx"], "document")

    # -- layout.* -------------------------------------------------------------------------
    def test_layout_folder_missing(self):
        shutil.rmtree(f"{self.good()}/文本")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "layout.folder-missing", ["文本"])
        self.assertEqual(code, 1)

    def test_layout_misplaced_and_unexpected_and_junk(self):
        self.good()
        os.rename(f"{self.root}/表格/汇总表-{UNIT}.docx", f"{self.root}/作品/汇总表-{UNIT}.docx")
        with open(f"{self.root}/作品/说明.xyz", "w") as f:
            f.write("?")
        for junk in ("作品/Thumbs.db", ".DS_Store", f"作品/._奋斗者之歌-微视频-{UNIT}{SUB}.mp4", "__MACOSX/a/b.mp4"):
            os.makedirs(os.path.dirname(f"{self.root}/{junk}"), exist_ok=True)
            with open(f"{self.root}/{junk}", "w") as f:
                f.write("x")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "layout.misplaced", [f"作品/汇总表-{UNIT}.docx"])
        self.assert_only(report, "layout.unexpected", ["作品/说明.xyz"])
        self.assert_only(report, "layout.junk", [".DS_Store", "__MACOSX", "作品/Thumbs.db",
                                                 f"作品/._奋斗者之歌-微视频-{UNIT}{SUB}.mp4"])
        for f in report["findings"]:
            if f["check"] in ("layout.junk", "layout.unexpected"):
                self.assertEqual(f["severity"], "warning")

    def test_works_yaml_of_packs_material_is_not_a_file_to_delete(self):
        # A folder holding works.yaml is pack's material (check says so on stderr): works.yaml
        # is the clerk's filled-in manifest, which pack reads and leaves off the drive, not a
        # stray file. Any other .yaml there still is one.
        self.good()
        with open(f"{self.root}/works.yaml", "w") as f:
            f.write(f"unit: {UNIT}\nworks: []\n")
        with open(f"{self.root}/作品/旧清单.yaml", "w") as f:
            f.write("x: 1\n")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "layout.unexpected", ["作品/旧清单.yaml"])
        p = run("check", self.root, *CZ)
        self.assertIn("里有 works.yaml，是打包前的材料", p.stderr)
        self.assertNotIn("works.yaml", p.stdout)

    def test_unit_folder_on_a_drive(self):
        changzhou(os.path.join(self.root, UNIT))
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)

    # -- file.* ---------------------------------------------------------------------------
    def test_file_empty_unreadable_fat32(self):
        self.good()
        open(f"{self.root}/作品/空-微视频-{UNIT}{SUB}.mp4", "w").close()
        os.symlink("loop-b.mp4", f"{self.root}/作品/loop-a.mp4")
        os.symlink("loop-a.mp4", f"{self.root}/作品/loop-b.mp4")
        with open(f"{self.root}/作品/大-微视频-{UNIT}{CLEAN}.mp4", "wb") as f:
            f.truncate(4 << 30)  # sparse: takes no disk
        code, report = check(self.root, *CZ)
        self.assert_only(report, "file.empty", [f"作品/空-微视频-{UNIT}{SUB}.mp4"])
        self.assert_only(report, "file.unreadable", ["作品/loop-a.mp4", "作品/loop-b.mp4"])
        self.assert_only(report, "file.fat32-limit", [f"作品/大-微视频-{UNIT}{CLEAN}.mp4"])
        code, report = check(self.root, *CZ, "--fat32")
        self.assertEqual([f["severity"] for f in report["findings"] if f["check"] == "file.fat32-limit"], ["error"])

    # -- name.* ---------------------------------------------------------------------------
    def test_name_pattern_category_unit_extension(self):
        self.good()
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/星火－微视频－{UNIT}{CLEAN}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/星火{CLEAN}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/燎原-微电影-{UNIT}{CLEAN}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/奋斗者之歌-微视频-天宁区委组织部{CLEAN}.mp4")
        place(fixture("quicktime-named.mp4"), f"{self.root}/作品/初心如磐-微视频-{UNIT}{CLEAN}.mov")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "name.pattern", [f"作品/星火{CLEAN}.mp4", f"作品/星火－微视频－{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "name.category", [f"作品/燎原-微电影-{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "name.unit", [f"作品/奋斗者之歌-微视频-天宁区委组织部{CLEAN}.mp4"])
        self.assert_only(report, "name.extension", [f"作品/初心如磐-微视频-{UNIT}{CLEAN}.mov"])
        sep = [f for f in report["findings"] if f["check"] == "name.pattern" and "－" in f["path"]][0]
        self.assertIn("－", sep["message"])
        code, report = check(self.root, *CZ, "--unit", "天宁区委组织部")
        self.assertGreaterEqual(len(hits(report, "name.unit")), 4)

    def test_name_characters_length_normalization_collision(self):
        self.good()
        src = fixture("h264-1080p25-8M.mp4")
        place(src, f"{self.root}/作品/问号?-微视频-{UNIT}{CLEAN}.mp4")
        place(src, f"{self.root}/作品/CON.mp4")
        nfd = "e\u0301"  # é as e + combining acute: a name made on a Mac
        place(src, f"{self.root}/作品/caf{nfd}-微视频-{UNIT}{CLEAN}.mp4")
        place(src, f"{self.root}/作品/Abc-微视频-{UNIT}{CLEAN}.mp4")
        place(src, f"{self.root}/作品/abc-微视频-{UNIT}{CLEAN}.MP4")
        deep = "/".join(["很长的文件夹名称二十个字符的样子啊啊啊"] * 12)  # > 240 UTF-16 units
        place(src, f"{self.root}/作品/{deep}/深-微视频-{UNIT}{CLEAN}.mp4")
        code, report = check(self.root, *CZ)
        self.assertIn(f"作品/问号?-微视频-{UNIT}{CLEAN}.mp4", hits(report, "name.characters"))
        self.assertIn("作品/CON.mp4", hits(report, "name.characters"))
        self.assert_only(report, "name.normalization", [f"作品/café-微视频-{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "name.collision", [f"作品/Abc-微视频-{UNIT}{CLEAN}.mp4", f"作品/abc-微视频-{UNIT}{CLEAN}.MP4"])
        self.assertEqual(hits(report, "name.length"), [f"作品/{deep}/深-微视频-{UNIT}{CLEAN}.mp4"])
        self.assertEqual(hits(report, "name.extension"), [])  # .MP4 is fine

    def test_a_long_path_is_counted_the_way_it_is_compared(self):
        # QA Q5: "要求: ≤ 240  实际: 238": the limit counted Windows' `E:\\`, the figure did not.
        src = fixture("h264-1080p25-8M.mp4")
        over = f"作品/{'a' * 219}-微视频-{UNIT}.mp4"  # 238 characters from the drive's root
        self.good()
        place(src, f"{self.root}/{over}")
        place(src, f"{self.root}/作品/{'b' * 218}-微视频-{UNIT}.mp4")  # 237: fits
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "name.length"), [over])
        f = [f for f in report["findings"] if f["check"] == "name.length"][0]
        self.assertEqual((f["expected"], f["actual"]), ("≤ 237 个字符", "238 个字符"))
        self.assertIn("238 个字符，最多 237 个", f["message"])
        self.assertIn("缩短至少 1 个字符", f["hint"])

    def test_no_category_words_where_the_notice_has_no_categories(self):
        # QA Q14: liaoning and the branch's plan have no categories; their hints must not ask
        # for one (init writes no `category:` for them).
        os.makedirs(self.root)
        code, report = check(self.root, *LN)
        f = [f for f in report["findings"] if f["check"] == "work.count"][0]
        self.assertIn("写出每个作品的 title 和 files", f["hint"])
        self.assertNotIn("category", f["hint"])
        code, report = check(fixture("h264-1080p25-8M.mp4"), "--rules", "branch-everyone")
        f = [f for f in report["findings"] if f["check"] == "duration.min"][0]
        self.assertEqual(f["hint"], "通知要求不少于 10:00；请补充内容后重新导出。")
        self.assertEqual((f["expected"], f["actual"]), ("≥ 10:00", "0:03"))  # QA N9: no ".000"
        # Changzhou has categories: its hint still names them.
        code, report = check(self.root, *CZ)
        f = [f for f in report["findings"] if f["check"] == "work.count"][0]
        self.assertIn("写出每个作品的 title、category 和 files", f["hint"])

    def test_a_manual_line_that_names_its_work_lists_no_other(self):
        # QA Q15: "作品“初心如磐”缺少课件  《初心如磐》《奋斗者之歌》": one line, the first work's
        # text, every work's list. Each text its own line now, the lines of an id together.
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/初心如磐.mp4")
        place(fixture("h264-720p25.mp4"), f"{self.root}/奋斗者之歌.mp4")
        p = run("check", self.root, "--rules", "branch-everyone", "--fast")
        lines = [l.strip() for l in p.stdout.splitlines() if "document.missing" in l]
        self.assertEqual(lines, ["ℹ document.missing  作品“初心如磐”缺少课件",
                                 "ℹ document.missing  作品“奋斗者之歌”缺少课件"])
        self.assertIn("manual.theme  主题围绕学习贯彻习近平新时代中国特色社会主义思想。  《初心如磐》《奋斗者之歌》",
                      p.stdout)
        # The HTML report the same: each work's own item, none hidden behind the first's.
        p = run("check", self.root, "--rules", "branch-everyone", "--fast", "--format", "html")
        for title in ("初心如磐", "奋斗者之歌"):
            self.assertEqual(p.stdout.count(f"作品“{title}”缺少课件"), 1, title)
        # A title that occurs in a shared text is still listed (QA N6: jiaozuo's theme is
        # “我和我的祖国”, the likeliest title there; the work dropped out of manual.content).
        jz = os.path.join(self.tmp, "jz")
        place(fixture("h264-1080p25-8M.mp4"), f"{jz}/我和我的祖国.mp4")
        p = run("check", jz, "--rules", "jiaozuo-2019", "--fast", "--as-of", "2019-06-20")
        line = [l for l in p.stdout.splitlines() if "manual.content" in l][0]
        self.assertIn("“我和我的祖国”", line)
        self.assertTrue(line.endswith("《我和我的祖国》"), line)

    def test_a_wrong_extension_gets_the_fix_that_also_renames(self):
        # QA N7: name.extension said "用软件另存为" while container.format gave a command that
        # fixes both. A QuickTime file: the one command; an MP4 named .mov: a rename will do.
        self.good()
        qt = f"作品/星火-微视频-{UNIT}{CLEAN}.mov"
        mp4 = f"作品/初心-微视频-{UNIT}{CLEAN}.mov"
        place(fixture("quicktime-named.mp4"), f"{self.root}/{qt}")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/{mp4}")
        code, report = check(self.root, *CZ, "--fast")
        hint = {f["path"]: f["hint"] for f in report["findings"] if f["check"] == "name.extension"}
        self.assertEqual(set(hint), {qt, mp4})
        self.assertIn(qt, hits(report, "container.format"))
        self.assertIn("（container.format）的命令转换：它同时把扩展名改成 .mp4", hint[qt])
        self.assertNotIn(mp4, hits(report, "container.format"))
        self.assertIn("文件的实际格式（mp4）符合要求，只是扩展名不对：把扩展名改成 .mp4 即可", hint[mp4])
        self.assertIn(f'mpcheck fix "{self.root}/{mp4}"', hint[mp4])
        for h in hint.values():
            self.assertNotIn("另存为", h)

    def test_a_bad_folder_name_is_reported_once(self):
        self.good()
        for n in ("一", "二", "三"):
            place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/备用:素材/{n}.mp4")
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "name.characters"), ["作品/备用:素材"])

    # -- media.*, container.format ---------------------------------------------------------
    def test_media_unreadable_truncated_container(self):
        self.good()
        place(fixture("not-media.mp4"), f"{self.root}/作品/假-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("truncated-faststart.mp4"), f"{self.root}/作品/断-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("truncated.mp4"), f"{self.root}/作品/断二-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("matroska-named.mp4"), f"{self.root}/作品/套-微视频-{UNIT}{CLEAN}.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "media.unreadable", [f"作品/假-微视频-{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "media.truncated", [f"作品/断-微视频-{UNIT}{CLEAN}.mp4", f"作品/断二-微视频-{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "container.format", [f"作品/套-微视频-{UNIT}{CLEAN}.mp4"])

    # -- duration.* -------------------------------------------------------------------------
    def test_duration_min_and_max(self):
        self.good()
        long = os.path.join(self.tmp, "long.mp4")
        ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=320x180:r=5", "-t", "481", "-c:v", "libx264",
               "-preset", "ultrafast", long)
        place(long, f"{self.root}/作品/长-微视频-{UNIT}{CLEAN}.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/作品/先锋-典型事迹片-{UNIT}.mp4")
        docx(f"{self.root}/文本/先锋-解说词-{UNIT}.docx")
        docx(f"{self.root}/文本/长-解说词-{UNIT}.docx")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "duration.max", [f"作品/长-微视频-{UNIT}{CLEAN}.mp4"])
        self.assert_only(report, "duration.min", [f"作品/先锋-典型事迹片-{UNIT}.mp4"])

    # -- video.* ----------------------------------------------------------------------------
    def test_video_resolution_720p_and_anamorphic(self):
        self.good()
        self.replace_clean("h264-anamorphic-1440x1080.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.resolution", [CLEAN_PATH])
        self.assertEqual(hits(report, "video.aspect-ratio"), [])
        self.assertEqual(code, 1)

    def test_video_aspect_ratio_of_a_rotated_clip(self):
        self.good()
        self.replace_clean("h264-rotated-90.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.aspect-ratio", [CLEAN_PATH])

    def test_video_frame_rate_and_vfr(self):
        self.good()
        self.replace_clean("h264-1080p2997.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.frame-rate", [CLEAN_PATH])
        self.replace_clean("h264-vfr.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.variable-frame-rate", [CLEAN_PATH])

    def test_video_scan(self):
        self.good()
        self.replace_clean("h264-1080i25.mp4")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.scan", [CLEAN_PATH])
        hint = [f["hint"] for f in report["findings"] if f["check"] == "video.scan"][0]
        self.assertIn("ffmpeg -i", hint)

    def test_the_ffmpeg_fix_command_fixes_the_file(self):
        self.good()
        self.replace_clean("h264-1080i25.mp4")
        # The stand-in clean version is another programme (subtitles.pair-mismatch says so);
        # only video.scan and its fix are under test here.
        CZ_SAME = CZ + ("--waive", "subtitles.pair-mismatch")
        code, report = check(self.root, *CZ_SAME)
        self.assertEqual(hits(report, "video.scan"), [CLEAN_PATH])
        hint = [f["hint"] for f in report["findings"] if f["check"] == "video.scan"][0]
        self.assertLess(hint.index("mpcheck fix "), hint.index("ffmpeg -i"))
        command = hint[hint.index("mkdir -p"):]
        subprocess.run(command + " -v error -y -nostdin", shell=True, check=True, cwd=self.tmp)
        # Written under the compliant name into 修复后/ where the command ran.
        os.replace(f"{self.tmp}/修复后/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4", f"{self.root}/{CLEAN_PATH}")
        code, report = check(self.root, *CZ_SAME)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)

    def test_video_bitrate(self):
        self.good()
        low = os.path.join(self.tmp, "low.mp4")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "2M",
               "-maxrate", "2M", "-bufsize", "2M", "-c:a", "copy", low)
        os.remove(f"{self.root}/{CLEAN_PATH}")
        place(low, f"{self.root}/{CLEAN_PATH}")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "video.bitrate", [CLEAN_PATH])

    def test_video_missing_codec_orientation_audio_missing(self):
        audio_only = os.path.join(self.tmp, "audio.mp4")
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:a", "aac", audio_only)
        os.makedirs(self.root)
        place(audio_only, f"{self.root}/只有声音.mp4")
        place(fixture("h264-portrait-1080x1920.mp4"), f"{self.root}/竖屏.mp4")
        place(fixture("h264-noaudio.mp4"), f"{self.root}/无声.mp4")
        place(fixture("hevc-1080p25.mp4"), f"{self.root}/高效.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/好.mp4")
        code, report = check(self.root, *LN)
        self.assert_only(report, "video.missing", ["只有声音.mp4"])
        self.assert_only(report, "video.orientation", ["竖屏.mp4"])
        self.assert_only(report, "audio.missing", ["无声.mp4"])
        rules = os.path.join(self.tmp, "h264-only.yaml")
        with open(rules, "w") as f:
            f.write("schema: mpcheck-rules/1\nid: h264-only\ntitle: {zh: 只收H.264, en: H.264 only}\n"
                    "works:\n  media:\n    codecs: [h264]\n")
        code, report = check(self.root, "--rules", rules)
        self.assert_only(report, "video.codec", ["高效.mp4"])

    def test_a_picture_or_sound_given_as_a_video_work_is_video_missing(self):
        # QA H1: a photo (or an audio export) named as a 微视频 work passed with ✓ and exit 0.
        os.makedirs(self.root)
        photo = f"{self.root}/初心-微视频-{UNIT}.jpg"
        ffmpeg("-f", "lavfi", "-i", "color=c=white:size=1240x1754", "-frames:v", "1", photo)
        sound = f"{self.root}/初心2-微视频-{UNIT}.m4a"
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:a", "aac", sound)
        code, report = check(photo, sound, *CZ)
        self.assertEqual(code, 1)
        self.assert_only(report, "video.missing", [photo, sound])
        self.assert_only(report, "name.extension", [sound])
        by_path = {f["path"]: f for f in report["findings"] if f["check"] == "video.missing"}
        picture, audio = by_path[photo], by_path[sound]
        self.assertEqual((picture["severity"], picture["work"]), ("error", "初心"))
        self.assertEqual(picture["message"], "这个文件是一张图片，不是视频")
        self.assertEqual(picture["actual"], "图片（JPEG）")
        self.assertIn("导出的成片视频《初心》", picture["hint"])
        self.assertEqual(audio["message"], "这个文件只有声音，没有视频画面")
        self.assertEqual(audio["actual"], "只有声音")
        # Its extension too, but "save it as .mp4" would give an .mp4 without a picture.
        ext = next(f for f in report["findings"] if f["check"] == "name.extension")
        self.assertIn("只有声音：另存为 .mp4 也不会有画面", ext["hint"])
        # The same bytes named .mp4 are said the same way (no code such as "image" shown).
        renamed = f"{self.root}/图-微视频-{UNIT}.mp4"
        shutil.copy(photo, renamed)
        code, report = check(renamed, *CZ, "--lang", "en")
        self.assert_only(report, "video.missing", [os.path.basename(renamed)])
        f = next(f for f in report["findings"] if f["check"] == "video.missing")
        self.assertEqual((f["message"], f["actual"]), ("the file is a picture, not a video", "a picture (JPEG)"))
        self.assertIn("Hand in the finished video", f["hint"])
        # Liaoning (no naming: the file is its own work) and the text report.
        lesson = f"{self.root}/讲课.jpg"
        shutil.copy(photo, lesson)
        code, report = check(lesson, *LN)
        self.assertEqual(code, 1)
        self.assert_only(report, "video.missing", ["讲课.jpg"])
        text = run("check", *LN, lesson).stdout
        self.assertNotIn("✓", text)
        self.assertIn("video.missing  这个文件是一张图片，不是视频", text)
        en = run("check", *LN, "--lang", "en", lesson).stdout
        self.assertIn("video.missing  the file is a picture, not a video", en)

    def test_a_lesson_recorded_as_sound_is_no_video_missing_where_sound_is_taken(self):
        # branch-everyone takes video or audio lessons (kinds: [video, audio]): sound only in
        # an .mp4 is an audio lesson; a picture is still no lesson.
        os.makedirs(self.root)
        lesson = f"{self.root}/讲课录音.mp4"
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:a", "aac", lesson)
        photo = f"{self.root}/讲课照片.jpg"
        ffmpeg("-f", "lavfi", "-i", "color=c=white:size=640x480", "-frames:v", "1", photo)
        code, report = check(lesson, photo, "--rules", "branch-everyone", "--as-of", "2024-09-01")
        self.assert_only(report, "video.missing", [photo])
        f = next(f for f in report["findings"] if f["check"] == "video.missing")
        self.assertIn("视频或音频", f["hint"])
        # Under a notice of videos only, the same sound is video.missing.
        code, report = check(lesson, *LN)
        self.assert_only(report, "video.missing", ["讲课录音.mp4"])
        self.assertEqual(next(f["actual"] for f in report["findings"] if f["check"] == "video.missing"), "只有声音")

    def test_pictures_a_category_asks_for_are_not_video_missing(self):
        # A new-media work is its QR code and poster (kinds: [image, video, audio]); a scan of a
        # form is a document: neither is a video work.
        self.new_media_work("qr-rgb.jpg")
        place(fixture("rgb-a4-300dpi.jpg"), f"{self.root}/表格/汇总表-{UNIT}（扫描）.jpg")
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "video.missing"), [])
        code, report = check(f"{self.root}/{QR_PATH}", *CZ)
        self.assertEqual((code, problems(report)), (0, []))

    # -- subtitles.pair-missing ---------------------------------------------------------------
    def test_subtitles_pair_missing(self):
        self.good()
        os.remove(f"{self.root}/{CLEAN_PATH}")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "subtitles.pair-missing", [f"作品/奋斗者之歌-微视频-{UNIT}{SUB}.mp4"])
        self.assertEqual(code, 1)

    def test_variant_spellings_are_accepted(self):
        self.good(titles=("奋斗者之歌",))
        os.rename(f"{self.root}/{CLEAN_PATH}", f"{self.root}/作品/奋斗者之歌-微视频-{UNIT}纯净版.mp4")
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "subtitles.pair-missing"), [])

    # -- image.* ----------------------------------------------------------------------------
    def test_images_of_a_new_media_work(self):
        self.good()
        place(fixture("rgb-a4-300dpi.jpg"), f"{self.root}/作品/微光-新媒体作品-{UNIT}（海报）.jpg")
        place(fixture("rgb-300dpi.png"), f"{self.root}/作品/星光-新媒体作品-{UNIT}（海报）.jpg")
        place(fixture("qr-rgb.jpg"), f"{self.root}/作品/微光-新媒体作品-{UNIT}（二维码）.jpg")
        place(fixture("cmyk-300dpi-a3.jpg"), f"{self.root}/作品/萤火-新媒体作品-{UNIT}（海报）.jpg")
        place(fixture("qr-code.png"), f"{self.root}/作品/萤火-新媒体作品-{UNIT}（二维码）.png")
        for t in ("微光", "星光", "萤火"):
            docx(f"{self.root}/文本/{t}-创意说明-{UNIT}.docx")
        code, report = check(self.root, *CZ)
        wrong = [f"作品/微光-新媒体作品-{UNIT}（海报）.jpg", f"作品/星光-新媒体作品-{UNIT}（海报）.jpg"]
        self.assert_only(report, "image.color-mode", wrong)
        self.assert_only(report, "image.size", wrong)
        self.assertEqual(hits(report, "name.unit"), [])
        self.assert_only(report, "image.format", [f"作品/星光-新媒体作品-{UNIT}（海报）.jpg"])
        self.assertEqual(hits(report, "image.dpi"), [])
        self.assert_only(report, "image.qr-code", [f"作品/星光-新媒体作品-{UNIT}（海报）.jpg"])
        self.assert_only(report, "work.category-count", [""])  # three new-media works: 1–2 allowed

    def test_image_dpi(self):
        self.good()
        place(fixture("cmyk-72dpi.jpg"), f"{self.root}/作品/微光-新媒体作品-{UNIT}（海报）.jpg")
        place(fixture("qr-rgb.jpg"), f"{self.root}/作品/微光-新媒体作品-{UNIT}（二维码）.jpg")
        docx(f"{self.root}/文本/微光-创意说明-{UNIT}.docx")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "image.dpi", [f"作品/微光-新媒体作品-{UNIT}（海报）.jpg"])

    def new_media_work(self, qr_fixture):
        """The good tree plus the new-media work 微光: an A3 CMYK poster and a QR image."""
        self.good()
        place(fixture("cmyk-300dpi-a3.jpg"), f"{self.root}/作品/微光-新媒体作品-{UNIT}（海报）.jpg")
        place(fixture(qr_fixture), f"{self.root}/{QR_PATH}")
        docx(f"{self.root}/文本/微光-创意说明-{UNIT}.docx")
        return self.root

    def test_image_qr_code_that_decodes(self):
        code, report = check(self.new_media_work("qr-rgb.jpg"), *CZ)
        self.assertEqual(problems(report), [])
        facts = {f["path"]: f["facts"] for f in report["files"]}
        self.assertEqual(facts[QR_PATH]["image"]["qr_codes"], [QR_TEXT])
        self.assertIsNone(facts[QR_PATH]["image"]["qr_error"])
        self.assertEqual(facts[f"作品/微光-新媒体作品-{UNIT}（海报）.jpg"]["image"]["qr_codes"], [])
        zh = run("check", *CZ, self.root)
        self.assertIn(f"  ℹ 二维码：{QR_TEXT}（{QR_PATH}）\n", zh.stdout)
        en = run("check", *CZ, "--lang", "en", self.root)
        self.assertIn(f"  ℹ QR code: {QR_TEXT}  ({QR_PATH})\n", en.stdout)
        self.assertNotIn("QR code:", run("check", *CZ, "--quiet", "--lang", "en", self.root).stdout)

    def test_image_qr_code_of_a_picture_without_a_code(self):
        code, report = check(self.new_media_work("rgb-300dpi.jpg"), *CZ)
        self.assert_only(report, "image.qr-code", [QR_PATH])
        self.assertEqual(problems(report), [("image.qr-code", QR_PATH)])
        self.assertEqual(code, 1)  # no code in any picture of the work: the notice requires one
        f = [f for f in report["findings"] if f["check"] == "image.qr-code"][0]
        self.assertEqual((f["severity"], f["work"]), ("error", "微光"))
        self.assertEqual(f["message"], "图片中没有识别到二维码")
        self.assertIn("二维码无法识别：请用清晰、未裁切的二维码原图", f["hint"])
        self.assertIn("四周留白", f["hint"])
        p, en = run_json("check", "--format", "json", "--lang", "en", *CZ, self.root)
        f = [f for f in en["findings"] if f["check"] == "image.qr-code"][0]
        self.assertEqual(f["message"], "no QR code could be read in the image")
        self.assertIn("white margin", f["hint"])
        self.assertEqual([x["facts"]["image"]["qr_codes"] for x in en["files"] if x["path"] == QR_PATH], [[]])

    def test_image_qr_code_of_a_cut_short_picture(self):
        self.new_media_work("qr-rgb.jpg")
        with open(fixture("qr-rgb.jpg"), "rb") as f:
            data = f.read()
        os.remove(f"{self.root}/{QR_PATH}")
        with open(f"{self.root}/{QR_PATH}", "wb") as f:
            f.write(data[:len(data) // 3])
        code, report = check(self.root, *CZ)
        self.assert_only(report, "image.qr-code", [QR_PATH])
        facts = {f["path"]: f["facts"] for f in report["files"]}
        self.assertEqual(facts[QR_PATH]["image"]["qr_error"]["code"], "corrupt-image")

    def test_fast_decodes_no_picture_and_claims_nothing(self):
        code, report = check(self.new_media_work("rgb-300dpi.jpg"), *CZ, "--fast")
        self.assertEqual(problems(report), [])
        facts = {f["path"]: f["facts"] for f in report["files"]}
        self.assertNotIn("qr_codes", facts[QR_PATH]["image"])
        self.assertNotIn("qr_error", facts[QR_PATH]["image"])
        self.assertEqual(facts[QR_PATH]["image"]["width"], 640)  # header facts are still there

    def test_pictures_are_not_decoded_when_the_rules_ask_for_no_qr_code(self):
        os.makedirs(self.root)
        place(fixture("qr-rgb.jpg"), f"{self.root}/海报.jpg")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/课.mp4")
        code, report = check(self.root, *LN)  # Liaoning: no image roles at all
        facts = {f["path"]: f["facts"] for f in report["files"]}
        self.assertNotIn("qr_codes", facts["海报.jpg"]["image"])
        self.assertIsNotNone(facts["课.mp4"]["deep"])  # the videos are still decoded

    # -- document.* ---------------------------------------------------------------------------
    def test_document_missing_and_format(self):
        self.good()
        os.remove(f"{self.root}/表格/汇总表-{UNIT}.docx")
        os.remove(f"{self.root}/文本/初心如磐-解说词-{UNIT}.docx")
        with open(f"{self.root}/表格/报名表-{UNIT}.docx", "w") as f:
            f.write("这不是 Word 文档")
        code, report = check(self.root, *CZ)
        missing = [(f["path"], f["work"]) for f in report["findings"] if f["check"] == "document.missing"]
        self.assertEqual(sorted(missing), [("文本", "初心如磐"), ("表格", "")])
        self.assert_only(report, "document.format", [f"表格/报名表-{UNIT}.docx"])

    def test_jiaozuo_requires_ppt_courseware(self):
        os.makedirs(self.root)
        place(fixture("h264-720p25.mp4"), f"{self.root}/我和我的祖国-张三.mp4")
        code, report = check(self.root, "--rules", "jiaozuo-2019", "--as-of", "2019-08-01")
        kinds = [f["expected"] for f in report["findings"] if f["check"] == "document.missing"]
        self.assertTrue(any("课件" in k for k in kinds), kinds)

    # -- work.* ------------------------------------------------------------------------------
    def test_work_count_episodes_age(self):
        titles = [f"作品{i}" for i in range(1, 12)]
        self.good(titles=titles)
        for e in (1, 2, 3):
            place(fixture("h264-720p25.mp4"), f"{self.root}/作品/系列（第{e}集）-纪录片-{UNIT}.mp4")
        docx(f"{self.root}/文本/系列-解说词-{UNIT}.docx")
        old = os.path.join(self.tmp, "old.mp4")
        ffmpeg("-i", fixture("h264-720p25.mp4"), "-c", "copy", "-metadata", "creation_time=2019-05-01T10:00:00Z", old)
        place(old, f"{self.root}/作品/旧片-纪录片-{UNIT}.mp4")
        docx(f"{self.root}/文本/旧片-解说词-{UNIT}.docx")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "work.count", [""])
        self.assert_only(report, "work.episodes", [f"作品/系列（第1集）-纪录片-{UNIT}.mp4"])
        self.assert_only(report, "work.age", [f"作品/旧片-纪录片-{UNIT}.mp4"])

    def test_work_duplicate_of_a_copied_video(self):
        self.good()
        other = f"{self.root}/作品/初心如磐-微视频-{UNIT}{CLEAN}.mp4"
        os.remove(other)
        shutil.copyfile(f"{self.root}/{CLEAN_PATH}", other)  # a real copy, not a link
        # The copy is another programme than 初心如磐's subtitled version: the deep checks say
        # so (subtitles.pair-mismatch, tested in test_deep.py); only work.duplicate is here.
        code, report = check(self.root, *CZ, "--waive", "subtitles.pair-mismatch")
        self.assertEqual(problems(report), [("work.duplicate", CLEAN_PATH)])
        self.assertEqual(code, 0)  # a warning
        f = [f for f in report["findings"] if f["check"] == "work.duplicate"][0]
        self.assertEqual((f["severity"], f["work"]), ("warning", "奋斗者之歌"))
        first = f"作品/初心如磐-微视频-{UNIT}{CLEAN}.mp4"  # earlier in path order
        self.assertIn(first, f["message"])
        self.assertEqual(f["actual"], f"与 {first} 完全相同")
        sha = {x["path"]: x.get("sha256") for x in report["files"]}
        self.assertEqual(sha[CLEAN_PATH], sha[first])
        self.assertEqual(len(sha[first]), 64)
        self.assertIsNone(sha[f"作品/初心如磐-微视频-{UNIT}{SUB}.mp4"])  # no other file of its size
        p, en = run_json("check", "--format", "json", "--lang", "en", *CZ, self.root)
        f = [f for f in en["findings"] if f["check"] == "work.duplicate"][0]
        self.assertEqual(f["message"], f"the same bytes as '{first}': the same content submitted "
                                       "twice under different names")

    def test_work_duplicate_not_for_same_size_different_content(self):
        self.good()
        a = f"{self.root}/{CLEAN_PATH}"
        b = f"{self.root}/作品/初心如磐-微视频-{UNIT}{CLEAN}.mp4"
        size = max(os.path.getsize(a), os.path.getsize(b))
        for path in (a, b):  # both padded to one size: still valid MP4s (faststart, mdat last)
            with open(path, "rb") as f:
                data = f.read()
            os.remove(path)  # a hard link to the fixture: write a new file, not into it
            with open(path, "wb") as f:
                f.write(data + bytes(size - len(data)))
        self.assertEqual(os.path.getsize(a), os.path.getsize(b))
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "work.duplicate"), [])
        kinds = {x["path"]: x["kind"] for x in report["files"]}
        self.assertEqual(kinds[CLEAN_PATH], "video")

    # -- submission.deadline, --waive, --strict -----------------------------------------------
    def test_deadline_waive_strict(self):
        self.good()
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-06")
        self.assert_only(report, "submission.deadline", [""])
        self.assertEqual(code, 1)  # 逾期报送…不予受理: an error (test_readings.py)
        p = run("check", "--rules", "changzhou-2024", "--as-of", "2024-09-06", "--exit-zero", self.root)
        self.assertEqual(p.returncode, 0)
        # A warning fails the run with --strict or --fail-on warning (liaoning: lateness warns).
        os.makedirs(os.path.join(self.tmp, "ln"))
        place(fixture("h264-1080p25-8M.mp4"), os.path.join(self.tmp, "ln", "微党课.mp4"))
        ln = ("--rules", "liaoning-2023", "--as-of", "2023-06-13", "--fast", os.path.join(self.tmp, "ln"))
        self.assertEqual(run("check", *ln).returncode, 0)
        p = run("check", "--strict", *ln)
        self.assertEqual(p.returncode, 1)
        p = run("check", "--fail-on", "warning", *ln)
        self.assertEqual(p.returncode, 1)
        p = run("check", "--fail-on", "warning", "--exit-zero", *ln)
        self.assertEqual(p.returncode, 0)
        code, report = check(self.root, "--rules", "changzhou-2024", "--as-of", "2024-09-06", "--waive", "submission.deadline")
        self.assertEqual(hits(report, "submission.deadline"), [])
        code, report = check(self.root, *CZ, "--waive", "manual.*")
        self.assertEqual(report["findings"], [])

    # -- reports, languages, usage ----------------------------------------------------------
    def test_text_report_chinese_and_english(self):
        self.good()
        self.replace_clean("h264-720p25.mp4")
        zh = run("check", *CZ, self.root)
        self.assertEqual(zh.returncode, 1)
        self.assertIn("分辨率是 1280x720，要求 1920x1080", zh.stdout)
        self.assertIn("ffmpeg -i", zh.stdout)
        self.assertRegex(zh.stdout, r"共 \d+ 个文件、2 部作品：\d+ 个错误")
        en = run("check", *CZ, "--lang", "en", self.root)
        self.assertIn("the resolution is 1280x720; 1920x1080 is required", en.stdout)
        self.assertNotIn("\033[", en.stdout)  # no colour when not a terminal

    def test_usage_and_rule_errors(self):
        self.good()
        self.assertEqual(run("check", self.root).returncode, 2)  # --rules missing
        p = run("check", "--rules", "no-such-rules", self.root)
        self.assertEqual(p.returncode, 2)
        self.assertIn("mpcheck：错误：未知的规则集", p.stderr)
        bad = os.path.join(self.tmp, "bad.yaml")
        with open(bad, "w") as f:
            f.write("schema: mpcheck-rules/1\nid: bad\ntitle: {zh: 坏, en: bad}\nworks:\n  media:\n    max_bitrat: 8M\n")
        p = run("check", "--rules", bad, self.root)
        self.assertEqual(p.returncode, 2)
        self.assertIn("bad.yaml:6:5: 未知的键 'max_bitrat'，您是不是要写 'max_bitrate'？", p.stderr)
        p = run("check", "--rules", bad, self.root, "--lang", "en")
        self.assertIn("bad.yaml:6:5: unknown key 'max_bitrat', did you mean 'max_bitrate'?", p.stderr)
        p = run("check", "--rules", "changzhou-2024", "--as-of", "2024-13-01", self.root)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--as-of", p.stderr)

    def test_missing_path_is_a_usage_error_not_a_finding(self):
        missing = os.path.join(self.tmp, "nope")
        p = run("check", "--format", "json", *CZ, missing)
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        self.assertEqual(p.stderr, f"mpcheck：错误：路径不存在：{missing}\n")  # test_drives.py: more

    def test_hostile_files_do_not_stop_the_run(self):
        self.good()
        # Fixed bytes: random ones read as a garbage box claiming gigabytes in 2 % of runs, and
        # CI once drew one (it said media.truncated; tests/unit/test_media_isobmff.cpp keeps it).
        noise = random.Random(2026).randbytes(5000)
        with open(f"{self.root}/作品/坏-微视频-{UNIT}{CLEAN}.mp4", "wb") as f:
            f.write(b"\x00\x00\x00\x18ftypisom" + noise)
        os.makedirs(f"{self.root}/作品/folder.mp4")
        bad_name = os.path.join(os.fsencode(self.root), "作品".encode(), b"\xb7\xdc-\xce\xa2-x.mp4")
        shutil.copy(fixture("h264-720p25.mp4"), bad_name)
        code, report = check(self.root, *CZ)
        self.assertEqual(code, 1)
        self.assertIn(f"作品/坏-微视频-{UNIT}{CLEAN}.mp4", hits(report, "media.unreadable"))
        self.assertTrue(any("\ufffd" in p for p in hits(report, "name.characters")))
        self.assertEqual(hits(report, "video.resolution"), [])  # the good works still pass


class CorpusTest(unittest.TestCase):
    def test_every_real_file_gets_a_sensible_verdict(self):
        if not CORPUS or not os.path.isdir(CORPUS):
            raise unittest.SkipTest("corpus not found")
        code, report = check(CORPUS, *LN)
        self.assertEqual(code, 1)
        by_path = {}
        for f in report["findings"]:
            by_path.setdefault(f["path"], set()).add(f["check"])
        media = [f["path"] for f in report["files"] if f["kind"] == "video"]
        self.assertGreaterEqual(len(media), 30)
        # Truncated and corrupt files are said to be so.
        for name in ("annexb-in-mp4-empty-avcc-truncated.mp4", "pentax-mjpeg-mov-partial-2k.mov",
                     "itunes-tv-episode-stripped-mdat-c608-ac3.mp4"):
            self.assertIn("media.truncated", by_path.get(name, set()), name)
        self.assertIn("media.unreadable", by_path["corrupt-mkv-cve-2022-36313.mkv"])
        # Portrait phone clips are portrait; QuickTime named .mp4 is QuickTime.
        self.assertIn("video.orientation", by_path["iphone6-ios12-h264-portrait-rotate90-gps.mov"])
        self.assertIn("container.format", by_path["apple-coremedia-hevc-portrait-editlist.mp4"])
        self.assertNotIn("container.format", by_path.get("android14-hevc-hlg10-1080p.mp4", set()))
        # A 1080p landscape MP4 with sound passes Liaoning's picture rules.
        self.assertFalse({"video.resolution", "video.orientation", "audio.missing", "container.format"}
                         & by_path.get("android14-hevc-hlg10-1080p.mp4", set()))
        # Every finding speaks plainly.
        for f in report["findings"]:
            self.assertTrue(f["message"], f)


if __name__ == "__main__":
    unittest.main()
