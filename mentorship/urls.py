from django.urls import path

from mentorship.views import (
    agreements,
    dashboards,
    hours,
    requests,
    sessions,
    trades,
)

app_name = "mentorship"
urlpatterns = [
    path("", dashboards.mine, name="mine"),
    path("mentor/", dashboards.mentor_dashboard, name="mentor_dashboard"),
    # agreements
    path("agreements/", agreements.agreement_list, name="agreement_list"),
    path("agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/send/", agreements.agreement_send, name="agreement_send"),
    path("agreements/<int:pk>/sign/", agreements.agreement_sign, name="agreement_sign"),
    path(
        "agreements/<int:pk>/approve/",
        agreements.agreement_approve,
        name="agreement_approve",
    ),
    path(
        "agreements/<int:pk>/complete/",
        agreements.agreement_complete,
        name="agreement_complete",
    ),
    path(
        "agreements/<int:pk>/terminate/",
        agreements.agreement_terminate,
        name="agreement_terminate",
    ),
    path(
        "agreements/<int:pk>/print/", agreements.agreement_print, name="agreement_print"
    ),
    path(
        "agreements/<int:pk>/agreement.pdf",
        agreements.agreement_pdf,
        name="agreement_pdf",
    ),
    path(
        "agreements/<int:pk>/progress/",
        agreements.agreement_progress,
        name="agreement_progress",
    ),
    path(
        "agreements/<int:pk>/milestones/new/",
        agreements.milestone_add,
        name="milestone_add",
    ),
    path(
        "milestones/<int:pk>/sign-off/",
        agreements.milestone_sign_off,
        name="milestone_sign_off",
    ),
    path(
        "milestones/<int:pk>/evidence/",
        agreements.milestone_evidence,
        name="milestone_evidence",
    ),
    # guidance sessions
    path("agreements/<int:pk>/sessions/new/", sessions.session_log, name="session_log"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path(
        "sessions/<int:pk>/confirm/", sessions.session_confirm, name="session_confirm"
    ),
    path(
        "sessions/<int:pk>/dispute/", sessions.session_dispute, name="session_dispute"
    ),
    path("photos/<int:pk>/", sessions.session_photo, name="session_photo"),
    # service requests
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path(
        "requests/<int:pk>/publish/", requests.request_publish, name="request_publish"
    ),
    path("requests/<int:pk>/reject/", requests.request_reject, name="request_reject"),
    path("requests/<int:pk>/cancel/", requests.request_cancel, name="request_cancel"),
    path("requests/<int:pk>/offer/", requests.request_offer, name="request_offer"),
    path("requests/<int:pk>/assign/", requests.request_assign, name="request_assign"),
    path("requests/<int:pk>/visits/new/", requests.request_visit, name="request_visit"),
    path("requests/<int:pk>/close/", requests.request_close, name="request_close"),
    path(
        "requests/<int:pk>/confirm/", requests.request_confirm, name="request_confirm"
    ),
    path("requests/<int:pk>/reopen/", requests.request_reopen, name="request_reopen"),
    path(
        "attachments/<int:pk>/",
        requests.request_attachment,
        name="request_attachment",
    ),
    path("mentors/", trades.mentor_trades, name="mentor_trades"),
    # hours record
    path("hours/", hours.my_hours, name="my_hours"),
    path("hours/<int:user_id>/", hours.person_hours, name="person_hours"),
    path(
        "hours/<int:user_id>/export.<str:fmt>",
        hours.hours_export,
        name="hours_export",
    ),
]
