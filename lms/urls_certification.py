from django.urls import path

from lms.views import certificates

app_name = "certification"
urlpatterns = [
    path("certificates/<int:pk>/", certificates.detail, name="detail"),
]
