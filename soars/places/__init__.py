"""Places and their commuting areas (Census core-based statistical areas): soars.places.index."""

from soars.places.index import Area, Located, current, normalised


def locate(text: str) -> Located:
    """The place a string names and its commuting area ("reston virginia" -> Reston, VA in Washington, DC)."""
    return current().locate(text)


def area_keys(texts) -> frozenset[str]:
    """The commuting areas of several place strings (unknown text: its own)."""
    return current().area_keys(texts)


def labels() -> list[str]:
    """Every known place, "Reston, VA", in alphabetical order (for a datalist)."""
    return current().labels


def clean(text: str) -> str:
    """A place string as stored: the known place's label ("Reston, VA"), else the text as written, trimmed."""
    return locate(text).label if text.strip() else ""


__all__ = ["Area", "Located", "area_keys", "clean", "current", "labels", "locate", "normalised"]
