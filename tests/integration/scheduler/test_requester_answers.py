"""The requester's reminder to confirm, and the notice of the close, for a resolution that
answered them rather than fixed something: a wish by how it ended, a suggestion as
answered. Neither asks whether a problem was solved, in either script.

Demo auto_close: remind after 24h, close after 72h; the staff line's team is 工会职工服务站.
"""

from __future__ import annotations

import pytest

from core.config import Config
from core.enums import Action, Kind, Script, Status, WishOutcome
from core.services import perform
from storage.uow import Database
from tests.integration.scheduler.clockwork import at, outbox_rows, run_scheduler, seed_staff
from tests.support.tickets import new_ticket

STAFF_MEMBER, STAFF_REQUESTER = 200081, 100003
STAFF_MATTER = {
    "line": "staff",
    "team_id": "staff",
    "urgent": False,
    "area": "chengqu",
    "site_code": None,
    "requester_id": STAFF_REQUESTER,
    "chat_id": STAFF_REQUESTER,
}

# (kind, outcome, script) -> (the reminder's first words, the close notice's first words,
# the ✅ and ❌ buttons' labels)
CASES = {
    (Kind.WISH, WishOutcome.DECLINED, Script.HANS): (
        "您的心愿 {n} 已答复：暂时无法实现。请确认收到这次答复并评价；有异议请点「❌ 没解决」。",
        "您的心愿 {n}（暂时无法实现）已自动销号（没有收到您的确认）。对答复有异议",
        ("✅ 收到，评价", "❌ 没解决"),
    ),
    (Kind.WISH, WishOutcome.PARTLY, Script.HANT): (
        "您的心願 {n} 已部分實現，請確認收到這次答覆並評價；覺得還沒辦好，請點「❌ 沒解決」。",
        "您的心願 {n}（部分實現）已自動銷號（沒有收到您的確認）。覺得還沒辦好",
        ("✅ 收到，評價", "❌ 沒解決"),
    ),
    (Kind.WISH, WishOutcome.GRANTED, Script.HANS): (
        "您的心愿 {n} 已实现，请确认并评价。",
        "您的心愿 {n} 已实现，已自动销号（没有收到您的确认）。",
        ("✅ 已解决，评价", "❌ 没解决"),
    ),
    (Kind.SUGGESTION, None, Script.HANS): (
        "您的建议 {n} 已有答复，请看看是否满意并评价；不满意请点「❌ 不满意」。",
        "您的建议 {n} 已答复，已自动销号（没有收到您的确认）。对答复不满意",
        ("✅ 收到，评价", "❌ 不满意"),
    ),
    (Kind.SUGGESTION, None, Script.HANT): (
        "您的建議 {n} 已有答覆，請看看是否滿意並評價；不滿意請點「❌ 不滿意」。",
        "您的建議 {n} 已答覆，已自動銷號（沒有收到您的確認）。對答覆不滿意",
        ("✅ 收到，評價", "❌ 不滿意"),
    ),
}


@pytest.mark.parametrize(("kind", "outcome", "script"), list(CASES))
async def test_an_answer_is_reminded_and_closed_in_words_that_fit_it(
    db: Database,
    demo_config: Config,
    kind: Kind,
    outcome: WishOutcome | None,
    script: Script,
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")  # Monday
    await seed_staff(db, cfg, filed)
    text = "食堂增加早餐品种" if kind is Kind.WISH else "建议食堂延长晚饭供应时间"
    ticket = await new_ticket(
        db, cfg, now=filed, kind=kind, text=text, script=script, **STAFF_MATTER
    )
    assert ticket.id is not None
    async with db.uow() as uow:
        stored = await uow.tickets.get(ticket.id)
        assert stored is not None
        for action, when in ((Action.ACCEPT, "09:30"), (Action.RESOLVE, "10:00")):
            await perform(
                uow,
                cfg,
                stored,
                action,
                actor_id=STAFF_MEMBER,
                now=at(f"2026-11-16 {when}"),
                note="食堂承包合同年底到期" if action is Action.RESOLVE else "",
                outcome=outcome if action is Action.RESOLVE else None,
            )
        await uow.commit()

    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 00:00"))

    reminded, closed_word, (confirm, dispute) = CASES[(kind, outcome, script)]
    to_requester = [r for r in await outbox_rows(db) if r.chat_id == STAFF_REQUESTER]
    remind, closed = to_requester
    assert str(remind.payload["text"]).startswith(reminded.format(n=ticket.label))
    assert [b["text"] for b in remind.payload["buttons"][0]] == [confirm, dispute]
    assert str(closed.payload["text"]).startswith(closed_word.format(n=ticket.label))
    assert [b["text"] for b in closed.payload["buttons"][0]] == [dispute]
    for row in to_requester:
        said = str(row.payload["text"])
        assert "是否解决" not in said and "是否解決" not in said
    async with db.uow(read_only=True) as uow:
        after = await uow.tickets.get(ticket.id)
    assert after is not None and after.status is Status.CLOSED
