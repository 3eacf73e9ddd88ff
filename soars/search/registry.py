"""Which kinds of record are searchable, and how each becomes a search document.

An app registers its kind once, in its AppConfig.ready():

    register("resume", "resumes.Resume", resume_document, queryset=resumes_to_index)

where resume_document(resume) returns a Document and the queryset (optional) is what
rebuild_search_index reads, with what the document function follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Document:
    """The searchable text of one record. title weighs most, then names, then body."""

    title: str = ""
    body: str = ""
    names: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    model_label: str
    document: Callable[[models.Model], Document]
    queryset: Callable[[], models.QuerySet] | None = None

    def all_records(self) -> models.QuerySet:
        return self.queryset() if self.queryset else apps.get_model(self.model_label)._default_manager.all()


_kinds: dict[str, Kind] = {}


def register(kind: str, model: type[models.Model] | str, document, *, queryset=None) -> Kind:
    """Make a model searchable as `kind`. Registering the same kind again replaces it."""
    _kinds[kind] = Kind(kind, model if isinstance(model, str) else model._meta.label, document, queryset)
    return _kinds[kind]


def unregister(kind: str) -> None:
    _kinds.pop(kind, None)


def registered() -> list[Kind]:
    return list(_kinds.values())


def get(kind: str) -> Kind:
    if kind not in _kinds:
        raise LookupError(f"No searchable kind {kind!r}; registered: {', '.join(_kinds) or 'none'}.")
    return _kinds[kind]


def kind_for(model: type[models.Model]) -> Kind:
    for entry in _kinds.values():
        if entry.model_label.lower() == model._meta.label.lower():
            return entry
    raise LookupError(f"{model._meta.label} is not registered for search.")
