"""search_names(): finding records by people's and organizations' names, forgiving partial words and typos."""

import pytest
from django.db import connection

from soars.core.models import Agency
from soars.search.engine import index_object, search_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    for agency in Agency.objects.filter(code__in=["AG", "CM", "DD"]):
        index_object(agency)


def codes(queryset) -> list[str]:
    return [agency.code for agency in queryset]


def test_a_name_is_found_by_its_first_letters(agencies):
    assert codes(search_names(Agency.objects.all(), "Agricultur", kind="agency")) == ["AG"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_a_misspelled_name_is_found_on_postgresql(agencies):
    assert codes(search_names(Agency.objects.all(), "Agrculture", kind="agency")) == ["AG"]


def test_a_name_search_keeps_the_callers_filter(agencies):
    assert codes(search_names(Agency.objects.exclude(code="AG"), "Agricultur", kind="agency")) == []


def test_a_name_search_without_letters_finds_nothing(agencies):
    assert codes(search_names(Agency.objects.all(), '"*-', kind="agency")) == []


@pytest.mark.parametrize("text", ['") OR 1=1 --', "NEAR(", "*", "-", "%", "names : x", "a" * 10_000, "\x00"])
def test_hostile_name_searches_never_raise_a_database_error(agencies, text):
    list(search_names(Agency.objects.all(), text, kind="agency")[:5])
