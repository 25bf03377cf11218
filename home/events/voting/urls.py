from django.urls import path

from home.events.voting import views

app_name = "voting"
urlpatterns = [
    path("<int:pk>/", views.ballot, name="ballot"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/counts/", views.counts, name="counts"),
]
