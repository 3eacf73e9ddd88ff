"""The one search interface. Views, filters and other apps call these functions; nothing else in
SOARS writes search SQL (the backends do).

Writing:  index_object(record) / remove_object(record) in the same transaction as the change;
          index_records(records) for many at once (bulk-created data, rebuild_search_index).
Reading:  find(queryset, text, kind=..., facets=..., page=...) is what a search page shows: the
          page (always the exact top of the ranking), the total up to CAP, the facet counts, and
          the forgiving parts (most of the words, related terms, "Did you mean").
          search(queryset, text, kind=...) is the plain match: the records with every word,
          annotated with `rank`, best first; best(search(...), n) their best n by key.
The queryset passed in must already hold only what the user may see: the match is added to the
same SQL statement, so hidden records are never matched, counted or shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connections, models, transaction
from django.db.models import FloatField, Value
from django.utils.html import escape

from soars.search import registry
from soars.search.backends import backend_for, base
from soars.search.backends.base import START, STOP, Gathered, marked_html
from soars.search.models import SearchDocument, SearchWord
from soars.search.query import Query, Term, parse, words_in

MAX_PAGE = 1_000_000  # a larger page number shows the last page, as Paginator.get_page does
FALLBACK_SNIPPET_WORDS = 30
RELATED_PER_WORD = 3  # vocabulary terms a word or phrase also searches
BATCH = 1000


def clean_text(text: str) -> str:
    # The snippet markers must never come from a document (see backends.base).
    return (text or "").replace(START, " ").replace(STOP, " ").replace("\x00", "")


# Writing ---------------------------------------------------------------------------------------


def index_object(record: models.Model) -> None:
    """Index (or re-index) one record of a registered model."""
    index_records([record])


def remove_object(record: models.Model) -> None:
    kind = registry.kind_for(type(record))
    SearchDocument.objects.filter(kind=kind.name, object_id=record.pk).delete()


def index_records(records: Iterable[models.Model], *, using: str = "default") -> int:
    """Write the documents of records of one registered model (replacing theirs), in batches."""
    count, batch = 0, []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            count += _index_batch(batch, using)
            batch = []
    return count + (_index_batch(batch, using) if batch else 0)


def _index_batch(records: list[models.Model], using: str) -> int:
    kind = registry.kind_for(type(records[0]))
    documents, words = [], set()
    for record in records:
        document = kind.document(record)
        title, names, body = clean_text(document.title), clean_text(document.names), clean_text(document.body)
        documents.append(SearchDocument(kind=kind.name, object_id=record.pk, title=title, names=names, body=body))
        words |= words_in(f"{title} {names} {body}")
    with transaction.atomic(using=using):
        SearchDocument.objects.using(using).filter(kind=kind.name, object_id__in=[r.pk for r in records]).delete()
        SearchDocument.objects.using(using).bulk_create(documents)
        SearchWord.objects.using(using).bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)
    return len(documents)


# Reading ---------------------------------------------------------------------------------------


def search(queryset: models.QuerySet, query: str | Query | None, *, kind: str) -> models.QuerySet:
    """The records of queryset whose document has every word, annotated with `rank`, best first.

    An empty query returns queryset unchanged (rank 0), less any records with excluded words.
    Ranking through the ORM scores each record on its own: page through find() or best().
    """
    parsed = query if isinstance(query, Query) else parse(query)
    backend = _backend(queryset)
    if parsed.excluded:
        queryset = queryset.exclude(pk__in=backend.ids(kind, Query(groups=(parsed.excluded,)), any_term=True))
    if not parsed.groups:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    rank = backend.rank(queryset.model, kind, parsed)
    rank.search = (kind, parsed)  # what best() ranks by
    return queryset.filter(pk__in=backend.ids(kind, parsed)).annotate(rank=rank).order_by("-rank", "pk")


def best(results: models.QuerySet, limit: int) -> list[tuple[int, float]]:
    """[(key, rank)] of the first `limit` records of a search() result, best first."""
    kind, query = results.query.annotations["rank"].search
    backend = _backend(results)
    return backend.gather(results, backend.matches(kind, query), ["-rank", "pk"], (0, limit), []).page


@dataclass
class Found:
    """What find() found: everything a search page shows but the snippets."""

    page: Page
    total: int  # exact up to CAP; more_than says when there are more
    facets: dict[str, list[tuple[object, int]]]  # over the best CAP records: {path: [(value, count)]}
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
    parsed = parse(text)
    backend = _backend(queryset)
    number = _page_number(page)
    order = list(order) or ["-rank", "pk"]
    if not parsed.groups:
        order = [item for item in order if item.lstrip("-") != "rank"] or ["pk"]
        records = search(queryset, parsed, kind=kind)

        def gather(start: int) -> Gathered:
            return backend.gather(records, None, order, (start, start + per_page), list(facets))
    else:
        widened, also = _with_related_terms(parsed)
        queryset = search(queryset, Query(excluded=parsed.excluded), kind=kind)
        most = False

        def gather(start: int) -> Gathered:
            matches = backend.matches(kind, widened, most=most)
            return backend.gather(queryset, matches, order, (start, start + per_page), list(facets))

    gathered = gather((number - 1) * per_page)
    with_all = None
    if parsed.groups and gathered.total < per_page and len(parsed.groups) > 1:
        with_all, most = gathered.total, True
        gathered = gather((number - 1) * per_page)
    paginator = Paginator(range(min(gathered.total, base.CAP)), per_page)
    if number > paginator.num_pages:  # past the end: the last page
        number = paginator.num_pages
        gathered = gather((number - 1) * per_page)
    found = Found(
        page=Page(_records(queryset, [key for key, _ in gathered.page]), number, paginator),
        total=gathered.total,
        facets=_typed(queryset.model, gathered.facets),
    )
    if parsed.groups:
        found.query, found.also_searched, found.with_all_words = widened, also, with_all
        if (with_all if with_all is not None else gathered.total) < per_page:
            found.suggestion = _suggestion(parsed, backend, queryset.db)
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


def _with_related_terms(query: Query) -> tuple[Query, list[str]]:
    """query with each group's single word or phrase also matching the other names the
    vocabulary gives what it names ("cybersecurity": "information security", ...)."""
    from soars.vocabulary import index

    vocabulary, extra, also = index.current(), {}, []
    for position, group in enumerate(query.groups):
        if len(group) != 1:
            continue
        phrase = " ".join(group[0].words)
        named = [vocabulary.by_id[i] for i in sorted(vocabulary.concepts(phrase))]
        names = [
            n
            for c in named
            if index.words(phrase) in {index.words(p) for p in (c.name, *c.synonyms)}
            for n in (c.name, *c.synonyms)
        ]
        terms = [Term(w) for n in names if (w := tuple(index.words(n))) and w != group[0].words]
        extra[position] = list(dict.fromkeys(terms))[:RELATED_PER_WORD]
        also += [" ".join(term.words) for term in extra[position]]
    return query.widened(extra), also


def _suggestion(query: Query, backend, using: str) -> str:
    """The query's text with each word that no document holds replaced by the nearest that one does."""
    words = [w for w in query.words if len(w) > 2 and not w.isdigit()]
    known = set(SearchWord.objects.using(using).filter(word__in=words).values_list("word", flat=True))
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
    """The page number asked for, from 1 to MAX_PAGE; anything that is not a whole number is page 1."""
    try:
        return min(max(1, int(number or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _backend(queryset: models.QuerySet):
    return backend_for(connections[queryset.db].vendor)
