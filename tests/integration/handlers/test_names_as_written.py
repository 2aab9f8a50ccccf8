"""People's names reach every reader as written: OpenCC would make 范志于 範志於 and 余美玲
餘美玲 for a reader of 繁體 (范, 于, 余 are Traditional characters too)."""

from __future__ import annotations

from core.model import OutboxMessage
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001  # curing-qingshan: no one on duty, so its leader is paged


async def _named(desk: Harness, user: int, name: str) -> None:
    async with desk.db.uow() as uow:
        person = await uow.users.get(user)
        assert person is not None
        person.name = name
        await uow.commit()


def _to(rows: list[OutboxMessage], chat_id: int, purpose: str) -> list[OutboxMessage]:
    return [r for r in rows if r.chat_id == chat_id and r.purpose == purpose]


async def test_a_traditional_reader_gets_names_as_written_on_cards_and_notices(
    desk: Harness,
) -> None:
    await desk.press(LEADER, "lang:hant")
    await desk.press(FARMER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    await _named(desk, FARMER, "余美玲")
    await _named(desk, MEMBER, "范志于")

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    rows = await desk.outbox()
    [notice] = [r for r in rows if r.chat_id == FARMER and "接單" in r.payload["text"]]
    assert "由 范志于 接單" in notice.payload["text"]
    card = _to(rows, LEADER, "card_edit")[-1].payload["text"]
    assert "報告人：余美玲" in card and "接單：范志于" in card
    assert "\ue0f0" not in card and "\ue0f0" not in notice.payload["text"]
    group = _to(rows, TEAM_CHAT, "card_edit")[-1].payload["text"]  # Simplified, marks off
    assert "报告人：余美玲" in group and "\ue0f0" not in group


async def test_a_requester_reads_their_own_words_as_they_wrote_them(desk: Harness) -> None:
    retailer = 100002
    await desk.press(retailer, "lang:hant")
    ticket = await desk.file_request(retailer, "请余经理回个电话，许可证的事")

    out = await desk.press(retailer, f"my:v:{ticket.id}")

    assert "內容：请余经理回个电话，许可证的事" in texts(out)  # not 請餘經理


async def test_a_traditional_reader_is_welcomed_by_their_name_as_written(desk: Harness) -> None:
    await desk.press(FARMER, "lang:hant")
    await _named(desk, FARMER, "余美玲")

    out = await desk.send(FARMER, "/start")

    assert "余美玲" in texts(out) and "餘美玲" not in texts(out)


async def test_a_requester_reads_their_own_words_as_they_wrote_them_in_the_summary(
    desk: Harness,
) -> None:
    retailer = 100002
    await desk.press(retailer, "lang:hant")

    out = await desk.send(retailer, "请余经理回个电话，许可证的事")

    assert "內容：请余经理回个电话，许可证的事" in texts(out)  # the rest in 繁體: 內容


async def test_withdrawing_a_call_taken_names_the_member_as_written(desk: Harness) -> None:
    await desk.press(FARMER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    await _named(desk, MEMBER, "范志于")
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    out = await desk.press(FARMER, f"my:xx:{ticket_id}")

    assert "服務隊 范志于 接單" in texts(out)
