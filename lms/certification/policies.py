"""Certification's permission policies, registered with ``lms.permissions`` at
start-up (``lms.certification.startup``)."""

from __future__ import annotations

from django.db.models import Q

from lms.models import BoardExport
from lms.permissions import RulePolicy, can_view_certification_board, register_policy


class BoardExportPolicy(RulePolicy):
    def rule_view(self, user):
        """An export (its progress and its file) is its requester's alone, while
        they may still see the board: HR of another enterprise, an officer or
        staff get a 404 like for an id that does not exist."""
        if not can_view_certification_board(user):
            return False
        return Q(requested_by=user.pk)


board_exports = BoardExportPolicy(BoardExport)


def register() -> None:
    register_policy(board_exports.model, board_exports)
