"""Domain of jinye110: tickets, their lifecycle, SLA calendars, config schema and ports.

Pure Python: no messenger framework, no database driver, no I/O.
"""
