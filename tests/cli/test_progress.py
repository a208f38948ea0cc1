"""The progress line of check and pack: drawn on stderr when it is a terminal (a pseudo-
terminal here), updated in place with '\\r' and erased at the end; never when stderr is a
pipe or --quiet is given; the report on stdout is the same either way."""
import fcntl
import json
import os
import pty
import struct
import termios
import unicodedata
import shutil
import subprocess
import tempfile
import unittest

from check_tree import UNIT, changzhou
from mpcheck_test import MPCHECK

CZ = ("--rules", "changzhou-2024", "--as-of", "2024-09-01")
FAST = (*CZ, "--fast")  # no decoding: probing is all the progress there is


def run_on_terminal(*args, columns=120):
    """Runs mpcheck with stderr on a pseudo-terminal `columns` wide and stdout into a file;
    returns (exit code, stdout, every byte written to the terminal)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    out = tempfile.TemporaryFile()
    p = subprocess.Popen([MPCHECK, *args], stdout=out, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the last holder of the terminal is gone
            break
        if not chunk:
            break
        seen += chunk
    p.wait(timeout=300)
    os.close(master)
    out.seek(0)
    with out:
        return p.returncode, out.read().decode(), seen.decode()


class ProgressTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-progress-")
        self.root = changzhou(os.path.join(self.tmp, "drive"))
        self.files = sum(len(files) for _, _, files in os.walk(self.root))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def assert_line_drawn_and_erased(self, seen, final):
        self.assertIn("\r", seen)
        self.assertIn(final, seen)
        # The last thing written blanks the line and returns to its start.
        self.assertRegex(seen, r"\r *\r$")
        self.assertNotIn("\n", seen)  # one line, updated in place

    def test_check_draws_one_line_on_a_terminal(self):
        code, stdout, seen = run_on_terminal("check", "--format", "json", *CZ, self.root)
        self.assertEqual(code, 0, seen)
        self.assert_line_drawn_and_erased(seen, f"已检查 {self.files}/{self.files} 个文件")
        self.assertRegex(seen, r"已检查 \d+/\d+ 个文件  [\d.]+ [KM]?B/[\d.]+ [KM]?B")
        self.assertEqual(json.loads(stdout)["summary"]["files"], self.files)  # the report intact

    def test_check_in_english(self):
        code, _, seen = run_on_terminal("check", "--lang", "en", *FAST, self.root)
        self.assert_line_drawn_and_erased(seen, f"checked {self.files}/{self.files} files")

    def test_a_narrow_terminal_gets_a_shorter_line(self):
        code, _, seen = run_on_terminal("check", *FAST, self.root, columns=24)
        self.assertIn(f"已检查 {self.files}/{self.files} 个文件", seen)
        for line in seen.split("\r"):
            width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip())
            self.assertLess(width, 24, line)  # never wraps, so '\r' can redraw it

    def test_quiet_and_pipes_get_no_progress(self):
        code, stdout, seen = run_on_terminal("check", "--quiet", "--format", "json", *FAST, self.root)
        self.assertEqual(seen, "")
        self.assertEqual(json.loads(stdout)["summary"]["files"], self.files)
        p = subprocess.run([MPCHECK, "check", "--format", "json", *FAST, self.root], capture_output=True)
        self.assertEqual(p.stderr, b"")
        self.assertNotIn(b"\r", p.stdout)

    def test_pack_shows_copying_then_checking(self):
        out = os.path.join(self.tmp, "usb")
        code, stdout, seen = run_on_terminal("pack", self.root, *FAST, "--unit", UNIT, "--out", out)
        self.assertEqual(code, 0, stdout + seen)
        self.assertRegex(seen, r"已复制 \d+/\d+ 个文件")
        self.assertRegex(seen, r"已检查 \d+/\d+ 个文件")
        self.assertLess(seen.index("已复制"), seen.rindex("已检查"))
        self.assertRegex(seen, r"\r *\r$")
        self.assertIn("已打包到", stdout)


if __name__ == "__main__":
    unittest.main()
