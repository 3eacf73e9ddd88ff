from django.urls import path

from soars.metrics import views

app_name = "metrics"

urlpatterns = [
    path("hr/metrics/", views.agency, name="agency"),
]
