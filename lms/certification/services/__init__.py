"""Certification's state changes: certificates (``certificates``), their Open
Badges credentials (``credentials``), the bulk import (``imports``) and the
board's background export (``exports``). The rest of lms and the other apps import
these names from here, not from the modules below."""

from .certificates import (
    board_changed,
    certificate_edit,
    certificate_expiry_reminders_send,
    certificate_record,
    certificate_reinstate,
    certificate_renew,
    certificate_revoke,
    certificate_suspend,
    issuing_body_for,
    placing_certificate_issue,
    platform_certificate_issue,
    platform_issuer_name,
)
from .credentials import (
    completion_credential_issue,
    credential_for_certificate,
    credential_signed,
    credentials_issue,
    issuer_key_active,
    issuer_key_rotate,
    status_list_signed,
)
from .exports import (
    board_export_fail,
    board_export_request,
    board_export_write,
    board_exports_sweep,
)
from .imports import (
    import_batch_check,
    import_batch_commit,
    import_batch_create,
    import_batch_fail,
    import_batch_start,
    imports_requeue_pending,
)
from .key_secrets import signing_keys_reencrypt

__all__ = [
    "board_changed",
    "board_export_fail",
    "board_export_request",
    "board_export_write",
    "board_exports_sweep",
    "certificate_edit",
    "certificate_expiry_reminders_send",
    "certificate_record",
    "certificate_reinstate",
    "certificate_renew",
    "certificate_revoke",
    "certificate_suspend",
    "completion_credential_issue",
    "credential_for_certificate",
    "credential_signed",
    "credentials_issue",
    "import_batch_check",
    "import_batch_commit",
    "import_batch_create",
    "import_batch_fail",
    "import_batch_start",
    "imports_requeue_pending",
    "issuer_key_active",
    "issuer_key_rotate",
    "issuing_body_for",
    "placing_certificate_issue",
    "platform_certificate_issue",
    "platform_issuer_name",
    "signing_keys_reencrypt",
    "status_list_signed",
]
