"""Account management for site administrators: list, search, role and agency, deactivate."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.accounts.models import User
from soars.administration.forms import AccountRoleForm, AccountSearchForm
from soars.api.models import ApiToken
from soars.audit.log import record
from soars.audit.models import AuditEvent
from soars.core.access import roles


@roles("admin")
@never_cache
def account_list(request):
    form = AccountSearchForm(request.GET or None)
    accounts = form.filter(User.objects.select_related("agency"))
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "administration/account_list.html", {"form": form, "page": page, "query_string": query.urlencode()}
    )


@roles("admin")
@never_cache
def account_detail(request, pk: int):
    account = get_object_or_404(User.objects.select_related("agency"), pk=pk)
    before = {"role": account.role, "agency": account.agency.code if account.agency_id else None}
    before["is_agency_admin"] = account.is_agency_admin
    form = AccountRoleForm(request.POST if request.method == "POST" else None, instance=account)
    if request.method == "POST":
        if account.pk == request.user.pk:
            messages.error(request, "You cannot change your own role; ask another administrator.")
            return redirect("administration:account_detail", pk=pk)
        if form.is_valid():
            with transaction.atomic():
                account = form.save()
                after = {"role": account.role, "agency": account.agency.code if account.agency_id else None}
                after["is_agency_admin"] = account.is_agency_admin
                if after != before:
                    record("account_role_changed", request=request, obj=account, agency=account.agency,
                           before=before, after=after)  # fmt: skip
            messages.success(request, "The account’s role and agency are saved.")
            return redirect("administration:account_detail", pk=pk)
    history = AuditEvent.objects.for_object(account)[:20]
    return render(request, "administration/account_detail.html", {"account": account, "form": form, "history": history})


@roles("admin")
@never_cache
@require_POST
def set_active(request, pk: int):
    account = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "yes"
    if account.pk == request.user.pk:
        messages.error(request, "You cannot deactivate your own account.")
    elif account.is_active != active:
        account.is_active = active
        account.save(update_fields=["is_active"])
        if not active:  # tokens for agency systems end with the account, and stay ended if it returns
            ApiToken.objects.revoke_all_of(account, by=request.user)
        # An inactive user's session no longer loads (the auth backend refuses inactive users),
        # so every session of the account ends at its next request.
        record("account_reactivated" if active else "account_deactivated", request=request, obj=account,
               agency=account.agency)  # fmt: skip
        messages.success(request, f"{account.email} is {'active again' if active else 'deactivated'}.")
    return redirect("administration:account_detail", pk=pk)
