"""Commendations of the unions (the 3rd Beijing Great Craftsman Commendation, say):
unions nominate craftsmen of their enterprises with a statement, a committee reviews
and selects up to the number of places, and the published list links to the
craftsmen's role-model profiles, which show the honour. Its models belong to the
``home`` app."""
