"""Regression tests for what fuzzing found (docs/fuzzing.md): each input is made here, at test
time, the way the fuzz target met it, and the real binary must take it quietly."""
import os
import subprocess
import tempfile
import unittest

from mpcheck_test import run, run_json


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


class FuzzRegressionsTest(unittest.TestCase):
    def test_damaged_jpeg_xl_prints_nothing(self):
        """libjxl prints its decoding errors to stderr; probe used to decode an image format it
        refuses anyway (avformat_find_stream_info), so a damaged .jxl wrote ~30 lines of
        "JXL_FAILURE ..." into the receiver's terminal and made scripts/sanitize.sh fail."""
        with tempfile.TemporaryDirectory() as d:
            good = os.path.join(d, "poster.jxl")
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=64x64", "-frames:v", "1",
                   "-c:v", "libjxl", "-f", "image2pipe", good)
            data = open(good, "rb").read()
            paths = [good]
            for offset in (16, len(data) // 2, len(data) - 40):
                damaged = bytearray(data)
                damaged[offset] ^= 0x55
                path = os.path.join(d, f"damaged-{offset}.jxl")
                with open(path, "wb") as f:
                    f.write(damaged)
                paths.append(path)
            p, out = run_json("probe", "--format", "json", *paths)
            self.assertEqual(p.returncode, 0)
            self.assertEqual(p.stderr, "")
            for f in out["files"]:
                self.assertEqual(f["error"]["code"], "not-media", f["path"])
            p = run("check", "--rules", "changzhou-2024", "--fast", d)
            self.assertIn(p.returncode, (0, 1))
            self.assertEqual(p.stderr, "")


if __name__ == "__main__":
    unittest.main()
