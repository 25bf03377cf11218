"""Issue 14.7 and 14.11: one-line fields (names, titles, numbers) lose control
characters, line breaks and bidi controls on input and on save, and the HR board
shows a name isolated from the employee number beside it."""

import importlib
import inspect

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.text import OneLineCharField, one_line
from mentorship.models import ServiceRequest
from tests.lms.certification.factories import SkillCertificateFactory, hr_of, worker_of
from tests.lms.factories import OccupationFactory, UserFactory
from tests.mentorship.factories import ServiceRequestFactory

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: turns what follows around
LRI, PDI = "\u2066", "\u2069"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Wang\r\nFang", "Wang Fang"),
        ("Wang\nBcc: x@example.com", "Wang Bcc: x@example.com"),
        (f"{RLO}gnaW", "gnaW"),
        (f"{LRI}王芳{PDI}\x00\x07\x1b", "王芳"),
        ("  tabs\tand\u2028separators  ", "tabs and separators"),
        ("👩\u200d🔧 Li", "👩\u200d🔧 Li"),  # the joiner of an emoji stays
    ],
)
def test_one_line_keeps_the_text_and_drops_controls(given, kept):
    assert one_line(given) == kept


def test_a_display_name_with_a_line_break_is_saved_on_one_line(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("lms:profile"),
        {
            "display_name": f"Wang\r\nFang{RLO}",
            "first_name": "Fang\n",
            "last_name": "Wang",
            "phone": "",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.display_name, learner.first_name) == ("Wang Fang", "Fang")


def test_a_request_title_with_a_line_break_is_saved_on_one_line(
    client, hr_user, enterprise
):
    client.force_login(hr_user)
    response = client.post(
        reverse("mentorship:request_create"),
        {
            "enterprise": enterprise.pk,
            "title": "Parts\r\nBcc: all@example.com",
            "problem": "Holes\nout of tolerance",
            "occupation": OccupationFactory().pk,
            "site": f"Cell 5{RLO}",
            "urgency": "normal",
            "attachments": [
                SimpleUploadedFile("d.pdf", b"%PDF-1.4", "application/pdf")
            ],
        },
    )
    assert response.status_code == 302
    request = ServiceRequest.objects.get()
    assert request.title == "Parts Bcc: all@example.com"
    assert request.site == "Cell 5"
    assert request.problem == "Holes\nout of tolerance"  # several lines stay


def test_names_lose_control_characters_on_save_whatever_wrote_them():
    """Imports, services and the admin write without our forms: the save cleans."""
    user = UserFactory(display_name=f"{RLO}Li Lei\n", first_name="Lei\x1b")
    user.refresh_from_db()
    assert (user.display_name, user.first_name) == ("Li Lei", "Lei")
    request = ServiceRequestFactory(title="A\r\nB")
    request.refresh_from_db()
    assert request.title == "A B"


def test_the_hr_board_isolates_the_name_from_the_employee_number(client, enterprise):
    holder = worker_of(enterprise, employee_number="E-1024", display_name="Li Lei")
    SkillCertificateFactory(holder=holder)
    client.force_login(hr_of(enterprise))
    page = client.get(reverse("certification:board")).content.decode()
    assert "<bdi>Li Lei</bdi>" in page


FORM_MODULES = [
    "lms.forms",
    "lms.certification.forms",
    "courses.forms",
    "mentorship.forms",
    "home.forms",
]
# Fields that are not a one-line text of a person: search boxes (capped by
# lms.search), e-mail addresses (Django's own validation) and allauth's fields.
NOT_ONE_LINE = {"q", "email", "username", "password1", "password2"}


def _one_line_inputs():
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or form_class.__module__ != (
                module_name
            ):
                continue
            for field_name, field in form_class.base_fields.items():
                if (
                    type(field) in (forms.CharField, OneLineCharField)
                    and not isinstance(field.widget, forms.Textarea)
                    and field_name not in NOT_ONE_LINE
                ):
                    yield f"{module_name}.{form_class.__name__}.{field_name}", field


def test_every_one_line_text_field_of_our_forms_is_a_one_line_field():
    plain = [
        name for name, field in _one_line_inputs() if type(field) is forms.CharField
    ]
    assert not plain
