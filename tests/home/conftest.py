import pytest
from wagtail.models import Locale

from home.models import HomePage, ProfileIndexPage, StoryIndexPage, StudioIndexPage
from lms.roles import Role
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp


@pytest.fixture
def locales(db):
    return {
        "en": Locale.objects.get(language_code="en"),
        "zh": Locale.objects.get(language_code="zh-hans"),
    }


@pytest.fixture
def home(locales):
    """The English home page and its Chinese translation (made by migration)."""
    english = HomePage.objects.get(locale=locales["en"], depth=2)
    return {"en": english, "zh": english.get_translation(locales["zh"]).specific}


def _section(home, model, slug, title_zh):
    english = model(title=slug.title(), slug=slug)
    home["en"].add_child(instance=english)
    chinese = english.copy_for_translation(home["zh"].locale)
    chinese.title = title_zh
    chinese.save_revision().publish()
    return {"en": english, "zh": model.objects.get(pk=chinese.pk)}


@pytest.fixture
def profile_index(home):
    return _section(home, ProfileIndexPage, "role-models", "劳模工匠")


@pytest.fixture
def story_index(home):
    return _section(home, StoryIndexPage, "stories", "新闻故事")


@pytest.fixture
def studio_index(home):
    return _section(home, StudioIndexPage, "studios", "创新工作室")


@pytest.fixture
def editor(db):
    return give_totp(UserFactory(roles=[Role.EDITOR]))


@pytest.fixture
def moderator(db):
    return give_totp(UserFactory(roles=[Role.MODERATOR]))


@pytest.fixture
def mentor(db):
    return UserFactory(roles=[Role.MENTOR])
