"""The one permission module: every view, export, API and admin list asks here whether
a user may see or change a record. Roles come from Django groups (``lms.roles.Role``);
enterprise roles come from ``Membership``. Predicates take the user first and return a
bool; ``*_visible_to`` helpers return the scoped querysets that views fetch through.

Records moved to policies (the block at the end; docs/architecture.md, "Permissions")
answer both questions from one rule per action; each app registers its own
(mentorship: ``mentorship/permissions.py``)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from lms.models import Enterprise, Membership
from lms.roles import ADMIN_ROLES, MFA_REQUIRED_ROLES, Role

# --- roles ---------------------------------------------------------------------


def roles_of(user) -> frozenset[str]:
    """The user's platform roles, read once per request object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_lms_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._lms_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def requires_mfa(user) -> bool:
    """HR, officers, editors, moderators, coordinators and staff must sign in with a
    second factor."""
    if not getattr(settings, "LMS_REQUIRE_MFA", True):
        return False
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser)) or (
        has_role(user, *MFA_REQUIRED_ROLES)
    )


def meets_mfa_rule(user) -> bool:
    """Whether the user may act as themselves: their role needs no second factor,
    or they have an authenticator app. The browser gate (lms.middleware) and API
    tokens (lms.api_auth) both ask this."""
    if not requires_mfa(user):
        return True
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def is_mentor(user) -> bool:
    return has_role(user, Role.MENTOR)


def is_coordinator(user) -> bool:
    return has_role(user, Role.COORDINATOR)


def can_access_admin(user) -> bool:
    return is_staff(user) or has_role(user, *ADMIN_ROLES, Role.COORDINATOR)


def can_edit_pages(user) -> bool:
    """Editors and moderators (and staff): the people Wagtail's userbar is for."""
    return is_staff(user) or has_role(user, Role.EDITOR, Role.MODERATOR)


# --- organisations -------------------------------------------------------------


def enterprise_ids_where(user, *membership_roles: str) -> frozenset[int]:
    """Ids of the enterprises where the user holds one of the given membership roles."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache = getattr(user, "_lms_memberships", None)
    if cache is None:
        cache = tuple(
            Membership.objects.filter(user=user).values_list("enterprise_id", "role")
        )
        user._lms_memberships = cache
    return frozenset(e for e, r in cache if r in membership_roles)


def hr_enterprise_ids(user) -> frozenset[int]:
    """Enterprises whose people the user may see as HR (HR role and HR membership)."""
    if not has_role(user, Role.HR):
        return frozenset()
    return enterprise_ids_where(user, Membership.Role.HR)


def can_manage_enterprise(user, enterprise: Enterprise) -> bool:
    """HR and managers post service requests and assign courses for their enterprise."""
    return enterprise.pk in enterprise_ids_where(
        user, Membership.Role.HR, Membership.Role.MANAGER
    )


def is_hr_of_person(user, person) -> bool:
    """HR may see a person's records when the person works in one of their
    enterprises."""
    ids = hr_enterprise_ids(user)
    if not ids:
        return False
    return Membership.objects.filter(user=person, enterprise_id__in=ids).exists()


def can_manage_organisations(user) -> bool:
    return is_staff(user) or has_role(user, Role.COORDINATOR)


def unions_managed_by(user):
    """Trade unions a user keeps: all for staff, the ones they coordinate for union
    coordinators, none for anyone else."""
    from lms.models import TradeUnion

    if is_staff(user):
        return TradeUnion.objects.all()
    if not has_role(user, Role.COORDINATOR):
        return TradeUnion.objects.none()
    return TradeUnion.objects.filter(coordinators=user)


def enterprises_managed_by(user):
    """Enterprises whose details and memberships a user keeps: all for staff, those
    of their unions for coordinators."""
    if is_staff(user):
        return Enterprise.objects.all()
    return Enterprise.objects.filter(union__in=unions_managed_by(user))


def memberships_managed_by(user):
    return Membership.objects.filter(enterprise__in=enterprises_managed_by(user))


def can_manage_membership(user, *, person, enterprise: Enterprise) -> bool:
    """Add, change or remove a person's membership of an enterprise: staff and the
    enterprise's union coordinators, never for themselves."""
    if getattr(person, "pk", None) == getattr(user, "pk", None):
        return False
    return enterprises_managed_by(user).filter(pk=enterprise.pk).exists()


