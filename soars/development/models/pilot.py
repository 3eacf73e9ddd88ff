"""The GS-15 rotational pilot: high-potential GS-15 employees nominated by their agency."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from soars.core.models import Agency

# The only kinds of opportunity a pilot participant may express interest in.
DEVELOPMENTAL_TYPES = ("detail", "rotation", "short_term_project")


class PilotParticipant(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pilot")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user} (GS-15 pilot, {self.agency})"


def nominate(*, full_name: str, email: str, by, request=None) -> PilotParticipant:
    """The agency administrator nominates a high-potential GS-15: an account (an executive's, so
    they keep a resume and a plan) in the administrator's agency, marked as a pilot participant,
    and a one-time link to set a password."""
    from django.core.exceptions import ValidationError
    from django.db import transaction
    from django.urls import reverse

    from soars.accounts.models import User
    from soars.accounts.models.one_time_link import OneTimeLink
    from soars.audit.log import record
    from soars.core.email import send_email

    agency = by.agency.top
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with this email address already exists.")
        user = User.objects.create_user(email, None, full_name=full_name, role=User.Role.EXECUTIVE, agency=agency)
        participant = PilotParticipant.objects.create(user=user, agency=agency, nominated_by=by)
        _, token = OneTimeLink.issue(user, OneTimeLink.Purpose.FIRST_PASSWORD)
        send_email(
            "pilot_nominated",
            to=[user.email],
            context={
                "user": user,
                "agency": agency,
                "link": settings.SITE_URL + reverse("accounts:set_password", args=[token]),
                "link_hours": settings.ONE_TIME_LINK_HOURS,
            },
            sensitive=True,
        )
        record("pilot_nominated", request=request, actor=by, obj=participant, agency=agency, user=user.email)
        record("account_created", request=request, actor=by, obj=user, agency=agency, role=user.role)
    return participant


def interest_problem(user, opportunity) -> str | None:
    """A pilot participant may express interest only in developmental assignments."""
    if not PilotParticipant.objects.filter(user_id=user.pk).exists():
        return None
    if opportunity.type.code in DEVELOPMENTAL_TYPES:
        return None
    return (
        "As a participant in the GS-15 rotational pilot you may express interest in details, rotations and "
        "short-term projects only, not in executive positions."
    )
