"""The demo loader of the home app makes the same pages when run twice."""

import io

import pytest
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import CraftsmanProfilePage, InnovationStudioPage, StoryPage

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_with_the_same_result(client, settings):
    from home import demo
    from lms import demo as lms_demo

    # Search and reference indexing are Wagtail's and tested elsewhere; skipping
    # them keeps this test quick.
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    with disable_reference_index_auto_update():
        lms_demo.load(stdout=io.StringIO())
        demo.load(stdout=io.StringIO())
        pages = sorted(Page.objects.values_list("url_path", flat=True))
        images = Image.objects.count()
        demo.load(stdout=io.StringIO())
    assert sorted(Page.objects.values_list("url_path", flat=True)) == pages
    assert Image.objects.count() == images  # each drawing is made once
    assert not StoryPage.objects.filter(lead_image=None).exists()
    assert not InnovationStudioPage.objects.filter(image=None).exists()
    assert not CraftsmanProfilePage.objects.filter(portrait=None).exists()

    han = CraftsmanProfilePage.objects.get(
        slug="han-liping", locale__language_code="en"
    )
    assert han.user == lms_demo.demo_user("mentor2")
    assert han.get_translation(_zh()).title == "韩利萍"
    assert StoryPage.objects.filter(locale__language_code="zh-hans").count() == 5
    assert "韩利萍" in client.get("/zh-hans/").text


def _zh():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="zh-hans")
