"""The pack engine end to end, through tests/tools/pack_demo.cpp (pack::execute on a JSON plan):
kill -9 at random moments never leaves a partial file under a final name and a re-run finishes
the job; the manifest passes the real `sha256sum -c`; a full tmpfs stops the copy cleanly; the
ZIP has UTF-8 names."""
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zipfile

from mpcheck_test import mount_tmpfs

DEMO = os.environ.get("MPCHECK_PACK_DEMO", "")
UNIT = "钟楼区委组织部"
TEMP_PREFIX = ".mpcheck-tmp-"
OWN = {"manifest-sha256.txt", ".mpcheck-pack-state"}
KILLS = int(os.environ.get("MPCHECK_PACK_KILLS", "32"))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def make_sources(root, sizes, seed=1):
    """Random files of `sizes` bytes under root; returns the plan's copies."""
    rng = random.Random(seed)
    copies = []
    for i, size in enumerate(sizes):
        src = os.path.join(root, f"src{i:02d}.bin")
        with open(src, "wb") as f:
            f.write(rng.randbytes(size))
        folder = "作品" if i % 2 == 0 else "表格/附件 二"
        copies.append({"source": src, "dest": f"{folder}/第{i:02d}号-微视频-{UNIT}.mp4"})
    return copies


def write_plan(path, copies, generated=()):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"copies": copies, "generated": list(generated)}, f, ensure_ascii=False)
    return path


