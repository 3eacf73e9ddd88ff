"""Facet counts: how many of the found records have each value of a field, in one statement.

Used through soars.search.engine.facet_counts(); see its docstring for the contract.

How it stays fast on 100,000 records (docs/performance.md): the found records are listed
once, in a materialized common table expression holding their key and the columns being
counted. A field of the record itself ("remote", "clearance") is grouped inside that list;
a field across a relation ("competencies__code") reads only the relation's own table (its
(record, value) index) for the listed keys, grouped by the foreign key, and the key is
turned into the value asked for ("code") afterwards in the small table it points to.

Counting costs one to four microseconds per record and related row, so when more than SAMPLE
records are found the facets are counted over an even sample of them (every k-th key) and
scaled up; the result says so (Facets.approximate) and pages show "about". With 500
sampled, a value held by a tenth of the records is estimated within about 13% of its count,
one held by a third within about 6% (one standard error); pages round estimates to two
figures. The total is exact, except for a broad search (below).

Ranking a broad query costs more than finding it: every match's whole text is scored (bm25
on SQLite, ts_rank_cd on PostgreSQL: one to five microseconds each). So when the records are
sorted by a search's rank and the text matches more than the backend's exact_limit documents
(PostgreSQL: 3,000), the list of matches carries a cheap first-tier rank instead: how well the
record's head (title and names) matches, from a small index of heads (Backend.head). The best
CANDIDATES records in that order (head matches first, then the most recently updated) are then
ranked by their whole text (Backend.exact_ranks) and sorted by it; records past them keep the
first-tier order. Pages past the candidates of a broad search (below) are ranked so, and
engine.best() ranks matching pools so.

A broad search costs most in reading every match at all: finding it, checking that the user
may see it and that it passes the filters (about 2 microseconds each on SQLite, more on
PostgreSQL), to count the total exactly. So past the backend's estimate_limit text matches
(SQLite: 20,000; PostgreSQL: 3,000), the first pages of a search sorted by rank are found
without reading every match (_estimated): the total and the facets are counted over the
records of every EVERY-th matching document (Backend.sampled: SQLite takes every 32nd
document, PostgreSQL every record whose key is a multiple of 32, from a partial index of their
documents, thinned to every 64th, 128th... key past 600 such documents) and scaled up, and
shown as "about"; the page is picked from up to CANDIDATES records: those whose head matches,
best first (Backend.head_matches), then the best of the sample, ranked by their whole text (in
the sample's statement where scoring is cheap, else afterwards and only if the heads are too
few). Only records the user may see are ever sampled or listed. When fewer than FEWEST records
are sampled the search is counted exactly after all (a thinned sample is first counted whole);
so are pages reaching past the candidates. A search without words over more than
estimate_limit records is counted over every EVERY-th record by key (Backend.sampled_records).
bench/search.py reports how far first pages picked from candidates agree with scoring every
match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import Count, F, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from soars.search.backends import backend_for
from soars.search.backends.base import SearchRank, head_first

MATCHED = "search_matched"  # every record found, with the counted columns
SAMPLED = "search_sampled"  # the records counted (all, or an even sample)
FOUND = "search_found"  # how many records were found (counted once: each mention would count again)
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # what may be written into the SQL as a column name
SAMPLE = 500  # at most about this many records are counted
CANDIDATES = 1000  # a ranked search ranks at least its best this many records exactly
EVERY = 32  # a broad search is counted over the records of every EVERY-th matching document
FEWEST = 25  # ... unless fewer than this many are found there (about 800 in all): then exactly
NARROW = object()  # _estimated(): not broad, and not to be ranked in two tiers either
LISTED = 4000  # most sampled records listed to rank, where ranking is not done in the sample's statement


@dataclass
class Facets:
    """{field: [(value, count)]} plus the total; counts[field] as from facet_counts()."""

    counts: dict[str, list[tuple[object, int]]]
    total: int
    scale: float = 1.0  # counted over a sample of 1 / scale of the records, then scaled up
    page_ids: list[int] | None = None  # the keys of the page asked for, in order
    ranks: dict[int, float] | None = None  # the exact rank of each record ranked exactly (see CANDIDATES)
    total_estimated: bool = False  # counted over a sample of a broad search's matches (see EVERY)

    @property
    def approximate(self) -> bool:
        return self.scale > 1


@dataclass
class _Plan:
    """How one field is counted: a column of the record, or the table of a relation."""

    output_field: models.Field
    column: str = ""  # the record's own column (or foreign key) grouped in the matched list
    lookup: str = ""  # the foreign key's field to report ("code" of "clearance__code")
    related: type[models.Model] | None = None  # a relation's table, filtered to the listed keys
    key: str = ""  # the relation's field holding the record's key
    group: str = ""  # the relation's column grouped (a foreign key's id, or a value)
    distinct: bool = True  # several related rows of one record may share a value

    def related_query(self, using: str, index: int) -> models.QuerySet:
        listed = RawSQL(f"SELECT id FROM {SAMPLED}", ())  # noqa: S608, S611 (a constant name)
        counted = Count(self.key, distinct=True) if self.distinct else Count("*")
        return (
            self.related._default_manager.using(using)
            .order_by()
            .filter(**{f"{self.key}__in": listed})
            .values(self.group)
            .annotate(facet_count=counted)
            .annotate(facet_value=Cast(self.group, models.TextField()), facet_index=Value(index))
            .values_list("facet_index", "facet_value", "facet_count")
        )

    def looked_up(self, branch: str, params: list, using: str) -> tuple[str, list]:
        """The branch (rows of facet_index, facet_value, facet_count, grouped by foreign key ids)
        with each id turned into the field asked for ("code"), in the same statement: the ids
        are joined to the small table they point to, and ids sharing a value are added up."""
        model = self.output_field.related_model
        target = (
            model._default_manager.using(using)
            .order_by()
            .annotate(facet_key=F("pk"), facet_name=F(self.lookup))
            .values_list("facet_key", "facet_name")
        )
        sql, target_params = target.query.sql_with_params()
        # Joined on the key in its own type, which its index can look up: a join on text would
        # read the small table whole, which PostgreSQL's matching cursor prices as disabled.
        key_type = model._meta.pk.cast_db_type(connections[using])
        return (
            "SELECT grouped.facet_index, CAST(named.facet_name AS TEXT), CAST(SUM(grouped.facet_count) AS BIGINT)"  # noqa: S608
            f" FROM ({branch}) AS grouped INNER JOIN ({sql}) AS named"
            f" ON named.facet_key = CAST(grouped.facet_value AS {key_type})"
            " GROUP BY grouped.facet_index, named.facet_name",
            [*params, *target_params],
        )

    def values(self, rows: list[tuple[str, int]], scale: float) -> list[tuple[object, int]]:
        """[(value, count)] in the field's own type (the looked-up field's), most common first, without NULLs."""
        field = _field_at(self.output_field.related_model, self.lookup) if self.lookup else self.output_field
        found = [(field.to_python(value), round(n * scale)) for value, n in rows if value is not None]
        return sorted(found, key=lambda pair: (-pair[1], str(pair[0])))


def _field_at(model: type[models.Model], path: str) -> models.Field:
    """The field a lookup path ("parent__code") ends at."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        model = field.related_model if field.is_relation else model
    return field


