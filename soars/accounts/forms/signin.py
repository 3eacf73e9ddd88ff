"""Sign-in, second factor and password forms."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm


class LoginForm(AuthenticationForm):
    error_messages = {
        # One message for every failure, so the form never tells whether an account exists.
        "invalid_login": "The email address or password is not right. Check both and try again.",
        "inactive": "The email address or password is not right. Check both and try again.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Work email"
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_otp_token(self):
        return "".join(self.cleaned_data["otp_token"].split()).replace("-", "")


class EnrolForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["otp_token"].help_text = "The 6-digit code your authenticator app shows for SOARS."


class ChoosePasswordForm(SetPasswordForm):
    """Length, not composition (NIST SP 800-63B). Paste is allowed; nothing here blocks it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("new_password1", "new_password2"):
            self.fields[name].max_length = settings.PASSWORD_MAX_LENGTH
            self.fields[name].widget.attrs.update(autocomplete="new-password", maxlength=settings.PASSWORD_MAX_LENGTH)
            self.fields[name].strip = False
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = (
            f"At least {settings.PASSWORD_MIN_LENGTH} characters; up to {settings.PASSWORD_MAX_LENGTH}. "
            "A few unrelated words make a strong password you can remember. SOARS, your name and your email "
            "address do not count towards the length, and common passwords and patterns such as “abcd…” are refused. "
            "No special characters are required, and you may paste from a password manager."
        )
        self.fields["new_password2"].label = "New password again"


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Work email",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
