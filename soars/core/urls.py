from django.urls import path

from soars.core import views, views_manage

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
    path("manage/whats-new/", views_manage.whats_new_list, name="manage_whats_new"),
    path("manage/whats-new/new/", views_manage.whats_new_edit, name="manage_whats_new_new"),
    path("manage/whats-new/<int:pk>/edit/", views_manage.whats_new_edit, name="manage_whats_new_edit"),
    path("manage/whats-new/<int:pk>/delete/", views_manage.whats_new_delete, name="manage_whats_new_delete"),
    path("manage/messages/", views_manage.message_list, name="manage_messages"),
    path("manage/messages/<int:pk>/", views_manage.message_detail, name="manage_message"),
    path("manage/messages/<int:pk>/mark/", views_manage.message_mark, name="manage_message_mark"),
]