def plan_for(model: type[models.Model], path: str) -> _Plan:
    first, _, rest = path.partition("__")
    model_field = model._meta.get_field(first)
    if model_field.concrete and not model_field.many_to_many:
        if rest and not model_field.is_relation:
            raise ValueError(f"Cannot count {path}: {first} is not a relation.")
        return _Plan(output_field=model_field, column=model_field.attname, lookup=rest)
    if model_field.many_to_many and model_field.concrete:  # forward many-to-many: its through table
        related = model_field.remote_field.through
        key = model_field.m2m_field_name()
        rest = f"{model_field.m2m_reverse_field_name()}__{rest}" if rest else model_field.m2m_reverse_field_name()
    elif model_field.one_to_many:  # a reverse foreign key: the related table itself
        related, key = model_field.related_model, model_field.field.name
        rest = rest or related._meta.pk.name
    else:
        raise ValueError(f"Cannot count {path}.")
    head, _, lookup = rest.partition("__")
    grouped = related._meta.get_field(head)
    unique_pairs = {frozenset(fields) for fields in related._meta.unique_together} | {
        frozenset(constraint.fields)
        for constraint in related._meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and constraint.condition is None
    }
    return _Plan(
        output_field=grouped,
        lookup=lookup if grouped.is_relation else "",
        related=related,
        key=key,
        group=grouped.attname,
        distinct=frozenset({key, head}) not in unique_pairs,
    )


