from django.urls import path

from home.events.judging import views

app_name = "judging"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("panels/<int:pk>/", views.judge, name="judge"),
    path(
        "panels/<int:pk>/contestants/<int:contestant_pk>/score/",
        views.score,
        name="score",
    ),
    path(
        "panels/<int:pk>/contestants/<int:contestant_pk>/conflict/",
        views.conflict,
        name="conflict",
    ),
    path("panels/<int:pk>/console/", views.console, name="console"),
    path("panels/<int:pk>/correct/", views.correct, name="correct"),
    path("panels/<int:pk>/hall/", views.hall, name="hall"),
    path("panels/<int:pk>/hall/live/", views.hall_live, name="hall_live"),
    path("panels/<int:pk>/<slug:step>/", views.step, name="step"),
]
