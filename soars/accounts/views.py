from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import public, roles, signed_in


@public
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        record("login", request=self.request)
        return response


@public
@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        record("logout", request=request)
    logout(request)
    messages.success(request, "You are logged out.")
    return redirect("core:home")


@public
def request_access(request):
    return render(request, "accounts/request_access.html")


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
