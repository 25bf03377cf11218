"""The judge's phone page, the chair's console and the hall screen, as each role
sees them: a judge scores only their own panel, a refused score shows its reason
and saves nothing, the hall hides the ranking until the chair reveals it, and the
event page shows the winners once published, in English and Chinese."""

import pytest
from django.urls import reverse

from home.events.judging import services
from home.events.judging.models import Panel, Score, ScoreCorrection
from tests.lms.factories import EnterpriseFactory, MembershipFactory

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return f.panel(judges=5, contestants=3)


def _post_score(client, panel, contestant, innovation, presentation):
    first, second = panel.sheet.criteria.order_by("sort_order")
    prefix = f"p{contestant.pk}"
    return client.post(
        reverse("judging:score", args=[panel.pk, contestant.pk]),
        {f"{prefix}-c{first.pk}": innovation, f"{prefix}-c{second.pk}": presentation},
    )


def test_the_judge_page_lists_every_contestant_with_number_inputs(client, panel):
    judges, contestants = f.parts(panel)
    client.force_login(judges[0].user)
    page = client.get(reverse("judging:judge", args=[panel.pk])).content.decode()
    for contestant in contestants:
        assert contestant.display_name in page
    assert page.count('type="number"') == 2 * len(contestants)
    assert 'min="0.00" max="10.00" step="0.5" inputmode="decimal"' in page


def test_a_judge_submits_a_score_and_sees_it_locked(client, panel):
    judges, contestants = f.parts(panel)
    client.force_login(judges[0].user)
    response = _post_score(client, panel, contestants[0], "8.5", "7")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Locked at" in page
    assert page.count('type="number"') == 2 * (len(contestants) - 1)


def test_an_out_of_range_score_is_shown_on_the_form_and_nothing_saved(client, panel):
    judges, contestants = f.parts(panel)
    client.force_login(judges[0].user)
    response = _post_score(client, panel, contestants[0], "11", "7")
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert not Score.objects.exists()


def test_a_second_score_is_refused_with_the_reason(client, panel):
    judges, contestants = f.parts(panel)
    f.score(panel, judges[0], contestants[0], 5, 5)
    client.force_login(judges[0].user)
    # The page shows no form any more; a form sent again (a second phone) is refused.
    response = _post_score(client, panel, contestants[0], "9", "9")
    assert response.status_code == 409
    assert "locked" in response.content.decode()
    assert Score.objects.get().items.filter(value=5).count() == 2


def test_a_conflicted_judge_sees_same_enterprise_and_is_refused(client, panel):
    judges, contestants = f.parts(panel)
    works = EnterpriseFactory()
    MembershipFactory(user=judges[4].user, enterprise=works)
    contestants[1].enterprise = works
    contestants[1].save()
    client.force_login(judges[4].user)
    page = client.get(reverse("judging:judge", args=[panel.pk])).content.decode()
    assert "Same enterprise" in page
    assert page.count('type="number"') == 2 * (len(contestants) - 1)
    response = _post_score(client, panel, contestants[1], "9", "9")
    assert response.status_code == 409
    assert not Score.objects.exists()


def test_a_judge_declares_a_conflict_from_the_page(client, panel):
    judges, contestants = f.parts(panel)
    client.force_login(judges[0].user)
    url = reverse("judging:conflict", args=[panel.pk, contestants[2].pk])
    client.post(url, {f"x{contestants[2].pk}-reason": "Former colleague"})
    page = client.get(reverse("judging:judge", args=[panel.pk])).content.decode()
    assert "You declared a conflict of interest: Former colleague" in page


def test_a_judge_of_another_panel_does_not_find_this_one(client, panel):
    other = f.panel(judges=1, contestants=1)
    client.force_login(other.judges.get().user)
    assert client.get(reverse("judging:judge", args=[panel.pk])).status_code == 404
    assert client.get(reverse("judging:judge", args=[other.pk])).status_code == 200


