"""The browsable API docs work in Chromium under the site's strict content security policy."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_list_the_operations_with_assets_from_the_site(open_page, live_server, reference_data):
    page = open_page()
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    response = page.goto(live_server.url + "/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_text("/api/v1/agency/opportunities/{id}/matches").first.wait_for()
    assert all(url.startswith(live_server.url) for url in asked), asked
    assert [text for text in refused if "script" in text] == []
