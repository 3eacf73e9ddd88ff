"""Reference data (DESIGN §3): loaded from soars/core/data by `load_reference`."""

from __future__ import annotations

from django.db import models


class AgencyQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def active(self):
        return self.filter(is_active=True)


class Agency(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", "Executive department"
        INDEPENDENT = "independent", "Independent agency"
        SUB_ELEMENT = "sub_element", "Sub-element"

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_elements")
    is_active = models.BooleanField(default=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def top(self) -> Agency:
        """The department or independent agency this record belongs to."""
        return self.parent if self.parent_id else self


class EcqFramework(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField()
    is_current = models.BooleanField(default=False)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.name


class Ecq(models.Model):
    framework = models.ForeignKey(EcqFramework, on_delete=models.CASCADE, related_name="ecqs")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_ecq_code_per_framework")]
        verbose_name = "ECQ"

    def __str__(self) -> str:
        return self.name


class Competency(models.Model):
    """A leadership competency under an ECQ, or a fundamental one (no ECQ)."""

    framework = models.ForeignKey(EcqFramework, on_delete=models.CASCADE, related_name="competencies")
    ecq = models.ForeignKey(Ecq, null=True, blank=True, on_delete=models.CASCADE, related_name="competencies")
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "ecq__order", "order"]
        verbose_name_plural = "competencies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_fundamental(self) -> bool:
        return self.ecq_id is None


# No temporary opportunity may run longer than this, whatever its type: four years, the
# longest any type allows (an IPA assignment with its extension).
LONGEST_TEMPORARY_DAYS = 1461


class OpportunityType(models.Model):
    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_permanent = models.BooleanField(default=False)
    min_days = models.PositiveIntegerField(null=True, blank=True)
    max_days = models.PositiveIntegerField(null=True, blank=True)
    extended_max_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Longest duration allowed with an extension."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name

    def duration_limits(self, *, extended: bool = False) -> tuple[int, int] | None:
        """(shortest, longest) duration in days this type allows, or None for a permanent type,
        which has no end date. A temporary type always needs a duration of at least a day, and
        at most its own limit or, without one, LONGEST_TEMPORARY_DAYS."""
        if self.is_permanent:
            return None
        longest = self.extended_max_days if extended and self.extended_max_days else self.max_days
        return (self.min_days or 1, longest or LONGEST_TEMPORARY_DAYS)

    def duration_problem(self, days: int | None, *, extended: bool = False) -> str | None:
        """Why a duration breaks this type's rules, or None when it is fine."""
        limits = self.duration_limits(extended=extended)
        if limits is None:
            if days is None:
                return None
            return f"A {self.name.lower()} has no end date: leave the duration empty."
        shortest, longest = limits
        if days is None:
            return f"{self.name} needs a duration: {shortest:,} to {longest:,} days."
        if days > longest:
            return f"{self.name} may last at most {longest:,} days; this one lasts {days:,}."
        if days < shortest:
            unit = "day" if shortest == 1 else "days"
            return f"{self.name} must last at least {shortest:,} {unit}; this one lasts {days:,}."
        return None

    @property
    def duration_rule(self) -> str:
        """The rule in words, for help text: "Rotation: 120 to 1,461 days"."""
        limits = self.duration_limits()
        if limits is None:
            return f"{self.name}: no duration (no end date)"
        rule = f"{self.name}: {limits[0]:,} to {limits[1]:,} days"
        if self.extended_max_days:
            rule += f", or up to {self.extended_max_days:,} with an approved extension"
        return rule


class ClearanceLevel(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField(unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name

    def meets(self, required: ClearanceLevel | None) -> bool:
        return required is None or self.rank >= required.rank


class EligibilityCategory(models.Model):
    """An executive's appointment eligibility (career SES, reinstatement, CDP graduate, ...)."""

    code = models.CharField(max_length=30, unique=True)
    name = models.CharField(max_length=200)
    career_eligible = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "eligibility categories"

    def __str__(self) -> str:
        return self.name
