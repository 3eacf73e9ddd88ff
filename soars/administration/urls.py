from django.urls import path

from soars.administration.views import accounts, agencies, audit, content, diversity, requests
from soars.metrics import views as metrics

app_name = "administration"

urlpatterns = [
    path("manage/", content.manage_home, name="home"),
    path("manage/whats-new/", content.whats_new_list, name="whats_new"),
    path("manage/whats-new/new/", content.whats_new_edit, name="whats_new_new"),
    path("manage/whats-new/<int:pk>/edit/", content.whats_new_edit, name="whats_new_edit"),
    path("manage/whats-new/<int:pk>/delete/", content.whats_new_delete, name="whats_new_delete"),
    path("manage/messages/", content.message_list, name="messages"),
    path("manage/messages/<int:pk>/", content.message_detail, name="message"),
    path("manage/messages/<int:pk>/mark/", content.message_mark, name="message_mark"),
    path("manage/requests/", requests.queue, name="requests"),
    path("manage/requests/<int:pk>/", requests.detail, name="request_detail"),
    path("manage/requests/<int:pk>/approve/", requests.approve, name="request_approve"),
    path("manage/requests/<int:pk>/reject/", requests.reject, name="request_reject"),
    path("manage/accounts/", accounts.account_list, name="accounts"),
    path("manage/accounts/<int:pk>/", accounts.account_detail, name="account_detail"),
    path("manage/accounts/<int:pk>/active/", accounts.set_active, name="account_set_active"),
    path("manage/audit/", audit.trail, name="audit"),
    path("manage/diversity/", diversity.diversity, name="diversity"),
    path("manage/metrics/", metrics.program, name="metrics"),
    path("manage/agencies/", agencies.agency_list, name="agencies"),
    path("manage/agencies/new/", agencies.agency_edit, name="agency_add"),
    path("manage/agencies/<int:pk>/", agencies.agency_edit, name="agency_edit"),
]
