"""Union coordinators keep only their unions' enterprises and memberships; nobody
grants a membership or a role to themselves; every membership change is audited
with the person who made it and their address."""

import pytest
from django.urls import reverse

from lms.errors import PermissionDenied
from lms.models import AuditEvent, Enterprise, Membership
from lms.roles import Role
from lms.services.accounts import membership_add, role_grant
from tests.lms.factories import (
    EnterpriseFactory,
    MembershipFactory,
    TradeUnionFactory,
    UserFactory,
)
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def union():
    return TradeUnionFactory()


@pytest.fixture
def coordinator(client, union):
    user = give_totp(UserFactory(roles=[Role.COORDINATOR]))
    union.coordinators.add(user)
    client.force_login(user)
    return user


@pytest.fixture
def ours(union):
    return EnterpriseFactory(union=union)


@pytest.fixture
def theirs():
    return EnterpriseFactory(union=TradeUnionFactory())


def membership_form(membership=None, **change):
    data = {"user": "", "enterprise": "", "role": "worker", "employee_number": ""}
    if membership is not None:
        data.update(
            user=membership.user_id,
            enterprise=membership.enterprise_id,
            role=membership.role,
            employee_number=membership.employee_number,
        )
    return {**data, **change}


def test_coordinator_cannot_move_hr_into_another_unions_enterprise(
    client, coordinator, ours, theirs
):
    """The finding: HR of A moved into B, whose board export then grew."""
    hr = MembershipFactory(enterprise=ours, role="hr")
    url = reverse("membership:edit", args=[hr.pk])
    response = client.post(url, membership_form(hr, enterprise=theirs.pk))
    assert response.status_code == 200
    assert "enterprise" in response.context["form"].errors
    hr.refresh_from_db()
    assert hr.enterprise == ours
    assert not AuditEvent.objects.exists()


def test_another_unions_memberships_and_enterprises_are_not_found(
    client, coordinator, theirs
):
    other = MembershipFactory(enterprise=theirs)
    assert client.get(reverse("membership:edit", args=[other.pk])).status_code == 404
    assert client.get(reverse("enterprise:edit", args=[theirs.pk])).status_code == 404
    listed = client.get(reverse("membership:index")).context["object_list"]
    assert other not in listed


def test_coordinator_cannot_make_themselves_manager(client, coordinator, ours):
    response = client.post(
        reverse("membership:add"),
        membership_form(user=coordinator.pk, enterprise=ours.pk, role="manager"),
    )
    assert response.status_code == 200
    assert "user" in response.context["form"].errors
    assert not Membership.objects.filter(user=coordinator).exists()


def test_the_services_refuse_self_grants_and_other_unions(coordinator, ours, theirs):
    with pytest.raises(PermissionDenied):
        membership_add(user=coordinator, enterprise=ours, actor=coordinator)
    with pytest.raises(PermissionDenied):
        role_grant(user=coordinator, role=Role.OFFICER, actor=coordinator)
    with pytest.raises(PermissionDenied):
        membership_add(user=UserFactory(), enterprise=theirs, actor=coordinator)
    assert not Membership.objects.exists()


def test_coordinator_cannot_file_an_enterprise_under_another_union(
    client, coordinator, ours, theirs
):
    url = reverse("enterprise:edit", args=[ours.pk])
    data = {
        "name": ours.name,
        "credit_code": ours.credit_code,
        "industry": ours.industry_id,
        "region": ours.region,
        "union": theirs.union_id,
    }
    response = client.post(url, data)
    assert "union" in response.context["form"].errors
    assert (
        Enterprise.objects.get(pk=ours.pk).union_id
        == coordinator.coordinated_unions.get().pk
    )


def test_coordinator_cannot_add_themselves_to_a_union(client, coordinator, theirs):
    form = client.get(reverse("tradeunion:add")).context["form"]
    assert "coordinators" not in form.fields


def test_adding_and_removing_a_membership_is_audited_with_the_address(
    client, coordinator, ours, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    worker = UserFactory()
    proxy = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    response = client.post(
        reverse("membership:add"),
        membership_form(user=worker.pk, enterprise=ours.pk, employee_number="W-1"),
        **proxy,
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=worker)
    client.post(reverse("membership:delete", args=[membership.pk]), **proxy)
    assert not Membership.objects.filter(user=worker).exists()
    events = AuditEvent.objects.order_by("at", "id")
    assert [e.action for e in events] == ["membership.add", "membership.remove"]
    assert {(e.actor, e.subject, e.enterprise, e.ip_address) for e in events} == {
        (coordinator, worker, ours, "203.0.113.7")
    }
