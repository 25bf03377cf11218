"""Notifications store what happened (a kind and its parameters), not rendered text.

Existing rows keep their text in the ``legacy`` kind, which shows it as stored;
a certificate-ready message (key ``cert-issued:<id>``) becomes the real kind, so
it reads in each reader's language from now on."""

from django.db import migrations, models


def to_kinds(apps, schema_editor):
    Notification = apps.get_model("lms", "Notification")
    for n in Notification.objects.all().iterator():
        prefix, _, rest = n.key.partition(":")
        if prefix == "cert-issued" and rest.isdigit():
            n.kind, n.params = "lms.certificate_issued", {"certificate": int(rest)}
        else:
            n.kind = "legacy"
            n.params = {"subject": n.subject, "body": n.body, "url": n.url}
        n.save(update_fields=["kind", "params"])


def to_text(apps, schema_editor):
    Notification = apps.get_model("lms", "Notification")
    for n in Notification.objects.all().iterator():
        params = n.params or {}
        n.subject = str(params.get("subject") or n.kind)[:200]
        n.body = str(params.get("body") or "")
        n.url = str(params.get("url") or "")[:500]
        n.save(update_fields=["subject", "body", "url"])


class Migration(migrations.Migration):
    dependencies = [("lms", "0006_random_upload_names")]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                default="legacy", max_length=100, verbose_name="kind"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameters"),
        ),
        migrations.AddField(
            model_name="notification",
            name="failed_at",
            field=models.DateTimeField(
                blank=True,
                help_text="The e-mail cannot be sent (a permanent error); not retried.",
                null=True,
                verbose_name="e-mail failed at",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="failure",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="reason of failure"
            ),
        ),
        # Blank allowed first, so that going back re-adds the column on full tables.
        migrations.AlterField(
            model_name="notification",
            name="subject",
            field=models.CharField(blank=True, max_length=200, verbose_name="subject"),
        ),
        migrations.RunPython(to_kinds, to_text),
        migrations.RemoveField(model_name="notification", name="body"),
        migrations.RemoveField(model_name="notification", name="subject"),
        migrations.RemoveField(model_name="notification", name="url"),
    ]
