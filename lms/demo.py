"""Demo organisations and one account for every role; other apps' demo loaders find
these people with ``demo_user(key)``. Names are written as the people write them
(Chinese), with their Latin spelling in ``last_name``/``first_name``."""

from __future__ import annotations

from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from lms.models import Enterprise, Industry, IssuingBody, TradeUnion, User
from lms.roles import Role
from lms.services.accounts import membership_add, role_grant, user_set_language
from lms.validators import credit_code_check_char

DEMO_PASSWORD = "craft-demo-2026"

# key: (e-mail, (name, Latin surname, Latin given name), roles, language,
#       (enterprise key, membership role, employee number))
DEMO_ACCOUNTS: dict[str, tuple] = {
    "learner": (
        "learner@demo.craftskills.cn",
        ("王芳", "Wang", "Fang"),
        [Role.LEARNER],
        "zh-hans",
        ("textile", "worker", "TX-0101"),
    ),
    "apprentice": (
        "li.junle@demo.craftskills.cn",
        ("李俊乐", "Li", "Junle"),
        [Role.LEARNER],
        "zh-hans",
        ("autopark", "worker", "AP-0042"),
    ),
    "mentor": (
        "yi.ran@demo.craftskills.cn",
        ("易冉", "Yi", "Ran"),
        [Role.MENTOR, Role.LEARNER],
        "zh-hans",
        None,
    ),
    "mentor2": (
        "han.liping@demo.craftskills.cn",
        ("韩利萍", "Han", "Liping"),
        [Role.MENTOR, Role.LEARNER],
        "zh-hans",
        ("aerospace", "worker", "AS-0007"),
    ),
    "hr": (
        "hr@demo.craftskills.cn",
        ("赵敏", "Zhao", "Min"),
        [Role.HR],
        "en",
        ("autopark", "hr", "AP-HR01"),
    ),
    "hr2": (
        "hr.textile@demo.craftskills.cn",
        ("陈静", "Chen", "Jing"),
        [Role.HR],
        "en",
        ("textile", "hr", "TX-HR01"),
    ),
    "manager": (
        "manager@demo.craftskills.cn",
        ("孙磊", "Sun", "Lei"),
        [Role.LEARNER],
        "en",
        ("autopark", "manager", "AP-M001"),
    ),
    "editor": (
        "editor@demo.craftskills.cn",
        ("刘洋", "Liu", "Yang"),
        [Role.EDITOR],
        "en",
        None,
    ),
    "moderator": (
        "moderator@demo.craftskills.cn",
        ("郭华", "Guo", "Hua"),
        [Role.MODERATOR],
        "en",
        None,
    ),
    "coordinator": (
        "coordinator@demo.craftskills.cn",
        ("马丽", "Ma", "Li"),
        [Role.COORDINATOR],
        "en",
        None,
    ),
    "officer": (
        "officer@demo.craftskills.cn",
        ("周强", "Zhou", "Qiang"),
        [Role.OFFICER],
        "en",
        None,
    ),
    "organiser": (
        "organiser@demo.craftskills.cn",
        ("高原", "Gao", "Yuan"),
        [Role.ORGANISER],
        "zh-hans",
        None,
    ),
    "steward": (
        "steward@demo.craftskills.cn",
        ("田甜", "Tian", "Tian"),
        [Role.STEWARD],
        "zh-hans",
        None,
    ),
    # The roadshow's judges (the second works at the No. 7 Cotton Mill) and chair.
    "judge": (
        "judge@demo.craftskills.cn",
        ("周建民", "Zhou", "Jianmin"),
        [Role.JUDGE],
        "zh-hans",
        None,
    ),
    "judge2": (
        "judge2@demo.craftskills.cn",
        ("刘红梅", "Liu", "Hongmei"),
        [Role.JUDGE],
        "zh-hans",
        ("textile", "worker", "TX-0007"),
    ),
    "judge3": (
        "judge3@demo.craftskills.cn",
        ("陈国强", "Chen", "Guoqiang"),
        [Role.JUDGE],
        "zh-hans",
        None,
    ),
    "judge4": (
        "judge4@demo.craftskills.cn",
        ("赵秀英", "Zhao", "Xiuying"),
        [Role.JUDGE],
        "zh-hans",
        None,
    ),
    "judge5": (
        "judge5@demo.craftskills.cn",
        ("孙立军", "Sun", "Lijun"),
        [Role.JUDGE],
        "en",
        None,
    ),
    "chair": (
        "chair@demo.craftskills.cn",
        ("郑永华", "Zheng", "Yonghua"),
        [Role.CHAIR],
        "zh-hans",
        None,
    ),
    "admin": (
        "admin@demo.craftskills.cn",
        ("何伟", "He", "Wei"),
        [],
        "en",
        None,
    ),
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
    "petrochem": (
        "Quanzhou Quangang Petrochemical Co.",
        "petrochemical",
        "Fujian · Quanzhou",
        "FJQGPETRO",
    ),
}
# The enterprises' Chinese names, for a Chinese name field once Enterprise has one.
ENTERPRISE_NAMES_ZH = {
    "autopark": "西安汽车产业园零部件有限公司",
    "textile": "陕西西北第七棉纺织厂",
    "aerospace": "山西航天发射装备有限公司",
    "petrochem": "泉州泉港石化有限公司",
}

