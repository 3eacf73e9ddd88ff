"""Print the current sign-in code of each demo account that uses two-step sign-in (demo mode only)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.demo import demo_accounts


class Command(BaseCommand):
    help = "Show the current 6-digit sign-in code of each demo account (for testers without an authenticator app)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo codes exist only in demo mode (SOARS_DEMO=true).")
        for user in demo_accounts():
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is not None:
                totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
                self.stdout.write(f"{user.email}: {totp.token():0{device.digits}d}")
