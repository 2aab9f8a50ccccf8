"""The desk: one Incoming event in, one transaction, neutral replies out."""

from __future__ import annotations

import logging
from datetime import datetime

from core.enums import Requester, Script
from core.errors import (
    ConcurrentUpdate,
    ConnectionLost,
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
)
from core.model import User
from handlers import alarm_intake, mine, rating, team_notes
from handlers.app import route
from handlers.command_menu import send_own_menu
from handlers.context import Ctx, Services
from handlers.i18n import choose_script, t
from handlers.incoming import Incoming
from handlers.kept_replies import kept, restored
from handlers.replies import Outcome, Reply
from handlers.staff import is_oversight
from handlers.team_access import pressed_card_now
from routing import detect_script
from storage.uow import Database, SqlUnitOfWork

log = logging.getLogger(__name__)
ATTEMPTS = 3  # a step refused by a race or a lost connection runs again, this many in all
_QUIET_ENDS = (alarm_intake.PLACE, rating.RATE, team_notes.ALBUM, mine.WITHDRAW)
_ERROR_KEYS = {
    PermissionDenied: "permission_denied",
    IllegalTransition: "stale_button",
    NotFound: "not_your_ticket",
}


class Desk:
    """Handles events for every adapter (python-telegram-bot, aiogram, console)."""

    def __init__(self, db: Database, services: Services) -> None:
        self.db = db
        self.svc = services
        # Updates whose kept replies this process has shown, to forget with the next
        # step's commit rather than in a transaction of their own; and those a step is
        # forgetting now (taken, so that two steps never write the same rows).
        self._shown: set[str] = set()
        self._forgetting: set[str] = set()

    def shown(self, update_key: str) -> None:
        """The update's kept replies were shown (`handlers.kept_replies`). They are
        forgotten in the next step's transaction; a repeat meanwhile says nothing, and one
        after a stop before that finds them still kept (delivery is at least once)."""
        self._shown.add(update_key)

    async def handle(self, msg: Incoming) -> Outcome:
        if msg.anonymous:
            # Nothing is saved: a redelivery only says it again.
            return await self._sorry("anonymous_sender", msg)
        for attempt in range(1, ATTEMPTS + 1):
            last = attempt == ATTEMPTS
            try:
                # When the connection died after the server had committed the step, the try
                # again finds it done and says what it kept (`kept_replies`).
                return await self._handle_once(msg)
            except ConcurrentUpdate:
                # Someone changed the ticket between our read and write, or PostgreSQL broke
                # a deadlock between two chats' steps: run the step again on fresh data,
                # where it meets the new state and says so (e.g. who accepted).
                if last:
                    log.warning("update %s lost %d races in a row", msg.update_key, ATTEMPTS)
                    return await self._sorry("stale_button" if msg.is_button else "error", msg)
            except ConnectionLost:
                # A pooled connection died mid-step (database restart): again on a fresh one.
                if last:
                    log.exception("update %s: every try lost its connection", msg.update_key)
                    return await self._sorry("error", msg)
                log.warning("update %s: database connection lost; running it again", msg.update_key)
            except DomainError as exc:
                key = next((k for cls, k in _ERROR_KEYS.items() if isinstance(exc, cls)), "error")
                return await self._sorry(key, msg)
            except Exception:
                log.exception("update %s failed; nothing was saved", msg.update_key)
                return await self._sorry("error", msg)
        raise AssertionError("unreachable")

    async def _commit_forgetting_shown(self, uow: SqlUnitOfWork) -> None:
        """Commit the step, forgetting in it the kept replies shown since the last one."""
        taken, self._shown = self._shown, set()
        self._forgetting |= taken
        try:
            if taken:
                await uow.inbox.forget_shown(sorted(taken))  # rows in one order: no deadlock
            await uow.commit()
        except BaseException:
            self._shown |= taken  # for the next step
            raise
        finally:
            self._forgetting -= taken

    async def _card_now(
        self, uow: SqlUnitOfWork, msg: Incoming, now: datetime, replay: Outcome
    ) -> None:
        """Put first in `replay` the edit of the pressed card to how it reads now
        (`team_access.pressed_card_now`). Read only: the transaction is not committed."""
        try:
            user = await uow.users.get(msg.user_id)
            ticket = await uow.tickets.get(replay.card_of) if replay.card_of else None
            if user is None or ticket is None:
                return
            ctx = Ctx(self.svc, uow, msg, now, user, user.script or Script.HANS, None)
            await pressed_card_now(ctx, ticket)
        except Exception:
            # The toast still says the press was done; the card catches up at the next change.
            log.exception("update %s: the pressed card could not be read", msg.update_key)
            return
        replay.replies[:0] = [r for r in ctx.out.replies if r.edit]

    async def _sorry(self, key: str, msg: Incoming) -> Outcome:
        """`_apology`, in the script the person chose, if it can still be read: the step
        failed, and the database with it, perhaps."""
        chosen = None
        try:
            async with self.db.uow(read_only=True) as uow:
                user = await uow.users.get(msg.user_id)
            chosen = user.script if user is not None and user.script_chosen else None
        except Exception:
            log.warning("update %s: the person's script could not be read", msg.update_key)
        return _apology(key, msg, chosen)

    def _named_by_config(self, user: User) -> bool:
        """Whether the person's name is the one `staff_names` gave them (`seed_memberships`),
        not one they gave themselves by registering."""
        return user.registered_at is None and user.name == self.svc.cfg.staff_name(user.id)

    async def _handle_once(self, msg: Incoming) -> Outcome:
        now = self.svc.clock()
        async with self.db.uow() as uow:
            if not await uow.inbox.claim(msg.update_key, now):
                # Run before; what it said is still kept only if a stop cut it off.
                if msg.update_key in self._shown | self._forgetting:
                    return Outcome(duplicate=True)
                said = await uow.inbox.kept_replies(msg.update_key)
                replay = restored(said) if said is not None else None
                if replay is not None and replay.card_of is not None:
                    await self._card_now(uow, msg, now, replay)
                return replay or Outcome(duplicate=True)
            user, conv = await uow.users.get_with_conversation(msg.user_id, msg.chat_id)
            known = user is not None
            if user is None:
                user = User(id=msg.user_id, created_at=now, language_code=msg.language_code)
            before, script_before, kind_before = user.details(), user.script, user.kind
            script = _script_for(user, msg)
            if not user.reachable and msg.is_private:
                # They wrote to us privately, so they unblocked the bot. Words or a press in
                # a team's group prove nothing: a member who blocked the bot still talks there.
                user.reachable, user.unreachable_since = True, None
            if user.private_chat_at is None and msg.is_private:
                user.private_chat_at = now  # from now on the bot may write to them
            if msg.user_name and (not user.name or self._named_by_config(user)):
                # Until they register, call people by their Telegram name; staff the config
                # names (`staff_names`) by that name only until their own is known.
                user.name = msg.user_name[:64]
            if not known:
                user.updated_at = now
                await uow.users.add(user)
            ctx = Ctx(self.svc, uow, msg, now, user, script, conv)
            late_note = False
            if conv is not None and conv.expires_at <= now:
                await ctx.end_flow()
                if conv.flow in team_notes.FLOWS:
                    late_note = await team_notes.note_expired(ctx, conv)
                # The place question of a 110 call ends quietly: the alarm went out anyway;
                # so do the score and comment prompts: the buttons still rate, a score stands;
                # and the wait for an album's photos, which nobody was asked for; and
                # 确定撤回…吗？: nothing was withdrawn, and its buttons still work.
                elif not msg.command and conv.flow not in _QUIET_ENDS:
                    ctx.say("expired")
            if not (late_note and msg.is_private):
                # A note meant for a card's prompt, typed too late in a private chat, is not
                # also a request of the member's own (in a group it is the team's talk).
                await route(ctx)
            if _menu_to_follow(script_before, user, msg) or _staff_changed(kind_before, user, msg):
                await send_own_menu(ctx, overseer=await is_oversight(ctx))
            if known and user.details() != before:
                user.updated_at = now
            # What work after the commit says cannot be kept: a repeat asks for it again.
            then = ctx.text("result_not_kept") if ctx.later else ""
            said = kept(ctx.out, then=then, done=ctx.text("done_before"))
            if said is not None:
                await uow.inbox.keep_replies(msg.update_key, said)
                ctx.out.kept = True
            await self._commit_forgetting_shown(uow)
        for job in ctx.later:
            try:
                await job()
            except Exception:
                log.exception("update %s: work after the commit failed", msg.update_key)
                ctx.say("error")
        return ctx.out


