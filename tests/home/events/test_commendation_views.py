"""The commendation pages as each person uses them: the coordinator's nomination
form, the committee's review and selection, the organiser's publication, the
public list and the honour on the craftsman's profile, at once and in both
languages. Bad input is a field error with nothing saved, never a 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from home.events.commendations import services
from home.events.commendations.models import STATEMENT_MAX, Nomination
from tests.lms.certification.factories import worker_of
from tests.lms.factories import EnterpriseFactory, UserFactory

from .commendation_helpers import STATEMENT, nominate, published

pytestmark = pytest.mark.django_db


def url(name, obj):
    return reverse(f"commendations:{name}", args=[obj.pk])


def form_data(union, craftsman, **extra):
    return {
        "union": union.pk,
        "craftsman": craftsman.pk,
        "statement": STATEMENT,
    } | extra


def test_the_nomination_form_offers_only_the_coordinators_union_members(
    client, commendation, coordinator, union, craftsman, outsider
):
    client.force_login(coordinator)
    page = client.get(url("nominate", commendation)).content.decode()
    assert f'value="{craftsman.pk}"' in page
    assert f'value="{outsider.pk}"' not in page


def test_a_coordinator_nominates_and_is_sent_to_the_list(
    client, commendation, coordinator, union, craftsman
):
    client.force_login(coordinator)
    response = client.post(url("nominate", commendation), form_data(union, craftsman))
    assert response.status_code == 302
    assert response["Location"] == url("nominations", commendation)
    assert Nomination.objects.get().craftsman == craftsman
    listing = client.get(response["Location"]).content.decode()
    assert "Han Liping" in listing


@pytest.mark.parametrize(
    "statement,message",
    [("", "This field is required."), ("x" * (STATEMENT_MAX + 1), "at most")],
    ids=["empty", "huge"],
)
def test_a_bad_statement_is_a_field_error_and_nothing_is_saved(
    client, commendation, coordinator, union, craftsman, statement, message
):
    client.force_login(coordinator)
    data = form_data(union, craftsman, statement=statement)
    response = client.post(url("nominate", commendation), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_second_nomination_shows_why_on_the_form(
    client, commendation, coordinator, union, craftsman
):
    nominate(commendation, coordinator, union, craftsman)
    client.force_login(coordinator)
    response = client.post(url("nominate", commendation), form_data(union, craftsman))
    assert response.status_code == 409
    assert "nominated already" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_another_unions_worker_cannot_be_posted(
    client, commendation, coordinator, union, outsider
):
    client.force_login(coordinator)
    response = client.post(url("nominate", commendation), form_data(union, outsider))
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_people_who_do_not_coordinate_a_union_may_not_nominate(
    client, commendation, member
):
    client.force_login(member)
    assert client.get(url("nominate", commendation)).status_code == 403
    client.logout()
    assert client.get(url("nominate", commendation)).status_code == 302


def test_a_committee_member_reviews_and_the_coordinator_only_reads(
    client, commendation, coordinator, union, craftsman, member, organiser
):
    nomination = nominate(commendation, coordinator, union, craftsman)
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    client.force_login(member)
    response = client.post(
        url("review", nomination), {"recommendation": "select", "notes": "Yes."}
    )
    assert response.status_code == 302
    assert nomination.reviews.get().reviewer == member
    client.force_login(coordinator)
    page = client.get(url("review", nomination))
    assert page.status_code == 200 and "Yes." in page.content.decode()
    assert (
        client.post(
            url("review", nomination), {"recommendation": "decline"}
        ).status_code
        == 403
    )
    client.force_login(UserFactory())
    assert client.get(url("review", nomination)).status_code == 404
    assert nomination.reviews.count() == 1


def test_selecting_over_the_places_is_refused_on_the_page(
    client, commendation, coordinator, union, member, organiser
):
    enterprise = EnterpriseFactory(union=union)
    found = [
        nominate(commendation, coordinator, union, worker_of(enterprise))
        for _ in range(3)
    ]
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    client.force_login(member)
    response = client.post(
        url("select", commendation), {"nominations": [n.pk for n in found]}
    )
    assert response.status_code == 409
    assert "there are 2 places" in response.content.decode()
    assert not Nomination.objects.filter(selected=True).exists()


def test_the_list_is_found_only_once_published_and_links_the_profiles(
    client, commendation, coordinator, union, craftsman, organiser, profile
):
    assert client.get(url("detail", commendation)).status_code == 404
    published(commendation, coordinator, union, [craftsman], organiser)
    english = client.get(url("detail", commendation)).content.decode()
    assert commendation.title in english
    assert f'href="{profile["en"].url}"' in english
    with translation.override("zh-hans"):
        chinese = client.get(url("detail", commendation)).content.decode()
    assert commendation.title_zh in chinese
    assert f'href="{profile["zh"].url}"' in chinese
    assert "名工匠入选" in chinese


def test_publishing_shows_the_honour_on_the_profile_at_once_in_both_languages(
    client, settings, commendation, coordinator, union, craftsman, organiser, profile
):
    """With the anonymous page cache and the content caches warm, the profile shows
    the honour right after the organiser publishes, in English and in Chinese."""
    settings.ANON_PAGE_CACHE_SECONDS = 300
    pages = {"en": profile["en"].url, "zh": profile["zh"].url}
    before = {lang: client.get(path).content.decode() for lang, path in pages.items()}
    assert commendation.title not in before["en"]
    nominations = [nominate(commendation, coordinator, union, craftsman)]
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    services.commendation_select(
        user=organiser, commendation=commendation, nominations=nominations
    )
    client.force_login(organiser)
    assert client.post(url("publish", commendation)).status_code == 302
    client.logout()
    english = client.get(pages["en"]).content.decode()
    assert f"Selected, {commendation.title}, 2023" in english
    assert url("detail", commendation) in english
    chinese = client.get(pages["zh"]).content.decode()
    assert f"入选{commendation.title_zh}（2023）" in chinese


def test_the_public_list_costs_the_same_queries_whatever_its_length(
    client, commendation, coordinator, union, organiser, profile_index
):
    commendation.places = 20
    commendation.save()
    enterprise = EnterpriseFactory(union=union)
    people = [worker_of(enterprise) for _ in range(12)]

    def queries():
        client.get(url("detail", commendation))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("detail", commendation)).status_code == 200
        return len(captured)

    published(commendation, coordinator, union, people[:2], organiser)
    few = queries()
    other = type(commendation).objects.get(pk=commendation.pk)
    other.pk = None
    other.title, other.status = "Another commendation", "nominating"
    other.save()
    other.committee.set(commendation.committee.all())
    published(other, coordinator, union, people[2:], organiser)
    commendation = other
    assert queries() == few <= 6


def test_an_empty_selection_takes_everyone_out(
    client, commendation, coordinator, union, craftsman, member, organiser
):
    nomination = nominate(commendation, coordinator, union, craftsman)
    services.commendation_close_nominations(user=organiser, commendation=commendation)
    services.commendation_select(
        user=member, commendation=commendation, nominations=[nomination]
    )
    client.force_login(member)
    assert client.post(url("select", commendation), {}).status_code == 302
    nomination.refresh_from_db()
    assert not nomination.selected


def test_the_index_links_the_working_list_only_for_those_who_may_open_it(
    client, commendation, coordinator, member
):
    working = url("nominations", commendation)
    for person, shown in ((coordinator, True), (member, True), (UserFactory(), False)):
        client.force_login(person)
        page = client.get(reverse("commendations:index")).content.decode()
        assert (working in page) is shown


def test_the_admin_keeps_a_commendation_that_has_nominations(
    client, commendation, coordinator, union, craftsman
):
    from home.events.commendations.models import Commendation
    from tests.lms.helpers import give_totp

    nominate(commendation, coordinator, union, craftsman)
    client.force_login(give_totp(UserFactory(is_staff=True, is_superuser=True)))
    delete = reverse("commendation_admin:delete", args=[commendation.pk])
    response = client.post(delete)
    assert response.status_code == 302
    assert Commendation.objects.filter(pk=commendation.pk).exists()
