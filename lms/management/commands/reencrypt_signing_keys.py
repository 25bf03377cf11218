"""``manage.py reencrypt_signing_keys``: after changing ``CREDENTIAL_KEYS_SECRET`` or
``PDF_SIGNING_SECRET`` (the old value listed in ``*_SECRET_PREVIOUS``), moves every
stored signing key to the new secret, so the old one can be dropped."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from lms.certification.services import signing_keys_reencrypt


class Command(BaseCommand):
    help = (
        "Encrypt every stored credential and PDF signing key under the current "
        "secrets (run after changing a secret, with the old one in *_PREVIOUS)."
    )

    def handle(self, *args, **options):
        try:
            done = signing_keys_reencrypt()
        except ImproperlyConfigured as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        self.stdout.write(
            f"{done.credential_keys} credential signing keys and "
            f"{done.pdf_signing_keys} PDF signing keys are under the current secrets."
        )
