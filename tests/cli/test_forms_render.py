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
        "弘扬伟大建党精神", "2019-06-12", "我单位党员上台讲微党课共计2次，占党员总数的%，党员满意率为%。",
    ],
    "lecture_record.docx": [
        "“微党课人人讲”活动授课记录", "授课时间", "授课人", "授课主题", "主要内容", "参与人员",
        "讨论交流情况", "李明（支部书记）", "第一党小组全体党员（12人）", "党员结合岗位谈体会",
        "王芳（组织委员）", "我和我的祖国",
    ],
}
PAGES = {"summary.docx": 1, "entry_video.docx": 1, "entry_new_media.docx": 1,
         "statistics.docx": 1, "lecture_record.docx": 2}


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
                self.assertEqual(self.pages(pdf), PAGES[name])
                text = squeeze(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"],
                                              capture_output=True, text=True, check=True).stdout)
                for label in expected:
                    self.assertIn(squeeze(label), text, f"{name}: {label!r} not on the page")

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
