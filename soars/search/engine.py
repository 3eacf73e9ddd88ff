"""The one search interface. Views, filters and other apps call these functions; nothing else in
SOARS writes search SQL (the backends do).

Writing:  index_object(record) / remove_object(record) in the same transaction as the change;
          index_records(records) for many at once (rebuild_search_index), index_documents(...) for
          bulk-created records whose text is known.
Reading:  find(queryset, text, kind=..., facets=..., page=...) is what a search page shows: the
          page (always the exact top of the ranking), the total up to CAP, the facet counts, and
          the forgiving parts (most of the words, related terms, "Did you mean").
          search(queryset, text, kind=...) is the plain match: the records with every word.
          best(queryset, text, kind=..., limit=n) is [(key, rank)] of the best n of them.
The queryset passed in must already hold only what the user may see: the match is added to the
same SQL statement, so hidden records are never matched, counted or shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connections, models, transaction
from django.utils.html import escape

from soars.search import registry
from soars.search.backends import backend_for, base
from soars.search.backends.base import START, STOP, Gathered, marked_html
from soars.search.models import SearchDocument, SearchWord
from soars.search.query import Query, Term, parse, words_in
from soars.search.registry import Document

MAX_PAGE = 1_000_000  # a larger page number shows the last page, as Paginator.get_page does
FALLBACK_SNIPPET_WORDS = 30
RELATED_PER_WORD = 3  # vocabulary terms a word or phrase also searches
BATCH = 1000


def clean_text(text: str) -> str:
    # The snippet markers must never come from a document (see backends.base).
    return (text or "").replace(START, " ").replace(STOP, " ").replace("\x00", "")


# Writing ---------------------------------------------------------------------------------------


def index_object(record: models.Model) -> None:
    index_records([record])


def remove_object(record: models.Model) -> None:
    SearchDocument.objects.filter(kind=registry.kind_for(type(record)).name, object_id=record.pk).delete()


def index_records(records: Iterable[models.Model], *, using: str = "default") -> int:
    """Write the documents of records of one registered model (replacing theirs), in batches."""
    records, count = iter(records), 0
    while batch := list(itertools.islice(records, BATCH)):
        kind = registry.kind_for(type(batch[0]))
        count += index_documents(kind.name, [(record.pk, kind.document(record)) for record in batch], using=using)
    return count


def index_documents(kind: str, documents: list[tuple[int, Document]], *, using: str = "default") -> int:
    """Write these (key, Document) of a kind, replacing theirs: for records whose text is known
    without reading them again (bulk-created demo data). index_records() is the usual way."""
    rows, words = [], set()
    for key, document in documents:
        title, names, body = clean_text(document.title), clean_text(document.names), clean_text(document.body)
        rows.append(SearchDocument(kind=kind, object_id=key, title=title, names=names, body=body))
        words |= words_in(f"{title} {names} {body}")
    with transaction.atomic(using=using):
        SearchDocument.objects.using(using).filter(kind=kind, object_id__in=[key for key, _ in documents]).delete()
        SearchDocument.objects.using(using).bulk_create(rows, batch_size=BATCH)
        SearchWord.objects.using(using).bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)
    return len(rows)


# Reading ---------------------------------------------------------------------------------------


def search(queryset: models.QuerySet, query: str | Query | None, *, kind: str) -> models.QuerySet:
    """The records of queryset whose document has every word and no excluded one, unordered.
    An empty query returns queryset unchanged. For the best first, use find() or best()."""
    parsed = query if isinstance(query, Query) else parse(query)
    backend = _backend(queryset)
    if parsed.excluded:
        queryset = queryset.exclude(pk__in=backend.ids(kind, Query(groups=(parsed.excluded,)), any_term=True))
    return queryset.filter(pk__in=backend.ids(kind, parsed)) if parsed.groups else queryset


def best(queryset: models.QuerySet, query: str | Query, *, kind: str, limit: int) -> list[tuple[int, float]]:
    """[(key, rank)] of the best `limit` records of queryset that match query, best first."""
    parsed, backend = query if isinstance(query, Query) else parse(query), _backend(queryset)
    if not parsed.groups:
        return []
    return backend.gather(queryset, backend.matches(kind, parsed), ["-rank", "pk"], (0, limit), [], count=False).page


@dataclass
class Found:
    """What find() found: everything a search page shows but the snippets."""

    page: Page
    total: int  # exact up to CAP; more_than says when there are more
    facets: dict[str, list[tuple[object, int]]]  # over the best FACETS records: {path: [(value, count)]}
    query: Query = field(default_factory=Query)  # what was searched, related terms included
    also_searched: list[str] = field(default_factory=list)  # related terms from the vocabulary
    with_all_words: int | None = None  # set when fewer than a page had every word: then most of them
    suggestion: str = ""  # "Did you mean": the query with misspelt words replaced

    @property
    def more_than(self) -> bool:
        return self.total > base.CAP

    @property
    def cap(self) -> int:
        return base.CAP

    @property
    def counted(self) -> int:
        """How many records the facets count: the best FACETS when more were found."""
        return min(self.total, base.FACETS)

    def most_words_note(self, one: str, many: str) -> str:
        """ "No resume has all 3 words; …", when the page shows records with most of them."""
        if self.with_all_words is None:
            return ""
        words = len(self.query.groups)
        if not self.with_all_words:
            return f"No {one} has all {words} words; showing those with most of them."
        has = f"{one} has" if self.with_all_words == 1 else f"{many} have"
        return f"Only {self.with_all_words} {has} all {words} words; then those with most of them."


def find(
    queryset: models.QuerySet,
    text: str,
    *,
    kind: str,
    facets: Sequence[str] = (),
    page: int | str | None = 1,
    per_page: int = 20,
    order: Sequence[str] = (),
) -> Found:
    """A page of queryset's records matching text, with its total and facet counts (one statement).

    Ranked best first (order after it breaks ties) when the text has words and order is empty
    or starts with "-rank"; else in order. When fewer than a page have every word, the records
    with most of them follow, best first (with_all_words). Each word of the text also searches
    the vocabulary's other names for what it names (also_searched).
    """
    parsed, backend, number, most = parse(text), _backend(queryset), _page_number(page), False
    queryset = search(queryset, Query(excluded=parsed.excluded), kind=kind)  # only drops excluded words
    known = _known_words(parsed, queryset.db)
    widened, also = _with_related_terms(parsed, known) if parsed.groups else (parsed, [])
    order = [item for item in order or ["-rank", "pk"] if parsed.groups or item.lstrip("-") != "rank"] or ["pk"]

    def gather(number: int) -> Gathered:
        matches = backend.matches(kind, widened, most=most) if parsed.groups else None
        return backend.gather(queryset, matches, order, ((number - 1) * per_page, number * per_page), list(facets))

    gathered, with_all, first = gather(number), None, []
    if gathered.total < per_page and len(parsed.groups) > 1:  # few have every word: most of them
        with_all, most, first = gathered.total, True, [key for key, _ in gathered.page]
        gathered = gather(number)
    paginator = Paginator(range(min(gathered.total, base.CAP)), per_page)
    if number > paginator.num_pages:  # past the end: the last page
        number = paginator.num_pages
        gathered = gather(number)
    keys = [key for key, _ in gathered.page]
    if first and number == 1:  # those with every word first, as ranked with every word
        keys = [*first, *(key for key in keys if key not in first)]
    found = Found(
        page=Page(_records(queryset, keys), number, paginator),
        total=gathered.total,
        facets=_typed(queryset.model, gathered.facets),
        query=widened,
        also_searched=also,
        with_all_words=with_all,
    )
    if parsed.groups and (gathered.total if with_all is None else with_all) < per_page:
        found.suggestion = _suggestion(parsed, backend, queryset.db, known)
    return found


def snippets(kind: str, ids: Iterable[int], query: str | Query | None, *, using: str = "default") -> dict[int, str]:
    """{id: HTML}: an excerpt with the matched words in <mark>, everything else escaped; records
    that did not match the words (an exclusion-only query) get the start of their text."""
    ids = [int(i) for i in ids]
    if not ids:
        return {}
    parsed = query if isinstance(query, Query) else parse(query)
    connection = connections[using]
    raw = backend_for(connection.vendor).snippets(kind, ids, parsed, connection)
    found = {key: marked_html(text) for key, text in raw.items()}
    missing = [key for key in ids if key not in found]
    documents = SearchDocument.objects.using(using).filter(kind=kind, object_id__in=missing)
    for key, title, body in documents.values_list("object_id", "title", "body"):
        words = (body or title).split()
        found[key] = escape(" ".join(words[:FALLBACK_SNIPPET_WORDS]) + (" …" if len(words) > 30 else ""))
    return found


# Helpers ---------------------------------------------------------------------------------------


def _known_words(query: Query, using: str) -> set[str]:
    """The query's words that some document holds whole (SearchWord): these are not widened to
    words' starts, which the stemmer would make far too broad ("customer": custom*, customs)."""
    words = [w for w in query.words if len(w) > 2 and not w.isdigit()]
    return set(SearchWord.objects.using(using).filter(word__in=words).values_list("word", flat=True))


