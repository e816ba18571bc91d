"""Charts as SVG written by hand: no JavaScript, no network, the same file on the page and as a
download, so a chart copied into a briefing is the one the reader saw.

Each chart is self-contained (its own font stack, white background, visible title and source
line) and accessible: role="img" with a <title> and <desc>, text no smaller than 12px at its
natural size, colours of at least 3:1 against white (WCAG 1.4.11), and never colour alone:
lines carry different markers and dashes, bars different fill patterns, and every bar its value.
"""

import math
from dataclasses import dataclass
from html import escape

WIDTH = 720
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
TEXT = "#0b0c0c"
MUTED = "#505a5f"  # 7:1 on white
GRID = "#b1b4b6"
# Dark enough for 3:1 against white (most well above), distinct for common colour blindness
# when taken with the markers and patterns below. "Other" is always the grey at the end.
COLOURS = ["#0b4f5c", "#b34700", "#1d70b8", "#6f3c96", "#00703c", "#a3195b", "#594d00", "#1b3f91"]
OTHER_COLOUR = "#626a6e"
MARKERS = ["circle", "square", "triangle", "diamond", "cross", "triangle-down", "bar", "plus"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3"]
PATTERNS = ["solid", "hatch", "dots", "cross-hatch", "vertical", "solid", "hatch", "dots"]


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]
    is_other: bool = False


