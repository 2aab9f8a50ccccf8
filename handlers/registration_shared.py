"""A phone or a location shared at a registration question that asks something else: kept
for the question that wants it, and the question being asked put again. An old farmer
presses 📱 or 📍 when they see one, whatever the words above it ask, answers aloud what
they cannot type (a voice note, kept for the alarm, should it be one), and photographs the
licence asked for: neither is heard or read, which they are told."""

from __future__ import annotations

from core.enums import Kind
from core.model import Ticket
from handlers import alarm_check, alarm_intake
from handlers.context import UNDO, Ctx
from handlers.incoming import Contact
from handlers.places import barn_site
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import Gathered, may_have_barn, open_emergency
from handlers.verdict_words import asks_to_rate, says_how_it_ended
from handlers.verdicts import awaiting_verdict, resolved_lately

# conv.data keys: the phone shared during this registration (its question is not asked
# again), and a location shared before the place was asked (used when it is).
PHONE_SHARED = "phone_shared"
# The number on record when a first registration began (typed during a 110 call before
# it, say): the call's team is told the one registered only when it is another.
PHONE_BEFORE = "phone_before"
LOCATION_SHARED = "location_shared"
# conv.data key: voice notes sent at a question, which go with the alarm if it is pressed.
VOICES_KEPT = "voices_kept"
# The alarm's button offered beside a voice note kept.
VOICE_ALARM = "f:voice:110"
# The conversation holding a registration's voice notes that nothing took when it ended
# (registration finished, or left for what begins nothing: `registration_left`): only them,
# under `VOICES_KEPT`, so that a voice note, 110, 报警, 🚨 110, /110 or /sos raises the call
# with them as at a registration question.
HELD = "voices_held"
# Questions asked before the place: a location shared at one of them answers it in advance.
_BEFORE_THE_PLACE = ("kind", "name", "phone")


def placed_by_qr(ctx: Ctx) -> bool:
    """Whether the site whose QR code they scanned answers where they are, so registration
    does not ask it: a barn cluster for a farmer, any other site for a retailer or staff. A
    purchase station serves the farmers of many towns and a shop district has no barns:
    a farmer bound to one is asked for the town or barn, which a 110 call needs; a barn
    cluster is no shop's or office's place, so a retailer or staff member bound to one
    (scanned before they said who they are) is asked where they are. A first registration
    only; registering again asks the place as ever."""
    assert ctx.conv is not None
    if not ctx.user.site_code or UNDO in ctx.conv.data:
        return False
    at_a_barn = barn_site(ctx, ctx.user.site_code) is not None
    return at_a_barn if ctx.user.may_have_barn else not at_a_barn


def phone_of(contact: Contact) -> str:
    """The number as stored: Telegram's contact cards come with or without the +."""
    return contact.phone if contact.phone.startswith("+") else f"+{contact.phone}"


async def kept_aside(ctx: Ctx) -> bool:
    """Whether the message was a contact or a location shared at a question that asks for
    something else: kept (or politely not) and said so; the caller asks its question again."""
    assert ctx.conv is not None
    msg, step = ctx.msg, ctx.conv.step
    if msg.contact is not None and step != "phone":
        if msg.contact.user_id != ctx.user.id:
            ctx.say("reg_contact_not_own")  # someone else's card: their number is not ours
            return True
        ctx.user.phone, ctx.user.phone_typed = phone_of(msg.contact), False
        await ctx.goto(step, **{PHONE_SHARED: True})
        ctx.say("phone_saved", phone=ctx.user.phone)
        return True
    if msg.location is not None and step != "area":
        # Bound by a site's QR code, where they are is known and the place not asked
        # (registration's `_after_phone`): a location would not be used, so not promised.
        if (
            step in _BEFORE_THE_PLACE
            and not ctx.conv.data.get("phone_only")
            and not placed_by_qr(ctx)
        ):
            spot = [msg.location.lat, msg.location.lon]
            await ctx.goto(step, **{LOCATION_SHARED: spot})
            ctx.say("reg_location_kept")
        else:
            ctx.say("reg_location_not_now")
        return True
    return False


async def voice_kept(ctx: Ctx) -> bool:
    """Whether the message was a voice note. Nobody here can listen to it, and most likely
    it answers the question aloud ("我是烟农"), so it pages nobody and is no request: the
    person is told so, and the caller asks its question again. From someone who may have a
    barn it is kept, with the alarm one tap away, should it be the barn's emergency."""
    assert ctx.conv is not None
    voice = ctx.msg.voice_file_id
    if not voice:
        return False
    if not may_have_barn(ctx):
        ctx.say("reg_voice_not_heard")
        return True
    await ctx.goto(ctx.conv.step, **{VOICES_KEPT: [*voices_here(ctx), voice]})
    told = ctx.text("reg_voice_not_heard") + ctx.text("reg_voice_alarm")
    ctx.reply(told, rows(Button(ctx.text("btn_voice_alarm"), VOICE_ALARM)))
    return True


async def voice_for_a_ticket(ctx: Ctx) -> bool:
    """Whether the message is a voice note that outside registration goes to a ticket in
    hand: the answer a team waits for (需补充), news of the person's open 110 call, or a
    farmer's word on one resolved lately. Registration gives way to it (`app.route`), as
    to a matter typed, rather than keeping it unheard beside an alarm already raised."""
    if not ctx.msg.voice_file_id:
        return False
    if list(await ctx.uow.tickets.waiting_for(ctx.user.id)):
        return True
    if not may_have_barn(ctx):
        return False  # the voice note goes to a resolved ticket from a farmer only (`_media`)
    return await open_emergency(ctx) is not None or await resolved_lately(ctx) is not None


