"""Personal data: one person's data from every app is exported as a ZIP and erased
on request; both can run again; after erasure the person cannot sign in and their
name is gone from other people's pages."""

import datetime
import io
import json
import zipfile

import pytest
from django.contrib.auth import authenticate
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from courses.models import Enrollment, PracticalEvidencePhoto
from lms.certification.services.credentials import (
    completion_credential_issue,
    credentials_issue,
)
from lms.errors import DomainError, PermissionDenied
from lms.models import CertificateAttachment, Membership, Notification, User
from lms.personal_data import parts
from lms.private_files import storage_holding
from lms.services.personal_data import personal_data_erase, personal_data_export
from mentorship.models import Agreement, GuidanceSession, GuidanceSessionPhoto
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

from .conftest import NAME

pytestmark = pytest.mark.django_db


def staff():
    return give_totp(UserFactory(is_staff=True, is_superuser=True))


def unzip(data: bytes) -> tuple[dict, set[str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return json.loads(archive.read("data.json")), set(archive.namelist())


def stored_files(person) -> list[str]:
    data, _names = unzip(personal_data_export(user=person))
    return [f for part in data["parts"].values() for f in part["files"]]


def test_every_app_registers_a_part_lms_first():
    assert [p.name for p in parts()][:1] == ["lms"]
    assert {"lms", "courses", "mentorship", "home"} <= {p.name for p in parts()}


def test_export_holds_each_apps_part_and_the_uploaded_files(person):
    data, names = unzip(personal_data_export(user=person))
    lms = data["parts"]["lms"]
    assert lms["profile"]["display_name"] == NAME
    assert lms["profile"]["phone"] == "+86 139 0000 0000"
    assert lms["memberships"] and lms["notifications"] and lms["certificates"]
    assert lms["two_factor"] == []  # which factors exist, never their secrets
    enrollment = data["parts"]["courses"]["enrollments"][0]
    assert enrollment["course"] == "Loom care"
    assert enrollment["practicals"][0]["text"] == "I cleaned it."
    agreement = data["parts"]["mentorship"]["agreements"][0]
    assert agreement["role"] == "apprentice"
    assert agreement["sessions"][0]["dispute_comment"] == "Wang says it was shorter."
    assert data["parts"]["home"] == {"linked_profile_pages": [], "files": []}
    files = {f"files/{name}" for name in stored_files(person)}
    assert len(files) == 5  # avatar, scan, evidence photo, session photo, pdf
    assert files <= names and data["missing_files"] == []


def test_export_holds_the_persons_credentials_for_certificates_and_completions(
    person,
):
    """The Open Badges credentials are the person's too: the one standing for their
    certificate and the one for a course completion that gives no certificate."""
    certificate = person.skill_certificates.get()
    credentials_issue(certificates=[certificate])
    completion_credential_issue(
        holder=person,
        source_key="completion:test",
        title="Loom care",
        title_zh="织机保养",
        completed_on=datetime.date(2026, 11, 30),
    )
    data, _names = unzip(personal_data_export(user=person))
    exported = data["parts"]["lms"]["credentials"]
    assert len(exported) == 2
    assert {c["certificate"] for c in exported} == {certificate.number, None}
    completion = next(c for c in exported if c["certificate"] is None)
    assert completion["achievement"]["name_zh"] == "织机保养"
    assert completion["issued_on"] == "2026-11-30"
    assert all(c["id"].startswith("urn:uuid:") and c["issuer"] for c in exported)


def test_export_lists_a_file_missing_from_storage_instead_of_failing(person):
    default_storage.delete(person.avatar.name)
    data, names = unzip(personal_data_export(user=person))
    assert data["missing_files"] == [person.avatar.name]
    assert f"files/{person.avatar.name}" not in names


def test_erasure_scrubs_the_account_and_deletes_what_is_the_persons_alone(
    person, django_capture_on_commit_callbacks
):
    files = stored_files(person)
    with django_capture_on_commit_callbacks(execute=True):
        personal_data_erase(user=person, actor=staff())
    person.refresh_from_db()
    assert person.email == f"erased-{person.pk}@erased.invalid"
    assert (person.display_name, person.phone, person.avatar.name) == ("", "", "")
    assert not person.is_active and not person.has_usable_password()
    assert person.get_full_name() == "Former member"
    assert not person.groups.exists()
    assert not Membership.objects.filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not CertificateAttachment.objects.exists()
    assert not Enrollment.objects.filter(user=person).exists()
    assert not PracticalEvidencePhoto.objects.exists()
    assert not GuidanceSessionPhoto.objects.exists()
    assert not any(storage_holding(name).exists(name) for name in files)


def test_shared_records_stay_without_what_was_written_about_the_person(person):
    personal_data_erase(user=person, actor=staff())
    certificate = person.world["certificate"]
    certificate.refresh_from_db()
    assert certificate.holder_id == person.pk  # still verifiable
    agreement = Agreement.objects.get()
    assert agreement.goals == "—" and agreement.planned_hours
    session = GuidanceSession.objects.get()
    assert (session.notes, session.dispute_comment, session.minutes) == ("—", "—", 90)
    assert session.revisions.get().data == {"notes": "—", "minutes": 90}
    milestone = agreement.milestones.get()
    assert (milestone.title, milestone.evidence) == ("—", "—")
    assert not milestone.evidence_file and milestone.signed_off_at


def test_erasing_twice_changes_nothing_more(person):
    admin = staff()
    personal_data_erase(user=person, actor=admin)
    first = unzip(personal_data_export(user=person))[0]["parts"]
    personal_data_erase(user=person, actor=admin)
    second = unzip(personal_data_export(user=person))[0]["parts"]
    assert first == second
    assert User.objects.filter(email__startswith="erased-").count() == 1


def test_files_stay_when_the_erasure_is_rolled_back(
    person, monkeypatch, django_capture_on_commit_callbacks
):
    """All or nothing: a failing part undoes every other part and deletes no file."""
    import mentorship.personal_data as mentorship_data
    from lms import personal_data as registry

    def broken(user):
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        registry._parts,
        "mentorship",
        registry.Part("mentorship", mentorship_data.export_mentorship, broken),
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            personal_data_erase(user=person, actor=staff())
    assert callbacks == []
    person.refresh_from_db()
    assert person.display_name == NAME and person.is_active
    assert all(storage_holding(name).exists(name) for name in stored_files(person))


def test_only_staff_erase_and_never_themselves_or_an_administrator(person):
    with pytest.raises(PermissionDenied):
        personal_data_erase(user=person, actor=UserFactory())
    admin = staff()
    with pytest.raises(PermissionDenied):
        personal_data_erase(user=admin, actor=admin)
    with pytest.raises(DomainError):
        personal_data_erase(user=admin, actor=staff())


def test_after_erasure_the_person_cannot_sign_in_and_is_signed_out(client, person):
    client.force_login(person)
    personal_data_erase(user=person, actor=staff())
    assert client.get(reverse("lms:dashboard")).status_code == 302
    assert authenticate(email="wang.fang@example.com", password="pass-word-123") is None
    response = client.post(
        reverse("account_login"),
        {"login": "wang.fang@example.com", "password": "pass-word-123"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert client.get(reverse("lms:dashboard")).status_code == 302


def test_after_erasure_the_name_is_gone_from_other_peoples_pages(client, person):
    agreement = person.world["agreement"]
    certificate = person.world["certificate"]
    pages = [
        (agreement.mentor, reverse("mentorship:mentor_dashboard")),
        (agreement.mentor, reverse("mentorship:agreement_detail", args=[agreement.pk])),
        (agreement.coordinator, reverse("mentorship:agreement_list")),
        (None, reverse("certification:verify", args=[certificate.verification_code])),
    ]
    client.force_login(agreement.mentor)
    assert "Wang" in client.get(pages[1][1]).text
    personal_data_erase(user=person, actor=staff())
    for viewer, url in pages:
        client.logout()
        if viewer:
            client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Wang" not in response.text, url


def test_the_person_downloads_their_own_data_from_the_profile_page(client, person):
    client.force_login(person)
    profile = client.get(reverse("lms:profile")).text
    assert reverse("lms:personal_data_download") in profile
    response = client.post(reverse("lms:personal_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    data, _names = unzip(response.content)
    assert data["person_id"] == person.pk
    assert client.get(reverse("lms:personal_data_download")).status_code == 405


def test_staff_erase_a_person_after_typing_their_address(client, person):
    client.force_login(staff())
    url = reverse("lms:person_erase", args=[person.pk])
    assert NAME in client.get(url).text
    wrong = client.post(url, {"email": "someone@example.com"})
    assert wrong.status_code == 400
    assert User.objects.get(pk=person.pk).is_active
    response = client.post(url, {"email": "Wang.Fang@example.com"})
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).is_erased


@pytest.mark.parametrize("viewer", ["anonymous", "person", "hr"])
def test_nobody_but_staff_opens_the_erase_page(client, person, hr_user, viewer):
    if viewer != "anonymous":
        client.force_login(person if viewer == "person" else hr_user)
    response = client.get(reverse("lms:person_erase", args=[person.pk]))
    assert response.status_code == (302 if viewer == "anonymous" else 403)


def test_erase_person_command_erases_and_refuses_an_unknown_address(person):
    out = io.StringIO()
    call_command("erase_person", "wang.fang@example.com", "--no-input", stdout=out)
    assert "Erased person" in out.getvalue()
    assert User.objects.get(pk=person.pk).is_erased
    with pytest.raises(CommandError):
        call_command("erase_person", "wang.fang@example.com", "--no-input")


def test_erase_person_command_asks_first(person, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    out = io.StringIO()
    call_command("erase_person", "wang.fang@example.com", stdout=out)
    assert "Nothing was erased" in out.getvalue()
    assert User.objects.get(pk=person.pk).is_active


def test_home_unlinks_a_role_model_profile_from_the_erased_account(person):
    """The page is editorial content about a public role model: it stays for the
    editors to decide on; only the link to the account goes."""
    from home.models import CraftsmanProfilePage, HomePage
    from lms.roles import Role
    from lms.services.accounts import role_grant
    from tests.home.factories import CraftsmanProfilePageFactory

    role_grant(user=person, role=Role.MENTOR)  # profiles link mentors' accounts
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    page = CraftsmanProfilePageFactory(parent=home, title="Model worker", user=person)
    data, _names = unzip(personal_data_export(user=person))
    assert data["parts"]["home"]["linked_profile_pages"][0]["title"] == "Model worker"
    personal_data_erase(user=person, actor=staff())
    assert CraftsmanProfilePage.objects.get(pk=page.pk).user is None
