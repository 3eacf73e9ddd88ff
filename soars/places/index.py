"""Places as a lookup in memory: a place string in, the place and its commuting area out. Pure Python.

"Reston, VA", "reston virginia" and "RESTON" name one place; "Washington DC", "Washington, D.C."
and "DC" another. Each known place lies in a core-based statistical area (CBSA), and two places
meet when their areas are the same. A string the table does not know is its own area: it meets
only the same text (case, punctuation and spacing aside).

current() builds the lookup once per process: from the database when Django is set up, otherwise
(a unit test with no database) from the seed file; saving or deleting a place or area rebuilds it
(here at once, in other processes within a second: soars.core.table_cache).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from soars.core.table_cache import TableCache

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
_STATE_WORDS = {tuple(name.casefold().replace(".", "").split()): code for code, name in STATES.items()}
_STATE_WORDS[("virgin", "islands")] = "VI"
_STATE_WORDS[("washington", "dc")] = "DC"
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
_WORD = re.compile(r"[a-z0-9]+")
_TRAILING = {"usa", "us", "area", "metro", "metropolitan", "region"}
# A name several places share, when people who write it alone mean one of them.
PREFERRED = {"washington": ("washington", "DC")}


def words(text: str) -> tuple[str, ...]:
    """Lower case, dots and apostrophes dropped ("D.C." -> "dc"), other punctuation a space."""
    text = text.casefold().replace(".", "").replace("'", "").replace("\u2019", "")
    return tuple(_WORD.findall(text))


def _city_key(tokens: Iterable[str]) -> str:
    return " ".join(_ABBREVIATIONS.get(token, token) for token in tokens)


def _core(text: str) -> tuple[str, ...]:
    """The words that name the place: ZIP codes, "USA", "greater" and "metro area" left out."""
    tokens = list(words(text))
    while tokens and (tokens[-1].isdigit() or tokens[-1] in _TRAILING):
        tokens.pop()
    while tokens and tokens[0] == "greater":
        tokens.pop(0)
    return tuple(tokens)


def split(text: str) -> tuple[str, str]:
    """(city key, state code or "") of a place string: "Reston, Virginia" -> ("reston", "VA")."""
    tokens = _core(text)
    if not tokens:  # only a ZIP code, or nothing that names a place
        return "", ""
    for size in (3, 2, 1):
        tail = tokens[-size:]
        code = _STATE_WORDS.get(tail) or (tail[0].upper() if size == 1 and tail[0].upper() in STATES else None)
        if len(tokens) >= size and code and (len(tokens) > size or code == "DC"):
            return _city_key(tokens[:-size] or ("washington",)), code  # "DC" alone is Washington
    return _city_key(tokens), ""


def normalised(text: str) -> str:
    """The text as compared when it names no known place: "  Springfield,  USA " -> "springfield usa"."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Area:
    """A commuting area: a CBSA, or a place (or unknown text) that is its own."""

    key: str  # "cbsa:47900", "place:hagatna gu", "text:springfield"
    name: str  # short, for sentences: "Washington, DC"
    title: str = ""  # the Census title; empty for a place in no CBSA


@dataclass(frozen=True)
class Located:
    """What a place string names: the place (its label) and its area; known=False for text the table lacks."""

    label: str  # "Reston, VA"; the text as written when unknown
    area: Area
    known: bool


class Places:
    """Places by (city key, state) and by city key alone when only one place has that name."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str]]):
        """rows: (name, state, CBSA code or "", CBSA title or "")."""
        rows = list(rows)
        self.by_key: dict[tuple[str, str], tuple[str, Area]] = {}
        names: dict[str, set[tuple[str, str]]] = {}
        first: dict[str, str] = {}  # area code -> the label of its first place: the area's short name
        for name, state, code, _title in rows:
            if code and code not in first:
                first[code] = f"{name}, {state}"
        self.areas: dict[str, Area] = {}
        for name, state, code, title in rows:
            label = f"{name}, {state}"
            if code:
                area = self.areas.setdefault(code, Area(f"cbsa:{code}", first[code], title))
            else:
                area = Area(f"place:{normalised(label)}", label)
            key = (_city_key(words(name)), state)
            self.by_key[key] = (label, area)
            names.setdefault(key[0], set()).add(key)
        # A name alone ("Reston", "Kansas City") names a place when only one has it, or all in one area.
        self.unique = {
            city: min(keys) for city, keys in names.items() if len({self.by_key[key][1] for key in keys}) == 1
        }
        self.labels = sorted({label for label, _ in self.by_key.values()}, key=str.casefold)
        self._memo: dict[str, Located] = {}

    def locate(self, text: str) -> Located:
        """The place a string names and its area; unknown text is its own area."""
        found = self._memo.get(text)
        if found is None:
            found = self._locate(text)
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[text] = found
        return found

    def _locate(self, text: str) -> Located:
        city, state = split(text)
        hit = self.by_key.get((city, state)) if state else None
        if hit is None:  # no state, or one that is part of the name ("Washington" alone)
            whole = _city_key(_core(text))
            key = PREFERRED.get(whole) or self.unique.get(whole)
            hit = self.by_key.get(key) if key else None
        if hit is None:
            plain = " ".join(text.split())
            return Located(plain, Area(f"text:{normalised(text)}", plain), False)
        label, area = hit
        return Located(label, area, True)

    def area_keys(self, texts: Iterable[str]) -> frozenset[str]:
        return frozenset(self.locate(text).area.key for text in texts if text.strip())

    @classmethod
    def from_data(cls, data: dict) -> Places:
        rows = [(name, state, area["code"], area["title"]) for area in data["areas"] for name, state in area["places"]]
        rows += [(name, state, "", "") for name, state in data["places_without_area"]]
        return cls(rows)

    @classmethod
    def from_database(cls) -> Places:
        from soars.places.models import Place

        rows = Place.objects.order_by("area__code", "pk").values_list("name", "state", "area__code", "area__title")
        return cls((name, state, code or "", title or "") for name, state, code, title in rows)


def _from_file() -> Places:
    from soars.places.seed import read

    return Places.from_data(read())


_table = TableCache("places", build=Places.from_database, fallback=_from_file, empty=lambda built: not built.by_key)
current = _table.current  # the places in use, built once and kept until a place or area changes
invalidate = _table.invalidate  # after an edit: rebuilt here at once, in other processes within a second
invalidate_on_change = _table.invalidate_on_change
