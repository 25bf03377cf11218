from django.urls import path

from lms.views import account as views
from lms.views import personal_data

app_name = "lms"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_mark_read, name="inbox_mark_read"),
    path("my-data/", views.personal_data_download, name="personal_data_download"),
    path(
        "people/<int:user_id>/erase/",
        personal_data.person_erase,
        name="person_erase",
    ),
]
