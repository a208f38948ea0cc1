"""`mpcheck check --format html` end to end: the page is built from a real check of generated
media, loaded in a real headless browser (Debian's chromium), and the test asserts that the
findings, the thumbnails (decoded by the browser) and the bit-rate curves are there, in
Chinese by default and English with --lang en."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zlib
from html.parser import HTMLParser

from check_tree import CLEAN, SUB, UNIT, changzhou, place
from mpcheck_test import fixture, run
from test_check import CZ

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISMATCH = f"作品/初心如磐-微视频-{UNIT}{SUB}.mp4"


class Page(HTMLParser):
    """What the page holds: its images, the check ids of its findings, its SVG curves."""

    def __init__(self):
        super().__init__()
        self.images, self.checks, self.curves, self.lang, self.text = [], [], 0, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "img":
            self.images.append(a)
        elif tag == "li" and "data-check" in a:
            self.checks.append((a["data-check"], a.get("class")))
        elif tag == "polyline":
            self.curves += 1

    def handle_data(self, data):
        self.text.append(data)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def parse(html):
    page = Page()
    page.feed(html)
    return page


def png_rows_vary(path):
    """True when the screenshot is a picture, not a blank page: its decompressed rows hold
    many different byte values."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) > 100


class HtmlReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mpcheck-html-")
        cls.root = os.path.join(cls.tmp, "drive")
        changzhou(cls.root)
        # The second work's clean version is another programme: an error to highlight.
        clean = f"{cls.root}/作品/初心如磐-微视频-{UNIT}{CLEAN}.mp4"
        os.remove(clean)
        place(fixture("h264-1080p25-8M.mp4"), clean)
        cls.html = os.path.join(cls.tmp, "报告 & <测试>.html")
        p = run("check", "--format", "html", "-o", cls.html, *CZ, cls.root)
        assert p.returncode == 1, p.stderr  # the mismatch is an error
        cls.page = parse(read(cls.html))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_the_page_is_self_contained_with_a_thumbnail_strip_per_video(self):
        page = self.page
        self.assertEqual(page.lang, "zh-CN")
        self.assertIn("mpcheck 检查报告", "".join(page.text))
        # Four videos, two samples each (3-second fixtures sample at 1 s and 2 s).
        self.assertEqual(len(page.images), 8)
        for img in page.images:
            self.assertTrue(img["src"].startswith("data:image/jpeg;base64,"), img["src"][:40])
            self.assertEqual((img["width"], img["height"]), ("240", "136"))
        self.assertEqual(page.curves, 4)  # a bit-rate curve per video
        html = read(self.html)
        self.assertNotIn("http://", html.replace("http://www.w3.org", ""))
        self.assertNotIn("https://", html)

    def test_findings_are_highlighted_with_their_fix(self):
        self.assertIn(("subtitles.pair-mismatch", "error"), self.page.checks)
        text = "".join(self.page.text)
        self.assertIn("有字幕版和无字幕版不是同一个节目", text)
        self.assertIn("怎么改：从同一个剪辑工程分别导出", text)
        self.assertIn("有字幕版 · ", text)  # the pair side by side
        self.assertIn("无字幕版 · ", text)

    def test_english(self):
        out = os.path.join(self.tmp, "en.html")
        run("check", "--format", "html", "--lang", "en", "-o", out, *CZ, self.root)
        page = parse(read(out))
        self.assertEqual(page.lang, "en")
        text = "".join(page.text)
        self.assertIn("the subtitled and the clean versions are not the same programme", text)
        self.assertIn("subtitled · ", text)

    def test_fast_says_no_pictures_were_decoded(self):
        out = os.path.join(self.tmp, "fast.html")
        run("check", "--format", "html", "--fast", "-o", out, *CZ, self.root)
        page = parse(read(out))
        self.assertEqual(page.images, [])
        self.assertIn("用 --fast 检查：没有解码画面", "".join(page.text))

    @unittest.skipUnless(CHROMIUM, "chromium is not installed (apt-get install chromium)")
    def test_a_real_browser_shows_the_pictures(self):
        flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--virtual-time-budget=5000"]
        url = "file://" + self.html.replace("%", "%25").replace("&", "%26").replace(" ", "%20") \
            .replace("<", "%3C").replace(">", "%3E")
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
        self.assertEqual(dom.returncode, 0, dom.stderr[-2000:])
        # The page's own load handler counts the pictures the browser could decode.
        self.assertIn('data-images-shown="8"', dom.stdout)
        self.assertIn('data-check="subtitles.pair-mismatch"', dom.stdout)
        shot = os.path.join(self.tmp, "shot.png")
        p = subprocess.run(flags + ["--window-size=1280,1600", f"--screenshot={shot}", url],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertGreater(os.path.getsize(shot), 50_000)
        self.assertTrue(png_rows_vary(shot))


class PortraitHtmlTest(unittest.TestCase):
    """A portrait work (a phone's picture stored on its side, turned by its display matrix):
    its thumbnails are shown whole and upright, and the bit-rate chart has its axes, units and
    the allowed band labelled."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mpcheck-html-portrait-")
        video = f"{self.tmp}/drive/作品/竖屏-微视频-{UNIT}.mp4"
        place(fixture("h264-rotated-90.mp4"), video)
        self.html = os.path.join(self.tmp, "portrait.html")
        run("check", "--format", "html", "-o", self.html, *CZ, f"{self.tmp}/drive")
        self.text = read(self.html)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_portrait_thumbnails_sit_in_upright_boxes_and_the_chart_is_labelled(self):
        boxes = re.findall(r'class="turned" style="width:(\d+)px;height:(\d+)px"', self.text)
        self.assertTrue(boxes, self.text[:2000])
        for w, h in boxes:
            self.assertLess(int(w), int(h))  # an upright (portrait) box
        self.assertNotIn("overflow-x:auto", self.text)  # never clipped in a scroll box
        self.assertRegex(self.text, r'<text class="axis"[^>]*>[0-9.]+ Mbps</text>')
        self.assertIn('<text class="axis" x="56" y="112">0:00</text>', self.text)
        self.assertIn("允许范围 6.8–12.0 Mbps</text>", self.text)

    def test_a_real_browser_shows_every_portrait_thumbnail_whole(self):
        self.assertIsNotNone(CHROMIUM, "chromium is installed by scripts/setup.sh")
        flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--virtual-time-budget=5000"]
        dom = subprocess.run(flags + ["--dump-dom", "file://" + self.html], capture_output=True,
                             text=True, timeout=120)
        self.assertEqual(dom.returncode, 0, dom.stderr[-2000:])
        boxes = self.text.count('class="turned"')
        # The page's load handler measures each turned picture inside its box in the browser.
        self.assertIn(f'data-portrait-whole="{boxes}"', dom.stdout)
        shot = os.path.join(self.tmp, "portrait.png")
        p = subprocess.run(flags + ["--window-size=900,700", f"--screenshot={shot}",
                                    "file://" + self.html], capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertTrue(png_rows_vary(shot))


if __name__ == "__main__":
    unittest.main()
