from .records import ConflictDeclaration, Score, ScoreCorrection, ScoreItem
from .setup import (
    AwardBand,
    Contestant,
    Criterion,
    Panel,
    PanelJudge,
    ScoreSheet,
    TieRule,
)

__all__ = [
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
    "TieRule",
]
