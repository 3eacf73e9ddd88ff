"""Voluntary self-identification: kept apart from the resume, never shown for anyone, never used in
search or matching, and reported only in aggregate with small counts suppressed (reports.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

DECLINED = "declined"
DECLINE_LABEL = "I choose not to answer"


class Ethnicity(models.TextChoices):
    HISPANIC = "hispanic", "Hispanic or Latino"
    NOT_HISPANIC = "not_hispanic", "Not Hispanic or Latino"
    DECLINED = DECLINED, DECLINE_LABEL


class Race(models.TextChoices):
    """The race categories of the SF-181 (OMB's 1997 standards); one or more may be chosen."""

    AMERICAN_INDIAN = "american_indian", "American Indian or Alaska Native"
    ASIAN = "asian", "Asian"
    BLACK = "black", "Black or African American"
    PACIFIC_ISLANDER = "pacific_islander", "Native Hawaiian or Other Pacific Islander"
    WHITE = "white", "White"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    DECLINED = DECLINED, DECLINE_LABEL


class Disability(models.TextChoices):
    YES = "yes", "I have a disability (or have had one)"
    NO = "no", "I do not have a disability"
    DECLINED = DECLINED, DECLINE_LABEL


class Veteran(models.TextChoices):
    YES = "yes", "I served in the U.S. armed forces (a veteran)"
    NO = "no", "I am not a veteran"
    DECLINED = DECLINED, DECLINE_LABEL


class SelfIdentification(models.Model):
    """One executive's answers, each optional ("" is not answered, "declined" chose not to answer)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, blank=True)
    races = models.JSONField(default=list, blank=True)  # codes of Race, or ["declined"]
    sex = models.CharField(max_length=20, choices=Sex.choices, blank=True)
    disability = models.CharField(max_length=20, choices=Disability.choices, blank=True)
    veteran = models.CharField(max_length=20, choices=Veteran.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Self-identification {self.pk}"  # never the person or the answers
