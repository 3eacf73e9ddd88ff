from django.urls import path

from soars.saved_searches import views

app_name = "saved_searches"

urlpatterns = [
    path("hr/searches/", views.hr_list, name="hr_list"),
    path("hr/searches/save/", views.hr_save, name="hr_save"),
    path("hr/searches/<int:pk>/", views.hr_edit, name="hr_edit"),
    path("hr/searches/<int:pk>/delete/", views.hr_delete, name="hr_delete"),
    path("executive/searches/", views.executive_list, name="executive_list"),
    path("executive/searches/save/", views.executive_save, name="executive_save"),
    path("executive/searches/<int:pk>/", views.executive_edit, name="executive_edit"),
    path("executive/searches/<int:pk>/delete/", views.executive_delete, name="executive_delete"),
    path("searches/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
