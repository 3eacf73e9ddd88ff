"""Which kinds of record are searchable, and how each becomes a search document.

An app registers its kind once, in its AppConfig.ready():

    register("resume", "resumes.Resume", resume_document)

where resume_document(resume) returns a Document. rebuild_search_index walks
every registered kind; index_object(record) finds the kind by the record's model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Document:
    """The searchable text of one record. title and names weigh more than body."""

    title: str = ""
    body: str = ""
    names: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    model_label: str
    document: Callable[[models.Model], Document]
    queryset: Callable[[], models.QuerySet] | None = None

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def all_records(self) -> models.QuerySet:
        """What rebuild_search_index indexes (prefetch here what document() reads)."""
        return self.queryset() if self.queryset else self.model._default_manager.all()


_kinds: dict[str, Kind] = {}


def register(
    kind: str,
    model: type[models.Model] | str,
    document: Callable[[models.Model], Document],
    *,
    queryset: Callable[[], models.QuerySet] | None = None,
) -> Kind:
    """Make a model searchable as `kind`. Registering the same kind again replaces it."""
    label = model if isinstance(model, str) else model._meta.label
    entry = Kind(kind, label, document, queryset)
    _kinds[kind] = entry
    return entry


def unregister(kind: str) -> None:
    _kinds.pop(kind, None)


def registered() -> list[Kind]:
    return list(_kinds.values())


def get(kind: str) -> Kind:
    try:
        return _kinds[kind]
    except KeyError:
        raise LookupError(f"No searchable kind {kind!r}; registered: {', '.join(_kinds) or 'none'}.") from None


def kind_for(model: type[models.Model]) -> Kind:
    label = model._meta.label
    for entry in _kinds.values():
        if entry.model_label.lower() == label.lower():
            return entry
    raise LookupError(f"{label} is not registered for search.")