def can_change_union_coordinators(user) -> bool:
    """Who coordinates a union is decided by staff (a coordinator would otherwise
    make themselves coordinator of any union, and so of its enterprises)."""
    return is_staff(user)


def can_view_person(user, person) -> bool:
    """A person's own page: themselves, staff, and HR of their enterprise."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.pk == person.pk or is_staff(user) or is_hr_of_person(user, person)


# --- personal data (lms) -------------------------------------------------------


def can_erase_person(user, person) -> bool:
    """Staff erase a person's data on request; never their own account (another
    administrator does that)."""
    return is_staff(user) and user.pk != person.pk


def can_request_erasure(user, person) -> bool:
    """A person asks for the erasure of their own data; an administrator account
    is handed over first (``personal_data_erase`` refuses it)."""
    return (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.pk == person.pk
        and not user.is_superuser
    )


def can_view_erasure_requests(user) -> bool:
    """Platform administrators (staff) decide erasure requests: no other role may
    erase a person (``can_erase_person``)."""
    return is_staff(user)


def erasure_requests_visible_to(user):
    from lms.models import ErasureRequest

    if not can_view_erasure_requests(user):
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.all()


def can_decide_erasure(user, erasure_request) -> bool:
    return can_erase_person(user, erasure_request.person)


# --- courses (courses app) -----------------------------------------------------
# Course objects are duck-typed (CoursePage, LessonPage, Enrollment,
# PracticalSubmission): lms never imports courses, and asks the records their
# states (``enrollment.has_left``) rather than naming them.


def can_edit_courses(user) -> bool:
    """Editors and moderators write courses in the CMS (staff too)."""
    return is_staff(user) or has_role(user, Role.EDITOR, Role.MODERATOR)


def is_course_instructor(user, course) -> bool:
    """A mentor listed among the course's instructors; the ids are read once per
    course object."""
    if not has_role(user, Role.MENTOR):
        return False
    ids = getattr(course, "_instructor_ids", None)
    if ids is None:
        ids = frozenset(course.instructors.values_list("pk", flat=True))
        course._instructor_ids = ids
    return user.pk in ids


def can_enrol(user, course) -> bool:
    """Anyone signed in may enrol in a live course that is open for self-enrolment."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and course.live
        and course.self_enrolment_open
    )


def can_view_lesson(user, lesson, *, course, enrollment) -> bool:
    """A live lesson is for the course's learners (enrolment not left), its
    instructors, editors and staff. ``enrollment`` is the user's own, or None."""
    if not getattr(user, "is_authenticated", False) or not lesson.live:
        return False
    if enrollment is not None and not enrollment.has_left:
        return enrollment.user_id == user.pk and enrollment.course_id == course.pk
    return can_edit_courses(user) or is_course_instructor(user, course)


def can_sign_off_practical(user, submission, *, course) -> bool:
    """An instructor of the course with the Mentor role, never the learner."""
    return (
        getattr(user, "is_authenticated", False)
        and submission.enrollment.user_id != user.pk
        and is_course_instructor(user, course)
    )


