"""The executive's resume editor: one page of sections, each with its own form and save."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.core.access import roles
from soars.core.models import Ecq
from soars.resumes.completeness import completeness
from soars.resumes.forms import SECTION_FORMS, EcqStatementForm, ImportForm, ResumeFileForm
from soars.resumes.models import EcqStatement, Resume
from soars.resumes.pdf import PAGE_LIMIT, render_pdf
from soars.resumes.viewing import ACTIONS, readings_of


def own_resume(request) -> Resume:
    return Resume.objects.for_executive(request.user)


def resume_context(resume: Resume) -> dict:
    """What the resume template needs; the preview and HR's view show exactly this."""
    return {
        "resume": resume,
        "positions": resume.positions.select_related("agency"),
        "education": resume.education.all(),
        "training": resume.training.all(),
        "statements": resume.ecq_statements_in_framework,
        "competencies": resume.competencies.all(),
        "opportunity_types": resume.opportunity_types.all(),
        "visible_agencies": resume.visible_agencies.all(),
    }


def render_editor(request, resume: Resume, *, bound=None, upload_form=None, import_form=None, status=200):
    section_forms = {name: form_class(instance=resume) for name, form_class in SECTION_FORMS.items()}
    error_anchor = None
    if bound is not None:
        section_forms[bound.prefix] = bound
        error_anchor = "ecqs" if bound.prefix == "framework" else bound.prefix
    error_anchor = "file" if upload_form is not None else "import" if import_form is not None else error_anchor
    ecqs = list(resume.ecq_framework.ecqs.all()) if resume.ecq_framework_id else []
    written = {s.ecq_id: s for s in resume.ecq_statements.filter(ecq__in=ecqs)}
    other_framework = resume.ecq_statements.exclude(ecq__in=ecqs).count()
    context = {
        **resume_context(resume),
        "forms": section_forms,
        "completeness": completeness(resume),
        "ecq_rows": [(ecq, written.get(ecq.pk)) for ecq in ecqs],
        "other_framework_statements": other_framework,
        "upload_form": upload_form or ResumeFileForm(),
        "import_form": import_form or ImportForm(),
        "pdf_pages": render_pdf(resume).pages,
        "page_limit": PAGE_LIMIT,
        "error_anchor": error_anchor,
    }
    return render(request, "resumes/editor.html", context, status=status)


@roles("executive")
@never_cache
def editor(request):
    return render_editor(request, own_resume(request))


@roles("executive")
@never_cache
@require_POST
def save_section(request, section: str):
    form_class = SECTION_FORMS.get(section)
    if form_class is None:
        raise Http404("No such section.")
    resume = own_resume(request)
    form = form_class(request.POST, instance=resume)
    if not form.is_valid():
        return render_editor(request, resume, bound=form, status=400)
    with transaction.atomic():
        resume = form.save(commit=False)
        resume.save()
        form.save_m2m()
        if section == "framework":
            # Competencies belong to a framework: drop those of the one left behind.
            resume.competencies.remove(*resume.competencies.exclude(framework_id=resume.ecq_framework_id))
        resume.save()  # the search document includes the many-to-many choices just saved
    messages.success(request, f"Saved: {SECTION_TITLES[section]}.")
    return redirect(reverse("resumes:editor") + f"#{section}")


SECTION_TITLES = {
    "about": "About you",
    "framework": "ECQ framework",
    "skills": "Competencies and skills",
    "preferences": "What you are looking for",
    "sharing": "Who may see your resume",
}


@roles("executive")
@never_cache
def ecq_statement(request, ecq_id: int):
    resume = own_resume(request)
    ecq = get_object_or_404(Ecq.objects.select_related("framework"), pk=ecq_id)
    statement = EcqStatement.objects.filter(resume=resume, ecq=ecq).first()
    form = EcqStatementForm(request.POST or None, instance=statement)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            statement = form.save(commit=False)
            statement.resume, statement.ecq = resume, ecq
            statement.save()
            resume.save()
        messages.success(request, f"Saved your {ecq.name} statement.")
        return redirect("/executive/resume/#ecqs")
    status = 400 if request.method == "POST" else 200
    return render(request, "resumes/ecq_form.html", {"form": form, "ecq": ecq, "statement": statement}, status=status)


@roles("executive")
@never_cache
@require_POST
def delete_ecq_statement(request, ecq_id: int):
    resume = own_resume(request)
    with transaction.atomic():
        deleted, _ = EcqStatement.objects.filter(resume=resume, ecq_id=ecq_id).delete()
        resume.save()
    if deleted:
        messages.success(request, "Deleted the statement.")
    return redirect("/executive/resume/#ecqs")


@roles("executive")
@never_cache
def preview(request):
    resume = own_resume(request)
    context = {**resume_context(resume), "pdf_pages": render_pdf(resume).pages, "page_limit": PAGE_LIMIT}
    return render(request, "resumes/preview.html", context)


@roles("executive")
@never_cache
def viewers(request):
    resume = own_resume(request)
    page = Paginator(readings_of(resume), 25).get_page(request.GET.get("page"))
    return render(request, "resumes/viewers.html", {"page": page, "actions": ACTIONS, "resume": resume})
