"""Who worked with the children: ssd_involvements from the allocations that
held on some day of the year (haven.core.models.Allocation: the worker, team
and role; why a worker took over), ssd_professionals for each worker named,
with their caseload at 31 March, and ssd_department for each team."""

from django.db.models import Count, Q

from haven.core.models import Allocation, Team, User
from haven.returns.ssd.scope import Rows, Scope


def involvement_rows(scope: Scope, people: Rows) -> Rows:
    ids = {row["_person"] for row in people}
    records = [r for r, p in scope.people.items() if p.pk in ids]
    held = (
        Allocation.objects.filter(person_id__in=records, started_on__lte=scope.last)
        .exclude(ended_on__lt=scope.first)
        .order_by("person_id", "started_on", "pk")
    )
    return [
        {
            **scope.who(a.person_id, "invo_person_id"),
            "invo_involvements_id": a.pk,
            "invo_professional_id": a.worker_id or "",
            "invo_professional_role_id": a.role,
            "invo_professional_team": a.team_id or "",
            "invo_involvement_start_date": a.started_on,
            "invo_involvement_end_date": scope.by_end(a.ended_on),
            "invo_worker_change_reason": a.change_reason,
            "_worker": a.worker_id,
            "_team": a.team_id,
        }
        for a in held
    ]


def professional_rows(scope: Scope, involvements: Rows) -> Rows:
    ids = {row["_worker"] for row in involvements if row["_worker"]}
    open_at_end = Q(allocations__started_on__lte=scope.last) & (
        Q(allocations__ended_on__isnull=True) | Q(allocations__ended_on__gt=scope.last)
    )
    workers = (
        User.objects.filter(pk__in=ids)
        .select_related("team")
        .annotate(caseload=Count("allocations", filter=open_at_end, distinct=True))
        .order_by("pk")
    )
    return [
        {
            "prof_professional_id": w.pk,
            "prof_staff_id": w.username,
            "prof_professional_name": w.get_full_name(),
            "prof_social_worker_registration_no": w.swe_number,
            "prof_professional_job_title": w.job_title,
            "prof_professional_caseload": w.caseload,
            "prof_professional_department": w.team.name if w.team else "",
            "_team": w.team_id,
        }
        for w in workers
    ]


def department_rows(*named: Rows) -> Rows:
    ids = {row["_team"] for rows in named for row in rows if row.get("_team")}
    teams = Team.objects.filter(pk__in=ids).select_related("parent").order_by("pk")
    return [
        {
            "dept_team_id": t.pk,
            "dept_team_name": t.name,
            "dept_team_parent_id": t.parent_id or "",
            "dept_team_parent_name": t.parent.name if t.parent else "",
        }
        for t in teams
    ]
