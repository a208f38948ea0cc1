"""mpcheck probe on generated media (tests/fixtures/make-fixtures.sh): every fact the checks
need, on files whose truth is known because we made them."""
import os
import shutil
import tempfile
import unittest

from mpcheck_test import fixture, probe, run, run_json


def one(name, extra=()):
    return probe(fixture(name), extra=extra)[0]


class ProbeFixturesTest(unittest.TestCase):
    def test_1080p25_8mbps(self):
        f = one("h264-1080p25-8M.mp4")
        self.assertIsNone(f["error"])
        self.assertEqual(f["kind"], "video")
        self.assertEqual(f["container"]["format"], "mp4")
        self.assertEqual(f["container"]["brand"], "isom")
        self.assertTrue(f["container"]["faststart"])
        v = f["video"]
        self.assertEqual((v["codec"], v["profile"]), ("h264", "High"))
        self.assertEqual((v["width"], v["height"], v["rotation"]), (1920, 1080, 0))
        self.assertEqual((v["sar"], v["dar"]), ("1:1", "16:9"))
        self.assertEqual(v["frame_rate"], 25.0)
        self.assertTrue(v["constant_frame_rate"])
        self.assertEqual(v["scan"], "progressive")
        self.assertEqual((v["pix_fmt"], v["bit_depth"]), ("yuv420p", 8))
        self.assertEqual(v["bitrate_source"], "index")
        self.assertAlmostEqual(v["bitrate_measured"] / 8e6, 1.0, delta=0.1)
        self.assertGreaterEqual(v["bitrate_peak"], v["bitrate_measured"])
        self.assertEqual(v["frame_count"], 75)
        self.assertAlmostEqual(f["duration_s"], 3.0, delta=0.05)
        a = f["audio"]
        self.assertEqual((a["codec"], a["channels"], a["sample_rate"]), ("aac", 2, 48000))
        self.assertFalse(f["truncated"])

    def test_not_faststart(self):
        self.assertFalse(one("h264-1080p25-not-faststart.mp4")["container"]["faststart"])

    def test_720p_and_portrait(self):
        v = one("h264-720p25.mp4")["video"]
        self.assertEqual((v["width"], v["height"]), (1280, 720))
        v = one("h264-portrait-1080x1920.mp4")["video"]
        self.assertEqual((v["display_width"], v["display_height"], v["rotation"]), (1080, 1920, 0))

    def test_rotated(self):
        v = one("h264-rotated-90.mp4")["video"]
        self.assertEqual((v["width"], v["height"]), (1920, 1080))
        self.assertIn(v["rotation"], (90, 270))
        self.assertEqual((v["display_width"], v["display_height"]), (1080, 1920))

    def test_anamorphic(self):
        v = one("h264-anamorphic-1440x1080.mp4")["video"]
        self.assertEqual((v["width"], v["height"], v["sar"], v["dar"]), (1440, 1080, "4:3", "16:9"))
        self.assertEqual((v["display_width"], v["display_height"]), (1920, 1080))

    def test_2997(self):
        v = one("h264-1080p2997.mp4")["video"]
        self.assertEqual(v["frame_rate_fraction"], "30000/1001")
        self.assertAlmostEqual(v["frame_rate"], 29.97, places=2)

    def test_interlaced(self):
        self.assertEqual(one("h264-1080i25.mp4")["video"]["scan"], "tff")
        ts = one("mpeg2-1080i25.ts")
        self.assertEqual(ts["container"]["format"], "mpegts")
        self.assertEqual(ts["video"]["scan"], "tff")
        self.assertEqual(ts["video"]["bitrate_source"], "packets")

    def test_variable_frame_rate(self):
        v = one("h264-vfr.mp4")["video"]
        self.assertFalse(v["constant_frame_rate"])
        self.assertGreater(v["frame_duration_max_s"], v["frame_duration_min_s"] * 1.5)

    def test_audio(self):
        self.assertIsNone(one("h264-noaudio.mp4")["audio"])
        self.assertEqual(one("h264-silent-audio.mp4")["audio"]["codec"], "aac")

    def test_container_from_content_not_extension(self):
        qt = one("quicktime-named.mp4")
        self.assertEqual((qt["container"]["format"], qt["container"]["brand"]), ("mov", "qt"))
        mkv = one("matroska-named.mp4")
        self.assertEqual(mkv["container"]["format"], "matroska")
        self.assertEqual(mkv["video"]["bitrate_source"], "packets")
        self.assertAlmostEqual(mkv["video"]["frame_rate"], 25.0)

    def test_truncated(self):
        cut = one("truncated-faststart.mp4")
        self.assertTrue(cut["truncated"], cut)
        self.assertIsNone(cut["error"])  # it still opens: it plays, then stops
        lost = one("truncated.mp4")
        self.assertTrue(lost["truncated"])
        self.assertEqual(lost["error"]["code"], "no-index")
        # The text report says it in the reader's language (QA Q8: English in Chinese).
        p = run("probe", fixture("truncated-faststart.mp4"))
        self.assertRegex(p.stdout, r"不完整: 索引标明到第 \d+ 字节，但文件在第 \d+ 字节就结束了")
        self.assertNotIn("the file ends", p.stdout)
        p = run("probe", fixture("truncated-faststart.mp4"), "--lang", "en")
        self.assertRegex(p.stdout, r"truncated: the index points to byte \d+ but the file ends at byte \d+")

    def test_truncated_matroska(self):
        src = fixture("matroska-named.mp4")
        with tempfile.TemporaryDirectory() as d:
            cut = os.path.join(d, "cut.mkv")
            with open(src, "rb") as f:
                data = f.read()
            with open(cut, "wb") as f:
                f.write(data[: len(data) * 6 // 10])
            f = probe(cut)[0]
            self.assertTrue(f["truncated"], f["truncated_detail"])

    def test_hevc(self):
        v = one("hevc-1080p25.mp4")["video"]
        self.assertEqual((v["codec"], v["width"], v["scan"]), ("hevc", 1920, "progressive"))

    def test_broken_inputs(self):
        cases = {"empty.mp4": "empty", "not-media.mp4": "not-media", "random-bytes.mp4": "not-media"}
        files = probe(*[fixture(n) for n in cases])
        for f, (name, code) in zip(files, cases.items()):
            self.assertEqual(f["error"]["code"], code, name)
            self.assertTrue(f["error"]["message"])

    def test_missing_file_and_directory(self):
        with tempfile.TemporaryDirectory() as d:
            files = probe(os.path.join(d, "nope.mp4"), d)
            self.assertEqual(files[0]["error"]["code"], "not-found")
            self.assertEqual(files[1]["error"]["code"], "is-directory")

    def test_images(self):
        f = one("cmyk-300dpi-a3.jpg")["image"]
        self.assertEqual((f["format"], f["color_mode"], f["width"], f["height"]), ("jpeg", "cmyk", 3508, 4961))
        self.assertAlmostEqual(f["dpi_x"], 300, delta=0.5)
        f = one("rgb-72dpi.jpg")["image"]
        self.assertEqual(f["color_mode"], "rgb")
        self.assertAlmostEqual(f["dpi_x"], 72, delta=0.5)
        f = one("rgb-300dpi.png")["image"]
        self.assertEqual(f["format"], "png")
        self.assertAlmostEqual(f["dpi_x"], 300, delta=0.5)

    def test_qr_codes(self):
        text = "https://mp.weixin.qq.com/s/mpcheck-微光"  # make-fixtures.sh QR_TEXT
        files = probe(fixture("qr-cmyk.jpg"), fixture("qr-poster-small-code.jpg"), fixture("rgb-72dpi.jpg"))
        self.assertEqual([f["image"]["qr_codes"] for f in files], [[text], [text], []])
        self.assertEqual([f["image"]["qr_error"] for f in files], [None, None, None])
        fast = probe(fixture("qr-cmyk.jpg"), extra=("--fast",))[0]["image"]
        self.assertNotIn("qr_codes", fast)
        self.assertEqual(fast["color_mode"], "cmyk")
        zh = run("probe", fixture("qr-rgb.jpg"), fixture("rgb-72dpi.jpg"))
        self.assertIn(f"  二维码: {text}\n", zh.stdout)
        self.assertIn("  二维码: 无\n", zh.stdout)
        en = run("probe", "--lang", "en", fixture("qr-rgb.jpg"))
        self.assertIn(f"  QR code: {text}\n", en.stdout)
        self.assertNotIn("QR code", run("probe", "--lang", "en", "--fast", fixture("qr-rgb.jpg")).stdout)
        with tempfile.TemporaryDirectory() as tmp:
            cut = os.path.join(tmp, "cut.jpg")
            with open(fixture("qr-rgb.jpg"), "rb") as src, open(cut, "wb") as dst:
                data = src.read()
                dst.write(data[:len(data) // 2])
            f = probe(cut)[0]
            self.assertEqual(f["image"]["qr_error"]["code"], "corrupt-image")
            self.assertEqual(f["image"]["qr_codes"], [])

    def test_order_and_parallelism(self):
        names = ["h264-720p25.mp4", "empty.mp4", "h264-1080p25-8M.mp4", "rgb-72dpi.jpg"] * 5
        paths = [fixture(n) for n in names]
        serial = probe(*paths, extra=("-j", "1"))
        parallel = probe(*paths, extra=("-j", "4"))
        self.assertEqual([f["path"] for f in parallel], paths)
        self.assertEqual(serial, parallel)

    def test_text_output_is_chinese_by_default_and_english_on_request(self):
        zh = run("probe", fixture("empty.mp4"))
        self.assertEqual(zh.returncode, 0)
        self.assertIn("文件是空的", zh.stdout)
        en = run("probe", "--lang", "en", fixture("empty.mp4"))
        self.assertIn("the file is empty", en.stdout)

    def test_odd_file_names(self):
        src = fixture("h264-720p25.mp4")
        with tempfile.TemporaryDirectory() as d:
            names = ["带 空格 的名字.mp4", "a\u0301-nfd.mp4", "x" * 200 + ".mp4", "-starts-with-dash.mp4"]
            paths = []
            for n in names:
                p = os.path.join(d, n)
                shutil.copy(src, p)
                paths.append(p)
            bad = os.path.join(d.encode(), b"\xb7\xdc\xb6\xb7.mp4")  # GBK bytes: not UTF-8
            shutil.copy(src, bad)
            # "--": every name after it is a file, even one starting with '-'.
            p, data = run_json("probe", "--format", "json", "--", *paths, os.fsdecode(bad))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(data["files"]), 5)
            for f in data["files"]:
                self.assertEqual(f["video"]["width"], 1280)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "facts.json")
            p = run("probe", "--format", "json", "-o", out, fixture("h264-720p25.mp4"))
            self.assertEqual(p.returncode, 0)
            self.assertEqual(p.stdout, "")
            with open(out) as f:
                self.assertIn('"mpcheck-probe/1"', f.read())
            p = run("probe", "-o", os.path.join(d, "no", "such", "dir", "x"), fixture("h264-720p25.mp4"))
            self.assertEqual(p.returncode, 3)
            self.assertIn("mpcheck：错误：", p.stderr)


class CliTest(unittest.TestCase):
    def test_version_help_usage(self):
        self.assertRegex(run("--version").stdout, r"mpcheck \d+\.\d+\.\d+")
        self.assertEqual(run("--help").returncode, 0)
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("probe").returncode, 2)
        self.assertEqual(run("probe", "--format", "xml", "x").returncode, 2)


if __name__ == "__main__":
    unittest.main()
