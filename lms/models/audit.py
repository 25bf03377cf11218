from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.fields import optional_link


class AuditEvent(models.Model):
    """Who changed a certificate, a membership, a role or an API token, when and
    from which address. Written by the services that make the change; never edited.
    The words are rendered when read (``lms.audit``), in the reader's language."""

    class Action(models.TextChoices):
        CERTIFICATE_ISSUE = "certificate.issue", _("Certificate issued")
        CERTIFICATE_EDIT = "certificate.edit", _("Certificate edited")
        CERTIFICATE_SUSPEND = "certificate.suspend", _("Certificate suspended")
        CERTIFICATE_REINSTATE = "certificate.reinstate", _("Certificate reinstated")
        CERTIFICATE_REVOKE = "certificate.revoke", _("Certificate revoked")
        CERTIFICATE_RENEW = "certificate.renew", _("Certificate renewed")
        MEMBERSHIP_ADD = "membership.add", _("Membership added")
        MEMBERSHIP_CHANGE = "membership.change", _("Membership changed")
        MEMBERSHIP_REMOVE = "membership.remove", _("Membership removed")
        ROLE_GRANT = "role.grant", _("Role granted")
        ROLE_REVOKE = "role.revoke", _("Role revoked")
        TOKEN_ISSUE = "token.issue", _("API token issued")
        TOKEN_REVOKE = "token.revoke", _("API token revoked")
        INVITATION_CREATE = "invitation.create", _("Invitation made")
        INVITATION_REVOKE = "invitation.revoke", _("Invitation revoked")
        INVITATION_ACCEPT = "invitation.accept", _("Joined by invitation")
        ERASURE_REQUEST = "erasure.request", _("Erasure requested")
        ERASURE_APPROVE = "erasure.approve", _("Erasure approved")
        ERASURE_REFUSE = "erasure.refuse", _("Erasure refused")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = optional_link(settings.AUTH_USER_MODEL, _("by"))
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    subject = optional_link(settings.AUTH_USER_MODEL, _("person concerned"))
    enterprise = optional_link("lms.Enterprise", _("enterprise"))
    certificate = optional_link("lms.SkillCertificate", _("certificate"))
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"

    @property
    def details(self) -> str:
        """The event's facts in the reader's language (rendered when read)."""
        from lms.roles import Role

        data = self.data or {}
        kind = self.action.split(".", 1)[0]
        if kind == "certificate":
            text = data.get("number", "")
            if data.get("reason"):
                text = f"{text} · {data['reason']}"
            return text
        if kind in ("membership", "invitation"):
            role = dict(self._meta.apps.get_model("lms", "Membership").Role.choices)
            text = f"{data.get('enterprise', '')}: {role.get(data.get('role'), '')}"
            if data.get("employee_number"):
                text += f" ({data['employee_number']})"
            before = data.get("before")
            if before and before.get("role") != data.get("role"):
                text += " ← " + str(role.get(before.get("role"), ""))
            if data.get("code"):
                text += f" · {data['code']}"
            return text
        if kind == "role":
            roles = {**dict(Role.choices), "Administrator": _("Administrator")}
            return str(roles.get(data.get("role"), data.get("role", "")))
        if kind == "token":
            return f"{data.get('name', '')} ({data.get('prefix', '')}…)"
        if kind == "erasure":
            return data.get("note", "")
        return ""