def _with_related_terms(query: Query, known: set[str]) -> tuple[Query, list[str]]:
    """query with each group of one word or phrase that is a concept's name in the vocabulary also
    matching the concept's synonyms ("cybersecurity": "information security", ...), and those."""
    from soars.vocabulary import index

    vocabulary, extra = index.current(), {}
    for position, group in enumerate(query.groups):
        own = index.words(" ".join(group[0].words))
        concepts = [vocabulary.by_id[i] for i in sorted(vocabulary.concepts(" ".join(own)))] if len(group) == 1 else []
        names = [index.words(name) for concept in concepts for name in (concept.name, *concept.synonyms)]
        if own in [index.words(concept.name) for concept in concepts]:  # the concept's own name, not a synonym
            extra[position] = [Term(name) for name in dict.fromkeys(names) if name and name != own][:RELATED_PER_WORD]
    return query.widened(extra, known), [" ".join(term.words) for terms in extra.values() for term in terms]


def _suggestion(query: Query, backend, using: str, known: set[str]) -> str:
    """The query's text with each word that no document holds replaced by the nearest that one does."""
    words = [w for w in query.words if len(w) > 2 and not w.isdigit()]
    replaced = {w: backend.suggest(w, using) for w in words if w not in known}
    replaced = {w: s for w, s in replaced.items() if s and s != w}
    if not replaced:
        return ""
    return " ".join(replaced.get(part.lower(), part) for part in query.text.split())


def _typed(model, counted: dict[str, list[tuple[str | None, int]]]) -> dict[str, list[tuple[object, int]]]:
    """The counted values in their field's type, without NULLs, most common first."""
    typed = {}
    for path, rows in counted.items():
        target = model
        for name in path.split("__"):
            model_field = target._meta.get_field(name)
            target = model_field.related_model or target
        found = [(model_field.to_python(value), n) for value, n in rows if value is not None]
        typed[path] = sorted(found, key=lambda pair: (-pair[1], str(pair[0])))
    return typed


def _records(queryset: models.QuerySet, keys: list[int]) -> list[models.Model]:
    """The records with these keys, in this order, as queryset reads them (related records, deferrals)."""
    records = {record.pk: record for record in queryset.order_by().filter(pk__in=keys)}
    return [records[key] for key in keys if key in records]


def _page_number(number) -> int:
    """From 1 to MAX_PAGE; anything that is not a whole number is page 1."""
    return min(max(1, int(number)), MAX_PAGE) if str(number or "").strip().isdigit() else 1


def _backend(queryset: models.QuerySet):
    return backend_for(connections[queryset.db].vendor)
