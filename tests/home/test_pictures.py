"""Pictures on the public pages: a hero is never offered wider than its source, and
a profile without a photo shows the surname's character, not Latin initials."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.home.factories import CraftsmanProfilePageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def _image(width: int, height: int):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (176, 38, 30)).save(buffer, format="PNG")
    image = get_image_model()(title=f"Photo {width}")
    image.file = ImageFile(buffer, name=f"photo-{width}.png")
    image.save()
    return image


def test_a_small_story_photo_is_not_enlarged(client, story_index):
    """A 300 px photo on a story page whose hero is 704 px wide: no srcset
    candidate above 300w and an <img> 300 px wide."""
    story = StoryPageFactory(parent=story_index["en"], lead_image=_image(300, 300))
    html = client.get(story.url).content.decode()
    hero = re.search(r'<figure class="figure lead-image">.*?</figure>', html, re.S)[0]
    srcsets = re.findall(r'srcset="([^"]*)"', hero)
    assert len(srcsets) == 2  # WebP and JPEG
    for srcset in srcsets:
        widths = [int(w) for w in re.findall(r" (\d+)w\b", srcset)]
        assert max(widths) <= 300
        assert len(widths) == len(set(widths))  # no candidate repeated at 300w
    assert 'width="300"' in hero


def test_a_chinese_profile_without_a_photo_shows_the_surname(client, profile_index):
    profile = CraftsmanProfilePageFactory(
        parent=profile_index["zh"], title="韩利萍", portrait=None
    )
    page = client.get(profile.url).content.decode()
    cards = client.get(profile_index["zh"].url).content.decode()
    for html in (page, cards):
        assert re.search(r'class="[^"]*portrait-mark"[^>]*>韩<', html)
        assert ">HL<" not in html
