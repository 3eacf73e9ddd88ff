"""The one way SOARS sends email.

    send_email("contact_received", to=[address], context={...})

renders emails/<name>_subject.txt, emails/<name>.txt and (if present)
emails/<name>.html, stores an OutboundEmail and, once the surrounding
transaction commits, queues the delivery task.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone

from soars.core.models import OutboundEmail

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 60 * 60


def send_email(
    template: str,
    *,
    to: list[str],
    context: dict | None = None,
    reply_to: list[str] | None = None,
    sensitive: bool = False,
    headers: dict[str, str] | None = None,
) -> OutboundEmail:
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **(context or {})}
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    text_body = render_to_string(f"emails/{template}.txt", context)
    try:
        html_body = render_to_string(f"emails/{template}.html", context)
    except TemplateDoesNotExist:
        html_body = ""
    outbound = OutboundEmail.objects.create(
        template=template,
        to=list(to),
        reply_to=list(reply_to or []),
        headers=dict(headers or {}),
        subject=subject[:300],
        text_body=text_body,
        html_body=html_body,
        sensitive=sensitive,
    )
    transaction.on_commit(lambda: deliver_email.enqueue(outbound.pk))
    return outbound


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off: 30 s, 60 s, 2 min, ... capped at one hour."""
    return timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS))


@task(queue_name="email")
def deliver_email(outbound_id: int) -> str:
    now = timezone.now()
    claimed = OutboundEmail.objects.filter(pk=outbound_id, status=OutboundEmail.Status.PENDING).update(
        status=OutboundEmail.Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=now
    )
    if not claimed:
        return "skipped"  # already sent, being sent by another worker, or gone
    outbound = OutboundEmail.objects.get(pk=outbound_id)
    message = EmailMultiAlternatives(
        subject=outbound.subject,
        body=outbound.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=outbound.to,
        reply_to=outbound.reply_to or None,
        headers=outbound.headers or None,
    )
    if outbound.html_body:
        message.attach_alternative(outbound.html_body, "text/html")
    try:
        message.send()
    except Exception as exc:  # any transport failure: keep the row, try later
        error = f"{type(exc).__name__}: {exc}"[:500]
        if outbound.attempts >= settings.EMAIL_MAX_ATTEMPTS:
            OutboundEmail.objects.filter(pk=outbound_id).update(status=OutboundEmail.Status.FAILED, last_error=error)
            logger.error("Email %s failed for good after %s attempts", outbound_id, outbound.attempts)
            return "failed"
        OutboundEmail.objects.filter(pk=outbound_id).update(status=OutboundEmail.Status.PENDING, last_error=error)
        deliver_email.using(run_after=timezone.now() + retry_delay(outbound.attempts)).enqueue(outbound_id)
        logger.warning("Email %s not sent (attempt %s), will retry: %s", outbound_id, outbound.attempts, error)
        return "retry"
    done = {"status": OutboundEmail.Status.SENT, "sent_at": timezone.now(), "last_error": ""}
    if outbound.sensitive:
        done.update(text_body="(erased after delivery)", html_body="")
    OutboundEmail.objects.filter(pk=outbound_id).update(**done)
    return "sent"


def requeue_unsent() -> int:
    """Queue again every email still waiting (for example after the worker was down)."""
    ids = list(OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).values_list("pk", flat=True))
    for pk in ids:
        deliver_email.enqueue(pk)
    return len(ids)


@task()
def recover_stalled_email() -> int:
    """The periodic safety net (every 10 minutes): queue again what a lost worker left behind.

    - An email left "sending" by a worker killed during delivery goes back to pending. If the mail
      server had accepted it just before the kill, it arrives twice: never zero times.
    - A pending email whose queued delivery is gone (its task lost with a worker) is queued again,
      once it has waited longer than the longest back-off, so a retry is never sent early.
    Deliveries claim their email with a conditional update, so a duplicate in the queue sends nothing.
    """
    now = timezone.now()
    # Far longer than one SMTP exchange (EMAIL_TIMEOUT): 15 minutes unless set.
    stalled_after = timedelta(seconds=settings.EMAIL_STALLED_AFTER_SECONDS)
    cut_off = OutboundEmail.objects.filter(status=OutboundEmail.Status.SENDING, last_attempt_at__lt=now - stalled_after)
    ids = set(cut_off.values_list("pk", flat=True))
    OutboundEmail.objects.filter(pk__in=ids, status=OutboundEmail.Status.SENDING).update(
        status=OutboundEmail.Status.PENDING, last_error="Delivery was cut off (worker stopped); sent again."
    )
    waited = now - timedelta(seconds=RETRY_MAX_SECONDS) - stalled_after
    forgotten = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).filter(
        Q(last_attempt_at__lt=waited) | Q(last_attempt_at__isnull=True, created_at__lt=now - stalled_after)
    )
    ids.update(forgotten.values_list("pk", flat=True))
    for pk in sorted(ids):
        deliver_email.enqueue(pk)
    if ids:
        logger.warning("Queued %s stalled email(s) again", len(ids))
    return len(ids)
