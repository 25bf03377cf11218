"""Commendations through their services: a union coordinator nominates a member of
their union's enterprises, once, during the window, with a statement; committee
members review; the committee or an organiser selects up to the places; an
organiser publishes, after which nothing changes. Each refusal changes nothing and
every step is in the audit trail."""

import datetime

import pytest
from django.utils import timezone

from home.events.commendations import services
from home.events.commendations.models import (
    STATEMENT_MAX,
    Commendation,
    CommendationEvent,
    Nomination,
    NominationReview,
)
from lms.errors import DomainError, PermissionDenied
from tests.lms.certification.factories import worker_of
from tests.lms.factories import EnterpriseFactory, UserFactory

from .commendation_helpers import nominate, published

pytestmark = pytest.mark.django_db
Action = CommendationEvent.Action


def refused(code, call, *args, **kwargs):
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


def test_a_coordinator_nominates_a_member_of_their_unions_enterprise(
    commendation, coordinator, union, craftsman, profile
):
    nomination = nominate(
        commendation, coordinator, union, craftsman, links="https://example.cn/a\n"
    )
    assert nomination.union == union
    assert nomination.profile.pk == profile["en"].pk  # found from the account
    assert nomination.link_list == ["https://example.cn/a"]
    event = CommendationEvent.objects.get()
    assert (event.action, event.actor, event.nomination) == (
        Action.NOMINATED,
        coordinator,
        nomination,
    )


def test_a_second_nomination_of_the_same_craftsman_is_refused(
    commendation, coordinator, union, craftsman
):
    nominate(commendation, coordinator, union, craftsman)
    error = refused("duplicate", nominate, commendation, coordinator, union, craftsman)
    assert "nominated already" in error.message
    assert Nomination.objects.count() == 1


@pytest.mark.parametrize("days", [(-10, -1), (2, 9)], ids=["closed", "not yet open"])
def test_outside_the_window_nominations_are_refused(
    commendation, coordinator, union, craftsman, days
):
    now = timezone.now()
    commendation.nominations_open_at = now + datetime.timedelta(days=days[0])
    commendation.nominations_close_at = now + datetime.timedelta(days=days[1])
    commendation.save()
    refused("window_closed", nominate, commendation, coordinator, union, craftsman)
    assert not Nomination.objects.exists()


def test_once_nominations_are_closed_no_more_come_in(
    commendation, coordinator, union, craftsman, organiser
):
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    refused("window_closed", nominate, commendation, coordinator, union, craftsman)


def test_a_worker_of_another_unions_enterprise_is_refused(
    commendation, coordinator, union, outsider
):
    error = refused(
        "not_a_member", nominate, commendation, coordinator, union, outsider
    )
    assert union.name in error.message
    assert not Nomination.objects.exists()


def test_a_coordinator_cannot_nominate_for_a_union_they_do_not_keep(
    commendation, coordinator, outsider
):
    other_union = outsider.memberships.get().enterprise.union
    with pytest.raises(PermissionDenied):
        nominate(commendation, coordinator, other_union, outsider)
    assert not Nomination.objects.exists()


def test_people_who_are_not_coordinators_cannot_nominate(
    commendation, union, craftsman, member, organiser
):
    for person in (member, organiser, UserFactory()):
        with pytest.raises(PermissionDenied):
            nominate(commendation, person, union, craftsman)
    assert not Nomination.objects.exists()


@pytest.mark.parametrize("statement", ["", "   \n  "], ids=["empty", "blank"])
def test_an_empty_statement_is_refused(
    commendation, coordinator, union, craftsman, statement
):
    refused(
        "statement_empty",
        nominate,
        commendation,
        coordinator,
        union,
        craftsman,
        statement=statement,
    )
    assert not Nomination.objects.exists()


def test_a_huge_statement_is_refused_with_its_length(
    commendation, coordinator, union, craftsman
):
    huge = "技" * (STATEMENT_MAX + 1)
    error = refused(
        "statement_too_long",
        nominate,
        commendation,
        coordinator,
        union,
        craftsman,
        statement=huge,
    )
    assert str(STATEMENT_MAX + 1) in error.message
    assert not Nomination.objects.exists()


@pytest.mark.parametrize(
    "links,code",
    [
        ("javascript:alert(1)", "link_invalid"),
        ("\n".join(["https://a.cn"] * 6), "links_too_many"),
    ],
)
def test_bad_achievement_links_are_refused(
    commendation, coordinator, union, craftsman, links, code
):
    refused(code, nominate, commendation, coordinator, union, craftsman, links=links)
    assert not Nomination.objects.exists()


def test_committee_members_review_once_each_and_may_change_their_mind(
    commendation, coordinator, union, craftsman, member, organiser
):
    nomination = nominate(commendation, coordinator, union, craftsman)
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    services.nomination_review(
        user=member, nomination=nomination, recommendation="reserve", notes="Good."
    )
    services.nomination_review(
        user=member, nomination=nomination, recommendation="select", notes="Better."
    )
    review = NominationReview.objects.get()
    assert (review.recommendation, review.notes) == ("select", "Better.")
    reviewed = CommendationEvent.objects.filter(action=Action.REVIEWED)
    assert [e.actor for e in reviewed] == [member, member]


