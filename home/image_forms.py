"""The Wagtail image upload form, with the platform's image check on every new file
(a real image, within the size and pixel limits: no decompression bombs)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from lms.validators import validate_image_file


class CheckedImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_image_file(
                upload, max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
            )
        return upload