def _e(text) -> str:
    return escape(str(text), quote=True)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _wrapped(label: str, x: float, y: float, per_line: int = 30, anchor: str = "end") -> str:
    """A label on at most two lines (the second cut with an ellipsis), centred on y."""
    words, lines = label.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > per_line:
            if len(lines) == 2:
                lines[-1] = _short(lines[-1] + " " + word, per_line)
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    lines = [_short(line, per_line) for line in lines]
    top = y - 8 * (len(lines) - 1)
    spans = "".join(f'<tspan x="{x}" y="{top + 16 * i:.1f}">{_e(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text text-anchor="{anchor}" font-size="13">{spans}</text>'


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`: 0, 50, 100… rather than 0, 47, 94…"""
    if top <= 0:
        return [0, 1]
    rough = top / count
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    if step < 1:
        step = 1
    ticks, value = [0.0], 0.0
    while value < top:
        value += step
        ticks.append(value)
    return ticks


def _frame(chart_id: str, title: str, desc: str, height: int, body: list[str], source: str) -> str:
    """The chart's shell; `source` (lines of the citation) is printed under the drawing."""
    defs = _pattern_defs(chart_id)
    lines = [_short(line, 110) for line in source.splitlines() if line.strip()]
    height += 18 * len(lines)
    footer = [f'<text x="12" y="{height - 10 - 18 * (len(lines) - 1 - i)}" font-size="12" fill="{MUTED}">{_e(line)}</text>'
              for i, line in enumerate(lines)]
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="npm-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{_e(FONT)}" font-size="14" fill="{TEXT}">',
        f'<title id="{chart_id}-title">{_e(title)}</title>',
        f'<desc id="{chart_id}-desc">{_e(desc)}</desc>',
        defs,
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="26" font-size="18" font-weight="bold">{_e(_short(title, 80))}</text>',
        *body,
        *footer,
        "</svg>",
    ])


def _pattern_defs(chart_id: str) -> str:
    """Fill patterns, so that bars of different series differ in more than colour."""
    parts = ["<defs>"]
    for index, colour in enumerate(COLOURS + [OTHER_COLOUR]):
        kind = PATTERNS[index % len(PATTERNS)] if index < len(COLOURS) else "solid"
        pid = f"{chart_id}-fill-{index}"
        if kind == "solid":
            continue
        parts.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
                     f'<rect width="8" height="8" fill="#ffffff"/>')
        if kind == "hatch":
            parts.append(f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{colour}" stroke-width="2.5"/>')
        elif kind == "dots":
            parts.append(f'<rect width="8" height="8" fill="{colour}" opacity="0.25"/><circle cx="4" cy="4" r="2.2" fill="{colour}"/>')
        elif kind == "cross-hatch":
            parts.append(f'<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{colour}" stroke-width="2"/>')
        elif kind == "vertical":
            parts.append(f'<path d="M2,0 v8 M6,0 v8" stroke="{colour}" stroke-width="2.5"/>')
        parts.append("</pattern>")
    parts.append("</defs>")
    return "".join(parts)


def _fill(chart_id: str, index: int, is_other: bool = False) -> tuple[str, str]:
    """(fill, stroke) for the index-th series of bars."""
    if is_other:
        return OTHER_COLOUR, OTHER_COLOUR
    colour = COLOURS[index % len(COLOURS)]
    if PATTERNS[index % len(PATTERNS)] == "solid":
        return colour, colour
    return f"url(#{chart_id}-fill-{index % len(COLOURS)})", colour


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f},{y - r - 1:.1f} l{r + 1},{2 * r + 1} h-{2 * r + 2}z" fill="{colour}"/>'
    if kind == "triangle-down":
        return f'<path d="M{x:.1f},{y + r + 1:.1f} l{r + 1},-{2 * r + 1} h-{2 * r + 2}z" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f},{y - r - 1:.1f} l{r + 1},{r + 1} l-{r + 1},{r + 1} l-{r + 1},-{r + 1}z" fill="{colour}"/>'
    if kind == "cross":
        return f'<path d="M{x - r:.1f},{y - r:.1f} l{2 * r},{2 * r} M{x + r:.1f},{y - r:.1f} l-{2 * r},{2 * r}" stroke="{colour}" stroke-width="2.5"/>'
    if kind == "plus":
        return f'<path d="M{x - r:.1f},{y:.1f} h{2 * r} M{x:.1f},{y - r:.1f} v{2 * r}" stroke="{colour}" stroke-width="2.5"/>'
    return f'<rect x="{x - r:.1f}" y="{y - 1.5:.1f}" width="{2 * r}" height="3" fill="{colour}"/>'


def _legend(items: list[str], top: float, longest: int = 0) -> tuple[list[str], float]:
    """Legend entries (already drawn swatch + label, 24px tall) in rows of three, or of two when
    a label is too long to sit beside two others."""
    columns = 3 if longest <= 22 else 2
    parts, column_width = [], (WIDTH - 24) / columns
    for index, item in enumerate(items):
        x = 12 + (index % columns) * column_width
        y = top + (index // columns) * 24
        parts.append(f'<g transform="translate({x:.1f},{y:.1f})">{item}</g>')
    rows = math.ceil(len(items) / columns)
    return parts, rows * 24


def line_chart(chart_id: str, title: str, desc: str, categories: list[str], series: list[Series], source: str) -> str:
    """One line per series over the categories (periods), each line with its own marker and dash."""
    left, right, top, plot_height = 64, 44, 48, 300
    plot_width = WIDTH - left - right
    peak = max((v for s in series for v in s.values), default=0)
    ticks = nice_ticks(peak)
    y_of = lambda v: top + plot_height - plot_height * v / ticks[-1]  # noqa: E731
    step_x = plot_width / max(len(categories) - 1, 1)
    x_of = lambda i: left + (i * step_x if len(categories) > 1 else plot_width / 2)  # noqa: E731
    body = []
    for tick in ticks:
        y = y_of(tick)
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        body.append(f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end" font-size="13">{_fmt(tick)}</text>')
    label_every = max(1, math.ceil(len(categories) * 60 / plot_width))
    for i, category in enumerate(categories):
        if i % label_every == 0 or i == len(categories) - 1 and len(categories) <= 2:
            body.append(f'<text x="{x_of(i):.1f}" y="{top + plot_height + 22}" text-anchor="middle" font-size="13">{_e(category)}</text>')
    legend = []
    for index, one in enumerate(series):
        colour = OTHER_COLOUR if one.is_other else COLOURS[index % len(COLOURS)]
        marker = "bar" if one.is_other else MARKERS[index % len(MARKERS)]
        dash = "4 4" if one.is_other else DASHES[index % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(one.values))
        body.append(f'<g><polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        body.extend(_marker(marker, x_of(i), y_of(v), colour) for i, v in enumerate(one.values))
        body.append("</g>")
        legend.append(f'<line x1="0" x2="28" y1="-5" y2="-5" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
                      f'{_marker(marker, 14, -5, colour)}<text x="36" y="0">{_e(_short(one.label, 28))}</text>')
    legend_parts, legend_height = _legend(legend, top + plot_height + 56, max((len(_short(s.label, 28)) for s in series), default=0))
    body.extend(legend_parts)
    height = int(top + plot_height + 56 + legend_height + 24)
    return _frame(chart_id, title, desc, height, body, source)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""  # printed after the value, such as "(14%)"


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar], source: str) -> str:
    """Horizontal bars, largest first, each with its label on the left and its value at its end."""
    label_width, top, row = 230, 48, 38
    plot_left, plot_width = label_width + 12, WIDTH - label_width - 12 - 110
    peak = max((b.value for b in bars), default=0) or 1
    body = []
    for i, bar in enumerate(bars):
        y = top + i * row
        width = max(plot_width * bar.value / peak, 1 if bar.value else 0)
        body.append(_wrapped(bar.label, label_width, y + 23))
        body.append(f'<rect x="{plot_left}" y="{y + 7}" width="{width:.1f}" height="24" fill="{COLOURS[0]}"/>')
        body.append(f'<text x="{plot_left + width + 6:.1f}" y="{y + 24}">{_fmt(bar.value)}{_e(" " + bar.note if bar.note else "")}</text>')
    height = top + max(len(bars), 1) * row + 36
    return _frame(chart_id, title, desc, height, body, source)


def grouped_bar_chart(chart_id: str, title: str, desc: str, groups: list[str], series: list[Series],
                      source: str, unit: str = "%") -> str:
    """For each group (a theme), one horizontal bar per series (a setting), patterned and labelled
    with its value, so settings can be told apart in greyscale and by screen readers' table."""
    label_width, top, bar_height = 230, 48, 16
    group_height = max(bar_height * len(series) + 12, 40)
    plot_left, plot_width = label_width + 12, WIDTH - label_width - 12 - 70
    peak = max((v for s in series for v in s.values), default=0) or 1
    body = []
    for g, group in enumerate(groups):
        y0 = top + g * group_height
        body.append(_wrapped(group, label_width, y0 + (group_height - 12) / 2 + 5))
        for s, one in enumerate(series):
            value = one.values[g]
            fill, stroke = _fill(chart_id, s, one.is_other)
            width = plot_width * value / peak
            y = y0 + s * bar_height
            body.append(f'<rect x="{plot_left}" y="{y + 1}" width="{width:.1f}" height="{bar_height - 2}" fill="{fill}" stroke="{stroke}" stroke-width="1"/>')
            body.append(f'<text x="{plot_left + width + 5:.1f}" y="{y + bar_height - 3}" font-size="12">{_fmt(value)}{unit}</text>')
        body.append(f'<line x1="{plot_left}" x2="{plot_left}" y1="{y0}" y2="{y0 + group_height - 10}" stroke="{TEXT}"/>')
    legend = []
    for s, one in enumerate(series):
        fill, stroke = _fill(chart_id, s, one.is_other)
        legend.append(f'<rect x="0" y="-13" width="28" height="16" fill="{fill}" stroke="{stroke}"/><text x="36" y="0">{_e(_short(one.label, 28))}</text>')
    legend_top = top + len(groups) * group_height + 24
    legend_parts, legend_height = _legend(legend, legend_top, max((len(_short(s.label, 28)) for s in series), default=0))
    body.extend(legend_parts)
    return _frame(chart_id, title, desc, int(legend_top + legend_height + 20), body, source)


def column_chart(chart_id: str, title: str, desc: str, categories: list[str], series: list[Series], source: str) -> str:
    """Stacked columns, one per category (a year), each segment a series, its total on top."""
    left, right, top, plot_height = 64, 24, 48, 220
    plot_width = WIDTH - left - right
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    ticks = nice_ticks(max(totals, default=0))
    scale = plot_height / ticks[-1]
    slot = plot_width / max(len(categories), 1)
    column = min(48, slot * 0.7)
    body = []
    for tick in ticks:
        y = top + plot_height - tick * scale
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end" font-size="13">{_fmt(tick)}</text>')
    label_every = max(1, math.ceil(len(categories) * 44 / plot_width))
    for i, category in enumerate(categories):
        x = left + i * slot + (slot - column) / 2
        base = top + plot_height
        for s, one in enumerate(series):
            height = one.values[i] * scale
            if height:
                fill, stroke = _fill(chart_id, s, one.is_other)
                body.append(f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{column:.1f}" height="{height:.1f}" fill="{fill}" stroke="{stroke}"/>')
            base -= height
        if totals[i]:
            body.append(f'<text x="{x + column / 2:.1f}" y="{base - 5:.1f}" text-anchor="middle" font-size="12">{_fmt(totals[i])}</text>')
        if i % label_every == 0:
            body.append(f'<text x="{x + column / 2:.1f}" y="{top + plot_height + 20}" text-anchor="middle" font-size="13">{_e(category)}</text>')
    legend = []
    for s, one in enumerate(series):
        fill, stroke = _fill(chart_id, s, one.is_other)
        legend.append(f'<rect x="0" y="-13" width="28" height="16" fill="{fill}" stroke="{stroke}"/><text x="36" y="0">{_e(_short(one.label, 28))}</text>')
    legend_parts, legend_height = _legend(legend, top + plot_height + 52, max((len(_short(s.label, 28)) for s in series), default=0))
    body.extend(legend_parts)
    return _frame(chart_id, title, desc, int(top + plot_height + 52 + legend_height + 20), body, source)
