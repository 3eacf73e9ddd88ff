"""The vocabulary as a lookup in memory: text in, concepts out. Pure Python once built.

A concept is one Term (its id). Its name and synonyms all name it; text is normalised
(case, punctuation, "&", simple plurals) and scanned for the longest phrases it holds,
so "Network Defense & Information Assurance" yields two concepts and "cyber threat hunting"
the same one as "threat hunting". Related terms are neighbouring concepts.

current() builds the index once per process and keeps it: from the database when Django
is set up, otherwise (a benchmark with no settings, a unit test with no database) from the
seed file. Saving or deleting a
vocabulary record calls invalidate(), which rebuilds it here at once and in other processes
within a second (soars.core.table_cache).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from soars.core.table_cache import TableCache

MEMO_MAX = 50_000  # texts whose concepts are remembered

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> tuple[str, ...]:
    """The normalised words of text: lower case, "&" as "and", punctuation dropped, simple plurals made singular."""
    text = text.casefold().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return tuple(_singular(word) for word in _WORD.findall(text))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Concept:
    id: int
    name: str
    domain: str  # the domain's code
    synonyms: tuple[str, ...] = ()
    related: frozenset[int] = frozenset()


class Vocabulary:
    """Concepts by id, the phrases that name them, and series families by series code."""

    def __init__(self, concepts: Iterable[Concept], series: dict[str, str] | None = None):
        self.by_id = {concept.id: concept for concept in concepts}
        self.series = dict(series or {})  # "0510" -> family code
        self.phrases: dict[tuple[str, ...], set[int]] = {}
        for concept in self.by_id.values():
            for phrase in (concept.name, *concept.synonyms):
                key = words(phrase)
                if key:
                    self.phrases.setdefault(key, set()).add(concept.id)
        self.longest = max((len(key) for key in self.phrases), default=0)
        self._memo: dict[str, frozenset[int]] = {}

    def concepts(self, text: str | Iterable[str]) -> frozenset[int]:
        """The ids of the concepts named in text (a string, or several, e.g. a list of skills)."""
        if not isinstance(text, str):
            found: set[int] = set()
            for part in text:
                found |= self.concepts(part)
            return frozenset(found)
        memo = self._memo.get(text)
        if memo is None:
            memo = self._scan(words(text))
            if len(self._memo) >= MEMO_MAX:
                self._memo.clear()
            self._memo[text] = memo
        return memo

    def _scan(self, tokens: tuple[str, ...]) -> frozenset[int]:
        # Longest phrase first, left to right: "health policy" is one concept, not "health" and "policy".
        found: set[int] = set()
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                hit = self.phrases.get(tokens[i : i + n])
                if hit:
                    found |= hit
                    i += n
                    break
            else:
                i += 1
        return frozenset(found)

    def related(self, ids: Iterable[int]) -> frozenset[int]:
        """The concepts related to any of ids (not ids themselves)."""
        ids = set(ids)
        out: set[int] = set()
        for concept_id in ids:
            concept = self.by_id.get(concept_id)
            if concept:
                out |= concept.related
        return frozenset(out - ids)

    def name(self, concept_id: int) -> str:
        return self.by_id[concept_id].name

    def expand(self, word: str) -> list[str]:
        """Other words for what `word` names: the synonyms of its concepts first, then related terms' names."""
        own = self.concepts(word)
        same = [phrase for cid in sorted(own, key=self.name) for phrase in (self.name(cid), *self.by_id[cid].synonyms)]
        near = sorted(self.name(cid) for cid in self.related(own))
        seen, out = {words(word)}, []
        for phrase in same + near:
            key = words(phrase)
            if key not in seen:
                seen.add(key)
                out.append(phrase)
        return out

    def series_family(self, code: str) -> str | None:
        """The family code of an occupational series ("0510" -> "financial"), or None when not known."""
        return self.series.get(code.strip().zfill(4)) if code and code.strip().isdigit() else None

    @classmethod
    def from_data(cls, data: dict) -> Vocabulary:
        """From the seed file's structure (soars/vocabulary/data/vocabulary.json); ids are positions."""
        items = [(entry["code"], item) for entry in data["domains"] for item in entry["terms"]]
        ids = {item["name"].casefold(): number for number, (_, item) in enumerate(items, start=1)}
        related: dict[int, set[int]] = {number: set() for number in ids.values()}
        for number, (_, item) in enumerate(items, start=1):
            for name in item["related"]:
                related[number].add(ids[name.casefold()])
                related[ids[name.casefold()]].add(number)  # related is symmetrical, as in the database
        concepts = [
            Concept(number, item["name"], domain, tuple(item["synonyms"]), frozenset(related[number]))
            for number, (domain, item) in enumerate(items, start=1)
        ]
        series = {s["code"]: family["code"] for family in data["series_families"] for s in family["series"]}
        return cls(concepts, series)

    @classmethod
    def from_database(cls) -> Vocabulary:
        from soars.vocabulary.models import OccupationalSeries, Term

        related: dict[int, set[int]] = {}
        for source, target in Term.related.through.objects.values_list("from_term_id", "to_term_id"):
            related.setdefault(source, set()).add(target)
        concepts = [
            Concept(pk, name, domain, tuple(line.strip() for line in synonyms.splitlines() if line.strip()),
                    frozenset(related.get(pk, ())))
            for pk, name, domain, synonyms in Term.objects.values_list("pk", "name", "domain__code", "synonyms")
        ]  # fmt: skip
        return cls(concepts, dict(OccupationalSeries.objects.values_list("code", "family__code")))


def _from_file() -> Vocabulary:
    from soars.vocabulary.seed import read

    return Vocabulary.from_data(read())


_table = TableCache(
    "vocabulary", build=Vocabulary.from_database, fallback=_from_file, empty=lambda built: not built.by_id
)
current = _table.current  # the vocabulary in use, built once and kept until a vocabulary record changes
invalidate = _table.invalidate  # after an edit: rebuilt here at once, in other processes within a second
invalidate_on_change = _table.invalidate_on_change


def concepts(text: str | Iterable[str]) -> frozenset[int]:
    """Concept ids named in text or in each of several texts (see Vocabulary.concepts)."""
    return current().concepts(text)


def expand(word: str) -> list[str]:
    """Other words for what `word` names, for query expansion: its synonyms, then related terms.

    expand("comptroller") -> ["chief financial officer", "CFO", "deputy CFO", …, "budget execution", …].
    Empty when the vocabulary does not know the word.
    """
    return current().expand(word)


def series_family(code: str) -> str | None:
    """The family of an occupational series, e.g. series_family("0510") == series_family("0505") == "financial"."""
    return current().series_family(code)
