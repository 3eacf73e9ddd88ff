from django.urls import path

from soars.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("request-access/", views.request_access, name="request_access"),
    path("home/", views.home, name="home"),
    path("executive/", views.executive_home, name="executive_home"),
    path("hr/", views.hr_home, name="hr_home"),
    path("manage/", views.manage_home, name="manage_home"),
]
