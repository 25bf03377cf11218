"""Loads the demo content of every app, through the same services people use, and
then the demo world (``home.demo_world``): the story enterprises' workers and two
years of their history. ``--small`` loads the content and the demo logins only.
Safe to run again: each loader finds what it made before."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

QUIET_MAIL = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = "Loads demo accounts, courses, mentorships, certificates and stories."
    # ``make run`` has just run them (migrate) and runs them again (runserver).
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--small",
            action="store_true",
            help="Only the minimal content and the demo logins, without the world "
            "of workers and their history.",
        )

    def handle(self, *args, small=False, **options):
        from home import demo as home_demo
        from home import demo_world
        from home.events import demo as events_demo
        from lms import demo as lms_demo
        from lms.certification import demo as demo_certificates
        from mentorship import demo as mentorship_demo

        began = time.monotonic()
        loaders = [
            lms_demo.load,
            demo_certificates.load_certificates,
            home_demo.load_courses,
            mentorship_demo.load,
            home_demo.load,
            events_demo.load,
        ]
        if not small:
            loaders.append(demo_world.load)
        loaders.append(lms_demo.name_organisations_in_chinese)
        loaders.append(demo_certificates.issue_credentials)
        # The world's messages land in the demo people's inboxes; e-mailing them
        # (to the console, in ``make run``) would bury the list of logins.
        with override_settings(EMAIL_BACKEND=QUIET_MAIL):
            for load in loaders:
                with transaction.atomic():
                    load(stdout=self.stdout)
        lms_demo.print_logins(stdout=self.stdout)
        self.stdout.write(f"Demo loaded in {time.monotonic() - began:.1f} s")
