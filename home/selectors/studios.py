"""Innovation studios and alliances: listings with their filters, a studio's totals of
projects, benefit and patents, and what a studio's and an alliance's pages show."""

from __future__ import annotations

from django.db.models import Count, QuerySet, Sum

from home.models import AlliancePage, InnovationStudioPage, StudioAchievement
from home.selectors.shared import localized, related_pages, with_image


def _with_totals(studios: QuerySet) -> QuerySet:
    return studios.annotate(
        projects_total=Sum("achievements__projects"),
        benefit_total=Sum("achievements__benefit_yuan"),
        patents_total=Sum("achievements__patents"),
    )


def studios_under(
    *, index, industry=None, region: str = "", level: str = ""
) -> QuerySet[InnovationStudioPage]:
    studios = InnovationStudioPage.objects.child_of(index).live().public()
    if industry:
        studios = studios.filter(industry=industry)
    if region:
        studios = studios.filter(region=region)
    if level:
        studios = studios.filter(level=level)
    return (
        _with_totals(studios)
        .select_related("industry", "enterprise")
        .prefetch_related(with_image("image"))
        .order_by("title")
    )


def studio_regions(*, index) -> list[str]:
    return list(
        InnovationStudioPage.objects.child_of(index)
        .live()
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )


def studio_totals(*, studio: InnovationStudioPage) -> dict:
    """Projects, benefit and patents summed over the studio's achievements (one
    query)."""
    totals = StudioAchievement.objects.filter(page_id=studio.pk).aggregate(
        lines=Count("pk"),
        projects=Sum("projects"),
        benefit=Sum("benefit_yuan"),
        patents=Sum("patents"),
    )
    return {k: v or 0 for k, v in totals.items()}


def studio_details(*, studio: InnovationStudioPage) -> dict:
    lead = (
        localized([studio.lead_craftsman], studio.locale)
        if studio.lead_craftsman_id
        else []
    )
    return {
        "totals": studio_totals(studio=studio),
        "lead": lead[0] if lead else None,
        "discipline_groups": list(studio.discipline_groups.all()),
        "members": list(studio.members.all()),
        "achievements": list(studio.achievements.all()),
        "assessments": sorted(
            studio.assessments.all(), key=lambda a: a.date, reverse=True
        ),
        "alliances": list(
            AlliancePage.objects.live()
            .filter(
                locale=studio.locale,
                member_studios__studio__translation_key=studio.translation_key,
            )
            .distinct()
        ),
    }


def alliances_under(*, index) -> QuerySet[AlliancePage]:
    return (
        AlliancePage.objects.child_of(index)
        .live()
        .public()
        .annotate(studio_count=Count("member_studios"))
        .order_by("title")
    )


def alliance_details(*, alliance: AlliancePage) -> dict:
    studios = [m.studio for m in alliance.member_studios.select_related("studio")]
    return {
        "studios": localized(studios, alliance.locale),
        "units": list(alliance.member_units.select_related("enterprise")),
        "related": related_pages(page=alliance, locale=alliance.locale),
    }
