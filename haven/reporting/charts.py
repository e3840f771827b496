"""Charts drawn on the server as SVG, with no script: a bar chart (bars up a
month axis, or across for teams and workers) and a line chart over months.

Only geometry is worked out here; the templates draw it (reporting/_chart_*.html).
Each bar and point is a link to the children behind it, and carries its value
in words for a screen reader; the table beside each chart holds the same
figures, so the chart is never the only way to read them. Shapes differ as well
as colours (solid, dashed and dotted lines; round, square and diamond points),
so no series is told apart by colour alone."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from haven.reporting.figures import Bar, Result

WIDTH = 640
TOP, RIGHT, BOTTOM, LEFT = 16, 16, 48, 56
PLOT_HEIGHT = 224
ROW = 30  # a bar's row, across
LABEL_WIDTH = 200  # the names' column, across
MOST_LABELS = 12  # a month axis labels every month up to this, else some
# GOV.UK's blue, red and green: each with 4.5:1 contrast on white.
STYLES = (
    ("#1d70b8", "", "circle"),
    ("#d4351c", "8 4", "square"),
    ("#00703c", "2 4", "diamond"),
)

Href = Callable[[str, str], str]  # (figure key, bar key) -> its children's URL


@dataclass(frozen=True)
class Tick:
    position: float
    words: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "position", round(self.position, 1))


@dataclass(frozen=True)
class Mark:
    """A bar (x, y, width, height) or a point (x, y), linking to its children."""

    x: float
    y: float
    width: float
    height: float
    href: str
    label: str  # what a screen reader says: "March 2026: 85% (17 of 20)"
    value: str  # the value drawn beside it
    text_x: float = 0
    text_y: float = 0

    def __post_init__(self) -> None:
        # One decimal is finer than any screen draws, and keeps the page short.
        for name in ("x", "y", "width", "height", "text_x", "text_y"):
            object.__setattr__(self, name, round(getattr(self, name), 1))

    @property
    def corner(self) -> tuple[float, float]:
        """A square point's top left corner."""
        return round(self.x - 6, 1), round(self.y - 6, 1)

    @property
    def diamond(self) -> str:
        x, y, r = self.x, self.y, 7
        corners = ((x, y - r), (x + r, y), (x, y + r), (x - r, y))
        return " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)


@dataclass
class Series:
    name: str
    colour: str
    dashes: str
    shape: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def points(self) -> str:
        return " ".join(f"{m.x:.1f},{m.y:.1f}" for m in self.marks)


@dataclass
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    across: bool = False
    y_ticks: list[Tick] = field(default_factory=list)  # the value axis
    x_ticks: list[Tick] = field(default_factory=list)  # the months, or names
    series: list[Series] = field(default_factory=list)

    @property
    def plot_left(self) -> int:
        return LABEL_WIDTH if self.across else LEFT

    @property
    def plot_bottom(self) -> int:
        return self.height - BOTTOM

    @property
    def plot_right(self) -> int:
        return self.width - RIGHT


def scale_top(values: list[int | None], *, rate: bool) -> int:
    """The value axis's top: 100 for a per cent, else a round number at or
    above the largest value (1, 2 or 5 times a power of ten)."""
    if rate:
        return 100
    largest = max([v for v in values if v is not None] + [1])
    power = 10 ** math.floor(math.log10(largest))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= largest)


