"""The resume as a PDF in a two-page federal executive format (reportlab: pure Python, no system libraries).

Every piece of text the executive typed is escaped before reportlab sees it:
reportlab's Paragraph reads a small markup language, and typed text must never
be taken as markup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

PAGE_LIMIT = 2


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int

    @property
    def too_long(self) -> bool:
        return self.pages > PAGE_LIMIT


def _styles():
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["Normal"], fontName="Times-Roman", fontSize=10.5, leading=13)
    return {
        "name": ParagraphStyle(
            "name", parent=body, fontName="Times-Bold", fontSize=16, leading=20, alignment=TA_CENTER
        ),
        "centered": ParagraphStyle("centered", parent=body, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName="Times-Bold", fontSize=11.5, spaceBefore=8, spaceAfter=2
        ),
        "entry": ParagraphStyle("entry", parent=body, fontName="Times-Bold", spaceBefore=4),
        "body": body,
    }


def _text(value) -> str:
    """Escaped text with line breaks kept."""
    return escape(str(value or "")).replace("\n", "<br/>")


def _dates(position) -> str:
    end = position.end_date.strftime("%m/%Y") if position.end_date else "Present"
    return f"{position.start_date:%m/%Y} – {end}"


def _story(resume) -> list:
    s = _styles()
    story = [Paragraph(_text(resume.executive.full_name or resume.executive.email), s["name"])]
    contact = " | ".join(
        part for part in (resume.executive.email, resume.headline, str(resume.current_agency or "")) if part
    )
    story.append(Paragraph(_text(contact), s["centered"]))
    facts = []
    if resume.eligibility_id:
        facts.append(f"Eligibility: {resume.eligibility}")
    if resume.clearance_id:
        facts.append(f"Clearance: {resume.clearance}")
    if resume.arrangements_text:
        facts.append(f"Accepts: {resume.arrangements_text}")
    if resume.available_from:
        day = resume.available_from
        facts.append(f"Available from {day:%B} {day.day}, {day.year}")
    if facts:
        story.append(Paragraph(_text(" | ".join(facts)), s["centered"]))

    def heading(title: str) -> None:
        story.append(Paragraph(escape(title.upper()), s["heading"]))
        story.append(HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=3))

    if resume.summary:
        heading("Executive summary")
        story.append(Paragraph(_text(resume.summary), s["body"]))
    positions = list(resume.positions.all())
    if positions:
        heading("Professional experience")
        for position in positions:
            grade = " ".join(part for part in (position.pay_plan, position.series, position.level) if part)
            line = f"{position.title}, {position.employer} ({_dates(position)})"
            story.append(Paragraph(_text(line + (f" — {grade}" if grade else "")), s["entry"]))
            if position.accomplishments:
                story.append(Paragraph(_text(position.accomplishments), s["body"]))
    statements = list(resume.ecq_statements_in_framework)
    if statements:
        heading(f"Executive core qualifications ({resume.ecq_framework.year})")
        for statement in statements:
            story.append(Paragraph(_text(statement.ecq.name), s["entry"]))
            if statement.is_narrative:
                story += [Paragraph(_text(paragraph), s["body"]) for paragraph in statement.paragraphs]
                continue
            for part in statement.PARTS:
                story.append(Paragraph(f"<b>{part.capitalize()}.</b> {_text(getattr(statement, part))}", s["body"]))
    schools = list(resume.education.all())
    if schools:
        heading("Education")
        for school in schools:
            line = ", ".join(str(p) for p in (school.degree, school.field, school.institution, school.year) if p)
            story.append(Paragraph(_text(line), s["body"]))
    courses = list(resume.training.all())
    if courses:
        heading("Training and certifications")
        for course in courses:
            line = ", ".join(str(p) for p in (course.name, course.provider, course.year) if p)
            story.append(Paragraph(_text(line), s["body"]))
    skills = [c.name for c in resume.competencies.all()] + list(resume.skills or [])
    if skills:
        heading("Competencies and skills")
        story.append(Paragraph(_text(", ".join(skills)), s["body"]))
    return story


def render_pdf(resume) -> RenderedPdf:
    buffer = io.BytesIO()
    pages = []
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.6 * inch,
        bottomMargin=0.6 * inch,
        title=f"Resume of {resume.executive.full_name}",
        author="SOARS",
    )

    def count(canvas, doc):
        pages.append(doc.page)

    story = _story(resume) or [Spacer(1, 1)]
    document.build(story, onFirstPage=count, onLaterPages=count)
    return RenderedPdf(buffer.getvalue(), len(pages))
