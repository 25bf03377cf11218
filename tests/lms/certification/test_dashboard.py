"""The core's part of the start page: the panel registry, the learner's new
certificates and ladder bars, HR's expiring and eligible counts, the officer's
imports and revocations, the grouped phone menu with the inbox's unread count, and
revoking a certificate only after a confirm page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from lms import dashboard
from lms.models import CertificateEvent, ImportBatch, SkillCertificate
from lms.roles import Role
from lms.services.notifications import notification_send
from tests.lms.certification.factories import (
    CertificateEventFactory,
    ImportBatchFactory,
    LevelRequirementFactory,
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("lms:dashboard")
TODAY = datetime.date.today()


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def test_panels_are_shown_to_whom_they_admit_and_skip_empty_ones(learner):
    dashboard.register(
        dashboard.Panel(
            "test.nothing", "x.html", lambda u: True, lambda u: None, order=1
        )
    )
    dashboard.register(
        dashboard.Panel(
            "test.hidden", "x.html", lambda u: False, lambda u: {"a": 1}, order=1
        )
    )
    try:
        keys = [p.key for p in dashboard.build_for(learner)]
        assert "test.nothing" not in keys and "test.hidden" not in keys
    finally:
        dashboard._panels.pop("test.nothing")
        dashboard._panels.pop("test.hidden")


def test_learner_sees_a_new_certificate_and_the_next_rung_as_bars(client, learner):
    occupation = OccupationFactory()
    certificate = SkillCertificateFactory(
        holder=learner,
        occupation=occupation,
        level=2,  # 五级
        issued_on=TODAY - datetime.timedelta(days=10),
    )
    LevelRequirementFactory(occupation=occupation, level=3, training_hours=Decimal(40))
    html = page(client, learner)
    assert reverse("certification:detail", args=[certificate.pk]) in html
    assert "next rung" in html
    assert "Training hours" in html and "0 / 40" in html
    assert '<progress class="" max="100" value="0">' in html


def test_an_old_certificate_is_not_new(client, learner):
    certificate = SkillCertificateFactory(holder=learner, level=1)  # a year old
    assert reverse("certification:detail", args=[certificate.pk]) not in page(
        client, learner
    )


def test_hr_counts_expiring_certificates_and_links_to_the_board(client, enterprise):
    hr = hr_of(enterprise)
    worker = worker_of(enterprise)
    for days in (10, 20, 60):
        SkillCertificateFactory(
            holder=worker, valid_until=TODAY + datetime.timedelta(days=days)
        )
    SkillCertificateFactory(valid_until=TODAY + datetime.timedelta(days=10))  # other
    html = page(client, hr)
    board = reverse("certification:board")
    assert f'href="{board}?expiring=30"><strong>2</strong>' in html
    assert f'href="{board}?expiring=90"><strong>3</strong>' in html
    assert reverse("certification:eligible") in html


def test_hr_counts_workers_eligible_for_their_next_level(client, enterprise):
    hr = hr_of(enterprise)
    occupation = OccupationFactory()
    LevelRequirementFactory(occupation=occupation, level=3)  # nothing required
    for _ in range(2):
        SkillCertificateFactory(
            holder=worker_of(enterprise), occupation=occupation, level=2
        )
    html = page(client, hr)
    eligible = reverse("certification:eligible")
    assert f'href="{eligible}"><strong>2</strong>' in html


def test_hr_eligible_count_covers_every_worker_in_a_fixed_number_of_queries(
    enterprise,
):
    """The count once stopped at the eligible list's first page (50 workers): all
    51 eligible workers are counted, and 51 workers cost as many queries as 2."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lms.certification import dashboard as panels
    from lms.certification.selectors import ELIGIBLE_WORKERS_PER_PAGE

    hr = hr_of(enterprise)
    occupation = OccupationFactory()
    LevelRequirementFactory(occupation=occupation, level=3)  # nothing required

    def add_workers(n):
        for _ in range(n):
            SkillCertificateFactory(
                holder=worker_of(enterprise), occupation=occupation, level=2
            )

    add_workers(2)
    panels.hr_panel(hr)  # fills the caches of roles and memberships
    with CaptureQueriesContext(connection) as few:
        assert panels.hr_panel(hr)["eligible"] == 2
    add_workers(ELIGIBLE_WORKERS_PER_PAGE - 1)
    with CaptureQueriesContext(connection) as many:
        assert panels.hr_panel(hr)["eligible"] == ELIGIBLE_WORKERS_PER_PAGE + 1
    assert len(many) == len(few)


