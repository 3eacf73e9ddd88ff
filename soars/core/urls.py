from django.urls import path

from soars.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("whats-new/", views.whats_new, name="whats_new"),
    path("contact/", views.contact, name="contact"),
    path("contact/thanks/", views.contact_thanks, name="contact_thanks"),
    path("about/", views.about, name="about"),
    path("help/", views.help_page, name="help"),
    path("links/", views.links, name="links"),
    path("privacy/", views.privacy, name="privacy"),
    path("burden/", views.burden, name="burden"),
    path("health/", views.health, name="health"),
]
