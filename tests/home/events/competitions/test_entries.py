"""Entries: an enterprise's HR enters its own workers, once each, while entries
are open; everything else is refused with a message and nothing is saved."""

import datetime

import pytest
from django.utils import timezone

from home.events.competitions.models import CompetitionEntry
from home.events.competitions.services import competition_entry_create
from lms.errors import DomainError, PermissionDenied

pytestmark = pytest.mark.django_db


def enter(user, competition, worker):
    return competition_entry_create(user=user, competition=competition, worker=worker)


def test_hr_enters_a_worker_of_their_enterprise(
    hr_user, enterprise, competition, workers
):
    entry = enter(hr_user, competition, workers[0])
    assert entry.enterprise == enterprise and entry.entered_by == hr_user
    assert competition.entries.count() == 1


def test_a_second_entry_of_the_same_worker_is_refused(hr_user, competition, workers):
    enter(hr_user, competition, workers[0])
    with pytest.raises(DomainError) as refused:
        enter(hr_user, competition, workers[0])
    assert refused.value.code == "duplicate_entry"
    assert workers[0].get_full_name() in refused.value.message
    assert competition.entries.count() == 1


def test_entries_after_the_window_are_refused(hr_user, competition, workers):
    competition.entries_close_at = timezone.now() - datetime.timedelta(minutes=1)
    competition.save()
    with pytest.raises(DomainError) as refused:
        enter(hr_user, competition, workers[0])
    assert refused.value.code == "entries_closed"
    assert not CompetitionEntry.objects.exists()


def test_entries_before_the_window_opens_are_refused(hr_user, competition, workers):
    competition.entries_open_at = timezone.now() + datetime.timedelta(hours=1)
    competition.save()
    with pytest.raises(DomainError):
        enter(hr_user, competition, workers[0])
    assert not CompetitionEntry.objects.exists()


def test_another_enterprises_worker_is_refused(hr_user, competition, other_worker):
    with pytest.raises(PermissionDenied) as refused:
        enter(hr_user, competition, other_worker)
    assert "not a worker of your enterprise" in refused.value.message
    assert not CompetitionEntry.objects.exists()


def test_people_who_are_not_hr_cannot_enter_anyone(learner, competition, workers):
    with pytest.raises(PermissionDenied):
        enter(learner, competition, workers[0])
    with pytest.raises(PermissionDenied):
        enter(competition.organiser, competition, workers[0])
    assert not CompetitionEntry.objects.exists()


def test_the_same_worker_may_enter_two_competitions(hr_user, workers):
    from .factories import CompetitionFactory

    for competition in (CompetitionFactory(), CompetitionFactory()):
        enter(hr_user, competition, workers[0])
    assert CompetitionEntry.objects.filter(worker=workers[0]).count() == 2
