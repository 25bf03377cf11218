"""The eight skill levels of the 2022 reform. Levels were the national grade, 1
(一级, highest) to 5 (五级); they become a rank, 1 (学徒工) to 8 (首席技师), so
every stored grade g becomes 7 - g: the same level, a new number. Certificates,
ladder requirements and the level changes written in certificate histories and
the audit log move together, in one transaction."""

from django.db import migrations, models
from django.db.models import Case, F, Q, Value, When

# Old grade -> new rank (and back, for the reverse migration).
FORWARD = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2}
BACKWARD = {new: old for old, new in FORWARD.items()}


def _remap_column(model, mapping):
    """Through numbers no level uses (100 + old), so the unique (occupation, level)
    of requirements never meets a half-moved pair (both databases check it row by
    row)."""
    model.objects.filter(level__in=list(mapping)).update(level=F("level") + 100)
    model.objects.filter(level__gte=100).update(
        level=Case(
            *(When(level=100 + old, then=Value(new)) for old, new in mapping.items()),
            default=F("level"),
            output_field=models.PositiveSmallIntegerField(),
        )
    )


def _remap_value(value, mapping):
    return mapping.get(value, value) if isinstance(value, int) else value


def _remap_changes(changes, mapping):
    """``{"level": [old, new]}`` or ``{"level": new}`` in a history entry."""
    if not isinstance(changes, dict) or "level" not in changes:
        return None
    pair = changes["level"]
    if isinstance(pair, list):
        changes["level"] = [_remap_value(v, mapping) for v in pair]
    else:
        changes["level"] = _remap_value(pair, mapping)
    return changes


def _remap(apps, mapping):
    for name in ("SkillCertificate", "LevelRequirement"):
        _remap_column(apps.get_model("lms", name), mapping)
    CertificateEvent = apps.get_model("lms", "CertificateEvent")
    for event in CertificateEvent.objects.filter(changes__has_key="level").only(
        "changes"
    ):
        if _remap_changes(event.changes, mapping) is not None:
            event.save(update_fields=["changes"])
    AuditEvent = apps.get_model("lms", "AuditEvent")
    for event in AuditEvent.objects.filter(
        action__startswith="certificate.", data__changes__has_key="level"
    ).only("data"):
        if _remap_changes(event.data.get("changes"), mapping) is not None:
            event.save(update_fields=["data"])


def _forward(apps, schema_editor):
    _remap(apps, FORWARD)


def _backward(apps, schema_editor):
    # The three new levels have no old number: a reverse with such rows stops.
    for name in ("SkillCertificate", "LevelRequirement"):
        model = apps.get_model("lms", name)
        if model.objects.filter(Q(level=1) | Q(level__gte=7)).exists():
            raise RuntimeError(
                f"{name} rows at apprentice, special-grade or chief level have no "
                "five-level equivalent: remove them before migrating back."
            )
    _remap(apps, BACKWARD)


LEVELS = [
    (1, "Apprentice"),
    (2, "Level 5 / Junior worker"),
    (3, "Level 4 / Intermediate worker"),
    (4, "Level 3 / Senior worker"),
    (5, "Level 2 / Technician"),
    (6, "Level 1 / Senior technician"),
    (7, "Special-grade technician"),
    (8, "Chief technician"),
]


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
        ("lms", "0015_board_exports"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="levelrequirement", name="level_requirement_level_1_5"
        ),
        migrations.RemoveConstraint(
            model_name="skillcertificate", name="certificate_level_1_5"
        ),
        migrations.RunPython(forward, backward),
        migrations.AlterModelOptions(
            name="levelrequirement",
            options={
                "ordering": ["occupation__name", "level"],
                "verbose_name": "skill-level requirement",
                "verbose_name_plural": "skill-level requirements",
            },
        ),
        migrations.AlterField(
            model_name="levelrequirement",
            name="level",
            field=models.PositiveSmallIntegerField(
                choices=LEVELS, verbose_name="skill level"
            ),
        ),
        migrations.AlterField(
            model_name="skillcertificate",
            name="level",
            field=models.PositiveSmallIntegerField(
                choices=LEVELS, verbose_name="skill level"
            ),
        ),
        migrations.AddConstraint(
            model_name="levelrequirement",
            constraint=models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=8),
                name="level_requirement_level_1_8",
            ),
        ),
        migrations.AddConstraint(
            model_name="skillcertificate",
            constraint=models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=8),
                name="certificate_level_1_8",
            ),
        ),
    ]
