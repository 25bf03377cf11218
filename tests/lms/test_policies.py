"""The policies of lms's own records (lms/policies.py) and the rule machinery of
lms/permissions.py: for every role and action, the yes/no answer on a record and
the queryset come from one rule and agree; coordinators keep their unions'
enterprises and memberships, never their own; HR invite into their enterprise;
staff decide erasure requests, never their own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from lms import permissions, policies
from lms.models import (
    ApiToken,
    AuditEvent,
    Enterprise,
    ErasureRequest,
    Membership,
    User,
)
from lms.roles import Role
from lms.services.tokens import api_token_issue
from tests.lms.certification.factories import SkillCertificateFactory
from tests.lms.factories import (
    EnterpriseFactory,
    InvitationFactory,
    MembershipFactory,
    TradeUnionFactory,
    UserFactory,
)
from tests.lms.helpers import give_totp, policy_disagreements

POLICIES = (
    policies.people,
    policies.unions,
    policies.enterprises,
    policies.memberships,
    policies.invitations,
    policies.erasure_requests,
    policies.audit_events,
    policies.api_tokens,
)


@pytest.fixture
def world(db):
    """Unions U (coordinated) and V; enterprises A (of U), B (of V) and C (of no
    union); a worker and HR in each of A and B, a manager of A; invitations,
    erasure requests (the worker's, staff's own), audit events of each kind and
    HR's API tokens."""
    union, other = TradeUnionFactory(), TradeUnionFactory()
    a = EnterpriseFactory(union=union)
    b = EnterpriseFactory(union=other)
    EnterpriseFactory()
    users = {
        "anonymous": AnonymousUser(),
        "worker_a": UserFactory(roles=[Role.LEARNER]),
        "worker_b": UserFactory(roles=[Role.LEARNER]),
        "manager_a": UserFactory(),
        "hr_a": give_totp(UserFactory(roles=[Role.HR])),
        "hr_b": give_totp(UserFactory(roles=[Role.HR])),
        "coordinator": UserFactory(roles=[Role.COORDINATOR]),
        "idle_coordinator": UserFactory(roles=[Role.COORDINATOR]),
        "officer": UserFactory(roles=[Role.OFFICER]),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "inactive_staff": UserFactory(
            is_staff=True, is_superuser=True, is_active=False
        ),
    }
    union.coordinators.add(users["coordinator"])
    for key, enterprise, role in (
        ("worker_a", a, "worker"),
        ("worker_b", b, "worker"),
        ("manager_a", a, "manager"),
        ("hr_a", a, "hr"),
        ("hr_b", b, "hr"),
        ("coordinator", a, "worker"),
    ):
        MembershipFactory(user=users[key], enterprise=enterprise, role=role)
    InvitationFactory(enterprise=a)
    InvitationFactory(enterprise=b)
    for person in ("worker_a", "staff"):
        ErasureRequest.objects.create(person=users[person], due_on="2026-12-31")
    certificate = SkillCertificateFactory(holder=users["worker_b"])
    A = AuditEvent.Action
    AuditEvent.objects.create(action=A.CERTIFICATE_REVOKE, certificate=certificate)
    AuditEvent.objects.create(action=A.CERTIFICATE_ISSUE)
    AuditEvent.objects.create(action=A.MEMBERSHIP_ADD, enterprise=a)
    AuditEvent.objects.create(action=A.ROLE_GRANT, subject=users["worker_b"])
    AuditEvent.objects.create(action=A.ERASURE_REQUEST, subject=users["staff"])
    for hr in ("hr_a", "hr_b"):
        api_token_issue(user=users[hr], name="HR system", days=30)
    return users


def _fresh(user):
    return type(user).objects.get(pk=user.pk) if user.pk else user


def test_each_lms_model_is_registered_with_its_policy(world):
    for policy in POLICIES:
        assert permissions.policy_for(policy.model) is policy


def test_yes_no_answer_and_queryset_agree_for_every_role_and_action(world):
    checked = 0
    for policy in POLICIES:
        wrong, count = policy_disagreements(policy, world)
        assert wrong == []
        checked += count
    actions = sum(len(policy.actions()) for policy in POLICIES)
    assert actions >= 14 and checked == actions * len(world)


