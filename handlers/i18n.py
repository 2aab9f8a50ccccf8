"""Reply texts. Written once in Simplified Chinese; Traditional is converted with OpenCC.

Which script a person gets: their own choice (/lang) first, then the script of what they
write when it tells (`routing.detect_script`: more characters of one script only than of
the other), then the script they had, and for someone new Telegram's language code
(zh-hant, zh-tw, zh-hk, zh-mo). What someone writes is what they read, whatever their
Telegram is set to; but most short texts tell nothing (了解, 好的, a name, a command), and
those keep the script they had: a zh-hant user who types 了解 stays Traditional.
"""

from __future__ import annotations

from dataclasses import replace

from core.enums import Script
from core.texts import KIND_NAMES, STAND_INS
from handlers.replies import Button
from routing import detect_script, reader

_HANT_CODES = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_HANS_CODES = ("zh-hans", "zh-cn", "zh-sg", "zh")

MESSAGES: dict[str, str] = {
    "welcome": "您好{name}，这里是{bureau}服务台（金叶110）。\n{how}",
    "how_farmer": "烤房出故障请点 🚨110 报警，24小时有人值守；其他问题点「求助办事」。",
    "how_retailer": "许可证、订货、配送等问题点「求助办事」，也可以直接发文字告诉我们。",
    "how_staff": "职工心愿点「🌱 心愿」，其他问题点「求助办事」。",
    "menu_110": "🚨 110 烘烤报警",
    "menu_new": "📝 求助办事",
    "menu_complain": "📣 投诉",
    "menu_suggest": "💡 建议",
    "menu_wish": "🌱 心愿",
    "menu_my": "📋 我的工单",
    "menu_register": "👤 登记信息",
    "help": (
        "可以这样用：\n"
        "{urgent}"
        "/new 求助办事（许可证、订货、配送、收购、技术……）\n"
        "/complain 投诉　/suggest 建议{wish}\n"
        "/my 我的工单：补充材料、撤回、确认办结并评价\n"
        "/lang 简体/繁體　/cancel 退出当前操作\n"
        "也可以直接发文字描述问题，我们会自动转给对应服务队。"
    ),
    "help_110": "/110 烤房紧急故障（停电、风机不转、温度上不去……），24小时处理\n",
    "help_wish": "　/wish 职工心愿",
    "draft_left": "刚才的「{words}」还没有提交，已放下；要办的话请重新发送。",
    "draft_files": "照片或语音",
    "draft_called_off": "好的，已取消，这条没有提交。",
    "cancelled": "已退出当前操作。",
    "t_note_expected": "请直接输入说明文字；发送 /cancel 可退出这一步。",
    "t_note_file_kept": "已收到，会和说明一起记入工单。请再输入一句说明文字；发送 /cancel 可退出这一步。",
    "file_of_ticket": "工单 {number}",
    "t_complaint_copy": (
        "抄送：工单 {number} 是一件投诉，由 {team} 办理。下面的卡片随办理进展更新，"
        "办结、评价和报告人是否满意都会显示在上面。如需由本室调查，点卡片上的“接管”。"
    ),
    "t_withdrawn": "工单 {number} 已由报告人撤回，无需再处理。",
    "nothing_to_cancel": "当前没有进行中的操作。",
    "expired": "上一次的操作已超时，请重新开始。",
    "lang_ask": "请选择文字：",
    "lang_set": "好的，以后用简体中文回复您。",
    "lang_set_hant": "好的，以后用繁体中文回复您。",
    # registration
    "reg_kind": "第一次使用，请先登记（随时可以先报110，不影响）。您是：",
    "reg_kind_again": "更新登记信息。您是：",
    "reg_kind_changed": "好的，改为登记为「{kind}」。",
    "reg_later": "先处理您的问题；登记随时可以用 /start 或「👤 登记信息」完成。",
    "reg_kind_hint": "请点下面的按钮选一个，也可以直接回复“烟农”“零售户”或“职工”；现在不想登记，回复“算了”。",
    "reg_kind_again_hint": "更新登记信息。请点下面的按钮选一个，也可以直接回复“烟农”“零售户”或“职工”；不改了，回复“算了”。",
    "reg_declined": "好的，先不登记，有事照样可以办（点按钮或直接发消息）。以后要登记，发 /start 或点「👤 登记信息」。",
    "reg_declined_again": "好的，登记信息没有改动。",
    "reg_area_hint": "请点下面的乡镇按钮，或直接回复乡镇名，也可以共享位置；不想选就点「跳过」。",
    "reg_later_again": "先处理您的问题；登记信息没有改动，要更新随时点「👤 登记信息」。",
    "place_unset": "地点未选",
    "kind_farmer": "烟农",
    "kind_retailer": "零售户",
    "kind_staff": "职工",
    "reg_name": "请输入您的姓名：",
    "reg_staff_name": "第一次使用，请先登记（已记为本局职工）。请输入您的姓名：",
    "reg_phone_missing": "您的登记还缺手机号，服务人员联系不上您。请点下方按钮共享，也可以跳过。",
    "reg_phone_later": "好的。以后发 /start 可以补上手机号。",
    "reg_phone": "请点下方按钮共享您的手机号（只用于服务人员联系您）：",
    "reg_phone_button": "📱 共享我的手机号",
    "reg_area": "请选择您所在的乡镇/片区，或共享位置自动匹配最近的烤房群：",
    "reg_area_retailer": "请选择您店铺所在的乡镇/片区，或共享位置自动匹配最近的零售商圈：",
    "reg_area_any": "请选择您所在的乡镇/片区，或共享位置自动匹配最近的站点：",
    "reg_done": "登记完成：{name}，{kind}，{phone}，{place}。",
    "menu_next": "需要办什么，请点下面的按钮：",
    # A retailer's shop, asked after the place: the teams serving it (配送, 订货, 专卖) need it.
    "reg_shop": "请输入您店铺的名称（店名，和许可证上的一样），配送、订货、专卖服务人员凭它找到您的店；没有店名回复“跳过”：",
    "reg_shop_again": "现在登记的店名是「{shop}」。请输入新的店名；不改回复“跳过”：",
    "reg_shop_bad": "请输入店铺的名称（1 到 {limit} 个字，可以有数字，不能只有数字或表情）；没有店名回复“跳过”，现在不想登记回复“算了”：",
    "reg_licence": "请输入您的烟草专卖零售许可证号（许可证上的 {digits} 位数字，可以分段输入）；手边没有就点「跳过」，以后再补：",
    "reg_licence_again": "现在登记的许可证号是 {number}。请输入新的许可证号；不改点「跳过」：",
    "reg_licence_count": "许可证号是 {digits} 位数字，您输入的是 {count} 位，请对照许可证再输入一次；手边没有就点「跳过」，以后再补。",
    "reg_licence_place": "这个号码的开头不对：许可证号的前 6 位是发证地的地区代码（如 520102），请对照许可证再输入一次；手边没有就点「跳过」，以后再补。",
    "reg_licence_bad": "请输入许可证上的 {digits} 位数字（中间可以有空格）；手边没有就点「跳过」，以后再补，不想登记了回复“算了”。",
    "reg_done_shop": "店铺：{shop}　许可证号：{licence}",
    "reg_shop_unset": "未填",
    "reg_shop_add_later": "没填的以后可以点「🏪 补充店铺信息」补上。",
    "reg_later_shop": "先处理您的问题；您的登记已保存，店名、许可证号没填的，以后可以点「🏪 补充店铺信息」补上。",
    "reg_later_place": "先处理您的问题；您的登记已保存，所在地点没选的，以后可以点「👤 登记信息」补上。",
    "reg_place_later": "好的，您的登记已保存；所在地点没选的，以后可以点「👤 登记信息」补上。",
    "reg_shop_later": "好的，您的登记已保存；店名、许可证号没填的，以后可以点「🏪 补充店铺信息」补上。",
    # Only the shop and licence, for a registered retailer (🏪 补充店铺信息), and the one
    # reminder to one registered without them.
    "menu_shop": "🏪 补充店铺信息",
    "btn_shop_only": "🏪 只改店名、许可证号",
    "shop_saved": "店铺信息已保存。",
    "shop_left": "好的。现在登记的店铺信息：",
    "shop_not_retailer": "店名、许可证号是零售户登记的；您登记的不是零售户。要改登记信息，请点「👤 登记信息」。",
    "shop_remind": (
        "您的登记还没有{missing}。配送、订货、专卖服务人员凭它找到您的店、核对许可证，"
        "点下面的「🏪 补充店铺信息」补上就行，姓名、手机号、地点不用重填。"
    ),
    "shop_missing_both": "店名和许可证号",
    "shop_missing_shop": "店名",
    "shop_missing_licence": "许可证号",
    "reg_name_bad": "请输入您的姓名（1 到 20 个字，不含数字和表情）；现在不想登记，回复“算了”：",
    "already_rated": "工单 {number} 已经评过 {score} 分了，谢谢您的评价。",
    "e_phone_ask": "服务队可能要打电话给您：请点下方「📱 共享我的手机号」。",
    "phone_saved": "已记下您的手机号 {phone}，服务人员需要时会打给您。",
    # Shared at a registration question that asks something else: kept, or not, and said.
    "reg_contact_not_own": "收到的不是您本人的手机号，没有记下。",
    "reg_location_kept": "已收到您的位置，问到所在地点时会用它自动匹配。",
    "reg_location_not_now": "收到您的位置，不过现在问的不是地点。",
    "reg_voice_not_heard": "收到您的语音，不过登记这一步听不了语音，请按下面的提示点按钮或打字。",
    "reg_photo_not_read": "收到照片，不过这里认不出照片上的字，请照着打字输入。",
    "reg_voice_alarm": "如果是烤房出了紧急情况，请点「🚨 马上报警」，您的语音会一起发给值班服务队。",
    "btn_voice_alarm": "🚨 马上报警",
    "reg_voices_carried": "您登记时发的语音也放进了这一条，会一起转给服务队。",
    "reg_voices_to_call": "您登记时发的语音也已补充到报警工单 {number}。",
    "reg_voices_held": "您登记时发的语音还留着：如果是烤房出了紧急情况，请点「🚨 马上报警」，语音会一起发给值班服务队；要办别的事，请用文字说明；不用了就回复“算了”。",
    "phone_saved_call": "已记下您的手机号 {phone}，并告诉了处理报警工单 {number} 的值班服务队。",
    "phone_for_team": "手机号 {phone}",
    "contact_not_own": "只能共享您本人的手机号，请点下方「共享我的手机号」按钮。",
    "phone_typed": "请点下方按钮共享手机号（手动输入的号码无法核实）。",
    "phone_press": "请点下方「共享手机号」按钮；不想留号码可以点「跳过」。",
    "site_bound": "已绑定烤房群：{site}（{area}）。报110时会自动带上位置。",
    "site_bound_district": "已绑定零售商圈：{site}（{area}）。求助办事会转给负责这个片区的服务队。",
    "site_bound_place": "已绑定站点：{site}（{area}）。求助办事会转给负责这一带的服务队。",
    "site_unknown": "二维码无效或已停用，请联系站点工作人员。",
    "location_far": "您共享的位置不在我们的服务范围内（离最近的站点 {km:.0f} 公里）。请换一个位置，或用文字说明在哪里。",
    "location_matched": "已匹配到最近的站点：{site}（约 {km:.1f} 公里）。",
    # 110
    "e_what": "🚨 110 烘烤报警：请说明出了什么问题（文字、语音或照片都可以）。",
    "e_clipped": "内容很长，报警只带上了前 {limit} 字；其余的可以接着发，服务队会看到。",
    "e_what_again": (
        "🚨 请说一下烤房出了什么问题（比如“停电了”“风机不转”），发语音也可以。"
        "说不清楚就再回一句“报警”，马上通知值班服务队打电话给您。"
    ),
    "e_where_after": "在哪个烤房？请点选、共享位置，或直接回复地点（比如“大坪”），服务队好尽快找到您；说不清就点「跳过」：",
    "e_place_added": "位置已告诉值班服务队（工单 {number}）：{place}。",
    "e_place_skipped": "好的。报警已发出（工单 {number}），值班服务队会联系您确认位置；要撤回报警请用 /my。",
    "place_to_team": "🚨 工单 {number} 报告人告知位置：{place}",
    "place_moved_team": "工单 {number} 报告人告知位置：{place}，已转给 {team}，本队无需出动。",
    "skip": "跳过",
    "share_location": "📍 共享位置",
    "e_place_kept": "📍 位置已收到。请再说一句出了什么问题（打字、语音或照片都行），马上报警。",
    "alarm_check": "您说的情况，现在需要烘烤110服务队马上处理吗？",
    "alarm_check_again": "请点一下：现在需要烘烤110服务队马上处理，点「🚨 是，马上报警」；只是咨询，点「不是，只是咨询」。",
    "alarm_check_called_off": "好的，没有报警，这条也没有提交。烤房出了紧急情况，随时点 🚨110 或发 /110。",
    "btn_alarm_now": "🚨 是，马上报警",
    "btn_alarm_not_now": "不是，只是咨询",
    "e_danger": "⚠️ 有明火或有人触电、受伤时，请先顾人身安全：马上拨打 119（火警）或 120（急救），能做到时先切断电源，不要靠近。",
    "e_created": "🚨 已报警，工单号 {number}。\n值班服务队（{team}）已收到通知，会尽快联系您{phone_hint}。\n情况有变化可以直接发消息补充。",
    "e_phone_hint": "（电话 {phone}）",
    # request-like flows
    "describe_request": "📝 请描述需要办理或求助的事情：",
    "describe_complaint": "📣 请说明投诉的事情（时间、地点、经过）：",
    "describe_suggestion": "💡 请写下您的建议：",
    "describe_wish": "🌱 请写下您的心愿（会记入心愿清单，办好后销号）：",
    "extras": "可以再发照片或共享位置作为补充；没有的话点「下一步」。",
    "next": "下一步",
    "extra_added": "已收到（共 {count} 项补充）。还有可以继续发，或点「下一步」。",
    "extra_text_added": "已补充到描述里。还有照片或位置可以继续发，或点「下一步」。",
    "summary": "请确认：\n类别：{kind}\n内容：{text}{extras}\n将转给：{team}\n（{why}）",
    "summary_extras": "\n补充：{count} 项（照片、语音或位置）",
    "submit": "✅ 提交",
    "edit": "✏️ 修改",
    "abort": "✖️ 取消",
    "created": "已提交，工单号 {number}，已转给 {team}。办理进展会通知您，也可以用 /my 查看。",
    # A complaint (`core.complainant`): 匿名 offered at its summary; who reads the
    # complainant's details said once it is filed.
    "anon_offer": (
        "🙈 也可以「匿名提交」：办理人员、领导和台账都看不到您的姓名、电话和店铺，"
        "进展照样通知您，您也照样可以补充、确认和评价。"
    ),
    "submit_anonymous": "🙈 匿名提交",
    "anon_complaints_only": "只有投诉可以匿名提交。这一条请点「✅ 提交」，或者点「✏️ 修改」。",
    "created_anonymous": (
        "已匿名提交，工单号 {number}，已转给 {team}。办理人员看不到您是谁；"
        "他们有问题会通过本服务台问您，办理进展会通知您，也可以用 /my 查看。"
    ),
    "created_kept": (
        "已提交，工单号 {number}，已转给 {team}。您的姓名和电话只交给{keeper}，"
        "{team}有问题会通过本服务台问您。办理进展会通知您，也可以用 /my 查看。"
    ),
    "created_items": (
        "已提交 {count} 项心愿，已转给 {team}，每项办好后分别销号：\n{items}\n"
        "办理进展会通知您，也可以用 /my 查看。"
    ),
    "wish_items": "共 {count} 项，将分别记入心愿清单、逐项销号：\n{items}",
    "submit_items": "✅ 分 {count} 项提交",
    "submit_as_one": "📄 作为一项提交",
    "draft_filed_already": (
        "这份内容已经提交过了，工单号 {numbers}，不用再提交。办理进展可以用 /my 查看，"
        "要补充请在 /my 里点「➕ 补充」。"
    ),
    "free_text_confirm": "要把这条消息作为「{kind}」提交吗？",
    "about_open_confirm": (
        "您的工单 {number} 正在办理中。这条消息是对它的补充，还是一件新的事？"
        "是补充请点「➕ 补充到工单 {number}」，服务队会直接看到；是新的事请点「✅ 作为新工单提交」。"
    ),
    "about_moved_on": "工单 {number} 已经办结或关闭，不能再补充了。要把这条消息作为新的「{kind}」提交吗？",
    "about_several_confirm": (
        "您的工单 {number} 正在办理中。这条消息是对其中一张的补充，还是一件新的事？"
        "是补充请点那张工单的「➕ 补充到工单」，服务队会直接看到；是新的事请点「✅ 作为新工单提交」。"
    ),
    # More tickets in hand than the summary shows at first: the newest, then 「更多…」.
    "about_many_confirm": (
        "您有 {count} 张可能相关的工单正在办理中。这条消息是对其中一张的补充，还是一件新的事？"
        "是补充请点那张工单的「➕ 补充到工单」（下面是最近的 {shown} 张，其余的点「更多…」），"
        "服务队会直接看到；是新的事请点「✅ 作为新工单提交」。"
    ),
    "about_all_confirm": (
        "下面是您正在办理中、可能相关的 {count} 张工单。这条消息是对其中一张的补充，还是一件新的事？"
        "是补充请点那张工单的「➕ 补充到工单」，服务队会直接看到；是新的事请点「✅ 作为新工单提交」。"
    ),
    "add_to_more": "更多…（还有 {count} 张工单）",
    "add_to_ticket": "➕ 补充到工单 {number}",
    "add_to_ticket_of_team": "➕ 补充到工单 {number}（{team}）",
    "submit_new": "✅ 作为新工单提交",
    "draft_added_already": "这条消息已经补充到工单 {number} 了，服务队会看到，不用再点。",
    "confirm_added": "已补充。请再看一下，没问题就点「提交」。",
    "wish_staff_only": "心愿清单仅对本局职工开放。职工请先登记（/start）或联系工会。",
    "rate_limited": "您一小时内已提交 {count} 件，请稍后再提交（烘烤紧急情况请直接报 110，不受限制）。",
    "rate_limited_no_barn": "您一小时内已提交 {count} 件，请稍后再提交。",
    "too_long": "内容太长了（{length} 字），请控制在 {limit} 字以内。",
    "empty": "内容是空的，请用文字描述一下。",
    "greeting": "您好！有什么需要，直接用文字描述就行。{how}",
    "digits_only": "只收到一串数字。如果是工单号，请核对；有事请用文字描述一下。",
    "no_prompt_waiting": "现在没有等您确认或选择的内容（可能已经超时）。需要办什么，请点下面的按钮，或直接用文字描述。",
    "emoji_only": "收到了。有什么需要，请用文字说一下，也可以发语音或照片。",
    "phone_alone": (
        "收到一个电话号码。要改登记的手机号，请点「👤 登记信息」；有事请用文字说明，"
        "服务队需要时会打您登记的电话。"
    ),
    "edit_not_applied": (
        "✏️ 改过的消息不会改动已经记下的内容。要更正，请把正确的内容再发一条；"
        "已提交的工单可以在 /my 里点「➕ 补充」说明。"
    ),
    "unsupported": "暂不支持这种消息（{what}）。请发文字、照片、语音或位置。",
    "unsupported_at_question": "暂不支持这种消息（{what}）。",
    "kind_of_sticker": "贴纸",
    "kind_of_animation": "动图",
    "kind_of_document": "文件",
    "kind_of_video": "视频",
    "kind_of_video_note": "视频消息",
    "kind_of_audio": "音频",
    "kind_of_poll": "投票",
    "kind_of_dice": "骰子",
    "kind_of_other": "这类消息",
    "unknown_command": "没有 /{name} 这个命令。",
    "need_text": "请先用文字（或语音、照片）说明情况。",
    "media_kept": "已收到。请再用文字说明一下情况（发生了什么、在哪里），我们才好转给对应的服务队。",
    "voice_taken": "已收到语音留言，工作人员会听。还可以再发照片或共享位置；没有的话点「下一步」。",
    "voice_only": "[语音留言]",
    "why_by_hand": "将由工作人员看过后分派给对应的部门",
    "why_words": "您提到了{words}，这类事由{line}办理",
    "why_line": "这类事由{line}办理",
    "stale_button": "这个按钮已失效，请重新操作。",
    "error": "系统繁忙，刚才的操作没有成功，请稍后再试。烘烤紧急情况可再发一次 /110。",
    # my tickets
    "my_none": "您还没有工单。需要帮助请点「求助办事」或直接发消息。",
    "my_list": "您的工单（点编号看详情）：",
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
    "detail": "工单 {number}｜{kind}｜{status}\n服务队：{team}\n内容：{text}\n\n进展：\n{timeline}",
    "btn_add_info": "➕ 补充",
    "btn_cancel_ticket": "撤回",
    "btn_confirm": "✅ 已解决，评价",
    "btn_confirm_answer": "✅ 收到，评价",
    "btn_not_resolved": "❌ 没解决",
    "btn_not_satisfied": "❌ 不满意",
    "btn_not_resolved_reopen": "❌ 没解决，重新办理",
    "btn_not_resolved_reopen_suggestion": "❌ 不满意，重新办理",
    "btn_new_matter": "📝 不是，作为新的求助",
    "typed_not_solved_ask": (
        "工单 {number} 已办结，等您确认。您说的“{words}”是指它还没解决吗？"
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
        "您回复的是工单 {number} 的办结通知：“{words}”。是说问题还没解决吗？"
        "没解决请点「❌ 没解决，重新办理」，这句话会转给服务队；解决了请点「{confirm}」；"
        "说的是另一件事请点「📝 不是，作为新的求助」。"
    ),
    "add_info_ask": "请发送要补充的文字或照片：",
    "add_info_done": "已补充到工单 {number}，服务队会看到。",
    "verdict_which": "您有 {count} 个工单办结待确认。请点下面要评价或反馈的那一个：",
    "verdict_which_score": "您有 {count} 个工单办结待确认。这 {score} 分是给哪一个的？请点下面的工单：",
    "verdict_which_solved": "您有 {count} 个工单办结待确认。解决的是哪一个？请点下面的工单，再为它打分：",
    "verdict_which_judged": "您有 {count} 个工单办结待确认。您说的是哪一个？请点下面的工单，再为它打分：",
    "verdict_which_not_satisfied": (
        "您有 {count} 个建议已有答复、等您确认。对哪一个的答复不满意？请点下面的建议，再说明哪里不满意："
    ),
    "verdict_which_not_solved": (
        "您有 {count} 个工单办结待确认。没解决的是哪一个？请点下面的工单，再说明哪里还没解决："
    ),
    "send_back_rated": (
        "工单 {number} 您已经确认办结并评价，不能再退回。如果又出现了问题，请直接发消息说明，"
        "我们按新的问题办理。"
    ),
    "send_back_too_late": (
        "工单 {number} 已经关闭一周以上，不能再退回。如果又出现了问题，请直接发消息说明，"
        "我们按新的问题办理。"
    ),
    "add_info_called_off": "好的，工单 {number} 没有补充什么。要补充随时在 /my 里点「➕ 补充」。",
    "add_info_too_late": "工单 {number} 现在{status}，这条没有补充进去。",
    "ticket_cancelled": "工单 {number} 已撤回。",
    "withdraw_ask": "确定撤回工单 {number} 吗？撤回后服务队就不再办理，也不能恢复。",
    "e_withdraw_ask": "确定撤回报警 {number} 吗？撤回后值班服务队就不再赶来了。",
    "withdraw_taken": (
        "工单 {number} 已经由 {who} 接单办理，不能再撤回了。如果不需要办了，或者有话要告诉服务队，"
        "请点「➕ 补充」说明，也可以直接联系他们。"
    ),
    "btn_withdraw_sure": "确定撤回",
    "btn_withdraw_keep": "不撤回",
    "rate_ask": "请为这次服务打分（5 = 满意）：",
    "rate_ask_again": (
        "请点下面的分数为工单 {number} 打分：5 = 满意，4 = 基本满意，3 = 一般，2 = 不太满意，"
        "1 = 很不满意。也可以直接回复“满意”“一般”这样的话。"
    ),
    "rate_ask_again_kept": (
        "请点下面的分数为工单 {number} 打分，您说的话会和分数一起转给服务队：5 = 满意，"
        "4 = 基本满意，3 = 一般，2 = 不太满意，1 = 很不满意。"
    ),
    "rated_with_words": "感谢评价，工单 {number} 已销号。您说的“{words}”已转给服务队。",
    "rate_low_kept": "很抱歉这次没让您满意。已请负责人回访您，您说的“{words}”也转给了他们。",
    "rate_low_kept_alone": "很抱歉这次没让您满意。您说的“{words}”已记在工单上，服务队能看到。",
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
    "verdict_buttons": "工单 {number} 已办结，等您确认：解决了请点「{confirm}」，没解决请点「❌ 没解决」。也可以直接回复 1 到 5 打分（5 = 满意）。",
    "verdict_buttons_wish": (
        "您的心愿 {number} 已有答复，等您确认：收到请点「{confirm}」，有异议请点「❌ 没解决」。"
        "也可以直接回复 1 到 5 打分（5 = 满意）。"
    ),
    "verdict_buttons_suggestion": (
        "您的建议 {number} 已有答复，等您确认：满意请点「{confirm}」，不满意请点「❌ 不满意」。"
        "也可以直接回复 1 到 5 打分（5 = 满意）。"
    ),
    "rate_comment_ask": "谢谢！对工单 {number} 还有什么想说的吗？（可以跳过）",
    "rated": "感谢评价，工单 {number} 已销号。",
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
    "btn_callback": "📞 已回访",
    "cb_prompt": (
        "工单 {number}：回访时报告人怎么说？请用一句话记下：\n"
        "（{minutes} 分钟内发送有效；发送 /cancel 取消）"
    ),
    "cb_need_text": "请用文字写下回访情况（报告人怎么说）。",
    "cb_done": "已记录工单 {number} 的回访：{note}",
    "cb_recorded": "工单 {number} 已由 {who} 在 {at} 记录回访：{note}",
    # A message that asked for the call-back, once it is recorded.
    "cb_told": "📞 工单 {number} 的回访已由 {who} 在 {at} 记录：{note}",
    "cb_none": "工单 {number} 现在没有要记录的回访（报告人已退回重新办理，或没有给差评）。",
    "cb_not_yours": "只有{team}的队长或督办人员可以记录工单 {number} 的回访。",
    "low_rating_remark": "报告人说：{text}",
    "low_rating_anonymous": "这是匿名投诉，没有投诉人的联系方式：请复核办理情况，点「📞 已回访」记下复核结果。",
    "low_rating_comment": "工单 {number} 报告人的不满意留言：{text}",
    "reopen_ask": "请说明哪里还没解决：",
    "reopen_ask_suggestion": "请说明对答复哪里不满意，会转给服务队再为您办理：",
    "btn_take_up_again": "🔁 重新办理",
    "take_up_again_ask": "请再说明一下情况（可以回答服务队之前问的问题），我们会重新转给服务队：",
    "reopened": "工单 {number} 已重新派给 {team}，会尽快处理。",
    "answer_added": "已把您的回复补充到工单 {number}，服务队会继续处理。",
    "answer_which": "您有 {count} 个工单在等您补充。这条回复是给哪一个的？请点下面的工单：",
    "answer_which_more": "这条也先替您留着，和前面的一起补充。是给哪一个工单的？请点下面的工单：",
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
    "verdict_not_yet": "工单 {number} 现在{status}，还没有办结，不用确认或评价；办结后会再请您确认。",
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
    "staff_removed": "管理员已取消您的以下身份：{places}。如有疑问，请联系本局管理员。",
    "role_member": "队员",
    "role_leader": "队长",
    "role_supervisor": "督办",
    "info_to_team": "工单 {number} 报告人补充：{text}",
    "answer_to_team": "工单 {number} 报告人回复：{text}",
    "reopen_to_team": "工单 {number} 报告人表示问题没有解决：{text}",
    "reopen_to_team_suggestion": "建议 {number} 报告人对答复不满意：{text}",
    "reopen_to_team_wish": "心愿 {number} 职工表示还没有实现：{text}",
    "reopen_escalated": "⚠️ 工单 {number}（{team}）已被报告人第 {times} 次退回，问题仍未解决：{text}\n请过问办理情况。",
    # A suggestion sent back disputes its answer; a wish sent back is not granted yet,
    # whatever its answer said: neither is a problem left unsolved.
    "reopen_escalated_suggestion": (
        "⚠️ 建议 {number}（{team}）的答复已被报告人第 {times} 次退回，报告人仍不满意：{text}\n"
        "请过问办理情况。"
    ),
    "reopen_escalated_wish": (
        "⚠️ 心愿 {number}（{team}）已被职工第 {times} 次退回，仍未实现：{text}\n请过问办理情况。"
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
    "t_note_expired": (
        "工单 {number}：{what}等了 {minutes} 分钟没有收到，已不再等待，刚才的消息没有记入工单。"
        "需要时请再按「{button}」。"
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
    "btn_wish_granted": "✅ 已实现",
    "btn_wish_partly": "◐ 部分实现",
    "btn_wish_declined": "✖️ 无法实现",
    "t_xfer_done": "工单 {number} 已转给 {team}。转派原因：{what}",
    "anonymous_sender": (
        "您是以群组（匿名管理员）的身份发的命令，机器人无法确认是谁在操作。"
        "请在群组设置的管理员权限里关闭“匿名”，再用自己的身份发送。"
    ),
    "t_not_member": "只有该服务队成员或督办人员可以操作这个工单。",
    "t_resolved_by_other": "工单 {number} 刚由 {name} 办结（{note}），您这条说明没有记入。",
    "t_asked_by_other": "{name} 刚就工单 {number} 请报告人补充（{note}），您这个问题没有发出，等报告人回复后可再问。",
    "t_own_request": "工单 {number} 是您自己提交的，不能由您本人接单、上门或办结，请队里其他人办理。",
    "t_with_other_team": "工单 {number} 现由{team}办理，您所在的服务队不能再操作它。",
    "t_other_teams": "工单 {number} 由{team}办理，不是您所在服务队的工单，不能在这里操作。",
    "bind_usage": "用法：在服务队群里发送 /bindteam 服务队ID（如 /bindteam curing-qingshan）",
    "bind_no_team": "没有 ID 为「{typed}」的服务队。可选：{teams}",
    "private_only": "/{command} 请在与机器人的私聊里发送{where}。",
    "private_link": "（点这里打开：{link}）",
    "bind_done": "本群已绑定为「{team}」的派单群。",
    "bind_done_topic": "本话题已绑定为「{team}」的派单话题：该队的工单卡片、催办和提醒都发到这里。",
    "bind_denied": "只有该队队长或管理员可以绑定派单群。",
    "duty_teams_only": "值班只对服务队的队员和队长开放。",
    "duty_denied": "只有该队队长可以安排别人值班。",
    "duty_usage": (
        "用法：/duty on（值班）或 /duty off（下班）设置自己；队长可 /duty 姓名 on|off 安排队员，"
        "例如 /duty 赵队员 on。"
    ),
    "duty_not_member": "本队没有叫「{typed}」的队员。发 /duty 可以看全队名单。",
    "duty_which": "本队有不止一人叫「{typed}」，请写全名。",
    "duty_off_list": "\n未值班：{names}",
    "duty_set": "{who} 值班状态：{state}。",
    "duty_no_roster": "{team}不排值班：紧急工单直接通知队长。",
    "duty_roster": "{team} 值班：{names}{off}",
    "duty_name_unreachable": "{who}（私信发不到）",
    "duty_unreachable": (
        "⚠️ 机器人发不到 {who} 的私信（可能屏蔽了机器人），收不到110值班提醒。"
        "请私聊机器人发一次 /start。"
    ),
    "duty_none_left": "{team} 现在无人值班：110报警将直接通知队长。",
    "duty_calls_waiting": "还有 {count} 个报警等待接单，卡片已私信发给 {who}，请尽快接单。",
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
    "reassign_usage": "用法：/reassign 工单号 服务队（ID 或名称，如 白石乡烘烤110服务队）",
    "t_help": (
        "服务队群里可以这样用：\n"
        "工单卡片上的按钮：接单、上门、需补充、转派、办结（点按钮后按提示输入说明）\n"
        "/queue 本队未办结的工单　/ticket 工单号 查看详情和经过\n"
        "/duty 值班名单　/duty on 值班　/duty off 下班"
    ),
    "t_help_leader": (
        "队长还可以用：\n"
        "/duty 姓名 on|off 安排队员值班（如 /duty 赵队员 on）\n"
        "/stats 时段 看本队的指标（时段如 今天、上周、本月、本烘烤季，不写就是今天）\n"
        "/bindteam 服务队ID 把本群设为本队的派单群"
    ),
    "t_help_supervisor": (
        "督办人员还可以用：\n"
        "/stats 时段 统计　/ledger 时段 台账（时段如 今天、上周、本月、本烘烤季、上个烘烤季、"
        "2026-11，不写就是今天）\n"
        "/reassign 工单号 服务队 改派"
    ),
    "leader_stats_only": "台账只对督办人员开放；队长可以用 /stats 时段 看本队的指标。",
    "sv_help": (
        "督办人员还可以用：\n"
        "/queue 所有服务队未办结的工单（超时的标出超了多久）\n"
        "/ticket 工单号 查看详情和经过\n"
        "/stats 时段 三率统计和图表　/ledger 时段 台账 Excel（时段如 今天、前天、上周、本月、"
        "12月6日、本烘烤季、2026-11，不写就是今天）\n"
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
    "supervisors_only_button": "「催办」「改派」只对督办人员开放。",
    "view_in_private": "在群里只能查看本群服务队的工单；其他的请私聊机器人查看。",
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
    "echo_off": "好的，您的工单办结后不会出现在回音壁上。",
    "echo_on": "好的，您的工单办结后会匿名出现在回音壁上（不含姓名、电话、地点）。",
    "echo_usage": "用法：/echo off 不公开；/echo on 允许匿名公开到回音壁。",
    # an outbox alert: the team's group refused the bot (403)
    "team_chat_refuses": "机器人已被移出该群，请把机器人重新加入该群",
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


def _hant(text: str) -> str:
    return reader.in_script(text, Script.HANT)


def t(key: str, script: Script = Script.HANS, **values: object) -> str:
    """The message `key` in `script`, with values filled in (values are not converted)."""
    text = MESSAGES[key]
    if script is Script.HANT:
        text = _hant(text)
    return text.format(**values) if values else text


def in_script(text: str, script: Script) -> str:
    """Convert free text (team names, notes) for a reader of `script`; what is marked
    `as_written` in it (names, a requester's words) stays as written."""
    return reader.in_script(text, script)


as_written = reader.as_written


def quoted(text: str) -> str:
    """A requester's words, quoted back to them as they wrote them (`as_written`)."""
    # Our own stand-ins for a request without words are converted like the rest of our texts.
    return text if text in STAND_INS else as_written(text)


def buttons_in_script(
    buttons: tuple[tuple[Button, ...], ...], script: Script
) -> tuple[tuple[Button, ...], ...]:
    """Buttons with their labels for a reader of `script` (their data never changes)."""
    if script is not Script.HANT:
        return buttons
    return tuple(tuple(replace(b, text=in_script(b.text, script)) for b in row) for row in buttons)


def script_from_language(code: str) -> Script | None:
    code = code.lower().replace("_", "-")
    if code.startswith(_HANT_CODES):
        return Script.HANT
    if code in _HANS_CODES or code.startswith("zh-hans"):
        return Script.HANS
    return None


def choose_script(chosen: Script | None, language_code: str, text: str) -> Script:
    """The script for someone with no script of their own yet (see the module's docstring)."""
    return chosen or detect_script(text) or script_from_language(language_code) or Script.HANS
