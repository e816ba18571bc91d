"""A small PDF writer for paged reports: core fonts, WinAnsi text, no embedded fonts.

Written by hand because fpdf2 spends most of its time on features a report body never uses;
every byte here depends only on the report, so the same seed gives the same file.
"""

import hashlib
import zlib

from scrutiny_demo.fonts import FACES
from scrutiny_demo.layout import PAGE_HEIGHT, PAGE_WIDTH, PagedReport

STYLES = ("regular", "bold", "italic")


def pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_stream(ops) -> bytes:
    out = []
    for op in ops:
        if op[0] == "text":
            _, x, y, style, size, text = op
            font = STYLES.index(style) + 1
            out.append(
                b"BT /F%d %.1f Tf %.2f %.2f Td %s Tj ET"
                % (font, size, x, PAGE_HEIGHT - y, pdf_string(text))
            )
        elif op[0] == "rule":
            _, x1, y1, x2, y2 = op
            out.append(
                b"0.6 G 0.5 w %.2f %.2f m %.2f %.2f l S"
                % (x1, PAGE_HEIGHT - y1, x2, PAGE_HEIGHT - y2)
            )
        elif op[0] == "rect":
            _, x, y, w, h, grey = op
            out.append(b"%.2f g %.2f %.2f %.2f %.2f re f 0 g" % (grey, x, PAGE_HEIGHT - y - h, w, h))
    return b"\n".join(out)


def write_pdf(path, paged: PagedReport, font_family: str, info: dict) -> None:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    pages_root = add(b"")
    fonts = [
        add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % FACES[(font_family, style)][0].encode()
        )
        for style in STYLES
    ]
    font_dict = b" ".join(b"/F%d %d 0 R" % (n + 1, ref) for n, ref in enumerate(fonts))
    page_refs = []
    for ops in paged.pages:
        data = zlib.compress(page_stream(ops), 6)
        stream = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))
        page_refs.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                b"/Resources << /Font << %s >> >> /Contents %d 0 R >>"
                % (pages_root, PAGE_WIDTH, PAGE_HEIGHT, font_dict, stream)
            )
        )
    kids = b" ".join(b"%d 0 R" % ref for ref in page_refs)
    objects[pages_root - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_refs))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_root
    # The creation date is the publication date, so reruns are byte-identical.
    stamp = info["published"].replace("-", "") + "090000Z"
    info_ref = add(
        b"<< /Title %s /Author %s /Producer (Scrutiny demo corpus) "
        b"/CreationDate (D:%s) /ModDate (D:%s) >>"
        % (pdf_string(info["title"]), pdf_string(info["author"]), stamp.encode(), stamp.encode())
    )
    file_id = hashlib.md5(info["name"].encode()).hexdigest().encode()

    chunks = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
    offsets, position = [], len(chunks[0])
    for number, body in enumerate(objects, start=1):
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        offsets.append(position)
        chunks.append(chunk)
        position += len(chunk)
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)]
    xref += [b"%010d 00000 n \n" % offset for offset in offsets]
    chunks.append(b"".join(xref))
    chunks.append(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info_ref, file_id, file_id, position)
    )
    with open(path, "wb") as handle:
        handle.write(b"".join(chunks))
