"""What the scheduler says, written once in Simplified Chinese.

Each message reaches its reader in their script: the outbox row is converted with OpenCC
for a 繁體 reader when it is written (`scheduler.enqueue`), the same way the desk's
messages are (handlers/ is a sibling layer, so the few shared button labels are repeated
here rather than imported; the kinds' names are core's, as the cards' are).
"""

from __future__ import annotations

from core.config import Config
from core.model import Ticket
from core.team_card import local as local
from core.texts import status_name

STAFF: dict[str, str] = {
    "remind_accept": "⏰ 工单 {number} 已到接单时限（{due}），还没有人接单，请尽快接单。",
    "remind_resolve": "⏰ 工单 {number} 已到办结时限（{due}），请尽快办结。",
    "leader_accept": "⚠️ 工单 {number} 超过接单时限 {late}，{team} 仍未接单，请队长督促。",
    "leader_resolve": "⚠️ 工单 {number} 超过办结时限 {late}，{team} 仍未办结，请队长督促。",
    "supervise_accept": "🔴【超时督办】工单 {number} 超过接单时限 {late}，仍未接单。",
    "supervise_resolve": "🔴【超时督办】工单 {number} 超过办结时限 {late}，仍未办结。",
    # The same for a ticket at the triage desk, whose answer is to send it to a team.
    "remind_dispatch": (
        "⏰ 工单 {number} 已到接单时限（{due}），还没有分派，请尽快派给对应的服务队。"
    ),
    "leader_dispatch": "⚠️ 工单 {number} 超过接单时限 {late}，{team} 仍未分派，请督促分派。",
    "supervise_dispatch": "🔴【超时督办】工单 {number} 超过接单时限 {late}，{team} 仍未分派。",
    "urgent_unanswered": (
        "📞 工单 {number}（110）：报告人 {waited} 没有回复补充问题，已再次提醒。"
        "烤房等不得，请直接打电话联系{phone}。"
    ),
    # The same, for a farmer who left no number: nobody is told to phone nobody.
    "urgent_unanswered_no_phone": (
        "📞 工单 {number}（110）：报告人 {waited} 没有回复补充问题，已再次提醒。"
        "报告人没有留电话，烤房等不得，请按工单上的地点直接上门查看。"
    ),
    "urgent_unanswered_nowhere": (
        "📞 工单 {number}（110）：报告人 {waited} 没有回复补充问题，已再次提醒。"
        "报告人没有留电话，也没说在哪个烤房，烤房等不得，请队长设法联系上报告人。"
    ),
    "expired_team": "工单 {number} 等待报告人补充已超过 {waited}，没有回复，已关闭。",
    "callback_due": (
        "📞 工单 {number} 报告人给了 {score} 星，不满意，回访时限（{due}）已到，还没有记录回访。"
        "请{team}的队长尽快回访，问清原因，回访后点「📞 已回访」记下报告人怎么说。"
    ),
    "callback_overdue": (
        "🔴【回访督办】工单 {number} 报告人给了 {score} 星，不满意，回访超过时限 {late}，"
        "{team}仍未记录回访。"
    ),
    # An anonymous complaint leaves nobody to phone: its leaders review how it was handled.
    "callback_due_anonymous": (
        "📞 工单 {number} 是匿名投诉，报告人给了 {score} 星，不满意，复核时限（{due}）已到，"
        "还没有记录复核。没有投诉人的联系方式：请{team}的队长尽快复核办理情况，"
        "复核后点「📞 已回访」记下复核结果。"
    ),
    "callback_overdue_anonymous": (
        "🔴【回访督办】工单 {number} 是匿名投诉，报告人给了 {score} 星，不满意，"
        "复核超过时限 {late}，{team}仍未记录复核。"
    ),
    "btn_callback": "📞 已回访",
    "btn_accept": "接单",
    "btn_resolve": "办结",
    "btn_remind": "催办",
    "btn_reassign": "改派",
}