def can_view_practical(user, submission, *, course) -> bool:
    """The learner, the course's instructors, HR of the learner and staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    learner = submission.enrollment.user
    return (
        learner.pk == user.pk
        or is_staff(user)
        or is_course_instructor(user, course)
        or is_hr_of_person(user, learner)
    )


def can_review_practicals(user) -> bool:
    """Mentors have a queue of practical tasks to sign off."""
    return has_role(user, Role.MENTOR)


def can_assign_course(user, person, course) -> bool:
    """HR of the person's enterprise, or a mentor who teaches the course, may assign
    a live course to a person with a due date."""
    if not getattr(user, "is_authenticated", False) or not course.live:
        return False
    return (
        is_staff(user)
        or is_course_instructor(user, course)
        or is_hr_of_person(user, person)
    )


def can_assign_courses(user) -> bool:
    """Whether to offer the assignment page at all (HR or mentor)."""
    return (
        is_staff(user) or bool(hr_enterprise_ids(user)) or has_role(user, Role.MENTOR)
    )


def can_view_course_reports(user) -> bool:
    """Editors, moderators and staff see every learner; HR their enterprises'."""
    return can_edit_courses(user) or bool(hr_enterprise_ids(user))


def course_report_people_q(user, field: str = "user_id"):
    """Filter for the learners whose records a report may show: ``None`` means
    everyone (editors, moderators, staff), otherwise HR's enterprises' people."""
    from django.db.models import Q

    if can_edit_courses(user):
        return None
    ids = hr_enterprise_ids(user)
    people = Membership.objects.filter(enterprise_id__in=ids).values("user_id")
    return Q(**{f"{field}__in": people})


# --- certificates (lms certification) ------------------------------------------


def is_certification_officer(user) -> bool:
    return is_staff(user) or has_role(user, Role.OFFICER)


def can_record_certificate(user) -> bool:
    """Officers (and staff) record, correct, renew and import certificates."""
    return is_certification_officer(user)


def can_revoke_certificate(user, certificate=None) -> bool:
    return is_certification_officer(user)


def can_import_certificates(user) -> bool:
    return is_certification_officer(user)


def can_view_certification_board(user) -> bool:
    """The status board: HR of at least one enterprise (their workers only);
    officers and staff (everyone's)."""
    return bool(hr_enterprise_ids(user)) or is_certification_officer(user)


def certificates_visible_to(user):
    """Holder sees their own, HR their enterprises' workers', officers and staff
    all. Every certificate page, export and API list starts here."""
    from lms.models import SkillCertificate

    qs = SkillCertificate.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    if is_certification_officer(user):
        return qs
    ids = hr_enterprise_ids(user)
    if ids:
        people = Membership.objects.filter(enterprise_id__in=ids).values("user_id")
        return qs.filter(Q(holder=user) | Q(holder_id__in=people))
    return qs.filter(holder=user)


def can_view_certificate(user, certificate) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if certificate.holder_id == user.pk or is_certification_officer(user):
        return True
    return is_hr_of_person(user, certificate.holder)


def can_view_certificate_history(user, certificate) -> bool:
    """The event history: HR of the holder and officers (not the holder alone)."""
    if is_certification_officer(user):
        return True
    return is_hr_of_person(user, certificate.holder)


# --- API tokens and the audit trail (lms) --------------------------------------


def can_manage_api_tokens(user) -> bool:
    """HR of an enterprise hold API tokens for their HR system."""
    return bool(hr_enterprise_ids(user))


def can_view_audit_trail(user) -> bool:
    return is_certification_officer(user) or bool(hr_enterprise_ids(user))


def audit_events_visible_to(user):
    """Staff see every event; officers those of certificates; HR those of their
    enterprises (memberships) and of their enterprises' people (certificates, roles,
    tokens)."""
    from lms.models import AuditEvent

    qs = AuditEvent.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    if is_staff(user):
        return qs
    q = Q(pk__in=[])
    if is_certification_officer(user):
        q |= Q(certificate__isnull=False) | Q(action__startswith="certificate.")
    ids = hr_enterprise_ids(user)
    if ids:
        people = Membership.objects.filter(enterprise_id__in=ids).values("user_id")
        q |= Q(enterprise_id__in=ids) | Q(
            enterprise__isnull=True, subject_id__in=people
        )
    return qs.filter(q)


# --- content (home app) --------------------------------------------------------


def can_view_public_content(user) -> bool:
    """Role-model profiles, stories, studios and alliances are public once live;
    drafts are seen only in the Wagtail admin (its own page permissions)."""
    return True


