"""Demo of the audience votes of the conference (``home.events.demo`` calls
``load``): an online vote for the roadshow's craftsmen that closed the day before
(its totals published) and an open vote for the favourite exhibited achievement,
in English and Chinese. Votes are cast through the service by the demo people;
loading again changes nothing."""

from __future__ import annotations

import datetime

from django.utils import timezone

from home.events.voting.models import Ballot, Vote, VoteOption
from home.events.voting.services import vote_cast
from home.models import CraftsmanProfilePage, InnovationStudioPage
from lms.demo import demo_user

ROADSHOW = {
    "title": "Audience award: craftsman roadshow (online warm-up vote)",
    "title_zh": "观众最喜爱工匠（工匠路演网络预热投票）",
    "intro": "Which craftsman's story moved you most? The audience award is counted "
    "apart from the expert judges' scores.",
    "intro_zh": "哪位工匠的故事最打动您？观众奖与专家评委评分分开统计。",
}
# (English name, Chinese name, role-model profile slug or "")
PRESENTERS = [
    ("Han Liping", "韩利萍", "han-liping"),
    ("Zhang Zhaohong", "张兆宏", "zhang-zhaohong"),
    ("Yi Ran", "易冉", "yi-ran"),
    ("Zhou Ming", "周明", ""),
]
# Demo people and the presenter (by index) each voted for.
ROADSHOW_VOTES = {
    "learner": 0,
    "apprentice": 1,
    "mentor": 0,
    "mentor2": 1,
    "hr": 0,
    "hr2": 0,
    "manager": 2,
    "editor": 1,
    "moderator": 0,
    "coordinator": 3,
    "officer": 2,
    "zhang_zhaohong": 0,
}
EXHIBITS = {
    "title": "Favourite exhibited achievement",
    "title_zh": "最受欢迎展出成果",
    "intro": "Vote for the innovation achievement of the exhibition you would most "
    "like to see in your own workshop.",
    "intro_zh": "为您最希望在自己车间推广的展出创新成果投上一票。",
}
EXHIBIT_STUDIOS = [
    "han-liping-skills-master-studio",
    "zhang-zhaohong-innovation-studio",
    "no7-mill-spinning-innovation-studio",
]
EXHIBIT_VOTES = {"learner": 0, "mentor2": 1}


def load(*, event, zh, stdout) -> None:
    """Both votes of ``event`` (the English page; ``zh`` its Chinese locale)."""
    now = timezone.now().replace(second=0, microsecond=0)
    start = timezone.make_aware(
        datetime.datetime.combine(event.starts_on, datetime.time(9))
    )
    closed = _ballot(
        event,
        ROADSHOW,
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(hours=1),
        options=[
            VoteOption(name=en, name_zh=zh_name, profile=_profile(slug))
            for en, zh_name, slug in PRESENTERS
        ],
        votes=ROADSHOW_VOTES,
    )
    if closed.closes_at > now:  # voting ended the day before: totals published
        Ballot.objects.filter(pk=closed.pk).update(
            closes_at=now - datetime.timedelta(days=1)
        )
    open_ = _ballot(
        event,
        EXHIBITS,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=start + datetime.timedelta(days=2, hours=9),
        options=_exhibit_options(zh),
        votes=EXHIBIT_VOTES,
    )
    counted = Vote.objects.filter(ballot__in=[closed, open_]).count()
    stdout.write(f"events: 2 audience votes (1 closed, 1 open), {counted} votes")


def _ballot(event, words, *, opens_at, closes_at, options, votes) -> Ballot:
    """The ballot titled ``words["title"]`` of ``event``, made with its options and
    its votes the first time, found as it is afterwards."""
    found = Ballot.objects.filter(event=event, title=words["title"]).first()
    if found is not None:
        return found
    ballot = Ballot(event=event, opens_at=opens_at, closes_at=closes_at, **words)
    ballot.options = [o for o in options if o is not None]
    ballot.save()
    listed = list(ballot.options.order_by("sort_order", "pk"))
    for key, n in votes.items():
        if n < len(listed):
            vote_cast(user=demo_user(key), ballot=ballot, option_id=listed[n].pk)
    return ballot


def _profile(slug: str):
    if not slug:
        return None
    return CraftsmanProfilePage.objects.filter(
        slug=slug, locale__language_code="en"
    ).first()


def _exhibit_options(zh) -> list[VoteOption]:
    """The first achievement of each demo studio, named in both languages."""
    options = []
    for slug in EXHIBIT_STUDIOS:
        studio = InnovationStudioPage.objects.filter(
            slug=slug, locale__language_code="en"
        ).first()
        achievement = studio.achievements.first() if studio else None
        if achievement is None:
            continue
        chinese = studio.get_translation_or_none(zh)
        twin = chinese.specific.achievements.first() if chinese else None
        options.append(
            VoteOption(
                name=achievement.title,
                name_zh=twin.title if twin else "",
                achievement=achievement,
            )
        )
    return options
