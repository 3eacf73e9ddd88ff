"""The places table in the database: seeded by its migration, edited in the admin, used by Best matches."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from soars.opportunities.factories import OpenOpportunityFactory
from soars.places import locate
from soars.places.models import MetroArea, Place
from soars.resumes.factories import complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def test_the_migration_seeds_every_area_and_place():
    assert MetroArea.objects.filter(kind="metropolitan").count() >= 180
    assert Place.objects.get(name="Reston", state="VA").area.code == "47900"
    assert str(Place.objects.get(name="Columbia", state="MD").area) == "Baltimore-Columbia-Towson, MD"


def test_load_reference_restores_an_edited_place():
    Place.objects.filter(name="Reston").update(area=None)
    call_command("load_reference", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Place.objects.get(name="Reston", state="VA").area.code == "47900"


def test_an_administrator_s_edit_takes_effect_on_the_next_lookup():
    assert locate("Woodlawn, MD").area.name == "Baltimore, MD"
    place = Place.objects.get(name="Woodlawn", state="MD")
    place.area = MetroArea.objects.get(code="47900")
    place.save()
    assert locate("Woodlawn, MD").area.name == "Washington, DC"
    Place.objects.create(name="Smallville", state="KS", area=MetroArea.objects.get(code="45820"))
    assert locate("smallville kansas").area.name == "Topeka, KS"


def test_the_site_administrator_can_edit_places_in_the_admin(client_as, personas):
    personas.site_admin.is_superuser = True  # as the demo data and createsuperuser make them
    personas.site_admin.save()
    client = client_as(personas.site_admin)
    place = Place.objects.get(name="Reston", state="VA")
    assert client.get(reverse("admin:places_place_change", args=[place.pk])).status_code == 200
    html = client.get(reverse("admin:places_metroarea_changelist"), {"q": "Baltimore"}).content.decode()
    assert "Baltimore-Columbia-Towson, MD" in html


def test_an_outsider_cannot_reach_the_places_admin(client_as, personas):
    response = client_as(personas.outsider).get(reverse("admin:places_place_changelist"))
    assert response.status_code in (302, 403, 404)


def test_best_matches_puts_a_reston_executive_first_for_a_washington_posting(client_as, personas):
    posting = OpenOpportunityFactory(
        title="Chief Information Officer",
        skills="cloud migration",
        locations="Washington, DC",
        created_by=personas.hr_a,
    )
    reston = complete_resume()
    baltimore = complete_resume()
    Resume.objects.filter(pk=reston.pk).update(locations=["reston virginia"])
    Resume.objects.filter(pk=baltimore.pk).update(locations=["Baltimore, MD"])
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{posting.pk}/matches/")
    ranked = response.context["ranked"]
    assert [entry.record.pk for entry in ranked if entry.match.meets_all] == [reston.pk]
    assert [entry.record.pk for entry in ranked if not entry.match.meets_all] == [baltimore.pk]
    html = response.content.decode()
    assert "Wants to work in the Washington, DC area" in html
    assert "Works in the Washington, DC area; has chosen Baltimore, MD" in html
