"""factory_boy factories for accounts, one subclass per kind of user."""

from __future__ import annotations

import factory
from django.utils import timezone

from soars.accounts.models import AccessRequest, User
from soars.core.models import Agency, EligibilityCategory

TEST_PASSWORD = "a long test passphrase for SOARS"


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@agency.gov")
    full_name = factory.Faker("name")
    role = User.Role.EXECUTIVE
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ExecutiveFactory(UserFactory):
    email = factory.Sequence(lambda n: f"executive{n}@agency.gov")


class HrFactory(UserFactory):
    email = factory.Sequence(lambda n: f"hr{n}@agency.gov")
    role = User.Role.HR
    agency = factory.LazyFunction(lambda: agency("AG"))


class AgencyAdminFactory(HrFactory):
    is_agency_admin = True


class SiteAdminFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@opm.gov")
    role = User.Role.ADMIN
    is_staff = True


class AccessRequestFactory(factory.django.DjangoModelFactory):
    """A pending executive request; HrAccessRequestFactory for HR staff."""

    class Meta:
        model = AccessRequest

    role = AccessRequest.Role.EXECUTIVE
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"requester{n}@agency.gov")
    agency = factory.LazyFunction(lambda: agency("AG"))
    position_title = "Deputy Assistant Secretary"
    eligibility = factory.LazyFunction(lambda: EligibilityCategory.objects.get(code="career_ses"))
    verifier_name = "Vera Fier"
    verifier_title = "Director of Executive Resources"
    verifier_email = factory.Sequence(lambda n: f"verifier{n}@agency.gov")
    privacy_acknowledged_at = factory.LazyFunction(timezone.now)


class HrAccessRequestFactory(AccessRequestFactory):
    role = AccessRequest.Role.HR
    position_title = "Human Resources Specialist"
    eligibility = None
