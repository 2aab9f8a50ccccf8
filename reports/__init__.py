"""Supervisors' reports: the rates, the ledger (台账), charts, /stats, the echo wall, weekly."""
