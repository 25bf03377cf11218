from .agreements import Agreement, AgreementSignature, MentorTrade, Milestone
from .requests import (
    ServiceRequest,
    ServiceRequestAttachment,
    ServiceRequestEvent,
    ServiceRequestOffer,
)
from .sessions import GuidanceSession, GuidanceSessionPhoto, GuidanceSessionRevision

__all__ = [
    "Agreement",
    "AgreementSignature",
    "GuidanceSession",
    "GuidanceSessionPhoto",
    "GuidanceSessionRevision",
    "MentorTrade",
    "Milestone",
    "ServiceRequest",
    "ServiceRequestAttachment",
    "ServiceRequestEvent",
    "ServiceRequestOffer",
]
