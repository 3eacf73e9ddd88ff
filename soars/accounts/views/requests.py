"""Asking for access: choose a path, fill in the form, get a neutral confirmation."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from soars.accounts.forms.access_request import ExecutiveAccessRequestForm, HrAccessRequestForm
from soars.accounts.models import AccessRequest, User
from soars.accounts.ratelimit import allow
from soars.audit.log import client_ip, record
from soars.core.access import public
from soars.core.email import send_email

logger = logging.getLogger(__name__)

FORMS = {AccessRequest.Role.EXECUTIVE: ExecutiveAccessRequestForm, AccessRequest.Role.HR: HrAccessRequestForm}
RATE_LIMITED = (
    "We have received several requests for this email address in the last hour. "
    "Please wait an hour before trying again; requests already sent are being reviewed."
)


@public
def request_access(request):
    return render(request, "accounts/request_access.html")


def _submit(request, role: str):
    form = FORMS[role](request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not allow("access-request", email, settings.ACCESS_REQUEST_RATE_LIMIT_PER_HOUR):
            form.add_error(None, RATE_LIMITED)
        else:
            with transaction.atomic():
                _file(request, form, role, email)
            return redirect("accounts:request_access_sent")
    template = "accounts/request_executive.html" if role == AccessRequest.Role.EXECUTIVE else "accounts/request_hr.html"
    return render(request, template, {"form": form})


def _file(request, form, role: str, email: str) -> None:
    """Create the request, or, for an address already known, tell its owner by email (never the page)."""
    has_account = User.objects.filter(email__iexact=email).exists()
    if has_account or AccessRequest.objects.open_for(email).exists():
        send_email("access_request_duplicate", to=[email], context={"has_account": has_account})
        record("access_request_duplicate", request=request, email=email)
        return
    access_request = form.save(commit=False)
    access_request.role = role  # from the page chosen, whatever the form posted
    access_request.email = email
    access_request.privacy_acknowledged_at = timezone.now()
    access_request.ip_address = client_ip(request)
    access_request.save()
    access_request.acknowledge()
    record("access_request_submitted", request=request, obj=access_request, agency=access_request.agency, role=role)


@public
@never_cache
def request_executive(request):
    return _submit(request, AccessRequest.Role.EXECUTIVE)


@public
@never_cache
def request_hr(request):
    return _submit(request, AccessRequest.Role.HR)


@public
def request_access_sent(request):
    return render(request, "accounts/request_sent.html", {"link_hours": settings.ONE_TIME_LINK_HOURS})
