"""factory_boy factories for resumes: an empty one, and a complete one shared with all agencies."""

from __future__ import annotations

import datetime

import factory

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency, ClearanceLevel, EcqFramework, EligibilityCategory, OpportunityType
from soars.resumes.models import EcqStatement, Education, Position, Resume, Training


class ResumeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resume
        skip_postgeneration_save = True

    executive = factory.SubFactory(ExecutiveFactory)
    headline = "Chief Information Officer"


class SharedResumeFactory(ResumeFactory):
    visibility = Resume.Visibility.ALL_AGENCIES


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    resume = factory.SubFactory(ResumeFactory)
    employer = "Department of Agriculture"
    title = "Deputy Chief Information Officer"
    series = "2210"
    pay_plan = Position.PayPlan.ES
    level = "00"
    start_date = datetime.date(2018, 3, 1)
    accomplishments = "Moved 40 systems to the cloud and cut hosting costs by a third."


def complete_resume(executive=None, **fields) -> Resume:
    """A resume with every section filled in, shared with all agencies unless told otherwise."""
    framework = EcqFramework.objects.get(code="2025")
    if executive is not None:
        Resume.objects.filter(executive=executive).delete()  # one resume per executive: start afresh
    resume = SharedResumeFactory(
        **({"executive": executive} if executive else {}),
        summary="Career executive who modernizes services.",
        current_title="Chief Information Officer",
        current_agency=Agency.objects.get(code="CM"),
        eligibility=EligibilityCategory.objects.get(code="career_ses"),
        ecq_framework=framework,
        clearance=ClearanceLevel.objects.get(code="secret"),
        locations=["Washington, DC", "Denver, CO"],
        arrangements=["on_site", "hybrid"],
        skills=["cloud migration", "budget formulation"],
        available_from=datetime.date(2027, 1, 4),
        **fields,
    )
    PositionFactory(resume=resume, order=0, start_date=datetime.date(2021, 5, 3), title="Chief Information Officer")
    PositionFactory(resume=resume, order=1, start_date=datetime.date(2016, 1, 4), end_date=datetime.date(2021, 5, 1))
    Education.objects.create(
        resume=resume, institution="Georgetown University", degree="MPA", field="Policy", year=2005
    )
    Training.objects.create(resume=resume, name="SES Candidate Development Program", provider="OPM", year=2015)
    for ecq in framework.ecqs.all():
        EcqStatement.objects.create(
            resume=resume,
            ecq=ecq,
            challenge="A hard problem.",
            context="A large agency.",
            action="I led.",
            result="It worked.",
        )
    resume.competencies.set(framework.competencies.all()[:3])
    resume.opportunity_types.set(OpportunityType.objects.filter(code__in=["detail", "permanent"]))
    resume.save()
    return resume
