"""The opportunity search index: kept current in the same transaction as every save."""

import pytest
from django.db import transaction

from soars.core.models import Ecq
from soars.opportunities import usajobs
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Opportunity
from soars.opportunities.search import KIND
from soars.search.engine import index_records, search
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def found(text, queryset=None):
    queryset = Opportunity.objects.all() if queryset is None else queryset
    return list(search(queryset, text, kind=KIND).values_list("title", flat=True))


def test_a_new_opportunity_is_found_by_a_word_of_its_description():
    OpportunityFactory(title="Chief Data Officer", description="Build the agency's geospatial platform.")
    assert found("geospatial") == ["Chief Data Officer"]


def test_an_edited_title_is_found_and_the_old_one_no_longer_is():
    opportunity = OpportunityFactory(title="Chief Data Officer")
    opportunity.title = "Chief Privacy Officer"
    opportunity.save()
    assert found("privacy") == ["Chief Privacy Officer"]
    assert found("data") == []


def test_emphasised_ecqs_are_searchable_once_saved_after_setting_them():
    opportunity = OpportunityFactory(title="Chief Data Officer")
    opportunity.ecqs.set(Ecq.objects.filter(name__icontains="coalitions")[:1])
    opportunity.reindex()
    assert found("coalitions") == ["Chief Data Officer"]


def test_publishing_and_closing_keep_one_document_per_opportunity(personas):
    opportunity = OpportunityFactory(title="Chief Data Officer")
    opportunity.publish(personas.hr_a)
    opportunity.close()
    assert SearchDocument.objects.filter(kind=KIND, object_id=opportunity.pk).count() == 1


def test_a_duplicate_is_indexed_under_its_own_title(personas):
    OpportunityFactory(title="Chief Data Officer").duplicate(personas.hr_a)
    assert found('"copy of chief data officer"') == ["Copy of Chief Data Officer"]


def test_a_rolled_back_save_leaves_no_document():
    with pytest.raises(RuntimeError), transaction.atomic():
        OpportunityFactory(title="Chief Data Officer")
        raise RuntimeError
    assert not SearchDocument.objects.filter(kind=KIND).exists()


def test_a_deleted_opportunity_leaves_no_document():
    opportunity = OpportunityFactory(title="Chief Data Officer")
    opportunity.interests.all().delete()
    opportunity.delete()
    assert not SearchDocument.objects.filter(kind=KIND).exists()


def test_imported_drafts_are_indexed(personas):
    values = {
        "agency": personas.hr_a.agency,
        "title": "Regional Forester",
        "type": OpportunityFactory.build().type,
        "description": "Manage the national forests of the Pacific Northwest.",
        "closes_on": OpportunityFactory.build().closes_on,
        "contact_email": "",
        "contact_name": "",
    }
    usajobs.create([usajobs.Draft(row=1, values=values)], by=personas.hr_a)
    assert found("forests") == ["Regional Forester"]


def test_bulk_indexing_replaces_documents_written_without_save():
    opportunity = OpportunityFactory(title="Chief Data Officer")
    Opportunity.objects.filter(pk=opportunity.pk).update(title="Chief Statistician")
    index_records(Opportunity.objects.filter(pk=opportunity.pk))
    assert found("statistician") == ["Chief Statistician"]
    assert SearchDocument.objects.filter(kind=KIND).count() == 1


def test_an_agency_only_posting_of_another_agency_is_never_found_by_an_outsider(personas):
    OpenOpportunityFactory(title="Inside geospatial job", visibility="agency")
    OpenOpportunityFactory(title="Public geospatial job")
    assert found("geospatial", Opportunity.objects.browsable_by(personas.outsider)) == ["Public geospatial job"]


def test_the_rebuild_command_restores_the_opportunity_index():
    from io import StringIO

    from django.core.management import call_command

    OpportunityFactory(title="Chief Data Officer")
    SearchDocument.objects.filter(kind=KIND).delete()
    call_command("rebuild_search_index", KIND, "--no-progress", stdout=StringIO())
    assert found("data") == ["Chief Data Officer"]
