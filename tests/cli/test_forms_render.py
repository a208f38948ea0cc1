"""The generated forms open in a real word processor: LibreOffice converts each one to PDF,
and the PDF's text holds the form's labels and the sample values (tests/tools/forms_demo.cpp).
LibreOffice (libreoffice-writer-nogui) and poppler-utils are in scripts/packages-test.txt, so
CI has them: a missing tool fails the test, it never skips."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

FORMS_DEMO = os.environ.get("MPCHECK_FORMS_DEMO", "")

# For each form: text the rendered pages must contain (compared without whitespace, since
# PDF text extraction breaks lines and spaces cells freely).
EXPECTED = {
    "summary.docx": [
        "附件4", "全市党员教育作品观摩交流活动汇总表", "报送单位:天宁区委组织部", "联系人:钟天翼",
        "联系电话:85680635", "序号", "作品名称", "类别", "制作单位", "初心如磐<使命>&“担当”",
        "龙城先锋说", "新媒体作品", "注：本表纸质版报送1式2份。“类别”栏根据作品分类填写。",
    ],
    "entry_video.docx": [
        "附件2", "全市党员教育作品观摩交流活动报名表（一）",
        "（典型事迹片、纪录片、培训片、文艺片、微视频和“党课开讲啦”视频）", "报送单位：天宁区委组织部",
        "名称", "制作单位", "类别", "总集数", "每集时长", "主创人员", "内容简介", "报送单位意见",
        "（盖章）", "年月日", "注：本表纸质版报送1式2份。", "初心如磐<使命>&“担当”", "天宁区融媒体中心",
        "微视频", "5集", "7.5分钟", "李明、王芳、赵强", "以小切口展现党建引领基层治理的成效。",
    ],
    "entry_new_media.docx": [
        "附件3", "全市党员教育作品观摩交流活动报名表（二）", "（新媒体作品）", "名称", "类型", "发布平台",
        "传播效果", "内容简介", "报送单位意见", "(盖章)", "龙城先锋说", "微信推文", "常州龙城先锋微信公众号",
        "累计阅读量3.2万次", "“类型”栏填呈现形态：如微信推文、H5、海报等",
    ],
    "statistics.docx": [
        "附件1", "焦作市“我和我的祖国”微型党课系列活动统计表", "报送单位（盖章）：天宁区委组织部",
        "报送日期：月日", "讲课人姓名", "职务", "微党课题目", "讲课日期", "听课人数", "李明", "支部书记",
        "弘扬伟大建党精神", "2019年6月12日",
        "我单位党员上台讲微党课共计12次，占党员总数的%，党员满意率为%。",
    ],
    "statistics_30.docx": ["讲师30", "我单位党员上台讲微党课共计30次"],
    "lecturers.docx": [
        "附件2", "焦作市微型党课宣讲员师资库统计表", "县市区（盖章）：天宁区委组织部", "姓名", "性别",
        "出生年月", "单位", "职务", "手机号", "李明", "男", "1975年3月", "13903910001", "张华",
        "13903910024",
    ],
    "entry_video_long.docx": ["附件2", "报送单位意见", "（盖章）", "年月日", "注：本表纸质版报送1式2份。"],
    "entry_new_media_long.docx": [
        "附件3", "报送单位意见", "(盖章)", "年月日", "注：本表纸质版报送1式2份。", "反响等。",
    ],
    "lecture_record.docx": [
        "“微党课人人讲”活动授课记录", "授课时间", "授课人", "授课主题", "主要内容", "参与人员",
        "讨论交流情况", "李明（支部书记）", "第一党小组全体党员（12人）", "党员结合岗位谈体会",
        "王芳（组织委员）", "我和我的祖国", "2019年7月3日",
    ],
}
# Page counts; None: as many as the table needs (statistics.docx: one or two).
PAGES = {"summary.docx": 1, "entry_video.docx": 1, "entry_new_media.docx": 1,
         "entry_video_long.docx": 1, "entry_new_media_long.docx": 1, "statistics.docx": None,
         "statistics_30.docx": None, "lecturers.docx": 2, "lecture_record.docx": 2}

# The lecture rows of the demo's 统计表 (tests/tools/forms_demo.cpp, many_lectures): speaker,
# day as printed, 听课人数.
def lecture_rows(count):
    rows = [("李明", "2019年6月12日", "45"), ("王芳", "2019年7月3日", "38")]
    for i in range(3, count + 1):
        rows.append((f"讲师{i:02d}", f"2019年{7 + i % 6}月{i}日", str(30 + i)))
    return rows


def squeeze(text):
    return re.sub(r"\s+", "", text)


class FormsRender(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = shutil.which("libreoffice") or shutil.which("soffice")
        if not cls.office:
            raise AssertionError("libreoffice is not installed (scripts/setup.sh installs "
                                 "libreoffice-writer-nogui)")
        for tool in ("pdfinfo", "pdftotext", "pdfimages"):
            if not shutil.which(tool):
                raise AssertionError(f"{tool} is not installed (poppler-utils)")
        if not FORMS_DEMO or not os.path.exists(FORMS_DEMO):
            raise AssertionError("MPCHECK_FORMS_DEMO does not name the mpcheck_forms_demo binary")
        cls.tmp = tempfile.TemporaryDirectory(prefix="mpcheck-forms-")
        cls.forms = os.path.join(cls.tmp.name, "forms")
        cls.pdf = os.path.join(cls.tmp.name, "pdf")
        subprocess.run([FORMS_DEMO, cls.forms], check=True, timeout=60)
        # A private profile: no interference with (or from) a user's running LibreOffice.
        profile = "file://" + os.path.join(cls.tmp.name, "profile")
        docs = sorted(os.path.join(cls.forms, name) for name in EXPECTED)
        subprocess.run([cls.office, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", cls.pdf, *docs],
                       check=True, capture_output=True, timeout=300)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def pdf_of(self, name):
        path = os.path.join(self.pdf, name.replace(".docx", ".pdf"))
        self.assertTrue(os.path.exists(path), f"LibreOffice did not convert {name}")
        return path

    def pages(self, pdf):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

    def test_each_form_renders_with_its_labels_and_values(self):
        for name, expected in EXPECTED.items():
            with self.subTest(form=name):
                pdf = self.pdf_of(name)
                if PAGES[name] is not None:
                    self.assertEqual(self.pages(pdf), PAGES[name])
                text = squeeze(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"],
                                              capture_output=True, text=True, check=True).stdout)
                for label in expected:
                    self.assertIn(squeeze(label), text, f"{name}: {label!r} not on the page")

    def page_texts(self, pdf):
        """The -layout text of each page: a cell's lines stay on their own text lines."""
        return [subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(n), "-l", str(n),
                                pdf, "-"], capture_output=True, text=True, check=True).stdout
                for n in range(1, self.pages(pdf) + 1)]

    def test_each_entry_form_is_one_page_with_its_seal_for_the_longest_text(self):
        for name in ("entry_video_long.docx", "entry_new_media_long.docx"):
            with self.subTest(form=name):
                pdf = self.pdf_of(name)
                self.assertEqual(self.pages(pdf), 1)
                page = squeeze(self.page_texts(pdf)[0])
                for label in ("盖章", "年月日", "注：本表纸质版报送1式2份"):
                    self.assertIn(label, page)
                # The whole 500-character summary is on the page: its last sentence too.
                self.assertIn("展现党建引领基层治理的生动实践。", page)

    def check_lecture_table(self, name, count):
        pdf = self.pdf_of(name)
        pages = self.page_texts(pdf)
        if count > 20:
            self.assertGreaterEqual(len(pages), 2, f"{name}: {count} lectures on one page")
        for n, page in enumerate(pages, 1):
            flat = squeeze(page)
            for header in ("讲课人姓名", "职务", "微党课题目", "讲课日期", "听课人数"):
                self.assertIn(header, flat, f"{name}: page {n} has no header {header}")
        for speaker, day, audience in lecture_rows(count):
            # Every row whole on one page: its speaker, its day and its audience together, the
            # day on one text line (never broken over two; word processors set a gap between
            # Chinese and digits, which the text shows as spaces).
            holding = [n for n, page in enumerate(pages, 1) if speaker in squeeze(page)]
            self.assertEqual(len(holding), 1, f"{name}: {speaker} on pages {holding}")
            page = pages[holding[0] - 1]
            one_line = "[ \t]*".join(re.escape(part) for part in re.findall(r"\d+|\D", day))
            self.assertRegex(page, one_line, f"{name}: {speaker}'s day {day} split or not on its page")
            self.assertRegex(page, rf"(?<!\d){audience}(?!\d)")
        self.assertIn(f"共计{count}次", squeeze(pages[-1]))

    def test_statistics_table_keeps_every_row_whole_under_a_header_on_every_page(self):
        self.check_lecture_table("statistics.docx", 12)
        self.check_lecture_table("statistics_30.docx", 30)

    def test_lecturers_table_repeats_its_header(self):
        pages = self.page_texts(self.pdf_of("lecturers.docx"))
        for n, page in enumerate(pages, 1):
            for header in ("姓名", "性别", "出生年月", "手机号"):
                self.assertIn(header, squeeze(page), f"page {n} has no header {header}")
        surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
        for i in range(3, 25):
            holding = [n for n, page in enumerate(pages, 1) if f"{surnames[i - 1]}华" in squeeze(page)]
            self.assertEqual(len(holding), 1)
            self.assertIn(f"139039100{i:02d}", pages[holding[0] - 1])

    def test_new_media_form_shows_the_qr_picture(self):
        listing = subprocess.run(["pdfimages", "-list", self.pdf_of("entry_new_media.docx")],
                                 capture_output=True, text=True, check=True).stdout
        self.assertRegex(listing, r"\n\s*1\s+\d+\s+image\s+264\s+264\s")

    def test_qr_picture_replaces_the_placeholder(self):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", self.pdf_of("entry_new_media.docx"), "-"],
                              capture_output=True, text=True, check=True).stdout
        self.assertNotIn("(二维码)", text)


if __name__ == "__main__":
    unittest.main()
