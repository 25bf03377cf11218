"""Loads the demo content of every app, through the same services people use.
Safe to run again: each loader finds what it made before."""

from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Loads demo accounts, courses, mentorships, certificates and stories."

    def handle(self, *args, **options):
        from courses import demo as courses_demo
        from home import demo as home_demo
        from lms import demo as lms_demo
        from lms import demo_certificates
        from mentorship import demo as mentorship_demo

        loaders = (
            lms_demo.load,
            demo_certificates.load_certificates,
            courses_demo.load,
            mentorship_demo.load,
            home_demo.load,
        )
        for load in loaders:
            with transaction.atomic():
                load(stdout=self.stdout)
        lms_demo.print_logins(stdout=self.stdout)
