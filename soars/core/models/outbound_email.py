"""Every email SOARS sends is a row here first, then delivered by a task.

The row makes delivery exactly-once and survivable: the web request commits
the row, the worker claims it with a conditional update, and an SMTP outage
only delays it (retries with back-off) instead of losing it.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"

    template = models.CharField(max_length=100)
    to = models.JSONField(default=list)
    reply_to = models.JSONField(default=list, blank=True)
    # Extra message headers, e.g. List-Unsubscribe on alerts (RFC 8058).
    headers = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=300)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    # A sensitive email (one-time links) has its bodies erased once delivered,
    # so the link never outlives its trip to the mail server.
    sensitive = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"
