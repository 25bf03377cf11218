"""Demo organisations and one account for every role; other apps' demo loaders find
these people with ``demo_user(key)``."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from lms.models import Enterprise, Industry, TradeUnion, User
from lms.roles import Role
from lms.services.accounts import membership_add, role_grant, user_set_language
from lms.validators import credit_code_check_char

DEMO_PASSWORD = "craft-demo-2026"

# key: (e-mail, display name, roles, language, (enterprise key, membership role, no.))
DEMO_ACCOUNTS: dict[str, tuple] = {
    "learner": (
        "learner@demo.craftskills.cn",
        "Wang Fang",
        [Role.LEARNER],
        "zh-hans",
        ("textile", "worker", "TX-0101"),
    ),
    "apprentice": (
        "li.junle@demo.craftskills.cn",
        "Li Junle",
        [Role.LEARNER],
        "zh-hans",
        ("autopark", "worker", "AP-0042"),
    ),
    "mentor": (
        "yi.ran@demo.craftskills.cn",
        "Yi Ran",
        [Role.MENTOR, Role.LEARNER],
        "zh-hans",
        None,
    ),
    "mentor2": (
        "han.liping@demo.craftskills.cn",
        "Han Liping",
        [Role.MENTOR, Role.LEARNER],
        "zh-hans",
        ("aerospace", "worker", "AS-0007"),
    ),
    "hr": (
        "hr@demo.craftskills.cn",
        "Zhao Min (HR, Xi'an Auto Park)",
        [Role.HR],
        "en",
        ("autopark", "hr", "AP-HR01"),
    ),
    "hr2": (
        "hr.textile@demo.craftskills.cn",
        "Chen Jing (HR, Textile Mill)",
        [Role.HR],
        "en",
        ("textile", "hr", "TX-HR01"),
    ),
    "manager": (
        "manager@demo.craftskills.cn",
        "Sun Lei (Manager, Xi'an Auto Park)",
        [Role.LEARNER],
        "en",
        ("autopark", "manager", "AP-M001"),
    ),
    "editor": (
        "editor@demo.craftskills.cn",
        "Liu Yang (Editor)",
        [Role.EDITOR],
        "en",
        None,
    ),
    "moderator": (
        "moderator@demo.craftskills.cn",
        "Guo Hua (Moderator)",
        [Role.MODERATOR],
        "en",
        None,
    ),
    "coordinator": (
        "coordinator@demo.craftskills.cn",
        "Ma Li (Union coordinator)",
        [Role.COORDINATOR],
        "en",
        None,
    ),
    "officer": (
        "officer@demo.craftskills.cn",
        "Zhou Qiang (Certification officer)",
        [Role.OFFICER],
        "en",
        None,
    ),
    "admin": ("admin@demo.craftskills.cn", "Platform administrator", [], "en", None),
}

INDUSTRIES = {
    "textile": ("Textile", "纺织"),
    "automotive": ("Automotive manufacturing", "汽车制造"),
    "aerospace": ("Aerospace equipment", "航天装备"),
    "petrochemical": ("Petrochemical", "石油化工"),
}

# key: (name, industry, region, serial)
ENTERPRISES = {
    "autopark": (
        "Xi'an Automobile Industrial Park Components Co.",
        "automotive",
        "Shaanxi · Xi'an",
        "XAAUTOPARK",
    ),
    "textile": (
        "Shaanxi Northwest No. 7 Cotton Textile Mill",
        "textile",
        "Shaanxi · Xianyang",
        "SXTEXTILE7",
    ),
    "aerospace": (
        "Shanxi Aerospace Launch Equipment Co.",
        "aerospace",
        "Shanxi · Taiyuan",
        "SXAEROLNCH",
    ),
}


def credit_code_for(serial: str) -> str:
    """A valid unified social credit code for a demo enterprise."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    digits = "".join(alphabet[ord(c) % 31] for c in serial)[:9].ljust(9, "0")
    first17 = "91610000" + digits
    return first17 + credit_code_check_char(first17)


def demo_user(key: str) -> User:
    return User.objects.get(email=DEMO_ACCOUNTS[key][0])


def demo_enterprise(key: str) -> Enterprise:
    return Enterprise.objects.get(credit_code=credit_code_for(ENTERPRISES[key][3]))


def load(*, stdout) -> None:
    industries = {
        key: Industry.objects.update_or_create(
            code=key, defaults={"name": name, "name_zh": name_zh}
        )[0]
        for key, (name, name_zh) in INDUSTRIES.items()
    }
    federation, _ = TradeUnion.objects.get_or_create(
        name="Shaanxi Federation of Trade Unions",
        defaults={"kind": TradeUnion.Kind.FEDERATION, "region": "Shaanxi"},
    )
    enterprises = {}
    for key, (name, industry, region, serial) in ENTERPRISES.items():
        enterprises[key], _ = Enterprise.objects.update_or_create(
            credit_code=credit_code_for(serial),
            defaults={
                "name": name,
                "industry": industries[industry],
                "region": region,
                "union": federation,
            },
        )
    for key, (email, name, roles, language, membership) in DEMO_ACCOUNTS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                display_name=name,
                is_staff=key == "admin",
                is_superuser=key == "admin",
            )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for role in roles:
            role_grant(user=user, role=role)
        user_set_language(user=user, language=language)
        if membership:
            enterprise_key, member_role, number = membership
            membership_add(
                user=user,
                enterprise=enterprises[enterprise_key],
                role=member_role,
                employee_number=number,
            )
        if key == "coordinator":
            federation.coordinators.add(user)
    stdout.write(
        f"Demo accounts: {len(DEMO_ACCOUNTS)}, enterprises: {len(enterprises)}"
    )


def print_logins(*, stdout) -> None:
    stdout.write("")
    stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for key, (email, _name, roles, _lang, _m) in DEMO_ACCOUNTS.items():
        label = ", ".join(str(r) for r in roles) or "staff"
        stdout.write(f"  {key:<12} {email:<36} {label}")
