from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password) if password else user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("role", User.Role.EXECUTIVE)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(role=User.Role.ADMIN, is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    class Role(models.TextChoices):
        EXECUTIVE = "executive", "Executive"
        HR = "hr", "HR staff"
        ADMIN = "admin", "Site administrator"

    email = models.EmailField("work email", max_length=254, unique=True)
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.EXECUTIVE)
    agency = models.ForeignKey(
        "core.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=(
            "HR staff (required): the agency whose opportunities and resumes they work with. Executives: the "
            "agency they work in, as verified when their access was approved or set by an administrator; it "
            "opens that agency's own-agency-only postings to them."
        ),
    )
    is_agency_admin = models.BooleanField(
        default=False, help_text="HR staff who may approve access requests from their own agency's HR staff."
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use Django's admin site.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]
        indexes = [
            # Searches keep only active owners' records: a narrow index answers that per row...
            models.Index(fields=["id", "is_active"], name="user_active"),
            # ... and one by activity lists the (few) deactivated users at once, as record visibility
            # does in every search statement (from the first, read whole: 1.3-3 ms a statement).
            models.Index(fields=["is_active", "id"], name="user_by_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    def clean(self):
        super().clean()
        self.email = self.email.lower()
        if self.role == self.Role.HR and self.agency_id is None:
            raise ValidationError({"agency": "HR staff must belong to an agency."})
        if self.is_agency_admin and self.role != self.Role.HR:
            raise ValidationError({"is_agency_admin": "Only HR staff can be agency administrators."})

    def has_role(self, name: str) -> bool:
        """Roles as access rules name them: executive, hr, agency_admin, admin."""
        if not self.is_active:
            return False
        if name == "agency_admin":
            return self.role == self.Role.HR and self.is_agency_admin
        return self.role == name

    @property
    def is_executive(self) -> bool:
        return self.role == self.Role.EXECUTIVE

    @property
    def is_hr(self) -> bool:
        return self.role == self.Role.HR

    @property
    def is_site_admin(self) -> bool:
        return self.role == self.Role.ADMIN

    @property
    def must_use_mfa(self) -> bool:
        """HR staff and administrators must sign in with a second factor; executives may choose to."""
        return self.role in {self.Role.HR, self.Role.ADMIN}

    @property
    def role_label(self) -> str:
        return self.get_role_display() + (" (agency administrator)" if self.is_agency_admin else "")

    @property
    def home_url_name(self) -> str:
        return {
            self.Role.EXECUTIVE: "accounts:executive_home",
            self.Role.HR: "accounts:hr_home",
            self.Role.ADMIN: "administration:home",
        }[self.role]
