"""Router throughput and latency on short requests, side by side with raw `jieba.lcut`.

    python3 dev.py bench router [--rounds 20] [--config config/demo.yaml]

Same texts (the labelled corpus, 285 short requests), same process, alternating rounds so
that CPU frequency and cache effects hit both alike. Start-up (import + jieba + OpenCC +
config + first route) and peak memory are measured in a fresh subprocess.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Peak RSS from /proc (VmHWM): ru_maxrss of a fresh child also counts the forked parent.
PEAK = "int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"
STARTUP = """
import time, json
t0 = time.perf_counter()
from bot.config_loader import load_config
from routing import Router
cfg = load_config({config!r})
router = Router.from_config(cfg)
router.route("烤房停电了")
t1 = time.perf_counter()
print(json.dumps({{"startup_s": t1 - t0, "max_rss_mb": {peak} / 1024}}))
"""
BASELINE = """
import json
print(json.dumps({{"max_rss_mb": {peak} / 1024}}))
"""


def corpus() -> list[str]:
    texts: list[str] = []
    for half in ("tune", "holdout"):
        path = ROOT / "tests" / "data" / f"routing_corpus_{half}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    return texts


def timed(func: Callable[[str], object], texts: list[str], latencies: list[float]) -> float:
    started = time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        func(text)
        latencies.append(time.perf_counter() - t)
    return time.perf_counter() - started


def subprocess_json(code: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--config", default=str(ROOT / "config" / "demo.yaml"))
    args = parser.parse_args()

    import jieba

    from bot.config_loader import load_config
    from routing import Router

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    router = Router.from_config(load_config(args.config))
    texts = corpus()
    for text in texts:  # warm both: caches, lazy loads
        router.route(text)
        jieba.lcut(text)

    seconds = {"router": 0.0, "jieba": 0.0}
    latencies: dict[str, list[float]] = {"router": [], "jieba": []}
    for _ in range(args.rounds):
        seconds["jieba"] += timed(jieba.lcut, texts, latencies["jieba"])
        seconds["router"] += timed(router.route, texts, latencies["router"])

    n = len(texts) * args.rounds
    mean_chars = statistics.mean(len(t) for t in texts)
    print(f"texts: {len(texts)} short requests (mean {mean_chars:.1f} characters) x {args.rounds}")
    for name, label in (("jieba", "raw jieba.lcut"), ("router", "Router.route")):
        lat = sorted(latencies[name])
        p50, p99 = lat[len(lat) // 2], lat[int(len(lat) * 0.99)]
        print(
            f"{label:<15} {n / seconds[name]:>9,.0f} /s   p50 {p50 * 1e6:6.1f} µs"
            f"   p99 {p99 * 1e6:6.1f} µs"
        )
    print(f"router / jieba: {seconds['router'] / seconds['jieba']:.2f}x the time")
    start = subprocess_json(STARTUP.format(config=args.config, peak=PEAK))
    base = subprocess_json(BASELINE.format(peak=PEAK))
    print(
        f"start-up (import, jieba + OpenCC + config, first route): {start['startup_s']:.2f} s; "
        f"peak RSS {start['max_rss_mb']:.0f} MB (bare python {base['max_rss_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
