"""Routing fixtures: the demo router (built once: jieba loads once per session) and the corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.config import Config
from routing import Router

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
PUBLIC_SAMPLE = ROOT.parent / "shared" / "data" / "routing" / "tipdm2020c_sample.csv"


def read_corpus(name: str) -> list[dict[str, str]]:
    with (DATA / f"routing_corpus_{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def router(demo_config: Config) -> Router:
    return Router.from_config(demo_config)


@pytest.fixture(scope="session")
def public_sample() -> tuple[list[str], list[str]]:
    if not PUBLIC_SAMPLE.is_file():
        pytest.skip(f"public sample not found at {PUBLIC_SAMPLE}")
    with PUBLIC_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r["text"] for r in rows], [r["label"] for r in rows]
