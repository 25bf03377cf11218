"""The error a service raises when a rule refuses an action, and how a form view
shows it."""

from django.db import transaction


class DomainError(Exception):
    """A rule of the platform refused an action; ``message`` is shown to the person."""

    def __init__(self, message, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)


class PermissionDenied(DomainError):
    def __init__(self, message, *, code: str = "forbidden"):
        super().__init__(message, code=code)


class DomainErrorOnFormMixin:
    """For create and edit views whose save calls a service: the save runs in one
    transaction, and a refusal shows on the form with nothing saved."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