REQUESTER: dict[str, str] = {
    "waiting_remind": (
        "您好，{what} {number} 的服务队还在等您补充情况{question}。\n"
        "直接回复这条消息即可；{close_at} 前没有回复，{what}将关闭。"
    ),
    "waiting_closed": (
        "{what} {number} 一直没有收到您的补充，已关闭。如果还需要办理，一周内可以点下面的"
        "「🔁 重新办理」（/my 里也有），不用重新提交。"
    ),
    # Only to whom a curing barn may belong: a retailer's or a staff member's menu has no 110.
    "waiting_closed_barn": "烤房紧急情况请直接报 110。",
    "resolved_remind": (
        "工单 {number} 已办结，请确认问题是否解决并评价。{close_at} 前没有确认，将自动销号。"
    ),
    "resolved_closed": (
        "工单 {number} 已自动销号（没有收到您的确认）。如果问题没有解决，请点「没解决」重新办理。"
    ),
    # The same for a wish, by how it ended, and for a suggestion, which was answered: neither
    # is asked whether a problem was solved (core.texts.answered_as).
    "resolved_remind_wish_granted": (
        "您的心愿 {number} 已实现，请确认并评价。{close_at} 前没有确认，将自动销号。"
    ),
    "resolved_remind_wish_partly": (
        "您的心愿 {number} 已部分实现，请确认收到这次答复并评价；觉得还没办好，请点「❌ 没解决」。"
        "{close_at} 前没有确认，将自动销号。"
    ),
    "resolved_remind_wish_declined": (
        "您的心愿 {number} 已答复：暂时无法实现。"
        "请确认收到这次答复并评价；有异议请点「❌ 没解决」。{close_at} 前没有确认，将自动销号。"
    ),
    "resolved_remind_suggestion": (
        "您的建议 {number} 已有答复，请看看是否满意并评价；不满意请点「❌ 不满意」。"
        "{close_at} 前没有确认，将自动销号。"
    ),
    "resolved_closed_wish_granted": (
        "您的心愿 {number} 已实现，已自动销号（没有收到您的确认）。"
        "如果还没办好，请点「❌ 没解决」重新办理。"
    ),
    "resolved_closed_wish_partly": (
        "您的心愿 {number}（部分实现）已自动销号（没有收到您的确认）。"
        "觉得还没办好，请点「❌ 没解决」重新办理。"
    ),
    "resolved_closed_wish_declined": (
        "您的心愿 {number}（暂时无法实现）已自动销号（没有收到您的确认）。"
        "对答复有异议，请点「❌ 没解决」重新办理。"
    ),
    "resolved_closed_suggestion": (
        "您的建议 {number} 已答复，已自动销号（没有收到您的确认）。"
        "对答复不满意，请点「❌ 不满意」重新办理。"
    ),
    # After an item of a wish list crossed off: how far the list has come, as the desk says
    # it when the staff member's rating crosses one off (handlers/wish_lists.py), without
    # its thanks for feedback: none came for this one.
    "wish_list_left": "这份心愿清单还有 {count} 项没有销号：{numbers}。",
    "wish_list_done": "这份心愿清单的 {count} 项已全部销号。",
    "wish_list_done_apart": "这份心愿清单已全部办完：{count} 项已销号{apart}。",
    "wish_list_apart_withdrawn": "，{count} 项您已撤回",
    "wish_list_apart_unanswered": "，{count} 项没有收到补充信息，已关闭",
    "item_number": "第{number}项",
    "accept_chased": (
        "工单 {number} 还没有人接单，已再次催促{team}，再没有人接单会报告负责人。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # The team's reminder paged its leaders too (an urgent call, nobody on duty): said so,
    # and the supervisors next when the ladder goes on to them.
    "accept_chased_leaders_supervisors_next": (
        "工单 {number} 还没有人接单，已再次催促{team}，并已报告负责人督促，"
        "再没有人接单会报告督办人员。请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # The same, when the team has no leader to be reached: the supervisors are next.
    "accept_chased_supervisors_next": (
        "工单 {number} 还没有人接单，已再次催促{team}，再没有人接单会报告督办人员。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # The same, first told after downtime, when the ladder has already gone past the team.
    "accept_chased_up": (
        "工单 {number} 还没有人接单，已再次催促{team}，并已报告负责人督促。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # Caught up past the team when no leader could be reached: the supervisors stood in.
    "accept_chased_supervised": (
        "工单 {number} 还没有人接单，已再次催促{team}，并已报告督办人员督促。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # Caught up past the team, and nobody above it could be reached: no promise either.
    "accept_chased_team_only": (
        "工单 {number} 还没有人接单，已再次催促{team}。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # The team's reminder reached nobody of the team (no chat, nobody on duty): whom it
    # reached instead, and the supervisors next when the ladder goes on to them.
    "accept_reported_leaders_supervisors_next": (
        "工单 {number} 还没有人接单，已报告{team}的负责人督促接单，再没有人接单会报告督办人员。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    "accept_reported_leaders": (
        "工单 {number} 还没有人接单，已报告{team}的负责人督促接单。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    "accept_reported_supervisors": (
        "工单 {number} 还没有人接单，已报告督办人员督促{team}接单。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    # Nobody of the team nor above it could be reached: nothing is said to have been done.
    "accept_unreached": (
        "工单 {number} 还没有人接单，暂时联系不上{team}和负责人。"
        "请保持电话畅通；情况有变化可以直接发消息补充。"
    ),
    "btn_confirm": "✅ 已解决，评价",
    "btn_confirm_answer": "✅ 收到，评价",
    "btn_take_up_again": "🔁 重新办理",
    "btn_not_resolved": "❌ 没解决",
    "btn_not_satisfied": "❌ 不满意",
}


def staff(key: str, **values: object) -> str:
    return STAFF[key].format(**values)


def requester(key: str, **values: object) -> str:
    return REQUESTER[key].format(**values)


def status(ticket: Ticket) -> str:
    """A ticket closed for want of the requester's answer was never resolved: not 已销号."""
    return status_name(ticket.status, closed_unresolved=ticket.closed_unresolved)


def team_name(cfg: Config, team_id: str) -> str:
    team = cfg.find_team(team_id)
    return team.name if team else team_id
