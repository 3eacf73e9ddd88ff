"""Demo accounts: one per role (printed by make run), a few pending access requests,
and bulk executives and HR staff."""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.models import AccessRequest, User
from soars.core.demo import DemoContext
from soars.core.models import Agency, EligibilityCategory

DEMO_DOMAIN = "demo.soars.gov"
# Demo-only, printed on the console by make run; real accounts never have a known password.
DEMO_PASSWORD = "soars demo passphrase 2026"
DEMO_ACCOUNTS = [
    # email, name, role, agency code, agency admin
    (f"executive@{DEMO_DOMAIN}", "Maria Alvarez", User.Role.EXECUTIVE, "AG", False),
    (f"hr@{DEMO_DOMAIN}", "James Okafor", User.Role.HR, "AG", False),
    (f"agency-admin@{DEMO_DOMAIN}", "Priya Shah", User.Role.HR, "AG", True),
    (f"admin@{DEMO_DOMAIN}", "Thomas Reed", User.Role.ADMIN, None, False),
]
BATCH = 5000


def demo_data_exists() -> bool:
    return User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exists()


def demo_accounts() -> list[User]:
    emails = [row[0] for row in DEMO_ACCOUNTS]
    return sorted(User.objects.filter(email__in=emails), key=lambda u: emails.index(u.email))


def create_demo_accounts() -> list[User]:
    if not settings.DEMO_MODE:
        raise RuntimeError("Demo accounts exist only in demo mode (SOARS_DEMO=true).")
    users = []
    for email, name, role, agency_code, agency_admin in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            agency = Agency.objects.get(code=agency_code) if agency_code else None
            user = User.objects.create_user(
                email,
                DEMO_PASSWORD,
                full_name=name,
                role=role,
                agency=agency,
                is_agency_admin=agency_admin,
                is_staff=role == User.Role.ADMIN,
                is_superuser=role == User.Role.ADMIN,
            )
        if user.must_use_mfa and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            # Demo only: a known authenticator key, printed by make run, so a tester can sign in at once.
            TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
        users.append(user)
    return users


DEMO_REQUESTS = [
    # role, name, email, agency code, position title, eligibility code, hours ago
    (
        AccessRequest.Role.EXECUTIVE,
        "Grace Whitfield",
        "grace.whitfield@hhs.gov",
        "HE",
        "Deputy Director",
        "career_ses",
        30,
    ),
    (AccessRequest.Role.HR, "Samuel Ortiz", "samuel.ortiz@usda.gov", "AG", "HR Specialist", None, 3),
    (AccessRequest.Role.HR, "Nadia Brooks", "nadia.brooks@doc.gov", "CM", "Staffing Specialist", None, 50),
    (AccessRequest.Role.EXECUTIVE, "Omar Haddad", "omar.haddad@va.gov", "VA", "Chief of Staff", "cdp_graduate", 1),
]


def create_demo_requests() -> None:
    now = timezone.now()
    for role, name, email, code, title, eligibility, hours in DEMO_REQUESTS:
        agency = Agency.objects.filter(code=code).first() or Agency.objects.top_level().first()
        if agency is None or AccessRequest.objects.filter(email=email).exists():
            continue
        AccessRequest.objects.create(
            role=role,
            full_name=name,
            email=email,
            agency=agency,
            position_title=title,
            eligibility=EligibilityCategory.objects.filter(code=eligibility).first() if eligibility else None,
            cdp_program="OPM Federal CDP" if eligibility == "cdp_graduate" else "",
            cdp_certified_on=(now - timezone.timedelta(days=200)).date() if eligibility == "cdp_graduate" else None,
            verifier_name="Jordan Lee",
            verifier_title="Director, Executive Resources" if role == AccessRequest.Role.EXECUTIVE else "HR Director",
            verifier_email=f"jordan.lee@{email.split('@')[1]}",
            privacy_acknowledged_at=now - timezone.timedelta(hours=hours),
            created_at=now - timezone.timedelta(hours=hours),
        )


def seed(ctx: DemoContext) -> None:
    if settings.DEMO_MODE:
        create_demo_accounts()
        create_demo_requests()
    # Bulk accounts cannot sign in: they exist to give search and matching realistic volume.
    unusable = make_password(None)
    taken = set(User.objects.filter(email__endswith=f"@exec.{DEMO_DOMAIN}").values_list("email", flat=True))
    bar = ctx.progress(ctx.executives, "Executives")
    batch: list[User] = []
    for number in range(ctx.executives):
        first, last = ctx.name()
        email = f"{first}.{last}.{number}@exec.{DEMO_DOMAIN}".lower()
        if email in taken:
            continue
        batch.append(User(email=email, full_name=f"{first} {last}", role=User.Role.EXECUTIVE, password=unusable))
        if len(batch) >= BATCH:
            User.objects.bulk_create(batch)
            bar.update(len(batch))
            batch = []
    if batch:
        User.objects.bulk_create(batch)
        bar.update(len(batch))
    bar.close()
    ctx.executive_ids = list(
        User.objects.filter(role=User.Role.EXECUTIVE, email__endswith=f"@exec.{DEMO_DOMAIN}").values_list(
            "pk", flat=True
        )
    )
    # Two HR staff members for every department and independent agency.
    hr_batch = []
    for agency in Agency.objects.top_level():
        for n in range(2):
            first, last = ctx.name()
            email = f"{first}.{last}.{agency.code}{n}@hr.{DEMO_DOMAIN}".lower()
            hr_batch.append(
                User(email=email, full_name=f"{first} {last}", role=User.Role.HR, agency=agency, password=unusable)
            )
    User.objects.bulk_create(hr_batch, ignore_conflicts=True)


def demo_login_lines() -> list[str]:
    lines = []
    for user in demo_accounts():
        role = user.get_role_display() + (" (agency administrator)" if user.is_agency_admin else "")
        agency = f", {user.agency.abbreviation or user.agency.name}" if user.agency_id else ""
        lines.append(f"  {role}{agency}: {user.email}  password: {DEMO_PASSWORD}")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            key = base64.b32encode(device.bin_key).decode().rstrip("=")
            lines.append(f"      authenticator (TOTP) key: {key}")
    if len(lines) > len(DEMO_ACCOUNTS):
        lines.append("  No authenticator app? `python manage.py demo_codes` prints the current codes.")
    return lines
