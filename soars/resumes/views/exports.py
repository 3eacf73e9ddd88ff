"""The executive's PDF and JSON Resume downloads, and importing a JSON Resume file."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.core.access import roles
from soars.resumes.forms import ImportForm
from soars.resumes.jsonresume import MAX_IMPORT_BYTES, apply_plan, build_plan, changes, export_resume
from soars.resumes.pdf import render_pdf
from soars.resumes.views.editor import own_resume, render_editor

SESSION_KEY = "resume_import"


def pdf_response(resume) -> HttpResponse:
    response = HttpResponse(render_pdf(resume).content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, resume.download_name("pdf"))
    response["Cache-Control"] = "no-store"
    return response


@roles("executive")
@never_cache
def resume_pdf(request):
    return pdf_response(own_resume(request))


@roles("executive")
@never_cache
def resume_json(request):
    response = JsonResponse(export_resume(own_resume(request)), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = content_disposition_header(True, "resume.json")
    return response


def _read_json(upload):
    if upload.size > MAX_IMPORT_BYTES:
        return None, ["The file is larger than 1 MB; a JSON Resume is much smaller."]
    try:
        return json.loads(upload.read(MAX_IMPORT_BYTES + 1).decode("utf-8")), []
    except UnicodeDecodeError:
        return None, ["The file is not text in UTF-8, so it cannot be a JSON Resume."]
    except json.JSONDecodeError as exc:
        return None, [f"The file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."]
    except RecursionError:
        return None, ["The file nests too deeply to be a JSON Resume."]


@roles("executive")
@never_cache
@require_POST
def import_upload(request):
    """Step one: read and check the file, then show what would change. Nothing is saved yet."""
    resume = own_resume(request)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_editor(request, resume, import_form=form, status=400)
    data, errors = _read_json(form.cleaned_data["file"])
    plan = build_plan(data, resume) if not errors else None
    if plan is not None:
        errors = plan.errors
    if errors:
        return render(request, "resumes/import_errors.html", {"errors": errors[:200]}, status=400)
    request.session[SESSION_KEY] = data
    return render(request, "resumes/import_preview.html", {"changes": changes(plan, resume)})


@roles("executive")
@never_cache
@require_POST
def import_confirm(request):
    resume = own_resume(request)
    data = request.session.pop(SESSION_KEY, None)
    if request.POST.get("confirm") != "yes" or data is None:
        messages.info(request, "Nothing was imported.")
        return redirect("/executive/resume/")
    plan = build_plan(data, resume)
    if not plan.ok:  # reference data changed in between: say so rather than half-import
        return render(request, "resumes/import_errors.html", {"errors": plan.errors[:200]}, status=400)
    apply_plan(plan, resume)
    messages.success(request, "Imported your JSON Resume.")
    return redirect("/executive/resume/")
