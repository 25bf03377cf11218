"""Enterprises, memberships and roles keep their invariants."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from lms.errors import DomainError
from lms.models import Membership
from lms.roles import Role
from lms.services.accounts import membership_add
from tests.lms.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group_after_migrate():
    assert set(Role.values) <= set(Group.objects.values_list("name", flat=True))


def test_admin_roles_may_open_the_admin_by_permission():
    admin_roles = (Role.HR, Role.EDITOR, Role.MODERATOR, Role.OFFICER, Role.COORDINATOR)
    for role in (*admin_roles, Role.ORGANISER):
        group = Group.objects.get(name=role)
        assert group.permissions.filter(codename="access_admin").exists(), role
    assert not Group.objects.get(name=Role.LEARNER).permissions.exists()


def test_enterprise_with_a_bad_credit_code_does_not_validate():
    enterprise = EnterpriseFactory.build(credit_code="91110000ABCDEFGHJ0")
    with pytest.raises(ValidationError) as error:
        enterprise.full_clean(exclude=["industry"])
    assert "credit_code" in error.value.message_dict


def test_employee_numbers_are_unique_within_an_enterprise():
    enterprise = EnterpriseFactory()
    membership_add(user=UserFactory(), enterprise=enterprise, employee_number="E1")
    with pytest.raises(DomainError):
        membership_add(user=UserFactory(), enterprise=enterprise, employee_number="E1")
    assert Membership.objects.filter(enterprise=enterprise).count() == 1


def test_the_same_employee_number_may_exist_in_two_enterprises():
    membership_add(
        user=UserFactory(), enterprise=EnterpriseFactory(), employee_number="7"
    )
    membership_add(
        user=UserFactory(), enterprise=EnterpriseFactory(), employee_number="7"
    )
    assert Membership.objects.filter(employee_number="7").count() == 2


def test_making_someone_hr_of_an_enterprise_grants_the_hr_role():
    person = UserFactory()
    membership_add(user=person, enterprise=EnterpriseFactory(), role="hr")
    assert person.groups.filter(name=Role.HR).exists()


def test_occupations_and_industries_are_named_in_the_readers_language():
    from django.utils import translation

    from tests.lms.factories import OccupationFactory

    welder = OccupationFactory(name="Welder", name_zh="焊工")
    welder.industry.name_zh = "汽车制造"
    with translation.override("zh-hans"):
        assert str(welder) == "焊工"
        assert str(welder.industry) == "汽车制造"
    with translation.override("en"):
        assert str(welder) == "Welder"
