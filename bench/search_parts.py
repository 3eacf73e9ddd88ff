"""The measurements of bench/search.py (run that file, not this one).

Each search is done the way its page does it, through the same functions the view calls
(soars.resumes.views.hr.search_page, soars.opportunities.views_executive.search_page), so the
figures include the page of results, the total, the snippets and every facet count. Whole
pages are also fetched through Django's test client, which adds the session, the access
checks and the template.
"""

from __future__ import annotations

import datetime
import random
import statistics
import time
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.test import Client
from django.utils import timezone

from bench.search import percentile, timed

NAIVE_RESUME_FIELDS = ("headline", "current_title", "summary", "document")
NAIVE_OPPORTUNITY_FIELDS = ("title", "description", "duties", "skills", "document")


def words_of(text: str) -> list[str]:
    """The positive words of a query, for the naive way (phrases become words, OR and -words dropped)."""
    return [w.strip('"') for w in text.split() if w != "OR" and not w.startswith("-") and w.strip('"')]


def naive(queryset, text: str, fields):
    from soars.search.models import SearchDocument

    kind = "resume" if queryset.model._meta.model_name == "resume" else "opportunity"
    for word in words_of(text):
        condition = Q()
        for field in fields:
            if field == "document":  # the whole searchable text, stored once in the search document
                documents = SearchDocument.objects.filter(kind=kind, body__icontains=word)
                condition |= Q(pk__in=documents.values("object_id"))
            else:
                condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def naive_facets(results, fields) -> None:
    """Facet counts the plain way: one GROUP BY query per field over the results."""
    for field in fields:
        list(results.order_by().values(field).annotate(n=Count("pk", distinct=True)).values_list(field, "n"))


def resume_params(text: str, filters: dict) -> dict:
    from soars.core.models import Ecq

    params = {"q": text} if text else {}
    for name, value in filters.items():
        if name == "ecq":
            ecqs = list(
                Ecq.objects.filter(framework__is_current=True).order_by("order", "pk").values_list("pk", flat=True)
            )
            value = [str(ecqs[i - 1]) for i in value]
        if name == "available_by":
            value = (timezone.localdate() + datetime.timedelta(days=int(value))).isoformat()
        params[name] = value
    return params


def hr_user_for(agency):
    """An HR user of this agency (created once in the bench database)."""
    from soars.accounts.models import User

    user, _ = User.objects.get_or_create(
        email=f"bench.hr.{agency.code.lower()}@bench.soars.gov",
        defaults={"full_name": f"Bench HR {agency.code}", "role": "hr", "agency": agency},
    )
    return user


def hr_users():
    """One HR user for each of a few agencies, so visibility differs between queries."""
    from soars.core.models import Agency

    return [hr_user_for(Agency.objects.get(code=code)) for code in ["AG", "HS", "DD", "VA", "HE", "TR", "CM", "IN"]]


def client_for(user) -> Client:
    from soars.core.testing import login

    client = Client(HTTP_HOST="localhost")
    login(client, user)
    return client


def resume_search(queries, naive_every: int = 1) -> None:
    from soars.resumes import filters
    from soars.resumes.models import Resume
    from soars.resumes.views.hr import search_page

    users = hr_users()
    runs = [(users[i % len(users)], resume_params(text, f)) for i, (text, f) in enumerate(queries)]
    print(f"Resume search over {Resume.objects.count():,} resumes, {len(runs)} queries with filters (ms):")

    def indexed(run):
        user, params = run
        search_page(user.agency, params)

    def naive_way(run):
        user, params = run
        form = filters.ResumeSearchForm(params)
        criteria = form.criteria()
        visible = Resume.objects.visible_to_agency(user.agency).select_related("executive", "current_agency")
        results = naive(filters.apply_filters(visible, criteria), criteria.get("q", ""), NAIVE_RESUME_FIELDS)
        results = results.order_by("-updated_at", "-pk")
        list(results[:25])
        results.count()
        naive_facets(results, filters.FACET_FIELDS.values())

    def exact_way(run, found):
        user, params = run
        criteria = filters.ResumeSearchForm(params).criteria()
        filtered = filters.apply_filters(Resume.objects.visible_to_agency(user.agency), criteria)
        return exact_first_page(filtered, filters.KIND, found, ["-rank", "-updated_at", "-pk"], 25)

    fast = timed("index (search_page)", indexed, runs)
    slow = timed("naive icontains", naive_way, runs[::naive_every])
    ratios(fast[::naive_every], slow)
    whole_page("/hr/resumes/", runs)
    ranked = [run for run in runs if run[1].get("q") and run[1].get("sort") != "updated"]
    agreement(ranked, lambda run: search_page(run[0].agency, run[1])["found"], exact_way)
    recall()