def can_edit_content(user) -> bool:
    """Editors and moderators write pages (Wagtail page permissions on the home
    trees, granted by the home app's data migration)."""
    return is_staff(user) or has_role(user, Role.EDITOR, Role.MODERATOR)


def can_publish_content(user) -> bool:
    """Moderators approve and publish what editors submit."""
    return is_staff(user) or has_role(user, Role.MODERATOR)


# --- invitations ---------------------------------------------------------------


def enterprises_inviting_by(user):
    """Enterprises a user may invite people into: HR their own (HR role and HR
    membership), coordinators their unions' enterprises, staff all."""
    if is_staff(user):
        return Enterprise.objects.all()
    return Enterprise.objects.filter(
        Q(pk__in=hr_enterprise_ids(user)) | Q(pk__in=enterprises_managed_by(user))
    ).distinct()


def can_invite(user) -> bool:
    return enterprises_inviting_by(user).exists()


def invitation_roles_for(user, enterprise: Enterprise) -> list[str]:
    """The enterprise roles an invitation from this user may carry: HR invites
    workers and managers; an HR officer is appointed by coordinators or staff."""
    if not enterprises_inviting_by(user).filter(pk=enterprise.pk).exists():
        return []
    roles = [Membership.Role.WORKER, Membership.Role.MANAGER]
    if enterprises_managed_by(user).filter(pk=enterprise.pk).exists():
        roles.append(Membership.Role.HR)
    return roles


def invitations_visible_to(user):
    """The invitations a user may list, see and revoke: those of the enterprises
    they may invite into."""
    from lms.models import Invitation

    return Invitation.objects.filter(enterprise__in=enterprises_inviting_by(user))


# --- policies: one rule per action, registered per model ----------------------
# Shaped like Wagtail's permission policies (wagtail.permission_policies.base).
# Each app owns the policy of its own records and registers it in its
# AppConfig.ready(); lms only keeps this base and the registry, and never names
# another app's models or states.


class RulePolicy:
    """A record type's permission policy. Each action has ONE rule, a method
    ``rule_<action>(self, user)`` answering ``True`` (every record), ``False`` (no
    record) or a ``Q`` over the model (the records matching it). From that one rule:

    - ``user_has_permission(user, action)``: may the user do it to any record at
      all (the rule is not ``False``; no query);
    - ``instances_user_has_permission_for(user, action)``: the queryset;
    - ``user_has_permission_for_instance(user, action, instance)``: the same Q
      evaluated in memory on the instance (``q_matches``), so a page asking several
      questions of a record it already fetched costs no query per question.

    Rules use only ``exact``, ``in`` (with concrete values, not querysets) and
    ``isnull`` lookups; anything else raises, so a rule the instance check cannot
    evaluate fails in its policy's test rather than answering wrongly. Anonymous
    and inactive users get ``False`` for every action before a rule runs."""

    model = None

    def __init__(self, model=None):
        if model is not None:
            self.model = model

    def rule(self, user, action: str) -> bool | Q:
        method = getattr(self, f"rule_{action}", None)
        if method is None:
            raise ValueError(f"{type(self).__name__} has no action {action!r}")
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        answer = method(user)
        if not isinstance(answer, bool | Q):
            raise TypeError(f"{type(self).__name__}.rule_{action} gave {answer!r}")
        return answer

    def actions(self) -> list[str]:
        return sorted(n[5:] for n in dir(self) if n.startswith("rule_"))

    def user_has_permission(self, user, action: str) -> bool:
        return self.rule(user, action) is not False

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, a) for a in actions)

    def instances_user_has_permission_for(self, user, action: str):
        rule = self.rule(user, action)
        manager = self.model._default_manager
        if rule is True:
            return manager.all()
        if rule is False:
            return manager.none()
        return manager.filter(rule)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        rule = self.rule(user, action)
        if isinstance(rule, bool):
            return rule
        return q_matches(rule, instance)


