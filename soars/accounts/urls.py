from django.urls import path

from soars.accounts.views import mfa, options, passwords, requests, signin

app_name = "accounts"

urlpatterns = [
    path("login/", signin.login_view, name="login"),
    path("login/mfa/", mfa.mfa_verify, name="mfa_verify"),
    path("login/mfa/setup/", mfa.mfa_setup, name="mfa_setup"),
    path("login/mfa/recovery-codes/", mfa.mfa_recovery_codes, name="mfa_recovery_codes"),
    path("logout/", signin.logout_view, name="logout"),
    path("account/security/", mfa.security, name="security"),
    path("password-reset/", passwords.password_reset, name="password_reset"),
    path("password-reset/sent/", passwords.password_reset_sent, name="password_reset_sent"),
    path("set-password/", passwords.choose_password, name="choose_password"),
    path("set-password/<str:token>/", passwords.open_link, name="set_password"),
    path("request-access/", requests.request_access, name="request_access"),
    path("request-access/executive/", requests.request_executive, name="request_executive"),
    path("request-access/hr/", requests.request_hr, name="request_hr"),
    path("request-access/sent/", requests.request_access_sent, name="request_access_sent"),
    path("home/", options.home, name="home"),
    path("executive/", options.executive_home, name="executive_home"),
    path("hr/", options.hr_home, name="hr_home"),
]
