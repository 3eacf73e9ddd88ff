"""The query language people type, parsed once and translated per backend.

    budget reform            both words (stemmed: "budgets", "reforming" match too; a word of
                             PREFIX_FROM letters or more that no document holds whole is
                             taken as a word's start: "cyber" finds "cybersecurity")
    "acquisition reform"     the words together, in that order
    cyber OR security        either word (also "|")
    -contractor              excludes records with the word (also NOT contractor)

Anything else is ignored: punctuation, `*`, `NEAR(`, SQL, unbalanced quotes.
The parser keeps only runs of letters and digits, so the backends receive
words, never syntax, and a hostile query can at worst match nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
MAX_WORD_CHARS = 64
PREFIX_FROM = 4  # a word this long also matches as the start of longer words ("acquis")
# Words too common to require (PostgreSQL's English configuration drops them anyway).
STOP_WORDS = frozenset("a an and are as at be by for from in is it of on or the to with".split())  # noqa: SIM905

# Irregular verb forms that stemming cannot join ("led" does not stem to "lead"). A query word
# in a family also matches the family's other forms; each form is then stemmed by the backend,
# so "leading" finds "led" and "leads". Only verbs common in executive resumes.
_FORMS = (
    "lead led, run ran, build built, write wrote written, drive drove driven, grow grew grown,"
    " oversee oversaw overseen, teach taught, bring brought, buy bought, make made, win won,"
    " begin began begun, hold held, spend spent, seek sought, take took taken, give gave given,"
    " choose chose chosen, rise rose risen, speak spoke spoken, understand understood, keep kept,"
    " send sent, think thought, fight fought"
)
IRREGULAR_FORMS = [tuple(family.split()) for family in _FORMS.split(",")]
# Regular forms people type that map to a family above (porter would stem them, but the family
# lookup happens before stemming).
_TYPED = (
    "leads:lead leading:lead runs:run running:run builds:build building:build writes:write writing:write"
    " drives:drive driving:drive grows:grow growing:grow oversees:oversee overseeing:oversee teaches:teach"
    " teaching:teach makes:make making:make holds:hold holding:hold takes:take taking:take gives:give"
    " giving:give"
)
_INFLECTIONS = dict(pair.split(":") for pair in _TYPED.split())
_FAMILY = {form: family for family in IRREGULAR_FORMS for form in family}

_CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One word, or several words that must appear together in order (a phrase)."""

    words: tuple[str, ...]
    prefix: bool = False  # a long enough word also matches as a word's start (find() asks for it)

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def is_prefix(self) -> bool:
        return self.prefix and not self.is_phrase and len(self.words[0]) >= PREFIX_FROM

    def alternatives(self) -> tuple[Term, ...]:
        """This term, plus the other forms of an irregular verb."""
        if self.is_phrase:
            return (self,)
        word = self.words[0]
        family = _FAMILY.get(_INFLECTIONS.get(word, word))
        if not family:
            return (self,)
        forms = [word, *(form for form in family if form != word)]
        return tuple(Term((form,), self.prefix and form == word) for form in forms)


@dataclass(frozen=True)
class Query:
    """AND over groups; each group is an OR of terms. Excluded terms must not match."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    text: str = field(default="", compare=False)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def words(self) -> list[str]:
        """Every positive word, for highlighting and suggestions."""
        return [word for group in self.groups for term in group for word in term.words]

    def widened(self, extra: dict[int, list[Term]], known: set[str] | frozenset[str] = frozenset()) -> Query:
        """This query with its words that are not `known` (no document holds them whole: "cyber")
        also matching as words' starts, and more terms that each group (by its index) accepts."""
        groups = [[Term(term.words, prefix=term.words[0] not in known) for term in group] for group in self.groups]
        groups = tuple(tuple(_dedupe([*group, *extra.get(i, [])])) for i, group in enumerate(groups))
        return Query(groups, self.excluded, self.text)


def parse(text: str | None) -> Query:
    text = (text or "")[:MAX_QUERY_CHARS]
    items: list[object] = []  # Term, ("-", Term) or "OR"
    negate_next = False
    for match in _CHUNK.finditer(text):
        minus, phrase, chunk = match.group(1), match.group(2), match.group(3)
        if chunk in ("OR", "|"):
            items.append("OR")
            continue
        if chunk in ("AND", "&", "&&"):
            continue
        if chunk == "NOT":
            negate_next = True
            continue
        if chunk is not None:
            minus, chunk = ("-", chunk[1:]) if chunk.startswith("-") else ("", chunk)
        words = _words(phrase if chunk is None else chunk)
        if len(words) == 1 and words[0] in STOP_WORDS and not minus:
            continue
        if not words:
            continue
        term = Term(words)
        items.append(("-", term) if minus or negate_next else term)
        negate_next = False

    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or, count = False, 0
    for item in items:
        if item == "OR":
            pending_or = bool(groups)
            continue
        if count >= MAX_TERMS:
            break
        count += 1
        if isinstance(item, tuple):
            excluded.append(item[1])
        elif pending_or:
            groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = False
    return Query(tuple(tuple(_dedupe(g)) for g in groups), tuple(_dedupe(excluded)), text)


def words_in(text: str) -> set[str]:
    """The distinct words of a document's text that "Did you mean" may suggest."""
    return {word for word in _WORD.findall(text.lower()) if 2 < len(word) <= MAX_WORD_CHARS and not word.isdigit()}


def _words(chunk: str) -> tuple[str, ...]:
    return tuple(word[:MAX_WORD_CHARS] for word in _WORD.findall(chunk.lower()))


def _dedupe(terms: list[Term]) -> list[Term]:
    return list(dict.fromkeys(terms))
