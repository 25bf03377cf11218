import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory

# Property tests judge the code's answers, never the machine's speed: no deadline and
# no "too slow" health check, which fail by chance on a busy machine (CI runs
# `make test` beside the services and browser tests at the lowest priority).
hypothesis_settings.register_profile(
    "craftskills", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("craftskills")


@pytest.fixture(autouse=True)
def _media_cache_language(settings, tmp_path):
    """Uploads go to a folder of the test's own; the cache starts empty; each test
    starts in English (a request in Chinese leaves the thread's language behind)."""
    from django.core.cache import cache
    from django.utils import translation

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def learner(db):
    return UserFactory(roles=[Role.LEARNER])


@pytest.fixture
def enterprise(db):
    return EnterpriseFactory()


@pytest.fixture
def hr_user(db, enterprise):
    """HR of ``enterprise``; two-factor set up so the MFA gate lets them through."""
    from tests.lms.helpers import give_totp

    user = UserFactory(roles=[Role.HR])
    MembershipFactory(user=user, enterprise=enterprise, role="hr")
    give_totp(user)
    return user
