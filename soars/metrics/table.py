"""A figure as the pages show it: rows (quarters or agencies), named series of values, a definition."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime


class Hidden:
    """A count too small to show (the self-identification rule), and every figure worked out from it."""

    def __repr__(self) -> str:
        return "HIDDEN"

    def __reduce__(self):
        return "HIDDEN"  # unpickled from a cache as the one HIDDEN, so `value is HIDDEN` still holds


HIDDEN = Hidden()


@dataclass
class Series:
    name: str
    values: list  # int, float, None (nothing to work out) or HIDDEN
    charted: bool = True


@dataclass
class Figure:
    key: str
    title: str
    definition: str
    row_header: str
    labels: list[str]
    series: list[Series]
    empty: str  # said in words instead of a chart when there is nothing to show
    is_empty: bool = False
    unit: str = ""  # shown after charted values: "%", " days"
    notes: list[str] = field(default_factory=list)
    chart_labels: list[str] | None = None  # shorter labels under the bars (agency codes)
    computed_at: datetime | None = None  # when it was worked out (set by the store, not kept in it)

    @property
    def charted(self) -> list[Series]:
        return [s for s in self.series if s.charted]

    @property
    def headers(self) -> list[str]:
        return [self.row_header, *(s.name for s in self.series)]

    @property
    def rows(self) -> list[list]:
        return [[label, *(s.values[i] for s in self.series)] for i, label in enumerate(self.labels)]


def text(value) -> str:
    """A value as a table cell and a download cell."""
    if value is HIDDEN:
        return "hidden"
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 2) if whole else None


def beside(own: Figure, government: Figure, own_name: str) -> Figure:
    """An agency's figure and the government-wide one as one table and one chart (same rows)."""
    assert own.labels == government.labels, (own.key, own.labels, government.labels)
    series = [replace(s, name=f"{own_name}: {s.name}") for s in own.series]
    series += [replace(s, name=f"Government-wide: {s.name}") for s in government.series]
    return replace(
        own,
        series=series,
        is_empty=own.is_empty and government.is_empty,
        notes=[*own.notes, *government.notes],
        computed_at=min((f.computed_at for f in (own, government) if f.computed_at), default=None),
    )


def to_json(figure: Figure) -> dict:
    """A figure as JSON for the store (a hidden count as {"hidden": true})."""
    data = asdict(figure)
    del data["computed_at"]
    for series in data["series"]:
        series["values"] = [{"hidden": True} if v is HIDDEN else v for v in series["values"]]
    return data


def from_json(data: dict) -> Figure:
    series = [
        Series(s["name"], [HIDDEN if isinstance(v, dict) else v for v in s["values"]], s["charted"])
        for s in data["series"]
    ]
    return Figure(**{**data, "series": series})


def last_rows(figure: Figure, count: int) -> Figure:
    """A figure by quarter cut to its last `count` quarters: each quarter's values do not depend on
    the period asked for, so the longest period's figure serves every shorter one."""
    series = [replace(s, values=s.values[-count:]) for s in figure.series]
    values = [v for s in series for v in s.values if v is not HIDDEN]
    return replace(figure, labels=figure.labels[-count:], series=series, is_empty=not any(values))
