"""Veteran outreach reach: postings marked for veteran outreach against the rest.

Whether an interested executive is a veteran comes from voluntary self-identification
(soars/diversity), counted in aggregate only and under its rule: a count from 1 to MINIMUM - 1 is
hidden, a row hiding one count hides another (complementary suppression), and every figure worked
out from a hidden count (the share of veterans) is hidden too. Beside the government-wide rows, an
agency's rows and "every other agency" (government-wide less the agency, never shown) are
suppressed together, and a government-wide count is hidden when either part of it is, so that
subtracting the agency's row from the government-wide one uncovers nothing small.
"""

from __future__ import annotations

from django.db.models import Count

from soars.diversity.models import DECLINED, SelfIdentification, Veteran
from soars.diversity.reports import MINIMUM, suppress
from soars.metrics.people import in_agency
from soars.metrics.periods import Scope
from soars.metrics.postings import between, published
from soars.metrics.table import HIDDEN, Figure, Series, ratio, share
from soars.opportunities.models import Interest

ANSWERS = ["Veterans", "Not veterans", "Chose not to answer", "Not answered"]
MARKED = [(True, "Marked for veteran outreach"), (False, "Not marked")]


def _counts(scope: Scope) -> dict[bool, dict]:
    """For postings marked and not: postings, interest, and interested executives by answer."""
    postings = dict(
        published(scope)
        .values("veteran_outreach")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("veteran_outreach", "n")
    )
    interests = Interest.objects.filter(between("opportunity__published_at", scope)).filter(
        in_agency("opportunity__agency", scope.agency)
    )
    if scope.type:
        interests = interests.filter(opportunity__type=scope.type)
    rows = (
        interests.values("opportunity__veteran_outreach")
        .annotate(interest=Count("pk"), people=Count("executive", distinct=True))
        .order_by()
    )
    found = {row["opportunity__veteran_outreach"]: row for row in rows}
    for marked, row in found.items():
        # The answers of the people interested: a semi-join read once, not a lookup per interest.
        people = interests.filter(opportunity__veteran_outreach=marked).values("executive")
        answers = dict(
            SelfIdentification.objects.filter(person__in=people)
            .values("veteran")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("veteran", "n")
        )
        answered = [answers.get(Veteran.YES, 0), answers.get(Veteran.NO, 0), answers.get(DECLINED, 0)]
        row["answers"] = [*answered, row["people"] - sum(answered)]
    result = {}
    for marked, _label in MARKED:
        row = found.get(marked, {})
        result[marked] = {
            "postings": postings.get(marked, 0),
            "interest": row.get("interest", 0),
            "people": row.get("people", 0),
            "answers": row.get("answers", [0, 0, 0, 0]),
        }
    return result


def _rows(counts: dict[bool, dict], hidden: dict[bool, list[bool]], prefix: str) -> list[tuple[str, list]]:
    rows = []
    for marked, label in MARKED:
        c, hides = counts[marked], hidden[marked]
        answers = [HIDDEN if hide else n for n, hide in zip(c["answers"], hides, strict=True)]
        veterans = HIDDEN if hides[0] else share(c["answers"][0], c["people"])
        values = [c["postings"], c["interest"], ratio(c["interest"], c["postings"]), c["people"], *answers, veterans]
        rows.append((prefix + label, values))
    return rows


def _short_labels(scope: Scope, beside_government: bool) -> list[str]:
    if not beside_government:
        return ["Marked", "Not marked"]
    return [f"{scope.agency.code} marked", f"{scope.agency.code} not", "All marked", "All not"]


def veteran_reach(scope: Scope, beside_government: bool = False) -> Figure:
    own = _counts(scope)
    if beside_government:
        government = _counts(scope.with_agency(None))
        others = {m: [g - o for g, o in zip(government[m]["answers"], own[m]["answers"], strict=True)] for m in own}
        flags = suppress([own[True]["answers"], own[False]["answers"], others[True], others[False]], MINIMUM)
        own_hidden = {True: flags[0], False: flags[1]}
        others_hidden = {True: flags[2], False: flags[3]}
        government_hidden = {m: [a or b for a, b in zip(own_hidden[m], others_hidden[m], strict=True)] for m in own}
        rows = _rows(own, own_hidden, f"{scope.agency.name}: ") + _rows(
            government, government_hidden, "Government-wide: "
        )
    else:
        flags = suppress([own[True]["answers"], own[False]["answers"]], MINIMUM)
        rows = _rows(own, {True: flags[0], False: flags[1]}, "")
    names = ["Postings", "Interest", "Interest per posting", "Interested executives", *ANSWERS, "Veterans (%)"]
    columns = list(zip(*(values for _label, values in rows), strict=True))
    return Figure(
        key="veteran_reach",
        title="Veteran outreach reach",
        definition=(
            "Postings published in the period, marked by HR for veteran outreach or not: how many, the interest "
            "they drew, and the executives interested in them by what they told us about veteran status on the "
            "voluntary self-identification page (each executive once per row). Totals only: a count from 1 to "
            f"{MINIMUM - 1} is hidden, and so is one more count in its row, so that none can be worked out."
        ),
        row_header="Postings marked",
        labels=[label for label, _values in rows],
        chart_labels=_short_labels(scope, beside_government),
        series=[
            Series(name, list(values), charted=name == "Veterans (%)")
            for name, values in zip(names, columns, strict=True)
        ],
        empty="No opportunities were posted in this period.",
        is_empty=not any(own[m]["postings"] for m in own) and not beside_government,
        unit="%",
    )
