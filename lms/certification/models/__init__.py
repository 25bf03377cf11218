"""Certification's records: occupations and skill levels, issuing bodies,
certificates, their events and scans, ladder requirements, import batches and
the certificates that sign the PDFs
(industries are the core's: ``lms.models.industries``). Their app label is "lms"
(the app whose package holds them); ``lms.models`` imports them so Django registers
them."""

from .batches import ImportBatch
from .certificates import CertificateAttachment, CertificateEvent, SkillCertificate
from .credentials import IssuedCredential, IssuerKey
from .exports import BoardExport
from .issuers import IssuingBody
from .ladder import LevelRequirement
from .signing import SigningCertificate
from .status import CertificateStatus
from .taxonomy import Occupation, SkillLevel

__all__ = [
    "BoardExport",
    "CertificateAttachment",
    "CertificateEvent",
    "CertificateStatus",
    "ImportBatch",
    "IssuedCredential",
    "IssuerKey",
    "IssuingBody",
    "LevelRequirement",
    "Occupation",
    "SigningCertificate",
    "SkillCertificate",
    "SkillLevel",
]
