"""The Executive Development Plan: goals tied to ECQs and competencies, and planned activities."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from soars.core.models import Agency, Competency, Ecq, OpportunityType


class Plan(models.Model):
    """One per executive (or pilot participant); created the first time they open their page."""

    executive = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development")
    shared_with = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="+",
        verbose_name="also share my plan with",
        help_text=(
            "Your own agency's Executive Resources Board always sees your plan. Tick other agencies whose "
            "reviewers may read your goals, activities and assignments (never your reviews)."
        ),
    )
    is_national_security_professional = models.BooleanField("designated National Security Professional", default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Development plan of {self.executive}"

    @classmethod
    def of(cls, executive) -> Plan:
        plan, _ = cls.objects.get_or_create(executive=executive)
        return plan

    def touch(self) -> None:
        self.updated_at = timezone.now()
        self.save(update_fields=["updated_at"])


class Goal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        MET = "met", "Met"
        DROPPED = "dropped", "No longer pursued"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField("goal", max_length=300)
    ecq = models.ForeignKey(Ecq, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="ECQ")
    competency = models.ForeignKey(Competency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        from soars.matching import stored

        super().save(*args, **kwargs)
        stored.executive_changed(self.plan.executive_id)  # recommendations favour open goals

    def delete(self, *args, **kwargs):
        from soars.matching import stored

        executive_id = self.plan.executive_id
        result = super().delete(*args, **kwargs)
        stored.executive_changed(executive_id)
        return result

    def clean(self):
        super().clean()
        if self.ecq_id is None and self.competency_id is None:
            raise ValidationError("Tie the goal to an ECQ, a competency, or both.")
        if self.ecq_id and not self.ecq.framework.is_current:
            raise ValidationError({"ecq": "Choose an ECQ of the framework in force."})
        if self.competency_id and not self.competency.framework.is_current:
            raise ValidationError({"competency": "Choose a competency of the framework in force."})
        if self.ecq_id and self.competency_id and self.competency.ecq_id not in (None, self.ecq_id):
            raise ValidationError({"competency": f"This competency belongs to another ECQ than “{self.ecq}”."})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def framework_labels(self) -> list[str]:
        return [str(part) for part in (self.ecq, self.competency) if part is not None]


class Activity(models.Model):
    """Something the executive plans to do: an assignment of one of the opportunity types, an
    interagency project, formal training (an FEI course, for example) or anything else."""

    class Kind(models.TextChoices):
        ASSIGNMENT = "assignment", "Developmental assignment"
        INTERAGENCY_PROJECT = "interagency_project", "Interagency project"
        TRAINING = "training", "Formal training (for example an FEI course)"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities", verbose_name="serves goal"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ASSIGNMENT)
    opportunity_type = models.ForeignKey(
        OpportunityType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a developmental assignment: which kind.",
    )
    title = models.CharField("activity", max_length=200)
    target_date = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        ordering = ["target_date", "pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.kind == self.Kind.ASSIGNMENT and self.opportunity_type_id is None:
            raise ValidationError({"opportunity_type": "Choose the kind of assignment."})
        if self.kind != self.Kind.ASSIGNMENT:
            self.opportunity_type = None
        if self.goal_id and self.goal.plan_id != self.plan_id:
            raise ValidationError({"goal": "Choose one of your own goals."})

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.PLANNED, self.Status.IN_PROGRESS}
