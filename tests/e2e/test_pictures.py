"""No picture of the demo is shown larger than its source: on the public pages, at a
phone and a desktop width and in both languages, every <img> the browser draws is
at least as many pixels wide and high as the box it fills (device pixel ratio 1).

The file the browser chose (``currentSrc``) is loaded again on its own to read its
real size: an <img> with a srcset reports the slot size as ``naturalWidth``."""

import pytest

from lms.demo import DEMO_ACCOUNTS
from tests.e2e.conftest import DESKTOP, PHONE, sign_in

pytestmark = pytest.mark.e2e

PUBLIC_PAGES = [
    ("home", ""),
    ("catalogue", "courses/"),
    ("course", "courses/ai-textile/"),
    ("story", "stories/female-role-models-empower-enterprises/"),
    ("studio", "studios/han-liping-skills-master-studio/"),
    ("alliance", "studios/textile-industry-studio-alliance/"),
    ("profile", "role-models/han-liping/"),
]
# Lessons are read by enrolled learners: the demo learner is on this course.
LESSON = ("lesson", "courses/ai-textile/what-ai-does-in-spinning-and-weaving-mills/")

MEASURE = """async () => {
  const shown = [...document.images].filter(i => i.getBoundingClientRect().width > 0);
  shown.forEach(i => { i.loading = "eager"; });
  await Promise.all(shown.map(i => i.decode().catch(() => null)));
  return Promise.all(shown.map(async (img) => {
    const probe = new Image();
    probe.src = img.currentSrc || img.src;
    await probe.decode().catch(() => null);
    const box = img.getBoundingClientRect();
    return {src: probe.src, fileWidth: probe.naturalWidth,
            fileHeight: probe.naturalHeight, boxWidth: box.width,
            boxHeight: box.height};
  }));
}"""


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_no_demo_picture_is_shown_larger_than_its_source(browser, language):
    from tests.e2e.conftest import BASE_URL

    context = browser.new_context(
        base_url=BASE_URL, viewport=DESKTOP, device_scale_factor=1
    )
    page = context.new_page()
    prefix = "/zh-hans/" if language == "zh-hans" else "/"
    try:
        enlarged, counted = [], {}
        for n, (name, path) in enumerate([*PUBLIC_PAGES, LESSON]):
            if n == len(PUBLIC_PAGES):
                sign_in(page, DEMO_ACCOUNTS["learner"][0])
            page.goto(prefix + path)
            for viewport in (PHONE, DESKTOP):
                page.set_viewport_size(viewport)
                images = page.evaluate(MEASURE)
                counted[name] = len(images)
                enlarged += [
                    (name, viewport["width"], image)
                    for image in images
                    if image["fileWidth"] + 0.5 < image["boxWidth"]
                    or image["fileHeight"] + 0.5 < image["boxHeight"]
                ]
        assert not enlarged, enlarged
        # Each page shows pictures, so the check above had something to measure.
        assert all(counted.values()), counted
    finally:
        context.close()
