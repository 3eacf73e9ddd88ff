"""Demo data shared by every app: the seeding context and this app's What's New posts.

`manage.py seed_demo` calls seed(ctx) in each app's demo module, in
INSTALLED_APPS order; later apps (resumes, opportunities) build on the
executives that accounts.demo creates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from tqdm import tqdm

from soars.core.models import WhatsNewPost

FIRST_NAMES = [
    "Aisha",
    "Alan",
    "Alicia",
    "Andre",
    "Angela",
    "Anita",
    "Ben",
    "Brenda",
    "Carlos",
    "Carmen",
    "Chen",
    "Chris",
    "Dana",
    "Daniel",
    "Deborah",
    "Derek",
    "Diane",
    "Elena",
    "Eric",
    "Farah",
    "Frank",
    "Gloria",
    "Grace",
    "Hector",
    "Helen",
    "Ian",
    "Irene",
    "Jamal",
    "James",
    "Janet",
    "Jorge",
    "Joyce",
    "Julia",
    "Kareem",
    "Karen",
    "Kevin",
    "Kim",
    "Laura",
    "Lee",
    "Linda",
    "Luis",
    "Maria",
    "Mark",
    "Maya",
    "Michael",
    "Nadia",
    "Nancy",
    "Nathan",
    "Olivia",
    "Omar",
    "Patricia",
    "Paul",
    "Priya",
    "Rachel",
    "Raj",
    "Ramon",
    "Rebecca",
    "Robert",
    "Rosa",
    "Ruth",
    "Samuel",
    "Sandra",
    "Sean",
    "Sofia",
    "Stephen",
    "Tanya",
    "Thomas",
    "Tina",
    "Victor",
    "Wei",
    "William",
    "Yolanda",
    "Zoe",
]
LAST_NAMES = [
    "Abbott",
    "Adams",
    "Alvarez",
    "Baker",
    "Banerjee",
    "Bell",
    "Brooks",
    "Campbell",
    "Carter",
    "Castillo",
    "Chang",
    "Chavez",
    "Cohen",
    "Collins",
    "Cruz",
    "Davis",
    "Diaz",
    "Edwards",
    "Ellis",
    "Evans",
    "Fischer",
    "Flores",
    "Foster",
    "Garcia",
    "Gomez",
    "Gonzalez",
    "Green",
    "Gupta",
    "Hall",
    "Harris",
    "Hayes",
    "Hernandez",
    "Hill",
    "Howard",
    "Hughes",
    "Jackson",
    "James",
    "Jenkins",
    "Johnson",
    "Jones",
    "Kelly",
    "Khan",
    "Kim",
    "King",
    "Lee",
    "Lewis",
    "Lopez",
    "Martin",
    "Martinez",
    "Mendoza",
    "Miller",
    "Mitchell",
    "Moore",
    "Morgan",
    "Murphy",
    "Nguyen",
    "Okafor",
    "Ortiz",
    "Parker",
    "Patel",
    "Perez",
    "Phillips",
    "Price",
    "Ramirez",
    "Reed",
    "Reyes",
    "Rivera",
    "Roberts",
    "Robinson",
    "Rodriguez",
    "Ross",
    "Russell",
    "Sanchez",
    "Scott",
    "Shah",
    "Singh",
    "Smith",
    "Stewart",
    "Sullivan",
    "Taylor",
    "Thomas",
    "Thompson",
    "Torres",
    "Turner",
    "Walker",
    "Wang",
    "Washington",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wright",
    "Young",
    "Zhang",
]


@dataclass
class DemoContext:
    """What seeders share. executive_ids is filled by accounts.demo."""

    executives: int
    opportunities: int
    rng: random.Random
    stdout: object
    show_progress: bool = True
    executive_ids: list[int] = field(default_factory=list)

    def progress(self, total: int, description: str):
        return tqdm(total=total, desc=description, unit="rec", disable=not self.show_progress, leave=True)

    def name(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)


POSTS = [
    (
        "SOARS opens to all executive branch agencies",
        "Every executive branch agency can now post opportunities in SOARS, and every career SES member, "
        "reinstatement eligible and certified CDP graduate can request access.\n\n"
        "Ask your agency's executive resources office who your SOARS administrator is.",
    ),
    (
        "Resumes now follow the 2025 Executive Core Qualifications",
        "You can write your ECQ statements under the 2025 framework or keep the 2006 framework. "
        "Each statement records which framework it was written under, so agencies read it in context.",
    ),
    (
        "Planned maintenance this weekend",
        "SOARS will be unavailable on Saturday from 8 p.m. to 10 p.m. Eastern time while we apply updates. "
        "Nothing you have saved will be affected.",
    ),
]


def seed(ctx: DemoContext) -> None:
    if WhatsNewPost.objects.exists():
        return
    now = timezone.now()
    for days_ago, (title, body) in zip((30, 12, 2), POSTS, strict=True):
        WhatsNewPost.objects.create(title=title, body=body, published_at=now - timedelta(days=days_ago))
