from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from soars.api.urls import api_urls

urlpatterns = [
    path("", include("soars.core.urls")),
    path("", include("soars.accounts.urls")),
    path("", include("soars.administration.urls")),
    path("", include("soars.opportunities.urls")),
    path("", include("soars.resumes.urls")),
    path("", include("soars.saved_searches.urls")),
    path("", include("soars.directory.urls")),
    path("", include("soars.diversity.urls")),
    path("", include("soars.development.urls")),
    path("", include("soars.metrics.urls")),
    path("", include("soars.api.urls")),
    path("api/v1/", api_urls),
]
if settings.ADMIN_ENABLED:
    urlpatterns.append(path(settings.ADMIN_PATH, admin.site.urls))

handler403 = "soars.core.views.permission_denied"
handler404 = "soars.core.views.page_not_found"
handler500 = "soars.core.views.server_error"
