"""Selects name what leaving them empty means ("All courses", "Choose a mentor")
instead of Django's "---------"."""

import pytest

from courses.forms import AssignCourseForm
from courses.models import CoursePage
from courses.views.admin_reports import ReportFilterForm
from lms.certification.forms import (
    CertificateEditForm,
    CertificateRecordForm,
    ImportUploadForm,
)
from lms.forms import ProfileForm
from lms.models import Enterprise, User
from lms.roles import Role
from mentorship import forms as mentorship_forms
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db


def forms_with_selects():
    """Every form of the site with a select, as its page builds it."""
    editor = UserFactory(roles=[Role.EDITOR])
    return [
        AssignCourseForm(courses=CoursePage.objects.all()),
        ReportFilterForm(user=editor),
        CertificateRecordForm(),
        CertificateEditForm(),
        ImportUploadForm(),
        ProfileForm(instance=UserFactory()),
        mentorship_forms.AgreementForm(),
        mentorship_forms.MilestoneForm(),
        mentorship_forms.ServiceRequestForm(enterprises=Enterprise.objects.all()),
        mentorship_forms.AssignForm(mentors=User.objects.all()),
        mentorship_forms.MentorTradeForm(),
    ]


def test_no_select_offers_dashes():
    EnterpriseFactory()
    OccupationFactory()
    UserFactory(roles=[Role.MENTOR])
    dashed = [
        type(form).__name__ for form in forms_with_selects() if "---------" in str(form)
    ]
    assert dashed == []


def test_an_optional_filter_says_it_takes_everything():
    html = str(ReportFilterForm(user=UserFactory(roles=[Role.EDITOR])))
    assert "All courses" in html and "All enterprises" in html
