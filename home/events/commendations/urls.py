from django.urls import path

from home.events.commendations import views

app_name = "commendations"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/nominations/", views.nominations, name="nominations"),
    path("<int:pk>/nominate/", views.nominate, name="nominate"),
    path("<int:pk>/select/", views.select, name="select"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("nominations/<int:pk>/", views.review, name="review"),
]
