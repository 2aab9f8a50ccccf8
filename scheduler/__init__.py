"""APScheduler jobs: the SLA sweep (chasing), the daily digest and the weekly report.

Every job reads its deadlines from the database and writes outbox rows in the same
transaction as the step it records, so a restart resumes chasing where it stopped and two
scheduler processes on one PostgreSQL never queue the same alert twice.
"""

from __future__ import annotations

from scheduler.sweep import SweepResult, sweep

__all__ = ["SweepResult", "sweep"]
