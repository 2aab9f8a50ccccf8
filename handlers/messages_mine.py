"""Replies about a requester's own tickets: /my, adding to one, withdrawing it, answering the
team, confirming and rating it, sending it back (`handlers.i18n` puts the catalogue together)."""

from __future__ import annotations

from core.texts import KIND_NAMES

MINE: dict[str, str] = {
    # my tickets
    "my_none": "您还没有工单。需要帮助请点「求助办事」或直接发消息。",
    "nothing_to_rate": "现在没有等您评价的工单：工单办结后，通知里会请您评价。",
    "nothing_in_hand": "您现在没有正在办理的工单。",
    "nothing_of_kind_in_hand": "您现在没有正在办理的{kind}，没有要撤回的。",
    "my_list": "您的工单（点编号看详情）：",
    # A low rating's call-back (回访) still owed, in /my.
    "my_callback_owed": "{what} {number} 待回访：已请负责人回访您，哪里不满意，回访时请告诉他们。",
    "my_callback_owed_anonymous": (
        "{what} {number} 待复核：负责人正在复核这件投诉（您是匿名投诉，他们不会打电话给您）。"
    ),
    "status_new": "新建",
    "status_dispatched": "待接单",
    "status_accepted": "已接单",
    "status_on_site": "已上门",
    "status_waiting_requester": "待您补充",
    "status_resolved": "已办结待确认",
    "status_resolved_suggestion": "已答复待确认",
    "status_closed": "已销号",
    "status_closed_unanswered": "未补充，已关闭",
    "status_cancelled": "已撤回",
    # kind_emergency ... kind_wish: the names every report and alert gives a ticket's kind
    **{f"kind_{kind.value}": name for kind, name in KIND_NAMES.items()},
    "detail": "工单 {number}｜{kind}｜{status}\n服务队：{team}\n{who}内容：{text}\n\n进展：\n{timeline}",
    "btn_add_info": "➕ 补充",
    "btn_cancel_ticket": "撤回",
    "btn_confirm": "✅ 已解决，评价",
    "btn_confirm_answer": "✅ 收到，评价",
    "btn_not_resolved": "❌ 没解决",
    "btn_not_satisfied": "❌ 不满意",
    "btn_not_resolved_reopen": "❌ 没解决，重新办理",
    "btn_not_resolved_reopen_suggestion": "❌ 不满意，重新办理",
    "dispute_which": (
        "您有 {count} 个{what}的答复等您确认。您说的“{words}”是对哪一个的答复有异议？请点下面的{what}，"
        "这句话会转给服务队重新办理；说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # Goods short (还差两条) while several tickets of goods lines await their word.
    "short_which": (
        "您有 {count} 个{what}办结待确认。您说的“{words}”是哪一个还没解决？请点下面的{what}，"
        "这句话会转给服务队重新办理；说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # Trouble back (又没送) while several requests may still be sent back.
    "trouble_back_which": (
        "您说的“{words}”是哪一个{what}的问题又出现了？请点下面的{what}，"
        "这句话会转给服务队重新办理；说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # Trouble back naming no service after tickets of several services were rated.
    "trouble_again_which": (
        "您说的“{words}”是哪一个{what}的问题又出现了？请点下面的{what}，会按新的问题交给原来的"
        "服务队办理；说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # Trouble back naming the service of one request that may still be sent back.
    "trouble_back_ask": (
        "您说的“{words}”是指这个{what}的问题又出现了吗？是的话请点下面的{what}，这句话会转给"
        "服务队重新办理；说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "btn_new_matter": "📝 不是，作为新的求助",
    "typed_not_solved_ask": (
        "{what} {number} 已办结，等您确认。您说的“{words}”是指它还没解决吗？"
        "没解决请点「❌ 没解决，重新办理」，这句话会转给服务队；解决了请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # The same of a suggestion's answer, which satisfies its requester or not.
    "typed_not_solved_ask_suggestion": (
        "您的建议 {number} 已有答复，等您确认。您说的“{words}”是指对答复不满意吗？"
        "不满意请点「❌ 不满意，重新办理」，这句话会转给服务队；满意请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "replied_not_solved_ask_suggestion": (
        "您回复的是建议 {number} 的答复：“{words}”。是说对答复不满意吗？"
        "不满意请点「❌ 不满意，重新办理」，这句话会转给服务队；满意请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    # The same of a wish not granted in full: an answer to dispute, or not.
    "typed_not_solved_ask_wish": (
        "您的心愿 {number} 已有答复，等您确认。您说的“{words}”是指对答复有异议吗？"
        "有异议请点「❌ 没解决，重新办理」，这句话会转给服务队；没有异议请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "replied_not_solved_ask_wish": (
        "您回复的是心愿 {number} 的答复：“{words}”。是对答复有异议吗？"
        "有异议请点「❌ 没解决，重新办理」，这句话会转给服务队；没有异议请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "replied_not_solved_ask": (
        "您回复的是{what} {number} 的办结通知：“{words}”。是说问题还没解决吗？"
        "没解决请点「❌ 没解决，重新办理」，这句话会转给服务队；解决了请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "add_info_ask": "请发送要补充的文字或照片：",
    "add_info_ask_named": "请发送要补充到{what} {number}的文字、照片或语音：",
    "add_which": "您有 {count} 个{what}正在办理。要补充的是哪一个？请点下面的{what}：",
    "ticket_own_only": "您的工单请发 /my 查看，点工单号看详情；也可以发 /ticket 加您的工单号。",
    "add_info_done": "已补充到{what} {number}，服务队会看到。",
    "thanks_pass_on": "👍 把感谢转给{team}",
    "thanks_passed_on": "已把您的感谢转给{team}（工单 {number}），谢谢您的肯定和鼓励！",
    "thanks_unserved": (
        "谢谢您的肯定！{team}最近一周没有为您办理过工单，这份感谢没有工单可以附上转交，"
        "我们已经收到了。如有事要办，直接用文字描述就行。"
    ),
    "thanks_team": "您提到的服务队",
    "thanks_passed_already": "您的感谢已经转给{team}（工单 {number}）了，不用再点。",
    "verdict_which": "您有 {count} 个{what}办结待确认。请点下面要评价或反馈的那一个：",
    "verdict_which_score": "您有 {count} 个{what}办结待确认。这 {score} 分是给哪一个的？请点下面的{what}：",
    "verdict_which_solved": "您有 {count} 个{what}办结待确认。解决的是哪一个？请点下面的{what}，再为它打分：",
    "verdict_which_judged": "您有 {count} 个{what}办结待确认。您说的是哪一个？请点下面的{what}，再为它打分：",
    "verdict_which_not_satisfied": (
        "您有 {count} 个建议已有答复、等您确认。对哪一个的答复不满意？请点下面的建议，再说明哪里不满意："
    ),
    "verdict_which_not_satisfied_complaint": (
        "您有 {count} 件投诉已办结、等您确认。对哪一件的处理不满意？请点下面的投诉，再说明哪里不满意："
    ),
    "verdict_which_not_satisfied_mixed": (
        "您有 {count} 件投诉或建议已有答复、等您确认。对哪一件不满意？请点下面的投诉或建议，再说明哪里不满意："
    ),
    "verdict_which_disputed": (
        "您有 {count} 个{what}的答复等您确认。对哪一个的答复有异议？请点下面的{what}，再说明有什么异议："
    ),
    "verdict_which_not_granted": (
        "您有 {count} 个{what}办结待确认。没实现的是哪一个？请点下面的{what}，再说明哪里还没实现："
    ),
    "verdict_which_granted": (
        "您有 {count} 个{what}办结待确认。实现的是哪一个？请点下面的{what}，再为它打分："
    ),
    "verdict_which_not_solved": (
        "您有 {count} 个{what}办结待确认。没解决的是哪一个？请点下面的{what}，再说明哪里还没解决："
    ),
    # Several items of a wish list judged in one message, one part of it not read for sure:
    # nothing is done, what was understood is said.
    "items_partly_understood": (
        "您说的“{words}”，我理解的是：\n{understood}\n没看懂的是：{unclear}（清单里没有这一项，"
        "或没看出是满意、没实现还是打几分）。为免弄错，这几项都还没有处理。请逐项再说一次，"
        "例如“第1项满意”“第2项没实现”“第3项4分”。"
    ),
    "items_others_miscounted": (
        "您说的其他 {count} 项，我没对上：清单上除了{named}，还有 {left} 项。为免弄错，这几项都"
        "还没有处理。请逐项再说一次，例如“第1项满意”“第2项没实现”“第3项4分”。"
    ),
    "items_understood_line": "第{place}项 {number}（{gist}）：{verdict}",
    "items_understood_none": "（没有一项看得准）",
    "items_understood_back": "没实现，退回重新办理",
    "items_understood_ok": "满意，再打分",
    "items_understood_score": "{score} 分",
    "item_number": "第{number}项",  # of a wish list, on a button that names the item
    # After an item of a wish list is crossed off (销号): how far the list has come.
    "wish_list_left": "这份心愿清单还有 {count} 项没有销号：{numbers}。",
    "wish_list_done": "这份心愿清单的 {count} 项已全部销号，感谢您的反馈！",
    # The items not crossed off (销号) counted apart: withdrawn, or closed unanswered.
    "wish_list_done_apart": "这份心愿清单已全部办完：{count} 项已销号{apart}。感谢您的反馈！",
    # The same, told as the last item still worked on is withdrawn: no feedback to thank.
    "wish_list_done_withdrawing": "这份心愿清单已全部办完：{count} 项已销号{apart}。",
    "wish_list_apart_withdrawn": "，{count} 项您已撤回",
    "wish_list_apart_unanswered": "，{count} 项没有收到补充信息，已关闭",
    "item_not_answered": "{what} {number}（{gist}）还在办理中，办结后会请您确认和评价。",
    "send_back_rated": (
        "{what} {number} 您已经确认办结并评价，不能再退回。如果又出现了问题，请直接发消息说明，"
        "我们按新的问题办理。"
    ),
    # Rated low, its call-back (回访) still owed: who will hear what is still wrong.
    "send_back_rated_callback": (
        "{what} {number} 您已经确认办结并评价，不能再退回。已请负责人回访您，哪里还没解决，"
        "回访时请告诉他们。如果又出现了问题，请直接发消息说明，我们按新的问题办理。"
    ),
    "send_back_rated_anonymous": (
        "{what} {number} 您已经确认办结并评价，不能再退回。已请负责人复核这件投诉（您是匿名投诉，"
        "他们不会打电话给您）。如果又出现了问题，请直接发消息说明，我们按新的问题办理。"
    ),
    # After a new request's words, naming the ticket closed for good whose trouble is back.
    "trouble_again_note": "（工单 {number} 的问题又出现了）",
    "send_back_too_late": (
        "{what} {number} 已经关闭一周以上，不能再退回。如果又出现了问题，请直接发消息说明，"
        "我们按新的问题办理。"
    ),
    "add_info_called_off": "好的，{what} {number} 没有补充什么。要补充随时在 /my 里点「➕ 补充」。",
    "add_info_too_late": "{what} {number} 现在{status}，这条没有补充进去。",
    # {what}: what the requester calls the ticket (心愿, 建议, 工单: `core.texts.called`).
    "ticket_cancelled": "{what} {number} 已撤回。",
    "withdraw_ask": "确定撤回{what} {number} 吗？撤回后服务队就不再办理，也不能恢复。",
    "e_withdraw_ask": "确定撤回报警 {number} 吗？撤回后值班服务队就不再赶来了。",
    "withdraw_taken": (
        "{what} {number} 已经由 {who} 接单办理，不能再撤回了。如果不需要办了，或者有话要告诉服务队，"
        "请点「➕ 补充」说明，也可以直接联系他们。"
    ),
    "withdraw_which": "您有 {count} 个{what}正在办理。要撤回的是哪一个？请点下面的{what}：",
    "btn_withdraw_sure": "确定撤回",
    "btn_withdraw_keep": "不撤回",
    "rate_ask": "请为这次服务打分（5 = 满意）：",
    "rate_ask_named": "请为{what} {number}（{gist}）打分（5 = 满意）：",
    "rate_ask_again": (
        "请点下面的分数为{what} {number} 打分：5 = 满意，4 = 基本满意，3 = 一般，2 = 不太满意，"
        "1 = 很不满意。也可以直接回复“满意”“一般”这样的话。"
    ),
    "rate_ask_again_kept": (
        "请点下面的分数为{what} {number} 打分，您说的话会和分数一起转给服务队：5 = 满意，"
        "4 = 基本满意，3 = 一般，2 = 不太满意，1 = 很不满意。"
    ),
    "rated_with_words": "感谢评价，{what} {number} 已销号。您说的“{words}”已转给服务队。",
    "rate_low_kept": "很抱歉这次没让您满意。已请负责人回访您，您说的“{words}”也转给了他们。",
    # What they said after a low score, asked for when the apology was already said.
    "rate_low_comment_kept": "收到，您说的“{words}”已转给回访您的负责人。{still}",
    "rate_low_comment_kept_alone": "收到，您说的“{words}”已记在{what}上，服务队能看到。{still}",
    "rate_low_comment_kept_anonymous": "收到，您说的“{words}”已转给复核这件投诉的负责人。{still}",
    # Words typed after a low score's comment prompt, taken for its comment (late_comment).
    "late_comment_also_new": "如果这是要另外办的事，请点「📝 也作为新的求助」。",
    "rate_low_still_wrong": "问题如果还在，也可以直接发消息说明，我们按新的问题尽快办理。",
    "rate_low_kept_alone": "很抱歉这次没让您满意。您说的“{words}”已记在{what}上，服务队能看到。",
    # An anonymous complainant cannot be phoned back: the leaders review the case instead.
    "rate_low_kept_anonymous": (
        "很抱歉这次没让您满意。已请负责人复核这件投诉，您说的“{words}”也转给了他们。"
        "您是匿名投诉，他们不会打电话给您。"
    ),
    "rate_from_words": "按您说的“{words}”，记为 {score} 分。",
    "verdict_voice": "收到您的语音，已转给服务队（工单 {number}）。问题解决了吗？请点「{confirm}」或「❌ 没解决」；如果是别的烤房出了新的紧急情况，请发 /110。",
    "verdict_voice_suggestion": (
        "收到您的语音，已转给服务队（建议 {number}）。对答复满意吗？请点「{confirm}」或"
        "「❌ 不满意」；如果是别的烤房出了新的紧急情况，请发 /110。"
    ),
    "verdict_voice_wish": (
        "收到您的语音，已转给服务队（心愿 {number}）。收到答复请点「{confirm}」，有异议请点"
        "「❌ 没解决」。"
    ),
    "verdict_buttons": "{what} {number} 已办结，等您确认：解决了请点「{confirm}」，没解决请点「❌ 没解决」。也可以直接回复 1 到 5 打分（5 = 满意）。",
    "verdict_buttons_wish": (
        "您的心愿 {number} 已有答复，等您确认：收到请点「{confirm}」，有异议请点「❌ 没解决」。"
        "也可以直接回复 1 到 5 打分（5 = 满意）。"
    ),
    "verdict_buttons_suggestion": (
        "您的建议 {number} 已有答复，等您确认：满意请点「{confirm}」，不满意请点「❌ 不满意」。"
        "也可以直接回复 1 到 5 打分（5 = 满意）。"
    ),
    "rate_comment_go_on": "请直接说吧，您说的会转给服务队。不想说了请点「跳过」。",
    "rate_comment_ask": "谢谢！对{what} {number} 还有什么想说的吗？（可以跳过）",
    "rated": "感谢评价，{what} {number} 已销号。",
    "rate_low_comment_ask": "很抱歉这次没让您满意。已请负责人回访您。哪里不满意，可以直接回复告诉我们（也可以跳过）。",
    "rate_low_comment_ask_anonymous": (
        "很抱歉这次没让您满意。已请负责人复核这件投诉（您是匿名投诉，他们不会打电话给您）。"
        "哪里不满意，可以直接回复告诉我们（也可以跳过）。"
    ),
    "rate_low_comment_ask_alone": "很抱歉这次没让您满意。哪里不满意，可以直接回复告诉我们（也可以跳过）。",
    "low_rating": (
        "⚠️ 工单 {number}（{team}）报告人只给了 {score} 星，不满意。请{owner}的队长在 {due} 前回访，"
        "问清原因，回访后点「📞 已回访」记下报告人怎么说。"
    ),
    # An anonymous complaint leaves nobody to phone: its leaders review how it was handled.
    "low_rating_anonymous": (
        "⚠️ 工单 {number}（{team}）是匿名投诉，报告人只给了 {score} 星，不满意。"
        "没有投诉人的联系方式：请{owner}的队长在 {due} 前复核办理情况，"
        "复核后点「📞 已回访」记下复核结果。"
    ),
    "btn_callback": "📞 已回访",
    "cb_prompt": (
        "工单 {number}：回访时报告人怎么说？请用一句话记下：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "cb_prompt_anonymous": (
        "工单 {number}（匿名投诉）：复核结果如何？请用一句话记下：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "cb_need_text": "请用文字写下回访情况（报告人怎么说）。",
    "cb_need_text_anonymous": "请用文字写下复核结果。",
    "cb_file_kept": "已收到，会和回访情况一起记下。请再用文字写下回访情况（报告人怎么说）；发送 /cancel 可退出这一步。",
    "cb_file_kept_anonymous": "已收到，会和复核结果一起记下。请再用文字写下复核结果；发送 /cancel 可退出这一步。",
    "cb_done": "已记录工单 {number} 的回访：{note}",
    "cb_done_anonymous": "已记录工单 {number}（匿名投诉）的复核结果：{note}",
    "cb_recorded": "工单 {number} 已由 {who} 在 {at} 记录回访：{note}",
    "cb_recorded_anonymous": "工单 {number}（匿名投诉）已由 {who} 在 {at} 记录复核结果：{note}",
    # A message that asked for the call-back, once it is recorded.
    "cb_told": "📞 工单 {number} 的回访已由 {who} 在 {at} 记录：{note}",
    "cb_told_anonymous": "📞 工单 {number}（匿名投诉）的复核结果已由 {who} 在 {at} 记录：{note}",
    "cb_none": "工单 {number} 现在没有要记录的回访（报告人已退回重新办理，或没有给差评）。",
    "cb_not_yours": "只有{team}的队长或督办人员可以记录工单 {number} 的回访。",
    "cb_none_anonymous": (
        "工单 {number}（匿名投诉）现在没有要记录的复核结果（投诉人已退回重新办理，或没有给差评）。"
    ),
    "cb_not_yours_anonymous": "只有{team}的队长或督办人员可以记录工单 {number}（匿名投诉）的复核结果。",
    "low_rating_remark": "报告人说：{text}",
    "low_rating_comment": "工单 {number} 报告人的不满意留言：{text}",
    "low_rating_comment_more": "工单 {number} 报告人的不满意留言（补充）：{text}",
    "reopen_ask": "请说明哪里还没解决：",
    "reopen_called_off": "好的，{what} {number} 没有退回，服务队不会重新办理。",
    "reopen_no_reason": "只收到「{words}」，没有说明原因，{what} {number} 还没有退回。",
    "reopen_solved_after_all": "好的，{what} {number} 没有退回。已经好了的话，请点「{button}」确认。",
    "reopen_ask_suggestion": "请说明对答复哪里不满意，会转给服务队再为您办理：",
    "reopen_ask_complaint": (
        "您对投诉 {number} 的处理不满意。请说明哪里不满意、还有什么没解决，会退回重新办理"
        "（不退回请回复“算了”）："
    ),
    "reopen_ask_wish": "请说明对答复有什么异议，会转给服务队再为您办理：",
    "btn_take_up_again": "🔁 重新办理",
    "take_up_again_ask": "请再说明一下情况（可以回答服务队之前问的问题），我们会重新转给服务队：",
    "reopened": "{what} {number} 已重新派给 {team}，会尽快处理。",
    "answer_added": "已把您的回复补充到{what} {number}，服务队会继续处理。",
    # The answer says a barn is failing now: it is on the ticket, and the 110 call follows.
    "answer_added_alarm": "已把您的回复补充到{what} {number}。烤房的情况同时报110：",
    # The answer asked to withdraw: the team sees it; withdrawing is asked next, or refused.
    "answer_added_seen": "已把您的回复补充到{what} {number}，服务队会看到。",
    "answer_added_taken": (
        "已把您的回复补充到{what} {number}。它已经由 {who} 接单办理，不能再撤回了；"
        "他们会看到您的回复，不需要办的话由他们办结，也可以直接联系他们。"
    ),
    # The reply also asked about another service: its team hears of it only as a request.
    "answer_added_also_new": (
        "已把您的回复补充到{what} {number}，服务队会继续处理。您问到的其他事，"
        "要另外提交给对应的部门，请点「📝 也作为新的求助」。"
    ),
    "btn_also_new": "📝 也作为新的求助",
    "answer_which": "您有 {count} 个{what}在等您补充。这条回复是给哪一个的？请点下面的{what}：",
    "answer_which_more": "这条也先替您留着，和前面的一起补充。是给哪一个{what}的？请点下面的{what}：",
    "answer_which_gone": "这条回复已经没有保留了，请重新发一次。",
    "answer_after_resolution": (
        "工单 {number} 在您回复之前已经办结，您这条已转给服务队。问题解决了吗？"
        "解决了请点「{confirm}」，没解决请点「❌ 没解决」。"
    ),
    "answer_after_resolution_suggestion": (
        "您的建议 {number} 在您回复之前已经有了答复，您这条已转给服务队。对答复满意吗？"
        "满意请点「{confirm}」，不满意请点「❌ 不满意」。"
    ),
    "answer_after_resolution_wish": (
        "您的心愿 {number} 在您回复之前已经有了答复，您这条已转给服务队。"
        "收到请点「{confirm}」，有异议请点「❌ 没解决」。"
    ),
    "e_called_off": "好的，没有报警。烤房出了紧急情况，随时点 🚨110 或发 /110。",
    "e_call_on": (
        "您的报警（工单 {number}）正在处理，现在{status}。这处烤房情况有变化，直接发文字、语音或照片"
        "就会补充给服务队，也可以点「➕ 补充到工单 {number}」；是另一处烤房出了事，请点「🚨 另一处烤房报警」。"
    ),
    "btn_another_barn": "🚨 另一处烤房报警",
    "e_call_ack": "好的。您的报警（工单 {number}）正在处理，服务队会联系您；情况有变化直接发消息告诉我们。",
    "e_news_withdraw": (
        "已告诉值班服务队（报警工单 {number}）。不需要服务队来了的话，请点「确定撤回」；"
        "还需要就不用点，服务队会联系您。"
    ),
    "e_news_added": "已补充到报警工单 {number}，值班服务队会看到。如果是另一处烤房出了新情况，请发 /110 另报。",
    "not_your_ticket": "找不到这个工单，或您无权操作。",
    "not_allowed_now": "工单当前状态（{status}）不能这样操作。",
    "mine_not_allowed_now": "{what}当前状态（{status}）不能这样操作。",
    "verdict_not_yet": "{what} {number} 现在{status}，还没有办结，不用确认或评价；办结后会再请您确认。",
}
