"""The /api/v1/ application: its routers, error answers, JSON parsing and the OpenAPI document."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger
from ninja.parser import Parser

from soars.api import problems
from soars.api.access import DENY
from soars.api.endpoints import opportunities, pipeline, reference, resumes

DESCRIPTION = """\
SOARS for agency systems: post and manage opportunities, follow the interest pipeline, read Best
matches and shortlists, and search resumes shared with your agency, under the same rules as the site.

Authenticate with a personal token (`Authorization: Bearer soars_…`), made at /api/tokens/ by HR staff;
a signed-in browser session works too (writes then need the `X-CSRFToken` header). Errors are
`application/problem+json` (RFC 9457) with field-level `errors`. Lists are paged with an opaque
`cursor`: pass back `next_cursor`. Each token may make a limited number of calls a minute; past it
the answer is 429 with `Retry-After`. Examples: docs/api.md in the source.
"""


class JsonParser(Parser):
    """Bodies must be JSON, say so, and stay small (see problems.parse_json_body)."""

    def parse_body(self, request):
        return problems.parse_json_body(request)


class SoarsApi(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return problems.problem_content_types(super().get_openapi_schema(*args, **kwargs))


api = SoarsApi(
    title="SOARS API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=DENY,
    parser=JsonParser(),
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
problems.install(api)

api.add_router("/reference", reference.router)
api.add_router("/opportunities", opportunities.router)
api.add_router("/agency/opportunities", opportunities.agency_router)
api.add_router("/agency/opportunities", pipeline.router)
api.add_router("/agency/resumes", resumes.router)
api.add_router("/me", resumes.me_router)
