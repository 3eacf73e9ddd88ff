"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from datetime import timedelta

from django.utils import timezone

from soars.api.models import ApiToken
from soars.core.testing import Page


def _with_tokens(personas):
    later = timezone.localdate() + timedelta(days=30)
    ApiToken.issue(personas.hr_a, name="Applicant tracker", can_write=True, expires_on=later)
    revoked, _ = ApiToken.issue(personas.hr_a, name="Old import script", can_write=False, expires_on=later)
    revoked.revoke(by=personas.hr_a)
    ApiToken.issue(personas.hr_b, name="Commerce HR system", can_write=False, expires_on=later)
    return "/api/tokens/"


def _made(personas):
    later = timezone.localdate() + timedelta(days=30)
    return {"name": "Nightly export", "access": "read", "expires_on": f"{later}"}


PAGES = [
    Page("/api/tokens/", user="hr_a"),
    Page(_with_tokens, user="hr_a"),
    Page(_with_tokens, user="site_admin"),
    Page("/api/tokens/", user="hr_a", data=_made),  # the new secret, shown once
    Page("/api/tokens/", user="agency_admin", data={"name": "", "access": "", "expires_on": "2999-01-01"}, status=400),
]
