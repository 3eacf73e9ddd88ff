"""The Executive Development Plan as a PDF, laid out in the spirit of OPM's sample EDP: the
executive, their goals by ECQ and competency, the planned activities with target dates, and the
assignments held. Typed text is escaped before reportlab's Paragraph reads it as markup."""

from __future__ import annotations

import io
from html import escape

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from soars.development.broadening import broadening
from soars.development.models import Assignment, Plan


def _styles():
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["Normal"], fontName="Times-Roman", fontSize=10, leading=12.5)
    return {
        "title": ParagraphStyle("title", parent=body, fontName="Times-Bold", fontSize=15, leading=19),
        "heading": ParagraphStyle("heading", parent=body, fontName="Times-Bold", fontSize=12, spaceBefore=10),
        "cell": body,
        "body": body,
    }


def _t(value) -> str:
    return escape(str(value or "")).replace("\n", "<br/>")


def _table(header: list[str], rows: list[list[str]], widths: list[float], style) -> Table:
    data = [[Paragraph(f"<b>{_t(h)}</b>", style) for h in header]]
    data += [[Paragraph(_t(cell), style) for cell in row] for row in rows]
    table = Table(data, colWidths=[w * inch for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_pdf(plan: Plan) -> bytes:
    s = _styles()
    executive = plan.executive
    assignments = list(Assignment.objects.filter(executive=executive).select_related("type", "agency"))
    story = [
        Paragraph("Executive Development Plan", s["title"]),
        Paragraph(
            f"{_t(executive.full_name or executive.email)} · {_t(executive.agency or 'Agency not recorded')}", s["body"]
        ),
        Paragraph(
            f"Printed {timezone.localdate():%B %-d, %Y}; plan last changed {plan.updated_at:%B %-d, %Y}.", s["body"]
        ),
        Paragraph(_t(broadening(executive, assignments).sentence), s["body"]),
        Paragraph("Development goals", s["heading"]),
    ]
    goals = list(plan.goals.select_related("ecq", "competency"))
    if goals:
        rows = [[g.text, str(g.ecq or ""), str(g.competency or ""), g.get_status_display()] for g in goals]
        story.append(_table(["Goal", "ECQ", "Competency", "Status"], rows, [2.8, 1.5, 1.5, 0.9], s["cell"]))
    else:
        story.append(Paragraph("No goals recorded.", s["body"]))
    story.append(Paragraph("Planned developmental activities", s["heading"]))
    activities = list(plan.activities.select_related("opportunity_type", "goal"))
    if activities:
        rows = [
            [
                a.title,
                str(a.opportunity_type or a.get_kind_display()),
                str(a.goal or ""),
                f"{a.target_date:%m/%d/%Y}",
                a.get_status_display(),
            ]
            for a in activities
        ]
        story.append(
            _table(
                ["Activity", "Kind", "Serves goal", "Target date", "Status"], rows, [2.1, 1.4, 1.6, 0.8, 0.8], s["cell"]
            )
        )
    else:
        story.append(Paragraph("No activities planned.", s["body"]))
    story.append(Paragraph("Assignments held", s["heading"]))
    if assignments:
        rows = [
            [
                a.title,
                str(a.type),
                str(a.sub_element or a.agency),
                f"{a.start_date:%m/%Y} – {a.end_date:%m/%Y}" if a.end_date else f"{a.start_date:%m/%Y} – present",
                ("Interagency; " if a.is_interagency else "")
                + ("confirmed" if a.is_confirmed else "not yet confirmed"),
            ]
            for a in assignments
        ]
        story.append(_table(["Title", "Kind", "Agency", "Dates", "Notes"], rows, [2.0, 1.3, 1.6, 1.0, 0.8], s["cell"]))
    else:
        story.append(Paragraph("No assignments recorded.", s["body"]))
    story += [Spacer(1, 0.3 * inch), Paragraph("Executive's signature and date: ______________________", s["body"])]
    story += [Spacer(1, 0.2 * inch), Paragraph("ERB reviewer's signature and date: ______________________", s["body"])]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title="Executive Development Plan",
        author=executive.full_name,
        leftMargin=0.8 * inch,
        rightMargin=0.8 * inch,
        topMargin=0.7 * inch,
        bottomMargin=0.7 * inch,
    ).build(story)
    return buffer.getvalue()


def pdf_response(plan: Plan) -> HttpResponse:
    response = HttpResponse(render_pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, "executive-development-plan.pdf")
    response["Cache-Control"] = "no-store"
    return response
