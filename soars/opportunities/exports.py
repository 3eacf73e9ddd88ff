"""The candidate list, the best matches and the shortlist of one opportunity as CSV or XLSX.

Every cell passes through safe_cell, so any text a user can type exports: characters a
workbook cannot hold are dropped and text a spreadsheet would run as a formula is defused.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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
MATCH_HEADERS = [
    "Name",
    "Email",
    "Current title",
    "Current agency",
    "Requirements",
    "Score (out of 100)",
    "Requirements missed",
    "For",
    "Against",
    "Expressed interest",
    "Resume updated",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as cell text for CSV and XLSX alike.

    Control characters XML 1.0 forbids (all below 0x20 but tab, LF and CR) are removed:
    openpyxl refuses them, and they mean nothing in a spreadsheet. Then text a spreadsheet
    would run as a formula (CSV injection) is prefixed with an apostrophe; removing first
    means a hidden character cannot hide the formula sign.
    """
    text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def rows(interests) -> list[list]:
    return [
        [
            interest.executive.full_name,
            interest.executive.email,
            candidate_title(interest.executive),
            interest.get_status_display(),
            _when(interest.created_at),
            _when(interest.updated_at),
            interest.note,
        ]
        for interest in interests
    ]


def shortlist_rows(entries) -> list[list]:
    """One row per entry; each entry carries `interest` (or None), as the shortlist view sets it."""
    table = []
    for entry in entries:
        resume, interest, added_by = entry.resume, entry.interest, entry.added_by
        table.append(
            [
                resume.executive.full_name,
                resume.executive.email,
                resume.current_title,
                resume.current_agency.name if resume.current_agency_id else "",
                "Yes" if interest else "No",
                interest.get_status_display() if interest else "",
                (added_by.full_name or added_by.email) if added_by else "",
                _when(entry.created_at),
                entry.note,
            ]
        )
    return table


def _reasons(reasons) -> str:
    return "\n".join(f"{reason.text} ({reason.points_text})" if reason.points else reason.text for reason in reasons)


def match_rows(entries) -> list[list]:
    """One row per best match (a Ranked with `interested` set, as match_list gives them), score and reasons."""
    table = []
    for entry in entries:
        resume, match = entry.record, entry.match
        table.append(
            [
                resume.executive.full_name,
                resume.executive.email,
                resume.current_title,
                resume.current_agency.name if resume.current_agency_id else "",
                "Meets every requirement" if match.meets_all else "Near miss",
                match.score,
                "\n".join(f"{miss.label}: {miss.text}" for miss in match.missed),
                _reasons(match.in_favour),
                _reasons(match.against),
                "Yes" if getattr(entry, "interested", False) else "No",
                _when(resume.updated_at),
            ]
        )
    return table


def _cells(headers: list[str], table: list[list]) -> list[list[str]]:
    """Every row, the headers first, as safe cell text: the one way into either format."""
    return [[safe_cell(value) for value in row] for row in [headers, *table]]


def to_csv(headers: list[str], table: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(_cells(headers, table))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8


def to_xlsx(headers: list[str], table: list[list], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in _cells(headers, table):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(headers: list[str], table: list[list], fmt: str, filename: str, sheet: str) -> HttpResponse:
    """The table as a CSV or XLSX download named filename.<fmt>."""
    if fmt == "xlsx":
        content, kind = to_xlsx(headers, table, sheet), XLSX_TYPE
    else:
        content, kind = to_csv(headers, table), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{fmt}")
    return response
