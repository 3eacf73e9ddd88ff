"""/manage/metrics/ (the program office, every agency) and /hr/metrics/ (an agency beside the
government-wide figures). Parse the filters, compute, render; or send one figure's table as CSV/XLSX."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from soars.core.access import roles
from soars.metrics.charts import bar_chart
from soars.metrics.figures import FIGURES, agency_figures, program_figures
from soars.metrics.periods import Scope, scope_from
from soars.metrics.table import HIDDEN, Figure, text
from soars.opportunities.exports import attachment

FORMATS = ("csv", "xlsx")


@roles("admin")
@never_cache
@require_GET
def program(request):
    scope, form = scope_from(request.GET, with_agency=True)
    heading = f"Program metrics: {scope.agency.name}" if scope.agency else "Program metrics"
    return _respond(request, scope, form, program_figures, heading)


@roles("hr")
@never_cache
@require_GET
def agency(request):
    if request.user.agency_id is None:
        raise PermissionDenied("Your account belongs to no agency, so there are no agency figures to show.")
    scope, form = scope_from(request.GET, with_agency=False)
    scope = scope.with_agency(request.user.agency.top)
    return _respond(request, scope, form, agency_figures, f"Metrics: {scope.agency.name}")


def _query(scope: Scope, with_agency: bool) -> dict[str, str]:
    """The filters as understood, for download links."""
    params = {"period": str(len(scope.quarters))}
    if scope.type:
        params["type"] = scope.type.code
    if with_agency and scope.agency:
        params["agency"] = scope.agency.code
    return params


def _respond(request, scope: Scope, form, compute, heading: str):
    fmt, key = request.GET.get("download"), request.GET.get("figure")
    with_agency = "agency" in form.fields
    if fmt in FORMATS and key in FIGURES:
        return _download(compute(scope, only=key)[0], fmt, scope)
    notices = list(scope.ignored)
    if request.GET.get("download") is not None or request.GET.get("figure") is not None:
        notices.append("Download")
    query = _query(scope, with_agency)
    computed = compute(scope)
    figures = [
        {
            "figure": figure,
            "chart": None if figure.is_empty else bar_chart(figure, figure.chart_labels),
            "rows": [[text(value) for value in row] for row in figure.rows],
            "csv": "?" + urlencode({**query, "download": "csv", "figure": figure.key}),
            "xlsx": "?" + urlencode({**query, "download": "xlsx", "figure": figure.key}),
        }
        for figure in computed
    ]
    context = {
        "heading": heading,
        "form": form,
        "scope": scope,
        "ignored": notices,
        "figures": figures,
        "is_agency_page": not with_agency,
        "computed_at": min((f.computed_at for f in computed if f.computed_at), default=None),
    }
    return render(request, "metrics/metrics.html", context)


def _download(figure: Figure, fmt: str, scope: Scope):
    rows = [[text(v) if v is None or v is HIDDEN else v for v in row] for row in figure.rows]
    who = scope.agency.code.lower() if scope.agency else "all-agencies"
    name = f"soars-{figure.key.replace('_', '-')}-{who}-{scope.quarters[0].label}-{scope.quarters[-1].label}"
    return attachment(figure.headers, rows, fmt, name.replace(" ", ""), figure.title[:31])
