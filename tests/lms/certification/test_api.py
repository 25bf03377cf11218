"""The HR systems' API: token auth, one enterprise's workers only, filters,
one worker by employee number, the OpenAPI schema."""

import pytest
from django.urls import reverse

from lms.models import SkillLevel
from lms.services.tokens import api_token_issue
from tests.lms.certification.factories import SkillCertificateFactory, hr_of, worker_of
from tests.lms.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    _token, key = api_token_issue(user=hr, name="HR system", days=30)
    mine = SkillCertificateFactory(
        holder=worker_of(enterprise, "E-7"), level=SkillLevel.SENIOR_WORKER
    )
    SkillCertificateFactory(
        holder=mine.holder, level=SkillLevel.JUNIOR_WORKER, revoked=True
    )
    SkillCertificateFactory(holder=worker_of(EnterpriseFactory(), "E-7"))

    def get(url, **params):
        return client.get(url, params, HTTP_AUTHORIZATION=f"Token {key}")

    return get, mine


def test_token_lists_only_the_enterprise_workers_certificates(api):
    get, mine = api
    data = get(reverse("api:certificates")).json()
    assert data["count"] == 2
    assert {r["employee_number"] for r in data["results"]} == {"E-7"}


def test_filters_by_status_and_level_and_rejects_bad_values(api):
    get, mine = api
    data = get(reverse("api:certificates"), status="revoked").json()
    # The level as files and the old API wrote it (the national grade, 五级 = "5"),
    # its rank among the eight and its name.
    [revoked] = data["results"]
    assert (revoked["level"], revoked["level_rank"]) == ("5", 2)
    assert revoked["level_name"] == "Level 5 / Junior worker"
    data = get(reverse("api:certificates"), level="3").json()
    assert [r["id"] for r in data["results"]] == [mine.pk]
    assert get(reverse("api:certificates"), level="chief").json()["count"] == 0
    assert get(reverse("api:certificates"), level="9").status_code == 400
    assert get(reverse("api:certificates"), status="x").status_code == 400
    assert get(reverse("api:certificates"), occupation="nope").status_code == 400


def test_one_worker_by_employee_number_in_the_enterprise(api):
    get, mine = api
    data = get(reverse("api:worker_certificates", args=["E-7"])).json()
    assert data["count"] == 2
    assert get(reverse("api:worker_certificates", args=["E-8"])).status_code == 404


def test_a_bad_token_is_refused(client):
    response = client.get(reverse("api:certificates"), HTTP_AUTHORIZATION="Token x")
    assert response.status_code == 401


def test_list_costs_a_fixed_number_of_queries(api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get, mine = api
    get(reverse("api:certificates"))  # the token's first use is noted (one write)
    counts = []
    for _ in range(2):
        get(reverse("api:certificates"))  # new occupations: shared caches refill
        with CaptureQueriesContext(connection) as context:
            assert get(reverse("api:certificates")).status_code == 200
        counts.append(len(context.captured_queries))
        for _ in range(5):
            SkillCertificateFactory(holder=mine.holder)
    assert counts[0] == counts[1] <= 8


def test_openapi_schema_is_served(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/certificates/" in response.content
