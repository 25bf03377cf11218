"""Creates the platform roles as groups. Wagtail's own "Editors" and "Moderators"
groups become our Editor and Moderator, so its moderation workflow keeps its links."""

from django.db import migrations

ROLES = [
    "Learner",
    "Mentor",
    "HR",
    "Editor",
    "Moderator",
    "Union coordinator",
    "Certification officer",
]
RENAMES = {"Editors": "Editor", "Moderators": "Moderator"}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for old, new in RENAMES.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for old, new in RENAMES.items():
        Group.objects.filter(name=new).update(name=old)
    Group.objects.filter(name__in=set(ROLES) - set(RENAMES.values())).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("auth", "__latest__"),
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
