"""Telegram's command menu and the notices a requester gets as their ticket moves
(`handlers.i18n` puts the catalogue together)."""

from __future__ import annotations

from core.unreached import TEAM_CHAT_REFUSES

NOTICES: dict[str, str] = {
    # an outbox alert: the team's group refused the bot (403)
    "team_chat_refuses": TEAM_CHAT_REFUSES,
    "echo_wall_refused": (
        "⚠️ 回音壁发不出去：机器人不能在回音壁频道（{chat}）发消息。\n原因：{reason}\n"
        "请把机器人加入该频道并设为管理员，或在配置里改正 echo_wall_chat；"
        "在此之前办结的工单不会补发到回音壁。"
    ),
    # a reopened ticket's echo wall post, edited (handlers/echo_withdrawal.py)
    "echo_withdrawn": (
        "【回音壁】{line}\n此条已撤回：报告人对办理结果有异议，正在重新办理，办结后重新公布。"
    ),
    # ... and one whose requester said /echo off
    "echo_withdrawn_opted_out": "【回音壁】{line}\n此条已应报告人要求撤回。",
    # Telegram's command menu (setMyCommands): one line each, shown as the person types "/"
    "cmd_110": "烤房紧急故障报警，24小时处理",
    "cmd_new": "求助办事：许可证、订货、配送、收购、技术……",
    "cmd_my": "我的工单：补充材料、撤回、确认办结并评价",
    "cmd_wish": "心愿清单：职工提一个心愿",
    "cmd_complain": "投诉",
    "cmd_suggest": "建议",
    "cmd_start": "开始使用、登记信息",
    "cmd_lang": "简体／繁體",
    "cmd_cancel": "退出当前操作",
    "cmd_help": "使用说明",
    "cmd_queue": "本队未办结的工单",
    "cmd_ticket": "查看工单详情和经过：/ticket 工单号",
    "cmd_duty": "值班：/duty on 上班，/duty off 下班",
    "cmd_bindteam": "把本群设为派单群（队长）：/bindteam 服务队ID",
    "cmd_team_help": "服务队群的用法",
    "cmd_all_queue": "各服务队未办结的工单",
    "cmd_stats": "统计：响应率、解决率、满意率（/stats 本周、上个月、本烘烤季……）",
    "cmd_ledger": "导出台账（/ledger 本月、上个烘烤季、2026-11……）",
    "cmd_reassign": "改派：/reassign 工单号 服务队",
    # notifications to requesters: {what} is what they call the ticket (core.texts.called)
    "n_accepted": "您的{what} {number} 已由 {name} 接单，正在处理。",
    "n_accepted_suggestion": "您的建议 {number} 已收到，由 {name} 负责研究答复。",
    "n_on_site": "服务人员 {name} 正在前往/已到现场（工单 {number}）。",
    # A staff member without a name: the requester is told of their team, not of the digits
    # of their phone colleagues tell them by (尾号5678).
    "n_accepted_team": "您的{what} {number} 已由{name}的工作人员接单，正在处理。",
    "n_on_site_team": "{name}的服务人员正在前往/已到现场（工单 {number}）。",
    "n_question": "{what} {number} 服务队需要您补充：{question}\n直接回复这条消息即可。",
    "n_resolved": "{what} {number} 已办结：{note}\n请确认是否解决并评价：",
    # The same for a wish by how it ended and for a suggestion, which is answered, not solved
    # (core.texts.answered_as): the scheduler's reminder and close notice say it alike.
    "n_resolved_wish_granted": "您的心愿 {number} 已实现：{note}\n请确认并评价：",
    "n_resolved_wish_partly": "您的心愿 {number} 已部分实现：{note}\n请确认并评价；觉得还没办好，请点「❌ 没解决」：",
    "n_resolved_suggestion": (
        "您的建议 {number} 已有答复：{note}\n"
        "请看看是否满意这个答复并评价；不满意请点「❌ 不满意」，会再为您办理："
    ),
    "n_resolved_wish_declined": (
        "您的心愿 {number} 经研究暂时无法实现，原因：{note}\n"
        "请确认并评价这次答复；有异议请点「❌ 没解决」，会再为您办理："
    ),
    "n_transferred": (
        "{what} {number} 已转给 {team} 办理。您之前提供的情况已一并转过去，不用再说一遍。"
    ),
}
