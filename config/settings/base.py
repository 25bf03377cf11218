"""Settings shared by every environment; ``dev``, ``test`` and ``production``
adjust them."""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "lms",
    "courses",
    "mentorship",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.users_app.LmsUsersAppConfig",  # wagtail.users; roles through services
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # Translations that stay in step with their source page (docs/architecture.md).
    "wagtail_localize",
    "wagtail_localize.locales",  # in place of wagtail.locales
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, cached ones too (lms/csp.py).
    "lms.csp.ContentSecurityPolicyMiddleware",
    # The client's address behind our proxies, for the audit trail (lms/client_ip.py).
    "lms.client_ip.ClientAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Wagtail's Site and page routes from the cache (lms/routing.py); after the locale.
    "lms.routing.SiteAndRouteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous public pages from the cache (lms/page_cache.py); off unless
    # ANON_PAGE_CACHE_SECONDS > 0. After CSRF (hands out tokens), before auth.
    "lms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.middleware.RequireMFAMiddleware",
    # The Wagtail admin's searches get the site's length cap (lms/search.py).
    "lms.middleware.AdminSearchCapMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.navigation",
            ],
        },
    },
]

# SQLite by default: WAL and IMMEDIATE transactions so concurrent writers wait for
# the lock instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;"
    ),
}
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://craftskills")}

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, reading the user with their roles,
    # memberships and unread count in one query (lms/auth_backends.py).
    "lms.auth_backends.PersonalModelBackend",
    "lms.auth_backends.PersonalAuthenticationBackend",
]
PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "lms:dashboard"

# django-allauth: sign-in by e-mail or mobile number (password, or a one-time code),
# mandatory verification of what was given, rate limits on the cache. Sign-up asks for
# an e-mail address or a mobile number: allauth's checks want "email*" with mandatory
# verification, so lms.forms.SignupForm makes the address optional when a number is
# given, and lms.adapters.EmailVerificationUnlessPhoneOnly lets an account without an
# address through on its verified number.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
# Six digits, as Chinese text-message codes are: read on a phone, typed on another.
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = ACCOUNT_LOGIN_BY_CODE_FORMAT
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "lms.forms.SignupForm",
    "login": "lms.forms.LoginForm",
    "request_login_code": "lms.forms.RequestLoginCodeForm",
    "confirm_login_code": "lms.forms.ConfirmLoginCodeForm",
    "verify_phone": "lms.forms.VerifyPhoneForm",
}
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "verify_phone": "1/30s/key,3/m/ip",
}
# Proxies of our own in front of the site (nginx: 1). The client's address, for rate
# limits and the audit trail, is that many entries from the right of X-Forwarded-For;
# 0 trusts no header (REMOTE_ADDR). lms.client_ip reads it; allauth is told the same.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Craft Skills"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# One date style per language (config/formats/<locale>/formats.py): templates use
# ``|date`` / ``|date:"SHORT_DATE_FORMAT"``, never a pattern of their own.
FORMAT_MODULE_PATH = ["config.formats"]

# The PDFs' one font (certificates, agreements), embedded as a subset: a TrueType
# CJK font that covers Latin. Debian's fonts-wqy-microhei (installed by `make`);
# a collection (.ttc) names its face by index. Missing is an error, never a fallback.
PDF_FONT_PATH = env(
    "PDF_FONT_PATH", default="/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
)
PDF_FONT_INDEX = env.int("PDF_FONT_INDEX", default=0)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Private uploads (scans, imports, evidence, photos, attachments): no URL; served by
# views that check permissions (lms/private_files.py). Behind nginx, set
# PRIVATE_MEDIA_ACCEL_REDIRECT to its internal location ("/protected/") and nginx
# sends the file (X-Accel-Redirect); empty: Django streams it.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media"))
PRIVATE_MEDIA_ACCEL_REDIRECT = env("PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Requests above this are refused before they reach a view (uploads stream to disk).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

# Text messages (sign-in codes): a sender class (lms.sms.backends), as e-mail has a
# backend. The console by default; FileSender writes to SMS_FILE_PATH.
SMS_BACKEND = env("SMS_BACKEND", default="lms.sms.backends.ConsoleSender")
SMS_FILE_PATH = env("SMS_FILE_PATH", default="")
# An invitation link or code is good for this many days unless HR chooses otherwise.
INVITATION_DAYS = 14

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Craft Skills <noreply@localhost>"
)

# The site's public address: every absolute link (e-mails, certificate QR codes, the
# admin's links) is built from it by lms.links.absolute_url. Production requires it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Certification: the import size limit and the verification rate limit.
CERTIFICATE_IMPORT_MAX_BYTES = 20 * 1024 * 1024
VERIFY_RATE_LIMIT = 30  # look-ups per minute per IP address
VERIFY_UPLOAD_RATE_LIMIT = 10  # uploaded credentials checked per minute per address
VERIFY_UPLOAD_MAX_BYTES = 5 * 1024 * 1024  # read no further (a signed PDF)
VERIFY_CREDENTIAL_MAX_BYTES = 512 * 1024  # a credential (JSON, PNG, SVG) is a few KB
# Encrypts the credential signing keys at rest (lms/certification/credentials/keys.py).
# Empty here: dev and test set their own; production refuses to start without it
# (a system check).
CREDENTIAL_KEYS_SECRET = env("CREDENTIAL_KEYS_SECRET", default="")
JOIN_RATE_LIMIT = 20  # invitation codes tried per minute per IP address

