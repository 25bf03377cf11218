"""The one permission module: every view, export, API and admin list asks here whether
a user may see or change a record. Roles come from Django groups (``lms.roles.Role``);
enterprise roles come from ``Membership``. Predicates take the user first and return a
bool; ``*_visible_to`` helpers return the scoped querysets that views fetch through."""

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


# --- mentorship (mentorship app) -----------------------------------------------
# Objects are duck-typed (agreement, session, milestone, service request): lms never
# imports mentorship. Visibility is given as Q filters the mentorship selectors apply.


def is_mentor(user) -> bool:
    return has_role(user, Role.MENTOR)


def is_coordinator(user) -> bool:
    return has_role(user, Role.COORDINATOR)


def agreement_visibility_q(user) -> Q | None:
    """Agreements a user may see: their own as mentor, apprentice or witnessing
    coordinator, those of their enterprise's apprentices for HR, all for staff.
    ``None`` means every agreement."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if is_staff(user):
        return None
    q = Q(mentor=user) | Q(apprentice=user) | Q(coordinator=user)
    hr_ids = hr_enterprise_ids(user)
    if hr_ids:
        q |= Q(enterprise_id__in=hr_ids)
    return q


def can_view_agreement(user, agreement) -> bool:
    """The apprentice, the mentor, the witnessing coordinator, HR of the apprentice's
    enterprise and staff; nobody else."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        is_staff(user)
        or user.pk in (agreement.mentor_id, agreement.apprentice_id)
        or user.pk == agreement.coordinator_id
        or agreement.enterprise_id in hr_enterprise_ids(user)
    )


def can_create_agreement(user) -> bool:
    return is_staff(user) or is_coordinator(user)


def can_manage_agreement(user, agreement) -> bool:
    """Set up, send for signature, approve as witness, terminate: the agreement's
    coordinator (or staff)."""
    return is_staff(user) or (
        is_coordinator(user) and user.pk == agreement.coordinator_id
    )


def can_sign_agreement(user, agreement) -> bool:
    return getattr(user, "is_authenticated", False) and user.pk in (
        agreement.mentor_id,
        agreement.apprentice_id,
    )


def can_complete_agreement(user, agreement) -> bool:
    return can_manage_agreement(user, agreement) or user.pk == agreement.mentor_id


def can_manage_milestones(user, agreement) -> bool:
    return can_manage_agreement(user, agreement) or (
        is_mentor(user) and user.pk == agreement.mentor_id
    )


def can_sign_off_milestone(user, milestone) -> bool:
    return is_mentor(user) and user.pk == milestone.agreement.mentor_id


def can_log_session(user, agreement) -> bool:
    """Only the agreement's own mentor logs its sessions (never the apprentice)."""
    return is_mentor(user) and user.pk == agreement.mentor_id


def can_edit_session(user, session) -> bool:
    return is_mentor(user) and user.pk == session.mentor_id


def can_confirm_session(user, session) -> bool:
    """The apprentice confirms or disputes a guidance session (a service visit is
    confirmed with its request)."""
    agreement = session.agreement
    return (
        agreement is not None and getattr(user, "pk", None) == agreement.apprentice_id
    )


def can_view_hours(user, person) -> bool:
    """A worker's hours record: whoever may see their progress (themselves, staff,
    HR of their enterprise, their mentors and witnessing coordinators)."""
    if can_view_person(user, person):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return person.apprentice_agreements.filter(
        Q(mentor=user) | Q(coordinator=user)
    ).exists()


def can_manage_mentor_trades(user) -> bool:
    """Union coordinators record which occupations each mentor takes requests of."""
    return is_staff(user) or is_coordinator(user)


def can_post_service_request(user) -> bool:
    """HR and managers of an enterprise post its service requests."""
    return bool(enterprise_ids_where(user, Membership.Role.HR, Membership.Role.MANAGER))


def can_manage_service_request(user, service_request) -> bool:
    """The posting enterprise's HR and managers: withdraw, confirm, rate."""
    return service_request.enterprise_id in enterprise_ids_where(
        user, Membership.Role.HR, Membership.Role.MANAGER
    )


def can_review_service_requests(user) -> bool:
    """Union coordinators review, publish and assign service requests."""
    return is_staff(user) or is_coordinator(user)


def service_request_visibility_q(user, trade_ids, *, open_for_offers: Q) -> Q | None:
    """Requests a user may see: their enterprises' (HR, managers), all (coordinators,
    staff), those assigned to them, and open ones of their trades (mentors; which
    requests are open is the mentorship app's ``open_for_offers``). ``None`` means
    every request."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if can_review_service_requests(user):
        return None
    q = Q(
        enterprise_id__in=enterprise_ids_where(
            user, Membership.Role.HR, Membership.Role.MANAGER
        )
    )
    if is_mentor(user):
        q |= Q(assigned_mentor=user) | (
            open_for_offers & Q(occupation_id__in=trade_ids)
        )
    return q


def can_offer_on_service_request(user, service_request, trade_ids) -> bool:
    return (
        is_mentor(user)
        and service_request.is_open_for_offers
        and service_request.occupation_id in set(trade_ids)
    )


def can_log_visit(user, service_request) -> bool:
    return is_mentor(user) and user.pk == service_request.assigned_mentor_id


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
