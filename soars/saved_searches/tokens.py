"""Signed unsubscribe links: the token names one saved search and its owner, and needs no sign-in."""

from __future__ import annotations

from django.core import signing

SALT = "soars.saved_searches.unsubscribe"


def unsubscribe_token(saved) -> str:
    return signing.dumps({"s": saved.pk, "o": saved.owner_id}, salt=SALT, compress=False)


def read_token(token: str) -> tuple[int, int] | None:
    """(saved search id, owner id), or None for a tampered, garbled or foreign token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    search_id, owner_id = data.get("s"), data.get("o")
    if not isinstance(search_id, int) or not isinstance(owner_id, int):
        return None
    return search_id, owner_id
