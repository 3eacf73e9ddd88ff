"""The options page each role lands on after sign-in."""

from __future__ import annotations

from django.shortcuts import redirect, render

from soars.core.access import roles, signed_in


@signed_in
def home(request):
    return redirect(request.user.home_url_name)


@roles("executive")
def executive_home(request):
    return render(request, "accounts/executive_home.html")


@roles("hr")
def hr_home(request):
    return render(request, "accounts/hr_home.html")


@roles("admin")
def manage_home(request):
    return render(request, "accounts/manage_home.html")
