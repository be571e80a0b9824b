"""Catching the withdrawal journal up with the database.

A withdrawal is committed first and journalled after (``protection.withdrawal``): a process that
ends between the two leaves it out of the journal, and a restore from an earlier backup would
then not re-apply it. So each worker, when it starts and every hour after, appends to its host's
journal every withdrawal the database holds and the journal does not. Each host keeps its own
journal, so each host's journal comes to hold every withdrawal, whichever host made it. The
workers of one host take turns on the journal (``flock``); a withdrawal journalled twice (its own
append racing a catch-up) is re-applied once.
"""

from __future__ import annotations

import asyncio
import logging

from stories_service.backup.withdrawals import withdrawals_in_database
from stories_service.periodic import PeriodicJob
from stories_service.protection.journal import JournalError, append_missing
from stories_service.settings import Settings

log = logging.getLogger("stories_service.withdrawal_journal")

CATCH_UP_JOB = "withdrawal-journal-catch-up"
CATCH_UP_INTERVAL_SECONDS = 3600.0


async def catch_up_journal(settings: Settings) -> int:
    """Append the withdrawals missing from this host's journal; how many were. A journal that
    cannot be read or written is logged (its path and why, never a record) and left as it is."""
    in_database = await withdrawals_in_database()
    if not in_database:
        return 0  # nothing to hold: no journal file made for nothing
    path = settings.withdrawal_journal
    try:
        appended = await asyncio.to_thread(append_missing, path, in_database, settings.secret_keys)
    except JournalError as error:
        log.error("withdrawal journal %s not caught up: %s", path, error)
        return 0
    except OSError as error:
        log.error(
            "withdrawal journal %s not caught up (%s)",
            path,
            error.strerror or type(error).__name__,
        )
        return 0
    if appended:
        log.warning(
            "withdrawal journal %s: %d withdrawal(s) were missing, appended", path, appended
        )
    return appended


def journal_catch_up_jobs(settings: Settings) -> list[PeriodicJob]:
    return [
        PeriodicJob(CATCH_UP_JOB, CATCH_UP_INTERVAL_SECONDS, lambda: catch_up_journal(settings))
    ]
