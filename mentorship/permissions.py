"""The permission policies of the mentorship records: agreements, milestones,
guidance sessions, service requests and mentors' trades. One rule per action
(``lms.permissions.RulePolicy``) answers both "may this user do this to this
record" and "which records may this user see"; views, selectors and services ask
these policies (registered in ``MentorshipConfig.ready()``), never a second copy of
the rule."""

from __future__ import annotations

from django.db.models import Q

from lms.permissions import (
    RulePolicy,
    any_of,
    hr_enterprise_ids,
    is_coordinator,
    is_mentor,
    is_staff,
    register_policy,
    through,
    user_can,
)
from lms.policies import enterprises
from mentorship.models import (
    Agreement,
    GuidanceSession,
    MentorTrade,
    Milestone,
    ServiceRequest,
)


def mentor_trade_ids(user) -> list[int]:
    """The occupations a mentor takes requests of, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_mentorship_trades", None)
    if cached is None:
        cached = list(
            MentorTrade.objects.filter(user=user).values_list(
                "occupation_id", flat=True
            )
        )
        user._mentorship_trades = cached
    return cached


class AgreementPolicy(RulePolicy):
    def rule_view(self, user):
        """The apprentice, the mentor, the witnessing coordinator, HR of the
        apprentice's enterprise and staff."""
        if is_staff(user):
            return True
        q = Q(mentor=user) | Q(apprentice=user) | Q(coordinator=user)
        hr_ids = hr_enterprise_ids(user)
        return q | Q(enterprise_id__in=hr_ids) if hr_ids else q

    def rule_create(self, user):
        return is_staff(user) or is_coordinator(user)

    def rule_manage(self, user):
        """Set up, send for signature, approve as witness, terminate: the
        agreement's coordinator (or staff)."""
        if is_staff(user):
            return True
        return Q(coordinator=user) if is_coordinator(user) else False

    def rule_sign(self, user):
        return Q(mentor=user) | Q(apprentice=user)

    def rule_complete(self, user):
        return any_of(self.rule_manage(user), Q(mentor=user))

    def rule_manage_milestones(self, user):
        return any_of(self.rule_manage(user), self.rule_log_session(user))

    def rule_log_session(self, user):
        """Only the agreement's own mentor logs its sessions (never the apprentice)."""
        return Q(mentor=user) if is_mentor(user) else False


class MilestonePolicy(RulePolicy):
    def rule_view(self, user):
        return through(agreements.rule(user, "view"), "agreement")

    def rule_sign_off(self, user):
        return Q(agreement__mentor=user) if is_mentor(user) else False


class ServiceRequestPolicy(RulePolicy):
    def rule_view(self, user):
        """Their enterprises' (HR, managers), all (coordinators, staff), those
        assigned to them and open ones of their trades (mentors)."""
        if self.rule_review(user):
            return True
        rules = [self.rule_manage(user), self.rule_log_visit(user)]
        rules.append(self.rule_offer(user))
        return any_of(*rules)

    def rule_post(self, user):
        """HR and managers of an enterprise post its service requests."""
        return enterprises.user_has_permission(user, "represent")

    def rule_manage(self, user):
        """The posting enterprise's HR and managers: withdraw, confirm, rate."""
        return through(enterprises.rule(user, "represent"), "enterprise")

    def rule_reopen(self, user):
        """Answering "not solved" to a closed request is the posting enterprise's
        (its HR and managers), as confirming is."""
        return self.rule_manage(user)

    def rule_review(self, user):
        """Union coordinators review, publish and assign service requests."""
        return is_staff(user) or is_coordinator(user)

    def rule_offer(self, user):
        """Mentors offer on published requests of their trades."""
        if not is_mentor(user):
            return False
        trades = mentor_trade_ids(user)
        if not trades:
            return False
        return ServiceRequest.open_for_offers_q() & Q(occupation_id__in=trades)

    def rule_log_visit(self, user):
        return Q(assigned_mentor=user) if is_mentor(user) else False


class GuidanceSessionPolicy(RulePolicy):
    def rule_view(self, user):
        """Sessions of agreements, and visits of requests, the user may see."""
        return any_of(
            through(agreements.rule(user, "view"), "agreement"),
            through(service_requests.rule(user, "view"), "service_request"),
        )

    def rule_edit(self, user):
        return Q(mentor=user) if is_mentor(user) else False

    def rule_confirm(self, user):
        """The apprentice confirms or disputes a guidance session (a service visit
        is confirmed with its request)."""
        return Q(agreement__apprentice=user)


class MentorTradePolicy(RulePolicy):
    def rule_manage(self, user):
        """Union coordinators record which occupations each mentor takes requests
        of."""
        return is_staff(user) or is_coordinator(user)


agreements = AgreementPolicy(Agreement)
milestones = MilestonePolicy(Milestone)
sessions = GuidanceSessionPolicy(GuidanceSession)
service_requests = ServiceRequestPolicy(ServiceRequest)
mentor_trades = MentorTradePolicy(MentorTrade)


def register() -> None:
    """Called from MentorshipConfig.ready()."""
    for policy in (agreements, milestones, sessions, service_requests, mentor_trades):
        register_policy(policy.model, policy)


def sees_agreement_list(user) -> bool:
    """The agreements page in the menu: coordinators (who set them up) and HR."""
    return agreements.user_has_permission(user, "create") or bool(
        hr_enterprise_ids(user)
    )


def sees_service_requests(user) -> bool:
    return (
        service_requests.user_has_permission(user, "review")
        or is_mentor(user)
        or service_requests.user_has_permission(user, "post")
    )


def can_view_hours(user, person) -> bool:
    """A worker's hours record: whoever may see their progress (themselves, staff,
    HR of their enterprise, their mentors and witnessing coordinators)."""
    if user_can(user, "view", person):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return person.apprentice_agreements.filter(
        Q(mentor=user) | Q(coordinator=user)
    ).exists()
