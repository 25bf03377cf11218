"""On PostgreSQL the database itself refuses two overlapping sessions of one mentor
(an exclusion constraint over btree_gist); the service checks the same rule first
with a readable error (mentorship.services.sessions._check_no_overlap). SQLite has no
exclusion constraints: there the operations do nothing. The constraint is not part of
the model state, so the models stay the same on every database."""

from django.db import migrations

EXTENSION = "CREATE EXTENSION IF NOT EXISTS btree_gist"
CONSTRAINT = "session_mentor_no_overlap"
ADD = f"""
ALTER TABLE mentorship_guidancesession ADD CONSTRAINT {CONSTRAINT}
EXCLUDE USING gist (
    mentor_id WITH =,
    tsrange(date + start_time, date + end_time, '[)') WITH &&
)
"""
DROP = f"ALTER TABLE mentorship_guidancesession DROP CONSTRAINT IF EXISTS {CONSTRAINT}"


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """RunSQL that runs only where the database is PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0001_initial")]

    operations = [
        RunSQLOnPostgreSQL(EXTENSION, reverse_sql=migrations.RunSQL.noop),
        RunSQLOnPostgreSQL(ADD, reverse_sql=DROP),
    ]
