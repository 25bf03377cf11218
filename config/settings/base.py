"""Settings shared by every environment; ``dev``, ``test`` and ``production``
adjust them. Django's own settings and the project's are here; each third-party part
is a module of its own, imported here so that every environment sees one namespace:
``accounts`` (Django auth, allauth, two-factor), ``cms`` (Wagtail), ``worker``
(Celery) and ``csp`` (Content-Security-Policy), on top of ``environment`` (the
environment reader, the site's address, languages and time zone)."""

# The imported settings are declared for Django (and dev/test/production), not used.
# ruff: noqa: F401

from config.settings.accounts import (
    ACCOUNT_ADAPTER,
    ACCOUNT_CONFIRM_EMAIL_ON_GET,
    ACCOUNT_EMAIL_VERIFICATION,
    ACCOUNT_FORMS,
    ACCOUNT_LOGIN_BY_CODE_ENABLED,
    ACCOUNT_LOGIN_BY_CODE_FORMAT,
    ACCOUNT_LOGIN_METHODS,
    ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION,
    ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE,
    ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT,
    ACCOUNT_PHONE_VERIFICATION_ENABLED,
    ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND,
    ACCOUNT_PREVENT_ENUMERATION,
    ACCOUNT_RATE_LIMITS,
    ACCOUNT_SIGNUP_FIELDS,
    ACCOUNT_UNIQUE_EMAIL,
    ACCOUNT_USER_MODEL_USERNAME_FIELD,
    ALLAUTH_TRUSTED_PROXY_COUNT,
    AUTH_PASSWORD_VALIDATORS,
    AUTH_USER_MODEL,
    AUTHENTICATION_BACKENDS,
    LMS_REQUIRE_MFA,
    LOGIN_REDIRECT_URL,
    LOGIN_URL,
    MFA_SUPPORTED_TYPES,
    MFA_TOTP_ISSUER,
    PASSWORD_VALIDATION,
    TRUSTED_PROXY_COUNT,
)
from config.settings.cms import (
    MAX_AVATAR_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_VIDEO_BYTES,
    WAGTAIL_CONTENT_LANGUAGES,
    WAGTAIL_GRAVATAR_PROVIDER_URL,
    WAGTAIL_I18N_ENABLED,
    WAGTAIL_PASSWORD_MANAGEMENT_ENABLED,
    WAGTAIL_PASSWORD_RESET_ENABLED,
    WAGTAIL_SITE_NAME,
    WAGTAILADMIN_BASE_URL,
    WAGTAILADMIN_LOGIN_URL,
    WAGTAILDOCS_DOCUMENT_FORM_BASE,
    WAGTAILDOCS_EXTENSIONS,
    WAGTAILDOCS_INLINE_CONTENT_TYPES,
    WAGTAILEMBEDS_FINDERS,
    WAGTAILIMAGES_EXTENSIONS,
    WAGTAILIMAGES_IMAGE_FORM_BASE,
    WAGTAILIMAGES_MAX_IMAGE_PIXELS,
    WAGTAILIMAGES_MAX_UPLOAD_SIZE,
    WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE,
    WAGTAILSEARCH_BACKENDS,
    WAGTAILUSERS_PASSWORD_ENABLED,
)
from config.settings.csp import (
    ADMIN_CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY,
)
from config.settings.environment import (
    BASE_DIR,
    LANGUAGE_CODE,
    LANGUAGES,
    SITE_URL,
    TIME_ZONE,
    env,
)
from config.settings.worker import (
    CELERY_BEAT_SCHEDULE,
    CELERY_BROKER_TRANSPORT_OPTIONS,
    CELERY_BROKER_URL,
    CELERY_RESULT_BACKEND,
    CELERY_TASK_ACKS_LATE,
    CELERY_TASK_ALWAYS_EAGER,
    CELERY_TASK_DEFAULT_RETRY_DELAY,
    CELERY_TASK_EAGER_PROPAGATES,
    CELERY_TASK_REJECT_ON_WORKER_LOST,
    CELERY_TASK_SOFT_TIME_LIMIT,
    CELERY_TASK_TIME_LIMIT,
    CELERY_TIMEZONE,
    CELERY_WORKER_PREFETCH_MULTIPLIER,
)

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

LOCALE_PATHS = [BASE_DIR / "locale"]
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
# Earlier secrets that still decrypt while keys move to the new one (comma-separated;
# emptied after `manage.py reencrypt_signing_keys`).
CREDENTIAL_KEYS_SECRET_PREVIOUS = env.list(
    "CREDENTIAL_KEYS_SECRET_PREVIOUS", default=[]
)
JOIN_RATE_LIMIT = 20  # invitation codes tried per minute per IP address
# Events: per person, not per address (a hall's audience shares one network).
VOTE_RATE_LIMIT = 5  # votes sent per minute per person
CHECK_IN_RATE_LIMIT = 60  # ticket codes tried per minute per steward

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
PDF_SIGNING_SECRET_PREVIOUS = env.list("PDF_SIGNING_SECRET_PREVIOUS", default=[])
PDF_SIGNING_CERT_FILE = env("PDF_SIGNING_CERT_FILE", default="")
PDF_SIGNING_KEY_FILE = env("PDF_SIGNING_KEY_FILE", default="")
PDF_SIGNING_KEY_PASSWORD = env("PDF_SIGNING_KEY_PASSWORD", default="")
PDF_SIGNING_CA_FILE = env("PDF_SIGNING_CA_FILE", default="")
