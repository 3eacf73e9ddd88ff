"""Small helpers shared by the accounts tests."""

from __future__ import annotations

import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.core.models import OutboundEmail


def emails(template: str, to: str | None = None) -> list[OutboundEmail]:
    found = OutboundEmail.objects.filter(template=template).order_by("pk")
    return [e for e in found if to is None or to in e.to]


def link_in(email: OutboundEmail) -> str:
    """The path of the one-time link in an email."""
    match = re.search(r"https?://[^/\s]+(/set-password/[^/\s]+/)", email.text_body)
    assert match, email.text_body
    return match.group(1)


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
