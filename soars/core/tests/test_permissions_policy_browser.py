"""Chromium accepts the Permissions-Policy header as sent: no feature is unknown to it, and the
features it names are switched off for the page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chromium_reads_the_policy_without_complaint_and_denies_the_camera(browser, live_server, reference_data):
    context = browser.new_context()
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(live_server.url + "/")
    allowed = page.evaluate(
        "['camera', 'microphone', 'geolocation', 'payment', 'usb'].filter(f => document.featurePolicy.allowsFeature(f))"
    )
    context.close()
    assert allowed == []
    assert not [text for text in console if "Permissions-Policy" in text or "Feature Policy" in text]
