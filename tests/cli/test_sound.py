"""The sound of both versions, the baseline every video gets whatever the notice says, and
false alarms of the deep checks, end to end on media generated at test time:
- the pair: one version silent, without an audio stream, or much quieter → pair-mismatch
  (error) on that file; text in the clean version → subtitles.not-burned at error;
- the baseline: no audio stream, a silent track, HLG 10-bit, variable timing → warnings
  where the notice says nothing; `probe` shows colour and bit depth;
- no false alarm: a small progressive clip is not interlaced, a truncated file has no
  trailing black, the pair's durations are the ones `probe` prints, zbar stays quiet."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from check_tree import CLEAN, SUB, UNIT, changzhou, ffmpeg, place
from mpcheck_test import CORPUS, fixture, probe, run, run_json
from test_check import CZ, LN, check, hits, problems

SUB_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{SUB}.mp4"
CLEAN_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"
HLG = ("-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc")


def finding(report, check_id):
    return next(f for f in report["findings"] if f["check"] == check_id)


class SoundTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-sound-")
        self.root = os.path.join(self.tmp, "drive")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def swap_in(self, rel, *ffmpeg_args, source=None):
        """Replaces the tree's `rel` by ffmpeg's output from its fixture with `ffmpeg_args`."""
        src = source or os.path.join(self.root, rel)
        out = self.path("out-" + os.path.basename(rel))
        ffmpeg("-i", src, *ffmpeg_args, out)
        os.remove(os.path.join(self.root, rel))
        shutil.move(out, os.path.join(self.root, rel))

    # -- the pair's sound ----------------------------------------------------------------
    def test_a_silent_subtitled_version_is_a_pair_mismatch(self):
        changzhou(self.root)
        self.swap_in(SUB_PATH, "-c:v", "copy", "-af", "volume=0", "-c:a", "aac")
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "subtitles.pair-mismatch"), [SUB_PATH], problems(report))
        f = finding(report, "subtitles.pair-mismatch")
        self.assertEqual(f["severity"], "error")
        self.assertIn("有字幕版是静音的", f["message"])
        self.assertEqual(code, 1)
        # The notice says nothing of sound: the silent track itself is a baseline warning.
        self.assertEqual(hits(report, "audio.silent"), [SUB_PATH])
        self.assertEqual(finding(report, "audio.silent")["severity"], "warning")

    def test_a_clean_version_without_sound_is_a_pair_mismatch_even_with_fast(self):
        changzhou(self.root)
        self.swap_in(CLEAN_PATH, "-c:v", "copy", "-an")
        for extra in ((), ("--fast",)):
            code, report = check(self.root, *CZ, "--lang", "en", *extra)
            self.assertEqual(hits(report, "subtitles.pair-mismatch"), [CLEAN_PATH], extra)
            self.assertIn("the clean version has no sound",
                          finding(report, "subtitles.pair-mismatch")["message"])
            self.assertEqual(hits(report, "audio.missing"), [CLEAN_PATH])
            self.assertEqual(finding(report, "audio.missing")["severity"], "warning")
            self.assertEqual(code, 1)

    def test_a_much_quieter_clean_version_is_a_pair_mismatch(self):
        changzhou(self.root)
        self.swap_in(CLEAN_PATH, "-c:v", "copy", "-af", "volume=-10dB", "-c:a", "aac")
        code, report = check(self.root, *CZ, "--lang", "en")
        self.assertEqual(hits(report, "subtitles.pair-mismatch"), [SUB_PATH], problems(report))
        self.assertIn("LU apart", finding(report, "subtitles.pair-mismatch")["message"])
        # 1 dB is the same mix.
        os.remove(os.path.join(self.root, CLEAN_PATH))
        place(fixture("h264-1080p25-8M.mp4"), os.path.join(self.root, CLEAN_PATH))
        self.swap_in(CLEAN_PATH, "-c:v", "copy", "-af", "volume=-1dB", "-c:a", "aac")
        code, report = check(self.root, *CZ)
        self.assertEqual(problems(report), [])

    def test_both_versions_without_sound_are_baseline_warnings_not_a_mismatch(self):
        changzhou(self.root)
        self.swap_in(SUB_PATH, "-c:v", "copy", "-an")
        self.swap_in(CLEAN_PATH, "-c:v", "copy", "-an")
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "subtitles.pair-mismatch"), [])
        self.assertEqual(hits(report, "audio.missing"), sorted([SUB_PATH, CLEAN_PATH]))
        self.assertEqual(code, 0)  # warnings: the Changzhou notice says nothing of sound
        # Liaoning asks for sound (声音清楚): there it is an error.
        os.makedirs(self.path("ln"))
        place(os.path.join(self.root, SUB_PATH), self.path("ln/课.mp4"))
        code, report = check(self.path("ln"), *LN)
        self.assertEqual(hits(report, "audio.missing"), ["课.mp4"])
        self.assertEqual(finding(report, "audio.missing")["severity"], "error")

    def test_text_in_the_clean_version_is_an_error_naming_that_file(self):
        changzhou(self.root)
        os.remove(os.path.join(self.root, SUB_PATH))
        os.remove(os.path.join(self.root, CLEAN_PATH))
        place(fixture("h264-1080p25-8M.mp4"), os.path.join(self.root, SUB_PATH))
        place(fixture("h264-1080p25-8M-subtitled.mp4"), os.path.join(self.root, CLEAN_PATH))
        code, report = check(self.root, *CZ)
        self.assertEqual(hits(report, "subtitles.not-burned"), [SUB_PATH])
        f = finding(report, "subtitles.not-burned")
        self.assertEqual(f["severity"], "error")
        self.assertIn(f"烧录的字幕在“{os.path.basename(CLEAN_PATH)}”里", f["message"])
        self.assertEqual(code, 1)

    # -- the baseline --------------------------------------------------------------------
    def test_hlg_10_bit_is_shown_by_probe_and_warned_by_check(self):
        hlg = self.path("hlg.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "libx264",
               "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", *HLG, "-c:a", "aac", hlg)
        [facts] = probe(hlg, extra=("--fast",))
        v = facts["video"]
        self.assertEqual((v["color_primaries"], v["color_transfer"], v["color_matrix"]),
                         ("bt2020", "arib-std-b67", "bt2020nc"))
        self.assertEqual(v["bit_depth"], 10)
        p = run("probe", "--fast", "--lang", "en", hlg)
        self.assertIn("10-bit, colour bt2020/arib-std-b67/bt2020nc", p.stdout)
        os.makedirs(self.root)
        place(hlg, os.path.join(self.root, "课.mp4"))
        code, report = check(self.root, *LN, "--lang", "en")
        self.assertEqual(hits(report, "video.hdr"), ["课.mp4"])
        self.assertEqual(hits(report, "video.bit-depth"), ["课.mp4"])
        hdr = finding(report, "video.hdr")
        self.assertEqual(hdr["severity"], "warning")
        self.assertIn("washed out", hdr["message"])
        self.assertIn("tonemap", hdr["hint"])
        self.assertEqual(finding(report, "video.bit-depth")["severity"], "warning")
        # An 8-bit BT.709 clip gets neither.
        os.remove(os.path.join(self.root, "课.mp4"))
        place(fixture("h264-1080p25-8M.mp4"), os.path.join(self.root, "课.mp4"))
        code, report = check(self.root, *LN)
        self.assertEqual(hits(report, "video.hdr") + hits(report, "video.bit-depth"), [])

    def test_the_android_hlg_phone_file(self):
        if not CORPUS or not os.path.isdir(CORPUS):
            raise unittest.SkipTest("corpus not found")
        name = "android14-hevc-hlg10-1080p.mp4"
        [facts] = probe(os.path.join(CORPUS, name), extra=("--fast",))
        v = facts["video"]
        self.assertEqual((v["color_primaries"], v["color_transfer"], v["color_matrix"],
                          v["bit_depth"]), ("bt2020", "arib-std-b67", "bt2020nc", 10))
        os.makedirs(self.root)
        place(os.path.join(CORPUS, name), os.path.join(self.root, name))
        code, report = check(self.root, *LN, "--fast")
        self.assertEqual(hits(report, "video.hdr"), [name])
        self.assertEqual(hits(report, "video.bit-depth"), [name])

    def test_variable_timing_is_warned_where_the_notice_sets_no_frame_rate(self):
        os.makedirs(self.root)
        place(fixture("h264-vfr.mp4"), os.path.join(self.root, "课.mp4"))
        code, report = check(self.root, *LN)  # Liaoning: no frame_rate rule
        self.assertEqual(hits(report, "video.variable-frame-rate"), ["课.mp4"])
        self.assertEqual(finding(report, "video.variable-frame-rate")["severity"], "warning")

    # -- false alarms --------------------------------------------------------------------
    def test_a_small_progressive_clip_is_not_interlaced(self):
        os.makedirs(os.path.join(self.root, "作品"))
        small = os.path.join(self.root, f"作品/小-微视频-{UNIT}{SUB}.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-t", "4", "-c:v", "libx264",
               "-preset", "ultrafast", "-c:a", "aac", small)
        code, report = check(self.root, *CZ, "--waive", "subtitles.pair-missing")
        self.assertEqual(hits(report, "video.scan"), [])
        path = f"作品/小-微视频-{UNIT}{SUB}.mp4"
        deep = next(f["facts"]["deep"] for f in report["files"] if f["path"] == path)
        idet = deep["idet"]
        self.assertEqual(deep["scan_content"], "progressive", idet)
        self.assertGreater(idet["tff"] + idet["bff"], idet["progressive"])  # idet was fooled

    def test_really_interlaced_pictures_are_still_found_with_the_ratio(self):
        os.makedirs(os.path.join(self.root, "作品"))
        path = f"作品/隔行-微视频-{UNIT}{SUB}.mp4"
        place(fixture("h264-interlaced-content.mp4"), os.path.join(self.root, path))
        code, report = check(self.root, *CZ, "--waive", "subtitles.pair-missing")
        self.assertEqual(hits(report, "video.scan"), [path])
        self.assertRegex(finding(report, "video.scan")["message"],
                         r"idet：顶场优先 \d+ 帧、底场优先 \d+ 帧、逐行 \d+ 帧，(顶|底)场优先占 \d+%")

    def test_a_truncated_file_has_no_trailing_black(self):
        os.makedirs(self.root)
        whole = self.path("whole.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-t", "12", "-c:v", "libx264",
               "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart", whole)
        with open(whole, "rb") as f:
            data = f.read()
        with open(os.path.join(self.root, "断.mp4"), "wb") as f:
            f.write(data[: len(data) // 2])
        code, report = check(self.root, *LN)
        self.assertEqual(hits(report, "media.truncated"), ["断.mp4"])
        self.assertEqual(hits(report, "video.black"), [], problems(report))

    def test_pair_durations_on_interlaced_ts_are_the_ones_probe_prints(self):
        os.makedirs(os.path.join(self.root, "作品"))
        sub = os.path.join(self.root, f"作品/台-微视频-{UNIT}{SUB}.ts")
        clean = os.path.join(self.root, f"作品/台-微视频-{UNIT}{CLEAN}.ts")
        for out, seconds in ((sub, "4"), (clean, "3")):
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=720x576:rate=50", "-f", "lavfi", "-i",
                   "sine=frequency=440:sample_rate=48000", "-t", seconds, "-vf",
                   "tinterlace=mode=interleave_top,setfield=tff", "-c:v", "libx264", "-preset",
                   "ultrafast", "-flags", "+ildct+ilme", "-x264opts", "tff=1", "-c:a", "mp2",
                   "-f", "mpegts", out)
        durations = [f["duration_s"] for f in probe(sub, clean, extra=("--fast",))]
        code, report = check(self.root, *CZ, "--fast")
        f = finding(report, "subtitles.pair-mismatch")
        self.assertEqual(re.findall(r"(\d+\.\d{3}) 秒", f["actual"]),
                         [f"{d:.3f}" for d in durations])

    def test_zbar_prints_nothing_without_d_bus(self):
        png = self.path("qr.png")  # a code zbar reads: a result is what it would publish
        subprocess.run(["qrencode", "-s", "8", "-m", "4", "-o", png, "https://example.cn/mpcheck"],
                       check=True)
        env = {"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent/dbus",
               "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/dbus"}
        p = run("probe", png, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("https://example.cn/mpcheck", p.stdout)
        self.assertNotIn("Connection Error", p.stdout + p.stderr)
        self.assertNotIn("dbus", (p.stdout + p.stderr).lower())


if __name__ == "__main__":
    unittest.main()