def test_people_without_the_judge_role_are_refused(client, panel, learner):
    client.force_login(learner)
    assert client.get(reverse("judging:judge", args=[panel.pk])).status_code == 403
    assert client.get(reverse("judging:console", args=[panel.pk])).status_code == 403


def test_the_chair_corrects_from_the_console_with_a_reason(client, panel):
    judges, contestants = f.parts(panel)
    score = f.score(panel, judges[0], contestants[0], 5, 5)
    first = panel.sheet.criteria.order_by("sort_order").first()
    client.force_login(panel.chair)
    url = reverse("judging:correct", args=[panel.pk])
    data = {"score": score.pk, "criterion": first.pk, "value": "6", "reason": ""}
    assert client.post(url, data).status_code == 400
    assert not ScoreCorrection.objects.exists()
    data["reason"] = "Typed wrong"
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("judging:console", args=[panel.pk])).content.decode()
    assert "Typed wrong" in page


def test_the_chair_walks_the_steps_and_a_judge_cannot(client, panel):
    judges, _ = f.parts(panel)
    client.force_login(judges[0].user)
    client.post(reverse("judging:step", args=[panel.pk, "close"]))
    assert Panel.objects.get().status == "open"
    client.force_login(panel.chair)
    for step in ("close", "reveal", "sign_off", "publish"):
        response = client.post(reverse("judging:step", args=[panel.pk, step]))
        assert response.status_code == 302
    assert Panel.objects.get().status == "published"


def test_an_unknown_step_is_not_found(client, panel):
    client.force_login(panel.chair)
    response = client.post(reverse("judging:step", args=[panel.pk, "undo"]))
    assert response.status_code == 404


def test_the_hall_hides_the_ranking_until_the_chair_reveals(client, panel):
    judges, contestants = f.parts(panel)
    f.score(panel, judges[0], contestants[0], 9, 9)
    live = reverse("judging:hall_live", args=[panel.pk])
    hidden = client.get(live).content.decode()
    assert "Results not yet revealed" in hidden
    assert "Presenter 1" not in hidden
    services.panel_close(user=panel.chair, panel=panel)
    services.panel_reveal(user=panel.chair, panel=panel)
    shown = client.get(live).content.decode()
    assert "Presenter 1" in shown and "Best display" in shown
    hall = client.get(reverse("judging:hall", args=[panel.pk])).content.decode()
    assert "judging-hall.js" in hall and 'http-equiv="refresh"' in hall


def test_the_hall_screen_in_chinese(client, panel):
    live = reverse("judging:hall_live", args=[panel.pk])
    assert "结果尚未揭晓" in client.get("/zh-hans" + live).content.decode()


def _published_on(event):
    from tests.home.events.factories import EventSessionFactory

    session = EventSessionFactory(page=event, kind="roadshow", capacity=0)
    panel = f.panel(judges=1, contestants=2, session=session)
    (judge,), (a, b) = f.parts(panel)
    f.score(panel, judge, a, 6, 6)
    f.score(panel, judge, b, 9, 9)
    for step in (services.panel_close, services.panel_reveal, services.panel_sign_off):
        step(user=panel.chair, panel=panel)
    return panel


def test_the_event_page_shows_winners_only_once_published(client, event, organiser):
    panel = _published_on(event)
    assert "Roadshow results" not in client.get(event.url).content.decode()
    services.panel_publish(user=organiser, panel=panel)
    page = client.get(event.url).content.decode()
    assert "Roadshow results" in page
    assert page.index("Presenter 2") < page.index("Presenter 1")
    assert "Best display" in page and "Wonderful display" in page


def test_the_event_page_shows_the_awards_in_chinese(client, event, organiser, locales):
    panel = _published_on(event)
    services.panel_publish(user=organiser, panel=panel)
    chinese = event.copy_for_translation(locales["zh"])
    chinese.save_revision().publish()
    page = client.get(chinese.url).content.decode()
    assert "路演结果" in page and "最佳展示" in page and "精彩展示" in page
