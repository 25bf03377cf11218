"""The Wagtail image upload form, with the platform's image check on every new file
(a real image, within the size and pixel limits, decoding to the end: no decompression
bombs, no truncated files)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from lms.validators import validate_image_file


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, after ``validate_image_file``: Wagtail's own size check
    decodes the header only and lets Pillow's OSError for a truncated JPEG out (a
    500), so ours runs first and answers with a form error."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            validate_image_file(data, max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        return super().to_python(data)


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            # Wagtail builds the field itself (formfield_for_dbfield); ours only adds
            # the check in front, so the built field keeps its label and widget.
            field.__class__ = CheckedImageField
