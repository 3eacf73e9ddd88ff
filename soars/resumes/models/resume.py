"""The executive's one resume (DESIGN §3) and the rule for who may see it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from soars.core.arrangements import WorkArrangement, accepted

SUMMARY_MAX = 4000
FILE_TEXT_MAX = 200_000
SKILLS_MAX = 40
LOCATIONS_MAX = 10


class ResumeQuerySet(models.QuerySet):
    def visible_to_agency(self, agency):
        """Resumes HR staff of `agency` may find and read: shared with all agencies, or with this
        agency (or the department it belongs to); never hidden ones, never deactivated owners."""
        if agency is None:
            return self.none()
        agencies = {agency.pk, agency.top.pk}
        # Both rules are uncorrelated subqueries: the database lists the (few) deactivated
        # owners and the resumes shared with this agency once, then checks each resume
        # against those lists, instead of looking every resume's owner and shares up.
        chosen = Resume.visible_agencies.through.objects.filter(agency_id__in=agencies).values("resume_id")
        # "in [False]", not "= False": Django writes the latter "NOT is_active", which no index
        # can look up (SQLite reads every user for it).
        inactive = get_user_model().objects.filter(is_active__in=[False]).values("pk")
        return self.exclude(executive_id__in=inactive).filter(
            Q(visibility=Resume.Visibility.ALL_AGENCIES)
            | Q(visibility=Resume.Visibility.CHOSEN_AGENCIES, pk__in=chosen)
        )

    def in_directory(self):
        return self.filter(directory_opt_in=True, executive__is_active=True)

    def newest_first(self):
        return self.order_by("-updated_at", "-pk")


class ResumeManager(models.Manager.from_queryset(ResumeQuerySet)):
    def for_executive(self, user) -> Resume:
        resume, _ = self.get_or_create(executive=user)
        return resume


# What a search reads per resume besides its key (see Resume.Meta.indexes).
SEARCHED_COLUMNS = [
    "visibility",
    "executive",
    "eligibility",
    "clearance",
    "arrangements",
    "available_from",
    "updated_at",
    "locations",
]


class Resume(models.Model):
    class Visibility(models.TextChoices):
        ALL_AGENCIES = "all", "All agencies"
        CHOSEN_AGENCIES = "chosen", "Only the agencies I choose"
        HIDDEN = "hidden", "Hidden: no agency can find or read it"

    class FileStatus(models.TextChoices):
        NONE = "", "No file"
        PENDING = "pending", "Reading the text of your file"
        READY = "ready", "Text read"
        FAILED = "failed", "The text could not be read"

    class FileKind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"

    executive = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume")
    headline = models.CharField(
        max_length=200, blank=True, help_text="One line, for example “Chief Information Officer”."
    )
    summary = models.TextField(max_length=SUMMARY_MAX, blank=True)
    current_title = models.CharField("current position title", max_length=200, blank=True)
    current_agency = models.ForeignKey(
        "core.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="current agency"
    )
    eligibility = models.ForeignKey(
        "core.EligibilityCategory",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="appointment eligibility",
    )
    ecq_framework = models.ForeignKey(
        "core.EcqFramework",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ECQ framework",
    )
    competencies = models.ManyToManyField("core.Competency", blank=True, related_name="+")
    skills = models.JSONField(default=list, blank=True)
    clearance = models.ForeignKey(
        "core.ClearanceLevel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="security clearance",
    )
    locations = models.JSONField("preferred locations", default=list, blank=True)
    # WorkArrangement values the executive accepts, in the choice set's order; empty: not stated (any).
    arrangements = models.JSONField("work arrangements accepted", default=list, blank=True)
    opportunity_types = models.ManyToManyField(
        "core.OpportunityType", blank=True, related_name="+", verbose_name="opportunity types wanted"
    )
    available_from = models.DateField(null=True, blank=True)
    # Private by default: nobody sees a resume until its owner shares it.
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.HIDDEN)
    visible_agencies = models.ManyToManyField("core.Agency", blank=True, related_name="+")
    directory_opt_in = models.BooleanField("list me in the executive directory", default=False)
    directory_show_email = models.BooleanField("show my email address in the directory", default=True)
    directory_phone = models.CharField("phone number for the directory", max_length=30, blank=True)

    file = models.FileField(upload_to="resumes/", blank=True)
    file_kind = models.CharField(max_length=4, choices=FileKind.choices, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    file_uploaded_at = models.DateTimeField(null=True, blank=True)
    file_status = models.CharField(max_length=10, choices=FileStatus.choices, blank=True)
    file_text = models.TextField(blank=True)

    # One plain-text document of everything searchable, rebuilt on every save (search indexes it).
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ResumeManager()

    class Meta:
        indexes = [
            models.Index(fields=["visibility", "updated_at"]),
            # Everything a search reads per resume besides the text: visibility, owner, the
            # filtered and counted columns. A search touches only this index, never the wide
            # rows (summary, extracted file text, search text) - see docs/performance.md.
            models.Index(fields=["id", *SEARCHED_COLUMNS], name="resume_search_columns"),
            # The same columns for a search without words: every resume shared with all
            # agencies (or chosen ones) is read from here in visibility order.
            models.Index(fields=SEARCHED_COLUMNS, name="resume_visible_columns"),
        ]

    def __str__(self) -> str:
        return f"Resume of {self.executive.full_name or self.executive.email}"

    def save(self, *args, **kwargs):
        from soars.matching import stored as matching

        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.reindex()
            matching.resume_saved(self)  # the executive's recommendations are stale

    @property
    def arrangements_text(self) -> str:
        """The accepted work arrangements in words ("On site or hybrid"); empty when not stated."""
        names = [str(WorkArrangement(code).label) for code in accepted(self.arrangements)]
        if not names:
            return ""
        text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        return text[:1] + text[1:].lower()

    def reindex(self) -> None:
        """Write this resume's search document; same transaction as the change (see search.py)."""
        from soars.search.engine import index_object

        index_object(self)

    def build_search_text(self) -> str:
        from soars.resumes.search_document import search_document

        return search_document(self)

    @property
    def ecq_statements_in_framework(self):
        if self.ecq_framework_id is None:
            return self.ecq_statements.none()
        return self.ecq_statements.filter(ecq__framework_id=self.ecq_framework_id).select_related("ecq")

    def download_name(self, extension: str) -> str:
        """A download's file name, as ada-lovelace-resume.pdf: the executive's name made a slug (letters,
        digits and dashes), so no quote, semicolon or line break of a name reaches a Content-Disposition."""
        return f"{slugify(self.executive.full_name, allow_unicode=True) or 'resume'}-resume.{extension}"

    @property
    def file_download_name(self) -> str:
        return self.download_name(self.file_kind or "bin")

    def is_visible_to_agency(self, agency) -> bool:
        return Resume.objects.visible_to_agency(agency).filter(pk=self.pk).exists()
