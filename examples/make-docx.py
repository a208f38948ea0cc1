#!/usr/bin/env python3
"""Writes a minimal, valid Word document (.docx) from a plain-text outline on stdin.

usage: make-docx.py OUT.docx < outline

Outline lines:
  "# text"          a heading (bold, larger)
  "a | b | c"       a table row; consecutive rows make one table (bordered, one grid column per cell)
  "" (empty)        ends a table
  anything else     a paragraph

The package holds only what Word, WPS and LibreOffice need: [Content_Types].xml, _rels/.rels and
word/document.xml. Entries carry a fixed timestamp, so the same outline gives the same bytes.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)

RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def paragraph(text, heading=False):
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if heading else ""
    run_props = '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr>' if heading else ""
    return f'<w:p>{props}<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def table(rows):
    columns = max(len(row) for row in rows)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(columns))
    body = []
    for row in rows:
        cells = row + [""] * (columns - len(row))
        body.append("<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in cells) + "</w:tr>")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"
    )


def document(outline):
    parts, rows = [], []
    for line in outline.splitlines():
        if "|" in line:
            rows.append([cell.strip() for cell in line.split("|")])
            continue
        if rows:
            parts.append(table(rows))
            parts.append(paragraph(""))  # Word wants a paragraph between and after tables
            rows = []
        if line.startswith("# "):
            parts.append(paragraph(line[2:], heading=True))
        elif line.strip():
            parts.append(paragraph(line))
    if rows:
        parts.append(table(rows))
        parts.append(paragraph(""))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(parts)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-docx.py OUT.docx < outline")
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document(sys.stdin.read())),
    ]
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
