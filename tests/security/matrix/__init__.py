"""One permission matrix: every role against every page, export, API endpoint and
action of the platform (issue 8). ``ROWS`` is the table; docs/roles.md is rendered
from it, one table per area."""

from .rows_competitions import ROWS as COMPETITION_ROWS
from .rows_content import ROWS as CONTENT_ROWS
from .rows_courses import ROWS as COURSES_ROWS
from .rows_events import ROWS as EVENTS_ROWS
from .rows_judging import ROWS as JUDGING_ROWS
from .rows_lms import ROWS as LMS_ROWS
from .rows_mentorship import ROWS as MENTORSHIP_ROWS

ROWS = [
    *LMS_ROWS,
    *COURSES_ROWS,
    *MENTORSHIP_ROWS,
    *CONTENT_ROWS,
    *EVENTS_ROWS,
    *COMPETITION_ROWS,
    *JUDGING_ROWS,
]
