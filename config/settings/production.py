"""Production: everything from the environment; refuses to start without a secret, a
database, a broker or a shared cache (see docs/deployment.md for each variable)."""

from .base import *  # noqa: F403
from .base import MEDIA_ROOT, STATIC_ROOT, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Links in e-mails and certificate QR codes are absolute: no default address here.
SITE_URL = WAGTAILADMIN_BASE_URL = env("SITE_URL").rstrip("/")

# base.py falls back to a SQLite file, in-process memory broker and per-process cache;
# none of them is shared between machines, so production insists on real ones.
env("DATABASE_URL")
# Behind PgBouncer in transaction mode (with CONN_MAX_AGE=0).
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(  # noqa: F405
    "PGBOUNCER", default=False
)
# An unreachable database fails a request within seconds (a 503 page, see
# lms/middleware.py) instead of holding a web worker until the client gives up.
# connect_timeout is libpq's option: other databases do not take it.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(  # noqa: F405
        "DB_CONNECT_TIMEOUT", default=5
    )
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Certificate PDFs are signed with the certificate and key in these files (the
# system check lms.E003 stops a start without them; docs/deployment.md).
PDF_SIGNING_MODE = env("PDF_SIGNING_MODE", default="files")
CACHES = {"default": env.cache("CACHE_URL")}
if "django_redis" in CACHES["default"]["BACKEND"]:
    # With Redis down the site keeps serving: a cache error is logged and read as a
    # miss (sessions are cached_db, so they come from the database; rate limits are
    # not enforced until Redis is back). Short timeouts: a hung Redis costs a request
    # at most a second or two, not a worker. See docs/deployment.md.
    CACHES["default"]["OPTIONS"] = {
        **CACHES["default"].get("OPTIONS", {}),
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_CONNECT_TIMEOUT", default=1.0),
        "SOCKET_TIMEOUT": env.float("CACHE_TIMEOUT", default=1.0),
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "django_redis.ignored"

STATIC_ROOT = env("STATIC_ROOT", default=str(STATIC_ROOT))
MEDIA_ROOT = env("MEDIA_ROOT", default=str(MEDIA_ROOT))
# Uploaded files are normally served by the front proxy (nginx) from MEDIA_ROOT; on a
# one-machine setup without a proxy (``make run-services``) Django serves them itself.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# TLS ends at the proxy, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=True)
# Only plain-http loopback setups turn this off (cookies without the Secure flag).
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Public pages for visitors who are not signed in, from the shared cache.
ANON_PAGE_CACHE_SECONDS = env.int("ANON_PAGE_CACHE_SECONDS", default=300)

SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)  # noqa: F405
LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
