from __future__ import annotations

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from soars.audit.log import client_ip
from soars.core.access import public
from soars.core.email import send_email
from soars.core.forms import ContactForm
from soars.core.models import WhatsNewPost

logger = logging.getLogger(__name__)


@public
def home(request):
    return render(request, "core/home.html")


@public
def whats_new(request):
    page = Paginator(WhatsNewPost.objects.published(), 10).get_page(request.GET.get("page"))
    return render(request, "core/whats_new.html", {"page": page})


def _static_page(template: str):
    @public
    def view(request):
        return render(request, template)

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


about = _static_page("core/about.html")
help_page = _static_page("core/help.html")
links = _static_page("core/links.html")
privacy = _static_page("core/privacy.html")


@public
def burden(request):
    return render(
        request,
        "core/burden.html",
        {
            "omb_control_number": settings.OMB_CONTROL_NUMBER,
            "burden_minutes_access_request": settings.BURDEN_MINUTES_ACCESS_REQUEST,
            "burden_minutes_resume": settings.BURDEN_MINUTES_RESUME,
            "burden_minutes_opportunity": settings.BURDEN_MINUTES_OPPORTUNITY,
            "burden_comments_address": settings.BURDEN_COMMENTS_ADDRESS,
        },
    )


@public
def contact(request):
    address = client_ip(request)
    form = ContactForm(request.POST if request.method == "POST" else None, client_address=address)
    if request.method == "POST":
        if form.is_bot:
            logger.info("Contact form honeypot filled; message dropped")
            return redirect("core:contact_thanks")
        if form.is_valid():
            with transaction.atomic():
                message = form.save(commit=False)
                message.ip_address = address
                message.save()
                send_email(
                    "contact_received",
                    to=[settings.CONTACT_EMAIL],
                    reply_to=[message.email],
                    context={"message": message},
                )
            return redirect("core:contact_thanks")
    return render(request, "core/contact.html", {"form": form})


@public
def contact_thanks(request):
    return render(request, "core/contact_thanks.html")


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _check_task_queue() -> str:
    from soars.core.tasks import queue_status

    return queue_status()


@public
@never_cache
@require_GET
def health(request):
    checks = {}
    healthy = True
    for name, check in (("database", _check_database), ("task_queue", _check_task_queue)):
        try:
            checks[name] = check()
        except Exception as exc:  # report any failure as unavailable, without details
            logger.warning("Health check %s failed: %s", name, type(exc).__name__)
            checks[name] = "unavailable"
            healthy = False
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503
    )


def _error(template: str, status: int):
    def handler(request, exception=None):
        return render(request, template, status=status)

    return handler


permission_denied = _error("403.html", 403)
page_not_found = _error("404.html", 404)


def server_error(request):
    # Rendered without a request context so a broken context processor cannot break it too.
    import sys

    from django.db.utils import InterfaceError, OperationalError
    from django.http import HttpResponse, HttpResponseServerError
    from django.template.loader import get_template

    failure = sys.exc_info()[1]  # Django calls this handler inside its `except`
    what = "database" if isinstance(failure, (OperationalError, InterfaceError)) else _storage_failure(failure)
    if what:
        # The database or the file store is restarting or out of reach: say so, and when to try
        # again. Whatever the request was writing was rolled back with its transaction.
        response = HttpResponse(get_template("503.html").render({"what": what}), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(get_template("500.html").render({}))


def _storage_failure(failure) -> str:
    """ "file storage" when an S3-compatible store is out of reach or failing on its side."""
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(failure, ClientError):
        return "file storage" if failure.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) >= 500 else ""
    return "file storage" if isinstance(failure, BotoCoreError) else ""