# Wagtail
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

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Hashed, expiring tokens of people who meet their role's two-factor rule.
        "lms.api_auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Craft Skills API",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["config.api_schema.public_api_only"],
}

# Celery: late acknowledgement so a task whose worker dies is run again; tasks are
# idempotent, so a second run changes nothing.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 15 * 60
CELERY_TASK_TIME_LIMIT = 20 * 60
# Longer than the longest task, so a running task is not handed to a second worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "certificate-expiry-reminders": {
        "task": "lms.tasks.certificate_expiry_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "clear-expired-sessions": {
        "task": "lms.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=0),
    },
    "mentorship-overdue-milestones": {
        "task": "mentorship.tasks.notify_overdue_milestones",
        "schedule": crontab(hour=7, minute=30),
    },
    # E-mails whose queueing failed (broker down) or whose task was lost.
    "requeue-pending-notifications": {
        "task": "lms.tasks.requeue_pending_notifications",
        "schedule": crontab(minute="*/10"),
    },
    # Certificate imports whose dry run never reached the broker or was lost.
    "certificate-imports-requeue-pending": {
        "task": "lms.tasks.certificate_imports_requeue_pending",
        "schedule": crontab(minute="*/5"),
    },
    # Board exports: files older than a day deleted, lost ones queued again
    # (lms/certification/services/exports.py).
    "certificate-board-exports-sweep": {
        "task": "lms.tasks.certificate_board_exports_sweep",
        "schedule": crontab(minute="*/10"),
    },
    # Closed service requests unanswered for 14 days count as confirmed.
    "mentorship-confirm-unanswered-requests": {
        "task": "mentorship.tasks.confirm_unanswered_requests",
        "schedule": crontab(hour=6, minute=15),
    },
    # Mentors not yet told of a published service request (broker down, task lost).
    "mentorship-requests-notify-pending": {
        "task": "mentorship.tasks.notify_mentors_of_pending_requests",
        "schedule": crontab(minute="*/10"),
    },
    # Certificates of completions whose task never reached the broker or was lost.
    "certificates-issue-pending": {
        "task": "courses.tasks.certificates_issue_pending",
        "schedule": crontab(minute="*/2"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Wagtail's background tasks log every run at INFO; keep the console readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Content-Security-Policy (django-csp, lms/csp.py). The site's pages: everything from
# the site itself, no inline script and no style attribute (progress bars use
# classes, scripts are files in static/js/). No nonce: pages are cached whole for
# anonymous visitors and learners (lms/page_cache.py), and a cached nonce would not
# match the next response's header. Uploads and embeds are served from the site.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],  # lms.csp.ADMIN_PREFIXES: report-only there
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The Wagtail admin writes inline scripts (date and time widgets, inline panels) and
# style attributes (Draftail, choosers): the strict policy would break editing, so
# the admin gets this looser policy as report-only (see docs/deployment.md).
ADMIN_CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],  # lms.csp.ADMIN_PREFIXES: report-only there
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Two-factor sign-in is required for the roles in ``lms.roles.MFA_REQUIRED_ROLES``.
LMS_REQUIRE_MFA = env.bool("REQUIRE_MFA", default=True)
# Password reset and sign-up answer the same whether or not an address has an
# account; its owner is told by e-mail (templates/account/email/unknown_account_*,
# account_already_exists_*).
ACCOUNT_PREVENT_ENUMERATION = True

# Anonymous page cache (lms/page_cache.py): seconds a public page is kept; 0 = off.
# Production turns it on. Verification pages change without a publication (a
# certificate revoked), so they are kept only a minute.
ANON_PAGE_CACHE_SECONDS = env.int("ANON_PAGE_CACHE_SECONDS", default=0)
ANON_PAGE_CACHE_VIEWS = ["wagtail_serve", "certification:verify"]
ANON_PAGE_CACHE_VIEW_SECONDS = {"certification:verify": 60}

# The HR board's covering index lists non-key columns that only PostgreSQL uses;
# SQLite builds the index without them (the embedded default), which is fine.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Certificate PDFs carry a PAdES signature (lms/certification/signing.py).
# "database": a certificate authority kept in the database (a root and one signing
# certificate per issuing body, made by load_demo or on first use), private keys
# encrypted with PDF_SIGNING_SECRET (dev and test set a default; nothing here does).
# "files": the signing certificate, its key and the CA chain from the files named
# below (production's default; docs/deployment.md). A system check refuses a
# configuration that cannot sign.
PDF_SIGNING_MODE = env("PDF_SIGNING_MODE", default="database")
PDF_SIGNING_SECRET = env("PDF_SIGNING_SECRET", default="")
PDF_SIGNING_CERT_FILE = env("PDF_SIGNING_CERT_FILE", default="")
PDF_SIGNING_KEY_FILE = env("PDF_SIGNING_KEY_FILE", default="")
PDF_SIGNING_KEY_PASSWORD = env("PDF_SIGNING_KEY_PASSWORD", default="")
PDF_SIGNING_CA_FILE = env("PDF_SIGNING_CA_FILE", default="")
