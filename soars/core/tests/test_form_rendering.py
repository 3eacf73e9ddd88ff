"""How every form is drawn: tick-all lists as checkboxes, error summaries that lead somewhere, file labels."""

import importlib
import inspect
import pkgutil
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

import soars

pytestmark = pytest.mark.django_db


def form_modules():
    """soars/<app>/forms.py and every module of soars/<app>/forms/."""
    for app in pkgutil.iter_modules(soars.__path__):
        try:
            module = importlib.import_module(f"soars.{app.name}.forms")
        except ModuleNotFoundError:
            continue
        yield module
        if hasattr(module, "__path__"):
            for sub in pkgutil.iter_modules(module.__path__):
                yield importlib.import_module(f"{module.__name__}.{sub.name}")


def multi_choice_fields():
    found = {}
    for module in form_modules():
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                for field_name, field in cls.base_fields.items():
                    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                        found[f"{name}.{field_name}"] = field
    return found


def render_field(field: forms.Field) -> str:
    probe = type("Probe", (forms.Form,), {"choice": field})()
    return render_to_string("core/forms/field.html", {"field": probe["choice"]})


def test_every_multi_choice_field_of_every_form_renders_one_checkbox_per_choice():
    fields = multi_choice_fields()
    # The tick-all lists of the resume editor and the HR posting form, at least.
    for expected in (
        "SkillsForm.competencies",
        "PreferencesForm.opportunity_types",
        "SharingForm.visible_agencies",
        "OpportunityForm.ecqs",
        "OpportunityForm.competencies",
        "OpportunityForm.eligibility",
    ):
        assert expected in fields
    for name, field in fields.items():
        html = render_field(field)
        choices = len(list(field.choices))
        assert choices, f"{name} offers nothing to tick in the reference data"
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            assert html.count('type="checkbox"') == choices, name
        else:
            assert "<select" in html and " multiple" in html, name
        assert 'type="radio"' not in html, name


class Ids(HTMLParser):
    """Every id in a page, the error summary's links, and what carries role=alert."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.alerts = set(), [], []
        self._in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "data-error-summary" in attrs:
            self._in_summary = True
        if self._in_summary and tag == "a":
            self.links.append(attrs["href"])
        if attrs.get("role") == "alert":
            self.alerts.append(attrs.get("class", ""))

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_summary = False


def parse(html: str) -> Ids:
    parser = Ids()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("url", [reverse("accounts:request_executive"), reverse("accounts:request_hr")])
def test_every_error_summary_link_of_an_empty_request_access_form_leads_to_an_element(client, url):
    page = parse(client.post(url, {}).content.decode())
    assert len(page.links) >= 5
    for href in page.links:
        assert href.startswith("#") and href[1:] in page.ids, f"{href} leads nowhere"


def test_an_error_link_for_a_radio_group_leads_to_its_first_radio(client):
    html = client.post(reverse("accounts:request_executive"), {}).content.decode()
    assert 'href="#id_eligibility_0"' in html
    assert 'id="id_eligibility_0"' in html


def test_a_failed_submit_titles_the_page_error_and_alerts_once(client):
    html = client.post(reverse("accounts:request_executive"), {}).content.decode()
    assert re.search(r"<title>Error: \w", html)
    page = parse(html)
    assert page.alerts == ["usa-alert usa-alert--error"]  # the summary only, not each field
    assert re.search(r'<div class="usa-alert usa-alert--error"[^>]* tabindex="-1" data-error-summary>', html)
    assert "soars/error-summary" in html


def test_a_form_without_errors_titles_the_page_plainly(client):
    html = client.get(reverse("accounts:request_executive")).content.decode()
    assert re.search(r"<title>\w", html) and "Error:" not in html
    assert "data-error-summary" not in html and "error-summary.js" not in html


def test_the_login_field_gives_up_autofocus_to_the_error_summary(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert re.search(r'<input[^>]*autofocus[^>]*id="id_username"', html)
    html = client.post(reverse("accounts:login"), {"username": "nobody@agency.gov", "password": "x"}).content.decode()
    assert "data-error-summary" in html and "autofocus" not in html


def test_a_file_input_is_named_by_its_visible_label(client_as, personas):
    html = client_as(personas.hr_a).get(reverse("opportunities:hr_import")).content.decode()
    assert re.search(r'<input[^>]*type="file"[^>]*aria-labelledby="id_file_label"', html)
    label = re.search(r'<label[^>]*id="id_file_label">([^<]*)', html)
    assert label and label.group(1).strip() == "USAJOBS announcement file (JSON)"
