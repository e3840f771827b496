"""Where each kind of record is put right, for a fault's link."""

from django.urls import reverse

from haven.care.history import Status, Stay


def person(pk: int) -> str:
    return reverse("people:detail", args=[pk])


def placement(stay: Stay, child: int) -> str:
    return reverse("care:correct", args=[stay.pk]) if stay.pk else person(child)


def legal_status(status: Status, child: int) -> str:
    if status.pk is None:
        return person(child)
    return reverse("care:correct_status", args=[status.pk])


def period(pk: int | None, child: int) -> str:
    return reverse("care:correct_period", args=[pk]) if pk else person(child)
