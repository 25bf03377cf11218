"""The one helper behind the inline SVG charts (course reports, mentoring progress,
the certification board): it only scales numbers into user units; each template
draws the marks with its own labels and colours."""

from __future__ import annotations

from collections.abc import Sequence

ROW_HEIGHT = 28  # one horizontal bar and its gap, in user units


def bars(
    items: Sequence[tuple[object, Sequence[tuple[object, float]]]],
    *,
    span: float,
    maximum: float | None = None,
    row_height: int = ROW_HEIGHT,
) -> list[dict]:
    """Horizontal bars, one per ``(label, parts)`` item; each ``(key, value)`` part
    is a segment stacked left to right. The largest total (or ``maximum``) spans
    ``span`` units. Each bar: label, total, width, y, text_y and its segments (key,
    value, x, width); empty parts have no segment."""
    totals = [sum(value or 0 for _key, value in parts) for _label, parts in items]
    top = maximum or max(totals, default=0) or 1
    result = []
    for index, ((label, parts), total) in enumerate(zip(items, totals, strict=True)):
        x, segments = 0.0, []
        for key, value in parts:
            if value:
                width = value * span / top
                segments.append({"key": key, "value": value, "x": x, "width": width})
                x += width
        result.append(
            {
                "label": label,
                "total": total,
                "width": x,
                "y": index * row_height,
                "text_y": index * row_height + 18,
                "segments": segments,
            }
        )
    return result


def bars_height(count: int, *, row_height: int = ROW_HEIGHT) -> int:
    """The height of a chart of ``count`` bars (one row when empty)."""
    return max(row_height, count * row_height)


def polyline(
    values: Sequence[float | None], *, top: float, width: float, height: float
) -> str:
    """The ``points`` of an SVG polyline through ``values`` spread evenly across
    ``width`` (``top`` at the top edge, 0 at the bottom); ``None`` values (months to
    come, say) are left out."""
    steps = max(len(values) - 1, 1)
    top = top or 1
    return " ".join(
        f"{i * width / steps:.1f},{height - value * height / top:.1f}"
        for i, value in enumerate(values)
        if value is not None
    )
