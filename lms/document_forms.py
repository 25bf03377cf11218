"""The Wagtail document upload form, with the platform's check on every new file
(within the size limit; a video or caption file really is one)."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from lms.validators import validate_document_file


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_document_file(upload)
        return upload
