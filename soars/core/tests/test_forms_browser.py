"""Forms in Chromium: what a person meets after a failed submit, file fields' names, and the core forms."""

import pytest

from soars.core.models import ContactMessage
from soars.core.testing import make_personas
from tests.forms_browser import error_summary_state, fill, read, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_failed_submit_takes_focus_to_an_error_summary_whose_links_all_lead_somewhere(
    open_page, live_server, reference_data
):
    personas = make_personas()
    page = open_page()
    for path, button, at_least in [
        ("/request-access/executive/", "Send my request", 8),
        ("/request-access/hr/", "Send my request", 7),
        ("/contact/", "Send message", 4),
    ]:
        page.goto(live_server.url + path)
        page.get_by_role("button", name=button).click()
        state = error_summary_state(page)
        assert state["title"].startswith("Error: "), path
        assert state["focused"], f"{path}: focus is not on the error summary"
        assert state["links"] >= at_least and state["broken"] == [], path
        assert state["field_alerts"] == 0, path

    # On the resume editor, the one section that failed has the summary; its link leads to the first agency.
    page = open_page(personas.executive)
    page.goto(live_server.url + "/executive/resume/")
    tick(page, "Who may see your resume", "Only the agencies I choose")
    page.get_by_role("button", name="Save sharing choices").click()
    state = error_summary_state(page)
    assert state["title"].startswith("Error: ") and state["focused"] and state["broken"] == []
    summary = page.locator("[data-error-summary]")
    assert summary.get_by_role("link").get_attribute("href") == "#id_sharing-visible_agencies_0"


def test_every_file_field_is_named_by_its_visible_label(open_page, live_server, reference_data):
    personas = make_personas()
    for user, path, labels in [
        (
            personas.executive,
            "/executive/resume/",
            ["Resume file (PDF or Word DOCX, at most 5 MB)", "JSON Resume file"],
        ),
        (personas.hr_a, "/hr/opportunities/import/", ["USAJOBS announcement file (JSON)"]),
    ]:
        page = open_page(user)
        page.goto(live_server.url + path)
        file_inputs = page.locator("input[type=file]")
        assert file_inputs.count() == len(labels)
        for index, label in enumerate(labels):
            field = file_inputs.nth(index)
            # USWDS's script has run (it sets this aria-label) and the visible label still names the field.
            assert field.get_attribute("aria-label") == "Drag file here or choose from folder"
            named = page.get_by_role("button", name=label)
            assert named.count() == 1 and named.evaluate("e => e.type") == "file", f"{path}: {label}"
            assert label in page.locator("body").aria_snapshot()


CONTACT = {
    "Your name": "Pat Lee",
    "Your email address": "pat.lee@agency.gov",
    "Topic": "Accessibility",
    "Your message": "The file field on my resume page has no name.",
}


def test_a_contact_message_and_a_whats_new_post_arrive_as_typed(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page()
    page.goto(live_server.url + "/contact/")
    fill(page, CONTACT)
    page.get_by_role("button", name="Send message").click()
    assert page.url.endswith("/contact/thanks/")
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic, message.message) == (
        "Pat Lee",
        "pat.lee@agency.gov",
        "accessibility",
        CONTACT["Your message"],
    )

    admin = open_page(personas.site_admin)
    admin.goto(f"{live_server.url}/manage/messages/{message.pk}/")
    assert CONTACT["Your message"] in admin.locator("main").inner_text()

    post = {"Title": "Resumes now keep every ticked box", "Body": "Tick as many as apply.\n\nThey all stay."}
    admin.goto(live_server.url + "/manage/whats-new/new/")
    fill(admin, post)
    admin.get_by_role("button", name="Save post").click()
    assert "is saved" in admin.locator(".soars-messages").inner_text()
    admin.get_by_role("link", name="Edit").first.click()
    assert read(admin, post) == post
    admin.goto(live_server.url + "/whats-new/")
    text = admin.locator("main").inner_text()
    assert "Resumes now keep every ticked box" in text and "They all stay." in text


def test_an_administrator_replies_to_a_message_and_reads_the_reply_back(open_page, live_server, reference_data):

    personas = make_personas()
    message = ContactMessage.objects.create(name="Pat Lee", email="pat@agency.gov", topic="other", message="Hello?")
    page = open_page(personas.site_admin)
    page.goto(f"{live_server.url}/manage/messages/{message.pk}/")
    page.get_by_role("button", name="Send the reply to pat@agency.gov").click()  # empty: refused
    assert "Write the reply before sending it." in page.content() or "This field is required." in page.content()
    fill(page, {"Your reply": "Hello Pat,\nyour access request is approved."})
    page.get_by_role("button", name="Send the reply to pat@agency.gov").click()
    assert "Your reply is on its way to pat@agency.gov" in page.locator(".soars-messages").inner_text()
    replies = page.get_by_role("region", name="Replies sent").inner_text()
    assert "your access request is approved." in replies
    assert message.replies.get().text == "Hello Pat,\nyour access request is approved."
