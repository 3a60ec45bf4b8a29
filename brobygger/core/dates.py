"""Dates and times as every screen, message and export shows them: one format (core/formats)."""

from datetime import date, datetime

from django.utils import formats, timezone


def shown_date(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def shown_time(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
