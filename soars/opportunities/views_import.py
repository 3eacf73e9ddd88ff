"""USAJOBS import: upload, preview (or a row-and-field report), then create every draft at once."""

from __future__ import annotations

import json

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.opportunities import usajobs
from soars.opportunities.forms import ImportForm

SESSION_KEY = "opportunities.usajobs_import"


@roles("hr")
def upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        result = usajobs.parse(data, request.user.agency)
        if result.ok:
            # Keep the file until HR confirms: the preview and the import read the same bytes.
            request.session[SESSION_KEY] = json.dumps(json.loads(data))
        else:
            request.session.pop(SESSION_KEY, None)
    return render(request, "opportunities/hr/import.html", {"form": form, "result": result})


@roles("hr")
@require_POST
def confirm(request):
    data = request.session.get(SESSION_KEY)
    if not data:
        messages.error(request, "Upload the file again: nothing is waiting to be imported.")
        return redirect("opportunities:hr_import")
    result = usajobs.parse(data, request.user.agency)
    if not result.ok:
        messages.error(request, "The file no longer passes the checks; upload it again to see why.")
        return redirect("opportunities:hr_import")
    created = usajobs.create(result.drafts, by=request.user)
    del request.session[SESSION_KEY]
    record("opportunity.imported", request=request, agency=request.user.agency, count=len(created))
    messages.success(
        request,
        f"Imported {len(created)} opportunit{'y' if len(created) == 1 else 'ies'} as drafts. Check and publish each.",
    )
    return redirect(reverse("opportunities:hr_list") + "?status=draft")
