"""``manage.py rotate_credential_keys [--body ID]``: a new signing key for every
issuing body (or one); the old public keys stay published for verification."""

from django.core.management.base import BaseCommand, CommandError

from lms.certification.selectors import issuer_did
from lms.certification.services import issuer_key_rotate
from lms.models import IssuingBody


class Command(BaseCommand):
    help = (
        "Give issuing bodies a new credential signing key. Credentials signed with "
        "an old key keep verifying: its public key stays in the DID document."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--body",
            type=int,
            help="the issuing body's id (the last part of its did:web); all if absent",
        )

    def handle(self, *args, body: int | None = None, **options):
        bodies = IssuingBody.objects.order_by("pk")
        if body is not None:
            bodies = bodies.filter(pk=body)
            if not bodies.exists():
                raise CommandError(f"No issuing body has the id {body}.")
        for issuing_body in bodies:
            key = issuer_key_rotate(body=issuing_body)
            # The public key only: the private half is never printed or logged.
            self.stdout.write(
                f"{issuer_did(issuing_body.pk)}: new key {key.public_key}"
            )
