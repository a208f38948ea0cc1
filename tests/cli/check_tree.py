"""Builds submission trees for the end-to-end tests of `mpcheck check` from the fixtures."""
import os
import shutil
import subprocess

from mpcheck_test import fixture

UNIT = "钟楼区委组织部"
SUB = "（有字幕）"
CLEAN = "（无字幕）"


def place(src, dst):
    """Hard-links (or copies) a fixture to dst, creating folders. A file already at dst is
    removed first: copying onto it would write through its hard link into the shared fixture."""
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.lexists(dst):
        os.remove(dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy(src, dst)


def docx(path, text="表格"):
    """A minimal real Word document (python3 zipfile)."""
    import zipfile
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f'<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')


# The two programmes of the fixtures, each as (subtitled, clean).
PROGRAMMES = (("h264-1080p25-8M-subtitled.mp4", "h264-1080p25-8M.mp4"),
              ("h264-1080p25-8M-prog2-subtitled.mp4", "h264-1080p25-8M-prog2.mp4"))


def changzhou(root, titles=("奋斗者之歌", "初心如磐"), unit=UNIT):
    """A complete, correct Changzhou submission: 作品 (both versions of each 微视频), 表格
    (报名表, 汇总表) and 文本 (one 解说词 per work). Works alternate between the two
    programmes, so two works are different content; from the third on they repeat
    (work.duplicate warnings)."""
    for i, t in enumerate(titles):
        subtitled, clean = PROGRAMMES[i % 2]
        place(fixture(subtitled), f"{root}/作品/{t}-微视频-{unit}{SUB}.mp4")
        place(fixture(clean), f"{root}/作品/{t}-微视频-{unit}{CLEAN}.mp4")
        docx(f"{root}/文本/{t}-解说词-{unit}.docx", "解说词")
    docx(f"{root}/表格/报名表-{unit}.docx", "报名表")
    docx(f"{root}/表格/汇总表-{unit}.docx", "汇总表")
    return root


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)
