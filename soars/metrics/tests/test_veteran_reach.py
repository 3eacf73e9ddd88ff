"""Veteran outreach reach: aggregate only, small counts hidden so that no one can be worked out."""

import pytest
from django.utils import timezone

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency
from soars.diversity.models import SelfIdentification
from soars.metrics.periods import Scope, last_quarters
from soars.metrics.table import HIDDEN
from soars.metrics.tests.data import posting, quarter_start, small_program
from soars.metrics.veterans import veteran_reach
from soars.opportunities.models import Interest

pytestmark = pytest.mark.django_db


def interested(opportunity, answers: dict[str, int], agency=None):
    for answer, count in answers.items():
        for _ in range(count):
            person = ExecutiveFactory(agency=agency)
            if answer != "blank":
                SelfIdentification.objects.create(person=person, veteran=answer)
            Interest.objects.create(executive=person, opportunity=opportunity)


def scope(agency=None):
    today = timezone.localdate()
    return Scope(last_quarters(8, today), today, agency)


def row(figure, label):
    index = figure.labels.index(label)
    return {s.name: s.values[index] for s in figure.series}


def test_counts_under_the_minimum_are_hidden_with_another_of_the_row(db):
    marked = posting("AG", "detail", "open", quarter_start(0, timezone.localdate()), veteran_outreach=True)
    interested(marked, {"yes": 7, "no": 3, "blank": 6})
    shown = row(veteran_reach(scope()), "Marked for veteran outreach")
    assert shown["Interested executives"] == 16
    assert shown["Veterans"] == 7
    assert shown["Veterans (%)"] == 43.8
    # 3 non-veterans is under the minimum; the smallest other nonzero count (6 not answered) goes
    # with it, so the 9 hidden between them could be split any way.
    assert shown["Not veterans"] is HIDDEN and shown["Not answered"] is HIDDEN
    assert shown["Chose not to answer"] == 0


def test_a_hidden_veteran_count_hides_the_share_too(personas):
    small_program(personas)
    figure = veteran_reach(scope())
    marked = row(figure, "Marked for veteran outreach")
    assert (marked["Postings"], marked["Interest"], marked["Interested executives"]) == (2, 1, 1)
    assert marked["Veterans"] is HIDDEN and marked["Veterans (%)"] is HIDDEN
    not_marked = row(figure, "Not marked")
    assert not_marked["Interest per posting"] == 0.75
    assert not_marked["Veterans"] is HIDDEN and not_marked["Not answered"] is HIDDEN


def test_beside_the_government_no_other_agencys_small_count_can_be_subtracted_out(db):
    agriculture, commerce = Agency.objects.get(code="AG"), Agency.objects.get(code="CM")
    today = timezone.localdate()
    ours = posting("AG", "detail", "open", quarter_start(0, today), veteran_outreach=True)
    theirs = posting("CM", "detail", "open", quarter_start(0, today), veteran_outreach=True)
    interested(ours, {"yes": 5, "no": 6}, agriculture)
    interested(theirs, {"yes": 2, "no": 5}, commerce)  # two veterans elsewhere: under the minimum
    figure = veteran_reach(scope(agriculture), beside_government=True)
    own = row(figure, "Department of Agriculture: Marked for veteran outreach")
    everyone = row(figure, "Government-wide: Marked for veteran outreach")
    assert own["Veterans"] == 5 and own["Not veterans"] == 6
    # government-wide 7 less Agriculture's 5 would give Commerce's 2: so the 7 is hidden, and so
    # is the count hidden beside it in the other agencies' row, and the share.
    assert everyone["Veterans"] is HIDDEN and everyone["Veterans (%)"] is HIDDEN
    assert everyone["Not veterans"] is HIDDEN
    assert everyone["Interested executives"] == 18


def test_shown_rows_never_let_a_hidden_count_be_worked_out(db):
    """From what a reader sees (shown counts and the row's total), every hidden count could still be
    any of at least two values."""
    marked = posting("AG", "detail", "open", quarter_start(0, timezone.localdate()), veteran_outreach=True)
    interested(marked, {"yes": 1, "no": 9, "declined": 5, "blank": 8})
    figure = veteran_reach(scope())
    shown = row(figure, "Marked for veteran outreach")
    answers = [shown[name] for name in ("Veterans", "Not veterans", "Chose not to answer", "Not answered")]
    hidden = [a for a in answers if a is HIDDEN]
    assert len(hidden) >= 2
    left = shown["Interested executives"] - sum(a for a in answers if a is not HIDDEN)
    assert left >= 2  # split over two or more hidden cells: none of them is pinned down
