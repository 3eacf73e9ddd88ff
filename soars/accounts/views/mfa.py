"""Two-step sign-in with an authenticator app (TOTP) and one-time recovery codes."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.forms.signin import CodeForm, EnrolForm
from soars.accounts.views.signin import safe_next
from soars.audit.log import record
from soars.core.access import mfa_complete, password_step, signed_in

NEW_CODES = "soars_new_recovery_codes"
APP_DEVICE_NAME = "Authenticator app"


def totp_key_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app takes it when typed: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def issue_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.MFA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _wrong_code_message(device, first: str, user=None) -> str:
    """After wrong codes django-otp makes the next try wait; say so rather than reject good codes silently."""
    devices = [device] if device is not None else list(devices_for_user(user))
    if any(not d.verify_is_allowed()[0] for d in devices):
        return f"{first} After a wrong code you must wait a little: wait a minute, then enter the newest code."
    return f"{first} Check that your device’s clock is right and enter the newest code, or a recovery code."


@password_step
@never_cache
@sensitive_post_parameters("otp_token")
def mfa_setup(request):
    user = request.user
    if user_has_device(user):
        # Someone who already has an authenticator must use it; a password alone never adds a new one.
        return redirect("accounts:mfa_verify") if not mfa_complete(user) else redirect("accounts:home")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = EnrolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = issue_recovery_codes(user)
            otp_login(request, device)
            request.session.cycle_key()
            request.session[NEW_CODES] = codes
            record("mfa_enrolled", request=request)
            return redirect(f"{reverse('accounts:mfa_recovery_codes')}?{urlencode({'next': safe_next(request)})}")
        form.add_error("otp_token", _wrong_code_message(device, "That code did not match."))
        record("mfa_enrol_failed", request=request)
    context = {
        "form": form,
        "qr_code": qr_data_uri(device.config_url),
        "key_text": totp_key_text(device),
        "required": user.must_use_mfa,
        "next": safe_next(request, ""),
    }
    return render(request, "accounts/mfa_setup.html", context)


@password_step
@never_cache
@sensitive_post_parameters("otp_token")
def mfa_verify(request):
    user = request.user
    if not user_has_device(user):
        return redirect("accounts:mfa_setup")
    if mfa_complete(user):
        return redirect(safe_next(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            recovery = isinstance(device, StaticDevice)
            record("login", request=request, second_factor="recovery code" if recovery else "authenticator app")
            if recovery:
                left = device.token_set.count()
                messages.warning(request, f"You used a recovery code. {left} recovery codes are left.")
            return redirect(safe_next(request))
        form.add_error("otp_token", _wrong_code_message(None, "That code did not work.", user=user))
        record("login_mfa_failed", request=request)
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": safe_next(request, "")})


@password_step
@never_cache
def mfa_recovery_codes(request):
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        return redirect(safe_next(request))
    return render(request, "accounts/mfa_recovery_codes.html", {"codes": codes, "next": safe_next(request)})


@signed_in
@never_cache
def security(request):
    """Two-step sign-in status; executives turn it on here (it is always on for other roles)."""
    devices = list(devices_for_user(request.user))
    app = next((d for d in devices if isinstance(d, TOTPDevice)), None)
    static = next((d for d in devices if isinstance(d, StaticDevice)), None)
    codes_left = static.token_set.count() if static else 0
    if request.method == "POST" and app is not None and mfa_complete(request.user):
        request.session[NEW_CODES] = issue_recovery_codes(request.user)
        record("mfa_recovery_codes_replaced", request=request)
        return redirect(f"{reverse('accounts:mfa_recovery_codes')}?{urlencode({'next': reverse('accounts:security')})}")
    return render(request, "accounts/security.html", {"app": app, "codes_left": codes_left})
