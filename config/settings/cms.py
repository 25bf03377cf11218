"""Wagtail: the admin, languages, search, and what editors may upload (images,
documents and lesson videos, each through the project's validators). No outside
service is called: no gravatar, no oEmbed."""

from config.settings.environment import LANGUAGES, SITE_URL

WAGTAIL_SITE_NAME = "Craft Skills"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation of a live page is a draft, published by a moderator (not live at
# once with the English words, as wagtail-localize does by default).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Every image upload also passes lms.validators.validate_image_file.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.CheckedImageForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Admin avatars never come from gravatar.com (blocked in mainland China, and it
# would send e-mail hashes abroad): uploaded avatars or Wagtail's default only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []  # no outside oEmbed calls: videos are uploaded or linked
# Lesson videos are documents (MP4, WebM) with WebVTT captions. Every upload also
# passes lms.validators.validate_document_file (size, and real video/caption files).
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "xlsx", "pptx", "txt", "csv", "zip", "mp4", "webm", "vtt"
]  # fmt: skip
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lms.document_forms.CheckedDocumentForm"
# Played or read in the page rather than downloaded.
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
# Below nginx's client_max_body_size (55m, .ci/nginx.conf.template).
MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
# Pillow refuses images larger than this before decoding them (decompression bombs).
MAX_IMAGE_PIXELS = 25_000_000
MAX_AVATAR_BYTES = 5 * 1024 * 1024
