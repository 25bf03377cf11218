"""Addresses that must not move with the language (``did:web`` fixes the DID
document's path; credentials name their status lists' URLs)."""

from django.urls import path

from lms.certification.views import credentials

app_name = "credentials"
urlpatterns = [
    path("issuers/<int:body>/did.json", credentials.did_document, name="did"),
    path(
        "issuers/<int:body>/status/<slug:purpose>/<int:number>.json",
        credentials.status_list,
        name="status_list",
    ),
]
