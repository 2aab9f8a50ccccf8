"""/stats and /ledger: the rates, their chart and the ledger's workbook, for supervisors; a
leader's /stats, of the teams they lead."""

from __future__ import annotations

from core.complainant import keeper_teams
from core.enums import Script
from handlers.context import Ctx
from handlers.i18n import as_written, in_script
from handlers.incoming import words_after_command
from handlers.report_hints import shorter_periods
from handlers.staff import is_oversight
from handlers.staff_views import led_here, teams_in_view


async def _report(ctx: Ctx, which: str) -> None:
    """/stats [period] and /ledger [period], for supervisors; a leader's /stats, of the
    teams they lead (in a team's group, of that team)."""
    teams: frozenset[str] | None = None
    if not await is_oversight(ctx):
        teams = frozenset(await led_here(ctx))
        if not teams or which != "stats":
            if teams:
                ctx.say("leader_stats_only")
            else:
                # Leaders read /stats too: a member is told whose it is, and a leader in
                # another team's group where to ask.
                ctx.say("stats_for_leaders" if which == "stats" else "supervisors_only")
            return
    maker = ctx.svc.reports
    if maker is None:
        ctx.say("reports_off")
        return
    # Punctuation typed alone after the command is no joiner to words: it is refused as
    # the period it is not, rather than dropped and read as today.
    period = " ".join(ctx.msg.args) or words_after_command(ctx.msg.text)
    keeper = which == "ledger" and await _complainants_readable_here(ctx)

    async def build() -> None:
        try:
            if which == "stats":
                text, chart = await maker.stats(period, ctx.now, _document_script(ctx), teams)
                ctx.reply(in_script(text, ctx.script_here))
                if chart:
                    ctx.attach("", photo=chart, too_big=ctx.text("chart_too_big"))
            else:
                name, content, tickets, nil_return, running, withdrawn = await maker.ledger(
                    period, ctx.now, _document_script(ctx), keeper=keeper
                )
                # Sent all the same, said to be empty: a ledger is filed for every period,
                # and one where nothing happened is its nil return (零报告), not a failed
                # export. One without new tickets may still count older ones closed, rated
                # or missed in it: its 汇总 is no nil return. One whose only news is older
                # tickets withdrawn is none either, but its 汇总 counts no 撤回: said here.
                # The file's name as the file is named, in a caption in this chat's script.
                shown = as_written(name)
                key = _ledger_caption(tickets, nil_return, running, withdrawn)
                caption = ctx.text(key, name=shown, n=withdrawn)
                # A whole season's workbook may pass Telegram's limit: a shorter period won't.
                too_big = ctx.text("ledger_too_big") + shorter_periods(name, ctx.script_here)
                ctx.attach(caption, document=(name, content), too_big=too_big)
        except ValueError as exc:
            ctx.reply(in_script(str(exc), ctx.script_here))

    # Built after the step commits, so that reading the whole ledger holds no write lock.
    ctx.later.append(build)


def _ledger_caption(tickets: int, nil_return: bool, running: bool, withdrawn: int) -> str:
    """The key of what a /ledger file is sent with. An empty period still running (today,
    this week) is empty so far: filed as its nil return, it would miss what comes later."""
    if tickets:
        return "ledger_caption"
    if nil_return:
        return "ledger_empty_so_far" if running else "ledger_empty"
    return "ledger_only_withdrawn" if withdrawn else "ledger_no_new_tickets"


async def _complainants_readable_here(ctx: Ctx) -> bool:
    """Whether a supervisor's ledger may name complainants here: in their own chat or a
    keeper team's (作风监督's, the triage desk's), as their /ticket does; posted in another
    team's group it is that team's copy, which may be about its own people."""
    view = await teams_in_view(ctx)
    return view is None or bool(view & keeper_teams(ctx.cfg))


def _document_script(ctx: Ctx) -> Script:
    """The script of a chart or file the desk sends: the reader's own in a private chat.
    Posted in a group it is everyone's copy, kept and forwarded as the bureau's record, so
    it is in the bureau's working script, Simplified, whoever asked for it, as the reply
    around it is (`Ctx.text`)."""
    return ctx.script_here


async def stats(ctx: Ctx) -> None:
    await _report(ctx, "stats")


async def ledger(ctx: Ctx) -> None:
    await _report(ctx, "ledger")
