"""Bar charts as PNG for the Word pack, drawn with Pillow: no browser, no network and no SVG
converter at run time. The drawing follows analysis/charts.bar_chart (label, bar, value and
share), so the picture in the document matches the SVG on the page; its numbers are in the table
printed after it, and its words in the picture's alt text."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scrutiny.analysis.charts import COLOURS, MUTED, TEXT, _fmt

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation")]
REGULAR = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")
BOLD = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")
SCALE = 2  # drawn at twice the size, so it stays sharp when printed
WIDTH = 720


def font_path(names=REGULAR) -> Path | None:
    for folder in FONT_DIRS:
        for name in names:
            if (folder / name).exists():
                return folder / name
    return None


def _font(size: int, bold: bool = False):
    path = font_path(BOLD if bold else REGULAR)
    if path:
        return ImageFont.truetype(str(path), size * SCALE)
    return ImageFont.load_default(size * SCALE)


def _fit(draw, text: str, font, width: float) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart_png(chart) -> bytes:
    """The chart (pack.Chart) as a PNG."""
    s = SCALE
    label_width, top, row = 230, 48, 38
    plot_left, plot_width = label_width + 12, WIDTH - label_width - 12 - 110
    height = top + max(len(chart.bars), 1) * row + 40
    image = Image.new("RGB", (WIDTH * s, height * s), "white")
    draw = ImageDraw.Draw(image)
    title_font, font, small = _font(17, bold=True), _font(13), _font(11)
    draw.text((12 * s, 12 * s), _fit(draw, chart.title, title_font, (WIDTH - 24) * s), font=title_font, fill=TEXT)
    peak = max((b.value for b in chart.bars), default=0) or 1
    for i, bar in enumerate(chart.bars):
        y = top + i * row
        width = max(plot_width * bar.value / peak, 1 if bar.value else 0)
        label = _fit(draw, bar.label, font, (label_width - 4) * s)
        draw.text((label_width * s, (y + 19) * s), label, font=font, fill=TEXT, anchor="rm")
        draw.rectangle([plot_left * s, (y + 7) * s, (plot_left + width) * s, (y + 31) * s], fill=COLOURS[0])
        value = _fmt(bar.value) + (" " + bar.note if bar.note else "")
        draw.text(((plot_left + width + 6) * s, (y + 19) * s), value, font=font, fill=TEXT, anchor="lm")
    draw.text((12 * s, (height - 20) * s), "UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0.",
              font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
