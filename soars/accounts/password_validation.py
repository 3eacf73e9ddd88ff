"""Password validators for NIST SP 800-63B: refuse what an attacker tries first.

Listed in settings.AUTH_PASSWORD_VALIDATORS after Django's length rule:

- ContextWordsValidator: the name of the service (SOARS), the person's name and the parts of
  their email address do not count towards the minimum length.
- PatternValidator: repeated and sequential strings ("aaaa...", "abcd...", "1234...", keyboard rows,
  one word typed over and over).
- CommonPasswordValidator: lists of commonly used and compromised passwords, with spaces and
  separators ignored ("correct horse battery staple").
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import password_validation as django_validation
from django.core.exceptions import ValidationError

LONG_PASSWORDS = Path(__file__).resolve().parent / "data" / "common-long-passwords.txt.gz"
DJANGO_PASSWORDS = Path(django_validation.__file__).resolve().parent / "common-passwords.txt.gz"

_SEPARATORS = re.compile(r"[\s._\-]+")
_WHITESPACE = re.compile(r"\s+")


# --- context words ----------------------------------------------------------------------------


def context_words(user=None) -> set[str]:
    """SOARS, and the parts of the person's name and email address of three characters or more.

    The last label of the email's domain (gov, mil) is left out: it says nothing about the person.
    """
    words = {settings.SITE_NAME.lower()}
    if user is None:
        return words
    email = (getattr(user, "email", "") or "").lower()
    local, _, domain = email.partition("@")
    parts = [local, *re.split(r"[^\w]+", local), *domain.split(".")[:-1]]
    parts += re.split(r"[^\w]+", (getattr(user, "full_name", "") or "").lower())
    return words | {part for part in parts if len(part) >= 3}


def without_context(password: str, words: set[str]) -> str:
    """The password with every context word taken out (longest first) and its spacing tidied."""
    remainder = password.lower()
    for word in sorted(words, key=len, reverse=True):
        remainder = remainder.replace(word, " ")
    return _WHITESPACE.sub(" ", remainder).strip()


class ContextWordsValidator:
    """What is left once SOARS, the person's name and their email address are taken out must on its
    own be long enough. "a long test passphrase for SOARS" passes; "SOARS password 2026" and
    "Alice Executive 2026!" do not."""

    def __init__(self, min_length: int | None = None):
        self.min_length = min_length or settings.PASSWORD_MIN_LENGTH

    def validate(self, password: str, user=None) -> None:
        remaining = len(without_context(password, context_words(user)))
        if remaining < self.min_length:
            raise ValidationError(
                "This password is too similar to the name SOARS, your own name or your email address: "
                "leaving those out, %(remaining)d characters are left, and at least %(min_length)d are needed. "
                "Add words of your own.",
                code="password_context_words",
                params={"remaining": remaining, "min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return f"SOARS, your name and your email address do not count towards the {self.min_length} characters."


# --- repeated and sequential patterns -------------------------------------------------------------

# Sequences a person runs a finger along, and whether they go round: the alphabet, the digits (0 follows
# 9, so "1234567890123" is one run) and the keyboard's rows in order, row after row.
_SEQUENCES = (
    ("abcdefghijklmnopqrstuvwxyz", False),
    ("0123456789", True),
    ("1234567890qwertyuiopasdfghjklzxcvbnm", False),
    ("!@#$%^&*()", False),
)
_MIN_DISTINCT = 5
_MAX_AVERAGE_RUN = 3.0


def _step(a: int | None, b: int | None, size: int, cyclic: bool) -> int | None:
    if a is None or b is None:
        return None
    step = (b - a) % size if cyclic else b - a
    if cyclic and step == size - 1:
        step = -1
    return step if step in (-1, 0, 1) else None


def _run_ends(text: str) -> list[int]:
    """For each start i, how far one run reaches: the longest text[i:j] that repeats one character or
    steps one place forwards or backwards through one of the sequences, every step the same."""
    reach = [i + 1 for i in range(len(text))]
    for sequence, cyclic in _SEQUENCES:
        pos = [sequence.find(ch) if ch in sequence else None for ch in text]
        steps = [
            0 if text[j] == text[j - 1] else _step(pos[j - 1], pos[j], len(sequence), cyclic)
            for j in range(1, len(text))
        ]
        for i in range(len(text)):
            j = i + 1
            while j < len(text) and steps[j - 1] is not None and steps[j - 1] == steps[i]:
                j += 1
            reach[i] = max(reach[i], j)
    return reach


def fewest_runs(text: str) -> int:
    """The fewest runs (see _run_ends) that spell the text: "abcdefgh12345678" is 2, a passphrase
    is nearly one per character pair."""
    reach = _run_ends(text)
    best = [0] + [len(text) + 1] * len(text)
    for i in range(len(text)):
        for j in range(i + 1, reach[i] + 1):
            best[j] = min(best[j], best[i] + 1)
    return best[len(text)]


def smallest_period(text: str) -> int:
    """The length of the shortest unit that, repeated, spells the text ("abcabcab" -> 3)."""
    failure = [0] * len(text)
    k = 0
    for i in range(1, len(text)):
        while k and text[i] != text[k]:
            k = failure[k - 1]
        if text[i] == text[k]:
            k += 1
        failure[i] = k
    return len(text) - (failure[-1] if text else 0)


def is_pattern(password: str) -> bool:
    """True for repeated or sequential strings, spaces and separators ignored, and also once digits
    and symbols at either end are taken off ("passwordpassword2026!")."""
    lower = _WHITESPACE.sub("", password.lower())
    letters_and_digits = "".join(ch for ch in lower if ch.isalnum())
    stem = letters_and_digits.strip("0123456789")
    for text in {lower, letters_and_digits, stem}:
        if len(text) < 8:
            continue
        if len(set(text)) < _MIN_DISTINCT:
            return True
        if smallest_period(text) <= len(text) // 2:
            return True
        if len(text) / fewest_runs(text) >= _MAX_AVERAGE_RUN:
            return True
    return False


class PatternValidator:
    def validate(self, password: str, user=None) -> None:
        if is_pattern(password):
            raise ValidationError(
                "This password is a repeated or sequential pattern, like “aaaa…”, “abcd…”, “1234…”, "
                "a row of the keyboard or the same word typed again. Choose a few unrelated words instead.",
                code="password_pattern",
            )

    def get_help_text(self) -> str:
        return "Your password can’t be a repeated or sequential pattern such as “abcd…”, “1234…” or “qwerty…”."


# --- commonly used and compromised passwords ------------------------------------------------------


@cache
def known_passwords() -> frozenset[str]:
    """Django's 20,000 common passwords and our list of long ones (its source is named in its first
    lines), read on first use: about 160,000 lowercased entries."""
    words: set[str] = set()
    for path in (DJANGO_PASSWORDS, LONG_PASSWORDS):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            words.update(line.strip() for line in lines if not line.startswith("# "))
    words.discard("")
    return frozenset(words)


class CommonPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        lower = password.lower().strip()
        if {lower, _SEPARATORS.sub("", lower)} & known_passwords():
            raise ValidationError(
                "This password is too common: it is on lists of passwords that many people use or that were "
                "stolen from other websites, so attackers try it first. Choose another.",
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return "Your password can’t be a commonly used or previously stolen password."
