"""The Wagtail admin's user forms, with roles (groups) and the administrator flag
saved through ``lms.services.accounts.user_roles_set``: audited like every other
role change, and nobody changes their own roles there. Wired in by
``lms.apps.LmsUsersAppConfig`` (it replaces ``wagtail.users`` in INSTALLED_APPS)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction

from lms.errors import DomainErrorOnFormMixin
from lms.services.accounts import role_grant, user_roles_set


class RolesThroughServiceMixin:
    """Leaves the groups out of the form's own save; the view hands them to the
    service once the user is saved."""

    editing_self = False

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if self.editing_self and {g.pk for g in groups} != set(
            self.instance.groups.values_list("pk", flat=True)
        ):
            raise forms.ValidationError(
                _("Nobody grants a role or a membership to themselves."),
                code="self",
            )
        return groups

    def save(self, commit=True):
        self.roles = {group.name for group in self.cleaned_data.pop("groups", [])}
        return super().save(commit=commit)


class LmsUserCreationForm(RolesThroughServiceMixin, UserCreationForm):
    pass


class LmsUserEditForm(RolesThroughServiceMixin, UserEditForm):
    def __init__(self, *args, editing_self=False, **kwargs):
        super().__init__(*args, editing_self=editing_self, **kwargs)
        self.editing_self = editing_self


class RolesThroughServiceViewMixin(DomainErrorOnFormMixin):
    def form_valid(self, form):
        self.was_superuser = (
            bool(form.initial.get("is_superuser")) if form.instance.pk else False
        )
        return super().form_valid(form)

    def save_instance(self):
        instance = super().save_instance()
        user_roles_set(
            user=instance,
            roles=self.form.roles,
            actor=self.request.user,
            was_superuser=self.was_superuser,
        )
        return instance


class CreateView(RolesThroughServiceViewMixin, wagtail_users.CreateView):
    pass


class EditView(RolesThroughServiceViewMixin, wagtail_users.EditView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return LmsUserEditForm if for_update else LmsUserCreationForm


class AssignRoleThroughService(AssignRoleBulkAction):
    """Wagtail's "Assign role" bulk action, granting through ``role_grant``
    (audited); the acting person is left out of their own selection."""

    def get_execution_context(self):
        return {**super().get_execution_context(), "actor": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, actor=None, **kwargs):
        if role is None:
            return
        granted = 0
        for user in objects:
            if actor is not None and user.pk == actor.pk:
                continue
            role_grant(user=user, role=role.name, actor=actor)
            granted += 1
        return granted, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d user has been given the role %(role)s.",
            "%(count)d users have been given the role %(role)s.",
            num_parent_objects,
        ) % {
            "count": num_parent_objects,
            "role": self.cleaned_form.cleaned_data["role"].name,
        }
