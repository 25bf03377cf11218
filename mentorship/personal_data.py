"""The mentorship part of a person's data (registered in ``MentorshipConfig.ready()``).

Agreements, sessions and service requests are shared records: the other party's
hours, sign-offs and history depend on them, so they stay with their facts (dates,
minutes, statuses, occupation, level) and the erased person shows as "Former
member". What is written *about* an erased apprentice (goals, milestone titles and
evidence, session notes, dispute comments, earlier session versions) is replaced by
a dash and the photos and evidence files are deleted. A mentor's own offers and
trades are deleted; sessions they logged stay, as the apprentice's record."""

from __future__ import annotations

from django.db.models import Q

from lms.personal_data import ERASED_TEXT, delete_files_on_commit, when
from mentorship.models import (
    Agreement,
    GuidanceSession,
    GuidanceSessionPhoto,
    GuidanceSessionRevision,
    MentorTrade,
    Milestone,
    ServiceRequest,
    ServiceRequestOffer,
)
from mentorship.models.sessions import SESSION_DETAIL_FIELDS

SESSION_TEXT_FIELDS = (*SESSION_DETAIL_FIELDS, "dispute_comment")


def _session(s: GuidanceSession) -> dict:
    return {
        "date": when(s.date),
        "start": when(s.start_time),
        "end": when(s.end_time),
        "minutes": s.minutes,
        "status": s.status,
        "mentor": s.mentor.get_full_name(),
        **{name: getattr(s, name) for name in SESSION_TEXT_FIELDS},
        "photos": [p.image.name for p in s.photos.all()],
    }


def _agreement(a: Agreement, user) -> dict:
    role = (
        "mentor"
        if a.mentor_id == user.pk
        else "apprentice"
        if a.apprentice_id == user.pk
        else "coordinator"
    )
    return {
        "role": role,
        "mentor": a.mentor.get_full_name(),
        "apprentice": a.apprentice.get_full_name(),
        "enterprise": a.enterprise.name,
        "occupation": a.occupation.name,
        "goals": a.goals,
        "start_date": when(a.start_date),
        "end_date": when(a.end_date),
        "planned_hours": str(a.planned_hours),
        "status": a.status,
        "termination_reason": a.termination_reason,
        "milestones": [
            {
                "title": m.title,
                "target_date": when(m.target_date),
                "signed_off_at": when(m.signed_off_at),
                "evidence": m.evidence,
                "evidence_file": m.evidence_file.name or None,
            }
            for m in a.milestones.all()
        ],
        "sessions": [_session(s) for s in a.sessions.all()],
    }


def export_mentorship(user) -> dict:
    agreements = (
        Agreement.objects.filter(
            Q(mentor=user) | Q(apprentice=user) | Q(coordinator=user)
        )
        .select_related("mentor", "apprentice", "enterprise", "occupation")
        .prefetch_related("milestones", "sessions__photos", "sessions__mentor")
    )
    requests = ServiceRequest.objects.filter(
        Q(posted_by=user) | Q(assigned_mentor=user)
    ).select_related("enterprise", "occupation")
    visits = (
        GuidanceSession.objects.filter(mentor=user, service_request__isnull=False)
        .select_related("mentor")
        .prefetch_related("photos")
    )
    data = {
        "agreements": [_agreement(a, user) for a in agreements],
        "service_requests": [
            {
                "title": r.title,
                "enterprise": r.enterprise.name,
                "occupation": r.occupation.name,
                "posted_by_me": r.posted_by_id == user.pk,
                "assigned_to_me": r.assigned_mentor_id == user.pk,
                "problem": r.problem,
                "solution": r.solution,
                "status": r.status,
                "posted_at": when(r.created_at),
            }
            for r in requests
        ],
        "service_visits": [_session(s) for s in visits],
        "offers": [
            {"request": o.request.title, "note": o.note, "at": when(o.created_at)}
            for o in ServiceRequestOffer.objects.filter(mentor=user).select_related(
                "request"
            )
        ],
        "trades": sorted(
            MentorTrade.objects.filter(user=user).values_list(
                "occupation__name", flat=True
            )
        ),
    }
    files = [s["photos"] for a in data["agreements"] for s in a["sessions"]]
    files += [s["photos"] for s in data["service_visits"]]
    data["files"] = [name for group in files for name in group]
    data["files"] += [
        m["evidence_file"]
        for a in data["agreements"]
        if a["role"] == "apprentice"
        for m in a["milestones"]
        if m["evidence_file"]
    ]
    return data


def _scrub(queryset, fields) -> None:
    """Replaces non-empty free text with a dash (some must stay non-empty)."""
    for name in fields:
        queryset.exclude(**{name: ""}).update(**{name: ERASED_TEXT})


def erase_mentorship(user) -> None:
    agreements = Agreement.objects.filter(apprentice=user)
    sessions = GuidanceSession.objects.filter(agreement__apprentice=user)
    milestones = Milestone.objects.filter(agreement__apprentice=user)
    photos = GuidanceSessionPhoto.objects.filter(session__in=sessions)
    files = list(photos.values_list("image", flat=True))
    files += list(
        milestones.exclude(evidence_file="").values_list("evidence_file", flat=True)
    )
    photos.delete()
    milestones.update(evidence_file="")
    _scrub(milestones, ("title", "evidence"))
    _scrub(agreements, ("goals", "termination_reason"))
    _scrub(sessions, SESSION_TEXT_FIELDS)
    for revision in GuidanceSessionRevision.objects.filter(session__in=sessions):
        data = dict(revision.data)
        for name in SESSION_TEXT_FIELDS:
            if data.get(name):
                data[name] = ERASED_TEXT
        if data != revision.data:
            revision.data = data
            revision.save(update_fields=["data"])
    ServiceRequestOffer.objects.filter(mentor=user).delete()
    MentorTrade.objects.filter(user=user).delete()
    delete_files_on_commit(files)
