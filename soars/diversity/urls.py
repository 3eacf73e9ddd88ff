from django.urls import path

from soars.diversity import views

app_name = "diversity"

urlpatterns = [
    path("executive/self-identification/", views.self_identification, name="self_identification"),
    path("executive/self-identification/remove/", views.remove, name="remove"),
]
