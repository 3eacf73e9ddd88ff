"""Loading data/places.json into the database (the seed migration and load_reference use it)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "places.json"


@cache
def read() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def load(apps=None) -> dict[str, int]:
    """Create or update the areas (by code) and places (by name and state) from the file."""
    if apps is None:
        from django.apps import apps
    MetroArea = apps.get_model("places", "MetroArea")
    Place = apps.get_model("places", "Place")
    data = read()
    places = 0
    for entry in data["areas"]:
        area, _ = MetroArea.objects.update_or_create(
            code=entry["code"], defaults={"title": entry["title"], "kind": entry["kind"]}
        )
        for name, state in entry["places"]:
            Place.objects.update_or_create(name=name, state=state, defaults={"area": area})
            places += 1
    for name, state in data["places_without_area"]:
        Place.objects.update_or_create(name=name, state=state, defaults={"area": None})
        places += 1
    return {"metro areas": len(data["areas"]), "places": places}
