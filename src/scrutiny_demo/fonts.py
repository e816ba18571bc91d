"""Widths of the PDF core fonts, so the layout breaks lines where a PDF viewer would.

The widths are the Adobe metrics that fpdf2 ships; the core fonts themselves need no
embedding, which keeps files small and generation fast.
"""

from functools import lru_cache

FACES = {
    ("helvetica", "regular"): ("Helvetica", "helvetica"),
    ("helvetica", "bold"): ("Helvetica-Bold", "helveticaB"),
    ("helvetica", "italic"): ("Helvetica-Oblique", "helveticaI"),
    ("times", "regular"): ("Times-Roman", "times"),
    ("times", "bold"): ("Times-Bold", "timesB"),
    ("times", "italic"): ("Times-Italic", "timesI"),
}


@lru_cache(maxsize=None)
def _char_widths(metrics_key: str) -> dict[str, float]:
    from fpdf.fonts import CORE_FONTS_CHARWIDTHS

    table = CORE_FONTS_CHARWIDTHS[metrics_key]
    widths = {}
    for code in range(256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        widths[char] = table[chr(code)] / 1000.0
    return widths


class FontMetrics:
    """Text widths at 1 pt for one face, with a cache of words already measured."""

    def __init__(self, family: str, style: str):
        self.pdf_name, metrics_key = FACES[(family, style)]
        self._chars = _char_widths(metrics_key)
        self._words: dict[str, float] = {}
        self.space = self._chars[" "]

    def width(self, text: str) -> float:
        cached = self._words.get(text)
        if cached is None:
            chars = self._chars
            cached = sum(chars.get(c, 0.5) for c in text)
            self._words[text] = cached
        return cached
