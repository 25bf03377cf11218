"""The HR board at scale: the stored ``superseded`` flag kept by the services, the
status filter as a plain WHERE that agrees with Python, cached counts that a change
refreshes, a paginator that never counts the board and keeps the filters across
pages, exports without model instances, and the eligible-workers page at a fixed
number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms import providers
from lms.certification import selectors
from lms.certification.selectors import certificate_cells, export_rows
from lms.certification.services.certificates import (
    certificate_renew,
    certificate_revoke,
)
from lms.errors import DomainError
from lms.models import CertificateStatus, SkillCertificate
from tests.lms.certification.factories import (
    LevelRequirementFactory,
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, MembershipFactory, OccupationFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def enterprise():
    return EnterpriseFactory()


@pytest.fixture
def hr(enterprise):
    return hr_of(enterprise)


def test_renewal_marks_the_old_certificate_superseded_once(
    django_capture_on_commit_callbacks,
):
    """The renewal service stores ``superseded`` in its own transaction; a second
    renewal of the same certificate is refused and changes nothing."""
    old = SkillCertificateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_renew(
            actor=officer(), certificate=old, number="R-1", issued_on=TODAY,
            valid_until=days(3 * 365),
        )  # fmt: skip
    old.refresh_from_db()
    assert old.superseded and old.status == CertificateStatus.SUPERSEDED
    assert not new.superseded and new.status == CertificateStatus.VALID
    with pytest.raises(DomainError):
        certificate_renew(
            actor=officer(), certificate=old, number="R-2", issued_on=TODAY,
            valid_until=None,
        )  # fmt: skip
    assert SkillCertificate.objects.filter(replaces=old).count() == 1


def _one_of_each_status(holder):
    return {
        CertificateStatus.VALID: SkillCertificateFactory(
            holder=holder, valid_until=days(400)
        ),
        CertificateStatus.EXPIRING: SkillCertificateFactory(
            holder=holder, valid_until=days(20)
        ),
        CertificateStatus.EXPIRED: SkillCertificateFactory(
            holder=holder, valid_until=days(-1)
        ),
        CertificateStatus.SUSPENDED: SkillCertificateFactory(
            holder=holder, suspended=True
        ),
        CertificateStatus.REVOKED: SkillCertificateFactory(holder=holder, revoked=True),
        CertificateStatus.SUPERSEDED: SkillCertificateFactory(
            holder=holder, superseded=True
        ),
    }


@pytest.mark.parametrize("status", CertificateStatus.values)
def test_board_status_filter_finds_exactly_that_status(enterprise, hr, status):
    """The board's filter (a WHERE from the one rule set) and Python agree."""
    made = _one_of_each_status(worker_of(enterprise))
    found = selectors.board_certificates(
        user=hr, filters=selectors.BoardFilters(status=status)
    )
    assert [c.pk for c in found] == [made[status].pk]
    assert all(c.status == status for c in found)


def test_board_counts_come_from_the_cache_until_a_certificate_changes(
    enterprise, hr, django_capture_on_commit_callbacks
):
    """Counts are cached per filters; revoking through the service (on commit)
    makes them be counted again."""
    certificate = SkillCertificateFactory(
        holder=worker_of(enterprise), valid_until=days(400)
    )
    filters = selectors.BoardFilters(status="valid")

    def counts():
        qs = selectors.board_certificates(user=hr, filters=filters)
        return selectors.board_counts_cached(
            user=hr, filters=filters, certificates=qs
        ).total

    assert counts() == 1
    SkillCertificate.objects.filter(pk=certificate.pk).update(revoked=True)
    assert counts() == 1  # changed behind the services' back: still cached
    SkillCertificate.objects.filter(pk=certificate.pk).update(revoked=False)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(actor=officer(), certificate=certificate, reason="Fraud")
    assert counts() == 0


def test_board_counts_are_counted_again_when_a_worker_joins(enterprise, hr):
    """The key holds a fingerprint of the HR's memberships."""
    outsider = SkillCertificateFactory().holder
    filters = selectors.BoardFilters()
    qs = selectors.board_certificates(user=hr, filters=filters)
    assert (
        selectors.board_counts_cached(user=hr, filters=filters, certificates=qs).total
        == 0
    )
    MembershipFactory(user=outsider, enterprise=enterprise)
    qs = selectors.board_certificates(user=hr, filters=filters)
    assert (
        selectors.board_counts_cached(user=hr, filters=filters, certificates=qs).total
        == 1
    )


