from django.urls import path

from home import views

app_name = "home"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("go/role-models/", views.section, {"name": "profiles"}, name="profiles"),
    path("go/stories/", views.section, {"name": "stories"}, name="stories"),
    path("go/studios/", views.section, {"name": "studios"}, name="studios"),
    path("go/events/", views.section, {"name": "events"}, name="events"),
]
