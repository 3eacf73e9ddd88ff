from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class WhatsNewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__lte=timezone.now()).order_by("-published_at", "-pk")


class WhatsNewPost(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs.")
    published_at = models.DateTimeField(default=timezone.now, help_text="Hidden from the public until this time.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WhatsNewQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = "What's New post"

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class ContactMessage(models.Model):
    class Topic(models.TextChoices):
        ACCESS = "access", "Requesting access or signing in"
        RESUME = "resume", "Resumes"
        OPPORTUNITY = "opportunity", "Opportunities"
        ACCESSIBILITY = "accessibility", "Accessibility"
        PRIVACY = "privacy", "Privacy"
        OTHER = "other", "Something else"

    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    message = models.TextField(max_length=5000)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} from {self.name}"

    def reply(self, text: str, *, by) -> ContactReply:
        """Email `text` to the sender and keep it with the message, which is then read."""
        from soars.audit.log import record
        from soars.core.email import send_email

        with transaction.atomic():
            sent = self.replies.create(text=text, sent_by=by)
            if not self.is_read:
                self.is_read = True
                self.save(update_fields=["is_read"])
            send_email("contact_reply", to=[self.email], context={"message": self, "reply": sent})
            record("contact_message.replied", actor=by, obj=self)
        return sent

    @classmethod
    def recent_count_from(cls, email: str, *, hours: int = 1) -> int:
        since = timezone.now() - timedelta(hours=hours)
        return cls.objects.filter(email__iexact=email, created_at__gte=since).count()

    @classmethod
    def recent_count_from_ip(cls, ip_address: str, *, hours: int = 1) -> int:
        since = timezone.now() - timedelta(hours=hours)
        return cls.objects.filter(ip_address=ip_address, created_at__gte=since).count()


class ContactReply(models.Model):
    """An answer emailed to the sender of a Contact Us message, kept with it."""

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(max_length=5000)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"Reply to message {self.message_id}"
