"""The event roles: organisers follow the reservations of their events, stewards
check visitors in at the door."""

from django.db import migrations

ROLES = ["Event organiser", "Steward"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("lms", "0017_issuing_body_numbers_and_pdf_signing")]
    operations = [migrations.RunPython(create_roles, remove_roles)]
