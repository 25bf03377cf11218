"""Judging: score sheets of weighted criteria, panels of judges with a chair, the
contestants they score, declared and automatic conflicts, locked scores with the
chair's corrections, and results by trimmed mean, tie rule and award bands. Used by
roadshows (a panel linked to a roadshow session) and by skills competitions (the
practical round). Its models belong to the ``home`` app."""
