from django.urls import path

from lms.views import invitations

app_name = "join"
urlpatterns = [
    path("", invitations.join, name="enter"),
    path("<str:code>/", invitations.join_code, name="invitation"),
]
