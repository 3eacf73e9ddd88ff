"""Positions held, education and training: add, edit, delete and reorder, one entry at a time."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.core.access import roles
from soars.resumes.forms import EducationForm, PositionForm, TrainingForm
from soars.resumes.models import Education, Position, Training
from soars.resumes.models.entries import renumber
from soars.resumes.views.editor import own_resume


@dataclass(frozen=True)
class Kind:
    model: type
    form: type[forms.ModelForm]
    singular: str
    title: str


KINDS = {
    "positions": Kind(Position, PositionForm, "position", "Positions held"),
    "education": Kind(Education, EducationForm, "school or degree", "Education"),
    "training": Kind(Training, TrainingForm, "training or certification", "Training and certifications"),
}
BACK = "/executive/resume/#{}"


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise Http404("No such section.")
    return KINDS[name]


def _place_by_date(entry) -> None:
    """New positions go where their start date puts them: newest first."""
    entries = list(entry.siblings().exclude(pk=entry.pk).order_by("order", "pk"))
    if isinstance(entry, Position):
        index = next((i for i, e in enumerate(entries) if e.start_date < entry.start_date), len(entries))
    else:
        index = len(entries)
    entries.insert(index, entry)
    renumber(entries)


@roles("executive")
@never_cache
def entry_form(request, kind: str, entry_id: int | None = None):
    spec = _kind(kind)
    resume = own_resume(request)
    entry = get_object_or_404(spec.model, pk=entry_id, resume=resume) if entry_id else None
    form = spec.form(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.resume = resume
            adding = saved.pk is None
            saved.order = 10_000 if adding else saved.order
            saved.save()
            if adding:
                _place_by_date(saved)
            resume.save()
        messages.success(request, f"Saved the {spec.singular}.")
        return redirect(BACK.format(kind))
    context = {"form": form, "spec": spec, "kind": kind, "entry": entry}
    return render(request, "resumes/entry_form.html", context, status=400 if form.errors else 200)


@roles("executive")
@never_cache
@require_POST
def delete_entry(request, kind: str, entry_id: int):
    spec = _kind(kind)
    resume = own_resume(request)
    entry = get_object_or_404(spec.model, pk=entry_id, resume=resume)
    with transaction.atomic():
        entry.delete()
        resume.save()
    messages.success(request, f"Deleted the {spec.singular}.")
    return redirect(BACK.format(kind))


@roles("executive")
@never_cache
@require_POST
def move_entry(request, kind: str, entry_id: int):
    spec = _kind(kind)
    entry = get_object_or_404(spec.model, pk=entry_id, resume=own_resume(request))
    with transaction.atomic():
        entry.move(request.POST.get("direction", ""))
    return redirect(BACK.format(kind))
