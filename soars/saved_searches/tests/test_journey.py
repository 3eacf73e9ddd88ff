"""The search issue's whole journey, as HR staff live it, among a few hundred realistic resumes:

find the obvious candidate for a posting on the first page with a natural query, see why
(the matched words marked), save the search, and get exactly one alert when a new matching
resume appears, and none for a hidden one.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from soars.resumes.factories import PositionFactory, SharedResumeFactory
from soars.resumes.models import Resume
from soars.saved_searches.models import SavedSearch

pytestmark = pytest.mark.django_db

QUERY = "wildland fire aviation"


@pytest.fixture
def crowd():
    """300 demo executives across sixteen fields of work, so the search has real competition."""
    call_command("seed_demo", executives=300, opportunities=0, no_progress=True, stdout=StringIO())


def _fire_chief(shared_with=None, **fields):
    resume = SharedResumeFactory(
        headline="Director, Fire and Aviation Management",
        current_title="Director, Fire and Aviation Management",
        summary="Led wildland fire suppression and the aviation program for the national forests.",
        skills=["wildland fire", "aviation safety", "incident command"],
        **fields,
    )
    PositionFactory(
        resume=resume,
        title="Deputy Director, Fire and Aviation",
        accomplishments="Ran air tanker contracts and wildland fire crews across four regions.",
    )
    if shared_with:
        resume.visibility = Resume.Visibility.CHOSEN_AGENCIES
        resume.visible_agencies.set(shared_with)
    resume.save()  # the search document follows the positions
    return resume


def test_hr_finds_the_obvious_candidate_sees_why_saves_and_gets_one_alert(crowd, client_as, personas, deliver):
    obvious = _fire_chief()
    client = client_as(personas.hr_a)

    response = client.get("/hr/resumes/", {"q": QUERY})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert obvious in [resume for resume, _ in rows[:25]], "the obvious candidate is on the first page"
    assert rows[0][0] == obvious, "and, with the most to say about it, first"
    why = dict((resume.pk, snippet) for resume, snippet in rows)[obvious.pk]
    assert "<mark>" in why  # the page shows which words matched

    response = client.post("/hr/searches/save/", {"params": f"q={QUERY}", "name": "", "frequency": "daily"})
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=personas.hr_a)
    assert saved.frequency == "daily"

    newcomer = _fire_chief(executive__full_name="Avery Newcomer")
    _fire_chief(visibility=Resume.Visibility.HIDDEN)  # never alerted: not shared with anyone
    _fire_chief(shared_with=[personas.agency_b])  # shared with another agency only

    sent = deliver(timezone.now() + timedelta(days=1, minutes=1))
    assert len(sent) == 1
    assert f"/hr/resumes/{newcomer.pk}/" in sent[0].body
    assert len(re.findall(r"/hr/resumes/\d+/", sent[0].body)) == 1, "only the new resume the agency may see"
    assert deliver(timezone.now() + timedelta(days=2, minutes=2)) == []  # and never twice
