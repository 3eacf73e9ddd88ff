"""Checking an uploaded resume file by its content, storing it under a name we choose,
and reading its text (in a background task).

A file is refused, with a message the executive can act on, when it is too large,
is neither a PDF nor a DOCX whatever its name says, is encrypted, or cannot be
opened. A DOCX is a zip: we read its directory first and refuse too many entries
or too much expanded data (a zip bomb) before anything decompresses it.
"""

from __future__ import annotations

import io
import logging
import uuid
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
DOCX_MAX_ENTRIES = 500
DOCX_MAX_EXPANDED = 60 * 1024 * 1024
DOCX_MAX_RATIO = 120  # expanded size over compressed size, per entry
PDF_MAX_PAGES = 60
EXTRACTED_MAX_CHARS = 200_000


class FileProblem(Exception):
    """Why a file was refused, in words for the person who uploaded it."""


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # "pdf" or "docx"
    content: bytes


def check_upload(upload) -> CheckedFile:
    if upload.size > MAX_BYTES:
        raise FileProblem(
            f"This file is {upload.size / 1024 / 1024:.1f} MB; the limit is 5 MB. "
            "Save a smaller version (for example without images) and try again."
        )
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise FileProblem("This file is larger than 5 MB, the limit.")
    if not content:
        raise FileProblem("This file is empty.")
    if content.startswith(b"%PDF-"):
        _check_pdf(content)
        return CheckedFile("pdf", content)
    if content.startswith(b"PK\x03\x04"):
        _check_docx(content)
        return CheckedFile("docx", content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(
            "This is an old-format (.doc) or password-protected Word file, which we cannot read. "
            "Save it as DOCX without a password, or as PDF, and upload that."
        )
    raise FileProblem(
        "This file is not a PDF or a Word (DOCX) document, whatever its name says. "
        "Save your resume as PDF or DOCX and upload that."
    )


def _check_pdf(content: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise FileProblem(
                "This PDF is encrypted or password-protected, so we cannot read it. "
                "Save a copy without a password and upload that."
            )
        pages = len(reader.pages)
    except FileProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        logger.info("Unreadable PDF refused: %s", type(exc).__name__)
        raise FileProblem("This PDF is damaged or cannot be read. Save it again from your word processor.") from exc
    if pages > PDF_MAX_PAGES:
        raise FileProblem(f"This PDF has {pages} pages; a resume may have at most {PDF_MAX_PAGES}.")


def _check_docx(content: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileProblem("This file looks like a Word document but is damaged and cannot be read.") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > DOCX_MAX_ENTRIES:
            raise FileProblem("This Word document has too many parts to be a resume, so we did not open it.")
        expanded = sum(entry.file_size for entry in entries)
        too_compressed = any(
            entry.file_size > 1024 * 1024 and entry.file_size > DOCX_MAX_RATIO * max(entry.compress_size, 1)
            for entry in entries
        )
        if expanded > DOCX_MAX_EXPANDED or too_compressed:
            raise FileProblem("This Word document expands to far more data than a resume holds, so we did not open it.")
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise FileProblem("This file is a zip archive, not a Word (DOCX) document.")
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise FileProblem("This Word document is encrypted, so we cannot read it. Save a copy without a password.")


def stored_file(checked: CheckedFile) -> ContentFile:
    """The content under a server-chosen name; the uploaded name is never used on disk."""
    return ContentFile(checked.content, name=f"{uuid.uuid4().hex}.{checked.kind}")


def extract_text(kind: str, content: bytes) -> str:
    """The plain text of a checked file. Raises FileProblem when it cannot be read."""
    try:
        text = _extract_pdf(content) if kind == "pdf" else _extract_docx(content)
    except FileProblem:
        raise
    except Exception as exc:  # any parser failure means the same thing to the executive
        logger.info("Text extraction failed: %s", type(exc).__name__)
        raise FileProblem("We could not read the text of this file. Your file is kept; HR can download it.") from exc
    text = "\n".join(line.rstrip() for line in text.replace("\x00", "").splitlines())
    return text.strip()[:EXTRACTED_MAX_CHARS]


def _extract_pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    parts, total = [], 0
    for page in reader.pages[:PDF_MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total > EXTRACTED_MAX_CHARS:
            break
    return "\n".join(parts)


def _extract_docx(content: bytes) -> str:
    import docx

    _check_docx(content)  # never trust what was checked at upload time alone
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)