def _search_rank(queryset: models.QuerySet) -> SearchRank | None:
    """The rank of the search() that sorts queryset, if it is sorted by a search's rank first."""
    rank = queryset.query.annotations.get("rank")
    order = queryset.query.order_by
    if order and order[0] == "-rank" and isinstance(rank, SearchRank) and rank.query.groups:
        return rank
    return None


def _matches_more_than(queryset: models.QuerySet, limit: int | None) -> bool:
    rank = _search_rank(queryset)
    if rank is None or limit is None:
        return False
    connection = connections[queryset.db]
    return backend_for(connection.vendor).matches_more_than(limit, rank.kind, rank.query, connection)


def two_tiers(queryset: models.QuerySet) -> bool:
    """Whether count() ranks this queryset in two tiers: it is sorted by a search's rank first
    and the text matches more documents than the backend scores exactly (Backend.exact_limit)."""
    return _matches_more_than(queryset, backend_for(connections[queryset.db].vendor).exact_limit)


def count(
    queryset: models.QuerySet,
    fields: Sequence[str],
    *,
    sample: int | None = None,
    page: tuple[int, int] | None = None,
    tiered: bool | None = None,
) -> Facets:
    """The counts of fields over queryset (see the module docstring and engine.facet_counts).

    With page=(start, stop), the same statement also lists the keys of queryset[start:stop]
    in the queryset's order (Facets.page_ids), so the match is made once for the page, the
    total and the counts. Orderings other than plain names leave page_ids None; a broad
    search's first pages are estimated instead (see _estimated).
    tiered: whether to rank in two tiers, if the caller has asked two_tiers() already.
    """
    if page:
        estimated = _estimated(queryset, fields, page, sample)
        if isinstance(estimated, Facets):
            return estimated
        if estimated is NARROW and tiered is None:  # the sample judged it: no need to count again
            tiered = False
    return _counted(queryset, fields, sample=sample, page=page, tiered=tiered)