def test_board_page_does_not_count_the_board_and_says_the_total(client, enterprise, hr):
    """The paginator takes the counts' total: no COUNT(*) over the certificates."""
    holder = worker_of(enterprise)
    for _ in range(3):
        SkillCertificateFactory(holder=holder)
    client.force_login(hr)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("certification:board"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3
    assert not [
        q
        for q in queries.captured_queries
        if '"__count"' in q["sql"] and "lms_skillcertificate" in q["sql"]
    ]


def test_board_pages_keep_the_filters_and_say_which_rows_they_show(
    client, enterprise, hr, monkeypatch
):
    """Page 2 of a filtered board (2 rows a page here): "Showing 3–4 of 5", in
    both languages; every pager link and the page-number form keep the filter, and
    the Excel button posts it."""
    from lms.certification.views import board

    monkeypatch.setattr(board, "BOARD_ROWS_PER_PAGE", 2)
    holder = worker_of(enterprise)
    for _ in range(5):
        SkillCertificateFactory(holder=holder, level=3)
    SkillCertificateFactory(holder=holder, level=4)
    client.force_login(hr)
    body = client.get(reverse("certification:board"), {"level": 3, "page": 2})
    html = body.content.decode()
    assert "Showing 3–4 of 5 certificates" in html
    for page in (1, 3):
        assert f'href="?level=3&amp;page={page}"' in html
    assert html.count('<input type="hidden" name="level" value="3">') == 2
    assert len(body.context["page"].object_list) == 2
    chinese = client.get("/zh-hans" + reverse("certification:board"), {"level": 3})
    assert "第 1–2 张，共 5 张证书" in chinese.content.decode()


def test_board_search_finds_people_and_numbers(enterprise, hr):
    """By name, e-mail, employee number or certificate number, own workers only."""
    mine = SkillCertificateFactory(
        holder=worker_of(enterprise, "EMP-7", display_name="Wang Fang"), number="N-77"
    )
    SkillCertificateFactory(holder=worker_of(EnterpriseFactory(), "EMP-7"))
    for q in ("wang", mine.holder.email.upper(), "emp-7", "n-77"):
        found = selectors.board_certificates(
            user=hr, filters=selectors.BoardFilters(q=q)
        )
        assert [c.pk for c in found] == [mine.pk], q


def test_export_rows_are_the_cells_of_each_certificate(enterprise, hr):
    """The export reads plain values, yet writes what ``certificate_cells`` writes
    from the model (formulas quoted, the holder's name rule, the status)."""
    SkillCertificateFactory(
        holder=worker_of(enterprise, "=E1", display_name="=cmd()"), number="+N1"
    )
    SkillCertificateFactory(
        holder=worker_of(enterprise, email="gone@erased.invalid"), revoked=True
    )
    qs = selectors.board_certificates(user=hr, filters=selectors.BoardFilters())
    assert list(export_rows(qs)) == [certificate_cells(c) for c in qs]


@pytest.fixture
def eligible_setup(enterprise):
    occupation = OccupationFactory()
    LevelRequirementFactory(occupation=occupation, level=3)  # 四级

    def add_worker():
        worker = worker_of(enterprise)
        SkillCertificateFactory(holder=worker, occupation=occupation, level=2)
        return worker

    return add_worker


def test_eligible_page_costs_the_same_queries_for_1_or_many_workers(
    client, hr, eligible_setup
):
    """The ladders of the whole page come from the providers' batch forms."""
    client.force_login(hr)
    url = reverse("certification:eligible")
    first = eligible_setup()
    client.get(url)  # warm the session and role caches
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert [p.pk for p, _step in response.context["rows"]] == [first.pk]
    for _ in range(6):
        eligible_setup()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["rows"]) == 7
    assert len(many) == len(one) <= 21  # 21: with the inbox's unread count


def test_eligible_page_pages_through_the_workers(
    client, hr, eligible_setup, monkeypatch
):
    monkeypatch.setattr(selectors, "ELIGIBLE_WORKERS_PER_PAGE", 2)
    workers = sorted(
        (eligible_setup() for _ in range(3)), key=lambda w: (w.display_name, w.pk)
    )
    client.force_login(hr)
    response = client.get(reverse("certification:eligible"), {"page": 2})
    assert [p.pk for p, _step in response.context["rows"]] == [workers[2].pk]


def test_mentorship_and_courses_batch_providers_match_the_per_person_ones():
    """The batch forms the apps register answer what the per-person ones do."""
    from tests.mentorship.factories import GuidanceSessionFactory, MilestoneFactory

    session = GuidanceSessionFactory(status="confirmed", minutes=95)
    apprentice = session.agreement.apprentice
    GuidanceSessionFactory(agreement=session.agreement, status="confirmed", minutes=50)
    GuidanceSessionFactory(agreement=session.agreement, minutes=60)  # not confirmed
    MilestoneFactory(
        agreement=session.agreement,
        signed_off_at=datetime.datetime.now(datetime.UTC),
        signed_off_by=session.mentor,
        evidence="Welded the test piece.",
    )
    people = [apprentice, session.mentor, SkillCertificateFactory().holder]
    hours = providers.training_hours_many(people)
    signoffs = providers.mentor_signoffs_many(people)
    courses = providers.completed_courses_many(people)
    for person in people:
        assert hours[person.pk] == providers.training_hours(person)
        assert signoffs[person.pk] == providers.mentor_signoffs(person)
        assert courses[person.pk] == providers.completed_courses(person)
    assert hours[apprentice.pk] == Decimal("2.4")  # 1.6 + 0.8, rounded per session
    assert signoffs[apprentice.pk]
