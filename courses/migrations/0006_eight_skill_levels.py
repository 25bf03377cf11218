"""The eight skill levels (lms migration 0016): the level a course leads to was the
national grade, 1 (highest) to 5; it becomes the rank 1 (apprentice) to 8 (chief
technician), old grade g -> 7 - g, in the pages and in their saved revisions (so
publishing an old revision keeps its meaning)."""

from django.db import migrations, models

FORWARD = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2}
BACKWARD = {new: old for old, new in FORWARD.items()}


def _remap(apps, mapping):
    CoursePage = apps.get_model("courses", "CoursePage")
    pages = CoursePage.objects.filter(skill_level__in=list(mapping))
    for page in pages.only("skill_level"):
        CoursePage.objects.filter(pk=page.pk).update(
            skill_level=mapping[page.skill_level]
        )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    course_type = ContentType.objects.filter(
        app_label="courses", model="coursepage"
    ).first()
    if course_type is None:
        return
    for revision in Revision.objects.filter(content_type=course_type).only("content"):
        level = (revision.content or {}).get("skill_level")
        if isinstance(level, int) and level in mapping:
            revision.content["skill_level"] = mapping[level]
            revision.save(update_fields=["content"])


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
        ("courses", "0005_lesson_video_poster_captions"),
        ("lms", "0016_eight_skill_levels"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.AlterField(
            model_name="coursepage",
            name="skill_level",
            field=models.PositiveSmallIntegerField(
                blank=True,
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
                null=True,
                verbose_name="skill level it leads to",
            ),
        ),
    ]
