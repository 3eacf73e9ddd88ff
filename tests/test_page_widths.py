"""No page scrolls sideways, on a 320 px phone or a 1280 px desktop, even with long data (issue 17, item 18).

Every listed page is checked at 320 px by the accessibility test too (WCAG 1.4.10, reflow);
here the record lists are filled with what makes tables wide: 60-character email
addresses, long names and unbroken words, for each persona who reads them.
"""

import pytest

from soars.core.testing import make_personas
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_EMAIL = "alexandrina.featherstonehaugh-montgomery@fiscal.treasury.gov"
LONG_NAME = "Alexandra Maximiliana Featherstonehaugh-Montgomery-Cholmondeley"
LONG_WORD = "Supercalifragilisticexpialidocious-Interagency-Modernization"
IPV6 = "2001:0db8:85a3:0000:0000:8a2e:0370:7334"
WIDTHS = (320, 1280)

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const wide = [];
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    if (range.getBoundingClientRect().right > width + 1) wide.push(walker.currentNode.textContent.trim());
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, wide: wide.slice(-3)};
}"""


def test_the_long_email_is_sixty_characters():
    assert len(LONG_EMAIL) == 60


def long_records(personas) -> dict[str, list[str]]:
    """Records with long text in every list a persona reads; the pages to check, by persona."""
    from soars.accounts.factories import ExecutiveFactory, HrAccessRequestFactory, HrFactory
    from soars.audit.log import record
    from soars.audit.models import AuditEvent
    from soars.core.models import ContactMessage, WhatsNewPost
    from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory
    from soars.opportunities.models import ShortlistEntry
    from soars.resumes.factories import complete_resume
    from soars.resumes.viewing import VIEWED
    from soars.saved_searches.alerts import create

    reader = HrFactory(email=LONG_EMAIL, full_name="", agency=personas.agency_a)
    executive = personas.executive
    resume = complete_resume(executive)
    record(VIEWED, actor=reader, obj=resume, agency=reader.agency)
    record("login_failed", email=LONG_EMAIL, reason=LONG_WORD)
    AuditEvent.objects.create(
        action="account_deactivated", actor_email=LONG_EMAIL, object_repr=LONG_EMAIL, ip_address=IPV6
    )

    other = ExecutiveFactory(email="x" + LONG_EMAIL, full_name="")
    opportunity = OpenOpportunityFactory(title=f"{LONG_WORD} Director", created_by=personas.hr_a)
    InterestFactory(opportunity=opportunity, executive=other).record(None, "interested", by=other)
    ShortlistEntry.objects.create(
        opportunity=opportunity, resume=complete_resume(other), added_by=reader, note=LONG_WORD
    )

    message = ContactMessage.objects.create(name=LONG_NAME, email=LONG_EMAIL, topic="resume", message=LONG_WORD)
    request = HrAccessRequestFactory(full_name=LONG_NAME, email=LONG_EMAIL, agency=personas.agency_a)
    WhatsNewPost.objects.create(title=LONG_WORD, body="Body.")
    create(executive, "opportunity", f"q={LONG_WORD}", LONG_WORD, "weekly")
    create(personas.hr_a, "resume", f"q={LONG_WORD}", LONG_WORD, "daily")
    return {
        "site_admin": [
            "/manage/messages/?show=all",
            f"/manage/messages/{message.pk}/",
            "/manage/accounts/",
            f"/manage/accounts/{reader.pk}/",
            "/manage/audit/",
            "/manage/requests/",
            request.get_absolute_url(),
            "/manage/whats-new/",
        ],
        "executive": ["/executive/", "/executive/resume/", "/executive/resume/viewers/", "/executive/searches/"],
        "hr_a": [
            "/hr/",
            "/hr/opportunities/",
            f"/hr/opportunities/{opportunity.pk}/candidates/",
            f"/hr/opportunities/{opportunity.pk}/shortlist/",
            "/hr/resumes/",
            f"/hr/resumes/{resume.pk}/",
            "/hr/searches/",
        ],
        "agency_admin": ["/manage/requests/", request.get_absolute_url()],
    }


def test_no_page_scrolls_sideways_with_long_data(browser, live_server, reference_data):
    personas = make_personas()
    too_wide = []
    for name, paths in long_records(personas).items():
        context = signed_in_context(browser, live_server.url, personas.by_name(name))
        page = context.new_page()
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{path} answered {response.status}"
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                found = page.evaluate(OVERFLOW)
                if found["scrollWidth"] > found["width"]:
                    too_wide.append(f"{path} as {name} at {width} px: {found}")
        context.close()
    assert not too_wide, "\n".join(too_wide)