def test_officer_sees_waiting_imports_and_recent_revocations(client):
    person = officer()
    ImportBatchFactory(status=ImportBatch.Status.READY)
    ImportBatchFactory(status=ImportBatch.Status.INVALID)
    revoked = SkillCertificateFactory(revoked=True)
    CertificateEventFactory(certificate=revoked, action=CertificateEvent.Action.REVOKE)
    CertificateEventFactory(
        action=CertificateEvent.Action.REVOKE,
        at=timezone.now() - datetime.timedelta(days=90),
    )
    html = page(client, person)
    imports = reverse("certification:imports")
    assert f'href="{imports}"><strong>1</strong> <span>import checked' in html
    board = reverse("certification:board")
    assert f'href="{board}?status=revoked"><strong>1</strong>' in html
    assert reverse("certification:detail", args=[revoked.pk]) in html


def test_next_step_is_the_first_panel_with_one(learner):
    dashboard.register(
        dashboard.Panel(
            "test.step",
            "x.html",
            lambda u: True,
            lambda u: None,
            order=0,
            next_step=lambda u: dashboard.NextStep("Do it", "/do/"),
        )
    )
    try:
        assert dashboard.next_step_for(learner) == dashboard.NextStep("Do it", "/do/")
    finally:
        dashboard._panels.pop("test.step")


def test_menu_groups_entries_by_task_and_names_the_current_page(client, learner):
    html = page(client, learner)
    assert '<details class="personal-menu">' in html
    assert "My page</summary>" in html
    assert '<p class="group-label">Learning</p>' in html
    assert 'class="personal-flat"' in html


def test_inbox_link_shows_the_unread_count(client, learner):
    for n in range(3):
        notification_send(
            recipient=learner,
            key=f"test-{n}",
            kind="lms.welcome",
            params={"role": "admin"},
        )
    html = page(client, learner)
    assert 'class="unread-count">3<' in html


def test_revoking_asks_first_on_a_page_of_its_own(client):
    certificate = SkillCertificateFactory()
    client.force_login(officer())
    url = reverse("certification:change_status", args=[certificate.pk, "revoke"])
    detail = client.get(reverse("certification:detail", args=[certificate.pk]))
    assert f'class="button danger" href="{url}"' in detail.content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'name="reason"' in confirm.content.decode()
    assert not SkillCertificate.objects.get(pk=certificate.pk).revoked
    assert client.post(url, {"reason": "Forged papers"}).status_code == 302
    assert SkillCertificate.objects.get(pk=certificate.pk).revoked


def test_suspend_has_no_confirm_page(client):
    certificate = SkillCertificateFactory()
    client.force_login(officer())
    url = reverse("certification:change_status", args=[certificate.pk, "suspend"])
    assert client.get(url).status_code == 405


def test_a_worker_may_not_open_the_revoke_page(client):
    certificate = SkillCertificateFactory()
    client.force_login(UserFactory(roles=[Role.LEARNER]))
    url = reverse("certification:change_status", args=[certificate.pk, "revoke"])
    assert client.get(url).status_code == 403


def test_editors_admin_dashboard_lists_their_drafts_and_reviews(client):
    from wagtail.models import Page

    from tests.lms.helpers import give_totp

    editor = give_totp(UserFactory(roles=[Role.EDITOR]))
    page = Page.objects.get(depth=2, locale__language_code="en").specific
    page.title = "Home, reworded"
    page.save_revision(user=editor)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your editorial tasks" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "No page awaits your review." in html
