"""Opaque cursors: a client passes back the next_cursor it was given, never builds one."""

from __future__ import annotations

import base64
import binascii
import json

from soars.api.problems import Problem

MAX_PAGE = 10_000


def encode(page: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": page}).encode()).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    """The page a cursor points at (1 without one); a cursor this API did not give is a 400."""
    if not cursor:
        return 1
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        page = json.loads(raw)["p"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        page = None
    if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= MAX_PAGE:
        raise Problem(400, "The cursor is not one this API gave; start again without it.", [
            {"field": "cursor", "message": "Pass back next_cursor exactly as it was given."}
        ])  # fmt: skip
    return page


def next_cursor(page) -> str | None:
    """The cursor of the page after a Django Page, or None on the last."""
    return encode(page.number + 1) if page.has_next() and page.number < MAX_PAGE else None


def past_the_end(page, wanted: int) -> bool:
    """Paginator.get_page answers the last page for a number past the end: an API answers nothing."""
    return page.number != wanted
