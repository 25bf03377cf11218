from django.urls import path

from home.events import views

app_name = "events"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("sessions/<int:pk>/reserve/", views.reserve, name="reserve"),
    path("sessions/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/", views.ticket, name="ticket"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("events/<int:pk>/desk/", views.desk, name="desk"),
]
