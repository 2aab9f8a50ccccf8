"""Reading a ledger for learning: our own stand-ins for a request without words are skipped."""

from __future__ import annotations

from pathlib import Path

from bot.ledger_io import read_ledger


def test_a_ticket_without_words_teaches_the_learner_nothing(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "内容,服务线\n"
        "烤房停电了,烘烤110\n"
        "[语音],烘烤110\n"
        "[照片],专卖\n"
        "[語音],烘烤110\n"  # a supervisor's 繁體 export
        "[未说明],烘烤110\n"
        "[语音] 风机不转,烘烤110\n",  # words beside it are theirs
        encoding="utf-8",
    )
    read = read_ledger(ledger)
    assert read.texts == ["烤房停电了", "[语音] 风机不转"]
    assert read.labels == ["烘烤110", "烘烤110"]
