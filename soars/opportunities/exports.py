"""The candidate list of one opportunity as CSV or XLSX."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from soars.opportunities.hooks import candidate_title

HEADERS = ["Name", "Email", "Current title", "Status", "Expressed interest", "Last change", "Note from executive"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
                    timezone.localtime(interest.created_at).strftime("%Y-%m-%d %H:%M"),
                    timezone.localtime(interest.updated_at).strftime("%Y-%m-%d %H:%M"),
                    interest.note,
                )
            ]
        )
    return table


def as_csv(interests) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows(interests))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8


def as_xlsx(interests) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Candidates"
    sheet.append(HEADERS)
    for row in rows(interests):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
