"""The eight skill levels (lms migration 0016): a milestone's level was the national
grade, 1 (highest) to 5; it becomes the rank 1 (apprentice) to 8 (chief
technician), old grade g -> 7 - g."""

from django.db import migrations, models
from django.db.models import Case, F, Q, Value, When

FORWARD = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2}
BACKWARD = {new: old for old, new in FORWARD.items()}


def _remap(apps, mapping):
    Milestone = apps.get_model("mentorship", "Milestone")
    Milestone.objects.filter(skill_level__in=list(mapping)).update(
        skill_level=Case(
            *(When(skill_level=old, then=Value(new)) for old, new in mapping.items()),
            default=F("skill_level"),
            output_field=models.PositiveSmallIntegerField(),
        )
    )


def _forward(apps, schema_editor):
    _remap(apps, FORWARD)


def _backward(apps, schema_editor):
    _remap(apps, BACKWARD)


def _check_now(schema_editor):
    """PostgreSQL queues deferred foreign-key checks for the rows just rewritten and
    refuses to ALTER a table with checks pending: run them now."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def forward(apps, schema_editor):
    _forward(apps, schema_editor)
    _check_now(schema_editor)


def backward(apps, schema_editor):
    _backward(apps, schema_editor)
    _check_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("mentorship", "0004_service_request_reopen_and_auto_confirm"),
        ("lms", "0016_eight_skill_levels"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="milestone", name="milestone_level_1_to_5"
        ),
        migrations.RunPython(forward, backward),
        migrations.AlterField(
            model_name="milestone",
            name="skill_level",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (1, "Apprentice"),
                    (2, "Level 5 / Junior worker"),
                    (3, "Level 4 / Intermediate worker"),
                    (4, "Level 3 / Senior worker"),
                    (5, "Level 2 / Technician"),
                    (6, "Level 1 / Senior technician"),
                    (7, "Special-grade technician"),
                    (8, "Chief technician"),
                ],
                verbose_name="skill level",
            ),
        ),
        migrations.AddConstraint(
            model_name="milestone",
            constraint=models.CheckConstraint(
                condition=Q(skill_level__gte=1, skill_level__lte=8),
                name="milestone_level_1_to_8",
            ),
        ),
    ]
