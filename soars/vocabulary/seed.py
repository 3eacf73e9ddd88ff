"""Loading data/vocabulary.json into the database (the seed migration uses it with historical models)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "vocabulary.json"


def read() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def load(apps=None) -> dict[str, int]:
    """Create the domains, terms, related links and series from the file; existing codes and names are kept."""
    if apps is None:
        from django.apps import apps
    Domain = apps.get_model("vocabulary", "Domain")
    Term = apps.get_model("vocabulary", "Term")
    SeriesFamily = apps.get_model("vocabulary", "SeriesFamily")
    OccupationalSeries = apps.get_model("vocabulary", "OccupationalSeries")
    data = read()
    domains, terms = {}, {}
    for entry in data["domains"]:
        domain, _ = Domain.objects.get_or_create(
            code=entry["code"], defaults={"name": entry["name"], "description": entry["description"]}
        )
        domains[domain.code] = domain
        for item in entry["terms"]:
            term, _ = Term.objects.get_or_create(
                name=item["name"], defaults={"domain": domain, "synonyms": "\n".join(item["synonyms"])}
            )
            terms[term.name.casefold()] = (term, item["related"])
    for term, related in terms.values():
        term.related.add(*[terms[name.casefold()][0] for name in related])
    series = 0
    for entry in data["series_families"]:
        family, _ = SeriesFamily.objects.get_or_create(
            code=entry["code"], defaults={"name": entry["name"], "domain": domains.get(entry["domain"])}
        )
        for item in entry["series"]:
            OccupationalSeries.objects.get_or_create(
                code=item["code"], defaults={"title": item["title"], "family": family}
            )
            series += 1
    return {"domains": len(domains), "terms": len(terms), "series": series}
