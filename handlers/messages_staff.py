"""What teams, leaders and supervisors read: invites, cards' notes, /duty, /queue, /ticket,
/reassign, reports, 催办 and the alerts (`handlers.i18n` puts the catalogue together)."""

from __future__ import annotations

STAFF: dict[str, str] = {
    "permission_denied": "您没有权限执行这个操作。",
    "taken_by_other": "手慢了一步：这个工单已被 {name} 接单。",
    "taken_by_you": "工单 {number} 已由您接单，不用再点。",
    "t_accept_first": "工单 {number} 还没有人接单，请先点「接单」。",
    "t_no_visit": "工单 {number} 是{kind}，不用「上门」，卡片上已去掉这个按钮；办好后请点「办结」。",
    "join_ok": "欢迎加入 {team}，身份：{role}。工单会派到服务队群里，点按钮即可接单处理。",
    "join_ok_supervisor": "已登记为督办人员。超时工单和每日汇总会发给您。",
    "join_again": "您已是 {team} 的{role}，这个邀请链接不用再点。",
    "join_again_supervisor": "您已登记为督办人员，这个邀请链接不用再点。",
    "join_bad": "邀请链接无效、已使用或已过期，请向管理员重新索取。",
    "join_team_gone": "这个邀请链接要加入的服务队已不存在（已改名或撤销），请向管理员重新索取邀请链接。",
    "staff_removed": "管理员已取消您的以下身份：{places}。如有疑问，请联系本局管理员。",
    "role_member": "队员",
    "role_leader": "队长",
    "role_supervisor": "督办",
    "info_to_team": "工单 {number} 报告人补充：{text}",
    "thanks_to_team": "👍 工单 {number} 报告人致谢：{text}",
    "answer_to_team": "工单 {number} 报告人回复：{text}",
    "answer_raised_alarm_team": (
        "工单 {number} 报告人的回复说烤房正出问题，已据此另报110：工单 {call}，派给 {team}。"
        "本工单的其他事项仍由本队处理。"
    ),
    "reopen_to_team": "工单 {number} 报告人表示问题没有解决：{text}",
    "reopen_to_team_suggestion": "建议 {number} 报告人对答复不满意：{text}",
    "reopen_to_team_wish": "心愿 {number} 职工表示还没有实现：{text}",
    "reopen_to_team_wish_answered": "心愿 {number} 职工对「{answered}」的答复有异议：{text}",
    "reopen_escalated": "⚠️ 工单 {number}（{team}）已被报告人第 {times} 次退回，问题仍未解决：{text}\n请过问办理情况。",
    # A suggestion sent back disputes its answer; a wish granted and sent back is not
    # granted yet, and one answered short of it (部分实现, 无法实现) has its answer disputed:
    # none is a problem left unsolved.
    "reopen_escalated_suggestion": (
        "⚠️ 建议 {number}（{team}）的答复已被报告人第 {times} 次退回，报告人仍不满意：{text}\n"
        "请过问办理情况。"
    ),
    "reopen_escalated_wish": (
        "⚠️ 心愿 {number}（{team}）已被职工第 {times} 次退回，仍未实现：{text}\n请过问办理情况。"
    ),
    "reopen_escalated_wish_answered": (
        "⚠️ 心愿 {number}（{team}）「{answered}」的答复已被职工第 {times} 次退回，职工仍有异议："
        "{text}\n请过问办理情况。"
    ),
    "btn_sv_remind": "催办",
    "btn_sv_reassign": "改派",
    "btn_sv_accept": "由我接单",
    "btn_accept": "接单",
    "btn_resolve": "办结",
    "t_ask_prompt": "工单 {number}：请输入要请报告人补充的问题：\n（{minutes} 分钟内发送有效；发送 /cancel 取消）",
    "t_res_prompt": "工单 {number}：请输入办结说明（做了什么）：\n（{minutes} 分钟内发送有效；发送 /cancel 取消）",
    "t_res_prompt_suggestion": (
        "建议 {number}：请输入给报告人的答复（采纳与否、怎么办、暂不采纳的原因），会告知报告人：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "t_xfer_choose": "工单 {number}：转给哪个服务队？",
    "t_xfer_prompt": "工单 {number} 转给 {team}：请说明转派原因：\n（{minutes} 分钟内发送有效；发送 /cancel 取消）",
    "t_note_left": "工单 {number}：已不再等待{what}。需要时请再按「{button}」。",
    "t_note_still_waits": "工单 {number}：仍在等待您的{what}，请直接发送。",
    "t_note_expired": (
        "工单 {number}：{what}等了 {minutes} 分钟没有收到，已不再等待，刚才的消息没有记入工单。"
        "需要时请再按「{button}」。"
    ),
    "t_note_in_group": (
        "工单 {number}：{what}请在刚才按「{button}」的群里发送，这条私聊消息没有记入工单。"
    ),
    "t_note_in_private": (
        "工单 {number}：{what}请在与机器人的私聊里发送（「{button}」是在私聊里按的），"
        "这条消息没有记入工单。"
    ),
    "t_note_other_card": (
        "这条消息回复的是工单 {other}，没有记入。正在等待的是工单 {number} 的{what}，"
        "请直接发送（不要回复别的工单）；要处理工单 {other}，请点它卡片上的按钮。"
    ),
    "t_ask_done": "已请报告人补充（工单 {number}）：{what}\n报告人的回复会发到本队。",
    "t_res_done": "工单 {number} 已办结，已请报告人确认并评价。办结说明：{what}",
    "t_res_suggestion_done": "建议 {number} 已答复，已请报告人看看是否满意并评价。答复：{what}",
    "t_res_wish_done": "心愿 {number} 已办结（{outcome}），已请职工确认并评价。办结说明：{what}",
    "t_res_granted_prompt": (
        "心愿 {number}：请输入办结说明（做了什么），将记为「已实现」。\n"
        "只实现了一部分或无法实现的，请点下面的按钮。\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "t_res_partly_prompt": (
        "心愿 {number} 记为「部分实现」：请写明已办的部分，以及其余暂不能办的原因（会告知职工）：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "t_res_declined_prompt": (
        "心愿 {number} 记为「无法实现」：请写明原因（会告知职工）：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "t_res_reason_needed": (
        "这个说明会告知职工，请写明具体原因（例如：今年预算已用完，计划明年安排），"
        "或发送 /cancel 取消。"
    ),
    "btn_wish_granted": "✅ 已实现",
    "btn_wish_partly": "◐ 部分实现",
    "btn_wish_declined": "✖️ 无法实现",
    "t_xfer_done": "工单 {number} 已转给 {team}。转派原因：{what}",
    "anonymous_sender": (
        "您是以群组（匿名管理员）的身份发的命令，机器人无法确认是谁在操作。"
        "请在群组设置的管理员权限里关闭“匿名”，再用自己的身份发送。"
    ),
    "t_not_member": "只有该服务队成员或督办人员可以操作这个工单。",
    "t_already_resolved": "工单 {number} 已办结，等待报告人确认（{who}于 {when} 办结），不用再点「办结」。",
    "t_resolved_no_more": (
        "工单 {number} 已办结，正等待报告人确认（{who}于 {when} 办结），不用再点「{button}」。"
        "报告人若说没有解决，工单会退回本队，本队会收到一张新卡片。"
    ),
    "sv_resolved_no_more": (
        "工单 {number} 已办结，正等待报告人确认（{team}的{who}于 {when} 办结），不用再点「{button}」。"
        "报告人若说没有解决，工单会退回{team}，{team}会收到一张新卡片。"
    ),
    "ov_resolved_no_take": (
        "工单 {number} 已办结，正等待投诉人确认（{team}的{who}于 {when} 办结），现在不能「{button}」。"
        "投诉人若说没有解决，工单会退回{team}，那时可再接管。"
    ),
    "t_resolved_by_you": "您",
    "t_result_kept_moved": (
        "工单 {number} 已转给{team}。您的办结说明没有记为办结（报告人不会收到），"
        "已作为备注记入工单，并转给{team}：{note}"
    ),
    "t_result_of_old_team": "工单 {number}：{team}的{name}在转派前写下的办结说明（供参考，工单仍待您队办理）：{note}",
    "t_question_kept_moved": (
        "工单 {number} 已转给{team}。您的问题没有发给报告人，"
        "已作为备注记入工单，并转给{team}，由他们决定是否再问：{note}"
    ),
    "t_question_of_old_team": (
        "工单 {number}：{team}的{name}在转派前想请报告人补充的问题"
        "（供参考；如仍需要，请用「需补充」向报告人提问）：{note}"
    ),
    "t_note_not_kept": "您写的{what}没有记入工单，原文如下：\n{note}",
    "t_resolved_by_other": "工单 {number} 刚由 {name} 办结（{note}），您这条说明没有记入。",
    "t_asked_by_other": "{name} 刚就工单 {number} 请报告人补充（{note}），您这个问题没有发出，等报告人回复后可再问。",
    "t_ask_after_resolved": "工单 {number} 刚由 {name} 办结（{note}），您这个问题没有发给报告人。",
    "t_xfer_after_resolved": "工单 {number} 刚由 {name} 办结（{note}），没有转派。",
    "t_own_request": "工单 {number} 是您自己提交的，不能由您本人接单、上门或办结，请队里其他人办理。",
    "t_with_other_team": "工单 {number} 现由{team}办理，您所在的服务队不能再操作它。",
    "t_with_other_team_oversight": (
        "工单 {number} 现由{team}办理，这张卡片已不能再操作；要催办或改派，请发 /ticket {number}。"
    ),
    "t_other_teams": "工单 {number} 由{team}办理，不是您所在服务队的工单，不能在这里操作。",
    "bind_usage": "用法：在服务队群里发送 /bindteam 服务队ID{example}",
    # Of the group's own team (`handlers.team_examples`); left out when there is none.
    "bind_example": "（如 /bindteam {team_id}）",
    "bind_no_team": "没有 ID 为「{typed}」的服务队。可选：{teams}",
    "private_only": "/{command} 请在与机器人的私聊里发送{where}。",
    "private_link": "（点这里打开：{link}）",
    "bind_done": "本群已绑定为「{team}」的派单群。",
    "bind_done_topic": "本话题已绑定为「{team}」的派单话题：该队的工单卡片、催办和提醒都发到这里。",
    "bind_denied": "只有该队队长或管理员可以绑定派单群。",
    "duty_teams_only": "值班只对服务队的队员和队长开放。",
    "duty_denied": "只有该队队长可以安排别人值班。",
    "duty_usage": (
        "用法：/duty on（值班）或 /duty off（下班）设置自己；队长可 /duty 姓名 on|off 安排队员{example}。"
    ),
    "duty_not_member": "本队没有叫「{typed}」的队员。发 /duty 可以看全队名单。",
    "duty_which": "本队有不止一人叫「{typed}」，请写全名。",
    "duty_word_unknown": "没看懂「{typed}」：值班请写 on（或 值班），下班请写 off（或 下班）。值班安排没有改动。",
    "duty_word_missing": "要安排「{typed}」，请在名字后写 on（值班）或 off（下班）。值班安排没有改动。",
    "duty_words_disagree": "「{first}」和「{last}」意思相反，值班安排没有改动。",
    "duty_words_unread": "没看懂「{typed}」：请写 /duty 姓名 on 或 /duty 姓名 off，名字中间不要空格。值班安排没有改动。",
    "duty_off_list": "\n未值班：{names}",
    "duty_set": "{who} 值班状态：{state}。",
    "duty_already": "{who} 已经是{state}状态，没有变化。",
    "duty_no_roster": "{team}不排值班：紧急工单直接通知队长。",
    "duty_roster": "{team} 值班：{names}{off}",
    "duty_name_unreachable": "{who}（私信发不到）",
    "duty_unreachable": (
        "⚠️ 机器人发不到 {who} 的私信（可能屏蔽了机器人），收不到110值班提醒。"
        "请私聊机器人发一次 /start。"
    ),
    "duty_name_no_private_chat": "{who}（未开通私聊）",
    "duty_no_private_chat": (
        "⚠️ {who} 还没有私聊过机器人，机器人发不了私信，收不到110值班提醒。"
        "请私聊机器人发一次 /start。"
    ),
    "duty_leaders_no_private_chat": (
        "⚠️ {team} 现在无人值班，110报警将通知队长，但队长未开通私聊（{names} 从未私聊过机器人），"
        "私信发不到：请队长私聊机器人发一次 /start，或尽快安排值班。"
    ),
    "duty_some_leaders_no_private_chat": (
        "⚠️ 队长未开通私聊：{names} 从未私聊过机器人，收不到110报警私信，请私聊机器人发一次 /start。"
    ),
    "duty_none_left": "{team} 现在无人值班：110报警将直接通知队长。",
    "duty_none_paged": (
        "⚠️ {team} 现在无人值班，队长也收不到私信（可能屏蔽了机器人）："
        "110报警没有人会被单独通知，请尽快安排值班。"
    ),
    "duty_calls_unpaged": "还有 {count} 个报警没人接单，现在没有人收得到私信通知，请尽快接单。",
    "duty_calls_waiting": "还有 {count} 个报警等待接单，卡片已私信发给 {who}，请尽快接单。",
    "duty_calls_waiting_unopened": (
        "还有 {count} 个报警等待接单：{who} 还没有私聊过机器人，卡片私信发不到，请在本队群里的卡片上尽快接单。"
    ),
    "duty_calls_handed_on": "还有 {count} 个报警没人接单，已转给现在值班的人（无人值班时为队长）。",
    "queue_empty": "没有未办结的工单。",
    "queue_more": "……还有 {more} 件未列出（共 {total} 件未办结）。",
    "ticket_usage": "用法：/ticket 工单号",
    "file_not_sent": "（{what}没能发出：Telegram 暂时不可用。请稍后再发一次刚才的命令。）",
    # A step's replies shown again (the first showing was cut off): its chart or file, or
    # what it built after the commit, was not kept, and may or may not have arrived.
    "file_not_kept": "（如果没有收到{what}，请再发一次刚才的命令。）",
    "result_not_kept": "（如果没有收到刚才的结果，请再发一次刚才的命令。）",
    # A press that only edited its message, come again: the old edit is not shown again.
    "done_before": "刚才的操作已完成。",
    # A chart or file over Telegram's size limit: asking again would not help.
    "file_too_big": "（{what}太大，超过了 Telegram 允许机器人发送的大小，没能发出。）",
    # A report's workbook (last week's, the weekly report's) too large: a shorter period.
    "ledger_shorter": "可以用 /ledger 按较短的时段分几次导出，写起止日期，例如 /ledger {days}。",
    "ledger_shorter_undated": "可以用 /ledger 按较短的时段分几次导出，写起止日期。",
    "ledger_too_big": "台账文件太大，超过了 Telegram 允许机器人发送的大小，没能发出。",
    "chart_too_big": "统计图太大，超过了 Telegram 允许机器人发送的大小，没能发出；上面的统计数字不受影响。",
    "chart": "图表",
    "file": "文件",
    "number_mistyped": "工单号 {number} 不对，可能输错了一位（最后一位是校验位），请核对后再发。",
    "t_xfer_same": "工单 {number} 已经在 {team}，无需转派。",
    "reassign_same": "工单 {number} 已经在 {team}，无需改派。",
    "reassign_which_team": "没有唯一对应「{typed}」的服务队，请写全名或 ID。可选：{teams}",
    "reassign_not_to_overseers": (
        "工单 {number} 投诉的是{team}的人员，不由他们自查，不能改派给他们"
        "（也免得投诉人的姓名、电话被他们看到）。请改派给其他服务队。"
    ),
    "t_not_to_overseers": "工单 {number} 投诉的是{team}的人员，不能派给他们。",
    "reassign_usage": "用法：/reassign 工单号 服务队（ID 或名称，如 白石乡烘烤110服务队）；只写工单号，列出可改派的服务队",
    "t_help": (
        "服务队群里可以这样用：\n"
        "工单卡片上的按钮：接单、上门（110和求助工单才有，心愿、投诉、建议没有）、需补充、转派、办结（点按钮后按提示输入说明）\n"
        "/queue 本队未办结的工单　/ticket 工单号 查看详情和经过"
    ),
    # Only where a team keeps a duty rota: elsewhere /duty says the team keeps none.
    "t_help_duty": "/duty 值班名单　/duty on 值班　/duty off 下班",
    "t_help_leader_duty": "/duty 姓名 on|off 安排队员值班{example}\n",
    # A member of the group's own team, by name (`handlers.team_examples`); left out when
    # none has one yet.
    "duty_example": "（如 /duty {name} on）",
    "t_help_leader": (
        "队长还可以用：\n"
        "{duty}"
        "/stats 时段 看本队的指标（时段如 今天、上周、上上上周、本月、上个月、11月、第48周、"
        "近7天、这两天、前三天、11-1到11-15、本烘烤季，不写就是今天）\n"
        "/bindteam 服务队ID 把本群设为本队的派单群{bind}"
    ),
    "t_help_supervisor": (
        "督办人员还可以用：\n"
        "/stats 时段 统计　/ledger 时段 台账（时段如 今天、上周、上上上周、本月、上个月、"
        "10-12月、第48周、近7天、这两天、前三天、11-1到11-15、国庆、本烘烤季、上个烘烤季、2026-11，"
        "不写就是今天）\n"
        "/reassign 工单号 服务队 改派"
    ),
    "leader_stats_only": "台账只对督办人员开放；队长可以用 /stats 时段 看本队的指标。",
    "sv_help": (
        "督办人员还可以用：\n"
        "/queue 所有服务队未办结的工单（超时的标出超了多久）\n"
        "/ticket 工单号 查看详情和经过\n"
        "/stats 时段 三率统计和图表　/ledger 时段 台账 Excel（时段如 今天、前天、上周、上上上周、"
        "本月、上个月、10-12月、第48周、近7天、这两天、前三天、12月6日、11-1到11-15、国庆、本烘烤季、"
        "2026-11，不写就是今天）\n"
        "/reassign 工单号 服务队 改派\n"
        "超时督办消息上有「催办」「改派」按钮。"
    ),
    "reassigned": "工单 {number} 已改派给 {team}。",
    "ov_taken": "已接管工单 {number}，卡片和经过已发到本队，请在新卡片上接单办理。",
    "ov_taken_already": "工单 {number} 已由本队接管，请在新卡片上办理。",
    "moved_away": "工单 {number} 已由督办改派给 {team}，本队无需再处理。",
    "ov_taken_team": "工单 {number} 是一件投诉，已由 {team} 接管调查，本队不再办理。",
    "ov_members_only": "只有{team}的成员或督办人员可以接管投诉。",
    "staff_only": "这个命令只对服务队和督办人员开放。",
    "supervisors_only": "这个命令只对督办人员开放。",
    "stats_for_leaders": "/stats 只对督办人员和服务队队长开放；队长在私聊或本队的群里看本队的指标。",
    "supervisors_only_button": "「催办」「改派」只对督办人员开放。",
    "view_in_private": "在群里只能查看本群服务队的工单；其他的请私聊机器人查看。",
    "ticket_in_private": (
        "工单 {number} 不是本群服务队的工单，不在群里显示；请在与机器人的私聊里发 /ticket {number} 查看。"
    ),
    "sv_remind_team": "⏰ 督办提醒：工单 {number}（{state}），请尽快处理。",
    "leader_remind_team": "⏰ 队长提醒：工单 {number}（{state}），请尽快处理。",
    "leaders_only_button": "「催办」只对本队队长和督办人员开放。",
    "sv_reminded_lately": "工单 {number} 刚在 {at} 由 {who} 催办过，已通知服务队，不再重复提醒。",
    "sv_reminded": "已催办工单 {number}：{team}，{state}。",
    "sv_state_late": "{status}，已超过{phase}时限 {due}",
    "sv_state_due": "{status}，{phase}时限 {due}，尚未超时",
    "sv_phase_accept": "接单",
    "sv_phase_resolve": "办结",
    "sv_choose_team": "工单 {number} 改派给：",
    # An alert that said 仍未接单 (a supervisor's 超时督办, a leader's alert, the team's
    # reminder), edited once the ticket is answered or moved: what happened when, which
    # stays true. {head} is how that alert began (core/overdue_news.py).
    "alert_accepted": "{head}工单 {number} 超过接单时限 {late}，{at} 已由 {team} {who} 接单。",
    # Moved to another team since the alert went out, and taken late there: late past the
    # deadline that team was given, not the first team's.
    "alert_accepted_moved": (
        "{head}工单 {number} 曾超过接单时限，转给 {team} 后又超过该队的接单时限 {late}，"
        "{at} 已由 {team} {who} 接单。"
    ),
    "alert_taken": "{head}工单 {number} 曾超过接单时限，{at} 已由 {team} {who} 接单。",
    "alert_moved": "{head}工单 {number} 曾超过接单时限，{at} 已转给 {team}，接单时限 {due}。",
    # Moved on its first deadline (the desk's correction of where a 110 call goes): the
    # team it went to is as late, and this alert says so until it accepts.
    "alert_moved_late": "{head}工单 {number} 超过接单时限，{at} 已转给 {team}，仍未接单。",
    # A team's reminder or its leaders' alert of a ticket sent on to another team: no longer
    # theirs to chase, whatever that team does with it.
    "alert_moved_away": (
        "{head}工单 {number} 曾超过{phase}时限，{at} 已转给 {team}，本队无需再处理。"
    ),
    # What else became of it, and the news of one that said 仍未办结, are core/overdue_news's:
    # the sweep closing a ticket tells them too.
    "sv_hands_off": (
        "工单 {number} 由{team}办理。接单、上门、补充和办结是办理人的事：接单的人名会告诉报告人，"
        "超时催办也随之停下。要催服务队请点「催办」，要换队请点「改派」。"
    ),
    "sv_hands_off_unreachable": (
        "工单 {number} 由{team}办理，督办在这里点不算接单办理。机器人发不到您的私聊："
        "请先私聊机器人发 /start，再从超时提醒或 /ticket 催办、改派。"
    ),
    "sv_take_moved": "工单 {number} 已转给{team}，这里的「由我接单」没有替您接单。",
    "sv_hands_off_take": "还没有人接单：您本人去办理，才点「由我接单」。",
    "sv_hands_off_toast": "工单 {number} 由{team}办理，督办在这里点不算接单办理。催办、改派请看您的私聊。",
    "reports_off": "报表功能没有启用。",
    "ledger_caption": "{name}（台账、汇总、心愿清单三张表）",
    "ledger_empty": "{name}：本期没有工单，表中没有记录，可作本期零报告存档。",
    "ledger_empty_so_far": (
        "{name}：本期还没结束，到目前没有工单，表中没有记录；本期结束后再导出，才可作零报告存档。"
    ),
    "ledger_no_new_tickets": (
        "{name}：本期没有新受理的工单，台账表中没有记录；"
        "但以前受理的工单在本期有接单、办结、销号、评价或时限到期，见汇总表，不作零报告。"
    ),
    "ledger_only_withdrawn": (
        "{name}：本期没有新受理的工单，台账表中没有记录；"
        "以前受理的工单有 {n} 件在本期撤回（汇总表不计撤回的工单），不作零报告。"
    ),
    "echo_off": "好的，您的工单办结后不会出现在回音壁上；已经公开的也会撤回，不再显示您的诉求。",
    "echo_on": (
        "好的，您的工单办结后会匿名出现在回音壁上"
        "（不含姓名、电话、店名和详细地址，地点只写到乡镇）。"
    ),
    # /echo where the bureau has no echo wall: the choice is kept for when it has one
    "echo_on_no_wall": "好的。目前没有开设回音壁，工单不会公开；开设后，您办结的工单会匿名公开。",
    "echo_off_no_wall": "好的。目前没有开设回音壁；开设后，您的工单也不会公开。",
    "echo_usage": "用法：/echo off 不公开；/echo on 允许匿名公开到回音壁。",
}