def demo(plan, out, *args, timeout=600):
    p = subprocess.run([DEMO, plan, out, *args], capture_output=True, text=True, timeout=timeout)
    try:
        return p.returncode, json.loads(p.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")


class PackEngineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not DEMO or not os.path.exists(DEMO):
            raise unittest.SkipTest("MPCHECK_PACK_DEMO not set (run through ctest)")

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-pack-")
        self.src = os.path.join(self.tmp, "材料")
        os.makedirs(self.src)
        self.mounts = []

    def tearDown(self):
        for m in reversed(self.mounts):
            subprocess.run(["umount", "-l", m], capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def plan(self, copies, generated=(), name="plan.json"):
        return write_plan(os.path.join(self.tmp, name), copies, generated)

    # -- invariants ----------------------------------------------------------------------
    def assert_no_partial_file(self, out, copies, generated=()):
        """Every file under a final name is complete and byte-identical to its source; the
        state file never vouches for a file that is not; a manifest, when there, checks."""
        expected = {c["dest"]: self.source_sha[c["source"]] for c in copies}
        expected.update({g["dest"]: hashlib.sha256(g["content"].encode()).hexdigest() for g in generated})
        for folder, _, files in os.walk(out):
            for name in files:
                rel = os.path.relpath(os.path.join(folder, name), out)
                if name.startswith(TEMP_PREFIX) or rel in OWN:
                    continue
                self.assertIn(rel, expected, f"unexpected file {rel}")
                self.assertEqual(sha256(os.path.join(out, rel)), expected[rel], f"partial {rel}")
        state = os.path.join(out, ".mpcheck-pack-state")
        if os.path.exists(state):
            with open(state, encoding="utf-8") as f:
                lines = f.read().split("\n")[1:-1]
            for line in lines:
                digest, _, _, dest = line.split(" ", 3)
                self.assertEqual(sha256(os.path.join(out, dest)), digest, f"state lies about {dest}")
        if os.path.exists(os.path.join(out, "manifest-sha256.txt")):
            self.assert_sha256sum_passes(out)

    def assert_sha256sum_passes(self, out):
        p = subprocess.run(["sha256sum", "-c", "--strict", "manifest-sha256.txt"], cwd=out,
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        return p.stdout

    def assert_finished(self, plan, out, copies, generated=()):
        code, result = demo(plan, out)
        self.assertEqual(code, 0, result)
        self.assertTrue(result["ok"])
        self.assert_no_partial_file(out, copies, generated)
        self.assertEqual(len(result["files"]), len(copies) + len(generated))
        for f in result["files"]:
            self.assertTrue(os.path.isfile(os.path.join(out, f["dest"])), f["dest"])
        self.assertEqual(self.temp_files(out), [])
        code, again = demo(plan, out)
        self.assertEqual([f["copied"] for f in again["files"]], [False] * len(again["files"]))

    def full_run_seconds(self, plan):
        """How long an uninterrupted run takes (the median of three)."""
        times = []
        for i in range(3):
            out = os.path.join(self.tmp, f"timing{i}")
            t0 = time.monotonic()
            demo(plan, out)
            times.append(time.monotonic() - t0)
            shutil.rmtree(out)
        return sorted(times)[1]

    @staticmethod
    def temp_files(out):
        return [n for _, _, files in os.walk(out) for n in files if n.startswith(TEMP_PREFIX)]

    def hash_sources(self, copies):
        self.source_sha = {c["source"]: sha256(c["source"]) for c in copies}

    # -- kill -9 -------------------------------------------------------------------------
    def test_kill_9_at_random_moments_never_leaves_a_partial_file(self):
        sizes = [0, 1, 4096, 100_000, 3 << 20, 9 << 20, 6 << 20, 700_000, 12 << 20, 5]
        copies = make_sources(self.src, sizes)
        generated = [{"dest": "报告.txt", "content": "全部通过\n"}]
        self.hash_sources(copies)
        plan = self.plan(copies, generated)
        window = self.full_run_seconds(plan)
        rng = random.Random(20240901)
        mid_write = unfinished = 0  # kills that caught a file half-written / the job unfinished
        for i in range(KILLS):
            out = os.path.join(self.tmp, f"usb{i:02d}")
            kills = 1 + i % 3  # kill the first run, and sometimes the resumed ones too
            for k in range(kills):
                p = subprocess.Popen([DEMO, plan, out], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0, window))
                p.send_signal(signal.SIGKILL)
                p.wait()
                self.assert_no_partial_file(out, copies, generated)
                mid_write += bool(self.temp_files(out))
                finished = os.path.exists(os.path.join(out, "manifest-sha256.txt"))
                unfinished += not finished
                if k == 0:  # the disk's speed drifts: keep the kills inside the work
                    window *= 0.85 if finished else 1.05
            self.assert_finished(plan, out, copies, generated)
            shutil.rmtree(out)
        # The kills must land inside the work, not only before or after it.
        self.assertGreaterEqual(mid_write, KILLS // 4, (mid_write, unfinished))
        self.assertGreaterEqual(unfinished, KILLS // 2, (mid_write, unfinished))
        print(f"\n{KILLS} jobs, {sum(1 + i % 3 for i in range(KILLS))} kills: {mid_write} caught a "
              f"file half-written, {unfinished} left the job unfinished", end=" ")

    # -- sha256sum -c ----------------------------------------------------------------------
    def test_manifest_passes_sha256sum_check(self):
        copies = make_sources(self.src, [10, 0, 70_000, 5])
        copies[3]["dest"] = "带 空格 的 名字.txt"
        generated = [{"dest": "表格/汇总表.csv", "content": "作品,单位\n"}]
        self.hash_sources(copies)
        out = os.path.join(self.tmp, "usb")
        self.assert_finished(self.plan(copies, generated), out, copies, generated)
        report = self.assert_sha256sum_passes(out)
        self.assertEqual(report.count(": OK"), 5)
        with open(os.path.join(out, "manifest-sha256.txt"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines, sorted(lines, key=lambda l: l[66:].encode()))
        self.assertTrue(all(l[64:66] == "  " for l in lines))

    # -- full disk -------------------------------------------------------------------------
    def test_small_tmpfs_is_refused_before_writing(self):
        drive = os.path.join(self.tmp, "drive")
        if why := mount_tmpfs(drive, "size=5m"):
            self.skipTest(why)
        self.mounts.append(drive)
        copies = make_sources(self.src, [2 << 20, 2 << 20, 2 << 20])
        out = os.path.join(drive, "usb")
        code, result = demo(self.plan(copies), out)
        self.assertEqual((code, result["error_code"]), (3, "no-space"))
        self.assertRegex(result["error_detail"],
                         r"^not enough free space in .*/drive/usb: 6\.\d MB needed \(\d+ bytes\), "
                         r"5\.2 MB available \(5242880 bytes\)$")
        self.assertFalse(os.path.exists(out))

    def test_disk_full_during_the_copy_stops_cleanly(self):
        drive = os.path.join(self.tmp, "drive")
        if why := mount_tmpfs(drive, "size=5m"):
            self.skipTest(why)
        self.mounts.append(drive)
        copies = make_sources(self.src, [2 << 20, 2 << 20, 2 << 20])
        self.hash_sources(copies)
        out = os.path.join(drive, "usb")
        code, result = demo(self.plan(copies), out, "--no-space-check")
        self.assertEqual((code, result["error_code"]), (3, "no-space"))
        self.assertEqual(len(result["files"]), 2)
        self.assertFalse(os.path.exists(os.path.join(out, copies[2]["dest"])))
        self.assert_no_partial_file(out, copies)
        self.assertEqual(self.temp_files(out), [])

    def test_io_error_then_rerun_finishes(self):
        copies = make_sources(self.src, [3 << 20, 1 << 20])
        self.hash_sources(copies)
        plan, out = self.plan(copies), os.path.join(self.tmp, "usb")
        code, result = demo(plan, out, "--fail-write-after", str(1 << 20))
        self.assertEqual((code, result["error_code"]), (3, "io"))
        self.assert_no_partial_file(out, copies)
        self.assert_finished(plan, out, copies)

    # -- the rest ----------------------------------------------------------------------------
    def test_dry_run_creates_nothing(self):
        copies = make_sources(self.src, [10, 20])
        out = os.path.join(self.tmp, "usb")
        code, result = demo(self.plan(copies), out, "--dry-run")
        self.assertEqual(code, 0)
        self.assertEqual([f["copied"] for f in result["files"]], [False, False])
        self.assertFalse(os.path.exists(out))

    def test_zip_has_the_layout_with_utf8_names(self):
        copies = make_sources(self.src, [100_000, 0])
        generated = [{"dest": "报告.txt", "content": "全部通过\n" * 100}]
        zip_path = os.path.join(self.tmp, "报送.zip")
        out = os.path.join(self.tmp, "U盘")
        code, result = demo(self.plan(copies, generated), out, "--zip", zip_path)
        self.assertEqual((code, result["ok"], result["zip_ok"]), (0, True, True), result)
        with zipfile.ZipFile(zip_path) as z:
            self.assertIsNone(z.testzip())
            files = {i.filename: i for i in z.infolist() if not i.is_dir()}
            # The drive as pack left it, its manifest included: the archive verifies like it.
            self.assertEqual(sorted(files), sorted([c["dest"] for c in copies] +
                                                   ["报告.txt", "manifest-sha256.txt"]))
            for info in z.infolist():  # an ASCII name needs no flag
                if not info.filename.isascii():
                    self.assertTrue(info.flag_bits & 0x800, f"{info.filename} not flagged UTF-8")
            for c in copies:
                with open(c["source"], "rb") as f:
                    self.assertEqual(z.read(c["dest"]), f.read())
            with open(os.path.join(out, "manifest-sha256.txt"), "rb") as f:
                self.assertEqual(z.read("manifest-sha256.txt"), f.read())
            self.assertEqual(files[copies[0]["dest"]].compress_type, zipfile.ZIP_STORED)
            self.assertEqual(files["报告.txt"].compress_type, zipfile.ZIP_DEFLATED)
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith(TEMP_PREFIX)], [])


if __name__ == "__main__":
    unittest.main()
