"""Page factories of the home app. Pages are made live under the section pages that
``tests/home/conftest.py`` provides (``parent=`` is required)."""

import datetime
import json
from io import BytesIO

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import (
    AlliancePage,
    CraftsmanProfilePage,
    InnovationStudioPage,
    ProfileAchievement,
    ProfileHonour,
    StoryPage,
    StudioAchievement,
    StudioLevel,
)


def png_bytes(size=(40, 30), color=(200, 40, 30)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(
        lambda o: ImageFile(BytesIO(png_bytes()), name=f"{o.title}.png")
    )


class CraftsmanProfilePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CraftsmanProfilePage

    title = factory.Sequence(lambda n: f"Craftsman {n}")
    summary = "A model worker who teaches at the workstation."
    region = "Shaanxi"


class ProfileHonourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileHonour

    page = factory.SubFactory(CraftsmanProfilePageFactory)
    kind = "national_model_worker"
    year = 2015


class ProfileAchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileAchievement

    page = factory.SubFactory(CraftsmanProfilePageFactory)
    title = factory.Sequence(lambda n: f"Achievement {n}")
    year = 2020


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "What happened, in one sentence."
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(n))
    body = factory.LazyFunction(
        lambda: json.dumps(
            [{"type": "paragraph", "value": "<p>Model workers came to the mill.</p>"}]
        )
    )


class InnovationStudioPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InnovationStudioPage

    title = factory.Sequence(lambda n: f"Studio {n}")
    level = StudioLevel.NATIONAL
    region = "Shaanxi"


class StudioAchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudioAchievement

    page = factory.SubFactory(InnovationStudioPageFactory)
    kind = "process"
    title = factory.Sequence(lambda n: f"Improvement {n}")
    year = 2024
    projects = 1
    patents = 0


class AlliancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AlliancePage

    title = factory.Sequence(lambda n: f"Alliance {n}")
