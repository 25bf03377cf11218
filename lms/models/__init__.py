from .notifications import Notification
from .organisations import Enterprise, Membership, TradeUnion
from .taxonomy import Industry, Occupation, SkillLevel
from .users import User

__all__ = [
    "Enterprise",
    "Industry",
    "Membership",
    "Notification",
    "Occupation",
    "SkillLevel",
    "TradeUnion",
    "User",
]
