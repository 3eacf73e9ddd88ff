"""The access-request queue: site administrators see every request, agency administrators
their own agency's HR requests (the queryset does the scoping, so other requests are 404s)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.accounts.models import AccessRequest
from soars.administration.forms import RejectForm, RequestFilterForm
from soars.core.access import roles

REVIEWERS = ("admin", "agency_admin")


def _visible(request):
    return AccessRequest.objects.visible_to(request.user).select_related("agency", "sub_element", "reviewed_by")


@roles(*REVIEWERS)
@never_cache
def queue(request):
    site_admin = request.user.has_role("admin")
    form = RequestFilterForm(request.GET or {"status": "pending"}, show_agency=site_admin)
    requests = form.filter(_visible(request)).order_by("created_at")
    page = Paginator(requests, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "administration/request_queue.html",
        {"form": form, "page": page, "site_admin": site_admin, "query_string": query.urlencode()},
    )


@roles(*REVIEWERS)
@never_cache
def detail(request, pk: int, reject_form=None):
    access_request = get_object_or_404(_visible(request), pk=pk)
    return render(
        request,
        "administration/request_detail.html",
        {"r": access_request, "reject_form": reject_form or RejectForm()},
    )


@roles(*REVIEWERS)
@never_cache
@require_POST
def approve(request, pk: int):
    access_request = get_object_or_404(_visible(request), pk=pk)
    try:
        # Role and agency come from the request as submitted; nothing posted here can change them.
        user = access_request.approve(by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(access_request)
    messages.success(request, f"Approved. {user.email} has been sent a link to set a password.")
    return redirect("administration:requests")


@roles(*REVIEWERS)
@never_cache
@require_POST
def reject(request, pk: int):
    access_request = get_object_or_404(_visible(request), pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, reject_form=form)
    try:
        access_request.reject(by=request.user, reason=form.cleaned_data["reason"], request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(access_request)
    messages.success(request, f"Rejected. {access_request.email} has been sent the reason.")
    return redirect("administration:requests")
