from django.urls import path

from lms.views import account as views
from lms.views import invitations, personal_data, tokens

app_name = "lms"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_mark_read, name="inbox_mark_read"),
    path("my-data/", views.personal_data_download, name="personal_data_download"),
    path("api-tokens/", tokens.api_tokens, name="api_tokens"),
    path(
        "api-tokens/<int:pk>/revoke/",
        tokens.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path("audit/", tokens.audit_trail, name="audit_trail"),
    path("invitations/", invitations.invitations, name="invitations"),
    path("invitations/new/", invitations.invitation_new, name="invitation_new"),
    path("invitations/<int:pk>/", invitations.invitation_detail, name="invitation"),
    path(
        "invitations/<int:pk>/withdraw/",
        invitations.invitation_revoke_view,
        name="invitation_revoke",
    ),
    path("my-data/erase/", personal_data.erasure_request, name="erasure_request"),
    path(
        "erasure-requests/",
        personal_data.erasure_requests,
        name="erasure_requests",
    ),
    path(
        "erasure-requests/<int:pk>/",
        personal_data.erasure_request_decide,
        name="erasure_request_decide",
    ),
    path(
        "people/<int:user_id>/erase/",
        personal_data.person_erase,
        name="person_erase",
    ),
]
