"""Errors as application/problem+json (RFC 9457), with field-level detail where there is any."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from soars.api.access import Forbidden, RateLimited
from soars.opportunities.models import TransitionError

CONTENT_TYPE = "application/problem+json"


class FieldError(Schema):
    field: str
    message: str


class ProblemOut(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []


TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
}


class Problem(Exception):
    """Raised by an operation to answer with a problem document."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or []


def problem_response(status: int, detail: str, errors: list[dict] | None = None, **headers) -> JsonResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status, "detail": detail}
    body["errors"] = errors or []
    response = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def form_errors(form) -> list[dict]:
    """A Django form's errors as [{field, message}]; errors of the whole form have field ""."""
    return [
        {"field": "" if name == "__all__" else name, "message": str(message)}
        for name, messages in form.errors.items()
        for message in messages
    ]


def _where(loc) -> str:
    # ninja puts the source first ("body", "query", "path"), then the schema's argument name.
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("body", "query", "path"):
        parts = parts[1:]
        if len(parts) > 1 and parts[0] in ("payload", "filters", "data"):
            parts = parts[1:]
    return ".".join(parts)


def _validation_errors(exc: ValidationError) -> list[dict]:
    return [
        {"field": _where(error.get("loc", ())), "message": error.get("msg", "Invalid value.")} for error in exc.errors
    ]


def install(api) -> None:
    """Register the handlers on the NinjaAPI instance."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        return problem_response(422, "Some fields are missing or invalid; see errors.", _validation_errors(exc))

    @api.exception_handler(Problem)
    def problem(request, exc):
        return problem_response(exc.status, exc.detail, exc.errors)

    @api.exception_handler(TransitionError)
    def transition(request, exc):
        return problem_response(409, str(exc))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        detail = "Send a personal token (Authorization: Bearer …) or sign in; tokens expire and can be revoked."
        return problem_response(401, detail, WWW_Authenticate='Bearer realm="soars"')

    @api.exception_handler(Forbidden)
    def forbidden(request, exc):
        return problem_response(403, str(exc))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem_response(404, "There is nothing here that you may see.")

    @api.exception_handler(RateLimited)
    def limited(request, exc):
        detail = f"Over {settings.API_RATE_LIMIT_PER_MINUTE} requests a minute; try again in {exc.retry_after} s."
        return problem_response(429, detail, Retry_After=str(exc.retry_after))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return problem_response(413, f"The body is larger than {settings.API_MAX_BODY_BYTES:,} bytes.")

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        cause = exc.__cause__  # ninja wraps what the body parser raised ("Cannot parse request body")
        if isinstance(cause, Problem):
            return problem_response(cause.status, cause.detail, cause.errors)
        if isinstance(cause, RequestDataTooBig):
            return too_big(request, cause)
        return problem_response(exc.status_code, str(exc))


def problem_content_types(schema: dict) -> dict:
    """Say in the OpenAPI document that error answers are application/problem+json."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for code, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if str(code) >= "400" and "application/json" in content:
                    response["content"] = {CONTENT_TYPE: content["application/json"]}
    return schema


def parse_json_body(request) -> dict:
    """The JSON body of a request, refusing wrong content types, oversized bodies and broken JSON."""
    kind = request.content_type or ""
    if kind != "application/json" and not kind.endswith("+json"):
        raise Problem(415, "Send the body as JSON, with Content-Type: application/json.")
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > settings.API_MAX_BODY_BYTES:
        raise Problem(413, f"The body is larger than {settings.API_MAX_BODY_BYTES:,} bytes.")
    try:
        return json.loads(request.body or b"null")
    except UnicodeDecodeError:
        raise Problem(400, "The body is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise Problem(400, f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    except RecursionError:
        raise Problem(400, "The body nests too deeply.") from None
