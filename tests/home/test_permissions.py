"""Permission matrix of the content pages: everyone reads the live pages; editors and
moderators write in the Wagtail admin; only moderators (and staff) approve or
publish. The lms predicates agree with Wagtail's page permissions."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from lms import permissions
from lms.roles import Role
from tests.home.admin_forms import profile_form
from tests.home.factories import (
    AlliancePageFactory,
    CraftsmanProfilePageFactory,
    InnovationStudioPageFactory,
    StoryPageFactory,
)
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db

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

# role, GET "add a profile" in the admin, may approve, may publish directly
MATRIX = [
    ("anonymous", 302, False, False),
    ("learner", 302, False, False),
    ("mentor", 302, False, False),
    ("hr_a", 302, False, False),
    ("hr_b", 302, False, False),
    ("editor", 200, False, False),
    ("moderator", 200, True, True),
    ("coordinator", 302, False, False),
    ("officer", 302, False, False),
    ("staff", 200, True, True),
]


def make_user(role: str):
    if role == "anonymous":
        return None
    if role == "staff":
        return give_totp(UserFactory(is_staff=True, is_superuser=True))
    user = UserFactory(roles=ROLE_GROUPS[role])
    if role in ("hr_a", "hr_b"):
        MembershipFactory(user=user, enterprise=EnterpriseFactory(), role="hr")
    return give_totp(user)


@pytest.fixture
def content(profile_index, story_index, studio_index):
    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    return {
        "home": "/",
        "profile index": profile_index["en"].url,
        "profile": CraftsmanProfilePageFactory(parent=profile_index["en"]).url,
        "story index": story_index["en"].url,
        "story": StoryPageFactory(parent=story_index["en"]).url,
        "rss": story_index["en"].url + "rss/",
        "atom": story_index["en"].url + "atom/",
        "studio index": studio_index["en"].url,
        "studio": studio.url,
        "alliance": AlliancePageFactory(parent=studio_index["en"]).url,
        "search": reverse("home:search") + "?q=studio",
        "chinese home": "/zh-hans/",
        "sitemap": "/sitemap.xml",
    }


@pytest.fixture
def submitted(profile_index):
    """A profile an editor submitted for moderation."""
    author = give_totp(UserFactory(roles=[Role.EDITOR]))
    page = CraftsmanProfilePageFactory(parent=profile_index["en"], live=False)
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    return page


@pytest.mark.parametrize(("role", "add_status", "approves", "publishes"), MATRIX)
def test_permission_matrix(
    client, content, submitted, profile_index, role, add_status, approves, publishes
):
    user = make_user(role)
    if user is not None:
        client.force_login(user)

    for name, url in content.items():
        assert client.get(url).status_code == 200, name
    assert client.get(reverse("home:stories")).status_code == 302

    add_url = reverse(
        "wagtailadmin_pages:add",
        args=("home", "craftsmanprofilepage", profile_index["en"].pk),
    )
    assert client.get(add_url).status_code == add_status

    state = Page.objects.get(pk=submitted.pk).current_workflow_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(submitted.pk, "approve", state.pk),
        )
    )
    assert Page.objects.get(pk=submitted.pk).live is approves

    draft = CraftsmanProfilePageFactory(
        parent=profile_index["en"], slug="draft", live=False
    )
    data = profile_form("Draft", "draft", "Summary", "<p>Biography</p>")
    client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        {**data, "action-publish": "Publish"},
    )
    assert Page.objects.get(pk=draft.pk).live is publishes

    expected_editing = add_status == 200
    assert permissions.can_edit_content(user) is expected_editing
    assert permissions.can_publish_content(user) is publishes
    assert permissions.can_view_public_content(user) is True


def test_drafts_are_not_served_to_the_public(client, profile_index):
    draft = CraftsmanProfilePageFactory(
        parent=profile_index["en"], slug="draft", live=False
    )
    assert client.get(draft.url or "/role-models/draft/").status_code == 404
