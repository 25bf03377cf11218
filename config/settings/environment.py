"""What every settings module builds on: the environment reader, the project's folder,
the site's public address, its languages and its time zone. In a module of their own
so the third-party parts (accounts, cms, worker) can read them without importing
base, which imports those parts."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

# The site's public address: every absolute link (e-mails, certificate QR codes, the
# admin's links) is built from it by lms.links.absolute_url. Production requires it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
