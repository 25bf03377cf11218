"""API tokens: only for people who meet their role's two-factor rule; shown once,
stored as a digest, expiring, revocable, last use noted; every issue and revocation
audited. HR manage theirs on a page."""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from lms.errors import PermissionDenied
from lms.models import ApiToken, AuditEvent
from lms.services.tokens import api_token_issue, api_token_revoke
from tests.lms.certification.factories import hr_of
from tests.lms.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr():
    return hr_of(EnterpriseFactory())


def read_api(client, key):
    return client.get(reverse("api:certificates"), HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_of_hr_without_an_authenticator_is_refused_with_a_reason(client, hr):
    """The finding: HR refused every page without two-factor read the API."""
    _token, key = api_token_issue(user=hr, name="Payroll", days=30)
    assert read_api(client, key).status_code == 200
    Authenticator.objects.filter(user=hr).delete()
    response = read_api(client, key)
    assert response.status_code == 401
    assert "two-factor" in response.json()["detail"]


def test_hr_without_an_authenticator_cannot_make_a_token(hr):
    Authenticator.objects.filter(user=hr).delete()
    with pytest.raises(PermissionDenied):
        api_token_issue(user=hr, name="Payroll", days=30)
    assert not ApiToken.objects.exists()


def test_only_a_digest_of_the_key_is_stored(hr):
    token, key = api_token_issue(user=hr, name="Payroll", days=30)
    stored = ApiToken.objects.values()
    assert not any(key in str(value) for row in stored for value in row.values())
    assert token.prefix == key[:8]


def test_expired_and_revoked_tokens_are_refused(client, hr):
    expired, old_key = api_token_issue(user=hr, name="Old", days=30)
    ApiToken.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert read_api(client, old_key).status_code == 401
    token, key = api_token_issue(user=hr, name="Payroll", days=30)
    api_token_revoke(actor=hr, token=token)
    assert read_api(client, key).status_code == 401


def test_use_is_noted_and_issue_and_revocation_are_audited(client, hr):
    token, key = api_token_issue(user=hr, name="Payroll", days=90)
    read_api(client, key)
    token.refresh_from_db()
    assert token.last_used_at is not None
    api_token_revoke(actor=hr, token=token)
    events = AuditEvent.objects.filter(actor=hr).order_by("at", "id")
    assert [e.action for e in events] == ["token.issue", "token.revoke"]
    assert events[0].data["name"] == "Payroll"


def test_hr_make_a_token_on_their_page_and_see_it_once(client, hr):
    client.force_login(hr)
    url = reverse("lms:api_tokens")
    response = client.post(url, {"name": "Payroll sync", "days": "90"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key in response.text and response["Cache-Control"] == "no-store"
    again = client.get(url)
    assert "Payroll sync" in again.text and key not in again.text
    assert read_api(client, key).status_code == 200


def test_a_bad_lifetime_is_a_field_error_and_makes_nothing(client, hr):
    client.force_login(hr)
    response = client.post(reverse("lms:api_tokens"), {"name": "x", "days": "9999"})
    assert response.status_code == 400
    assert "days" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_hr_revoke_their_own_token_only(client, hr):
    mine, _key = api_token_issue(user=hr, name="Mine", days=30)
    other = hr_of(EnterpriseFactory())
    theirs, _key = api_token_issue(user=other, name="Theirs", days=30)
    client.force_login(hr)
    response = client.post(reverse("lms:api_token_revoke", args=[theirs.pk]))
    assert response.status_code == 404
    client.post(reverse("lms:api_token_revoke", args=[mine.pk]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked_at is not None and theirs.revoked_at is None


def test_a_learner_has_no_tokens_page(client, learner):
    client.force_login(learner)
    assert client.get(reverse("lms:api_tokens")).status_code == 403
