from django.urls import path

from soars.administration.views import accounts, agencies, audit, diversity, requests

app_name = "administration"

urlpatterns = [
    path("manage/requests/", requests.queue, name="requests"),
    path("manage/requests/<int:pk>/", requests.detail, name="request_detail"),
    path("manage/requests/<int:pk>/approve/", requests.approve, name="request_approve"),
    path("manage/requests/<int:pk>/reject/", requests.reject, name="request_reject"),
    path("manage/accounts/", accounts.account_list, name="accounts"),
    path("manage/accounts/<int:pk>/", accounts.account_detail, name="account_detail"),
    path("manage/accounts/<int:pk>/active/", accounts.set_active, name="account_set_active"),
    path("manage/audit/", audit.trail, name="audit"),
    path("manage/diversity/", diversity.diversity, name="diversity"),
    path("manage/agencies/", agencies.agency_list, name="agencies"),
    path("manage/agencies/new/", agencies.agency_edit, name="agency_add"),
    path("manage/agencies/<int:pk>/", agencies.agency_edit, name="agency_edit"),
]
