"""The vocabulary of federal executive work: domains, their terms (skills and phrases) with synonyms
and related terms, and occupational series families. Seeded from data/vocabulary.json by a migration,
edited by site administrators in the admin. Read through soars.vocabulary (concepts, expand)."""

from django.core.validators import RegexValidator
from django.db import models


class Domain(models.Model):
    """A field of federal work, e.g. cybersecurity or financial management."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    """A skill or phrase (one concept), the other words that name the same thing, and related terms."""

    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="terms")
    name = models.CharField(
        max_length=200, unique=True, help_text="The usual name of the skill, for example threat hunting."
    )
    synonyms = models.TextField(
        blank=True,
        help_text="Other words for the same skill, one per line (for example: cyber threat hunting). "
        "Case and punctuation do not matter.",
    )
    related = models.ManyToManyField(
        "self",
        blank=True,
        help_text="Different but neighbouring skills: a candidate who has one earns part of the credit for the other.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class SeriesFamily(models.Model):
    """Occupational series that do the same kind of work, e.g. 0501, 0505, 0510 and 0511 for financial management."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    domain = models.ForeignKey(Domain, null=True, blank=True, on_delete=models.SET_NULL, related_name="series_families")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series families"

    def __str__(self) -> str:
        return self.name


class OccupationalSeries(models.Model):
    """One OPM occupational series (four digits) and its family."""

    code = models.CharField(
        max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$", "Enter four digits, for example 0510.")]
    )
    title = models.CharField(max_length=200)
    family = models.ForeignKey(SeriesFamily, on_delete=models.CASCADE, related_name="series")

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "occupational series"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
