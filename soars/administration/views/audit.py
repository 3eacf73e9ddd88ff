"""The audit trail, read-only, with filters."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from soars.administration.forms import AuditFilterForm
from soars.audit.models import AuditEvent
from soars.core.access import roles


@roles("admin")
@never_cache
@require_GET
def trail(request):
    actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
    form = AuditFilterForm(request.GET or None, actions=list(actions))
    events = form.filter(AuditEvent.objects.select_related("agency"))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "administration/audit_trail.html", {"form": form, "page": page, "query_string": query.urlencode()}
    )
