"""The candidate list and the shortlist of one opportunity as CSV or XLSX."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from soars.opportunities.hooks import candidate_title

HEADERS = ["Name", "Email", "Current title", "Status", "Expressed interest", "Last change", "Note from executive"]
SHORTLIST_HEADERS = [
    "Name",
    "Email",
    "Current title",
    "Current agency",
    "Expressed interest",
    "Pipeline status",
    "Added by",
    "Added on",
    "Private note",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def rows(interests) -> list[list[str]]:
    table = []
    for interest in interests:
        person = interest.executive
        table.append(
            [
                safe_cell(v)
                for v in (
                    person.full_name,
                    person.email,
                    candidate_title(person),
                    interest.get_status_display(),
                    _when(interest.created_at),
                    _when(interest.updated_at),
                    interest.note,
                )
            ]
        )
    return table


def shortlist_rows(entries) -> list[list[str]]:
    """One row per entry; each entry carries `interest` (or None), as the shortlist view sets it."""
    table = []
    for entry in entries:
        resume, interest = entry.resume, entry.interest
        added_by = entry.added_by
        table.append(
            [
                safe_cell(v)
                for v in (
                    resume.executive.full_name,
                    resume.executive.email,
                    resume.current_title,
                    resume.current_agency.name if resume.current_agency_id else "",
                    "Yes" if interest else "No",
                    interest.get_status_display() if interest else "",
                    (added_by.full_name or added_by.email) if added_by else "",
                    _when(entry.created_at),
                    entry.note,
                )
            ]
        )
    return table


def to_csv(headers: list[str], table: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(table)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8


def to_xlsx(headers: list[str], table: list[list[str]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_csv(interests) -> bytes:
    return to_csv(HEADERS, rows(interests))


def as_xlsx(interests) -> bytes:
    return to_xlsx(HEADERS, rows(interests), "Candidates")


def shortlist_as_csv(entries) -> bytes:
    return to_csv(SHORTLIST_HEADERS, shortlist_rows(entries))


def shortlist_as_xlsx(entries) -> bytes:
    return to_xlsx(SHORTLIST_HEADERS, shortlist_rows(entries), "Shortlist")
