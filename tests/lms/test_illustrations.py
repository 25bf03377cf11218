"""The drawn demo illustrations: deterministic, distinct per subject and variant,
focal box inside the picture, and stored once however often they are asked for."""

from io import BytesIO

import pytest
from PIL import Image
from wagtail.images import get_image_model

from lms.illustrations.canvas import LANDSCAPE, PORTRAIT
from lms.illustrations.images import draw, illustration_image
from lms.illustrations.subjects import SUBJECTS

SMALL = (320, 180)


def test_the_same_subject_and_variant_give_the_same_bytes():
    assert (
        draw("loom", variant=2, size=SMALL).data
        == draw("loom", variant=2, size=SMALL).data
    )


def test_every_subject_draws_a_different_picture():
    pictures = {draw(subject, size=SMALL).data for subject in SUBJECTS}
    assert len(pictures) == len(SUBJECTS)


def test_a_variant_changes_the_picture():
    assert (
        draw("welding_cell", variant=0, size=SMALL).data
        != draw("welding_cell", variant=1, size=SMALL).data
    )


@pytest.mark.parametrize("subject", sorted(SUBJECTS))
def test_each_subject_is_a_png_of_its_size_with_its_focal_box_inside(subject):
    drawing = draw(subject)
    picture = Image.open(BytesIO(drawing.data))
    expected = PORTRAIT if subject == "portrait" else LANDSCAPE
    assert (picture.format, picture.size) == ("PNG", expected)
    assert (drawing.width, drawing.height) == expected
    left, top, width, height = drawing.focal
    assert 0 <= left and 0 <= top and width > 0 and height > 0
    assert left + width <= drawing.width and top + height <= drawing.height
    # Not a blank card: a drawing has many colours.
    assert len(picture.getcolors(maxcolors=4096) or range(4097)) > 8


def test_an_unknown_subject_is_refused_by_name():
    with pytest.raises(ValueError, match="kettle"):
        draw("kettle")


@pytest.mark.django_db
def test_an_illustration_is_stored_once_with_its_focal_point():
    first = illustration_image(title="Illustration · loom 1", subject="loom", variant=1)
    again = illustration_image(title="Illustration · loom 1", subject="loom", variant=1)
    assert again.pk == first.pk
    assert get_image_model().objects.count() == 1
    assert (first.width, first.height) == LANDSCAPE
    assert first.has_focal_point()
