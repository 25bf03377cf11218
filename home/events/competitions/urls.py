from django.urls import path

from home.events.competitions import views

app_name = "competitions"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/enter/", views.enter, name="enter"),
    path("<int:pk>/manage/", views.manage, name="manage"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
