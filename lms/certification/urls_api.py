from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from lms.certification.views import api

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("certificates/", api.CertificateList.as_view(), name="certificates"),
    path(
        "certificates/<int:pk>/",
        api.CertificateDetail.as_view(),
        name="certificate",
    ),
    path(
        "workers/<str:employee_number>/certificates/",
        api.WorkerCertificates.as_view(),
        name="worker_certificates",
    ),
]
