from home.events.competitions.models import (
    Competition,
    CompetitionEntry,
    CompetitionPlacing,
)
from home.events.models import (
    EventExhibit,
    EventIndexPage,
    EventPage,
    EventSession,
    Reservation,
)
from home.events.judging.models import (
    AwardBand,
    ConflictDeclaration,
    Contestant,
    Criterion,
    Panel,
    PanelJudge,
    Score,
    ScoreCorrection,
    ScoreItem,
    ScoreSheet,
)

from .alliances import (
    AllianceMemberStudio,
    AllianceMemberUnit,
    AlliancePage,
    AllianceRelatedPage,
)
from .base import ContentPage, RelatedPage
from .home_page import HomeFeaturedProfile, HomePage
from .profiles import (
    CraftsmanProfilePage,
    Honour,
    ProfileAchievement,
    ProfileHonour,
    ProfileIndexPage,
)
from .stories import StoryIndexPage, StoryPage, StoryPageTag, StoryRelatedPage
from .studios import (
    AchievementKind,
    AssessmentResult,
    InnovationStudioPage,
    StudioAchievement,
    StudioAssessment,
    StudioDisciplineGroup,
    StudioIndexPage,
    StudioLevel,
    StudioMember,
)

__all__ = [
    "Competition",
    "CompetitionEntry",
    "CompetitionPlacing",
    "AwardBand",
    "ConflictDeclaration",
    "Contestant",
    "Criterion",
    "Panel",
    "PanelJudge",
    "Score",
    "ScoreCorrection",
    "ScoreItem",
    "ScoreSheet",
    "AchievementKind",
    "AllianceMemberStudio",
    "AllianceMemberUnit",
    "AlliancePage",
    "AllianceRelatedPage",
    "AssessmentResult",
    "ContentPage",
    "EventExhibit",
    "EventIndexPage",
    "EventPage",
    "EventSession",
    "CraftsmanProfilePage",
    "HomeFeaturedProfile",
    "HomePage",
    "Honour",
    "InnovationStudioPage",
    "ProfileAchievement",
    "ProfileHonour",
    "ProfileIndexPage",
    "RelatedPage",
    "Reservation",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "StoryRelatedPage",
    "StudioAchievement",
    "StudioAssessment",
    "StudioDisciplineGroup",
    "StudioIndexPage",
    "StudioLevel",
    "StudioMember",
]
