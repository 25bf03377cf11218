"""Helpers of the commendation tests: a nomination, and a commendation taken the
whole way to publication, through the services."""

from home.events.commendations import services

STATEMENT = "Thirty years on the spinning frames; trained forty apprentices."


def nominate(commendation, coordinator, union, craftsman, **kwargs):
    return services.nomination_create(
        user=coordinator,
        commendation=commendation,
        craftsman=craftsman,
        union=union,
        statement=kwargs.pop("statement", STATEMENT),
        **kwargs,
    )


def published(commendation, coordinator, union, craftsmen, organiser):
    """Nominated, closed, selected and published: the whole way, by the services."""
    chosen = [nominate(commendation, coordinator, union, c) for c in craftsmen]
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    services.commendation_select(
        user=organiser, commendation=commendation, nominations=chosen
    )
    services.commendation_publish(user=organiser, commendation=commendation)
    commendation.refresh_from_db()
    return chosen
