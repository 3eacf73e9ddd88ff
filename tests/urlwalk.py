"""Walk every URL pattern of the project, with sample arguments for converters."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

SAMPLE_BY_CONVERTER = {
    "IntConverter": "1",
    "StringConverter": "sample",
    "SlugConverter": "sample",
    "UUIDConverter": str(uuid.UUID(int=1)),
    "PathConverter": "sample/path",
}


@dataclass
class Route:
    path: str
    callback: object
    name: str


def _sample(converters: dict, pattern: str) -> str:
    path = pattern
    for key, converter in converters.items():
        value = SAMPLE_BY_CONVERTER.get(type(converter).__name__, "1")
        path = path.replace(f"<{key}>", value)
        for prefix in ("int", "str", "slug", "uuid", "path"):
            path = path.replace(f"<{prefix}:{key}>", value)
    return path


def walk(resolver=None, prefix: str = "", converters: dict | None = None, namespace: str = ""):
    resolver = resolver or get_resolver()
    converters = dict(converters or {})
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        route = str(pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + route, {**converters, **pattern.converters}, ns)
        elif isinstance(entry, URLPattern):
            if route.startswith("^"):  # regex patterns (admin internals) are not ours
                continue
            all_converters = {**converters, **pattern.converters}
            yield Route("/" + _sample(all_converters, prefix + route), entry.callback, f"{namespace}{entry.name}")