def opportunity_search(queries, naive_every: int = 1) -> None:
    from soars.accounts.models import User
    from soars.opportunities.filters import FACET_FIELDS, _filtered, clean_params
    from soars.opportunities.models import Opportunity
    from soars.opportunities.views_executive import search_page

    rng = random.Random(7)
    ids = list(User.objects.filter(role="executive", is_active=True).values_list("pk", flat=True)[:5000])
    people = [User.objects.get(pk=pk) for pk in rng.sample(ids, 8)]
    runs = [(people[i % len(people)], {"q": text, **f} if text else dict(f)) for i, (text, f) in enumerate(queries)]
    total = Opportunity.objects.count()
    print(f"Opportunity search over {total:,} opportunities, {len(runs)} queries with filters (ms):")

    def indexed(run):
        user, params = run
        search_page(user, params)

    def naive_way(run):
        user, params = run
        values = clean_params(params)
        results = naive(
            _filtered(Opportunity.objects.browsable_by(user), values), values.get("q", ""), NAIVE_OPPORTUNITY_FIELDS
        )
        results = results.order_by("-published_at", "-pk")
        list(results.select_related("type", "agency", "sub_element")[:20])
        results.count()
        naive_facets(results, FACET_FIELDS)

    def exact_way(run, found):
        user, params = run
        filtered = _filtered(Opportunity.objects.browsable_by(user), clean_params(params))
        return exact_first_page(filtered, "opportunity", found, ["-rank", "-published_at", "-pk"], 20)

    fast = timed("index (search_page)", indexed, runs)
    slow = timed("naive icontains", naive_way, runs[::naive_every])
    ratios(fast[::naive_every], slow)
    whole_page("/opportunities/", runs)
    ranked = [run for run in runs if run[1].get("q") and not run[1].get("sort")]
    agreement(ranked, lambda run: search_page(run[0], run[1])["found"], exact_way)


def exact_first_page(filtered, kind: str, found, order: list[str], per_page: int) -> list[int]:
    """The first page the slow, obvious way: every match of the text the page searched (related
    terms included, and "most of the words" when the page fell back to it) with its rank, from the
    backend's matches statement alone; the records the filters keep, read whole; sorted in Python."""
    from django.db import connection

    from soars.search.backends import backend_for

    fields = [item.lstrip("-") for item in order if item.lstrip("-") not in ("rank", "pk")]
    listed = filtered.values_list("pk", *fields)

    def ranked(most: bool) -> list[int]:
        sql, params = backend_for(connection.vendor).matches(kind, found.query, most=most)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ranks = dict(cursor.fetchall())
        rows = [row for row in listed if row[0] in ranks]
        for item in reversed(order):  # a stable sort per key, the last key first
            name = item.lstrip("-")
            at = 0 if name == "pk" else None if name == "rank" else 1 + fields.index(name)
            rows.sort(key=lambda row: ranks[row[0]] if at is None else row[at], reverse=item.startswith("-"))
        return [row[0] for row in rows]

    if found.with_all_words is None:
        return ranked(False)[:per_page]
    first = ranked(False)  # every word, as ranked with every word; then the rest by most words
    return [*first, *(key for key in ranked(True) if key not in first)][:per_page]


def agreement(runs, found_by, exact_way) -> None:
    """The share of ranked first pages identical to the exact ranking (target: all of them)."""
    same, shared = 0, []
    for run in runs:
        found = found_by(run)
        shown = [record.pk for record in found.page]
        exact = exact_way(run, found)
        same += shown == exact
        if exact:
            shared.append(len(set(shown) & set(exact)) / len(exact))
    print(
        f"  first pages identical to the exact ranking: {same} of {len(runs)} ranked queries ({same / len(runs):.0%});"
        f" results shared on average {statistics.mean(shared or [1]):.0%}, least {min(shared or [1]):.0%}"
    )


def natural_queries(count: int = 20) -> list:
    """(posting, query) for open postings: its title (without the part in brackets) and its first three skills."""
    from soars.opportunities.models import Opportunity

    rng = random.Random(5)
    ids = list(Opportunity.objects.filter(status="open").exclude(skills="").values_list("pk", flat=True))
    postings = Opportunity.objects.select_related("agency").filter(pk__in=rng.sample(ids, min(count, len(ids))))
    runs = []
    for posting in postings.order_by("pk"):
        skills = [skill.strip() for skill in posting.skills.split(",") if skill.strip()][:3]
        runs.append((posting, f"{posting.title.split('(')[0].strip()} {' '.join(skills)}", skills))
    return runs


