"""``manage.py register_translations``: once, after upgrading to wagtail-localize."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from lms.services.pages import page_translations_register_all


class Command(BaseCommand):
    help = (
        "Register the pages translated before wagtail-localize (a page with the "
        "translation key of a default-language page, in another locale) as "
        "wagtail-localize translations of that page: its words become the translated "
        "strings, so later changes to the source reach it with 'Sync translated "
        "pages'. Safe to run again: registered pages are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", help="only pages in this language code (e.g. zh-hans)"
        )

    def handle(self, *args, locale: str | None = None, **options):
        only = None
        if locale:
            only = Locale.objects.filter(language_code=locale).first()
            if only is None:
                raise CommandError(f"No locale with the language code {locale}.")
        done = page_translations_register_all(locale=only)
        new = [item for item in done if item.created]
        for item in new:
            for path in item.mismatched:
                page = item.translation.get_target_instance()
                self.stdout.write(
                    f"  page {page.pk} “{page.title}”: {path} differs in structure "
                    "from the source and is left to translate"
                )
        self.stdout.write(
            f"Registered {len(new)} translations "
            f"({sum(item.strings for item in new)} strings); "
            f"{len(done) - len(new)} were registered already."
        )
