"""The judging roles: judges score the contestants of the panels they sit on, a
chair runs a panel (corrections, reveal, sign-off)."""

from django.db import migrations

ROLES = ["Judge", "Chair"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("lms", "0019_credentials_keys_and_status_lists")]
    operations = [migrations.RunPython(create_roles, remove_roles)]
