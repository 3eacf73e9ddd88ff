"""The record of assignments an executive has held, and which of them broadened them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from soars.core.models import Agency, OpportunityType


class TransitionError(ValueError):
    """A state change the record does not allow."""


class AssignmentQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class Assignment(models.Model):
    class Source(models.TextChoices):
        ENTERED = "entered", "Entered by the executive"
        SELECTION = "selection", "Selected through SOARS"

    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    type = models.ForeignKey(OpportunityType, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    sub_element = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("position or project title", max_length=200)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while the assignment lasts.")
    is_interagency = models.BooleanField("in another agency than my own", default=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENTERED)
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["executive", "opportunity"],
                condition=models.Q(opportunity__isnull=False),
                name="one_assignment_per_selection",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="assignment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.type})"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be on or after the start date."})
        if self.sub_element_id and self.agency_id and self.sub_element.parent_id != self.agency_id:
            raise ValidationError({"sub_element": f"Choose a sub-element of {self.agency}."})

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_broadening(self) -> bool:
        """Every temporary developmental assignment broadens; a permanent position does when it is
        in another agency (a rotation to a new executive position elsewhere)."""
        return not self.type.is_permanent or self.is_interagency

    @property
    def broadening_date(self):
        """When it last counted: its end, or today while it lasts."""
        return self.end_date or timezone.localdate()

    def confirm(self, by) -> None:
        """HR of the executive's agency confirms an assignment the executive entered."""
        from soars.development.access import can_review

        if self.is_confirmed:
            raise TransitionError("This assignment is already confirmed.")
        if not can_review(by, self.executive):
            raise TransitionError("Only your agency's Executive Resources Board reviewers can confirm assignments.")
        self.confirmed_at = timezone.now()
        self.confirmed_by = by
        self.save(update_fields=["confirmed_at", "confirmed_by"])

    @classmethod
    @transaction.atomic
    def record_selection(cls, opportunity, by) -> Assignment | None:
        """The executive selected for a filled opportunity now holds it: add it to their record,
        already confirmed (HR filled the posting). Does nothing twice or without a selection."""
        executive = opportunity.selected
        if executive is None:
            return None
        start = opportunity.start_date or timezone.localdate()
        end = start + timedelta(days=opportunity.duration_days) if opportunity.duration_days else None
        home = getattr(executive.agency, "top", None)
        assignment, created = cls.objects.get_or_create(
            executive=executive,
            opportunity=opportunity,
            defaults={
                "type": opportunity.type,
                "agency": opportunity.agency,
                "sub_element": opportunity.sub_element,
                "title": opportunity.title,
                "start_date": start,
                "end_date": end,
                "is_interagency": home is not None and home != opportunity.agency.top,
                "source": cls.Source.SELECTION,
                "confirmed_at": timezone.now(),
                "confirmed_by": by,
            },
        )
        return assignment if created else None
