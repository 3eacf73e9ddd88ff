"""The executive's own self-identification page (/executive/self-identification/): to answer, change
or remove the answers. Nobody else ever sees an individual's answers (reports are aggregate)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from soars.core.access import roles
from soars.diversity.forms import SelfIdentificationForm
from soars.diversity.models import SelfIdentification


@roles("executive")
@never_cache
def self_identification(request):
    mine = SelfIdentification.objects.filter(person=request.user).first()
    data = request.POST if request.method == "POST" else None  # an empty POST is an answer: nothing answered
    form = SelfIdentificationForm(data, instance=mine or SelfIdentification(person=request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your answers are saved. Thank you.")
        return redirect("diversity:self_identification")
    return render(request, "diversity/self_identification.html", {"form": form, "answered": mine is not None})


@roles("executive")
@never_cache
def remove(request):
    """Remove every answer, after asking (GET shows the question, POST removes)."""
    if request.method == "POST":
        SelfIdentification.objects.filter(person=request.user).delete()
        messages.success(request, "Your answers are removed.")
        return redirect("diversity:self_identification")
    return render(request, "diversity/remove.html")