def _counted(queryset, fields, *, sample, page, tiered, every: int = 1, page_ranks: bool = False) -> Facets:
    """count() in one statement (its arguments as there). every: queryset holds the records of
    every every-th document or record only (Backend.sampled, sampled_records); the total and
    counts are scaled up by it. page_ranks: the page is sorted by rank first, and Facets.ranks
    gives the rank of each of its records."""
    sample = sample or SAMPLE
    plans = [plan_for(queryset.model, path) for path in fields]
    query = queryset.query
    order = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    if page and not all(isinstance(item, str) for item in order):
        page = None
    sorted_by = [(item.lstrip("-"), "DESC" if item.startswith("-") else "ASC") for item in order] if page else []
    sorted_by = [("pk" if name in ("pk", queryset.model._meta.pk.name) else name, way) for name, way in sorted_by]
    if not all(NAME.fullmatch(name) for name, _ in sorted_by):
        raise ValueError("Sort only by field or annotation names.")
    with_ranks = page_ranks and bool(sorted_by) and sorted_by[0][0] == "rank"
    columns = list(
        dict.fromkeys(
            [*sorted({plan.column for plan in plans if plan.column}), *(n for n, _ in sorted_by if n != "pk")]
        )
    )
    rank = query.annotations.get("rank")
    backend = backend_for(connections[queryset.db].vendor)
    tiered = bool(page) and (two_tiers(queryset) if tiered is None else tiered)
    selected = queryset.order_by()
    if tiered:  # the matches carry their head's rank (or 0) as "rank", not their whole text's
        head_sql, head_params = backend.head(rank.kind, rank.query)
        selected = selected.annotate(search_head_rank=RawSQL(head_sql, head_params))  # noqa: S611 (the backend's SQL)
    listed = ["search_head_rank" if tiered and column == "rank" else column for column in columns]
    matched_sql, matched_params = selected.values("pk", *listed).query.sql_with_params()
    params = list(matched_params)
    # Only constants, our models' column names and SQL compiled by Django are joined here;
    # every value stays a parameter.
    names = ", ".join(["id", *(f"c_{column}" for column in columns)])
    found = f"(SELECT n FROM {FOUND})"  # noqa: S608
    step = f"(CASE WHEN {found} > {sample} THEN ({found} + {sample - 1}) / {sample} ELSE 1 END)"
    ctes = [
        f"{MATCHED}({names}) AS MATERIALIZED ({matched_sql})",
        f"{FOUND}(n) AS MATERIALIZED (SELECT COUNT(*) FROM {MATCHED})",  # noqa: S608
        # Every step-th key; over keys sampled already (every: PostgreSQL samples multiples of
        # it), of their quotients, or a step sharing a factor with it would keep them all.
        f"{SAMPLED}({names}) AS MATERIALIZED (SELECT {names} FROM {MATCHED} WHERE (id / {int(every)}) %% {step} = 0)",  # noqa: S608
    ]
    branches = [f"SELECT -1, NULL, n FROM {FOUND}", f"SELECT -2, NULL, COUNT(*) FROM {SAMPLED}"]  # noqa: S608
    candidates = 0  # how many of the first keys listed are ranked exactly, then sorted
    if page:
        ordering = ", ".join(f"{'id' if name == 'pk' else 'c_' + name} {way}" for name, way in sorted_by) or "id"
        picked = ", ".join(["id", *(f"c_{name}" for name, _ in sorted_by if name != "pk")])
        limit, offset = int(page[1] - page[0]), int(page[0])
        if tiered and offset < CANDIDATES:  # list every candidate; the page is picked after exact ranking
            candidates = max(CANDIDATES, int(page[1]))
            limit, offset = candidates, 0
        rows = f"SELECT {picked} FROM {MATCHED} ORDER BY {ordering} LIMIT {limit} OFFSET {offset}"  # noqa: S608
        listed_as = "CAST(id AS TEXT) || ' ' || CAST(c_rank AS TEXT)" if with_ranks else "CAST(id AS TEXT)"
        numbered = f"SELECT -3, {listed_as}, ROW_NUMBER() OVER (ORDER BY {ordering}) FROM ({rows}) AS page"  # noqa: S608
        branches.append(numbered)
    for index, plan in enumerate(plans):
        if plan.column:
            name = f"c_{plan.column}"
            branch = (
                f"SELECT {index} AS facet_index, CAST({name} AS TEXT) AS facet_value, COUNT(*) AS facet_count"  # noqa: S608
                f" FROM {SAMPLED} GROUP BY {name}"
            )
            branch_params = []
        else:
            sql, branch_params = plan.related_query(queryset.db, index).query.sql_with_params()
            branch = f"SELECT * FROM ({sql}) AS facet_{index}"  # noqa: S608
        if plan.lookup:
            branch, branch_params = plan.looked_up(branch, list(branch_params), queryset.db)
        branches.append(branch)
        params += branch_params
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
    with backend.matching_cursor(connections[queryset.db]) as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    raw: dict[int, list[tuple[str, int]]] = {index: [] for index in range(-3, len(plans))}
    for index, value, number in rows:
        raw[index].append((value, number))
    total, sampled = raw[-1][0][1], raw[-2][0][1]
    scale = (total / sampled if sampled and sampled < total else 1.0) * every
    counts = {path: plans[index].values(raw[index], scale) for index, path in enumerate(fields)}
    listed = [key for key, _ in sorted(raw[-3], key=lambda row: row[1])] if page else []
    ranks = {int(key): float(rank) for key, _, rank in (item.partition(" ") for item in listed)} if with_ranks else None
    page_ids = [int(item.partition(" ")[0]) for item in listed] if page else None
    if candidates:
        ordered, ranks = _by_whole_text(page_ids, rank, connections[queryset.db])
        page_ids = ordered[page[0] : page[1]]
    return Facets(counts=counts, total=total * every, scale=scale, page_ids=page_ids, ranks=ranks)


