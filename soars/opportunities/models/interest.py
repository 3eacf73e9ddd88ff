"""An executive's interest in an opportunity and its way through HR's pipeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from soars.opportunities.models.opportunity import Opportunity, TransitionError


class Interest(models.Model):
    class Status(models.TextChoices):
        INTERESTED = "interested", "Interested"
        REVIEWING = "reviewing", "Under review"
        REFERRED = "referred", "Referred to the selecting official"
        INTERVIEWING = "interviewing", "Interviewing"
        SELECTED = "selected", "Selected"
        NOT_SELECTED = "not_selected", "Not selected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # Where HR may move a candidate from each status. Withdrawn is the executive's alone.
    HR_MOVES = {
        "interested": {"reviewing", "not_selected"},
        "reviewing": {"interested", "referred", "not_selected"},
        "referred": {"reviewing", "interviewing", "not_selected"},
        "interviewing": {"referred", "selected", "not_selected"},
        "selected": {"interviewing", "not_selected"},
        "not_selected": {"reviewing"},
        "withdrawn": set(),
    }
    ACTIVE = {"interested", "reviewing", "referred", "interviewing"}
    # Changes the executive is told about by email.
    EMAILED = {"referred", "interviewing", "selected", "not_selected"}

    executive = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interests")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    note = models.TextField("note to the hiring agency", blank=True, max_length=2000)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.INTERESTED, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the HR contact's digest has mentioned this interest.
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["executive", "opportunity"], name="one_interest_per_executive"),
        ]

    def __str__(self) -> str:
        return f"{self.executive} in {self.opportunity}"

    @classmethod
    @transaction.atomic
    def express(cls, executive, opportunity: Opportunity, note: str = "") -> Interest:
        """The executive raises their hand (or raises it again after withdrawing)."""
        from soars.opportunities.rules import interest_problem

        if problem := interest_problem(executive, opportunity):
            raise TransitionError(problem)
        interest, created = cls.objects.select_for_update().get_or_create(
            executive=executive, opportunity=opportunity, defaults={"note": note}
        )
        if created:
            interest.record(None, cls.Status.INTERESTED, by=executive)
            return interest
        if interest.status != cls.Status.WITHDRAWN:
            raise TransitionError("You have already expressed interest in this opportunity.")
        interest.note = note
        interest.digested_at = None
        interest.created_at = timezone.now()
        interest.save(update_fields=["note", "digested_at", "created_at", "updated_at"])
        interest.move_to(cls.Status.INTERESTED, by=executive)
        return interest

    def allowed_moves(self, by) -> set[str]:
        if by.pk == self.executive_id:
            if self.status in self.ACTIVE:
                return {"withdrawn"}
            if self.status == "withdrawn" and self.opportunity.status == Opportunity.Status.OPEN:
                return {"interested"}
            return set()
        if Opportunity.objects.managed_by(by).filter(pk=self.opportunity_id).exists():
            return set(self.HR_MOVES[self.status])
        return set()

    def hr_choices(self) -> list[tuple[str, str]]:
        moves = self.HR_MOVES[self.status]
        return [(value, label) for value, label in self.Status.choices if value in moves]

    @transaction.atomic
    def move_to(self, status: str, by) -> None:
        """Change the pipeline status if the transition is allowed; record it; tell the executive."""
        status = getattr(status, "value", status)
        if status not in self.Status.values:
            raise TransitionError("That is not a pipeline status.")
        if status not in self.allowed_moves(by):
            current = self.get_status_display().lower()
            new = self.Status(status).label.lower()
            raise TransitionError(f"A candidate cannot move from “{current}” to “{new}”.")
        old = self.status
        self.status = status
        self.save(update_fields=["status", "updated_at"])
        self.record(old, status, by=by)
        if status in self.EMAILED and by.pk != self.executive_id:
            from soars.core.email import send_email

            send_email(
                "interest_status_changed",
                to=[self.executive.email],
                context={"interest": self, "opportunity": self.opportunity, "status": self.get_status_display()},
            )

    def record(self, old: str | None, new: str, by) -> InterestEvent:
        return InterestEvent.objects.create(interest=self, from_status=old or "", to_status=new, by=by)


class InterestEvent(models.Model):
    """One step in a candidate's history: who moved them, from what, to what, when."""

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=15, blank=True, choices=Interest.Status.choices)
    to_status = models.CharField(max_length=15, choices=Interest.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} → {self.to_status}"


class InterestNote(models.Model):
    """HR's private note on a candidate: never shown to the executive."""

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:50]
