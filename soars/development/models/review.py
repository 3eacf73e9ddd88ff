"""The Executive Resources Board: who may review, the yearly reviews, and the reminders sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from soars.core.models import Agency, OpportunityType
from soars.development.models.assignment import TransitionError


class ErbReviewer(models.Model):
    """The ERB-reviewer permission, granted to an agency's HR staff by its agency administrator."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erb_reviewer")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user} reviews for {self.agency}"


class Review(models.Model):
    """One yearly review of an executive's development by their agency's ERB.

    A reviewer writes it and signs it (review.sign(by)); only then does the executive see it, and
    acknowledges it (review.acknowledge(by)).
    """

    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erb_reviews")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("date of the review")
    comments = models.TextField(max_length=5000)
    approved_types = models.ManyToManyField(
        OpportunityType,
        blank=True,
        related_name="+",
        verbose_name="developmental opportunities approved",
        help_text="The kinds of assignment the Board approves for the next period.",
    )
    approved_notes = models.TextField(
        "approved opportunities in detail",
        blank=True,
        max_length=2000,
        help_text="For example a particular rotation, project or course.",
    )
    next_review_on = models.DateField("next review by")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_on__gt=models.F("held_on")), name="next_review_after_review"
            )
        ]

    def __str__(self) -> str:
        return f"ERB review of {self.executive} on {self.held_on:%B %-d, %Y}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @transaction.atomic
    def sign(self, by) -> None:
        from soars.development.access import can_review

        if self.is_signed:
            raise TransitionError("This review is already signed.")
        if not can_review(by, self.executive):
            raise TransitionError("Only a reviewer of the executive's agency can sign this review.")
        self.signed_at = timezone.now()
        self.signed_by = by
        self.save(update_fields=["signed_at", "signed_by"])
        from soars.core.email import send_email

        send_email("development_review_signed", to=[self.executive.email], context={"review": self})

    def acknowledge(self, by) -> None:
        if by.pk != self.executive_id:
            raise TransitionError("Only the executive reviewed can acknowledge the review.")
        if not self.is_signed:
            raise TransitionError("This review is not signed yet.")
        if self.is_acknowledged:
            raise TransitionError("You have already acknowledged this review.")
        self.acknowledged_at = timezone.now()
        self.save(update_fields=["acknowledged_at"])


class ReminderSent(models.Model):
    """One row per reminder sent: the unique key is what makes each reminder go out once."""

    class Kind(models.TextChoices):
        REVIEW = "review", "ERB review due"
        BROADENING = "broadening", "Broadening assignment due"

    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["executive", "kind", "due_on"], name="one_reminder_per_due_date")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder for {self.executive}, due {self.due_on}"
