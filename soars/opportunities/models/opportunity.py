"""An opportunity an agency posts (DESIGN §3), with its rules and dated status transitions."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from soars.core.models import (
    Agency,
    ClearanceLevel,
    Competency,
    Ecq,
    EligibilityCategory,
    OpportunityType,
    WorkArrangement,
)
from soars.opportunities.managers import OpportunityQuerySet


class TransitionError(ValueError):
    """A status change the current state does not allow; the message is for people."""


class Opportunity(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        FILLED = "filled", "Filled"
        CANCELLED = "cancelled", "Cancelled"

    class PositionType(models.TextChoices):
        GENERAL = "general", "General (open to any eligible executive)"
        CAREER_RESERVED = "career_reserved", "Career reserved (career-eligible executives only)"

    Remote = WorkArrangement  # the one choice set shared with the resume

    class Visibility(models.TextChoices):
        ALL = "all", "All executives"
        AGENCY = "agency", "Executives of our agency only"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="opportunities")
    sub_element = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="sub_element_opportunities"
    )
    title = models.CharField(max_length=200)
    type = models.ForeignKey(OpportunityType, on_delete=models.PROTECT, related_name="opportunities")
    position_type = models.CharField(max_length=20, choices=PositionType.choices, default=PositionType.GENERAL)
    description = models.TextField()
    duties = models.TextField(blank=True)
    ecqs = models.ManyToManyField(Ecq, blank=True, related_name="opportunities", verbose_name="ECQs emphasised")
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="opportunities", verbose_name="competencies emphasised"
    )
    skills = models.TextField(blank=True, help_text="One skill per line or separated by commas.")
    locations = models.TextField(blank=True, help_text="One location per line, for example “Washington, DC”.")
    remote = models.CharField(
        "work arrangement", max_length=10, choices=WorkArrangement.choices, default=WorkArrangement.ON_SITE
    )
    start_date = models.DateField(null=True, blank=True)
    start_flexibility_days = models.PositiveSmallIntegerField(
        "start date flexibility in days",
        null=True,
        blank=True,
        help_text="How many days after the start date an executive may still start. Leave empty if none.",
    )
    duration_days = models.PositiveIntegerField("duration in days", null=True, blank=True)
    extended = models.BooleanField(
        "extension approved", default=False, help_text="Only IPA assignments may be extended (to four years)."
    )
    closes_on = models.DateField()
    pay_level = models.CharField(max_length=40, blank=True, help_text="For example “ES” or “SL/ST”.")
    pay_min = models.PositiveIntegerField("lowest annual pay (dollars)", null=True, blank=True)
    pay_max = models.PositiveIntegerField("highest annual pay (dollars)", null=True, blank=True)
    clearance = models.ForeignKey(
        ClearanceLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="opportunities"
    )
    eligibility = models.ManyToManyField(
        EligibilityCategory,
        blank=True,
        related_name="opportunities",
        verbose_name="who may express interest",
        help_text="Leave all unticked to admit every executive.",
    )
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.ALL)
    veteran_outreach = models.BooleanField(
        "mark for veteran outreach",
        default=False,
        help_text="The posting is promoted to veterans; program metrics report how far it reached.",
    )
    contact_name = models.CharField(max_length=150)
    contact_email = models.EmailField()
    source_url = models.URLField("announcement address", max_length=500, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    filled_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    selected = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)
    # Plain text for search; rebuilt on every save. The search issue indexes it.

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name_plural = "opportunities"
        indexes = [
            models.Index(fields=["status", "closes_on"]),
            # What a search reads per opportunity besides the text (who may see it, the filtered,
            # counted and sorted columns): searches read this index, not the wide rows.
            models.Index(
                fields=[
                    "id",
                    "status",
                    "visibility",
                    "agency",
                    "type",
                    "clearance",
                    "remote",
                    "closes_on",
                    "published_at",
                ],
                name="opportunity_search_columns",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        """Save and re-index in one transaction: the search document never disagrees with the record."""
        from soars.matching import rankings, stored

        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated_at"}
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            self.reindex()
            # Matching: this posting's Best matches and everyone's recommendations are stale.
            rankings.posting_saved(self)
            stored.posting_saved(self)

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        from soars.search.engine import remove_object

        with transaction.atomic(using=kwargs.get("using")):
            remove_object(self)
            return super().delete(*args, **kwargs)

    def reindex(self) -> None:
        """Write the search document again: after save(), and after the ECQs or other relations change."""
        from soars.search.engine import index_object

        index_object(self)

    # -- rules ---------------------------------------------------------------

    def rule_problems(self, *, today: date | None = None) -> dict[str, str]:
        """Type and date rules broken by this posting, as {field: message}."""
        today = today or timezone.localdate()
        problems: dict[str, str] = {}
        if self.type_id:
            if self.extended and self.type.extended_max_days is None:
                problems["extended"] = f"A {self.type.name.lower()} cannot be extended."
            elif problem := self.type.duration_problem(self.duration_days, extended=self.extended):
                problems["duration_days"] = problem
        if self.closes_on and self.closes_on < today:
            problems["closes_on"] = "The closing date cannot be before today."
        if self.start_date and self.closes_on and self.start_date < self.closes_on:
            problems["start_date"] = "The start date cannot be before the closing date."
        if self.pay_min and self.pay_max and self.pay_min > self.pay_max:
            problems["pay_max"] = "The highest pay cannot be below the lowest pay."
        return problems

    def eligibility_problem(self, categories=None) -> str | None:
        """Why the chosen eligibility categories break the position type (career reserved)."""
        if categories is None:
            categories = list(self.eligibility.all()) if self.pk else []
        if self.position_type == self.PositionType.CAREER_RESERVED:
            wrong = [c.name for c in categories if not c.career_eligible]
            if wrong:
                return "A career-reserved position admits only career-eligible executives; remove " + ", ".join(wrong)
        return None

    # -- derived -------------------------------------------------------------

    @property
    def is_career_reserved(self) -> bool:
        return self.position_type == self.PositionType.CAREER_RESERVED

    @property
    def location_list(self) -> list[str]:
        return location_list(self.locations)

    @property
    def skill_list(self) -> list[str]:
        return skill_list(self.skills)

    @property
    def duration_text(self) -> str:
        if self.type_id and self.type.is_permanent:
            return "Permanent"
        if not self.duration_days:
            return "Not stated"
        days = self.duration_days
        if days >= 60:
            months = round(days / 30.44)
            return f"{months:,} months ({days:,} days)"
        return f"{days} day" if days == 1 else f"{days} days"

    @property
    def pay_text(self) -> str:
        amounts = [f"${n:,}" for n in (self.pay_min, self.pay_max) if n]
        money = " to ".join(amounts) + " a year" if amounts else ""
        return ", ".join(part for part in (self.pay_level, money) if part)

    @property
    def days_to_fill(self) -> int | None:
        """Time to fill: from publication to filling, in days."""
        if self.published_at and self.filled_at:
            return (self.filled_at.date() - self.published_at.date()).days
        return None

    def build_search_text(self) -> str:
        parts = [self.title, self.description, self.duties, self.skills, self.locations, self.pay_level]
        parts += [getattr(self.agency, "name", ""), getattr(self.sub_element, "name", "") or ""]
        parts.append(self.type.name if self.type_id else "")
        parts.append(self.get_remote_display())
        if self.pk:
            parts += [e.name for e in self.ecqs.all()] + [c.name for c in self.competencies.all()]
        return "\n".join(p for p in parts if p)

    # -- transitions ---------------------------------------------------------

    def _require(self, *allowed: str, action: str) -> None:
        if self.status not in allowed:
            raise TransitionError(f"A {self.get_status_display().lower()} opportunity cannot be {action}.")

    def publish(self, by) -> None:
        self._require(self.Status.DRAFT, action="published")
        problems = self.rule_problems()
        if eligibility := self.eligibility_problem():
            problems["eligibility"] = eligibility
        if problems:
            raise TransitionError(" ".join(problems.values()))
        self.status = self.Status.OPEN
        self.published_at = timezone.now()
        self.save(update_fields=["status", "published_at"])

    def close(self, *, automatic: bool = False) -> None:
        self._require(self.Status.OPEN, action="closed")
        self.status = self.Status.CLOSED
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at"])
        if automatic:
            from soars.core.email import send_email

            send_email("opportunity_closed", to=[self.contact_email], context={"opportunity": self})

    def cancel(self) -> None:
        self._require(self.Status.DRAFT, self.Status.OPEN, self.Status.CLOSED, action="cancelled")
        self.status = self.Status.CANCELLED
        self.cancelled_at = timezone.now()
        self.save(update_fields=["status", "cancelled_at"])

    def mark_filled(self, by, selected=None) -> None:
        self._require(self.Status.OPEN, self.Status.CLOSED, action="marked filled")
        if selected is not None and not self.interests.filter(executive=selected).exists():
            raise TransitionError("The selected executive must be one of the people who expressed interest.")
        now = timezone.now()
        self.status = self.Status.FILLED
        self.filled_at = now
        self.closed_at = self.closed_at or now
        self.selected = selected
        self.save(update_fields=["status", "filled_at", "closed_at", "selected"])
        if selected is not None:  # the selected executive's record of assignments gains this one
            from soars.development.models import Assignment

            Assignment.record_selection(self, by)

    @transaction.atomic
    def duplicate(self, by) -> Opportunity:
        """A new draft with the same content, for HR to adjust and publish."""
        ecqs, competencies, eligibility = (
            list(self.ecqs.all()),
            list(self.competencies.all()),
            list(self.eligibility.all()),
        )
        copy = Opportunity.objects.get(pk=self.pk)
        copy.pk = None
        copy.title = f"Copy of {self.title}"[:200]
        copy.status = self.Status.DRAFT
        copy.created_by = by
        copy.created_at = timezone.now()
        copy.published_at = copy.closed_at = copy.filled_at = copy.cancelled_at = None
        copy.selected = None
        copy.last_digest_at = None
        copy.save()
        copy.ecqs.set(ecqs)
        copy.competencies.set(competencies)
        copy.eligibility.set(eligibility)
        copy.reindex()
        return copy

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.OPEN}


def location_list(text: str) -> list[str]:
    """Locations are one per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def skill_list(text: str) -> list[str]:
    """Skills are separated by commas or new lines."""
    return [skill.strip() for skill in (text or "").replace("\n", ",").split(",") if skill.strip()]
