"""JSON Resume (https://jsonresume.org/schema) export and import.

Standard keys carry what the standard knows (basics, work, education,
certificates, skills). Federal fields ride along as extension keys: each work
entry's "x-series", "x-payPlan", "x-level", "x-agency", and a top-level
"x-federal" object (ECQ framework and statements, competencies, clearance,
eligibility, locations, work arrangements accepted, opportunity types, availability).
An ECQ statement carries either "narrative" (one pasted text) or its four parts
"challenge", "context", "action" and "result".
Reference data travels as its codes.

An import is checked by the editor's own forms, so the same rules hold however
a resume is entered; every problem is reported with the key it sits at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms as django_forms
from django.db import transaction

from soars.core.arrangements import OLD_PREFERENCE, accepted
from soars.core.models import (
    Agency,
    ClearanceLevel,
    Competency,
    Ecq,
    EcqFramework,
    EligibilityCategory,
    OpportunityType,
)
from soars.resumes import forms
from soars.resumes.models import EcqStatement, Education, Position, Resume, Training

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
MAX_IMPORT_BYTES = 1024 * 1024
MAX_ENTRIES = 50
MANY_TO_MANY = {"competencies", "opportunity_types"}  # set by code from x-federal, not through the forms


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _code(obj) -> str | None:
    return obj.code if obj is not None else None


def _statement(statement: EcqStatement) -> dict:
    """A narrative statement as {"narrative": text}; one in CCAR form as its four parts."""
    texts = ("narrative",) if statement.is_narrative else statement.PARTS
    return {
        "framework": statement.ecq.framework.code,
        "ecq": statement.ecq.code,
        **{name: getattr(statement, name) for name in texts},
    }


def export_resume(resume: Resume) -> dict:
    statements = resume.ecq_statements.select_related("ecq__framework")
    return {
        "$schema": SCHEMA,
        "basics": {
            "name": resume.executive.full_name,
            "label": resume.headline,
            "email": resume.executive.email,
            "summary": resume.summary,
        },
        "work": [
            {
                "name": p.employer,
                "position": p.title,
                "startDate": _day(p.start_date),
                "endDate": _day(p.end_date),
                "summary": p.accomplishments,
                "x-agency": _code(p.agency),
                "x-series": p.series,
                "x-payPlan": p.pay_plan,
                "x-level": p.level,
            }
            for p in resume.positions.select_related("agency")
        ],
        "education": [
            {"institution": e.institution, "studyType": e.degree, "area": e.field, "endDate": _year(e.year)}
            for e in resume.education.all()
        ],
        "certificates": [
            {"name": t.name, "issuer": t.provider, "date": _year(t.year), "x-kind": t.kind}
            for t in resume.training.all()
        ],
        "skills": [{"name": skill} for skill in resume.skills],
        "x-federal": {
            "currentPosition": resume.current_title,
            "currentAgency": _code(resume.current_agency),
            "eligibility": _code(resume.eligibility),
            "clearance": _code(resume.clearance),
            "ecqFramework": _code(resume.ecq_framework),
            "ecqStatements": [_statement(s) for s in statements],
            "competencies": [c.code for c in resume.competencies.all()],
            "opportunityTypes": [t.code for t in resume.opportunity_types.all()],
            "locations": resume.locations,
            "workArrangements": accepted(resume.arrangements),
            "availableFrom": _day(resume.available_from),
        },
    }


def _year(year) -> str | None:
    return str(year) if year else None


@dataclass
class ImportPlan:
    """Validated forms, ready to save; or the errors that stop the import."""

    errors: list[str] = field(default_factory=list)
    sections: list[django_forms.ModelForm] = field(default_factory=list)
    entries: dict[str, list[django_forms.ModelForm]] = field(default_factory=dict)
    statements: list[tuple[Ecq, django_forms.ModelForm]] = field(default_factory=list)
    summary: dict[str, str] = field(default_factory=dict)
    extra: dict[str, list] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _dict(value, path: str, plan: ImportPlan) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        plan.errors.append(f"{path}: expected an object.")
        return {}
    return value


def _list(value, path: str, plan: ImportPlan) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        plan.errors.append(f"{path}: expected a list.")
        return []
    if len(value) > MAX_ENTRIES:
        plan.errors.append(f"{path}: at most {MAX_ENTRIES} entries; this file has {len(value)}.")
        return []
    return value


def _text(value, path: str = "", plan: ImportPlan | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if plan is not None:
        plan.errors.append(f"{path}: expected text, not {type(value).__name__}.")
    return ""


def _arrangements(federal: dict, plan: ImportPlan) -> list[str]:
    """x-federal.workArrangements (codes of soars.core.arrangements), or the one "remote" preference
    files exported before it (read as resumes.0006 migrated it)."""
    if "workArrangements" in federal:
        listed = _list(federal.get("workArrangements"), "x-federal.workArrangements", plan)
        return [_text(code, "x-federal.workArrangements", plan) for code in listed]
    old = _text(federal.get("remote"), "x-federal.remote", plan)
    return OLD_PREFERENCE.get(old, [old] if old else [])


def _by_code(model, code, path: str, plan: ImportPlan, **filters):
    if code in (None, ""):
        return None
    found = model.objects.filter(code=str(code), **filters).first() if isinstance(code, str) else None
    if found is None:
        plan.errors.append(f"{path}: unknown code {str(code)[:40]!r}.")
    return found


def _check(form, paths: dict[str, str], plan: ImportPlan) -> None:
    if not form.is_valid():
        for name, messages in form.errors.items():
            where = paths.get(name, name)
            plan.errors.extend(f"{where}: {message}" for message in messages)


def _year_of(value, path: str, plan: ImportPlan) -> str:
    text = _text(value, path, plan)
    return text[:4] if text[:4].isdigit() else text


def build_plan(data, resume: Resume) -> ImportPlan:
    plan = ImportPlan()
    if not isinstance(data, dict):
        plan.errors.append("The file must hold one JSON object (a JSON Resume).")
        return plan
    basics = _dict(data.get("basics"), "basics", plan)
    federal = _dict(data.get("x-federal"), "x-federal", plan)
    framework = _by_code(EcqFramework, federal.get("ecqFramework"), "x-federal.ecqFramework", plan)
    agency = _by_code(Agency, federal.get("currentAgency"), "x-federal.currentAgency", plan)
    eligibility = _by_code(EligibilityCategory, federal.get("eligibility"), "x-federal.eligibility", plan)
    clearance = _by_code(ClearanceLevel, federal.get("clearance"), "x-federal.clearance", plan)
    competencies = [
        _by_code(Competency, code, f"x-federal.competencies[{i}]", plan)
        for i, code in enumerate(_list(federal.get("competencies"), "x-federal.competencies", plan))
    ]
    types = [
        _by_code(OpportunityType, code, f"x-federal.opportunityTypes[{i}]", plan)
        for i, code in enumerate(_list(federal.get("opportunityTypes"), "x-federal.opportunityTypes", plan))
    ]
    skills = [
        _text(_dict(s, f"skills[{i}]", plan).get("name"), f"skills[{i}].name", plan)
        for i, s in enumerate(_list(data.get("skills"), "skills", plan))
    ]
    locations = [
        _text(x, "x-federal.locations", plan) for x in _list(federal.get("locations"), "x-federal.locations", plan)
    ]
    staged = Resume(pk=resume.pk, executive=resume.executive, ecq_framework=framework)

    def section(form_class, values: dict, paths: dict[str, str]):
        form = form_class(data={form_class.prefix + "-" + k: v for k, v in values.items()}, instance=staged)
        _check(form, paths, plan)
        plan.sections.append(form)

    section(
        forms.AboutForm,
        {
            "headline": _text(basics.get("label"), "basics.label", plan),
            "summary": _text(basics.get("summary"), "basics.summary", plan),
            "current_title": _text(federal.get("currentPosition"), "x-federal.currentPosition", plan),
            "current_agency": agency.pk if agency else "",
            "eligibility": eligibility.pk if eligibility else "",
        },
        {"headline": "basics.label", "summary": "basics.summary", "current_title": "x-federal.currentPosition"},
    )
    if framework is not None:
        section(forms.FrameworkForm, {"ecq_framework": framework.pk}, {"ecq_framework": "x-federal.ecqFramework"})
    section(forms.SkillsForm, {"skills": ", ".join(skills)}, {"skills": "skills"})
    section(
        forms.PreferencesForm,
        {
            "clearance": clearance.pk if clearance else "",
            "locations": "; ".join(locations),
            "arrangements": _arrangements(federal, plan),
            "available_from": _text(federal.get("availableFrom"), "x-federal.availableFrom", plan),
        },
        {
            "locations": "x-federal.locations",
            "arrangements": "x-federal.workArrangements",
            "available_from": "x-federal.availableFrom",
        },
    )
    plan.extra = {"competencies": [c for c in competencies if c], "opportunity_types": [t for t in types if t]}

    def entries(key: str, form_class, to_form: dict[str, str], years: tuple[str, ...] = ()) -> None:
        plan.entries[key] = []
        json_key = _json_key(key)
        for i, raw in enumerate(_list(data.get(json_key), json_key, plan)):
            path = f"{json_key}[{i}]"
            item = _dict(raw, path, plan)
            values = {}
            for name, key_in_file in to_form.items():
                value = item.get(key_in_file)
                if key_in_file == "x-agency":
                    found = _by_code(Agency, value, f"{path}.x-agency", plan)
                    values[name] = found.pk if found else ""
                elif key_in_file == "x-kind":
                    values[name] = _text(value, f"{path}.x-kind", plan) or Training.Kind.TRAINING
                else:
                    where = f"{path}.{key_in_file}"
                    values[name] = _year_of(value, where, plan) if key_in_file in years else _text(value, where, plan)
            form = form_class(data=values)
            _check(form, {name: f"{path}.{key_in_file}" for name, key_in_file in to_form.items()}, plan)
            plan.entries[key].append(form)

    entries(
        "positions",
        forms.PositionForm,
        {
            "employer": "name",
            "title": "position",
            "start_date": "startDate",
            "end_date": "endDate",
            "accomplishments": "summary",
            "agency": "x-agency",
            "series": "x-series",
            "pay_plan": "x-payPlan",
            "level": "x-level",
        },
    )
    entries(
        "education",
        forms.EducationForm,
        {"institution": "institution", "degree": "studyType", "field": "area", "year": "endDate"},
        years=("endDate",),
    )
    entries(
        "training",
        forms.TrainingForm,
        {"name": "name", "provider": "issuer", "year": "date", "kind": "x-kind"},
        years=("date",),
    )
    for i, raw in enumerate(_list(federal.get("ecqStatements"), "x-federal.ecqStatements", plan)):
        path = f"x-federal.ecqStatements[{i}]"
        item = _dict(raw, path, plan)
        fw = _by_code(EcqFramework, item.get("framework") or (framework and framework.code), f"{path}.framework", plan)
        ecq = _by_code(Ecq, item.get("ecq"), f"{path}.ecq", plan, framework=fw) if fw else None
        data = {name: _text(item.get(name), f"{path}.{name}", plan) for name in EcqStatement.TEXTS}
        narrative = bool(data["narrative"].strip())
        if narrative and any(data[part].strip() for part in EcqStatement.PARTS):
            plan.errors.append(f"{path}: a narrative or the four parts challenge, context, action, result, not both.")
        written_as = forms.EcqStatementForm.NARRATIVE if narrative else forms.EcqStatementForm.CCAR
        form = forms.EcqStatementForm(data={**data, "written_as": written_as})
        _check(form, {name: f"{path}.{name}" for name in EcqStatement.TEXTS}, plan)
        if ecq is not None:
            if any(other.pk == ecq.pk for other, _ in plan.statements):
                plan.errors.append(f"{path}.ecq: a second statement for {ecq.name}.")
            plan.statements.append((ecq, form))
    plan.summary = {
        "Positions held": str(len(plan.entries.get("positions", []))),
        "Education": str(len(plan.entries.get("education", []))),
        "Training and certifications": str(len(plan.entries.get("training", []))),
        "ECQ statements": str(len(plan.statements)),
    }
    return plan


def _json_key(key: str) -> str:
    return {"positions": "work", "training": "certificates"}.get(key, key)


ENTRY_MODELS = {"positions": Position, "education": Education, "training": Training}


@transaction.atomic
def apply_plan(plan: ImportPlan, resume: Resume) -> None:
    """Replace the resume's content with the imported one (sharing settings stay as they are)."""
    assert plan.ok
    for form in plan.sections:
        for name, value in form.cleaned_data.items():
            if name not in MANY_TO_MANY:
                setattr(resume, name, value)
    resume.competencies.set(plan.extra["competencies"])
    resume.opportunity_types.set(plan.extra["opportunity_types"])
    for key, model in ENTRY_MODELS.items():
        model.objects.filter(resume=resume).delete()
        for order, form in enumerate(plan.entries.get(key, [])):
            entry = form.save(commit=False)
            entry.resume, entry.order = resume, order
            entry.save()
    resume.ecq_statements.all().delete()
    for ecq, form in plan.statements:
        statement = form.save(commit=False)
        statement.resume, statement.ecq = resume, ecq
        statement.save()
    resume.save()


def changes(plan: ImportPlan, resume: Resume) -> list[tuple[str, str, str]]:
    """What the import would change: (what, now, after) for the preview."""
    rows = []
    for form in plan.sections:
        for name, after in form.cleaned_data.items():
            if name in MANY_TO_MANY:
                continue
            before = getattr(resume, name)
            if before != after and (before or after):
                label = str(form.fields[name].label or name)
                rows.append((label, _show(before), _show(after)))
    counts = {
        "Positions held": resume.positions.count(),
        "Education": resume.education.count(),
        "Training and certifications": resume.training.count(),
        "ECQ statements": resume.ecq_statements.count(),
    }
    for label, after in plan.summary.items():
        rows.append((f"{label} (entries, replaced)", str(counts[label]), after))
    return rows


def _show(value) -> str:
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"