async def rating_for_a_ticket(ctx: Ctx) -> bool:
    """Whether the message asks to rate (评价一下, 打分) while a ticket of theirs awaits
    their verdict: registration gives way, and it is taken up as outside registration (the
    notice's buttons), rather than kept as a name or asked about again."""
    text = ctx.msg.text
    if ctx.msg.is_button or not asks_to_rate(text):
        return False
    return bool(await awaiting_verdict(ctx))


async def verdict_for_a_ticket(ctx: Ctx) -> bool:
    """Whether the message says how a ticket ended (解决了, 没解决, 还是没修好) while one of
    theirs awaits their verdict: registration gives way, and it is taken up as outside
    registration (the score asked, the call reopened). With none awaiting, the words are
    the question's to read (您是 asked again)."""
    # At 您是 only: the name question reads them itself, where 王修好 is still a name.
    at_kind = ctx.conv is not None and ctx.conv.step == "kind"
    if not at_kind or ctx.msg.is_button or not says_how_it_ended(ctx.msg.text):
        return False
    return bool(await awaiting_verdict(ctx))


def photo_not_read(ctx: Ctx) -> bool:
    """Whether the message was a photo alone at the shop or the licence: most likely the
    sign or the licence itself, which the bot cannot read. Said so; the caller asks its
    question again, rather than the number typed next becoming a request's words."""
    assert ctx.conv is not None
    if not ctx.msg.photo_file_id or ctx.msg.text.strip():
        return False  # a caption is read as the answer typed
    ctx.say("reg_photo_not_read")
    return True


async def voice_alarm(ctx: Ctx) -> bool:
    """Whether the alarm offered beside a voice note was pressed: it goes out (`alarm`)."""
    if ctx.msg.callback_data != VOICE_ALARM:
        return False
    await alarm(ctx)
    return True


def voices_here(ctx: Ctx) -> list[str]:
    """The voice notes this registration kept at its questions for a 110 call."""
    return [str(v) for v in ctx.conv.data.get(VOICES_KEPT) or []] if ctx.conv is not None else []


async def hold(ctx: Ctx, voices: list[str]) -> None:
    """The voice notes held for the alarm alone (`HELD`), one tap away. Not a request's
    draft: a voice note or 110 sent next is the barn's alarm, not more of it."""
    await ctx.start_flow(HELD, "held", {VOICES_KEPT: voices})
    ctx.say("reg_voices_held", rows(Button(ctx.text("btn_voice_alarm"), VOICE_ALARM)))


def voices_kept(ctx: Ctx) -> bool:
    """Voice notes were kept at this registration's questions, for a 110 call."""
    return ctx.conv is not None and bool(ctx.conv.data.get(VOICES_KEPT))


async def alarm(ctx: Ctx, text: str = "") -> None:
    """A 110 call from a registration question (「🚨 马上报警」 pressed, or a barn emergency
    typed): registration waits, and the call goes out with what was kept for it, the voice
    notes and a location shared before, as had they been sent outside registration."""
    call = kept_for_alarm(ctx, text)
    await ctx.end_flow()
    on = await open_emergency(ctx)
    elsewhere = alarm_check.failing_elsewhere(ctx, on, text) if on and text else None
    if on is not None and elsewhere is None:
        await _to_the_call_on(ctx, on, call)
        return
    if elsewhere is not None and call.lat is None:
        call.site_code = elsewhere  # the barn failing, not the one the open call is at
    # Nothing said yet (「🚨 马上报警」 of a registration left before, pressed in a new one):
    # what is wrong is asked, as 🚨 110 asks it.
    await alarm_intake.start_emergency(ctx, call if text or call.voices else None)


def kept_for_alarm(ctx: Ctx, text: str = "") -> Gathered:
    """A 110 call with `text` and what this registration kept for one: the voice notes,
    and a location shared before the place was asked (where the barn is: not asked again)."""
    assert ctx.conv is not None
    call = Gathered(Kind.EMERGENCY, text, voices=voices_here(ctx))
    spot = location_shared(ctx)
    if spot is not None:
        call.lat, call.lon = spot
    return call


async def _to_the_call_on(ctx: Ctx, on: Ticket, call: Gathered) -> None:
    """The alarm wanted during the person's open 110 call: no second call paging the team
    for the same barn. What was kept for it (words, voice notes, a pin) is news of the call,
    as outside registration; with nothing kept, where the call stands (`say_call_on`)."""
    pin = (call.lat, call.lon) if call.lat is not None and call.lon is not None else None
    if not (call.text or call.voices or pin):
        alarm_intake.say_call_on(ctx, on)
        return
    first = call.voices[0] if call.voices else None
    await add_info(ctx, on, call.text, None, voice=first, pin=pin)
    for voice in call.voices[1:]:
        await add_info(ctx, on, "", None, voice=voice)
    if call.text and alarm_check.names_another_barn(ctx, on, call.text):
        # Two barns named: an alarm for the other is one tap away, as outside registration.
        another = rows(Button(ctx.text("btn_another_barn"), alarm_intake.ANOTHER_BARN))
        ctx.say("e_news_added", another, number=on.label)
        return
    ctx.say("e_news_added", number=on.label)


def phone_shared(ctx: Ctx) -> bool:
    """The phone was shared during this registration, at another question: not asked for."""
    return ctx.conv is not None and bool(ctx.conv.data.get(PHONE_SHARED)) and bool(ctx.user.phone)


def location_shared(ctx: Ctx) -> tuple[float, float] | None:
    """The location shared before the place was asked, taken once."""
    assert ctx.conv is not None
    spot = ctx.conv.data.pop(LOCATION_SHARED, None)
    if isinstance(spot, list) and len(spot) == 2:
        return float(spot[0]), float(spot[1])
    return None
