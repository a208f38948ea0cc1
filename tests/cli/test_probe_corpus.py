"""mpcheck probe over the real-world corpus (../shared/corpus/real), compared with ffprobe.

ffprobe.json there holds ffprobe 5.1's view of each file. Where the value a player shows
rightly differs from ffprobe's, the difference is listed in EXPLAINED with the reason."""
import glob
import json
import os
import unittest
from fractions import Fraction

from mpcheck_test import CORPUS, probe

# Files whose duration as a player shows it differs from ffprobe's format.duration.
EXPLAINED_DURATION = {
    # A PCR/PTS discontinuity makes libavformat's estimate 72054 s for a 3.8 MB capture;
    # mpcheck measures what the demuxed packets span.
    "dvb-multiprogram-hevc-mpeg2-teletext-epg.ts": "PCR discontinuity",
    # No Duration element: ffprobe prints none; mpcheck measures the packets.
    "chrome-mediarecorder-opus-no-duration.webm": "no duration in header",
    # Shorter than one DV frame: ffprobe says N/A; mpcheck counts the one (partial) frame.
    "dv-pal-16x9-anamorphic-truncated.dv": "partial frame",
}

# Files whose nominal frame rate legitimately differs from both of ffprobe's rates.
EXPLAINED_RATE = {
    # Truncated after 9 frames and without access-unit delimiters: the timestamps are
    # irregular; ffprobe's r_frame_rate (289/12) is a guess too.
    "dashcam-h264-no-aud-truncated-1mib.ts": "9 irregular frames",
    # mpcheck reports the most common frame interval of a VFR stream; ffprobe's r_frame_rate
    # is libavformat's guess (the time base for Mediabunny's file).
    "browser-capture-mediabunny-cursed-vfr.mp4": "VFR: most common interval",
    "flir-one-thermal-ios-vfr-portrait.mp4": "VFR: most common interval",
    "android12-mediamuxer-4k60-portrait-rotate90.mp4": "VFR: most common interval",
    "pixel-motionphoto-2hevc-tracks-mett-rotate270.mp4": "VFR: most common interval",
    "apple-coremedia-hevc-portrait-editlist.mp4": "VFR: most common interval",
    # A stripped mdat: only the index remains; both tools read the same table.
    "itunes-tv-episode-stripped-mdat-c608-ac3.mp4": "index only",
    # One frame: no interval to measure; mpcheck keeps the declared rate.
    "panasonic-ag-hmc151-avchd-truncated-8k.mts": "one frame",
}

TRUNCATED = {
    "annexb-in-mp4-empty-avcc-truncated.mp4",
    "itunes-tv-episode-stripped-mdat-c608-ac3.mp4",
    "pentax-mjpeg-mov-partial-2k.mov",
    "dashcam-h264-no-aud-truncated-1mib.ts",
    "dv-pal-16x9-anamorphic-truncated.dv",
}

FIELD = {"progressive": {"progressive"}, "tt": {"tff"}, "bb": {"bff"}, "tb": {"tff"}, "bt": {"bff"},
         None: {"progressive", "unknown"}}


def rate(text):
    if not text or text.startswith("0/") or text.endswith("/0"):
        return None
    return float(Fraction(text))


class ProbeCorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not CORPUS or not os.path.isdir(CORPUS):
            raise unittest.SkipTest("corpus not found")
        with open(os.path.join(CORPUS, "ffprobe.json")) as f:
            cls.ffprobe = json.load(f)["files"]
        paths = [os.path.join(CORPUS, name) for name in sorted(cls.ffprobe)]
        cls.ours = {os.path.basename(f["path"]): f for f in probe(*paths)}

    def media(self):
        for name, ref in self.ffprobe.items():
            if name.endswith(".jpg"):
                continue
            yield name, ref, self.ours[name]

    def main_video_ref(self, ref, ours):
        for s in ref["streams"]:
            if s["index"] == ours["video"]["index"]:
                return s
        self.fail("mpcheck's main video stream is not in ffprobe's list")

    def test_every_file_gets_an_answer(self):
        self.assertEqual(set(self.ours), set(self.ffprobe))
        for name, ours in self.ours.items():
            self.assertTrue(ours["kind"] in ("video", "audio", "image", "unknown"), name)
            if ours["error"] is not None:
                self.assertTrue(ours["error"]["message"], name)

    def test_ffprobe_failures_are_unreadable(self):
        for name, ref, ours in self.media():
            if ref["exit_code"] != 0:
                self.assertIsNotNone(ours["error"], name)
                self.assertEqual(ours["error"]["code"], "corrupt", name)

    def test_width_height_rotation_field_order(self):
        checked = 0
        for name, ref, ours in self.media():
            if not ours["video"]:
                continue
            with self.subTest(file=name):
                s = self.main_video_ref(ref, ours)
                self.assertEqual((ours["video"]["width"], ours["video"]["height"]),
                                 (s["width"], s["height"]))
                # ffprobe prints the counter-clockwise display-matrix angle (-90 for an
                # iPhone held upright); mpcheck the clockwise turn a player applies (90).
                self.assertEqual(ours["video"]["rotation"], (-(s["rotation"] or 0)) % 360)
                self.assertIn(ours["video"]["scan"], FIELD[s["field_order"]])
                checked += 1
        self.assertGreaterEqual(checked, 25)

    def test_frame_rate(self):
        for name, ref, ours in self.media():
            if not ours["video"] or name in EXPLAINED_RATE:
                continue
            with self.subTest(file=name):
                s = self.main_video_ref(ref, ours)
                candidates = [r for r in (rate(s["r_frame_rate"]), rate(s["avg_frame_rate"])) if r]
                got = ours["video"]["frame_rate"]
                self.assertTrue(any(abs(got - r) <= r * 0.01 for r in candidates),
                                f"{got} not within 1% of {candidates}")

    def test_duration(self):
        for name, ref, ours in self.media():
            if ref["exit_code"] != 0 or name in EXPLAINED_DURATION:
                continue
            with self.subTest(file=name):
                expected = float(ref["format"]["duration"])
                self.assertAlmostEqual(ours["duration_s"], expected, delta=0.01)

    def test_explained_durations_are_sane(self):
        ours = self.ours["dvb-multiprogram-hevc-mpeg2-teletext-epg.ts"]
        self.assertLess(ours["duration_s"], 10)
        self.assertGreater(ours["duration_s"], 0.5)
        self.assertAlmostEqual(self.ours["chrome-mediarecorder-opus-no-duration.webm"]["duration_s"],
                               25.5, delta=0.5)

    def test_truncated(self):
        for name, ref, ours in self.media():
            with self.subTest(file=name):
                self.assertEqual(ours["truncated"], name in TRUNCATED, ours["truncated_detail"])

    def test_container_format_from_content(self):
        formats = {n: (o["container"] or {}).get("format") for n, o in self.ours.items()}
        self.assertEqual(formats["apple-coremedia-hevc-portrait-editlist.mp4"], "mov")
        self.assertEqual(formats["macos-screen-recording-kap-avfoundation.mp4"], "mov")
        self.assertEqual(formats["android-3gp5-brand-h264-portrait-rotate90.mp4"], "mp4")
        self.assertEqual(self.ours["android-3gp5-brand-h264-portrait-rotate90.mp4"]["container"]["brand"], "3gp5")
        self.assertEqual(formats["mkvmerge-8-subrip-tracks-commentary-audio.mkv"], "matroska")
        self.assertEqual(formats["chrome-mediarecorder-opus-no-duration.webm"], "webm")
        self.assertEqual(formats["sony-a7m3-avchd-1080i50-ac3-pgs.mts"], "mpegts")

    def test_anamorphic_and_display_size(self):
        v = self.ours["dvb-sd-576i25-mpeg2-anamorphic-16x9.ts"]["video"]
        self.assertEqual((v["sar"], v["dar"]), ("64:45", "16:9"))
        self.assertEqual((v["display_width"], v["display_height"]), (1024, 576))
        v = self.ours["iphone6-ios12-h264-portrait-rotate90-gps.mov"]["video"]
        self.assertEqual((v["display_width"], v["display_height"]), (320, 568))

    def test_subtitles_and_audio(self):
        mkv = self.ours["mkvmerge-8-subrip-tracks-commentary-audio.mkv"]
        self.assertEqual(len(mkv["subtitles"]), 8)
        self.assertEqual({s["codec"] for s in mkv["subtitles"]}, {"subrip"})
        self.assertEqual(len(mkv["audio_streams"]), 2)
        self.assertIsNone(self.ours["after-effects-2020-export-xmp-noaudio.mov"]["audio"])

    def test_variable_frame_rate(self):
        self.assertFalse(self.ours["browser-capture-mediabunny-cursed-vfr.mp4"]["video"]["constant_frame_rate"])
        self.assertFalse(self.ours["flir-one-thermal-ios-vfr-portrait.mp4"]["video"]["constant_frame_rate"])
        self.assertTrue(self.ours["gopro-hero5-karma-drone-gpmf-tmcd.mp4"]["video"]["constant_frame_rate"])

    def test_measured_bitrate_is_plausible(self):
        for name, ref, ours in self.media():
            v = ours["video"]
            if not v or ours["truncated"] or v["frame_count"] < 10:
                continue
            with self.subTest(file=name):
                # The video can't carry more bits than the file holds.
                self.assertLessEqual(v["bitrate_measured"] * v["duration_s"] / 8, ours["size"] * 1.01)
                self.assertGreaterEqual(v["bitrate_peak"], v["bitrate_measured"] * 0.5)


if __name__ == "__main__":
    unittest.main()
