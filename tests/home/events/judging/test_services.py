"""Scoring and the chair's steps through the services: every refusal of the issue's
"Bad input" list that concerns scores changes nothing, and every score and change
is kept."""

from decimal import Decimal

import pytest

from home.events.judging import services
from home.events.judging.models import (
    ConflictDeclaration,
    Panel,
    Score,
    ScoreCorrection,
    ScoreItem,
)
from lms.errors import DomainError, PermissionDenied
from tests.lms.factories import EnterpriseFactory, MembershipFactory

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return f.panel(judges=5, contestants=3)


def _criteria(panel):
    return list(panel.sheet.criteria.order_by("sort_order"))


def _refused(code, call, **kwargs):
    with pytest.raises(DomainError) as caught:
        call(**kwargs)
    assert caught.value.code == code, caught.value.message
    return caught.value


def test_a_judge_scores_once_and_the_values_are_kept(panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], "8.5", 7)
    values = {i.criterion.name: i.value for i in score.items.all()}
    assert values == {"Innovation": Decimal("8.5"), "Presentation": Decimal(7)}
    assert score.submitted_at is not None


def test_a_second_score_from_the_same_judge_is_refused(panel):
    judges, contestants = f.parts(panel)
    f.score(panel, judges[0], contestants[0], 8, 7)
    error = _refused(
        "second_score",
        f.score,
        panel=panel,
        judge=judges[0],
        contestant=contestants[0],
        innovation=2,
        presentation=2,
    )
    assert "locked" in error.message
    assert Score.objects.count() == 1
    assert sorted(ScoreItem.objects.values_list("value", flat=True)) == [7, 8]


@pytest.mark.parametrize("value", ["10.5", "-1", "abc", "NaN", "7.125", ""])
def test_a_value_outside_the_sheet_or_not_a_number_is_refused(panel, value):
    judges, contestants = f.parts(panel)
    with pytest.raises(DomainError):
        f.score(panel, judges[0], contestants[0], value, 5)
    assert not Score.objects.exists()
    assert not ScoreItem.objects.exists()


def test_the_range_message_names_the_criterion_and_its_bounds(panel):
    judges, contestants = f.parts(panel)
    error = _refused(
        "out_of_range",
        f.score,
        panel=panel,
        judge=judges[0],
        contestant=contestants[0],
        innovation=11,
        presentation=5,
    )
    assert error.message == "Innovation: give a score from 0 to 10."


def test_a_judge_of_the_contestants_enterprise_cannot_score_them(panel):
    judges, contestants = f.parts(panel)
    works = EnterpriseFactory()
    MembershipFactory(user=judges[1].user, enterprise=works)
    contestants[0].enterprise = works
    contestants[0].save()
    error = _refused(
        "conflicted",
        f.score,
        panel=panel,
        judge=judges[1],
        contestant=contestants[0],
        innovation=5,
        presentation=5,
    )
    assert "Same enterprise" in error.message
    assert not Score.objects.exists()


def test_a_judge_of_the_contestants_studio_cannot_score_them(panel):
    from tests.home.factories import InnovationStudioPageFactory

    judges, contestants = f.parts(panel)
    studio = InnovationStudioPageFactory()
    judges[2].studio = studio
    judges[2].save()
    contestants[1].studio = studio
    contestants[1].save()
    _refused(
        "conflicted",
        f.score,
        panel=panel,
        judge=judges[2],
        contestant=contestants[1],
        innovation=5,
        presentation=5,
    )


def test_a_declared_conflict_refuses_the_judges_score(panel):
    judges, contestants = f.parts(panel)
    services.conflict_declare(
        user=judges[0].user, contestant=contestants[2], reason="My former apprentice"
    )
    error = _refused(
        "conflicted",
        f.score,
        panel=panel,
        judge=judges[0],
        contestant=contestants[2],
        innovation=5,
        presentation=5,
    )
    assert "My former apprentice" in error.message


