"""Certification's reads: one person's certificates (``holders``), the HR board
(``board``) and the skill-level ladder (``ladder``). Other parts import them from
here."""

from __future__ import annotations

from lms.certification.credentials.documents import issuer_did

from .board import (
    BOARD_COUNTS_SECONDS,
    BOARD_VERSION_KEY,
    ELIGIBLE_WORKERS_PER_PAGE,
    BoardCounts,
    BoardFilters,
    CountedPaginator,
    board_certificates,
    board_counts,
    board_counts_cached,
    board_people,
    board_version,
    board_version_bump,
    lookup_people,
    workers_for_board,
    workers_with_certificates,
)
from .exports import (
    EXPORT_CHUNK,
    EXPORT_HEADER,
    EXPORT_VALUES,
    certificate_cells,
    export_rows,
)
from .holders import (
    HELD_STATUSES,
    certificate_by_code,
    certificate_detail,
    certificates_for_holder,
    completion_credentials_for,
    renewal_chain,
)
from .ladder import (
    LadderBar,
    LadderStep,
    ladder_for,
    ladders_for,
    next_level_after,
    workers_eligible,
)

__all__ = [
    "issuer_did",
    "BOARD_COUNTS_SECONDS",
    "BOARD_VERSION_KEY",
    "BoardCounts",
    "BoardFilters",
    "CountedPaginator",
    "ELIGIBLE_WORKERS_PER_PAGE",
    "EXPORT_CHUNK",
    "EXPORT_HEADER",
    "EXPORT_VALUES",
    "HELD_STATUSES",
    "LadderBar",
    "LadderStep",
    "board_certificates",
    "board_counts",
    "board_counts_cached",
    "board_people",
    "board_version",
    "board_version_bump",
    "certificate_by_code",
    "certificate_cells",
    "certificate_detail",
    "certificates_for_holder",
    "completion_credentials_for",
    "export_rows",
    "ladder_for",
    "ladders_for",
    "next_level_after",
    "lookup_people",
    "renewal_chain",
    "workers_eligible",
    "workers_for_board",
    "workers_with_certificates",
]
