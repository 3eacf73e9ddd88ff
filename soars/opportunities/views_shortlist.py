"""HR staff's shortlist for an opportunity: add from Best matches or a resume, list, note, remove, export, invite.

Every entry is read through the agency's view of resumes: an executive who later hides
their resume from the agency drops out of the list, the exports and every action here.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.opportunities import exports
from soars.opportunities.forms import KEPT, KEPT_CHARS, ShortlistFromResumeForm, ShortlistNoteForm
from soars.opportunities.models import Opportunity, ShortlistEntry, TransitionError
from soars.opportunities.models.shortlist import NOTE_MAX
from soars.opportunities.views_hr import managed
from soars.resumes.models import Resume

ID = re.compile(r"[0-9]{1,18}")


def _id(value) -> int:
    """A record id from a form field; anything else is a 404, like an id nobody may see."""
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise Http404
    return int(value)


def _visible_resume(request, resume_id: int) -> Resume:
    """A resume the user's agency may see, else 404 (its existence is not disclosed)."""
    return get_object_or_404(
        Resume.objects.visible_to_agency(request.user.agency).select_related("executive"), pk=resume_id
    )


def _name(resume: Resume) -> str:
    return resume.executive.full_name or resume.executive.email


def _entries(request, opportunity: Opportunity):
    """The opportunity's shortlist as this agency may see it: entries of hidden resumes are left out."""
    return ShortlistEntry.objects.visible_to_agency(request.user.agency).filter(opportunity=opportunity)


def _with_interests(opportunity: Opportunity, entries) -> list[ShortlistEntry]:
    """The entries, each with `interest`: the executive's interest in this opportunity, or None."""
    entries = list(entries.select_related("resume__executive", "resume__current_agency", "added_by", "invited_by"))
    executives = [entry.resume.executive_id for entry in entries]
    interests = {i.executive_id: i for i in opportunity.interests.filter(executive_id__in=executives)}
    for entry in entries:
        entry.interest = interests.get(entry.resume.executive_id)
    return entries


def _entry(request, pk: int, entry_pk: int) -> ShortlistEntry:
    opportunity = managed(request, pk)
    entry = get_object_or_404(_entries(request, opportunity).select_related("resume__executive"), pk=entry_pk)
    entry.opportunity = opportunity
    return entry


def _list_url(opportunity: Opportunity, entry: ShortlistEntry | None = None) -> str:
    url = reverse("opportunities:shortlist", args=[opportunity.pk])
    return url + f"#entry-{entry.pk}" if entry is not None else url


def _matches_url(opportunity: Opportunity, resume_id: int) -> str:
    return reverse("opportunities:matches", args=[opportunity.pk]) + f"#match-{resume_id}"


def _add(request, opportunity: Opportunity, resume: Resume, *, where: str, note: str = "") -> None:
    """Add the executive to the shortlist and tell the user how it went.

    `where` tags the message with the anchor the user returns to, so the page can also show it
    there, beside the candidate, and not only at the top of a page scrolled past it.
    """
    try:
        with transaction.atomic():
            entry, created = ShortlistEntry.add(opportunity, resume, by=request.user, note=note)
            if created:
                record("shortlist.added", request=request, obj=entry, agency=opportunity.agency, resume=resume.pk)
    except TransitionError as exc:
        messages.error(request, str(exc), extra_tags=where)
        return
    if created:
        messages.success(request, f"{_name(resume)} is on the shortlist for “{opportunity.title}”.", extra_tags=where)
    else:
        text = f"{_name(resume)} was already on the shortlist for “{opportunity.title}”."
        messages.info(request, text, extra_tags=where)


@roles("hr")
@never_cache
def shortlist(request, pk: int):
    opportunity = managed(request, pk)
    entries = _with_interests(opportunity, _entries(request, opportunity))
    record("opportunity.shortlist_viewed", request=request, obj=opportunity, agency=opportunity.agency)
    context = {
        "opportunity": opportunity,
        "entries": entries,
        "can_change": opportunity.status in ShortlistEntry.OPEN_STATUSES,
        "can_invite": opportunity.status == Opportunity.Status.OPEN,
    }
    return render(request, "opportunities/hr/shortlist.html", context)


@roles("hr")
@require_POST
def shortlist_add(request, pk: int):
    """From the Best matches tab: back to the same candidate afterwards."""
    opportunity = managed(request, pk)
    resume = _visible_resume(request, _id(request.POST.get("resume")))
    _add(request, opportunity, resume, where=f"match-{resume.pk}")
    return redirect(_matches_url(opportunity, resume.pk))


