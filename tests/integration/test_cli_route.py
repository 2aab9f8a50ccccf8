"""`jinye110 route` as a supervisor runs it: route a text, evaluate, learn from a ledger."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.cli import main
from tests.conftest import DEMO_CONFIG, ROOT

CORPUS = ROOT / "tests" / "data" / "routing_corpus_holdout.csv"
PUBLIC_SAMPLE = ROOT.parent / "shared" / "data" / "routing" / "tipdm2020c_sample.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["route", *argv, "--config", str(DEMO_CONFIG)])
    out, err = capsys.readouterr()
    return code, out, err


def test_route_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "烤房停电了！", "--area", "baishi", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"line", "team", "urgent", "kind", "confidence", "matched", "explanation"} <= set(data)
    assert (data["line"], data["team"], data["urgent"]) == ("curing", "curing-baishi", True)
    assert data["kind"] == "emergency" and 0 <= data["confidence"] <= 1
    assert all(isinstance(w, str) and isinstance(s, float) for w, s in data["matched"])
    assert data["explanation"].startswith("烘烤110 — ")


def test_route_prints_line_team_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "许可證到期了", "--site", "CQ-R1")
    assert code == 0
    assert out.splitlines()[0].startswith("专卖管理 → 专卖管理所")
    assert "依据：专卖管理 — 许可证" in out


@pytest.mark.parametrize(
    ("requester", "first"),
    [
        ("retailer", "卷烟订货与营销 → 营销服务部"),
        ("farmer", "烟叶收购 → 烟叶收购服务组"),
        (None, "烟叶收购 → 烟叶收购服务组"),
    ],
)
def test_route_reads_the_words_as_the_requester_given_says_them(
    capsys: pytest.CaptureFixture[str], requester: str | None, first: str
) -> None:
    as_who = ["--requester", requester] if requester else []
    code, out, _ = run(capsys, "烟款扣了两次", *as_who)
    assert code == 0 and out.splitlines()[0].startswith(first), out


def test_route_as_a_retailer_reads_a_power_cut_as_the_shops(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "店里停电了", "--requester", "retailer", "--json")
    assert code == 0 and json.loads(out)["emergency"] is False


def test_route_eval_reports_the_metrics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(CORPUS))
    assert code == 0
    for part in ("accuracy", "macro-F1", "precision", "recall", "confusion", "messages/s"):
        assert part in out
    assert "curing emergencies: 16/16" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["eval", "--keywords", "{keywords}", "{corpus}"],
        ["eval", "{corpus}", "--keywords", "{keywords}"],
        ["--keywords", "{keywords}", "eval", "{corpus}"],
    ],
)
def test_route_eval_takes_its_options_before_or_after_the_file(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    keywords = ROOT / "config" / "keywords.yaml"
    code, out, err = run(capsys, *[a.format(corpus=CORPUS, keywords=keywords) for a in argv])
    assert (code, err) == (0, "")
    assert out.startswith(f"{CORPUS} with {keywords}")


def test_route_joins_the_words_of_a_text_an_option_splits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "烤房", "--json", "停电了")
    assert code == 0 and json.loads(out)["line"] == "curing"


def test_an_unknown_option_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(capsys, "eval", "--bogus", str(CORPUS))
    assert caught.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_learn_then_eval_with_the_learned_keywords(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if not PUBLIC_SAMPLE.is_file():
        pytest.skip("public sample not available")
    with PUBLIC_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    train, test = tmp_path / "train.xlsx", tmp_path / "test.tsv"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["诉求内容", "承办部门"])
    for row in rows[::5] + [r for i, r in enumerate(rows) if i % 5 not in (0, 1)]:
        sheet.append([row["text"], row["label"]])
    book.save(train)
    with test.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["msg", "dept"])
        writer.writerows([r["text"], r["label"]] for r in rows[1::5])
    tables = tmp_path / "learned.yaml"
    code, out, err = run(capsys, "learn", str(train), "-o", str(tables))
    assert code == 0, err
    assert "7 labels" in out and tables.read_text(encoding="utf-8").count("\n  ") >= 7
    code, out, err = run(
        capsys,
        "eval",
        str(test),
        "--text-col",
        "msg",
        "--label-col",
        "dept",
        "--keywords",
        str(tables),
        "--json",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["messages"] == 99 and report["accuracy"] >= 0.72
    code, out, _ = run(capsys, "教育局说学校不能乱收费", "--keywords", str(tables), "--json")
    assert json.loads(out)["line"] == "教育文体"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "/nonexistent/ledger.csv"], "no such file"),
        (["eval", "{corpus}", "--text-col", "内容x"], "no text column '内容x'"),
        (["eval", "{empty}"], "the file is empty"),
        (["eval", "{header_only}"], "no rows with both a text and a label"),
        (["learn", "{corpus}"], "needs -o"),
        (["eval", "{corpus}", "--requester", "retailer"], "--requester does not apply"),
        (["烤房停电了", "--area", "mars"], "unknown area 'mars'"),
        (["烤房停电了", "--text-col", "x"], "--text-col does not apply to 'route'"),
        (["eval", "{corpus}", "--keywords", "/nonexistent.yaml"], "cannot read"),
        (["eval", "{corpus}", "--keywords", "{bad_yaml}"], "keywords"),
        (["eval", "{not_xlsx}"], "not a readable .xlsx"),
        (["eval", "{corpus}", "--keywords", "{gbk_yaml}"], "gbk.yaml: not UTF-8 text (byte 0x"),
        (["eval", "{corpus}", "--keywords", "{twice_yaml}"], "words.烤房: written twice (line 3)"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    files = {
        "corpus": str(CORPUS),
        "empty": str(tmp_path / "empty.csv"),
        "header_only": str(tmp_path / "header.csv"),
        "bad_yaml": str(tmp_path / "bad.yaml"),
        "not_xlsx": str(tmp_path / "ledger.xlsx"),
    }
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "header.csv").write_text("text,label\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("keywords: [1, 2]\n", encoding="utf-8")
    (tmp_path / "ledger.xlsx").write_text("not a workbook", encoding="utf-8")
    files["gbk_yaml"] = str(tmp_path / "gbk.yaml")
    (tmp_path / "gbk.yaml").write_bytes("keywords: {curing: {words: {烤房: 3}}}".encode("gbk"))
    files["twice_yaml"] = str(tmp_path / "twice.yaml")
    twice = "keywords:\n  curing:\n    words: {烤房: 3, 烤房: 1}\n"
    (tmp_path / "twice.yaml").write_text(twice, encoding="utf-8")
    code, _out, err = run(capsys, *[a.format(**files) for a in argv])
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_console_script_routes_traditional_text() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "route",
            "烤房停電了",
            "--json",
            "--config",
            str(DEMO_CONFIG),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["script"] == "hant" and data["urgent"] and data["line"] == "curing"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cv", "{corpus}", "--folds", "0"], "argument --folds: must be 1 or more, not 0"),
        (["cv", "{corpus}", "--folds", "-3"], "argument --folds: must be 1 or more, not -3"),
        (
            ["learn", "{corpus}", "-o", "{out}", "--max-words", "0"],
            "argument --max-words: must be 1 or",
        ),
        (
            ["learn", "{corpus}", "-o", "{out}", "--min-df", "0"],
            "argument --min-df: must be 1 or more",
        ),
        (["eval", "{corpus}", "--misses", "-1"], "argument --misses: must be 0 or more, not -1"),
        (["eval", "{corpus}", "--misses", "many"], "argument --misses: not a whole number: 'many'"),
    ],
)
def test_counts_of_zero_or_less_get_argparse_usage_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(capsys, *[a.format(corpus=CORPUS, out=tmp_path / "k.yaml") for a in argv])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: jinye110 route") and f"jinye110 route: error: {message}" in err
    assert not (tmp_path / "k.yaml").exists()


def test_cv_on_fewer_rows_than_the_default_folds_uses_one_fold_a_row_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "three.csv"
    path.write_text("text,label\n烤房停电了,curing\n许可证到期,license\n烟叶收购价格,curing\n")
    cv = ["cv", str(path), "--text-col", "text", "--label-col", "label"]
    code, out, err = run(capsys, *cv)
    assert code == 0
    assert err == "the file has only 3 labelled rows: 3 folds, not 5\n"
    assert out.splitlines()[-1].endswith("(3-fold, stratified)")
    code, _, err = run(capsys, *cv, "--folds", "4")
    assert code == 2
    assert err == (
        "jinye110 route: error: --folds 4: the file has only 3 labelled rows, so at most 3 folds\n"
    )
