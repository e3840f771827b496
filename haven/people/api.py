"""The register's REST API: the same selectors as the pages, so the same access
rules, and every read of a record logged as a page read is."""

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as Forbidden
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.core import clock, params
from haven.core.chronology import describe, impact, is_backdated, unnamed_in
from haven.core.errors import AccessDenied
from haven.core.route_policy import Policy, policy
from haven.people import finder, lifestage, selectors
from haven.people import permissions as rules
from haven.people.models import Person
from haven.people.services import DETAIL_FIELDS


def _kind(person: Person) -> str:
    return "child" if lifestage.is_child_on(person, clock.today()) else "adult"


KIND_HELP = "Derived today: child (under 18, or unborn) or adult. Never stored."


class PersonSummarySerializer(serializers.ModelSerializer[Person]):
    kind = serializers.SerializerMethodField(help_text=KIND_HELP)

    class Meta:
        model = Person
        fields = ["id", "kind", "given_name", "family_name", "date_of_birth", "sex"]

    def get_kind(self, person: Person) -> str:
        return _kind(person)


class PersonSerializer(serializers.ModelSerializer[Person]):
    kind = serializers.SerializerMethodField(help_text=KIND_HELP)

    class Meta:
        model = Person
        fields = ["id", "kind", *DETAIL_FIELDS]

    def get_kind(self, person: Person) -> str:
        return _kind(person)


class ChronologyEntrySerializer(serializers.Serializer[Any]):
    occurred_at = serializers.DateTimeField()
    recorded_at = serializers.DateTimeField()
    type = serializers.CharField()
    description = serializers.CharField()
    impact = serializers.CharField(
        allow_blank=True, help_text="The impact on the child, as the worker recorded it"
    )
    significant = serializers.BooleanField()
    backdated = serializers.BooleanField()


def _open(request: Request, pk: int, what: str) -> Person:
    if not rules.may_search_records(request.user):
        raise Forbidden("Your role does not include reading case records")
    try:
        return selectors.person_for(
            request.user,  # type: ignore[arg-type]
            pk,
            what=what,
            route=request.path,
        )
    except (AccessDenied, PermissionDenied) as denied:
        raise Forbidden(str(getattr(denied, "message", denied))) from None
    except Person.DoesNotExist:
        raise NotFound from None


@policy(Policy.ROLE, permission="core.view_case_record")
class PersonSearch(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("name", str, description="Spelling need not be exact"),
            OpenApiParameter("identifier", str, description="NHS number, UPN or ID"),
            OpenApiParameter("postcode", str),
        ],
        responses=PersonSummarySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        """Records the signed-in user may open that match, best first (at most 50)."""
        if not rules.may_search_records(request.user):
            raise Forbidden("Your role does not include reading case records")
        found = finder.search(
            request.user,  # type: ignore[arg-type]
            name=params.text(request.query_params.get("name")),
            identifier=params.text(request.query_params.get("identifier")),
            postcode=params.text(request.query_params.get("postcode")),
        )
        return Response(PersonSummarySerializer(found, many=True).data)


@policy(Policy.PERSON)
class PersonDetail(APIView):
    @extend_schema(responses=PersonSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """One person's details; the read is written to the record's access log."""
        person = _open(request, pk, "API: person")
        return Response(PersonSerializer(person).data)


@policy(Policy.PERSON)
class PersonChronology(APIView):
    @extend_schema(responses=ChronologyEntrySerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        """The person's journal in words, newest first (at most 500 entries)."""
        person = _open(request, pk, "API: chronology")
        events = selectors.chronology(person, limit=500)
        unnamed = unnamed_in(events, request.user)  # type: ignore[arg-type]
        rows = [
            {
                "occurred_at": e.occurred_at,
                "recorded_at": e.recorded_at,
                "type": e.type,
                "description": describe(e, unnamed),
                "impact": impact(e),
                "significant": e.significant,
                "backdated": is_backdated(e),
            }
            for e in events
        ]
        return Response(ChronologyEntrySerializer(rows, many=True).data)
