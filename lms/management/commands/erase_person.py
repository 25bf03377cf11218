"""``manage.py erase_person <email>``: erase one person's data on request."""

from django.core.management.base import BaseCommand, CommandError

from lms.errors import DomainError
from lms.models import User
from lms.services.personal_data import personal_data_erase


class Command(BaseCommand):
    help = (
        "Erase a person's data in every app (the account stays as a tombstone so "
        "certificates and shared records keep their integrity). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="the person's e-mail address")
        parser.add_argument(
            "--no-input",
            action="store_true",
            dest="no_input",
            help="do not ask for confirmation",
        )

    def handle(self, *args, email: str, no_input: bool, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No person with the e-mail address {email}.")
        if not no_input:
            answer = input(
                f"Erase the data of {user.get_full_name()} <{user.email}>? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                self.stdout.write("Nothing was erased.")
                return
        try:
            user = personal_data_erase(user=user, actor=None)
        except DomainError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased person {user.pk}; the account is now {user.email}."
            )
        )
