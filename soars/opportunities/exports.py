"""The candidate list and the shortlist of one opportunity as CSV or XLSX."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
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


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(headers: list[str], table: list[list[str]], fmt: str, filename: str, sheet: str) -> HttpResponse:
    """The table as a CSV or XLSX download named filename.<fmt>."""
    if fmt == "xlsx":
        content, kind = to_xlsx(headers, table, sheet), XLSX_TYPE
    else:
        content, kind = to_csv(headers, table), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
