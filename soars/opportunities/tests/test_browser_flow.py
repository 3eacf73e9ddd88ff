"""End to end in a real Chromium: HR posts, an executive finds it and raises a hand, HR selects and fills."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import OpportunityType
from soars.core.testing import make_personas
from soars.opportunities.models import Opportunity
from tests.browser import signed_in_context

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# A duration that breaks each limited type's rule, and one that keeps it.
BAD_AND_GOOD = {
    "permanent": ("30", "", "has no end date: leave the duration empty"),
    "limited_term": ("1200", "1000", "at most 1,095 days"),
    "limited_emergency": ("600", "500", "at most 548 days"),
    "detail": ("5000", "120", "at most 365 days"),
    "rotation": ("60", "180", "at least 120 days"),
    "emergency_need": ("0", "30", "at least 1 day"),
    "ipa": ("800", "700", "at most 730 days"),
}


def assert_accessible(page):
    """The pages only a POST reaches (form errors, import report and preview) pass axe-core too."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def post(page, url, kind, title, duration=""):
    page.goto(url + "/hr/opportunities/new/")
    page.fill("#id_title", title)
    page.select_option("#id_type", str(kind.pk))
    page.fill("#id_description", f"Lead the {title.lower()} work.")
    page.fill("#id_locations", "Denver, CO")
    page.click("label[for=id_remote_1]")  # hybrid (USWDS hides the radio itself)
    page.fill("#id_duration_days", duration)
    page.fill("#id_closes_on", (timezone.localdate() + timedelta(days=20)).isoformat())
    page.click("button[name=publish]")


def test_hr_posts_an_executive_expresses_interest_and_hr_selects_and_fills(browser, live_server, reference_data):
    personas = make_personas()
    url = live_server.url
    hr = signed_in_context(browser, url, personas.hr_a).new_page()
    executive = signed_in_context(browser, url, personas.executive).new_page()

    # HR of agency A posts one opportunity of every type; the type rules stop the bad durations.
    for kind in OpportunityType.objects.all():
        bad, good, message = BAD_AND_GOOD.get(kind.code, (None, "90" if not kind.is_permanent else "", None))
        if bad:
            post(hr, url, kind, f"{kind.name} posting", bad)
            assert message in hr.locator(".usa-alert--error").inner_text()
            assert hr.input_value("#id_title") == f"{kind.name} posting"  # what was typed is kept
            assert_accessible(hr)
            hr.fill("#id_duration_days", good)
            hr.click("button[name=publish]")
        else:
            post(hr, url, kind, f"{kind.name} posting", good)
        assert "is published" in hr.locator(".soars-messages").inner_text(), kind.code
    assert (
        Opportunity.objects.filter(status="open", agency=personas.agency_a).count() == OpportunityType.objects.count()
    )
    rotation = Opportunity.objects.get(type__code="rotation")

    # The executive finds the rotation by filter and expresses interest with a note.
    executive.goto(url + "/opportunities/")
    executive.select_option("#id_type", "rotation")
    executive.click("label[for=id_remote]")
    executive.click("text=Apply filters")
    assert "1 open opportunity match your filters" in executive.content()
    executive.click("text=Rotation posting")
    executive.fill("#id_note", "I led a rotation programme at Interior.")
    executive.click("button:has-text('Express interest')")
    assert "Your interest is sent" in executive.content()

    # HR moves the candidate through every step; the executive sees each status.
    candidates = f"{url}/hr/opportunities/{rotation.pk}/candidates/"
    for value, label in [
        ("reviewing", "Under review"),
        ("referred", "Referred to the selecting official"),
        ("interviewing", "Interviewing"),
        ("selected", "Selected"),
    ]:
        hr.goto(candidates)
        assert "I led a rotation programme at Interior." in hr.content()
        hr.select_option("select[name=status]", value)
        hr.click("button:has-text('Move')")
        assert f"is now “{label}”" in hr.locator(".soars-messages").inner_text()
        executive.goto(url + "/executive/interests/")
        assert executive.locator(".soars-status").first.inner_text() == label

    # HR marks the opportunity filled, naming the executive.
    hr.goto(f"{url}/hr/opportunities/{rotation.pk}/fill/")
    hr.select_option("#id_selected", label="Alice Executive")
    hr.click("button:has-text('Mark filled')")
    assert "is filled after 0 days" in hr.content()

    executive.goto(url + "/executive/interests/")
    page = executive.content()
    assert "opportunity filled" in page
    for label in ("Interested", "Under review", "Referred to the selecting official", "Interviewing", "Selected"):
        assert label in page

    # HR of agency B can neither see the pipeline nor edit the posting.
    outsider = signed_in_context(browser, url, personas.hr_b).new_page()
    for path in ("candidates/", "edit/", ""):
        response = outsider.goto(f"{url}/hr/opportunities/{rotation.pk}/{path}")
        assert response.status == 404
        assert "I led a rotation programme" not in outsider.content()


def test_the_usajobs_import_in_the_browser_accepts_a_good_file_and_reports_a_bad_one(
    browser,
    live_server,
    reference_data,
    tmp_path,
):
    import json

    from soars.opportunities.tests.usajobs_samples import document, item

    personas = make_personas()
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document(item(), item(ApplicationCloseDate="soon"))))
    page.goto(live_server.url + "/hr/opportunities/import/")
    page.set_input_files("#id_file", str(bad))
    page.click("text=Check the file")
    report = page.locator("table").inner_text()
    assert "2\tApplicationCloseDate" in report
    assert_accessible(page)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(document(item(), item(PositionTitle="Chief Forester"))))
    page.set_input_files("#id_file", str(good))
    page.click("text=Check the file")
    assert_accessible(page)
    page.click("text=Import 2 drafts")
    assert "Imported 2 opportunities as drafts" in page.content()
    assert Opportunity.objects.filter(status="draft", agency=personas.agency_a).count() == 2


def test_a_shortlist_add_refused_on_the_resume_page_keeps_the_note(browser, live_server, reference_data):
    from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory
    from soars.opportunities.models import ShortlistEntry
    from soars.resumes.factories import complete_resume

    personas = make_personas()
    resume = complete_resume(personas.executive)
    closing = OpenOpportunityFactory(title="Chief Data Officer")
    OpportunityFactory(title="A draft posting")
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    page.goto(f"{live_server.url}/hr/resumes/{resume.pk}/")
    page.select_option("#id_shortlist_opportunity", str(closing.pk))
    page.fill("#id_shortlist_note", "Ask about the data strategy.")
    Opportunity.objects.filter(pk=closing.pk).update(status="closed")  # closed while HR was typing
    page.click("text=Add to shortlist")
    assert "Choose one of your agency's draft or open opportunities." in page.locator("#shortlist").inner_text()
    assert page.input_value("#id_shortlist_note") == "Ask about the data strategy."
    assert not ShortlistEntry.objects.exists()
    assert_accessible(page)
