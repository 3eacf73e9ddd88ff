"""The repeated parts of a resume: positions held, education, training, ECQ statements."""

from __future__ import annotations

import re

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

TEXT_MAX = 4000
ECQ_PART_MAX = 2500
ECQ_NARRATIVE_MAX = 10000  # a whole narrative: four parts' worth, and room to spare


class OrderedEntry(models.Model):
    """An entry the executive can move up and down; `order` 0 is shown first."""

    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def siblings(self):
        return type(self).objects.filter(resume_id=self.resume_id)

    def move(self, direction: str) -> bool:
        """Swap places with the neighbour above ("up") or below ("down")."""
        entries = list(self.siblings().order_by("order", "pk"))
        index = next(i for i, entry in enumerate(entries) if entry.pk == self.pk)
        other = index - 1 if direction == "up" else index + 1
        if direction not in {"up", "down"} or not 0 <= other < len(entries):
            return False
        entries[index], entries[other] = entries[other], entries[index]
        renumber(entries)
        return True


def renumber(entries) -> None:
    for number, entry in enumerate(entries):
        if entry.order != number:
            entry.order = number
            type(entry).objects.filter(pk=entry.pk).update(order=number)


class Position(OrderedEntry):
    class PayPlan(models.TextChoices):
        ES = "ES", "ES (Senior Executive Service)"
        SL = "SL", "SL (Senior Level)"
        ST = "ST", "ST (Scientific or Professional)"
        GS = "GS", "GS (General Schedule)"
        EX = "EX", "EX (Executive Schedule)"
        OTHER = "OT", "Other, or outside government"

    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="positions")
    employer = models.CharField("agency or employer", max_length=200)
    agency = models.ForeignKey(
        "core.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For federal positions: the agency, so matching can credit service in other agencies.",
    )
    title = models.CharField("position title", max_length=200)
    series = models.CharField(
        "occupational series",
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", "Enter a four-digit series, for example 0340.")],
        help_text="Four digits, for example 0340.",
    )
    pay_plan = models.CharField(max_length=2, choices=PayPlan.choices, blank=True)
    level = models.CharField("grade or level", max_length=20, blank=True, help_text="For example 15, or Tier 2.")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty for the position you hold now.")
    accomplishments = models.TextField(max_length=TEXT_MAX, blank=True)

    class Meta(OrderedEntry.Meta):
        # The "served in" filter and its facet count read only this index.
        indexes = [models.Index(fields=["resume", "agency"], name="position_resume_agency")]

    def __str__(self) -> str:
        return f"{self.title}, {self.employer}"


class Education(OrderedEntry):
    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="education")
    institution = models.CharField(max_length=200)
    degree = models.CharField(max_length=120, blank=True, help_text="For example Master of Public Administration.")
    field = models.CharField("field of study", max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(
        "year completed", null=True, blank=True, validators=[MinValueValidator(1940), MaxValueValidator(2100)]
    )

    class Meta(OrderedEntry.Meta):
        verbose_name_plural = "education"

    def __str__(self) -> str:
        return ", ".join(part for part in (self.degree, self.institution) if part)


class Training(OrderedEntry):
    class Kind(models.TextChoices):
        TRAINING = "training", "Training"
        CERTIFICATION = "certification", "Certification"

    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="training")
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.TRAINING)
    name = models.CharField(max_length=200, help_text="For example SES Candidate Development Program.")
    provider = models.CharField(max_length=200, blank=True, help_text="For example Federal Executive Institute.")
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1940), MaxValueValidator(2100)]
    )

    class Meta(OrderedEntry.Meta):
        verbose_name_plural = "training and certifications"

    def __str__(self) -> str:
        return self.name


class EcqStatement(models.Model):
    """One ECQ statement under the ECQ's own framework, written in one of two forms: a narrative
    pasted as one text, or challenge–context–action–result. Only one form is kept."""

    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="ecq_statements")
    ecq = models.ForeignKey("core.Ecq", on_delete=models.PROTECT, related_name="+")
    narrative = models.TextField(max_length=ECQ_NARRATIVE_MAX, blank=True)
    challenge = models.TextField(max_length=ECQ_PART_MAX, blank=True)
    context = models.TextField(max_length=ECQ_PART_MAX, blank=True)
    action = models.TextField(max_length=ECQ_PART_MAX, blank=True)
    result = models.TextField(max_length=ECQ_PART_MAX, blank=True)

    class Meta:
        ordering = ["ecq__framework", "ecq__order"]
        constraints = [
            models.UniqueConstraint(fields=["resume", "ecq"], name="one_statement_per_ecq"),
            models.CheckConstraint(
                condition=models.Q(narrative="") | models.Q(challenge="", context="", action="", result=""),
                name="ecq_statement_in_one_form",
            ),
        ]
        verbose_name = "ECQ statement"

    def __str__(self) -> str:
        return f"{self.ecq.name} statement"

    PARTS = ("challenge", "context", "action", "result")
    TEXTS = ("narrative", *PARTS)  # every text of a statement, whichever form it is in

    @property
    def is_narrative(self) -> bool:
        return bool(self.narrative.strip())

    @property
    def paragraphs(self) -> list[str]:
        """The narrative's paragraphs, as the executive separated them with blank lines."""
        return [p.strip() for p in re.split(r"\n\s*\n", self.narrative) if p.strip()]

    def texts(self) -> list[str]:
        return [getattr(self, name) for name in self.TEXTS if getattr(self, name)]