def _apology(key: str, msg: Incoming, chosen: Script | None = None) -> Outcome:
    """A step's only reply when its own cannot be given: in a group, in Simplified, which
    everyone there reads, as the group's other replies (`Ctx.script_here`); in a private
    chat, in the script the person chose with /lang, else the one they wrote in, else
    their Telegram's (a button press has no words to tell it by)."""
    if not msg.is_private:
        return Outcome([Reply(t(key, Script.HANS))])
    return Outcome([Reply(t(key, choose_script(chosen, msg.language_code, msg.text)))])


def _menu_to_follow(before: Script | None, user: User, msg: Incoming) -> bool:
    """Whether the person's own command menu should change to their new script. Telegram's
    shared menu is Simplified; a menu of their own is needed once they read Traditional (or
    back). Only for someone with a private chat: in it, or, for a change seen in a group,
    once they registered there (a chat never opened has no menu to set)."""
    now = user.script
    if now is None or now == before or not (msg.is_private or user.kind is not None):
        return False
    return not (before is None and now is Script.HANS)


def _staff_changed(before: Requester | None, user: User, msg: Incoming) -> bool:
    """Registered as staff just now, or no longer (a re-registration cancelled): their
    menu gains or loses /wish (心愿清单)."""
    was, now = before is Requester.STAFF, user.kind is Requester.STAFF
    return msg.is_private and was != now


def _script_for(user: User, msg: Incoming) -> Script:
    """Follow the script the person writes in, unless they chose one with /lang; a text
    that tells nothing keeps the script they had (`handlers.i18n`)."""
    written = detect_script(msg.text)
    if msg.edited:
        # An edit changes nothing kept (`route`), their script and so their command menu
        # included; the answer to it is in the script they chose, else the one it is in.
        chosen = user.script if user.script_chosen else None
        return chosen or written or user.script or Script.HANS
    if not user.script_chosen:
        if written is not None:
            user.script = written
        elif user.script is None:
            user.script = choose_script(None, msg.language_code, "")
        if msg.language_code:
            user.language_code = msg.language_code
    return user.script or Script.HANS