def _value_ticks(top: int, *, rate: bool) -> list[int]:
    return [top * n // 4 for n in range(5)] if top % 4 == 0 else [0, top // 2, top]


def _label(result: Result, bar: Bar) -> str:
    unit = "" if result.figure.rate else f" {result.figure.units(bar.count)}"
    if result.figure.money:
        unit = f" in {bar.count} {result.figure.units(bar.count)}"
    return f"{bar.key.words}: {bar.value_words}{unit}"


def bar_chart(result: Result, href: Href, *, chart_id: str) -> Chart:
    """Bars up a month axis; across, one row a team or worker."""
    figure = result.figure
    across = not result.by_month
    bars = result.bars
    top = scale_top([b.value for b in bars], rate=figure.rate)
    height = (
        TOP + BOTTOM + ROW * max(len(bars), 1) if across else TOP + PLOT_HEIGHT + BOTTOM
    )
    chart = Chart(
        chart_id,
        f"{figure.name}: {result.scope.words}, {result.span.words}",
        _describe(result),
        WIDTH,
        height,
        across=across,
    )
    colour, _dashes, _shape = STYLES[0]
    series = Series(figure.name, colour, "", "bar")
    if across:
        _across(chart, result, series, top, href)
    else:
        _upward(chart, result, series, top, href)
    chart.series = [series]
    return chart


def _upward(chart: Chart, result: Result, series: Series, top: int, href: Href) -> None:
    bars = result.bars
    left, bottom = chart.plot_left, chart.plot_bottom
    slot = (chart.plot_right - left) / max(len(bars), 1)
    for tick in _value_ticks(top, rate=result.figure.rate):
        y = bottom - PLOT_HEIGHT * tick / top
        chart.y_ticks.append(Tick(y, f"{tick}%" if result.figure.rate else str(tick)))
    every = math.ceil(len(bars) / MOST_LABELS) or 1
    for n, bar in enumerate(bars):
        value = bar.value or 0
        height = PLOT_HEIGHT * value / top
        x = left + n * slot + slot * 0.15
        series.marks.append(
            Mark(
                x,
                bottom - height,
                slot * 0.7,
                height,
                _link(href, result, bar),
                _label(result, bar),
                _short_value(result, bar) if len(bars) <= 24 else "",
                x + slot * 0.35,
                bottom - height - 4,
            )
        )
        if n % every == 0:
            chart.x_ticks.append(Tick(left + n * slot + slot / 2, bar.key.short))


def _across(chart: Chart, result: Result, series: Series, top: int, href: Href) -> None:
    left, right = chart.plot_left, chart.plot_right - 40  # room for the value
    for tick in _value_ticks(top, rate=result.figure.rate):
        chart.x_ticks.append(Tick(left + (right - left) * tick / top, str(tick)))
    for n, bar in enumerate(result.bars):
        width = (right - left) * (bar.value or 0) / top
        y = TOP + n * ROW
        series.marks.append(
            Mark(
                left,
                y + 4,
                width,
                ROW - 8,
                _link(href, result, bar),
                _label(result, bar),
                _short_value(result, bar),
                left + width + 6,
                y + ROW / 2 + 5,
            )
        )
        short = bar.key.short if len(bar.key.short) <= 24 else bar.key.short[:23] + "…"
        chart.y_ticks.append(Tick(y + ROW / 2 + 5, short))


def _link(href: Href, result: Result, bar: Bar) -> str:
    """A bar with nothing counted has no children to open: no link."""
    return href(result.figure.key, bar.key.key) if bar.count else ""


def _short_value(result: Result, bar: Bar) -> str:
    if result.figure.money:
        whole = f"£{abs(bar.amount):,.0f}"
        return f"−{whole}" if bar.amount < 0 else whole
    if not result.figure.rate:
        return str(bar.count)
    return "–" if bar.per_cent is None else f"{bar.per_cent}%"


def line_chart(
    results: list[Result], href: Href, *, chart_id: str, title: str
) -> Chart:
    """One line a figure over the months, each point a link."""
    span = results[0].span
    chart = Chart(
        chart_id,
        title,
        _describe_lines(results),
        WIDTH,
        TOP + PLOT_HEIGHT + BOTTOM,
    )
    top = scale_top([b.value for r in results for b in r.bars], rate=False)
    left, bottom = chart.plot_left, chart.plot_bottom
    months = span.months
    slot = (chart.plot_right - left) / max(len(months), 1)
    for tick in _value_ticks(top, rate=False):
        chart.y_ticks.append(Tick(bottom - PLOT_HEIGHT * tick / top, str(tick)))
    every = math.ceil(len(months) / MOST_LABELS) or 1
    for n, month in enumerate(months):
        if n % every == 0:
            chart.x_ticks.append(Tick(left + n * slot + slot / 2, month.short))
    for result, (colour, dashes, shape) in zip(results, STYLES, strict=False):
        series = Series(result.figure.name, colour, dashes, shape)
        for n, bar in enumerate(result.bars):
            y = bottom - PLOT_HEIGHT * (bar.value or 0) / top
            series.marks.append(
                Mark(
                    left + n * slot + slot / 2,
                    y,
                    0,
                    0,
                    _link(href, result, bar),
                    f"{result.figure.name}, {_label(result, bar)}",
                    "",
                )
            )
        chart.series.append(series)
    return chart


def _describe(result: Result) -> str:
    """The chart in a sentence: its highest and lowest bars."""
    counted = [b for b in result.bars if b.value is not None]
    if not counted:
        return f"Nothing counted for {result.figure.name.lower()} in the period."
    high = max(counted, key=lambda b: b.value or 0)
    low = min(counted, key=lambda b: b.value or 0)
    return (
        f"Bar chart. Highest: {_label(result, high)}. Lowest: {_label(result, low)}. "
        "The table gives every figure."
    )


def _describe_lines(results: list[Result]) -> str:
    parts = []
    for result in results:
        first, last = result.bars[0], result.bars[-1]
        parts.append(
            f"{result.figure.name}: {first.count} in {first.key.words}, "
            f"{last.count} in {last.key.words}"
        )
    return "Line chart. " + "; ".join(parts) + ". The table gives every month."
