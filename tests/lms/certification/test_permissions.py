"""The certificate policy (lms/certification/permissions.py): for every role and
action, the yes/no answer on a certificate and the queryset come from one rule and
agree; holders, HR, officers and the HR systems' API each see what they should."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from lms import permissions
from lms.certification.permissions import certificate_policy
from lms.models import SkillCertificate
from lms.roles import Role
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, UserFactory
from tests.lms.helpers import policy_disagreements


@pytest.fixture
def world(db):
    """Enterprises A and B, a certificate of a worker of each and one of a person
    of no enterprise; HR of A (who holds a certificate too) and of B, an officer,
    staff, a learner and a mentor with none."""
    a, b = EnterpriseFactory(), EnterpriseFactory()
    users = {
        "anonymous": AnonymousUser(),
        "holder_a": worker_of(a),
        "holder_b": worker_of(b),
        "loner": UserFactory(roles=[Role.LEARNER]),
        "hr_a": hr_of(a),
        "hr_b": hr_of(b),
        "officer": officer(),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "mentor": UserFactory(roles=[Role.MENTOR]),
        "inactive_officer": UserFactory(roles=[Role.OFFICER], is_active=False),
    }
    for holder in ("holder_a", "holder_b", "loner", "hr_a"):
        SkillCertificateFactory(holder=users[holder])
    return users


def _fresh(user):
    return type(user).objects.get(pk=user.pk) if user.pk else user


def _holders(user, action) -> set[str]:
    return {
        c.holder.display_name
        for c in certificate_policy.instances_user_has_permission_for(
            _fresh(user), action
        )
    }


def test_the_certificate_model_is_registered_with_its_policy(world):
    assert permissions.policy_for(SkillCertificate) is certificate_policy


def test_yes_no_answer_and_queryset_agree_for_every_role_and_action(world):
    wrong, checked = policy_disagreements(certificate_policy, world)
    assert wrong == []
    assert checked == len(certificate_policy.actions()) * len(world) >= 60


def test_holders_hr_and_officers_see_what_they_should(world):
    """The holder sees their own; HR their enterprise's workers' and their own;
    officers and staff all; HR's history and board are their people's only."""
    name = {k: u.display_name for k, u in world.items() if k != "anonymous"}
    assert _holders(world["holder_a"], "view") == {name["holder_a"]}
    assert _holders(world["hr_a"], "view") == {name["holder_a"], name["hr_a"]}
    assert _holders(world["hr_b"], "view_history") == {name["holder_b"]}
    assert len(_holders(world["officer"], "view")) == 4
    assert _holders(world["holder_a"], "view_history") == set()
    assert _holders(world["inactive_officer"], "view") == set()


def test_record_revoke_and_import_are_for_officers_and_staff(world):
    for action in ("record", "revoke", "import"):
        allowed = {
            role
            for role, u in world.items()
            if certificate_policy.user_has_permission(u, action)
        }
        assert allowed == {"officer", "staff"}, action


def test_the_api_is_for_hr_only_and_their_workers(world):
    """An officer sees every certificate on the board but has no API; HR of B
    reads B's worker's certificates through it."""
    assert not certificate_policy.user_has_permission(_fresh(world["officer"]), "api")
    assert _holders(world["hr_b"], "api") == {world["holder_b"].display_name}


def test_questions_on_a_fetched_certificate_cost_one_query_at_most(
    world, django_assert_max_num_queries
):
    """HR's people are read once per request, whatever the number of questions
    and certificates asked about."""
    hr = _fresh(world["hr_a"])
    permissions.roles_of(hr)
    permissions.hr_enterprise_ids(hr)
    records = list(SkillCertificate.objects.all())
    with django_assert_max_num_queries(1):
        for certificate in records:
            for action in ("view", "view_history", "revoke", "api"):
                certificate_policy.user_has_permission_for_instance(
                    hr, action, certificate
                )
