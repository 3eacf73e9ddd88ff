"""The personal tokens page: make a token (its secret shown once), see last use, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.api.forms import TokenForm
from soars.api.models import ApiToken
from soars.api.problems import problem_response
from soars.audit.log import record
from soars.core.access import public, roles


def _tokens(request):
    return ApiToken.objects.visible_to(request.user).select_related("user", "user__agency", "revoked_by")


@roles("hr", "admin")
@never_cache
def token_list(request):
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                token, secret = ApiToken.issue(
                    request.user,
                    name=form.cleaned_data["name"],
                    can_write=form.cleaned_data["access"] == "write",
                    expires_on=form.cleaned_data["expires_on"],
                )
                record("api_token.created", request=request, obj=token, agency=request.user.agency,
                       can_write=token.can_write, expires_at=token.expires_at.isoformat())  # fmt: skip
            form = TokenForm()
        else:
            status = 400
    context = {
        "form": form,
        "secret": secret,
        "tokens": _tokens(request),
        "everyone": request.user.has_role("admin"),
    }
    # The secret is in this answer only: never stored, never cached.
    return render(request, "api/tokens.html", context, status=status)


@roles("hr", "admin")
@never_cache
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(_tokens(request), pk=pk)
    with transaction.atomic():
        if token.revoke(by=request.user):
            record("api_token.revoked", request=request, obj=token, agency=token.user.agency, owner=token.user.email)
            messages.success(request, f"The token “{token.name}” is revoked; it no longer works.")
        else:
            messages.info(request, f"The token “{token.name}” was already revoked.")
    return redirect("api_pages:tokens")


@public
def unknown(request, rest: str = ""):
    """Any other address under /api/v1/: a problem document, not the site's HTML 404 page."""
    return problem_response(404, "There is no such API operation; see /api/v1/docs.")