def _estimated(
    queryset: models.QuerySet, fields: Sequence[str], page: tuple[int, int], sample: int | None
) -> Facets | object | None:
    """A broad search's page, total and facets without reading every match, or None when the
    search is not broad (see the module docstring): a search sorted by rank past the backend's
    estimate_limit text matches, or one without words over more records than that; only for
    pages within the first CANDIDATES records. NARROW instead of None when the sample found the
    text's matches too few to rank in two tiers (no more than estimate_limit, and that no more
    than exact_limit), so count() need not ask again."""
    rank = _search_rank(queryset)
    connection = connections[queryset.db]
    backend = backend_for(connection.vendor)
    if page[1] > CANDIDATES or backend.estimate_limit is None:
        return None
    if not _has_words(queryset):
        return _estimated_without_words(queryset, fields, sample, backend)
    if rank is None:  # sorted otherwise (by date, say)
        return None
    drawn = backend.sampled(queryset, EVERY, more_than=backend.estimate_limit)
    if drawn is None:
        exact_limit = backend.exact_limit
        return NARROW if exact_limit is not None and exact_limit >= backend.estimate_limit else None
    # The sample is counted first. A backend that scores matches cheaply (exact_limit None)
    # ranks the sampled records in the same statement; another lists them in the queryset's
    # order without ranks, and ranks them only if the head matches are too few (_candidates).
    ranked_here = backend.exact_limit is None
    others = [item for item in queryset.query.order_by if item != "-rank"]

    def counted(drawn) -> Facets:
        return _counted(
            drawn.records if ranked_here else drawn.records.order_by(*others),
            fields,
            sample=sample,
            page=(0, CANDIDATES if ranked_here else LISTED),
            tiered=False,
            every=drawn.every,
            page_ranks=ranked_here,
        )

    found = counted(drawn)
    if found.total < FEWEST * drawn.every and drawn.fuller:  # thinned too far for these filters
        drawn = drawn.fuller
        found = counted(drawn)
    if found.total < FEWEST * drawn.every:  # few found: count them exactly
        return None
    share = found.total / drawn.every / drawn.documents if drawn.documents else None  # visible and filtered
    keys, ranks = _candidates(queryset, found, share, rank, connection)
    if len(keys) < page[1]:  # the page reaches past the candidates: count exactly
        return None
    ordered, found.ranks = _by_whole_text(keys, rank, connection, ranks)
    found.page_ids, found.total_estimated = ordered[page[0] : page[1]], True
    return found


def _has_words(queryset: models.QuerySet) -> bool:
    """Whether queryset is restricted by a search's words (sorted by rank or not)."""
    rank = queryset.query.annotations.get("rank")
    return isinstance(rank, SearchRank) and bool(rank.query.groups)


def _estimated_without_words(queryset: models.QuerySet, fields: Sequence[str], sample, backend) -> Facets | None:
    """A search without words over more than estimate_limit records (by the largest key): the
    total and facets counted over every EVERY-th record by key (Backend.sampled_records); the
    page is read as it is, in the queryset's order, through its indexes (page_ids None)."""
    table = queryset.model._default_manager.using(queryset.db)
    largest = table.aggregate(largest=models.Max("pk"))["largest"] or 0
    if largest <= backend.estimate_limit:
        return None
    found = _counted(
        backend.sampled_records(queryset, EVERY, largest), fields, sample=sample, page=None, tiered=False, every=EVERY
    )
    if found.total < FEWEST * EVERY:  # few found: count them exactly
        return None
    found.total_estimated = True
    return found


