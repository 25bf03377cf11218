"""Course covers and lesson pictures: every catalogue card shows its cover with a
srcset, and no picture is offered wider than its source."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from courses.services.enrollment import enrollment_create
from tests.courses import factories as f

pytestmark = pytest.mark.django_db


def _image(width: int, height: int):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (11, 110, 153)).save(buffer, format="PNG")
    image = get_image_model()(title=f"Cover {width}")
    image.file = ImageFile(buffer, name=f"cover-{width}.png")
    image.save()
    return image


def _widths(html: str) -> list[int]:
    return [int(w) for w in re.findall(r" (\d+)w\b", html)]


def test_every_catalogue_card_shows_its_cover_with_a_srcset(client, index):
    for n in range(3):
        f.course(index=index, title=f"Course {n}", cover_image=_image(1280, 720))
    html = client.get(index.url).content.decode()
    cards = html.split('class="card course-card"')[1:]
    assert len(cards) == 3
    for card in cards:
        card = card.split("</article>")[0]
        assert re.search(r"<img [^>]*srcset=", card), card
        assert 'type="image/webp"' in card


def test_a_small_cover_is_not_enlarged_on_the_course_page(client, index):
    """A 300 px cover on a page that shows covers 960 px wide: no candidate above
    300w, and the <img> is 300 px wide."""
    course = f.course(index=index, cover_image=_image(300, 200))
    html = client.get(course.url).content.decode()
    hero = re.search(r"<picture>.*?</picture>", html, re.S)[0]
    assert _widths(hero) and max(_widths(hero)) <= 300
    assert 'width="300"' in hero


def test_a_small_lesson_picture_is_not_enlarged(client, index, learner):
    course = f.course(index=index)
    image = _image(300, 240)
    block = {
        "type": "image",
        "id": "img1",
        "value": {"image": image.pk, "alt": "The heddles of a loom", "caption": ""},
    }
    lesson = f.lesson(course=course, body=[f.text_block(), block])
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    figure = re.search(r'<figure class="lesson-figure">.*?</figure>', html, re.S)[0]
    assert 'alt="The heddles of a loom"' in figure
    assert max(_widths(figure) or [300]) <= 300
    assert 'width="300"' in figure
