"""Saving searches, managing them (/executive/searches/, /hr/searches/) and unsubscribing from alerts."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from soars.accounts.models import User
from soars.audit.log import record
from soars.core.access import public, roles
from soars.saved_searches.alerts import create
from soars.saved_searches.forms import SavedSearchForm, SaveSearchForm
from soars.saved_searches.kinds import KINDS, Kind, kind_of
from soars.saved_searches.models import MAX_PER_USER, SavedSearch
from soars.saved_searches.tokens import read_token


def for_kind(code: str):
    """Bind a view to one kind of saved search, open only to the role that owns that kind."""
    kind = KINDS[code]

    def bind(view):
        @functools.wraps(view)
        def bound(request, *args, **kwargs):
            return view(request, kind, *args, **kwargs)

        return roles(kind.role)(never_cache(bound))

    return bind


def _mine(request, kind: Kind, pk: int) -> SavedSearch:
    """404 for another user's search (or the other kind): its existence is not disclosed."""
    return get_object_or_404(SavedSearch.objects.owned_by(request.user, kind.code), pk=pk)


def _audit(action: str, request, saved: SavedSearch, actor=None, **data):
    owner = saved.owner
    record(action, request=request, actor=actor, obj=saved, agency=owner.agency, kind=saved.kind, **data)


def save_search(request, kind: Kind):
    """GET: the form for the search in the query string. POST: save it (from the search page's small form)."""
    if request.method == "POST":
        form = SaveSearchForm(request.POST, owner=request.user, kind=kind)
        if form.is_valid():
            with transaction.atomic():
                User.objects.select_for_update().filter(pk=request.user.pk).first()  # one save at a time per user
                if SavedSearch.objects.filter(owner=request.user).count() >= MAX_PER_USER:
                    form.add_error(None, f"You already have {MAX_PER_USER} saved searches, the most you can keep.")
                else:
                    data = form.cleaned_data
                    saved = create(request.user, kind.code, data["params"], data["name"], data["frequency"])
                    _audit("saved_search.saved", request, saved, frequency=saved.frequency)
            if not form.errors:
                messages.success(request, f"Saved “{saved.name}”. {_alert_words(saved)}")
                return redirect(kind.manage_url())
        status = 400
    else:
        params = request.GET.urlencode()
        form = SaveSearchForm(initial={"params": params}, owner=request.user, kind=kind)
        status = 200
    params = form.data.get("params", "") if form.is_bound else form.initial["params"]
    context = {"form": form, "kind": kind, "summary": kind.summary(_query(kind, params)), "params": params}
    return render(request, "saved_searches/save.html", context, status=status)


def _query(kind: Kind, params: str) -> QueryDict:
    return QueryDict(kind.normalise(params[:4000]))


def _alert_words(saved: SavedSearch) -> str:
    if saved.frequency == SavedSearch.Frequency.DAILY:
        return "We will email you once a day when it finds something new."
    if saved.frequency == SavedSearch.Frequency.WEEKLY:
        return "We will email you once a week when it finds something new."
    return "We will not email you about it."


def search_list(request, kind: Kind):
    searches = list(SavedSearch.objects.owned_by(request.user, kind.code))
    rows = []
    for saved in searches:
        params = saved.query_dict()
        rows.append(
            {
                "saved": saved,
                "summary": kind.summary(params),
                "run_url": kind.search_url(saved.params),
                "edit_url": kind.edit_url(saved),
                "delete_url": kind.delete_url(saved),
                "count": kind.results(request.user, params).count(),
            }
        )
    total = SavedSearch.objects.filter(owner=request.user).count()
    context = {"kind": kind, "rows": rows, "limit": MAX_PER_USER, "at_limit": total >= MAX_PER_USER}
    return render(request, "saved_searches/list.html", context)


def search_edit(request, kind: Kind, pk: int):
    saved = _mine(request, kind, pk)
    before, name = saved.frequency, saved.name  # the form changes the instance even when invalid
    form = SavedSearchForm(request.POST or None, instance=saved)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            if saved.frequency != before:
                saved.schedule()
            saved.save()
            _audit("saved_search.changed", request, saved, frequency=saved.frequency)
        messages.success(request, f"Saved your changes to “{saved.name}”. {_alert_words(saved)}")
        return redirect(kind.manage_url())
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "kind": kind,
        "saved": saved,
        "name": name,
        "summary": kind.summary(saved.query_dict()),
        "run_url": kind.search_url(saved.params),
        "delete_url": kind.delete_url(saved),
    }
    return render(request, "saved_searches/edit.html", context, status=status)


def search_delete(request, kind: Kind, pk: int):
    saved = _mine(request, kind, pk)
    if request.method == "POST":
        with transaction.atomic():
            _audit("saved_search.deleted", request, saved, name=saved.name)
            saved.delete()
        messages.success(request, f"Deleted the saved search “{saved.name}”.")
        return redirect(kind.manage_url())
    context = {"kind": kind, "saved": saved, "summary": kind.summary(saved.query_dict())}
    context["delete_url"] = kind.delete_url(saved)
    return render(request, "saved_searches/delete.html", context)


@public
@csrf_exempt  # the token is the credential; mail programs post here without a session (RFC 8058)
@never_cache
def unsubscribe(request, token: str):
    found = read_token(token)
    if found is None:
        return render(request, "saved_searches/bad_link.html", {"problem": "garbled"}, status=400)
    search_id, owner_id = found
    saved = SavedSearch.objects.select_related("owner").filter(pk=search_id, owner_id=owner_id).first()
    if saved is None:
        return render(request, "saved_searches/bad_link.html", {"problem": "gone"}, status=404)
    kind = kind_of(saved)
    if request.method == "POST":
        if saved.alerts_on:
            with transaction.atomic():
                updated = SavedSearch.objects.filter(pk=saved.pk).exclude(frequency=SavedSearch.Frequency.NONE)
                if updated.update(frequency=SavedSearch.Frequency.NONE, next_due_at=None):
                    _audit(
                        "saved_search.unsubscribed", request, saved, actor=saved.owner, one_click=_one_click(request)
                    )
        return render(request, "saved_searches/unsubscribed.html", {"saved": saved, "kind": kind})
    context = {"saved": saved, "kind": kind, "summary": kind.summary(saved.query_dict())}
    return render(request, "saved_searches/unsubscribe.html", context)


def _one_click(request) -> bool:
    """A mail program's RFC 8058 one-click request, rather than the button on our page."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


# One view per role and kind, so the URL walk sees each rule.
hr_save = for_kind(SavedSearch.Kind.RESUME)(save_search)
hr_list = for_kind(SavedSearch.Kind.RESUME)(search_list)
hr_edit = for_kind(SavedSearch.Kind.RESUME)(search_edit)
hr_delete = for_kind(SavedSearch.Kind.RESUME)(search_delete)
executive_save = for_kind(SavedSearch.Kind.OPPORTUNITY)(save_search)
executive_list = for_kind(SavedSearch.Kind.OPPORTUNITY)(search_list)
executive_edit = for_kind(SavedSearch.Kind.OPPORTUNITY)(search_edit)
executive_delete = for_kind(SavedSearch.Kind.OPPORTUNITY)(search_delete)
