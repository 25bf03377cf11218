from lms.certification.models import (
    BoardExport,
    CertificateAttachment,
    CertificateEvent,
    CertificateStatus,
    ImportBatch,
    IssuedCredential,
    IssuerKey,
    IssuingBody,
    LevelRequirement,
    Occupation,
    SigningCertificate,
    SkillCertificate,
    SkillLevel,
)

from .audit import AuditEvent
from .erasure import ErasureRequest
from .industries import Industry
from .invitations import Invitation
from .notifications import Notification
from .organisations import Enterprise, Membership, TradeUnion
from .tokens import ApiToken
from .users import User

__all__ = [
    "ApiToken",
    "AuditEvent",
    "BoardExport",
    "CertificateAttachment",
    "CertificateEvent",
    "CertificateStatus",
    "Enterprise",
    "ErasureRequest",
    "ImportBatch",
    "Industry",
    "Invitation",
    "IssuedCredential",
    "IssuerKey",
    "IssuingBody",
    "LevelRequirement",
    "Membership",
    "Notification",
    "Occupation",
    "SigningCertificate",
    "SkillCertificate",
    "SkillLevel",
    "TradeUnion",
    "User",
]