def test_a_conflict_needs_a_reason_and_comes_before_a_score(panel):
    judges, contestants = f.parts(panel)
    _refused(
        "reason",
        services.conflict_declare,
        user=judges[0].user,
        contestant=contestants[0],
        reason="  ",
    )
    f.score(panel, judges[0], contestants[0], 5, 5)
    _refused(
        "scored",
        services.conflict_declare,
        user=judges[0].user,
        contestant=contestants[0],
        reason="Late",
    )
    assert not ConflictDeclaration.objects.exists()


def test_someone_not_on_the_panel_cannot_score(panel):
    other = f.panel(judges=1, contestants=1)
    (outsider,), _ = f.parts(other)
    _judges, contestants = f.parts(panel)
    with pytest.raises(PermissionDenied):
        f.score(panel, outsider, contestants[0], 5, 5)
    assert not Score.objects.filter(panel=panel).exists()


def test_no_score_is_taken_once_scoring_is_closed(panel):
    judges, contestants = f.parts(panel)
    services.panel_close(user=panel.chair, panel=panel)
    _refused(
        "panel_not_open",
        f.score,
        panel=panel,
        judge=judges[0],
        contestant=contestants[0],
        innovation=5,
        presentation=5,
    )


def test_the_chair_corrects_a_value_and_the_old_one_is_kept(panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], 8, 7)
    innovation = _criteria(panel)[0]
    services.score_correct(
        user=panel.chair,
        score=score,
        criterion=innovation,
        value="6",
        reason="Typed 8 for 6, the judge confirmed",
    )
    correction = ScoreCorrection.objects.get()
    assert (correction.old_value, correction.new_value) == (8, 6)
    assert correction.corrected_by == panel.chair
    assert score.items.get(criterion=innovation).value == 6
    assert Score.objects.count() == 1


def test_a_correction_without_a_reason_is_refused(panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], 8, 7)
    _refused(
        "reason",
        services.score_correct,
        user=panel.chair,
        score=score,
        criterion=_criteria(panel)[0],
        value=6,
        reason="",
    )
    assert not ScoreCorrection.objects.exists()
    assert score.items.get(criterion=_criteria(panel)[0]).value == 8


def test_only_the_panels_chair_corrects(panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], 8, 7)
    other_chair = f.chair_user()
    for user in (judges[0].user, other_chair):
        with pytest.raises(PermissionDenied):
            services.score_correct(
                user=user,
                score=score,
                criterion=_criteria(panel)[0],
                value=6,
                reason="Mine",
            )
    assert not ScoreCorrection.objects.exists()


def test_results_cannot_be_edited_after_sign_off(panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], 8, 7)
    for step in (services.panel_close, services.panel_reveal, services.panel_sign_off):
        step(user=panel.chair, panel=panel)
    _refused(
        "signed_off",
        services.score_correct,
        user=panel.chair,
        score=score,
        criterion=_criteria(panel)[0],
        value=6,
        reason="Too late",
    )
    assert score.items.get(criterion=_criteria(panel)[0]).value == 8


def test_the_steps_go_in_order_and_publishing_needs_the_sign_off(panel):
    _refused("wrong_status", services.panel_reveal, user=panel.chair, panel=panel)
    services.panel_close(user=panel.chair, panel=panel)
    _refused("not_signed_off", services.panel_publish, user=panel.chair, panel=panel)
    services.panel_reveal(user=panel.chair, panel=panel)
    services.panel_sign_off(user=panel.chair, panel=panel)
    services.panel_publish(user=panel.chair, panel=panel)
    panel.refresh_from_db()
    assert panel.status == Panel.Status.PUBLISHED
    assert panel.revealed_at <= panel.signed_off_at <= panel.published_at


def test_a_judge_cannot_reveal_and_an_organiser_may_publish(panel, organiser):
    judges, _ = f.parts(panel)
    with pytest.raises(PermissionDenied):
        services.panel_reveal(user=judges[0].user, panel=panel)
    for step in (services.panel_close, services.panel_reveal, services.panel_sign_off):
        step(user=panel.chair, panel=panel)
    services.panel_publish(user=organiser, panel=panel)
    assert Panel.objects.get().published_by == organiser
