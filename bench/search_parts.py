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
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.test import Client
from django.utils import timezone
from soars.search.facets import count

from bench.search import percentile, timed
from soars.search.engine import page_records

NAIVE_RESUME_FIELDS = ("headline", "current_title", "summary", "search_text")
NAIVE_OPPORTUNITY_FIELDS = ("title", "description", "duties", "skills", "search_text")


def words_of(text: str) -> list[str]:
    """The positive words of a query, for the naive way (phrases become words, OR and -words dropped)."""
    return [w.strip('"') for w in text.split() if w != "OR" and not w.startswith("-") and w.strip('"')]


def naive(queryset, text: str, fields):
    for word in words_of(text):
        condition = Q()
        for field in fields:
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


def hr_users():
    """One HR user for each of a few agencies, so visibility differs between queries."""
    from soars.accounts.models import User
    from soars.core.models import Agency

    users = []
    for code in ["AG", "HS", "DD", "VA", "HE", "TR", "CM", "IN"]:
        agency = Agency.objects.get(code=code)
        user, _ = User.objects.get_or_create(
            email=f"bench.hr.{code.lower()}@bench.soars.gov",
            defaults={"full_name": f"Bench HR {code}", "role": "hr", "agency": agency},
        )
        users.append(user)
    return users


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

    def exact_way(run):
        """The first page ranked by every match's whole text (the ranking before two tiers)."""
        user, params = run
        criteria = filters.ResumeSearchForm(params).criteria()
        results = filters.search_resumes(Resume.objects.visible_to_agency(user.agency), criteria)
        return [resume.pk for resume in page_records(results, 0, 25)], from_candidates(results, 25)

    fast = timed("index (search_page)", indexed, runs)
    slow = timed("naive icontains", naive_way, runs[::naive_every])
    ratios(fast[::naive_every], slow)
    whole_page("/hr/resumes/", runs)
    ranked = [run for run in runs if run[1].get("q") and run[1].get("sort") != "updated"]
    agreement(ranked, lambda run: search_page(run[0].agency, run[1]), exact_way)


def opportunity_search(queries, naive_every: int = 1) -> None:
    from soars.accounts.models import User
    from soars.opportunities.filters import FACET_FIELDS, _filtered, clean_params
    from soars.opportunities.filters import matching as matching_opportunities
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

    def exact_way(run):
        user, params = run  # relevance order, as search() gives it
        results = matching_opportunities(Opportunity.objects.browsable_by(user), params)
        return [opportunity.pk for opportunity in page_records(results, 0, 20)], from_candidates(results, 20)

    fast = timed("index (search_page)", indexed, runs)
    slow = timed("naive icontains", naive_way, runs[::naive_every])
    ratios(fast[::naive_every], slow)
    whole_page("/opportunities/", runs)
    ranked = [run for run in runs if run[1].get("q") and not run[1].get("sort")]
    agreement(ranked, lambda run: search_page(run[0], run[1]), exact_way)


def from_candidates(results, per_page: int) -> bool:
    """Whether the search page picks its first page from candidates (two tiers, or a broad
    search's estimate: see soars.search.facets) rather than from every match ranked."""
    return count(results, [], page=(0, per_page)).ranks is not None


def agreement(runs, page_of, exact_way) -> None:
    """How far the first page picked from candidates (soars.search.facets: two tiers on
    PostgreSQL past its exact_limit, broad searches on SQLite past its estimate_limit) agrees
    with the first page ranked by every match's whole text."""
    shared, same_first, tiered = [], 0, 0
    for run in runs:
        exact, in_two_tiers = exact_way(run)
        if not in_two_tiers:
            continue
        tiered += 1
        shown = [record.pk for record in page_of(run)["page"]]
        shared.append(len(set(shown) & set(exact)) / max(1, len(exact)))
        same_first += bool(shown and exact and shown[0] == exact[0])
    if not shared:
        print(f"  ranking: every match scored by its whole text in all {len(runs)} ranked queries")
        return
    print(
        f"  candidates vs whole-text ranking, {tiered} of {len(runs)} ranked queries: first page shares "
        f"{statistics.mean(shared):.0%} on average (least {min(shared):.0%}); same first result in {same_first}"
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
