"""Every notification kind, in a world of real records: rendered in the reader's
language (Chinese for a zh-hans reader, English for an English one), e-mailed with
absolute links that open for their recipient, neutral once their record is gone."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from courses.models import CourseCompletion
from courses.services.enrollment import enrollment_assign
from courses.services.practicals import practical_decide
from lms import notices
from lms.models import ErasureRequest, Notification, User
from lms.services.notifications import notification_deliver, notification_send
from mentorship.models import ServiceRequestEvent
from tests.security.matrix import world as world_module

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Three Latin words in a row: an English sentence left untranslated.
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}\b(?:[\s,.:']+\b[A-Za-z]{2,}\b){2,}")
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def world():
    w = world_module.build()
    w.objects["zh_course"]  # the course and its lesson have Chinese copies
    return w


def send_every_kind(w) -> list[Notification]:
    """One notification (or more) of every registered kind, each to the person the
    service sends it to, through the service where one exists."""
    u, o = w.users, w.objects
    learner, mentor, apprentice = u["learner"], u["mentor"], u["apprentice"]

    def send(recipient, kind, **params):
        notification_send(
            recipient=recipient,
            key=f"test:{kind}:{recipient.pk}",
            kind=kind,
            params=params,
        )

    practical_decide(
        reviewer=mentor, submission=o["submission"], approve=False, comment="Wipe it."
    )
    enrollment_assign(
        actor=u["hr_a"],
        person=learner,
        course=o["course"],
        due_on=datetime.date(2026, 12, 3),
    )
    completion = CourseCompletion.objects.create(enrollment=o["enrollment"], hours=2)
    send(learner, "courses.course_completed", completion=completion.pk)
    send(
        learner,
        "courses.course_completed",
        completion=completion.pk,
        with_certificate=True,
    )
    certificate = o["cert_a"]
    send(learner, "lms.certificate_issued", certificate=certificate.pk)
    send(learner, "lms.certificate_expiring", certificate=certificate.pk)
    send(
        u["hr_a"],
        "lms.certificate_expiring",
        certificate=certificate.pk,
        for_holder=False,
    )
    agreement, request = o["agreement"], o["request"]
    for person in (mentor, apprentice):
        send(person, "mentorship.agreement_to_sign", agreement=agreement.pk)
        send(person, "mentorship.milestone_overdue", milestone=o["milestone"].pk)
    send(u["coordinator"], "mentorship.agreement_to_approve", agreement=agreement.pk)
    send(mentor, "mentorship.request_published", request=request.pk)
    for person in (mentor, u["hr_a"]):
        send(
            person, "mentorship.request_assigned", request=request.pk, mentor=mentor.pk
        )
    send(u["hr_a"], "mentorship.request_closed", request=request.pk)
    reopened = ServiceRequestEvent.objects.create(
        request=request,
        from_status="closed",
        to_status="assigned",
        actor=u["hr_a"],
        note="Still loud",
    )
    send(mentor, "mentorship.request_reopened", request=request.pk, event=reopened.pk)
    for person in (mentor, u["hr_a"]):
        send(person, "mentorship.request_auto_confirmed", request=request.pk)
    send(apprentice, "mentorship.session_to_confirm", session=o["session"].pk)
    send(mentor, "mentorship.session_disputed", session=o["session"].pk)
    refused = ErasureRequest.objects.create(
        person=learner,
        due_on=datetime.date(2026, 12, 31),
        status=ErasureRequest.Status.REFUSED,
        decided_at=datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC),
        decision_note="Contract open",
    )
    send(learner, "lms.erasure_refused", erasure_request=refused.pk)
    send(learner, notices.LEGACY, subject="Stored text", url="/learning/")
    send(u["officer"], "lms.welcome", role="officer")
    send(learner, "home.events.promoted", reservation=o["ticket"].pk)
    send(u["hr_a"], "lms.board_export_finished", export=o["export_a"].pk)
    notifications = list(
        Notification.objects.exclude(key="k1").select_related("recipient")
    )
    assert {n.kind for n in notifications} == set(notices.kinds())
    return notifications


def data_strings(w) -> list[str]:
    """Values written by people (names, titles, sites, numbers), not by the UI."""
    values = []
    for user in User.objects.all():
        values += [str(user), user.email]
    request = w.objects["request"]
    values += [request.title, request.site, request.solution, str(request.enterprise)]
    values += [w.objects["milestone"].title, str(w.objects["occupation"])]
    values += [w.objects["cert_a"].number, "Clean the sensor", "Wipe it.", "Loom care"]
    values += ["Still loud", "Contract open", w.objects["event_session"].title]
    values += [w.objects["occupation"].name, w.objects["session"].dispute_comment]
    return sorted((v for v in values if v), key=len, reverse=True)


def test_every_kind_reads_chinese_to_a_chinese_reader_english_to_an_english_one(
    world,
):
    """A Chinese rendering has Chinese text and no untranslated English sentence
    (once people's own words are taken out); an English one has no Chinese."""
    data = data_strings(world)
    for notification in send_every_kind(world):
        if notification.kind == notices.LEGACY:
            continue  # shows the text stored before kinds, as it was
        english = notification.render("en")
        chinese = notification.render("zh-hans")
        assert english.available and chinese.available, notification.kind
        english_text = f"{english.subject}\n{english.body}"
        chinese_text = f"{chinese.subject}\n{chinese.body}"
        for value in data:
            chinese_text = chinese_text.replace(value, " ")
        assert not CJK.search(english_text), (notification.kind, english_text)
        assert CJK.search(chinese.subject), (notification.kind, chinese.subject)
        assert not ENGLISH_RUN.search(chinese_text), (notification.kind, chinese_text)
        assert chinese.link.startswith("/zh-hans/") or not chinese.link
        assert "\n" not in english.subject and "\n" not in chinese.subject


def test_every_kind_of_email_has_absolute_links_that_open_for_its_recipient(
    world, settings
):
    """Each e-mail goes out in the recipient's language; every link in it is on
    SITE_URL and answers 200 to the recipient (after the language prefix)."""
    notifications = send_every_kind(world)
    chinese_reader = world.users["apprentice"]
    User.objects.filter(pk=chinese_reader.pk).update(preferred_language="zh-hans")
    mail.outbox.clear()
    for notification in notifications:
        notification.refresh_from_db()
        recipient = User.objects.get(pk=notification.recipient_id)
        assert notification_deliver(notification_id=notification.pk), notification.kind
        message = mail.outbox[-1]
        assert message.to == [recipient.email]
        if recipient.preferred_language == "zh-hans":
            assert CJK.search(message.subject), (notification.kind, message.subject)
        links = LINK.findall(message.body)
        assert links, (notification.kind, message.body)
        client = Client()
        client.force_login(recipient)
        for link in links:
            assert link.startswith(settings.SITE_URL + "/"), link
            path = link.removeprefix(settings.SITE_URL)
            response = client.get(path, follow=True)
            assert response.status_code == 200, (notification.kind, link)
    assert len(mail.outbox) == len(notifications)


def test_a_notification_whose_record_is_gone_reads_neutral_and_is_not_emailed(
    world, client
):
    """The inbox shows "no longer available" (never a 500) and the e-mail is marked
    failed instead of sent."""
    hr = world.users["hr_a"]
    request = world.objects["request"]
    notification_send(
        recipient=hr,
        key="gone",
        kind="mentorship.request_closed",
        params={"request": request.pk},
    )
    request.delete()
    client.force_login(hr)
    for language in ("en", "zh-hans"):
        response = client.get(url("lms:inbox", language))
        assert response.status_code == 200
    assert "该内容已不存在" in response.content.decode()
    notification = Notification.objects.get(key="gone")
    assert notification.render("en").subject == "This item is no longer available"
    assert notification_deliver(notification_id=notification.pk) is False
    notification.refresh_from_db()
    assert notification.failed_at is not None and notification.emailed_at is None


def url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


def test_the_inbox_and_dashboard_speak_the_pages_language_not_the_senders(
    world, client
):
    """The same stored notification reads in Chinese on the Chinese inbox and in
    English on the English dashboard and inbox, whatever language it was sent in
    and whatever the reader prefers."""
    learner = world.users["learner"]
    learner.preferred_language = "zh-hans"
    learner.save()
    with translation.override("zh-hans"):
        notification_send(
            recipient=learner,
            key="ready",
            kind="lms.certificate_issued",
            params={"certificate": world.objects["cert_a"].pk},
        )
    number = world.objects["cert_a"].number
    client.force_login(learner)
    zh_inbox = client.get(url("lms:inbox", "zh-hans")).content.decode()
    assert f"您的技能证书 {number} 已生成" in zh_inbox
    for page in ("lms:inbox", "lms:dashboard"):
        html = client.get(url(page, "en")).content.decode()
        assert f"Your skill certificate {number} is ready" in html
        assert "已生成" not in html
