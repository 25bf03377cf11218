"""The theory score comes from the course quiz's attempts within the round's
window (the best one); the combined score weighs theory and practical; ties are
broken by the written rule."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from courses.models import QuizAttempt
from courses.services.enrollment import enrollment_create
from courses.services.quizzes import quiz_attempt_submit
from home.events.competitions import selectors
from home.events.competitions.ranking import combined_score, rank_entries
from tests.courses import factories as f

from .factories import EntryFactory

HALF = {"q-single": ["o-oil"], "q-tf": ["true"]}


@pytest.fixture
def quiz_lesson(db):
    course = f.course()
    return f.lesson(course=course, title="Theory", body=[f.quiz_block(pass_mark=100)])


def attempt(user, lesson, answers, number):
    return quiz_attempt_submit(
        enrollment=enrollment_create(user=user, course=lesson.get_parent().specific)
        if number == 1
        else user.enrollments.get(),
        lesson=lesson,
        quiz_id="quiz1",
        answers=answers,
        attempt_number=number,
    )


@pytest.mark.django_db
def test_theory_score_is_the_best_attempt_within_the_window(competition, quiz_lesson):
    competition.theory_lesson, competition.theory_quiz_id = quiz_lesson, "quiz1"
    competition.save()
    first, second, late = (EntryFactory(competition=competition) for _ in range(3))
    attempt(first.worker, quiz_lesson, f.WRONG, 1)
    attempt(first.worker, quiz_lesson, HALF, 2)  # best: 50
    attempt(second.worker, quiz_lesson, f.RIGHT, 1)
    attempt(late.worker, quiz_lesson, f.RIGHT, 1)
    QuizAttempt.objects.filter(enrollment__user=late.worker).update(
        submitted_at=competition.theory_closes_at + datetime.timedelta(minutes=1)
    )
    scores = selectors.theory_scores(
        competition=competition, entries=[first, second, late]
    )
    assert scores == {first.worker_id: 50, second.worker_id: 100}


@pytest.mark.django_db
def test_no_quiz_means_no_theory_scores(competition):
    entry = EntryFactory(competition=competition)
    assert selectors.theory_scores(competition=competition, entries=[entry]) == {}


def test_combined_score_weighs_theory_and_practical():
    assert combined_score(
        theory=Decimal(80), practical=Decimal(90), theory_weight=30
    ) == Decimal("87.00")
    assert combined_score(
        theory=Decimal("77.77"), practical=Decimal("88.88"), theory_weight=25
    ) == Decimal("86.10")


def entry(pk, minutes):
    at = timezone.now() + datetime.timedelta(minutes=minutes)
    return SimpleNamespace(pk=pk, worker_id=pk * 10, entered_at=at)


def test_ranking_orders_by_combined_score():
    a, b, c = entry(1, 0), entry(2, 1), entry(3, 2)
    ranked = rank_entries(
        entries=[a, b, c],
        theory={10: 60, 20: 100, 30: 90},
        practical={1: Decimal(90), 2: Decimal(70), 3: Decimal(80)},
        theory_weight=30,
    )
    assert [(r.entry.pk, r.rank, r.combined) for r in ranked] == [
        (3, 1, Decimal("83.00")),
        (1, 2, Decimal("81.00")),
        (2, 3, Decimal("79.00")),
    ]


def test_ties_go_to_the_higher_practical_score_then_theory_then_earlier_entry():
    # a and b: equal combined (50/50 weights), b has the higher practical score.
    a, b = entry(1, 0), entry(2, 1)
    ranked = rank_entries(
        entries=[a, b],
        theory={10: 90, 20: 70},
        practical={1: Decimal(70), 2: Decimal(90)},
        theory_weight=50,
    )
    assert [r.entry.pk for r in ranked] == [2, 1]
    # c and d: equal in everything: the earlier entry ranks first.
    c, d = entry(3, 5), entry(4, 2)
    ranked = rank_entries(
        entries=[c, d],
        theory={30: 80, 40: 80},
        practical={3: Decimal(80), 4: Decimal(80)},
        theory_weight=30,
    )
    assert [(r.entry.pk, r.rank) for r in ranked] == [(4, 1), (3, 2)]


def test_an_entrant_without_scores_counts_zero_and_ranks_last():
    a, b = entry(1, 0), entry(2, 1)
    ranked = rank_entries(
        entries=[a, b], theory={20: 10}, practical={}, theory_weight=30
    )
    assert [(r.entry.pk, r.combined) for r in ranked] == [
        (2, Decimal("3.00")),
        (1, Decimal("0.00")),
    ]
