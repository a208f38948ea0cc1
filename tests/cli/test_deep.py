"""The deep checks end to end (decoded pictures and sound), on media generated at test time:
a subtitled/clean pair that passes, identical twins (subtitles.not-burned), two programmes
(subtitles.pair-mismatch), interlaced pictures flagged progressive (video.scan), silent and
quiet sound (audio.silent, audio.loudness), black at both ends (video.black), damaged data
(media.decode-error); --fast claims none of them; no false alarm on the good tree."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from check_tree import CLEAN, SUB, UNIT, changzhou, ffmpeg, place
from mpcheck_test import fixture, probe, run, run_json
from test_check import CZ, LN, check, hits, problems

SUB_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{SUB}.mp4"
CLEAN_PATH = f"作品/奋斗者之歌-微视频-{UNIT}{CLEAN}.mp4"


def deep_facts(report, path):
    return next(f["facts"]["deep"] for f in report["files"] if f["path"] == path)


class DeepCheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-deep-")
        self.root = os.path.join(self.tmp, "drive")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def replace(self, path, source):
        os.remove(f"{self.root}/{path}")
        place(source, f"{self.root}/{path}")

    def assert_only(self, report, check_id, paths):
        self.assertEqual(hits(report, check_id), sorted(paths), problems(report))

    # -- the pair ------------------------------------------------------------------------
    def test_pair_with_burned_in_text_passes(self):
        code, report = check(changzhou(self.root), *CZ)
        self.assertEqual(problems(report), [])
        self.assertEqual(code, 0)
        for path in (SUB_PATH, CLEAN_PATH):
            d = deep_facts(report, path)
            self.assertGreater(d["samples"], 0)
            self.assertEqual(d["scan_content"], "progressive")
            self.assertEqual(d["video_decode_errors"], 0)
            self.assertTrue(d["audio_measured"])
            self.assertAlmostEqual(d["loudness_lufs"], -21.7, delta=1.0)  # the fixtures' sine

    def test_identical_twins_are_an_error(self):
        # QA M7: the same file as both versions was only a warning (exit 0). Two copies of one
        # file are not the two versions the notice asks for: the subtitled one has none.
        changzhou(self.root)
        self.replace(SUB_PATH, fixture("h264-1080p25-8M.mp4"))  # the clean file, twice
        for args in (CZ, (*CZ, "--fast")):  # the same bytes: known without decoding
            code, report = check(self.root, *args)
            self.assert_only(report, "subtitles.not-burned", [SUB_PATH])
            self.assertEqual(hits(report, "subtitles.pair-mismatch"), [])
            finding = next(f for f in report["findings"] if f["check"] == "subtitles.not-burned")
            self.assertEqual(finding["severity"], "error")
            self.assertIn("有字幕版和无字幕版是同一个文件", finding["message"])
            self.assertIn("内容逐字节相同", finding["actual"])
            self.assertIn("把字幕烧录进画面", finding["hint"])
            self.assertEqual(code, 1)
        en = run("check", *CZ, "--lang", "en", self.root).stdout
        self.assertIn("the subtitled and the clean versions are the same file", en)

    def test_the_same_pictures_in_another_file_are_an_error(self):
        # Remuxed (other bytes, the very same pictures): identical at every sample.
        changzhou(self.root)
        os.remove(f"{self.root}/{SUB_PATH}")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-c", "copy", "-metadata", "title=有字幕",
               f"{self.root}/{SUB_PATH}")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "subtitles.not-burned", [SUB_PATH])
        finding = next(f for f in report["findings"] if f["check"] == "subtitles.not-burned")
        self.assertEqual((finding["severity"], code), ("error", 1))
        self.assertIn("画面完全相同", finding["message"])

    def test_a_re_encode_without_text_stays_a_warning(self):
        # Close but not the same pictures, and no text in the band: the uncertain case.
        changzhou(self.root)
        os.remove(f"{self.root}/{SUB_PATH}")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30",
               "-c:a", "copy", f"{self.root}/{SUB_PATH}")
        code, report = check(self.root, *CZ)
        self.assert_only(report, "subtitles.not-burned", [SUB_PATH])
        finding = next(f for f in report["findings"] if f["check"] == "subtitles.not-burned")
        self.assertEqual((finding["severity"], code), ("warning", 0))
        self.assertIn("看不到烧录的字幕", finding["message"])

    def test_subtitles_in_the_clean_version_say_the_names_are_swapped(self):
        changzhou(self.root)
        self.replace(SUB_PATH, fixture("h264-1080p25-8M.mp4"))
        self.replace(CLEAN_PATH, fixture("h264-1080p25-8M-subtitled.mp4"))
        code, report = check(self.root, *CZ, "--lang", "en")
        self.assert_only(report, "subtitles.not-burned", [SUB_PATH])
        finding = next(f for f in report["findings"] if f["check"] == "subtitles.not-burned")
        self.assertIn("swapped", finding["message"])

    def test_a_different_programme_is_a_pair_mismatch(self):
        changzhou(self.root)
        # Same length, size, rate and codec: only the pictures can tell.
        self.replace(CLEAN_PATH, fixture("h264-1080p25-8M-prog2.mp4"))
        code, report = check(self.root, *CZ)
        self.assert_only(report, "subtitles.pair-mismatch", [SUB_PATH])
        self.assertEqual(code, 1)
        finding = next(f for f in report["findings"] if f["check"] == "subtitles.pair-mismatch")
        self.assertIn("两个版本的画面差别很大", finding["actual"])
        self.assertEqual(hits(report, "subtitles.not-burned"), [])

    def test_a_pair_of_different_lengths_is_a_mismatch_even_with_fast(self):
        changzhou(self.root)
        short = os.path.join(self.tmp, "short.mp4")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-t", "2", "-c", "copy", short)
        self.replace(CLEAN_PATH, short)
        code, report = check(self.root, *CZ, "--fast")
        self.assert_only(report, "subtitles.pair-mismatch", [SUB_PATH])
        self.assertIn("时长不同", next(f["actual"] for f in report["findings"]
                                     if f["check"] == "subtitles.pair-mismatch"))

    # -- pictures ------------------------------------------------------------------------
    def test_interlaced_pictures_flagged_progressive_fail_video_scan(self):
        changzhou(self.root)
        interlaced = fixture("h264-interlaced-content.mp4")
        os.remove(f"{self.root}/{SUB_PATH}")
        os.remove(f"{self.root}/{CLEAN_PATH}")
        place(interlaced, f"{self.root}/作品/隔行-微视频-{UNIT}{SUB}.mp4")
        code, report = check(self.root, *CZ, "--waive", "subtitles.pair-missing")
        path = f"作品/隔行-微视频-{UNIT}{SUB}.mp4"
        self.assertEqual(hits(report, "video.scan"), [path])
        finding = next(f for f in report["findings"] if f["check"] == "video.scan")
        self.assertIn("标记为逐行", finding["message"])
        self.assertIn("bwdif", finding["hint"])
        self.assertEqual(deep_facts(report, path)["scan_content"], "interlaced")
        # --fast cannot see it: the flag says progressive.
        code, report = check(self.root, *CZ, "--waive", "subtitles.pair-missing", "--fast")
        self.assertEqual(hits(report, "video.scan"), [])

    def test_black_lead_in_and_tail_are_reported(self):
        os.makedirs(f"{self.root}")
        place(fixture("h264-black-ends.mp4"), f"{self.root}/黑场.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/好.mp4")
        code, report = check(self.root, *LN, "--lang", "en")
        self.assert_only(report, "video.black", ["黑场.mp4"])
        d = deep_facts(report, "黑场.mp4")
        self.assertAlmostEqual(d["black_lead_s"], 2.5, delta=0.1)
        self.assertAlmostEqual(d["black_tail_s"], 2.5, delta=0.1)
        finding = next(f for f in report["findings"] if f["check"] == "video.black")
        self.assertIn("black at the start", finding["message"])
        self.assertIn("black at the end", finding["message"])
        self.assertIn("-ss 2.", finding["hint"])

    def test_an_all_black_video_is_reported(self):
        os.makedirs(self.root)
        black = os.path.join(self.root, "全黑.mp4")
        ffmpeg("-f", "lavfi", "-i", "color=black:size=640x360:rate=25", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:v", "libx264", "-preset",
               "ultrafast", "-c:a", "aac", black)
        code, report = check(self.root, *LN, "--lang", "en")
        self.assertEqual(hits(report, "video.black"), ["全黑.mp4"])
        self.assertTrue(deep_facts(report, "全黑.mp4")["all_black"])

    # -- sound ---------------------------------------------------------------------------
    def test_silent_audio_fails_audio_silent(self):
        os.makedirs(self.root)
        place(fixture("h264-silent-audio.mp4"), f"{self.root}/静音.mp4")
        place(fixture("h264-1080p25-8M.mp4"), f"{self.root}/好.mp4")
        code, report = check(self.root, *LN)
        self.assert_only(report, "audio.silent", ["静音.mp4"])
        self.assertEqual(code, 1)
        self.assertEqual(hits(report, "audio.loudness"), [])  # silence is audio.silent's
        self.assertEqual(deep_facts(report, "静音.mp4")["loudness_lufs"], -70.0)

    def test_quiet_sound_fails_audio_loudness_and_a_long_gap_is_a_silent_warning(self):
        os.makedirs(self.root)
        quiet = os.path.join(self.root, "太小声.mp4")
        ffmpeg("-i", fixture("h264-1080p25-8M.mp4"), "-c:v", "copy", "-af", "volume=-30dB",
               "-c:a", "aac", quiet)
        gap = os.path.join(self.root, "中间无声.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
               "aevalsrc=if(between(t\\,1\\,13)\\,0\\,0.2*sin(2*PI*440*t)):s=48000", "-t", "15",
               "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", gap)
        code, report = check(self.root, *LN, "--lang", "en")
        self.assertEqual(hits(report, "audio.loudness"), ["太小声.mp4"])
        loud = next(f for f in report["findings"] if f["check"] == "audio.loudness")
        self.assertIn("too quiet", loud["message"])
        self.assertIn("mpcheck fix ", loud["hint"])  # then ffmpeg's linear gain (docs/fix.md)
        self.assertIn("-af volume=", loud["hint"])
        self.assertEqual(hits(report, "audio.silent"), ["中间无声.mp4"])
        silent = next(f for f in report["findings"] if f["check"] == "audio.silent")
        self.assertEqual(silent["severity"], "warning")
        [s] = deep_facts(report, "中间无声.mp4")["silences"]
        self.assertAlmostEqual(s["start_s"], 1.0, delta=0.5)
        self.assertAlmostEqual(s["end_s"], 13.0, delta=0.5)

    # -- damage --------------------------------------------------------------------------
    def test_damaged_data_is_a_decode_error(self):
        os.makedirs(self.root)
        damaged = os.path.join(self.root, "损坏.mp4")
        shutil.copy(fixture("h264-1080p25-8M.mp4"), damaged)
        size = os.path.getsize(damaged)
        with open(damaged, "r+b") as f:  # garbage over a stretch of the pictures' data
            for at in range(size // 3, size * 2 // 3, 40000):
                f.seek(at)
                f.write(bytes((i * 97 + 13) % 256 for i in range(3000)))
        code, report = check(self.root, *LN, "--lang", "en")
        self.assertEqual(hits(report, "media.decode-error"), ["损坏.mp4"])
        self.assertGreater(deep_facts(report, "损坏.mp4")["video_decode_errors"], 0)
        self.assertEqual(code, 1)

    def test_fast_decodes_nothing_and_claims_nothing(self):
        changzhou(self.root, titles=("奋斗者之歌",))
        # Another programme of the same length and size: only the pictures tell (the same
        # file twice would be told by its bytes, test_identical_twins_are_an_error).
        self.replace(CLEAN_PATH, fixture("h264-1080p25-8M-prog2.mp4"))
        code, report = check(self.root, *CZ, "--fast")
        self.assertEqual(problems(report), [])
        for f in report["files"]:
            self.assertIsNone((f["facts"] or {}).get("deep"), f["path"])

    def test_fast_text_report_says_what_was_not_checked(self):
        # QA M8: `check --fast` of a silent video under liaoning (声音清楚) printed a bare
        # "✓ 没有发现问题"; without --fast it is audio.silent, an error.
        os.makedirs(self.root)
        silent = os.path.join(self.root, "silent.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-f", "lavfi", "-i",
               "anullsrc=r=48000:cl=stereo", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
               "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", silent)
        code, report = check(silent, *LN)
        self.assertEqual((code, hits(report, "audio.silent")), (1, ["silent.mp4"]))
        p = run("check", *LN, "--fast", silent)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("作品《silent》  ✓ 没有发现问题（--fast：未解码画面和声音，黑场、静音、响度等未检查）\n",
                      p.stdout)
        self.assertNotIn("✓ 没有发现问题\n", p.stdout)
        [note] = [line for line in p.stdout.splitlines() if line.startswith("ℹ 用了 --fast")]
        for words in ("1 个视频的画面和声音没有解码", "video.black", "audio.silent", "audio.loudness",
                      "video.scan", "media.decode-error", "去掉 --fast 再检查一次"):
            self.assertIn(words, note)
        self.assertNotIn("subtitles.", note)  # no pair here
        # near the summary: the note, a blank line, the summary
        self.assertRegex(p.stdout, r"ℹ 用了 --fast：[^\n]*\n\n共 1 个文件")
        # The note is no finding (JSON counts none): the summary's "0 条提示" names it beside.
        self.assertIn("，0 条提示（另有上面 ℹ 的一条 --fast 说明：1 个视频的画面和声音没有解码）\n", p.stdout)
        en = run("check", *LN, "--fast", "--lang", "en", silent).stdout
        self.assertIn("  ✓ no problems found (--fast: pictures and sound not decoded; black ends, "
                      "silence, loudness and more not checked)\n", en)
        self.assertIn("ℹ checked with --fast: the pictures and sound of 1 video were not decoded", en)
        self.assertIn("check again without --fast", en)
        self.assertIn(", 0 notes (besides, the --fast note above: the pictures and sound of 1 video were "
                      "not decoded)\n", en)
        # JSON keeps its schema: the file's deep facts are null, as before.
        code, report = check(silent, *LN, "--fast")
        self.assertEqual(report["schema"], "mpcheck-report/1")
        self.assertIsNone(report["files"][0]["facts"]["deep"])
        # Decoded, a work without findings is the plain tick and there is no note.
        good = os.path.join(self.root, "好.mp4")
        place(fixture("h264-1080p25-8M.mp4"), good)
        text = run("check", *LN, good).stdout
        self.assertIn("作品《好》  ✓ 没有发现问题\n", text)
        self.assertNotIn("--fast", text)

    def test_probe_shows_the_deep_facts(self):
        p, out = run_json("probe", "--format", "json", fixture("h264-interlaced-content.mp4"),
                          fixture("h264-silent-audio.mp4"))
        self.assertEqual(p.returncode, 0)
        interlaced, silent = out["files"]
        self.assertEqual(interlaced["deep"]["scan_content"], "interlaced")
        self.assertGreater(interlaced["deep"]["idet"]["tff"], 0)
        self.assertEqual(silent["deep"]["loudness_lufs"], -70.0)
        p, out = run_json("probe", "--format", "json", "--fast", fixture("h264-silent-audio.mp4"))
        self.assertIsNone(out["files"][0]["deep"])

    # -- cost and agreement with ffmpeg ---------------------------------------------------
    def test_a_short_clip_with_one_keyframe_decodes_no_more_than_its_pictures(self):
        # 4 s at 25 fps, one keyframe (x264's GOP is 250): sampling by seeks would decode the
        # GOP again for every sample and burst (174 pictures); one pass in order decodes 100.
        clip = os.path.join(self.tmp, "one-gop.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25,noise=alls=20:allf=t",
               "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "4",
               "-c:v", "libx264", "-preset", "superfast", "-pix_fmt", "yuv420p", "-c:a", "aac",
               clip)
        keyframes = subprocess.run(
            ["ffprobe", "-v", "error", "-select_streams", "v", "-skip_frame", "nokey",
             "-show_entries", "frame=pts_time", "-of", "csv=p=0", clip],
            capture_output=True, text=True, check=True).stdout.split()
        self.assertEqual(len(keyframes), 1)
        deep = probe(clip)[0]["deep"]
        self.assertLessEqual(deep["frames_decoded"], 100)
        self.assertGreaterEqual(deep["frames_decoded"], 50)  # it did decode, in order
        self.assertEqual(deep["samples"], 3)  # 1, 2 and 3 s
        self.assertEqual(sum(deep["idet"].values()), 3 * 16)  # a burst from each sample
        self.assertEqual(deep["black_tail_s"], 0)

    def test_a_video_on_its_own_decodes_only_the_samples_its_bursts_start_from(self):
        # 64 s of interlaced pictures, a keyframe every 2 s: a grid of 15 samples (every 4 s).
        # On its own, only the 4 the bursts start from are decoded, and the verdict is the
        # same; as a version of a pair every sample is decoded, to be compared.
        clip = os.path.join(self.tmp, "long-interlaced.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=50,noise=alls=30:allf=t,"
               "tinterlace=mode=interleave_top", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-t", "64", "-c:v", "libx264", "-preset",
               "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", clip)
        alone = probe(clip)[0]["deep"]
        self.assertEqual(alone["samples"], 4)
        self.assertEqual(alone["scan_content"], "interlaced")
        self.assertEqual(sum(alone["idet"].values()), 4 * 16)
        changzhou(self.root)
        self.replace(SUB_PATH, clip)
        self.replace(CLEAN_PATH, clip)
        code, report = check(self.root, *CZ)
        for path in (SUB_PATH, CLEAN_PATH):
            paired = deep_facts(report, path)
            self.assertEqual(paired["samples"], 15)
            self.assertEqual(paired["idet"], alone["idet"])
            self.assertLess(alone["frames_decoded"], paired["frames_decoded"])

    def test_the_bursts_stop_when_the_rest_could_not_change_the_verdict(self):
        # 32 s of progressive pictures (a keyframe every 2 s). After three bursts of 16 the
        # fourth could not turn the verdict (media::scan_settled): it is not decoded, nor its
        # sample. Interlaced pictures need all four (the test above).
        clip = os.path.join(self.tmp, "progressive.mp4")
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25,noise=alls=20:allf=t", "-t",
               "32", "-c:v", "libx264", "-preset", "superfast", "-b:v", "1M", "-g", "50",
               "-pix_fmt", "yuv420p", clip)
        deep = probe(clip)[0]["deep"]
        self.assertEqual(deep["scan_content"], "progressive")
        self.assertEqual(sum(deep["idet"].values()), 3 * 16)
        self.assertEqual(deep["samples"], 3)

    def test_a_lit_moment_between_black_samples_keeps_a_video_from_being_all_black(self):
        # 256 s of black but for 40-56 s (a grid sample at 48 s): the lead is black past its
        # 30 s and every sample the bursts would start from is black, so the rest of the grid
        # is looked at and finds the picture.
        clip = os.path.join(self.tmp, "lit-moment.mp4")
        ffmpeg("-f", "lavfi", "-i", "color=black:size=160x90:rate=5", "-f", "lavfi", "-i",
               "testsrc2=size=160x90:rate=5", "-f", "lavfi", "-i",
               "sine=frequency=440:sample_rate=48000", "-filter_complex",
               "[0][1]overlay=enable='between(t,40,56)'[v]", "-map", "[v]", "-map", "2", "-t",
               "256", "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-pix_fmt",
               "yuv420p", "-c:a", "aac", clip)
        deep = probe(clip)[0]["deep"]
        self.assertFalse(deep["all_black"])
        self.assertEqual(deep["samples"], 15)
        self.assertEqual(deep["black_samples"], 14)
        os.makedirs(self.root)
        place(clip, f"{self.root}/片段.mp4")
        code, report = check(self.root, *LN, "--lang", "en")
        finding = next(f for f in report["findings"] if f["check"] == "video.black")
        self.assertIn("black at the start", finding["message"])
        self.assertNotIn("black throughout", finding["message"])

    def test_loudness_and_true_peak_agree_with_ffmpeg_ebur128(self):
        # A voice-like sound whose level swings by 20 dB, with noise, and a quiet stretch.
        clip = os.path.join(self.tmp, "voice.mp4")
        voice = "(0.3*sin(2*PI*220*t)+0.1*sin(2*PI*3170*t))*(0.55+0.45*sin(2*PI*0.4*t))*lt(mod(t\\,9)\\,7)"
        ffmpeg("-f", "lavfi", "-i", "color=size=320x180:rate=25", "-f", "lavfi", "-i",
               f"aevalsrc={voice}|{voice}*0.7+0.02*random(0):sample_rate=48000", "-t", "12",
               "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "192k", clip)
        out = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", clip,
                              "-af", "ebur128=peak=true", "-f", "null", "-"],
                             capture_output=True, text=True, check=True).stderr
        summary = out[out.rindex("Summary:"):]
        integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
        peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
        deep = probe(clip)[0]["deep"]
        self.assertLess(abs(deep["loudness_lufs"] - integrated), 0.1, (deep, integrated))
        self.assertLess(abs(deep["true_peak_dbtp"] - peak), 0.3, (deep, peak))
        self.assertLess(integrated, -10)  # the sound is really there and not at full scale


if __name__ == "__main__":
    unittest.main()
