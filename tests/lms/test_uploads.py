"""Private uploads are stored under random names (lms.uploads)."""

import re

from lms.models import CertificateAttachment, ImportBatch, User
from lms.uploads import RandomName, random_upload_path

PATTERN = r"{folder}/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}{ext}"


def test_a_random_path_keeps_only_the_lowercased_extension():
    path = random_upload_path("certificates", "Zhang San ID card.JPG")
    assert re.fullmatch(PATTERN.format(folder="certificates", ext=r"\.jpg"), path)
    assert random_upload_path("x", "same.png") != random_upload_path("x", "same.png")


def test_a_name_without_extension_gets_none():
    path = random_upload_path("x", "a")
    assert re.fullmatch(PATTERN.format(folder="x", ext=""), path)


def test_every_private_upload_field_uses_random_names():
    fields = [
        User._meta.get_field("avatar"),
        CertificateAttachment._meta.get_field("file"),
        ImportBatch._meta.get_field("file"),
    ]
    from courses.models import PracticalEvidencePhoto

    fields.append(PracticalEvidencePhoto._meta.get_field("image"))
    for field in fields:
        assert isinstance(field.upload_to, RandomName), field
        name = field.generate_filename(None, "Li Si scan.pdf")
        assert "Li" not in name and name.endswith(".pdf")


def test_random_name_deconstructs_for_migrations():
    path, args, kwargs = RandomName("avatars").deconstruct()
    assert path == "lms.uploads.RandomName" and args == ("avatars",)
    assert RandomName("avatars") == RandomName("avatars") != RandomName("x")
