"""Work arrangements: one choice set for the posting (which it offers) and the resume (which are accepted).

Kept apart from the models so the matcher (soars.matching, pure Python) can read it too.
"""

from __future__ import annotations

from django.db import models


class WorkArrangement(models.TextChoices):
    ON_SITE = "on_site", "On site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Fully remote"


# How a posting's arrangement reads at the start of a sentence ("Fully on site; accepts only fully remote").
POSTING_WORDS = {
    WorkArrangement.ON_SITE: "Fully on site",
    WorkArrangement.HYBRID: "Hybrid",
    WorkArrangement.REMOTE: "Fully remote",
}


def arrangement_words(code: str) -> str:
    """An arrangement in running text: "on site", "hybrid", "fully remote"."""
    return str(WorkArrangement(code).label).lower() if code in WorkArrangement.values else code


def accepted(values) -> list[str]:
    """The known arrangements among values, once each, in the choice set's order."""
    given = {str(value) for value in values or []}
    return [value for value in WorkArrangement.values if value in given]


# A resume's one "remote" preference before it listed the arrangements accepted, and the set it named
# (as migration resumes.0006 converted them; also read from older JSON Resume files).
OLD_PREFERENCE = {
    "on_site": [WorkArrangement.ON_SITE.value],
    "hybrid": [WorkArrangement.HYBRID.value],
    "remote": [WorkArrangement.REMOTE.value],
    "any": list(WorkArrangement.values),
}
