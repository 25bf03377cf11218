from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message in a person's inbox, also sent by e-mail. ``key`` makes each
    notification happen once, however often the event that causes it repeats.

    It stores what happened, a ``kind`` (registered in ``lms.notices``) and its
    ``params``; subject, body and link are rendered in the reader's language when
    read (the page's language) or sent (the recipient's preferred language)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    key = models.CharField(_("key"), max_length=200)
    kind = models.CharField(_("kind"), max_length=100)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    failed_at = models.DateTimeField(
        _("e-mail failed at"),
        null=True,
        blank=True,
        help_text=_("The e-mail cannot be sent (a permanent error); not retried."),
    )
    failure = models.CharField(_("reason of failure"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], name="notification_once_per_key"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject

    def render(self, language: str | None = None):
        """Subject, body and link (``lms.notices.Rendered``) in ``language``, by
        default the active one (the page's)."""
        from lms import notices

        language = language or translation.get_language() or settings.LANGUAGE_CODE
        cache = self.__dict__.setdefault("_rendered", {})
        if language not in cache:
            cache[language] = notices.render(self.kind, self.params, language=language)
        return cache[language]

    @property
    def subject(self) -> str:
        return self.render().subject

    @property
    def body(self) -> str:
        return self.render().body

    @property
    def url(self) -> str:
        return self.render().link

    @property
    def actions(self):
        """What the reader can still do right in the inbox (``lms.notices.Action``)."""
        return self.render().actions

    @property
    def done(self) -> str:
        """A short text once what was asked is done, else ""."""
        return self.render().done