UNION_NAME_ZH = {"Shaanxi Federation of Trade Unions": "陕西省总工会"}
ISSUING_BODY_NAMES_ZH = {
    "Shaanxi Vocational Skill Appraisal Centre": "陕西省职业技能鉴定中心",
    "Shanxi Vocational Skill Appraisal Centre": "山西省职业技能鉴定中心",
    "Fujian Vocational Skill Appraisal Centre": "福建省职业技能鉴定中心",
    "Ministry of Human Resources and Social Security Skill Testing Centre": (
        "人力资源和社会保障部职业技能鉴定中心"
    ),
}

# People of the stories who sign in only as themselves, not as a role's demo login:
# key: (e-mail, name, roles, enterprise key, employee number)
NAMED_PEOPLE: dict[str, tuple] = {
    "zhang_zhaohong": (
        "zhang.zhaohong@demo.craftskills.cn",
        ("张兆宏", "Zhang", "Zhaohong"),
        [Role.MENTOR, Role.LEARNER],
        "petrochem",
        "QG-0001",
    ),
}


def credit_code_for(serial: str) -> str:
    """A valid unified social credit code for a demo enterprise."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    digits = "".join(alphabet[ord(c) % 31] for c in serial)[:9].ljust(9, "0")
    first17 = "91610000" + digits
    return first17 + credit_code_check_char(first17)


def demo_user(key: str) -> User:
    """A demo login (``DEMO_ACCOUNTS``) or a named person (``NAMED_PEOPLE``)."""
    spec = DEMO_ACCOUNTS.get(key) or NAMED_PEOPLE[key]
    return User.objects.get(email=spec[0])


@cache
def demo_password_hash() -> str:
    """The demo password hashed once: hashing is slow on purpose, and every demo
    person shares the password."""
    return make_password(DEMO_PASSWORD)


def demo_person(email: str, name: tuple[str, str, str], **extra) -> tuple[User, bool]:
    """The person with this e-mail, made (with a verified address) if missing; an
    existing person is left as they are (their own changes kept)."""
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        written, surname, given = name
        user = User.objects.create(
            email=email,
            password=demo_password_hash(),
            display_name=written,
            last_name=surname,
            first_name=given,
            **extra,
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user, created


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
        enterprises[key], _ = Enterprise.objects.get_or_create(
            credit_code=credit_code_for(serial),
            defaults={
                "name": name,
                "industry": industries[industry],
                "region": region,
                "union": federation,
            },
        )
    for key, (email, name, roles, language, membership) in DEMO_ACCOUNTS.items():
        user, created = demo_person(
            email, name, is_staff=key == "admin", is_superuser=key == "admin"
        )
        for role in roles:
            role_grant(user=user, role=role)
        if created:
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
    for email, name, roles, enterprise_key, number in NAMED_PEOPLE.values():
        user, created = demo_person(email, name)
        for role in roles:
            role_grant(user=user, role=role)
        if created:
            user_set_language(user=user, language="zh-hans")
        membership_add(
            user=user, enterprise=enterprises[enterprise_key], employee_number=number
        )
    stdout.write(
        f"Demo accounts: {len(DEMO_ACCOUNTS)}, enterprises: {len(enterprises)}"
    )


def print_logins(*, stdout) -> None:
    stdout.write("")
    stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for key, (email, _name, roles, _lang, _m) in DEMO_ACCOUNTS.items():
        label = ", ".join(str(r) for r in roles) or "staff"
        stdout.write(f"  {key:<12} {email:<36} {label}")


def name_organisations_in_chinese(*, stdout) -> None:
    """The demo's enterprises, union and issuing bodies get their Chinese names
    (run last: the issuing bodies are made as certificates name them). A name
    someone already gave is kept."""
    for key, name_zh in ENTERPRISE_NAMES_ZH.items():
        Enterprise.objects.filter(
            credit_code=credit_code_for(ENTERPRISES[key][3]), name_zh=""
        ).update(name_zh=name_zh)
    for name, name_zh in UNION_NAME_ZH.items():
        TradeUnion.objects.filter(name=name, name_zh="").update(name_zh=name_zh)
    bodies = dict(ISSUING_BODY_NAMES_ZH)
    bodies.update(Enterprise.objects.exclude(name_zh="").values_list("name", "name_zh"))
    named = 0
    for name, name_zh in bodies.items():
        named += IssuingBody.objects.filter(name=name, name_zh="").update(
            name_zh=name_zh
        )
    stdout.write(f"Chinese names given to {named} issuing bodies")
