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
        from mentorship import demo as mentorship_demo

        for loader in (lms_demo, courses_demo, mentorship_demo, home_demo):
            with transaction.atomic():
                loader.load(stdout=self.stdout)
        lms_demo.print_logins(stdout=self.stdout)
