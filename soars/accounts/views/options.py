"""The options page each role lands on after sign-in.

Each view asks the apps for their panels' context (soars.<app>.panels and soars.matching.stored),
so the templates only present it.
"""

from __future__ import annotations

from django.shortcuts import redirect, render

from soars.core.access import roles, signed_in


@signed_in
def home(request):
    return redirect(request.user.home_url_name)


@roles("executive")
def executive_home(request):
    from soars.matching.stored import recommended_panel
    from soars.opportunities.panels import executive_interest_panel
    from soars.resumes.panels import executive_resume_panel

    user = request.user
    context = {
        "resume_panel": executive_resume_panel(user),  # first: it creates the resume on the first visit
        "interest_panel": executive_interest_panel(user),
        "recommended": recommended_panel(user),
    }
    return render(request, "accounts/executive_home.html", context)


@roles("hr")
def hr_home(request):
    from soars.opportunities.panels import hr_opportunity_panel

    return render(request, "accounts/hr_home.html", {"opportunity_panel": hr_opportunity_panel(request.user)})
