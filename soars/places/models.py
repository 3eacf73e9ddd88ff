"""Places people name (a city, town, county or installation, with its state) and the commuting area each
lies in: the Census Bureau's core-based statistical area (CBSA). Seeded from data/places.json by a
migration, edited by site administrators in the admin. Read through soars.places (area_of, resolve)."""

from django.core.validators import RegexValidator
from django.db import models


class MetroArea(models.Model):
    """A core-based statistical area: a county-based commuting area around a core of 10,000+ people."""

    class Kind(models.TextChoices):
        METROPOLITAN = "metropolitan", "Metropolitan"
        MICROPOLITAN = "micropolitan", "Micropolitan"

    code = models.CharField(
        "CBSA code", max_length=5, unique=True, validators=[RegexValidator(r"^\d{5}$", "Five digits.")]
    )
    title = models.CharField(
        max_length=120, help_text="The Census title, e.g. Washington-Arlington-Alexandria, DC-VA-MD-WV."
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.METROPOLITAN)

    class Meta:
        ordering = ["title"]
        verbose_name = "metropolitan area"

    def __str__(self) -> str:
        return self.title


class Place(models.Model):
    """A place executives and postings name, e.g. Reston, VA; its area makes it meet the others there."""

    name = models.CharField(max_length=100, help_text="As people write it, e.g. Reston or Fort Meade.")
    state = models.CharField(
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", "The two-letter postal code, e.g. VA.")],
        help_text="Two-letter postal code of the state, DC or territory.",
    )
    area = models.ForeignKey(
        MetroArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        help_text="Its commuting area; empty for a place in no CBSA (it then meets only itself).",
    )

    class Meta:
        ordering = ["name", "state"]
        constraints = [models.UniqueConstraint(fields=["name", "state"], name="place_unique_name_state")]

    def __str__(self) -> str:
        return f"{self.name}, {self.state}"
