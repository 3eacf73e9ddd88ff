"""Load the reference data in soars/core/data into the database.

Idempotent: records are matched by code and updated in place, so running it
again after editing a data file changes only what changed; agencies are only
added, never changed (administrators edit them at /manage/agencies/). Used by the data
migration (with historical models) and by `manage.py load_reference`.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> list[dict]:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_reference(apps=None) -> dict[str, int]:
    if apps is None:
        from django.apps import apps
    get = apps.get_model
    Agency = get("core", "Agency")
    counts = {"agencies": 0, "competencies": 0, "ecqs": 0}

    # Agencies are created from the file but never changed by it: the program office renames and
    # retires them at /manage/agencies/, and loading the file again must not undo that.
    for agency in _read("agencies.json"):
        parent, _ = Agency.objects.get_or_create(
            code=agency["code"],
            defaults={
                "name": agency["name"],
                "abbreviation": agency.get("abbreviation", ""),
                "kind": agency["kind"],
                "parent": None,
            },
        )
        counts["agencies"] += 1
        for sub in agency.get("sub_elements", []):
            Agency.objects.get_or_create(
                code=sub["code"],
                defaults={
                    "name": sub["name"],
                    "abbreviation": sub.get("abbreviation", ""),
                    "kind": "sub_element",
                    "parent": parent,
                },
            )
            counts["agencies"] += 1

    Framework, Ecq, Competency = get("core", "EcqFramework"), get("core", "Ecq"), get("core", "Competency")
    for fw in _read("ecq_frameworks.json"):
        framework, _ = Framework.objects.update_or_create(
            code=fw["code"],
            defaults={
                "name": fw["name"],
                "year": fw["year"],
                "is_current": fw.get("is_current", False),
                "description": fw.get("description", ""),
            },
        )
        for ecq_order, item in enumerate(fw["ecqs"]):
            ecq, _ = Ecq.objects.update_or_create(
                framework=framework,
                code=item["code"],
                defaults={"name": item["name"], "description": item.get("description", ""), "order": ecq_order},
            )
            counts["ecqs"] += 1
            for order, comp in enumerate(item.get("competencies", [])):
                Competency.objects.update_or_create(
                    code=comp["code"],
                    defaults={
                        "framework": framework,
                        "ecq": ecq,
                        "name": comp["name"],
                        "description": comp.get("description", ""),
                        "order": order,
                    },
                )
                counts["competencies"] += 1
        for order, comp in enumerate(fw.get("fundamental_competencies", [])):
            Competency.objects.update_or_create(
                code=comp["code"],
                defaults={
                    "framework": framework,
                    "ecq": None,
                    "name": comp["name"],
                    "description": comp.get("description", ""),
                    "order": order,
                },
            )
            counts["competencies"] += 1

    simple = [
        ("OpportunityType", "opportunity_types.json", True),
        ("ClearanceLevel", "clearance_levels.json", False),
        ("EligibilityCategory", "eligibility_categories.json", True),
    ]
    for model_name, filename, ordered in simple:
        counts[model_name] = load_simple(apps, model_name, filename, ordered=ordered)
    return counts


def load_simple(apps, model_name: str, filename: str, *, ordered: bool) -> int:
    """Create or update the records of one flat data file, matched by code; returns how many."""
    Model = apps.get_model("core", model_name)
    fields = {f.name for f in Model._meta.fields}
    rows = _read(filename)
    for order, row in enumerate(rows):
        defaults = {k: v for k, v in row.items() if k in fields and k != "code"}
        if ordered:
            defaults["order"] = order
        Model.objects.update_or_create(code=row["code"], defaults=defaults)
    return len(rows)
