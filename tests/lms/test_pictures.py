"""``{% fitted_picture %}``: WebP and JPEG renditions at the sizes an image is shown,
with srcset, sizes and width/height, and no candidate wider than the source."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.template import Context, Template
from PIL import Image as PILImage
from wagtail.images import get_image_model

from lms.templatetags.pictures import candidate_widths

pytestmark = pytest.mark.django_db


def _image(width: int, height: int):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    image = get_image_model()(title=f"{width}x{height}")
    image.file = ImageFile(buffer, name=f"source-{width}x{height}.png")
    image.save()
    return image


def _render(source: str, **context) -> str:
    return Template("{% load pictures %}" + source).render(Context(context))


def _candidates(html: str) -> list[int]:
    return [int(w) for w in re.findall(r" (\d+)w\b", html)]


def test_candidate_widths_stop_at_the_source_width():
    assert candidate_widths(shown=1200, source_width=300) == [300]
    assert candidate_widths(shown=704, source_width=1600) == [352, 704, 1408]
    assert candidate_widths(shown=704, source_width=1000) == [352, 704, 1000]


def test_a_small_source_shown_in_a_wide_slot_is_never_enlarged():
    """A 300 px photo on a page that shows pictures 1200 px wide: no srcset
    candidate above 300w, and the <img> says 300 px so CSS cannot stretch it."""
    html = _render('{% fitted_picture image 1200 alt="" %}', image=_image(300, 200))
    assert _candidates(html) == [] or max(_candidates(html)) <= 300
    assert 'width="300"' in html and 'height="200"' in html
    assert "srcset=" in html  # one candidate per format (WebP, JPEG)
    assert 'type="image/webp"' in html and ".jpg" in html


def test_a_crop_is_never_wider_than_the_source_allows():
    """A square 300 px source cropped to 16:9 for a 560 px card: 300 px at most."""
    html = _render(
        '{% fitted_picture image 560 "16x9" alt="" %}', image=_image(300, 300)
    )
    assert max(_candidates(html) or [300]) <= 300
    assert 'width="300"' in html
    # 16:9 up to the rounding of the crop
    assert abs(int(re.search(r'height="(\d+)"', html)[1]) - 300 * 9 / 16) < 2


def test_a_large_source_gets_one_candidate_per_density_in_two_formats():
    html = _render(
        '{% fitted_picture image 400 "16x9" alt="Loom" class="cover" %}',
        image=_image(1600, 900),
    )
    assert _candidates(html) == [200, 400, 800, 200, 400, 800]
    assert 'sizes="(max-width: 400px) 100vw, 400px"' in html
    assert 'width="400"' in html and 'height="225"' in html
    assert 'alt="Loom"' in html and 'class="cover"' in html
    assert 'loading="lazy"' in html


def test_no_image_renders_nothing():
    assert _render('{% fitted_picture image 400 alt="" %}', image=None) == ""


def test_an_image_whose_file_is_gone_renders_nothing():
    """A picture whose source file was removed from storage leaves the page
    without it instead of failing."""
    image = _image(640, 360)
    image.file.storage.delete(image.file.name)
    assert _render('{% fitted_picture image 400 alt="" %}', image=image) == ""