def any_of(*rules: bool | Q) -> bool | Q:
    """Rules joined by OR (``True`` wins, ``False`` drops out)."""
    result: bool | Q = False
    for rule in rules:
        if rule is True:
            return True
        if rule is not False:
            result = rule if result is False else result | rule
    return result


def through(rule: bool | Q, path: str) -> bool | Q:
    """A rule over a related record, restated from this record: ``through(agreement
    rule, "agreement")`` turns ``Q(mentor=u)`` into ``Q(agreement__mentor=u)``."""
    if rule is True:  # every related record: every record that has one
        return Q(**{f"{path}__isnull": False})
    if rule is False:
        return False
    moved = Q(
        *(
            through(c, path) if isinstance(c, Q) else (f"{path}__{c[0]}", c[1])
            for c in rule.children
        ),
        _connector=rule.connector,
        _negated=rule.negated,
    )
    return moved


def q_matches(q: Q, instance) -> bool:
    """Whether ``instance`` is among ``Model.objects.filter(q)``, answered from the
    instance's own fields (following foreign keys where the Q does)."""
    results = (
        q_matches(c, instance) if isinstance(c, Q) else _lookup(instance, *c)
        for c in q.children
    )
    found = all(results) if q.connector == Q.AND else any(results)
    return not found if q.negated else found


_LOOKUPS = ("exact", "in", "isnull")


def _key(value):
    return getattr(value, "pk", value) if hasattr(value, "_meta") else value


def _lookup(instance, path: str, value) -> bool:
    parts = path.split("__")
    lookup = parts.pop() if parts[-1] in _LOOKUPS and len(parts) > 1 else "exact"
    obj = instance
    for part in parts[:-1]:
        if not _field(obj, part, path).many_to_one:
            raise ValueError(f"rule looks up {path!r}: follow foreign keys only")
        obj = getattr(obj, part)
        if obj is None:  # a join on an empty foreign key finds nothing
            return lookup == "isnull" and bool(value)
    last = parts[-1]
    if last == "pk":
        actual = obj.pk
    else:
        field = _field(obj, last, path)
        if not field.concrete:
            raise ValueError(f"rule looks up {path!r}: not a field of its own")
        actual = getattr(obj, field.attname)
    if lookup == "isnull":
        return (actual is None) == bool(value)
    if lookup == "in":
        if hasattr(value, "query"):
            raise TypeError(f"rule looks up {path!r} in a queryset: give values")
        return actual in {_key(v) for v in value}
    if value is None:
        return False  # SQL: ``= NULL`` matches nothing
    return actual == _key(value)


def _field(obj, name: str, path: str):
    from django.core.exceptions import FieldDoesNotExist

    try:
        return obj._meta.get_field(name)
    except FieldDoesNotExist:
        raise ValueError(
            f"rule looks up {path!r}: only exact, in and isnull on fields"
        ) from None


_POLICIES: dict = {}


def register_policy(model, policy: RulePolicy) -> None:
    """Called from the owning app's AppConfig.ready(); a second, different policy
    for the same model is a mistake and fails at start-up."""
    model = model._meta.concrete_model
    known = _POLICIES.get(model)
    if known is not None and known is not policy:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{model._meta.label} has a policy already")
    if policy.model is None:
        policy.model = model
    _POLICIES[model] = policy


def policy_for(model) -> RulePolicy:
    """The registered policy of a model (or of an instance's model)."""
    model = model._meta.concrete_model
    try:
        return _POLICIES[model]
    except KeyError:
        raise LookupError(f"no permission policy for {model._meta.label}") from None


def user_can(user, action: str, record) -> bool:
    """Shorthand: may ``user`` do ``action`` to this record, by its policy."""
    return policy_for(record).user_has_permission_for_instance(user, action, record)


def records_for(user, action: str, model):
    """Shorthand: the records of ``model`` the user may do ``action`` to."""
    return policy_for(model).instances_user_has_permission_for(user, action)


def user_may(user, action: str, model) -> bool:
    """Shorthand: may ``user`` do ``action`` to any record of ``model`` at all."""
    return policy_for(model).user_has_permission(user, action)
