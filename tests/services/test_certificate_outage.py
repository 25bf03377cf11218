"""Redis stopped: with the production cache settings, pages keep working and a course
completed through the views is saved and left pending (the whole outage through
gunicorn, beat and a worker: tests/services/test_redis_outage_site.py). Helpers shared
by the certificate fault tests.

The last test needs no services: it checks the production cache settings themselves."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from courses.models import CourseCompletion
from courses.services.enrollment import enrollment_create
from lms.models import SkillCertificate
from tests.courses import factories as f
from tests.lms.factories import OccupationFactory, UserFactory
from tests.services.workers import ROOT

LEARNERS = 6


def production_cache_settings(cache_url: str) -> dict:
    """CACHES and the django-redis flags as config.settings.production makes them
    from ``cache_url`` (read in a fresh interpreter: production reads its env)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "only-to-read-settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/unused.db"),
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
        "CACHE_URL": cache_url,
    }
    code = (
        "import json; from django.conf import settings as s; print(json.dumps("
        "{k: getattr(s, k, None) for k in ('CACHES', 'SESSION_ENGINE',"
        " 'DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS', 'DJANGO_REDIS_LOGGER')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def production_cache(services_env, settings):
    """This process's cache as production sets it up on the services' Redis (errors
    ignored and logged, cached_db sessions): Redis down means cache down too."""
    production = production_cache_settings(os.environ["CACHE_URL"])
    assert production["SESSION_ENGINE"].endswith("cached_db")
    for name, value in production.items():
        setattr(settings, name, value)
    return production


def certificate_course(title: str = "Boiler safety"):
    course = f.course(
        title=title,
        issues_certificate=True,
        occupation=OccupationFactory(),
        skill_level=3,
    )
    lesson = f.lesson(course=course, title="Only lesson", body=[f.text_block()])
    return course, lesson


def assert_one_certificate_each(completions) -> None:
    """Every completion points at its own certificate, the one made for it."""
    assert not completions.filter(certificate_checked_at__isnull=True).exists()
    expected = {f"course-completion:{c.pk}": c for c in completions}
    certificates = SkillCertificate.objects.filter(source_key__in=expected)
    assert certificates.count() == len(expected)
    for certificate in certificates:
        completion = expected[certificate.source_key]
        assert completion.certificate_id == certificate.pk
        assert certificate.holder_id == completion.enrollment.user_id
    per_holder = certificates.values("holder").annotate(n=Count("pk"))
    assert {row["n"] for row in per_holder} == {1}


@pytest.mark.services
def test_pages_work_and_completions_are_saved_through_the_views_without_redis(
    transactional_db,
    django_db_serialized_rollback,
    broker,
    production_cache,
    redis_outage,
    settings,
):
    """Production cache settings (django-redis ignoring errors, cached_db sessions,
    anonymous page cache on): with Redis stopped a signed-in learner still sees pages
    and completes the course (302, saved, pending), and visitors see the home and
    verification pages. Real commits (transactional_db), so the after-commit work
    (queueing the certificate, page cache bumps) runs, and fails, in the request."""
    settings.ANON_PAGE_CACHE_SECONDS = 300
    client = Client()
    stop_redis, _start_redis = redis_outage
    course, lesson = certificate_course("Crane signals")
    learner = UserFactory()
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    other = UserFactory()
    from lms.certification.services.certificates import platform_certificate_issue

    certificate = platform_certificate_issue(
        holder=other,
        occupation=course.occupation,
        level=2,
        course_title="Earlier course",
        source_key="outage-test",
    )
    stop_redis()

    assert client.get(lesson.url).status_code == 200
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 302
    completion = CourseCompletion.objects.get(enrollment__user=learner)
    assert completion.certificate_checked_at is None
    assert client.get(reverse("courses:my_learning")).status_code == 200
    visitor = Client()
    assert visitor.get("/").status_code == 200
    verify = reverse("certification:verify", args=[certificate.verification_code])
    assert visitor.get(verify).status_code == 200


def test_production_cache_ignores_redis_errors_with_short_timeouts():
    """The production settings keep pages up when Redis is down (errors read as
    misses, logged), and a hung Redis cannot hold a request for long."""
    settings = production_cache_settings("redis://127.0.0.1:6379/1")
    cache = settings["CACHES"]["default"]
    assert "django_redis" in cache["BACKEND"]
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 2
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 2
    assert settings["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"] is True
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