def test_only_the_committee_reviews_and_only_once_nominations_are_closed(
    commendation, coordinator, union, craftsman, member, organiser
):
    nomination = nominate(commendation, coordinator, union, craftsman)
    refused(
        "not_reviewing",
        services.nomination_review,
        user=member,
        nomination=nomination,
        recommendation="select",
    )
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    for outsider in (organiser, coordinator):
        with pytest.raises(PermissionDenied):
            services.nomination_review(
                user=outsider, nomination=nomination, recommendation="select"
            )
    refused(
        "recommendation",
        services.nomination_review,
        user=member,
        nomination=nomination,
        recommendation="maybe",
    )
    assert not NominationReview.objects.exists()


def _three_nominated(commendation, coordinator, union, organiser):
    enterprise = EnterpriseFactory(union=union)
    found = [
        nominate(commendation, coordinator, union, worker_of(enterprise))
        for _ in range(3)
    ]
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    return found


def test_selecting_more_than_the_places_is_refused_and_changes_nothing(
    commendation, coordinator, union, member, organiser
):
    found = _three_nominated(commendation, coordinator, union, organiser)
    error = refused(
        "over_places",
        services.commendation_select,
        user=member,
        commendation=commendation,
        nominations=found,
    )
    assert "3" in error.message and "2" in error.message
    assert not Nomination.objects.filter(selected=True).exists()
    commendation.refresh_from_db()
    assert commendation.status == Commendation.Status.REVIEWING


def test_the_committee_selects_up_to_the_places_and_may_change_the_selection(
    commendation, coordinator, union, member, organiser
):
    first, second, third = _three_nominated(commendation, coordinator, union, organiser)
    services.commendation_select(
        user=member, commendation=commendation, nominations=[first, second]
    )
    services.commendation_select(
        user=organiser, commendation=commendation, nominations=[first, third]
    )
    chosen = Nomination.objects.filter(selected=True)
    assert set(chosen) == {first, third}
    assert chosen.get(pk=first.pk).selected_by == member  # kept, not re-selected
    assert chosen.get(pk=third.pk).selected_by == organiser
    actions = list(
        CommendationEvent.objects.filter(nomination__isnull=False)
        .exclude(action=Action.NOMINATED)
        .values_list("action", "nomination", "actor")
    )
    assert actions == [
        (Action.SELECTED, first.pk, member.pk),
        (Action.SELECTED, second.pk, member.pk),
        (Action.UNSELECTED, second.pk, organiser.pk),
        (Action.SELECTED, third.pk, organiser.pk),
    ]
    commendation.refresh_from_db()
    assert commendation.status == Commendation.Status.SELECTED


def test_people_outside_the_committee_cannot_select(
    commendation, coordinator, union, organiser
):
    found = _three_nominated(commendation, coordinator, union, organiser)
    with pytest.raises(PermissionDenied):
        services.commendation_select(
            user=coordinator, commendation=commendation, nominations=found[:1]
        )
    assert not Nomination.objects.filter(selected=True).exists()


def test_publishing_needs_a_selection_and_an_organiser(
    commendation, coordinator, union, member, organiser
):
    found = _three_nominated(commendation, coordinator, union, organiser)
    refused(
        "nothing_selected",
        services.commendation_publish,
        user=organiser,
        commendation=commendation,
    )
    services.commendation_select(
        user=member, commendation=commendation, nominations=found[:1]
    )
    with pytest.raises(PermissionDenied):
        services.commendation_publish(user=member, commendation=commendation)
    services.commendation_publish(user=organiser, commendation=commendation)
    commendation.refresh_from_db()
    assert commendation.is_published
    assert commendation.published_by == organiser
    assert CommendationEvent.objects.filter(action=Action.PUBLISHED).count() == 1


def test_after_publication_nothing_changes(
    commendation, coordinator, union, craftsman, member, organiser
):
    (nomination,) = published(commendation, coordinator, union, [craftsman], organiser)
    before = CommendationEvent.objects.count()
    refused(
        "published",
        services.nomination_review,
        user=member,
        nomination=nomination,
        recommendation="decline",
    )
    refused(
        "published",
        services.commendation_select,
        user=organiser,
        commendation=commendation,
        nominations=[],
    )
    refused(
        "published",
        services.commendation_close_nominations,
        user=organiser,
        commendation=commendation,
    )
    assert Nomination.objects.get().selected
    assert CommendationEvent.objects.count() == before


def test_erasure_keeps_a_published_honour_and_blanks_unpublished_statements(
    commendation, coordinator, union, craftsman, organiser, member
):
    from home.events.commendations.personal_data import (
        erase_commendations,
        export_commendations,
    )
    from tests.home.events.factories import CommendationFactory

    published(commendation, coordinator, union, [craftsman], organiser)
    pending = nominate(
        CommendationFactory(committee=[member]), coordinator, union, craftsman
    )
    exported = export_commendations(craftsman)["commendation_nominations"]
    assert [n["published"] for n in exported] == [True, False]
    erase_commendations(craftsman)
    kept = Nomination.objects.get(commendation=commendation)
    assert kept.selected and kept.statement != "—"
    pending.refresh_from_db()
    assert pending.statement == "—"
