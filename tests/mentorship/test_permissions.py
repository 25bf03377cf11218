"""The mentorship permission policies (mentorship/permissions.py): for every role and
every action, the yes/no answer on a record and the queryset come from one rule and
agree; the registry hands out the registered policy and refuses a second one."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from lms import permissions
from lms.models import Industry, Membership
from lms.roles import Role
from mentorship import permissions as mentorship_permissions
from mentorship.models import (
    Agreement,
    GuidanceSession,
    MentorTrade,
    Milestone,
    ServiceRequest,
)
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    MilestoneFactory,
    ServiceRequestFactory,
    coordinator,
    mentor,
)

POLICIES = {
    Agreement: mentorship_permissions.agreements,
    Milestone: mentorship_permissions.milestones,
    GuidanceSession: mentorship_permissions.sessions,
    ServiceRequest: mentorship_permissions.service_requests,
    MentorTrade: mentorship_permissions.mentor_trades,
}


@pytest.fixture
def world(db):
    """Two enterprises, one user per role, two agreements with a milestone and a
    session each, and service requests in several states (one a mentor's visit)."""
    a, b = EnterpriseFactory(), EnterpriseFactory()
    users = {
        "apprentice": UserFactory(roles=[Role.LEARNER]),
        "learner": UserFactory(roles=[Role.LEARNER]),
        "mentor": mentor(),
        "other_mentor": mentor(),
        "coordinator": coordinator(),
        "other_coordinator": coordinator(),
        "hr_a": UserFactory(roles=[Role.HR]),
        "manager_a": UserFactory(),
        "hr_b": UserFactory(roles=[Role.HR]),
        "editor": UserFactory(roles=[Role.EDITOR]),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "inactive_mentor": mentor(is_active=False),
    }
    MembershipFactory(user=users["hr_a"], enterprise=a, role=Membership.Role.HR)
    MembershipFactory(
        user=users["manager_a"], enterprise=a, role=Membership.Role.MANAGER
    )
    MembershipFactory(user=users["hr_b"], enterprise=b, role=Membership.Role.HR)
    ours = AgreementFactory(
        mentor=users["mentor"],
        apprentice=users["apprentice"],
        coordinator=users["coordinator"],
        enterprise=a,
    )
    theirs = AgreementFactory(mentor=users["other_mentor"], enterprise=b)
    AgreementFactory(
        mentor=users["inactive_mentor"], apprentice=users["learner"], enterprise=a
    )
    for agreement in (ours, theirs):
        MilestoneFactory(agreement=agreement)
        GuidanceSessionFactory(agreement=agreement)
    MentorTradeFactory(user=users["mentor"], occupation=ours.occupation)
    S = ServiceRequest.Status
    ServiceRequestFactory(enterprise=a, occupation=ours.occupation, status=S.PUBLISHED)
    ServiceRequestFactory(enterprise=a, occupation=ours.occupation, status=S.SUBMITTED)
    ServiceRequestFactory(enterprise=b, occupation=ours.occupation, status=S.PUBLISHED)
    visited = ServiceRequestFactory(
        enterprise=b, status=S.ASSIGNED, assigned_mentor=users["other_mentor"]
    )
    GuidanceSessionFactory(
        agreement=None, service_request=visited, mentor=users["other_mentor"]
    )
    return users


def _fresh(user):
    """The user as a new request would see it (no cached roles or trades)."""
    return type(user).objects.get(pk=user.pk)


def test_each_mentorship_model_is_registered_with_its_policy(world):
    """``policy_for`` hands out the policy MentorshipConfig.ready() registered."""
    for model, policy in POLICIES.items():
        assert permissions.policy_for(model) is policy
        assert policy.model is model


def test_yes_no_answer_and_queryset_agree_for_every_role_and_action(world):
    """For every role, action and record: the record is in the queryset exactly when
    the instance check says yes, and no permission at all means an empty queryset."""
    checked = 0
    for model, policy in POLICIES.items():
        records = list(model.objects.all())
        assert records, model
        for action in policy.actions():
            for role, user in world.items():
                user = _fresh(user)
                queryset = set(
                    policy.instances_user_has_permission_for(user, action).values_list(
                        "pk", flat=True
                    )
                )
                answers = {
                    r.pk
                    for r in records
                    if policy.user_has_permission_for_instance(user, action, r)
                }
                assert answers == queryset, (model.__name__, action, role)
                if not policy.user_has_permission(user, action):
                    assert not queryset, (model.__name__, action, role)
                checked += 1
    assert checked > 100


def test_answers_per_role_on_the_agreement(world):
    """The agreement's viewers are its parties, HR of its enterprise and staff; only
    its coordinator (and staff) manage it; an inactive user may do nothing."""
    agreement = Agreement.objects.get(mentor=world["mentor"])
    can = mentorship_permissions.agreements.user_has_permission_for_instance
    viewers = {r for r, u in world.items() if can(_fresh(u), "view", agreement)}
    assert viewers == {"apprentice", "mentor", "coordinator", "hr_a", "staff"}
    managers = {r for r, u in world.items() if can(_fresh(u), "manage", agreement)}
    assert managers == {"coordinator", "staff"}
    mine = Agreement.objects.get(mentor=world["inactive_mentor"])
    assert not can(world["inactive_mentor"], "view", mine)


def test_a_coordinator_sees_every_visit_but_only_their_agreements_sessions(world):
    """Coordinators see every service request, hence every visit; guidance sessions
    only of agreements they witness (not every session there is)."""
    user = _fresh(world["other_coordinator"])
    seen = mentorship_permissions.sessions.instances_user_has_permission_for(
        user, "view"
    )
    assert list(seen.values_list("agreement", flat=True)) == [None]


def test_instance_checks_on_a_fetched_agreement_cost_no_query(
    world, django_assert_num_queries
):
    """Asked several questions of an agreement it already holds, a page spends no
    query per question (the rule is evaluated in memory)."""
    user = _fresh(world["coordinator"])
    agreement = Agreement.objects.get(mentor=world["mentor"])
    permissions.roles_of(user)
    permissions.hr_enterprise_ids(user)
    with django_assert_num_queries(0):
        for action in ("view", "manage", "sign", "complete", "log_session"):
            permissions.user_can(user, action, agreement)


def test_a_second_policy_for_a_model_fails_at_start_up(db):
    """Registering another policy for a model that has one is refused loudly."""
    with pytest.raises(ImproperlyConfigured):
        permissions.register_policy(
            Agreement, mentorship_permissions.AgreementPolicy(Agreement)
        )


def test_a_model_without_policy_is_a_lookup_error(db):
    with pytest.raises(LookupError):
        permissions.policy_for(Industry)


def test_rules_the_instance_check_cannot_evaluate_are_refused(world):
    """A lookup other than exact/in/isnull, or ``in`` a queryset, raises instead of
    answering wrongly."""
    agreement = Agreement.objects.first()
    with pytest.raises(ValueError):
        permissions.q_matches(Q(mentor__username__startswith="x"), agreement)
    with pytest.raises(TypeError):
        permissions.q_matches(Q(pk__in=Agreement.objects.all()), agreement)