def test_coordinators_keep_their_unions_enterprises_never_their_own_membership(
    world,
):
    coordinator = _fresh(world["coordinator"])
    kept = permissions.records_for(coordinator, "manage", Enterprise)
    assert [e.union.coordinators.get() for e in kept] == [world["coordinator"]]
    own = Membership.objects.get(user=world["coordinator"])
    assert permissions.user_can(coordinator, "view", own)
    assert not permissions.user_can(coordinator, "change", own)
    new = Membership(user=world["worker_b"], enterprise=own.enterprise)
    assert permissions.user_can(coordinator, "change", new)
    elsewhere = Membership(
        user=world["worker_a"], enterprise=world["hr_b"].enterprises.get()
    )
    assert not permissions.user_can(coordinator, "change", elsewhere)
    assert not permissions.user_may(
        _fresh(world["idle_coordinator"]), "manage", Enterprise
    )


def test_invitation_roles_hr_invites_workers_coordinators_appoint_hr(world):
    a = Enterprise.objects.get(memberships__user=world["hr_a"])
    b = Enterprise.objects.get(memberships__user=world["hr_b"])
    hr_a, coordinator = _fresh(world["hr_a"]), _fresh(world["coordinator"])
    assert policies.invitation_roles_for(hr_a, a) == ["worker", "manager"]
    assert policies.invitation_roles_for(hr_a, b) == []
    assert policies.invitation_roles_for(coordinator, a) == ["worker", "manager", "hr"]
    seen = permissions.records_for(hr_a, "view", policies.invitations.model)
    assert [i.enterprise for i in seen] == [a]


def test_erasure_and_persons_pages(world):
    """Staff erase and decide for others, never themselves; a person asks for
    their own erasure only (staff hand their account over first); HR see their
    enterprise's people's pages."""
    staff = _fresh(world["staff"])
    worker_a = _fresh(world["worker_a"])
    assert permissions.user_can(staff, "erase", worker_a)
    assert not permissions.user_can(staff, "erase", staff)
    deciding = permissions.records_for(staff, "decide", ErasureRequest)
    assert [r.person for r in deciding] == [world["worker_a"]]
    assert permissions.user_can(worker_a, "request_erasure", worker_a)
    assert not permissions.user_can(worker_a, "request_erasure", staff)
    assert not permissions.user_can(staff, "request_erasure", staff)
    seen = set(permissions.records_for(_fresh(world["hr_a"]), "view", User))
    assert seen == {world[k] for k in ("worker_a", "manager_a", "hr_a", "coordinator")}


def test_audit_trail_officers_read_certificates_hr_their_people(world):
    def actions(role):
        events = permissions.records_for(_fresh(world[role]), "view", AuditEvent)
        return sorted(events.values_list("action", flat=True))

    assert actions("officer") == ["certificate.issue", "certificate.revoke"]
    assert actions("hr_b") == ["role.grant", "token.issue"]
    assert actions("hr_a") == ["membership.add", "token.issue"]
    assert actions("worker_a") == []


def test_api_tokens_are_hrs_and_revoked_by_their_holder_or_staff(world):
    token = ApiToken.objects.get(user=world["hr_a"])
    assert permissions.user_may(_fresh(world["hr_a"]), "issue", ApiToken)
    assert not permissions.user_may(_fresh(world["officer"]), "issue", ApiToken)
    assert permissions.user_can(_fresh(world["hr_a"]), "revoke", token)
    assert not permissions.user_can(_fresh(world["hr_b"]), "revoke", token)
    assert permissions.user_can(_fresh(world["staff"]), "revoke", token)


def test_a_rule_through_a_key_reads_the_key_without_fetching(
    world, django_assert_num_queries
):
    """``enterprise__pk`` (``through`` a ``pk`` rule) is the record's own
    ``enterprise_id``: no query for the enterprise."""
    membership = Membership.objects.get(user=world["worker_a"])
    with django_assert_num_queries(0):
        assert permissions.q_matches(
            Q(enterprise__pk__in=[membership.enterprise_id]), membership
        )


def test_values_of_is_read_once_for_any_number_of_records(
    world, django_assert_num_queries
):
    """A rule ``in`` a marked queryset costs one query for many instance checks; an
    unmarked queryset is refused."""
    people = permissions.values_of(Membership.objects.values_list("user_id", flat=True))
    users = list(User.objects.all())
    with django_assert_num_queries(1):
        found = [u for u in users if permissions.q_matches(Q(pk__in=people), u)]
    assert len(found) == 6
    with pytest.raises(TypeError):
        permissions.q_matches(Q(pk__in=Membership.objects.values("user_id")), users[0])
