"""Every role against every certification page and action, as a table."""

import pytest
from django.urls import reverse

from lms.roles import Role
from tests.lms.cert_factories import ImportBatchFactory, SkillCertificateFactory
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "learner",
    "mentor",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "staff",
]
ROLE_GROUPS = {
    "learner": [Role.LEARNER],
    "mentor": [Role.MENTOR],
    "hr_a": [Role.HR],
    "hr_b": [Role.HR],
    "editor": [Role.EDITOR],
    "moderator": [Role.MODERATOR],
    "coordinator": [Role.COORDINATOR],
    "officer": [Role.OFFICER],
}


@pytest.fixture
def world():
    """Enterprise A with a worker holding a certificate; enterprise B elsewhere."""
    a, b = EnterpriseFactory(), EnterpriseFactory()
    worker = MembershipFactory(enterprise=a, employee_number="A-1").user
    certificate = SkillCertificateFactory(holder=worker)
    batch = ImportBatchFactory()
    return {"a": a, "b": b, "worker": worker, "cert": certificate, "batch": batch}


def login_as(client, role, world):
    if role == "anonymous":
        return None
    if role == "staff":
        user = UserFactory(is_staff=True, is_superuser=True)
    else:
        user = UserFactory(roles=ROLE_GROUPS[role])
    if role in ("hr_a", "hr_b"):
        enterprise = world["a"] if role == "hr_a" else world["b"]
        MembershipFactory(user=user, enterprise=enterprise, role="hr")
    give_totp(user)
    client.force_login(user)
    return user


def row(default, **overrides):
    return {**dict.fromkeys(ROLES, default), **overrides}


# Officers and staff see everything; HR of A sees A's worker; HR of B gets 404 for
# A's records; everyone else is refused (403) or sent to sign in (302).
OFFICE = {"officer": 200, "staff": 200}
HR_PAGE = row(403, anonymous=302, hr_a=200, hr_b=200, **OFFICE)
OFFICER_PAGE = row(403, anonymous=302, **OFFICE)
EXPECTED = {
    ("GET", "mine"): row(200, anonymous=302),
    ("GET", "detail"): row(404, anonymous=302, hr_a=200, **OFFICE),
    ("GET", "pdf"): row(404, anonymous=302, hr_a=200, **OFFICE),
    ("GET", "record"): OFFICER_PAGE,
    ("GET", "renew"): OFFICER_PAGE,
    ("GET", "edit"): OFFICER_PAGE,
    ("POST", "suspend"): row(403, anonymous=302, **{"officer": 302, "staff": 302}),
    ("GET", "board"): HR_PAGE,
    ("GET", "export_csv"): HR_PAGE,
    ("GET", "export_xlsx"): HR_PAGE,
    ("GET", "worker"): {**HR_PAGE, "hr_b": 404},
    ("GET", "eligible"): HR_PAGE,
    ("GET", "lookup"): HR_PAGE,
    ("GET", "imports"): OFFICER_PAGE,
    ("GET", "import_upload"): OFFICER_PAGE,
    ("GET", "import_detail"): OFFICER_PAGE,
    ("GET", "import_status"): OFFICER_PAGE,
    ("GET", "verify_form"): row(200),
    ("GET", "verify"): row(200),
    ("GET", "api_list"): row(403, anonymous=401, hr_a=200, hr_b=200),
    ("GET", "api_worker"): row(403, anonymous=401, hr_a=200, hr_b=404),
}
CASES = [
    (method, page, role, status)
    for (method, page), statuses in EXPECTED.items()
    for role, status in statuses.items()
]


def url_for(page, world):
    cert, batch = world["cert"], world["batch"]
    by_pk = {
        "detail",
        "pdf",
        "renew",
        "edit",
    }
    if page in by_pk:
        return reverse(f"certification:{page}", args=[cert.pk])
    if page == "suspend":
        return reverse("certification:change_status", args=[cert.pk, "suspend"])
    if page == "worker":
        return reverse("certification:worker", args=[world["worker"].pk])
    if page in ("import_detail", "import_status"):
        return reverse(f"certification:{page}", args=[batch.pk])
    if page == "verify":
        return reverse("certification:verify", args=[cert.verification_code])
    if page == "api_list":
        return reverse("api:certificates")
    if page == "api_worker":
        return reverse("api:worker_certificates", args=["A-1"])
    return reverse(f"certification:{page}")


@pytest.mark.parametrize(("method", "page", "role", "status"), CASES)
def test_certification_permission_matrix(client, world, method, page, role, status):
    login_as(client, role, world)
    url = url_for(page, world)
    if method == "POST":
        response = client.post(url, {"reason": "Audit"})
    else:
        response = client.get(url)
    assert response.status_code == status, (page, role)