def recall() -> None:
    """Natural queries, as a new HR user types them: a posting's title and three of its skills. A
    query finds a relevant resume when its first page holds one whose text names at least two of
    the three skills (as the vocabulary reads them). Target: at least 9 in 10."""
    from soars.resumes.views.hr import search_page
    from soars.search.models import SearchDocument
    from soars.vocabulary import index

    runs = natural_queries()
    found_one, times = 0, []
    for posting, text, skills in runs:
        user = hr_user_for(posting.agency)
        started = time.perf_counter()
        page = search_page(user.agency, {"q": text})["page"]
        times.append((time.perf_counter() - started) * 1000)
        wanted = [index.concepts(skill) for skill in skills]
        bodies = SearchDocument.objects.filter(kind="resume", object_id__in=[r.pk for r in page])
        relevant = [
            key
            for key, body in bodies.values_list("object_id", "body")
            if sum(bool(concepts & index.concepts(body)) for concepts in wanted if concepts) >= 2
        ]
        found_one += bool(relevant)
    print(
        f"  natural queries (a posting's title and three skills): {found_one} of {len(runs)} find a relevant resume"
        f" on the first page; p50 {percentile(times, 50):.0f} ms, p95 {percentile(times, 95):.0f} ms"
    )


def whole_page(path: str, runs) -> None:
    """Time the page itself for each (user, params) run: session, access checks, view, template."""
    clients = {}

    def page(run):
        user, params = run
        if user.pk not in clients:
            clients[user.pk] = client_for(user)
        response = clients[user.pk].get(path + "?" + urlencode(params, doseq=True))
        assert response.status_code == 200, response.status_code

    for user, _ in runs:  # sign in before the clock starts
        clients.setdefault(user.pk, client_for(user))
    timed(f"whole page {path}", page, runs)


def matching() -> None:
    """Best matches as its page shows them, and "Recommended for you": computed, and read as stored."""
    from django.http import QueryDict

    from soars.accounts.models import User
    from soars.matching import rankings
    from soars.matching.pools import recommendations
    from soars.matching.stored import KEPT, recommended_panel, refresh
    from soars.opportunities.match_list import match_list, page_of
    from soars.opportunities.models import Opportunity
    from soars.resumes.models import Resume

    rng = random.Random(11)
    users = hr_users()
    by_agency = {user.agency_id: user for user in users}
    open_ids = list(Opportunity.objects.filter(status="open", agency__in=list(by_agency)).values_list("pk", flat=True))
    chosen = [Opportunity.objects.select_related("agency").get(pk=pk) for pk in rng.sample(open_ids, 20)]
    runs = [(opportunity, by_agency[opportunity.agency_id]) for opportunity in chosen]
    print(f"Best matches for one opportunity over {Resume.objects.count():,} resumes, {len(runs)} opportunities (ms):")
    timed("ranking computed (background)", lambda run: rankings.refresh(run[0], run[1].agency), runs)
    timed(
        "first page, stored ranking",
        lambda run: page_of(match_list(run[0], run[1].agency, QueryDict()), 1),
        runs,
    )
    clients = {user.pk: client_for(user) for user in users}

    def whole_page(run):
        response = clients[run[1].pk].get(f"/hr/opportunities/{run[0].pk}/matches/")
        assert response.status_code == 200, response.status_code

    timed("whole page /hr/…/matches/", whole_page, runs)

    ids = list(Resume.objects.exclude(headline="").values_list("executive_id", flat=True)[:20000])
    people = [User.objects.get(pk=pk) for pk in rng.sample(ids, 20)]
    print(
        f"Recommendations for one executive over {len(open_ids):,} open opportunities, {len(people)} executives (ms):"
    )
    timed("computed (recommendations)", lambda person: recommendations(person, limit=KEPT, near=KEPT), people)
    for person in people:
        refresh(person.pk)  # what the task worker does when a resume or a posting changes
    timed("stored (recommended_panel)", recommended_panel, people)
    homes = {person.pk: client_for(person) for person in people}

    def home(person):
        response = homes[person.pk].get("/executive/")
        assert response.status_code == 200, response.status_code

    timed("whole page /executive/", home, people)


def ratios(fast: list[float], slow: list[float]) -> None:
    print(
        f"  {'naive / index':<30} p50 {percentile(slow, 50) / percentile(fast, 50):6.1f}x"
        f"  p95 {percentile(slow, 95) / percentile(fast, 95):6.1f}x"
    )