@roles("hr")
@require_POST
def shortlist_from_resume(request, resume_id: int):
    """From an HR resume page: the chosen opportunity must be the agency's, draft or open."""
    resume = _visible_resume(request, resume_id)
    form = ShortlistFromResumeForm(request.POST, user=request.user)
    back = reverse("resumes:hr_detail", args=[resume.pk]) + "#shortlist"
    if not form.is_valid():  # the panel shows the errors, with what was typed
        typed = {name: request.POST.get(name, "")[:KEPT_CHARS] for name in form.fields}
        request.session[KEPT] = {"resume": resume.pk, "typed": typed}
        return redirect(back)
    opportunity = form.cleaned_data["opportunity"]
    _add(request, opportunity, resume, where="shortlist", note=form.cleaned_data["note"].strip())
    return redirect(back)


def _refuse_if_frozen(request, entry: ShortlistEntry):
    try:
        ShortlistEntry.check_can_change(entry.opportunity)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect(_list_url(entry.opportunity, entry))
    return None


@roles("hr")
@never_cache
def shortlist_remove(request, pk: int, entry_pk: int):
    """Ask first (GET), then remove (POST)."""
    entry = _entry(request, pk, entry_pk)
    if refused := _refuse_if_frozen(request, entry):
        return refused
    from_matches = request.POST.get("from", request.GET.get("from")) == "matches"
    back = _matches_url(entry.opportunity, entry.resume_id) if from_matches else _list_url(entry.opportunity)
    if request.method == "POST":
        with transaction.atomic():
            record(
                "shortlist.removed", request=request, obj=entry, agency=entry.opportunity.agency, resume=entry.resume_id
            )
            entry.delete()
        where = f"match-{entry.resume_id}" if from_matches else ""
        messages.success(request, f"{_name(entry.resume)} is no longer on the shortlist.", extra_tags=where)
        return redirect(back)
    return render(
        request,
        "opportunities/hr/shortlist_remove.html",
        {"entry": entry, "opportunity": entry.opportunity, "from_matches": from_matches, "back": back},
    )


@roles("hr")
@never_cache
def shortlist_note(request, pk: int, entry_pk: int):
    entry = _entry(request, pk, entry_pk)
    if refused := _refuse_if_frozen(request, entry):
        return refused
    form = ShortlistNoteForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            entry.note = form.cleaned_data["note"].strip()
            entry.save(update_fields=["note"])
            record("shortlist.note_changed", request=request, obj=entry, agency=entry.opportunity.agency)
        messages.success(request, f"Note about {_name(entry.resume)} saved.")
        return redirect(_list_url(entry.opportunity, entry))
    return render(
        request,
        "opportunities/hr/shortlist_note.html",
        {"entry": entry, "opportunity": entry.opportunity, "form": form, "note_max": NOTE_MAX},
    )


@roles("hr")
@never_cache
def shortlist_export(request, pk: int, fmt: str):
    opportunity = managed(request, pk)
    entries = _with_interests(opportunity, _entries(request, opportunity))
    record(
        "opportunity.shortlist_exported",
        request=request,
        obj=opportunity,
        agency=opportunity.agency,
        format=fmt,
        count=len(entries),
    )
    table = exports.shortlist_rows(entries)
    name = f"opportunity-{opportunity.pk}-shortlist"
    return exports.attachment(exports.SHORTLIST_HEADERS, table, fmt, name, "Shortlist")


@roles("hr")
@require_POST
def shortlist_invite(request, pk: int, entry_pk: int):
    """Email the executive a link to the opportunity, once per entry, if they may see it and have not said yes."""
    entry = _entry(request, pk, entry_pk)
    opportunity, executive = entry.opportunity, entry.resume.executive
    back = redirect(_list_url(opportunity, entry))
    if opportunity.status != Opportunity.Status.OPEN:
        messages.error(request, "Only an open opportunity can take expressions of interest; publish it first.")
        return back
    if not Opportunity.objects.browsable_by(executive).filter(pk=opportunity.pk).exists():
        messages.error(request, f"{_name(entry.resume)} cannot see this opportunity, so cannot be invited to it.")
        return back
    if opportunity.interests.filter(executive=executive).exists():
        messages.info(request, f"{_name(entry.resume)} has already expressed interest in this opportunity.")
        return back
    from soars.core.email import send_email

    with transaction.atomic():
        # A conditional update claims the entry, so two clicks never send two emails.
        claimed = ShortlistEntry.objects.filter(pk=entry.pk, invited_at__isnull=True).update(
            invited_at=timezone.now(), invited_by=request.user
        )
        if not claimed:
            messages.info(request, f"{_name(entry.resume)} has already been invited.")
            return back
        send_email(
            "shortlist_invitation",
            to=[executive.email],
            context={"opportunity": opportunity, "executive": executive, "agency": opportunity.agency},
        )
        record("shortlist.invited", request=request, obj=entry, agency=opportunity.agency, resume=entry.resume_id)
    messages.success(request, f"{_name(entry.resume)} has been invited by email to express interest.")
    return back
