"""HR's invitations: made for their own enterprise with a role and employee number,
used once (or up to a count), withdrawn; the worker joins through the link or a
typed code after signing up or in. Refusals change nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.errors import DomainError, PermissionDenied
from lms.models import AuditEvent, Invitation, Membership
from lms.roles import Role
from lms.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
)
from tests.lms.factories import (
    EnterpriseFactory,
    InvitationFactory,
    MembershipFactory,
    TradeUnionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def join_url(invitation) -> str:
    return reverse("join:invitation", args=[invitation.code])


def test_hr_makes_an_invitation_and_sees_its_link_and_code(client, hr_user, enterprise):
    client.force_login(hr_user)
    response = client.post(
        reverse("lms:invitation_new"),
        {
            "enterprise": enterprise.pk,
            "invitee": "Zhang Wei",
            "role": "worker",
            "employee_number": "W-0042",
            "max_uses": 1,
            "days": 7,
        },
    )
    invitation = Invitation.objects.get()
    assert response["Location"] == reverse("lms:invitation", args=[invitation.pk])
    assert (invitation.enterprise, invitation.role) == (enterprise, "worker")
    assert invitation.employee_number == "W-0042" and invitation.is_pending
    page = client.get(response["Location"]).content.decode()
    assert "http://testserver" + join_url(invitation) in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITATION_CREATE, actor=hr_user, enterprise=enterprise
    ).exists()
    listing = client.get(reverse("lms:invitations")).content.decode()
    assert "Zhang Wei" in listing


def test_hr_cannot_invite_into_another_enterprise_nor_appoint_hr(hr_user, enterprise):
    other = EnterpriseFactory()
    with pytest.raises(PermissionDenied):
        invitation_create(actor=hr_user, enterprise=other)
    with pytest.raises(PermissionDenied):
        invitation_create(actor=hr_user, enterprise=enterprise, role="hr")
    assert not Invitation.objects.exists()


def test_a_coordinator_invites_hr_into_their_unions_enterprise():
    union = TradeUnionFactory()
    enterprise = EnterpriseFactory(union=union)
    coordinator = UserFactory(roles=[Role.COORDINATOR])
    union.coordinators.add(coordinator)
    invitation = invitation_create(actor=coordinator, enterprise=enterprise, role="hr")
    assert invitation.role == "hr"
    with pytest.raises(PermissionDenied):
        invitation_create(actor=coordinator, enterprise=EnterpriseFactory())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"employee_number": "W-1", "max_uses": 5}, "belongs to one person"),
        ({"employee_number": "TAKEN"}, "already used"),
        ({"days": 0}, "1 to 90 days"),
        ({"max_uses": 0}, "1 to 500 times"),
    ],
)
def test_bad_invitations_are_refused(hr_user, enterprise, kwargs, message):
    MembershipFactory(enterprise=enterprise, employee_number="TAKEN")
    with pytest.raises(DomainError, match=message):
        invitation_create(actor=hr_user, enterprise=enterprise, **kwargs)
    assert not Invitation.objects.exists()


def test_the_form_shows_bad_input_and_makes_nothing(client, hr_user, enterprise):
    client.force_login(hr_user)
    response = client.post(
        reverse("lms:invitation_new"),
        {
            "enterprise": enterprise.pk,
            "role": "worker",
            "max_uses": 3,
            "days": 7,
            "employee_number": "W-7",
        },
    )
    assert response.status_code == 400
    assert "belongs to one person" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_worker_joins_with_the_role_and_employee_number(client, enterprise):
    invitation = InvitationFactory(
        enterprise=enterprise, role="manager", employee_number="W-9"
    )
    worker = UserFactory()
    client.force_login(worker)
    page = client.get(join_url(invitation)).content.decode()
    assert "W-9" in page and enterprise.name in page
    response = client.post(join_url(invitation))
    assert response["Location"] == reverse("lms:dashboard")
    membership = Membership.objects.get(user=worker)
    assert (membership.enterprise, membership.role) == (enterprise, "manager")
    assert membership.employee_number == "W-9"
    assert membership.joined_on == timezone.localdate()
    invitation.refresh_from_db()
    assert invitation.uses == 1 and list(invitation.accepted_by.all()) == [worker]
    assert invitation.status == Invitation.Status.USED
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITATION_ACCEPT, actor=worker, subject=worker
    ).exists()


def test_a_visitor_is_offered_sign_up_and_sign_in_that_come_back_here(client):
    invitation = InvitationFactory()
    page = client.get(join_url(invitation)).content.decode()
    assert f"{reverse('account_signup')}?next=%2Fjoin%2F{invitation.code}%2F" in page
    assert f"{reverse('account_login')}?next=%2Fjoin%2F{invitation.code}%2F" in page
    response = client.post(join_url(invitation))
    assert response["Location"].startswith(reverse("account_login"))
    assert not Membership.objects.exists()


def _refusal_cases():
    past = timezone.now() - datetime.timedelta(minutes=1)
    return [
        ({"expires_at": past}, "expired"),
        ({"revoked_at": past}, "withdrawn"),
        ({"uses": 1}, "already been used"),
    ]


@pytest.mark.parametrize(("state", "message"), _refusal_cases())
def test_expired_withdrawn_and_used_invitations_are_refused(client, state, message):
    invitation = InvitationFactory(**state)
    worker = UserFactory()
    client.force_login(worker)
    assert message in client.get(join_url(invitation)).content.decode()
    response = client.post(join_url(invitation), follow=True)
    assert message in response.content.decode()
    assert not Membership.objects.filter(user=worker).exists()
    invitation.refresh_from_db()
    assert invitation.uses == state.get("uses", 0)


def test_joining_twice_is_refused_and_changes_nothing(client):
    """A double submit, or the same link opened again by a member."""
    invitation = InvitationFactory(max_uses=5)
    worker = UserFactory()
    invitation_accept(user=worker, code=invitation.code)
    with pytest.raises(DomainError, match="already a member"):
        invitation_accept(user=worker, code=invitation.code)
    invitation.refresh_from_db()
    assert invitation.uses == 1
    assert Membership.objects.filter(user=worker).count() == 1


def test_a_code_for_several_people_stops_at_its_count():
    invitation = InvitationFactory(max_uses=2)
    for _ in range(2):
        invitation_accept(user=UserFactory(), code=invitation.code.lower())
    with pytest.raises(DomainError, match="already been used"):
        invitation_accept(user=UserFactory(), code=invitation.code)
    assert Membership.objects.filter(enterprise=invitation.enterprise).count() == 2


def test_a_member_elsewhere_may_join_and_an_unknown_code_is_refused():
    worker = UserFactory()
    MembershipFactory(user=worker)
    invitation_accept(user=worker, code=InvitationFactory().code)
    assert worker.memberships.count() == 2
    with pytest.raises(DomainError, match="no invitation with this code"):
        invitation_accept(user=worker, code="NOPE2345")


def test_the_join_page_takes_a_typed_code_in_any_case_and_spacing(client):
    invitation = InvitationFactory(code="ABCD2345")
    response = client.post(reverse("join:enter"), {"code": " abcd-2345 "})
    assert response["Location"] == join_url(invitation)
    response = client.post(reverse("join:enter"), {"code": "WXYZ9999"})
    assert response.status_code == 400
    assert "no invitation with this code" in response.content.decode()


def test_hr_withdraws_an_invitation_after_a_confirm_page(client, hr_user, enterprise):
    invitation = InvitationFactory(enterprise=enterprise)
    client.force_login(hr_user)
    url = reverse("lms:invitation_revoke", args=[invitation.pk])
    assert "Withdraw the invitation" in client.get(url).content.decode()
    client.post(url)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITATION_REVOKE
    ).exists()
    with pytest.raises(DomainError):
        invitation_revoke(actor=hr_user, invitation=invitation)


def test_other_enterprises_invitations_are_not_found_and_workers_are_refused(
    client, hr_user
):
    theirs = InvitationFactory()
    client.force_login(hr_user)
    assert client.get(reverse("lms:invitation", args=[theirs.pk])).status_code == 404
    url = reverse("lms:invitation_revoke", args=[theirs.pk])
    assert client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_pending
    client.force_login(UserFactory(roles=[Role.LEARNER]))
    assert client.get(reverse("lms:invitations")).status_code == 403


def test_hr_dashboard_offers_invite_workers(client, hr_user, enterprise):
    InvitationFactory(enterprise=enterprise)
    client.force_login(hr_user)
    page = client.get(reverse("lms:dashboard")).content.decode()
    assert reverse("lms:invitation_new") in page
    assert "1</strong> <span>invitation waiting" in page


def test_a_worker_signs_up_by_phone_from_the_link_and_comes_back_to_join(client):
    """The journey without a browser: link → sign up with a number → code → back on
    the invitation → Join."""
    import re

    from lms.sms import backends as sms

    sms.outbox.clear()
    invitation = InvitationFactory(employee_number="W-77")
    client.post(
        f"{reverse('account_signup')}?next={join_url(invitation)}",
        {
            "display_name": "Zhao Lei",
            "phone": "13600136000",
            "password1": "strong-pass-4431",
            "password2": "strong-pass-4431",
            "preferred_language": "en",
            "next": join_url(invitation),
        },
    )
    code = re.search(r"\b(\d{6})\b", sms.outbox[-1].body).group(1)
    response = client.post(reverse("account_verify_phone"), {"code": code})
    assert response["Location"] == join_url(invitation)
    client.post(join_url(invitation))
    membership = Membership.objects.get(enterprise=invitation.enterprise)
    assert membership.user.phone == "+8613600136000"
    assert membership.employee_number == "W-77"
