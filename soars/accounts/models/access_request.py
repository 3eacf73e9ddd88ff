"""A person's request for an account, and its review (DESIGN §1: nobody self-registers)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from soars.accounts.models.one_time_link import OneTimeLink
from soars.accounts.models.user import User
from soars.audit.log import record
from soars.core.email import send_email


def one_business_day_after(moment: datetime) -> datetime:
    """The same time on the next weekday (Saturday and Sunday do not count)."""
    later = moment + timedelta(days=1)
    while later.weekday() >= 5:
        later += timedelta(days=1)
    return later


class AccessRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AccessRequest.Status.PENDING)

    def open_for(self, email: str):
        return self.pending().filter(email__iexact=email)

    def visible_to(self, user):
        """Site administrators see every request; agency administrators their own agency's HR requests."""
        if user.has_role("admin"):
            return self.all()
        if user.has_role("agency_admin") and user.agency_id:
            return self.filter(role=AccessRequest.Role.HR, agency_id=user.agency_id)
        return self.none()

    def not_yet_announced(self):
        return self.pending().filter(reviewers_notified_at__isnull=True)


class AccessRequest(models.Model):
    class Role(models.TextChoices):
        EXECUTIVE = "executive", "SES member"
        HR = "hr", "Human resources staff"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    role = models.CharField(max_length=12, choices=Role.choices)
    full_name = models.CharField("full name", max_length=150)
    email = models.EmailField("work email", max_length=254, db_index=True)
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    sub_element = models.ForeignKey(
        "core.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="sub-element"
    )
    position_title = models.CharField("current position title", max_length=200)
    # Executives: what makes them eligible, with the detail each claim needs.
    eligibility = models.ForeignKey(
        "core.EligibilityCategory", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cdp_program = models.CharField("Candidate Development Program", max_length=200, blank=True)
    cdp_certified_on = models.DateField("QRB certification date", null=True, blank=True)
    left_ses_on = models.DateField("date you left the SES", null=True, blank=True)
    # Who can confirm the claim: a verifying official (executives) or a supervisor (HR staff).
    verifier_name = models.CharField(max_length=150)
    verifier_title = models.CharField(max_length=200)
    verifier_email = models.EmailField(max_length=254)
    privacy_acknowledged_at = models.DateTimeField()

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reviewers_notified_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="access_requests"
    )

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()}, {self.agency})"

    def get_absolute_url(self) -> str:
        return reverse("administration:request_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def due_by(self) -> datetime:
        return one_business_day_after(self.created_at)

    @property
    def is_overdue(self) -> bool:
        return self.is_pending and timezone.now() > self.due_by

    @property
    def role_phrase(self) -> str:
        """The role as it reads in a sentence: "as an SES member", "as human resources staff"."""
        return "an SES member" if self.role == self.Role.EXECUTIVE else "human resources staff"

    @property
    def verifier_label(self) -> str:
        return "Verifying official" if self.role == self.Role.EXECUTIVE else "Supervisor"

    def acknowledge(self) -> None:
        send_email("access_request_received", to=[self.email], context={"access_request": self})

    def _check_pending(self) -> None:
        if not self.is_pending:
            raise ValidationError("This request has already been decided.")

    @property
    def verified_agency(self):
        """The agency the account belongs to once approved: the agency the reviewer checked the
        request against. An executive who left the SES named the agency they last worked for,
        which they no longer belong to, so they get none (an administrator can set one)."""
        if self.role == self.Role.EXECUTIVE and self.left_ses_on:
            return None
        return self.agency

    def approve(self, by: User, request=None) -> User:
        """Create the account with the requested role and its verified agency, and email a one-time link."""
        with transaction.atomic():
            locked = AccessRequest.objects.select_for_update().get(pk=self.pk)
            locked._check_pending()
            if User.objects.filter(email__iexact=self.email).exists():
                raise ValidationError("An account with this email address already exists.")
            user = User.objects.create_user(
                self.email,
                None,
                full_name=self.full_name,
                role=User.Role.HR if self.role == self.Role.HR else User.Role.EXECUTIVE,
                agency=self.verified_agency,
            )
            self.status = self.Status.APPROVED
            self.reviewed_by = by
            self.reviewed_at = timezone.now()
            self.account = user
            self.save(update_fields=["status", "reviewed_by", "reviewed_at", "account"])
            _, token = OneTimeLink.issue(user, OneTimeLink.Purpose.FIRST_PASSWORD)
            send_email(
                "access_approved",
                to=[user.email],
                context={
                    "user": user,
                    "link": settings.SITE_URL + reverse("accounts:set_password", args=[token]),
                    "link_hours": settings.ONE_TIME_LINK_HOURS,
                },
                sensitive=True,
            )
            record("access_request_approved", request=request, actor=by, obj=self, agency=self.agency, role=self.role)
            record("account_created", request=request, actor=by, obj=user, agency=user.agency, role=user.role)
        return user

    def reject(self, by: User, reason: str, request=None) -> None:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("Give a reason for the rejection; it is sent to the person who asked.")
        with transaction.atomic():
            locked = AccessRequest.objects.select_for_update().get(pk=self.pk)
            locked._check_pending()
            self.status = self.Status.REJECTED
            self.reviewed_by = by
            self.reviewed_at = timezone.now()
            self.decision_reason = reason
            self.save(update_fields=["status", "reviewed_by", "reviewed_at", "decision_reason"])
            send_email("access_rejected", to=[self.email], context={"access_request": self})
            record("access_request_rejected", request=request, actor=by, obj=self, agency=self.agency, reason=reason)
