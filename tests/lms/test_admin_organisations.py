"""Coordinators keep enterprises and unions in the Wagtail admin; others may not."""

import pytest
from django.urls import reverse

from lms.models import Enterprise
from lms.roles import Role
from tests.lms.factories import (
    IndustryFactory,
    TradeUnionFactory,
    UserFactory,
    valid_credit_code,
)
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = give_totp(UserFactory(roles=[Role.COORDINATOR]))
    TradeUnionFactory().coordinators.add(user)
    client.force_login(user)
    return user


def enterprise_form(**change):
    return {
        "name": "Xianyang Winding Machines Co.",
        "credit_code": valid_credit_code(4242),
        "industry": IndustryFactory().pk,
        "region": "Shaanxi",
        "union": "",
        **change,
    }


def test_coordinator_adds_an_enterprise_to_their_union(client, coordinator):
    union = coordinator.coordinated_unions.get()
    response = client.post(reverse("enterprise:add"), enterprise_form(union=union.pk))
    assert response.status_code == 302
    assert Enterprise.objects.filter(name="Xianyang Winding Machines Co.").exists()


def test_a_bad_credit_code_is_shown_beside_the_field_and_nothing_is_saved(
    client, coordinator
):
    response = client.post(
        reverse("enterprise:add"), enterprise_form(credit_code="91610000ABCDEFGHJK")
    )
    assert response.status_code == 200
    assert "credit_code" in response.context["form"].errors
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize("role", [Role.HR, Role.EDITOR, Role.LEARNER])
def test_other_roles_cannot_add_enterprises(client, role):
    client.force_login(give_totp(UserFactory(roles=[role])))
    response = client.post(reverse("enterprise:add"), enterprise_form())
    assert response.status_code in (302, 403)
    assert not Enterprise.objects.exists()
