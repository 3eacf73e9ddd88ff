"""Self-identification reports for the program office: aggregate tables only, every view recorded."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from soars.audit.log import record
from soars.core.access import roles
from soars.diversity import reports


@roles("admin")
@never_cache
@require_GET
def diversity(request):
    characteristic = request.GET.get("characteristic", "race")
    grouping = request.GET.get("group", "agency")
    characteristic = characteristic if characteristic in reports.CHARACTERISTICS else "race"
    grouping = grouping if grouping in reports.GROUPINGS else "agency"
    group_title, groups = reports.GROUPINGS[grouping]
    result = reports.table(groups(), characteristic)
    record("diversity.report_viewed", request=request, characteristic=characteristic, group=grouping)
    return render(
        request,
        "administration/diversity.html",
        {
            "table": result,
            "characteristic": characteristic,
            "grouping": grouping,
            "characteristics": {code: spec[0] for code, spec in reports.CHARACTERISTICS.items()},
            "groupings": {code: spec[0] for code, spec in reports.GROUPINGS.items()},
            "title": f"{reports.CHARACTERISTICS[characteristic][0]}: {group_title.lower()}",
            "minimum": reports.MINIMUM,
        },
    )
