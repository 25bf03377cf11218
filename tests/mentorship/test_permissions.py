"""The permission matrix: every page and action of the mentorship app against every
role, with the status code each must get. Each row builds the world once and rolls
back after every role's request, so a POST by one role never affects the next."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from lms.roles import Role
from mentorship.models import (
    Agreement,
    AgreementSignature,
    GuidanceSessionPhoto,
    ServiceRequest,
    ServiceRequestAttachment,
)
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

from .factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    MilestoneFactory,
    ServiceRequestFactory,
    coordinator,
    mentor,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "anon",
    "learner",
    "apprentice",
    "mentor",
    "other_mentor",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "staff",
]


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    return SimpleUploadedFile("p.png", buffer.getvalue(), "image/png")


@pytest.fixture
def world():
    enterprise_a, enterprise_b = EnterpriseFactory(), EnterpriseFactory()
    people = {
        "learner": UserFactory(roles=[Role.LEARNER]),
        "mentor": mentor(),
        "other_mentor": mentor(),
        "coordinator": coordinator(),
        "editor": give_totp(UserFactory(roles=[Role.EDITOR])),
        "moderator": give_totp(UserFactory(roles=[Role.MODERATOR])),
        "officer": give_totp(UserFactory(roles=[Role.OFFICER])),
        "staff": give_totp(UserFactory(is_superuser=True, is_staff=True)),
    }
    for key, enterprise in (("hr_a", enterprise_a), ("hr_b", enterprise_b)):
        people[key] = give_totp(UserFactory(roles=[Role.HR]))
        MembershipFactory(user=people[key], enterprise=enterprise, role="hr")
    agreement = AgreementFactory(
        mentor=people["mentor"],
        coordinator=people["coordinator"],
        enterprise=enterprise_a,
    )
    people["apprentice"] = agreement.apprentice
    AgreementFactory(mentor=people["other_mentor"])  # their own, unrelated
    session = GuidanceSessionFactory(agreement=agreement)
    photo = GuidanceSessionPhoto.objects.create(session=session, image=_png())
    milestone = MilestoneFactory(
        agreement=agreement,
        evidence_file=SimpleUploadedFile("e.pdf", b"%PDF-1.4", "application/pdf"),
    )
    trade = MentorTradeFactory(user=people["mentor"])
    request = ServiceRequestFactory(
        enterprise=enterprise_a,
        posted_by=people["hr_a"],
        occupation=trade.occupation,
        status=ServiceRequest.Status.PUBLISHED,
    )
    attachment = ServiceRequestAttachment.objects.create(
        request=request,
        file=SimpleUploadedFile("a.pdf", b"%PDF-1.4", "application/pdf"),
        original_name="a.pdf",
    )
    return {
        "people": people,
        "agreement": agreement,
        "session": session,
        "photo": photo,
        "milestone": milestone,
        "request": request,
        "attachment": attachment,
    }


# --- row setups ----------------------------------------------------------------


def _agreement_status(status):
    def setup(w):
        Agreement.objects.filter(pk=w["agreement"].pk).update(status=status)

    return setup


def _both_signed(w):
    agreement = w["agreement"]
    Agreement.objects.filter(pk=agreement.pk).update(
        status=Agreement.Status.AWAITING_SIGNATURES
    )
    AgreementSignature.objects.create(
        agreement=agreement, party="mentor", signer=agreement.mentor
    )
    AgreementSignature.objects.create(
        agreement=agreement, party="apprentice", signer=agreement.apprentice
    )


def _request_status(status):
    def setup(w):
        assigned = w["people"]["mentor"] if status in ("assigned", "closed") else None
        ServiceRequest.objects.filter(pk=w["request"].pk).update(
            status=status, assigned_mentor=assigned
        )

    return setup


# --- expected codes ------------------------------------------------------------

NOT_SIGNED_IN = {"anon": 302}


def expect(default: int, **codes: int) -> dict[str, int]:
    """Status per role: ``default`` for signed-in roles not named."""
    table = {role: default for role in ROLES}
    table.update(NOT_SIGNED_IN)
    table.update(codes)
    return table


ALL = expect(200)
VIEWERS = expect(404, apprentice=200, mentor=200, hr_a=200, coordinator=200, staff=200)


def viewers(ok: int, *allowed: str) -> dict[str, int]:
    """Agreement actions: ``allowed`` roles get ``ok``, other viewers 403, the rest
    (who cannot see the agreement) 404."""
    codes = {r: 403 for r in ("apprentice", "mentor", "hr_a", "coordinator", "staff")}
    codes.update({r: ok for r in allowed})
    return expect(404, **codes)


REQUEST_VIEWERS = ("mentor", "hr_a", "coordinator", "staff")


def request_viewers(ok: int, *allowed: str, seen_by=REQUEST_VIEWERS) -> dict:
    codes = {r: 403 for r in seen_by}
    codes.update({r: ok for r in allowed})
    return expect(404, **codes)


a, s, m, r = "agreement", "session", "milestone", "request"
ROWS = [
    # (url name, object for the id, method, POST data, setup, expected)
    ("mine", None, "get", None, None, ALL),
    (
        "mentor_dashboard",
        None,
        "get",
        None,
        None,
        expect(403, mentor=200, other_mentor=200),
    ),
    ("agreement_list", None, "get", None, None, ALL),
    (
        "agreement_create",
        None,
        "get",
        None,
        None,
        expect(403, coordinator=200, staff=200),
    ),
    ("agreement_detail", a, "get", None, None, VIEWERS),
    ("agreement_progress", a, "get", None, None, VIEWERS),
    ("agreement_print", a, "get", None, None, VIEWERS),
    ("agreement_pdf", a, "get", None, None, VIEWERS),
    (
        "agreement_edit",
        a,
        "get",
        None,
        _agreement_status("draft"),
        viewers(200, "coordinator", "staff"),
    ),
    (
        "agreement_send",
        a,
        "post",
        {},
        _agreement_status("draft"),
        viewers(302, "coordinator", "staff"),
    ),
    (
        "agreement_sign",
        a,
        "post",
        {},
        _agreement_status("awaiting"),
        viewers(302, "mentor", "apprentice"),
    ),
    (
        "agreement_approve",
        a,
        "post",
        {},
        _both_signed,
        viewers(302, "coordinator", "staff"),
    ),
    (
        "agreement_complete",
        a,
        "post",
        {},
        None,
        viewers(302, "mentor", "coordinator", "staff"),
    ),
    (
        "agreement_terminate",
        a,
        "get",
        None,
        None,
        viewers(200, "coordinator", "staff"),
    ),
    (
        "milestone_add",
        a,
        "get",
        None,
        None,
        viewers(200, "mentor", "coordinator", "staff"),
    ),
    ("milestone_sign_off", m, "get", None, None, viewers(200, "mentor")),
    ("milestone_evidence", m, "get", None, None, VIEWERS),
    ("session_log", a, "get", None, None, viewers(200, "mentor")),
    ("session_edit", s, "get", None, None, viewers(200, "mentor")),
    ("session_confirm", s, "post", {}, None, viewers(302, "apprentice")),
    ("session_dispute", s, "get", None, None, viewers(200, "apprentice")),
    ("session_photo", "photo", "get", None, None, VIEWERS),
    ("my_hours", None, "get", None, None, ALL),
    ("mentor_trades", None, "get", None, None, expect(403, coordinator=200, staff=200)),
    ("person_hours", "apprentice", "get", None, None, VIEWERS),
    ("hours_export", "apprentice", "get", None, None, VIEWERS),
    ("request_list", None, "get", None, None, ALL),
    ("request_create", None, "get", None, None, expect(403, hr_a=200, hr_b=200)),
    ("request_detail", r, "get", None, None, request_viewers(200, *REQUEST_VIEWERS)),
    (
        "request_attachment",
        "attachment",
        "get",
        None,
        None,
        request_viewers(200, *REQUEST_VIEWERS),
    ),
    (
        "request_publish",
        r,
        "post",
        {},
        _request_status("submitted"),
        request_viewers(
            302, "coordinator", "staff", seen_by=("hr_a", "coordinator", "staff")
        ),
    ),
    (
        "request_reject",
        r,
        "post",
        {"reason": "Not a union matter"},
        _request_status("submitted"),
        request_viewers(
            302, "coordinator", "staff", seen_by=("hr_a", "coordinator", "staff")
        ),
    ),
    (
        "request_cancel",
        r,
        "post",
        {"reason": "Solved ourselves"},
        _request_status("submitted"),
        request_viewers(302, "hr_a", seen_by=("hr_a", "coordinator", "staff")),
    ),
    ("request_offer", r, "post", {}, None, request_viewers(302, "mentor")),
    (
        "request_assign",
        r,
        "post",
        "mentor",
        None,
        request_viewers(302, "coordinator", "staff"),
    ),
    (
        "request_visit",
        r,
        "get",
        None,
        _request_status("assigned"),
        request_viewers(200, "mentor"),
    ),
    (
        "request_close",
        r,
        "post",
        {"solution": "Balanced the spindles"},
        _request_status("assigned"),
        request_viewers(302, "mentor"),
    ),
    (
        "request_confirm",
        r,
        "post",
        {"rating": "5"},
        _request_status("closed"),
        request_viewers(302, "hr_a"),
    ),
]


class _Rollback(Exception):
    pass


def _url(name, key, w):
    if key is None:
        return reverse(f"mentorship:{name}")
    obj = w["people"]["apprentice"] if key == "apprentice" else w[key]
    if name == "hours_export":
        return reverse(f"mentorship:{name}", args=(obj.pk, "csv"))
    return reverse(f"mentorship:{name}", args=(obj.pk,))


@pytest.mark.parametrize(
    "name, key, method, data, setup, expected", ROWS, ids=[row[0] for row in ROWS]
)
def test_permission_matrix(client, world, name, key, method, data, setup, expected):
    url = _url(name, key, world)
    if data == "mentor":
        data = {"mentor": world["people"]["mentor"].pk}
    got = {}
    for role in ROLES:
        try:
            with transaction.atomic():
                if setup:
                    setup(world)
                client.logout()
                if role != "anon":
                    client.force_login(world["people"][role])
                response = getattr(client, method)(url, data or {})
                got[role] = response.status_code
                raise _Rollback
        except _Rollback:
            pass
    assert got == expected


def test_the_matrix_covers_every_url_of_the_app():
    from mentorship.urls import urlpatterns

    assert {p.name for p in urlpatterns} == {row[0] for row in ROWS}


def test_other_mentors_agreement_id_is_not_found_and_unchanged(client, world):
    """Another mentor's agreement id in a URL is refused; nothing changes."""
    other = mentor()
    client.force_login(other)
    agreement = world["agreement"]
    assert (
        client.get(
            reverse("mentorship:agreement_detail", args=(agreement.pk,))
        ).status_code
        == 404
    )
    response = client.post(
        reverse("mentorship:agreement_complete", args=(agreement.pk,))
    )
    assert response.status_code == 404
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
