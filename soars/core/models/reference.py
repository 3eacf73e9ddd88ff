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

    def duration_problem(self, days: int | None, *, extended: bool = False) -> str | None:
        """Why a duration breaks this type's rules, or None when it is fine."""
        if days is None:
            if self.min_days is None and self.max_days is None:
                return None
            return f"{self.name} needs a duration."
        limit = self.extended_max_days if extended and self.extended_max_days else self.max_days
        if limit is not None and days > limit:
            return f"{self.name} may last at most {limit} days; this one lasts {days}."
        if self.min_days is not None and days < self.min_days:
            return f"{self.name} must last at least {self.min_days} days; this one lasts {days}."
        return None


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
