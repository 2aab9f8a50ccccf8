"""A direct reply over Telegram's 4096-unit limit goes as several messages on both
frameworks, the buttons on the last, as the outbox sends its long rows; an edit, which
cannot split, is cut. The fake Bot API refuses an over-long text as Telegram does."""

from __future__ import annotations

from aiogram import Bot as AiogramBot
from aiogram.types import Update as AiogramUpdate
from telegram import Bot as PtbBot
from telegram import Update as PtbUpdate

from bot import aiogram_adapter, ptb_adapter
from bot.outbox.render import fit_replies, utf16_len
from handlers.replies import Button, Outcome, Reply
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import aiogram_fake_bot, fake_bot_api, ptb_bot  # noqa: F401
from tests.support.telegram_scripts import press, say
from tests.support.tickets import FARMER

# /queue of a busy team: 120 lines of some 60 characters, 7,000 in all.
LONG = "\n".join(
    f"{i:03d} 工单 1001{i % 10} 烤房温度上不去，风机不转，请尽快上门" + "。" * 30
    for i in range(120)
)
MORE = Reply(LONG, buttons=((Button("下一页", "q:more"),),))


def _sent_texts(api: FakeBotApi) -> list[tuple[str, bool]]:
    return [(c.text or "", "reply_markup" in c.params) for c in api.calls_of("sendMessage")]


def _assert_split(api: FakeBotApi) -> None:
    sent = _sent_texts(api)
    assert len(sent) == 2 and all(call.status == 200 for call in api.calls_of("sendMessage"))
    assert all(utf16_len(text) <= 4096 for text, _ in sent)
    assert "\n".join(text for text, _ in sent) == LONG  # split between lines, nothing lost
    assert [has_buttons for _, has_buttons in sent] == [False, True]


async def test_python_telegram_bot_sends_a_long_reply_in_parts(
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: PtbBot,  # noqa: F811
) -> None:
    update = PtbUpdate.de_json(say(1, FARMER, "/queue"), ptb_bot)
    await ptb_adapter.render(update, Outcome([MORE]))
    _assert_split(fake_bot_api)


async def test_aiogram_sends_a_long_reply_in_parts(
    fake_bot_api: FakeBotApi,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
) -> None:
    update = AiogramUpdate.model_validate(
        say(1, FARMER, "/queue"), context={"bot": aiogram_fake_bot}
    )
    await aiogram_adapter.render(aiogram_fake_bot, update, Outcome([MORE]))
    _assert_split(fake_bot_api)


async def test_a_long_edit_is_cut_to_fit_on_both_frameworks(
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: PtbBot,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
) -> None:
    first, second = [await ptb_bot.send_message(FARMER, "工单详情") for _ in range(2)]
    edit = Reply(LONG, edit=True)
    pressed = press(2, FARMER, "my:v:1", message_id=first.message_id)
    await ptb_adapter.render(PtbUpdate.de_json(pressed, ptb_bot), Outcome([edit]))
    pressed = press(3, FARMER, "my:v:1", message_id=second.message_id)
    by_aiogram = AiogramUpdate.model_validate(pressed, context={"bot": aiogram_fake_bot})
    await aiogram_adapter.render(aiogram_fake_bot, by_aiogram, Outcome([edit]))
    edits = fake_bot_api.calls_of("editMessageText")
    assert [c.status for c in edits] == [200, 200]
    for call in edits:
        text = str(call.params["text"])
        assert utf16_len(text) <= 4096 and text.endswith("…") and LONG.startswith(text[:-1])


def test_replies_within_the_limit_are_left_as_they_are() -> None:
    replies = [Reply("好的"), Reply("图", photo=b"png"), Reply("改", edit=True), MORE]
    fitted = fit_replies(replies)
    assert fitted[:3] == replies[:3]
    assert len(fitted) == 4 + 1 and fitted[-1].buttons == MORE.buttons


async def test_a_caption_over_its_limit_follows_the_chart_as_text_on_both_frameworks(
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: PtbBot,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
) -> None:
    # 700 characters, but 1,400 UTF-16 units (Telegram's measure): over the 1,024 limit.
    caption = "📈" * 700
    chart = Outcome([Reply(caption, photo=b"png")])
    await ptb_adapter.render(PtbUpdate.de_json(say(1, FARMER, "/stats"), ptb_bot), chart)
    update = AiogramUpdate.model_validate(
        say(2, FARMER, "/stats"), context={"bot": aiogram_fake_bot}
    )
    await aiogram_adapter.render(aiogram_fake_bot, update, chart)
    photos, texts = fake_bot_api.calls_of("sendPhoto"), fake_bot_api.calls_of("sendMessage")
    assert [c.status for c in photos + texts] == [200] * 4
    assert [c.text for c in texts] == [caption, caption]  # nothing of it lost
