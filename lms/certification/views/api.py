"""Read-only JSON API for an enterprise's HR system (token auth). The token's user
must be HR of the enterprise; every list is limited to its workers."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated

from lms import permissions
from lms.certification import selectors
from lms.certification.level_names import level_from_code
from lms.certification.pdf import verification_url
from lms.certification.permissions import certificate_policy
from lms.models import (
    CertificateStatus,
    Membership,
    Occupation,
    SkillCertificate,
    SkillLevel,
)
from lms.search import search_text


class IsEnterpriseHR(BasePermission):
    message = "Only HR of an enterprise may use this API."

    def has_permission(self, request, view) -> bool:
        return certificate_policy.user_has_permission(request.user, "api")


class OccupationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Occupation
        fields = ["code", "name", "name_zh"]


class CertificateSerializer(serializers.ModelSerializer):
    # The name as recorded on the certificate at issue (or as an officer corrected it).
    holder_name = serializers.CharField(source="holder_display_name")
    holder_email = serializers.EmailField(source="holder.email")
    employee_number = serializers.CharField(allow_null=True)
    occupation = OccupationSerializer()
    status = serializers.ChoiceField(choices=CertificateStatus.choices)
    verification_url = serializers.SerializerMethodField()
    # The interchange code ("5" … "1" for the national grades, as before the 2022
    # reform, or "apprentice", "special", "chief"); ``level_rank`` orders them.
    level = serializers.SerializerMethodField()
    level_rank = serializers.IntegerField(source="level")
    level_name = serializers.CharField(source="get_level_display")

    class Meta:
        model = SkillCertificate
        fields = [
            "id",
            "number",
            "holder_name",
            "holder_email",
            "employee_number",
            "occupation",
            "level",
            "level_rank",
            "level_name",
            "issuer_kind",
            "issuer_name",
            "issued_on",
            "valid_until",
            "status",
            "replaces",
            "verification_url",
        ]

    def get_verification_url(self, obj) -> str:
        return verification_url(obj)

    def get_level(self, obj) -> str:
        return SkillLevel(obj.level).code


FILTER_PARAMETERS = [
    OpenApiParameter("status", OpenApiTypes.STR, enum=CertificateStatus.values),
    OpenApiParameter("occupation", OpenApiTypes.STR, description="occupation code"),
    OpenApiParameter(
        "level", OpenApiTypes.STR, enum=[level.code for level in SkillLevel]
    ),
    OpenApiParameter("expiring_within", OpenApiTypes.INT, enum=[30, 60, 90]),
    OpenApiParameter("q", OpenApiTypes.STR, description="name, e-mail or number"),
]


def _filters(params) -> selectors.BoardFilters:
    status = params.get("status", "")
    if status and status not in CertificateStatus.values:
        raise ValidationError(
            {"status": f"One of {', '.join(CertificateStatus.values)}."}
        )
    level = None
    if params.get("level"):
        level = level_from_code(params["level"])
        if level is None:
            codes = ", ".join(lv.code for lv in SkillLevel)
            raise ValidationError({"level": f"One of {codes}."})
    expiring = params.get("expiring_within")
    if expiring not in (None, "") and expiring not in {"30", "60", "90"}:
        raise ValidationError({"expiring_within": "30, 60 or 90."})
    occupation_id = None
    code = params.get("occupation")
    if code:
        occupation_id = (
            Occupation.objects.filter(code=code).values_list("pk", flat=True).first()
        )
        if occupation_id is None:
            raise ValidationError({"occupation": "Unknown occupation code."})
    return selectors.BoardFilters(
        q=search_text(params.get("q", ""), max_length=100),
        occupation_id=occupation_id,
        level=int(level) if level else None,
        status=status,
        expiring_within=int(expiring) if expiring else None,
    )


@extend_schema(parameters=FILTER_PARAMETERS)
class CertificateList(generics.ListAPIView):
    """The enterprise's workers' certificates, filtered."""

    serializer_class = CertificateSerializer
    permission_classes = [IsAuthenticated, IsEnterpriseHR]

    def get_queryset(self):
        return selectors.board_certificates(
            user=self.request.user,
            filters=_filters(self.request.query_params),
            hr_only=True,
        )


class CertificateDetail(generics.RetrieveAPIView):
    serializer_class = CertificateSerializer
    permission_classes = [IsAuthenticated, IsEnterpriseHR]

    def get_queryset(self):
        return selectors.board_certificates(
            user=self.request.user, filters=selectors.BoardFilters(), hr_only=True
        )


class WorkerCertificates(generics.ListAPIView):
    """One worker's certificates, by their employee number in the enterprise."""

    serializer_class = CertificateSerializer
    permission_classes = [IsAuthenticated, IsEnterpriseHR]

    def get_queryset(self):
        user = self.request.user
        holder_id = (
            Membership.objects.filter(
                enterprise_id__in=permissions.hr_enterprise_ids(user),
                employee_number=self.kwargs["employee_number"],
            )
            .values_list("user_id", flat=True)
            .first()
        )
        if holder_id is None:
            raise Http404
        return selectors.board_certificates(
            user=user, filters=selectors.BoardFilters(holder_id=holder_id), hr_only=True
        )
