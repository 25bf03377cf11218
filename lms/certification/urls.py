from django.urls import path

from lms.certification.views import (
    board,
    certificates,
    credentials,
    exports,
    imports,
    verify,
)

app_name = "certification"
urlpatterns = [
    path("certificates/", certificates.mine, name="mine"),
    path("certificates/record/", certificates.record, name="record"),
    path("certificates/<int:pk>/", certificates.detail, name="detail"),
    path("certificates/<int:pk>/pdf/", certificates.pdf, name="pdf"),
    path(
        "certificates/<int:pk>/credential.json",
        credentials.credential_json,
        name="credential_json",
    ),
    path(
        "certificates/<int:pk>/badge.png",
        credentials.credential_badge,
        name="credential_badge",
    ),
    path(
        "certificates/<int:pk>/scans/<int:attachment_id>/",
        certificates.attachment,
        name="attachment",
    ),
    path("certificates/<int:pk>/renew/", certificates.renew, name="renew"),
    path("certificates/<int:pk>/edit/", certificates.edit, name="edit"),
    path(
        "certificates/<int:pk>/<slug:action>/",
        certificates.change_status,
        name="change_status",
    ),
    path(
        "certificates/credentials/<uuid:uuid>.json",
        credentials.completion_credential_json,
        name="completion_credential_json",
    ),
    path("certificates/board/", board.board, name="board"),
    path("certificates/board/export.csv", board.export_csv, name="export_csv"),
    path("certificates/board/exports/", exports.exports, name="exports"),
    path(
        "certificates/board/exports/new/",
        exports.export_request,
        name="export_request",
    ),
    path(
        "certificates/board/exports/<int:pk>/",
        exports.export_detail,
        name="export_detail",
    ),
    path(
        "certificates/board/exports/<int:pk>/status/",
        exports.export_status,
        name="export_status",
    ),
    path(
        "certificates/board/exports/<int:pk>/download/",
        exports.export_download,
        name="export_download",
    ),
    path("certificates/workers/<int:user_id>/", board.worker, name="worker"),
    path("certificates/eligible/", board.eligible, name="eligible"),
    path("certificates/lookup/", board.lookup, name="lookup"),
    path("certificates/imports/", imports.batches, name="imports"),
    path("certificates/imports/new/", imports.upload, name="import_upload"),
    path("certificates/imports/<int:pk>/", imports.detail, name="import_detail"),
    path(
        "certificates/imports/<int:pk>/file/", imports.import_file, name="import_file"
    ),
    path("certificates/imports/<int:pk>/status/", imports.status, name="import_status"),
    path("certificates/imports/<int:pk>/commit/", imports.commit, name="import_commit"),
    path("verify/", verify.verify_form, name="verify_form"),
    path("verify/upload/", verify.verify_upload, name="verify_upload"),
    path("verify/<str:code>/", verify.verify, name="verify"),
]
