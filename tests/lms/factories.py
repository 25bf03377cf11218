from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from lms.models import Enterprise, Industry, Membership, Occupation, TradeUnion, User
from lms.validators import CREDIT_CODE_ALPHABET, credit_code_check_char


def valid_credit_code(n: int) -> str:
    """A well-formed unified social credit code, different for each n."""
    body = "91110000" + "".join(
        CREDIT_CODE_ALPHABET[(n // 31**i) % 31] for i in range(9)
    )
    return body + credit_code_check_char(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("pass-word-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=[Role.HR])`` puts the user in those role groups."""
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get_or_create(name=role)[0])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Users can sign in: their e-mail address is verified, as allauth wants."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=self,
                email=self.email,
                defaults={"verified": True, "primary": True},
            )


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"industry-{n}")
    name = factory.Sequence(lambda n: f"Industry {n}")


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"6-{n:02d}-00-00")
    name = factory.Sequence(lambda n: f"Occupation {n}")
    industry = factory.SubFactory(IndustryFactory)


class TradeUnionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TradeUnion

    name = factory.Sequence(lambda n: f"Union branch {n}")
    kind = TradeUnion.Kind.BRANCH


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"Enterprise {n}")
    credit_code = factory.Sequence(valid_credit_code)
    industry = factory.SubFactory(IndustryFactory)
    region = "Shaanxi"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    role = Membership.Role.WORKER
    employee_number = factory.Sequence(lambda n: f"E{n:05d}")


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending one-use invitation to a worker's place (HR of its enterprise may
    be given as ``created_by``)."""

    class Meta:
        model = "lms.Invitation"

    enterprise = factory.SubFactory(EnterpriseFactory)
    code = factory.Sequence(lambda n: f"TEST{n:04d}")
    role = Membership.Role.WORKER
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
