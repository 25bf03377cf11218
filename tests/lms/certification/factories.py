import datetime

import factory

from lms.models import (
    CertificateEvent,
    ImportBatch,
    IssuingBody,
    LevelRequirement,
    SkillCertificate,
)
from tests.lms.factories import OccupationFactory, UserFactory


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ("name",)

    name = "Shaanxi Vocational Skill Appraisal Centre"
    name_zh = "陕西省职业技能鉴定中心"


class SkillCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SkillCertificate
        skip_postgeneration_save = True

    holder = factory.SubFactory(UserFactory)
    # As the services do: the name on the day of issue.
    holder_name = factory.LazyAttribute(lambda o: o.holder.get_full_name())
    occupation = factory.SubFactory(OccupationFactory)
    level = 4
    number = factory.Sequence(lambda n: f"APP-{n:06d}")
    issuer_kind = SkillCertificate.IssuerKind.OUTSIDE
    issuer_name = "Shaanxi Vocational Skill Appraisal Centre"
    issued_on = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=365)
    )
    valid_until = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=3 * 365)
    )
    evidence_kind = SkillCertificate.Evidence.APPRAISAL

    @factory.post_generation
    def mark_replaced(obj, create, extracted, **kwargs):
        """A renewal made here (not through the services) marks the certificate
        it replaces superseded, as ``certificate_record`` does."""
        if create and obj.replaces_id:
            SkillCertificate.objects.filter(pk=obj.replaces_id).update(superseded=True)
            obj.replaces.superseded = True


class CertificateEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateEvent

    certificate = factory.SubFactory(SkillCertificateFactory)
    action = CertificateEvent.Action.ISSUE


class LevelRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelRequirement
        skip_postgeneration_save = True

    occupation = factory.SubFactory(OccupationFactory)
    level = 3


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    uploaded_by = factory.SubFactory(UserFactory)
    issuer_kind = SkillCertificate.IssuerKind.OUTSIDE
    issuer_name = "Shaanxi Vocational Skill Appraisal Centre"
    original_name = "results.csv"
    file = factory.django.FileField(filename="results.csv", data=b"number\n")


def officer():
    """A certification officer who passes the MFA gate."""
    from lms.roles import Role
    from tests.lms.helpers import give_totp

    return give_totp(UserFactory(roles=[Role.OFFICER]))


def hr_of(enterprise):
    from lms.roles import Role
    from tests.lms.factories import MembershipFactory
    from tests.lms.helpers import give_totp

    user = UserFactory(roles=[Role.HR])
    MembershipFactory(user=user, enterprise=enterprise, role="hr")
    return give_totp(user)


def worker_of(enterprise, employee_number=None, **kwargs):
    from tests.lms.factories import MembershipFactory

    membership_kwargs = {"enterprise": enterprise}
    if employee_number:
        membership_kwargs["employee_number"] = employee_number
    return MembershipFactory(user=UserFactory(**kwargs), **membership_kwargs).user
