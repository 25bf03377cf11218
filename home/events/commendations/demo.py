"""Demo of commendations, loaded from ``home/events/demo.py`` after the conference:
the 3rd Beijing Great Craftsman Commendation (28 places) with nominations from the
demo's union (the Shaanxi Federation of Trade Unions, the demo's only union), the
committee's reviews and a published selection, and a 4th commendation still taking
nominations. The story selected 28 craftsmen; the demo has three craftsmen with
role-model pages, so its list is short. Made through the services; safe to run
again."""

from __future__ import annotations

import datetime

from django.utils import timezone

from home.events.commendations import services
from home.events.commendations.models import Commendation, Recommendation
from lms.demo import demo_user
from lms.models import TradeUnion

UNION = "Shaanxi Federation of Trade Unions"
COMMITTEE = ["organiser", "mentor"]
PUBLISHED = {
    "title": "3rd Beijing Great Craftsman Commendation",
    "title_zh": "第三届北京大工匠选树",
    "year": 2023,
}
OPEN = {
    "title": "4th Beijing Great Craftsman Commendation",
    "title_zh": "第四届北京大工匠选树",
    "year": 2025,
}
# craftsman (demo user key): statement, links, (committee recommendations), selected
NOMINATIONS = {
    "mentor2": (
        "Han Liping has machined launch-platform parts for nearly 200 space "
        "launches without a single quality incident, and trains the aerospace "
        "machinists of Shanxi in her skills master studio.",
        "https://craftskills.example.cn/stories/han-liping",
        (Recommendation.SELECT, Recommendation.SELECT),
        True,
    ),
    "zhang_zhaohong": (
        "张兆宏扎根石化装置检维修一线三十余年，带领创新工作室攻克多项设备难题，"
        "培养技术骨干数十名，创效显著。",
        "",
        (Recommendation.SELECT, Recommendation.RESERVE),
        True,
    ),
    "learner": (
        "王芳是纺织厂的挡车工，操作规范、产品质量稳定，积极参加技能培训。",
        "",
        (Recommendation.RESERVE, Recommendation.DECLINE),
        False,
    ),
}
OPEN_NOMINATIONS = {
    "apprentice": (
        "Li Junle assembles and tests sensor harnesses at the automobile "
        "industrial park and has led two improvement projects on his line.",
        "",
    ),
}


def _commendation(words: dict, event, *, days_open: int) -> Commendation:
    now = timezone.now()
    commendation, _created = Commendation.objects.get_or_create(
        title=words["title"],
        defaults={
            "title_zh": words["title_zh"],
            "year": words["year"],
            "event": event,
            "places": 28,
            "nominations_open_at": now - datetime.timedelta(days=20),
            "nominations_close_at": now + datetime.timedelta(days=days_open),
        },
    )
    commendation.committee.add(*(demo_user(key) for key in COMMITTEE))
    return commendation


def _nominate(commendation, nominations: dict) -> None:
    coordinator = demo_user("coordinator")
    union = TradeUnion.objects.get(name=UNION)
    for key, (statement, links, *_rest) in nominations.items():
        craftsman = demo_user(key)
        if commendation.nominations.filter(craftsman=craftsman).exists():
            continue
        services.nomination_create(
            user=coordinator,
            commendation=commendation,
            craftsman=craftsman,
            union=union,
            statement=statement,
            links=links,
        )


def load(*, event, stdout) -> None:
    published = _commendation(PUBLISHED, event, days_open=1)
    if not published.is_published:
        _nominate(published, NOMINATIONS)
        organiser = demo_user("organiser")
        services.commendation_close_nominations(user=organiser, commendation=published)
        chosen = []
        for nomination in published.nominations.select_related("craftsman"):
            key = next(
                k for k in NOMINATIONS if demo_user(k).pk == nomination.craftsman_id
            )
            _s, _l, recommendations, selected = NOMINATIONS[key]
            for member, recommendation in zip(COMMITTEE, recommendations, strict=True):
                services.nomination_review(
                    user=demo_user(member),
                    nomination=nomination,
                    recommendation=recommendation,
                )
            if selected:
                chosen.append(nomination)
        services.commendation_select(
            user=organiser, commendation=published, nominations=chosen
        )
        services.commendation_publish(user=organiser, commendation=published)
    still_open = _commendation(OPEN, event, days_open=30)
    if still_open.status == Commendation.Status.NOMINATING:
        _nominate(still_open, OPEN_NOMINATIONS)
    stdout.write(
        "commendations: 1 published "
        f"({published.nominations.filter(selected=True).count()} selected), "
        "1 taking nominations (English and Chinese)"
    )
