"""HR's shortlist for an opportunity: executives picked from the resumes their agency may see."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from soars.opportunities.models.opportunity import Opportunity, TransitionError

NOTE_MAX = 1000


class ShortlistQuerySet(models.QuerySet):
    def visible_to_agency(self, agency):
        """Entries whose resume the agency may still see. A resume hidden later drops out here."""
        from soars.resumes.models import Resume

        return self.filter(resume__in=Resume.objects.visible_to_agency(agency).values("pk"))


class ShortlistEntry(models.Model):
    """One executive on one opportunity's shortlist (a resume is one per executive, so one entry each)."""

    # Shortlists change only while the posting can still take candidates.
    OPEN_STATUSES = (Opportunity.Status.DRAFT, Opportunity.Status.OPEN)

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="shortlist")
    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="shortlist_entries")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField("private note", max_length=NOTE_MAX, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Set once HR has invited the executive to express interest (at most once per entry).
    invited_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ShortlistQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "shortlist entries"
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "resume"], name="one_shortlist_entry_per_executive"),
        ]

    def __str__(self) -> str:
        return f"{self.resume.executive} on the shortlist for {self.opportunity}"

    @staticmethod
    def check_can_change(opportunity: Opportunity) -> None:
        """Refuse changes to the shortlist of a closed, filled or cancelled opportunity."""
        if opportunity.status not in ShortlistEntry.OPEN_STATUSES:
            raise TransitionError(
                f"This opportunity is {opportunity.get_status_display().lower()}, so its shortlist can no longer "
                "change. You can still read and download it."
            )

    @classmethod
    def add(cls, opportunity: Opportunity, resume, by, note: str = "") -> tuple[ShortlistEntry, bool]:
        """Put the executive on the shortlist; (entry, created). Adding twice keeps the first entry."""
        cls.check_can_change(opportunity)
        return cls.objects.get_or_create(
            opportunity=opportunity, resume=resume, defaults={"added_by": by, "note": note}
        )
