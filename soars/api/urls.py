"""/api/v1/ (the API, which checks each operation's own rule) and /api/tokens/ (the token page)."""

from django.urls import path, re_path

from soars.api import views
from soars.api.api import api
from soars.core.access import Rule

# The site's access middleware lets the API's own URLs through: each operation declares its rule
# (soars.api.access.allow), answers 401 or 403 itself, and DENY closes any that forgot.
API_RULE = Rule(public=True)
api_patterns, app_name, namespace = api.urls
for pattern in api_patterns:
    pattern.callback.soars_access = API_RULE

app_name = "api_pages"

urlpatterns = [
    path("api/tokens/", views.token_list, name="tokens"),
    path("api/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]

api_urls = ([*api_patterns, re_path(r"^(?P<rest>.*)$", views.unknown, name="unknown")], "api", "api")
