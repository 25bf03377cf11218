from .audit import AuditEvent
from .certificates import (
    CertificateAttachment,
    CertificateEvent,
    CertificateStatus,
    ImportBatch,
    LevelRequirement,
    SkillCertificate,
)
from .erasure import ErasureRequest
from .issuers import IssuingBody
from .notifications import Notification
from .organisations import Enterprise, Membership, TradeUnion
from .taxonomy import Industry, Occupation, SkillLevel
from .tokens import ApiToken
from .users import User

__all__ = [
    "ApiToken",
    "AuditEvent",
    "CertificateAttachment",
    "CertificateEvent",
    "CertificateStatus",
    "Enterprise",
    "ErasureRequest",
    "ImportBatch",
    "Industry",
    "IssuingBody",
    "LevelRequirement",
    "Membership",
    "Notification",
    "Occupation",
    "SkillCertificate",
    "SkillLevel",
    "TradeUnion",
    "User",
]
