"""What each agency asks of its executives: the broadening interval, the mobility agreement and the
first-year onboarding checklist."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from soars.core.models import Agency

DEFAULT_BROADENING_YEARS = 5  # the longest interval the 2008 guidelines allow, when an agency sets none


class AgencyPolicy(models.Model):
    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="development_policy")
    broadening_years = models.PositiveSmallIntegerField(
        "a broadening assignment every (years)",
        default=DEFAULT_BROADENING_YEARS,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text="From 3 to 5 years, as the guidelines for broadening the SES suggest.",
    )
    mobility_agreement = models.TextField(
        "mobility agreement text",
        blank=True,
        max_length=10000,
        help_text="New executives read and acknowledge this text. Leave empty if your agency asks for none.",
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "agency policies"

    def __str__(self) -> str:
        return f"Development policy of {self.agency}"

    @classmethod
    def for_agency(cls, agency: Agency | None) -> AgencyPolicy:
        """The policy of an agency's department (unsaved defaults when it set none)."""
        if agency is None:
            return cls(broadening_years=DEFAULT_BROADENING_YEARS)
        top = agency.top
        return cls.objects.filter(agency=top).first() or cls(agency=top)


class OnboardingItem(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="onboarding_items")
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class OnboardingDone(models.Model):
    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(OnboardingItem, on_delete=models.CASCADE, related_name="done")
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["executive", "item"], name="onboarding_item_done_once")]

    def __str__(self) -> str:
        return f"{self.item} done by {self.executive}"


class MobilityAgreement(models.Model):
    """The agency's text as the executive acknowledged it, word for word, with the date."""

    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-acknowledged_at"]

    def __str__(self) -> str:
        return f"Mobility agreement of {self.executive} with {self.agency}"
