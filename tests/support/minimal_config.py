"""The smallest valid bureau config, as YAML text, for tests that break one thing in it."""

from __future__ import annotations

MINIMAL = """\
bureau: 测试局
sla_policies:
  - {id: standard, accept_within: 2h, resolve_within: 1d, calendar: business, ladder: std}
urgent_sla: standard
ladders:
  - id: std
    steps: [{after: 0m, action: remind_team}]
    repeat_every: 1h
areas: [{id: a1, name: 一区}]
service_lines:
  - {id: curing, name: 烘烤110, sla: standard}
  - {id: triage, name: 分派, sla: standard, triage: true}
teams:
  - {id: t1, name: 一队, line: curing, areas: [a1]}
  - {id: t2, name: 分派台, line: triage}
"""
