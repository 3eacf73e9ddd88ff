from django.urls import path

from soars.directory import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.directory, name="list"),
]
