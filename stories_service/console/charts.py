"""Bar charts drawn on the server as inline SVG (no script, no third party, nothing the CSP
forbids: presentation attributes only). Every label is escaped; the numbers are also on the
page as a table, which is what a screen reader is pointed to."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 40
BAR_FILL = "#1f5f8b"
AXIS = "#4a4a55"


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def bar_chart(
    chart_id: str, title: str, labels: Sequence[str], values: Sequence[float | None]
) -> Markup:
    """A bar per label (None: no bar, shown as a gap); the first, middle and last labels are
    written under the axis."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = max((v for v in values if v is not None), default=0) or 1
    step = plot_w / max(len(values), 1)
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        f'stroke="{AXIS}"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end" font-size="12" '
        f'fill="{AXIS}">{escape(_number(top))}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="12" '
        f'fill="{AXIS}">0</text>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        if value is None:
            continue
        height = plot_h * value / top
        x = LEFT + index * step + step * 0.15
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{step * 0.7:.1f}" '
            f'height="{height:.1f}" fill="{BAR_FILL}"><title>{escape(label)}: '
            f"{escape(_number(value))}</title></rect>"
        )
    shown = sorted({0, len(labels) // 2, len(labels) - 1}) if labels else []
    for index in shown:
        x = LEFT + index * step + step / 2
        # The first and last labels are anchored inwards, so that neither is cut off.
        anchor = "middle"
        if len(labels) > 2 and index == 0:
            anchor, x = "start", LEFT
        elif len(labels) > 2 and index == len(labels) - 1:
            anchor, x = "end", WIDTH - RIGHT
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" '
            f'font-size="12" fill="{AXIS}">{escape(labels[index])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every piece above is escaped or a number)