def _candidates(
    queryset: models.QuerySet, sampled: Facets, share: float | None, rank: SearchRank, connection
) -> tuple[list[int], dict[int, float]]:
    """Up to CANDIDATES keys in the first tier's order, with their whole-text ranks: the records
    whose head matches, best first (Backend.head_matches), then the best of the sample (the
    page of Backend.sampled, ranked there or here, ties kept in the sample's order). The ranks
    neither gave are read in one statement (Backend.exact_ranks)."""
    backend = backend_for(connection.vendor)
    heads = backend.head_matches(queryset, CANDIDATES, share)
    keys = [key for key, _ in heads]
    ranks = {key: found for key, found in heads if found is not None}
    chosen = set(keys)
    listed = [key for key in sampled.page_ids if key not in chosen] if len(keys) < CANDIDATES else []
    unranked = [key for key in keys if key not in ranks] + (listed if sampled.ranks is None else [])
    found = backend.exact_ranks(rank.kind, unranked, rank.query, connection) if unranked else {}
    ranks |= {key: found.get(key, 0.0) for key in keys if key not in ranks}
    listed_ranks = found if sampled.ranks is None else sampled.ranks
    if sampled.ranks is None:  # listed unranked: by their whole text, ties in the sample's order (stable)
        listed = sorted(listed, key=lambda key: -listed_ranks.get(key, 0.0))
    for key in listed[: CANDIDATES - len(keys)]:
        keys.append(key)
        ranks[key] = listed_ranks.get(key, 0.0)
    return keys, ranks


def _rows(queryset: models.QuerySet, backend) -> list[tuple]:
    """The rows of a values_list() queryset, read as the backend reads a statement that matches text."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter on an empty list of keys, say
        return []
    with backend.matching_cursor(connections[queryset.db]) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def tiered_keys(queryset: models.QuerySet, limit: int) -> tuple[list[int], dict[int, float]]:
    """The first `limit` keys of a search ranked in two tiers, as count() ranks them, and the
    whole-text ranks of the candidates; without counting the matches or their facets (what
    matching pools need). Only for querysets two_tiers() accepts."""
    rank = queryset.query.annotations["rank"]
    connection = connections[queryset.db]
    backend = backend_for(connection.vendor)
    head_sql, head_params = backend.head(rank.kind, rank.query)
    listed = queryset.annotate(search_head_rank=RawSQL(head_sql, head_params)).order_by(*head_first(queryset))  # noqa: S611 (the backend's SQL)
    keys = [key for (key,) in _rows(listed.values_list("pk")[: max(CANDIDATES, limit)], backend)]
    ordered, ranks = _by_whole_text(keys, rank, connection)
    return ordered[:limit], ranks


def _by_whole_text(
    candidates: list[int], rank: SearchRank, connection, known: dict[int, float] | None = None
) -> tuple[list[int], dict[int, float]]:
    """The candidates (keys in first-tier order) sorted by their whole-text rank, the first tier
    breaking ties, and those ranks; known: ranks already read, not asked for again."""
    known = known or {}
    unknown = [key for key in candidates if key not in known]
    ranks = backend_for(connection.vendor).exact_ranks(rank.kind, unknown, rank.query, connection) if unknown else {}
    ranks |= known
    first_tier = {key: position for position, key in enumerate(candidates)}
    return sorted(candidates, key=lambda key: (-ranks.get(key, 0.0), first_tier[key])), ranks


def about(number: int) -> int:
    """A scaled count rounded to two significant figures (1,234 -> 1,200)."""
    if number < 100:
        return number
    magnitude = 10 ** (int(math.log10(number)) - 1)
    return round(number / magnitude) * magnitude
