"""Fill forms in a real browser as a person does: by the labels they read, clicking what they see.

USWDS hides the radio and checkbox inputs themselves and draws their labels instead, so a person
(and these helpers) clicks the label. Groups are found by their legend, fields by their label.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import signed_in_context


@pytest.fixture
def open_page(browser, live_server):
    """open_page(user=None) -> a new page, signed in as `user` if given; each one is closed after the test.

    Pages left open keep talking to the live server into the next test.
    """
    contexts = []

    def open_(user=None):
        contexts.append(signed_in_context(browser, live_server.url, user))
        return contexts[-1].new_page()

    yield open_
    for context in contexts:
        context.close()


def group(page, legend: str):
    """The fieldset whose legend starts with `legend` ("(required)" may follow)."""
    return page.get_by_role("group", name=legend)


def tick(page, legend: str, *labels: str) -> None:
    """Tick (or choose, for radios) each of `labels` in the group `legend`."""
    for label in labels:
        group(page, legend).locator("label").get_by_text(label, exact=True).click()


def ticked(page, legend: str) -> list[str]:
    """The labels of what is ticked or chosen in the group `legend`, in page order."""
    return (
        group(page, legend)
        .locator("input:checked")
        .evaluate_all("inputs => inputs.map(input => input.labels[0].innerText.trim())")
    )


def field(page, label: str):
    """The field whose label reads `label`, perhaps followed by "(required)" or "(optional)"."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\((required|optional)\))?$"))


def fill(page, values: dict[str, str]) -> None:
    """Type into text fields and choose from select lists, each found by its visible label."""
    for label, value in values.items():
        element = field(page, label)
        if element.evaluate("element => element.tagName") == "SELECT":
            element.select_option(label=value)
        else:
            element.fill(value)


def read(page, labels) -> dict[str, str]:
    """What each field shows now: the text typed, or the label of the option chosen."""
    values = {}
    for label in labels:
        values[label] = field(page, label).evaluate(
            "element => element.tagName === 'SELECT' ? element.selectedOptions[0].text.trim() : element.value"
        )
    return values


def error_summary_state(page) -> dict:
    """What a person meets after a failed submit: the title, where focus is, what the summary links to."""
    page.wait_for_load_state()  # a click returns once the next page starts; its scripts run by "load"
    return page.evaluate(
        """() => {
            const summary = document.querySelector('[data-error-summary]');
            const links = summary ? [...summary.querySelectorAll('a[href^="#"]')] : [];
            return {
                title: document.title,
                focused: summary !== null && document.activeElement === summary,
                broken: links.map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1))),
                links: links.length,
                field_alerts: document.querySelectorAll('.usa-error-message[role=alert]').length,
            };
        }"""
    )
