"""Replies while someone registers, reports a 110 call or writes a request, a complaint, a
suggestion or a wish, up to its filing (`handlers.i18n` puts the catalogue together)."""

from __future__ import annotations

INTAKE: dict[str, str] = {
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
        "{echo}"
        "/lang 简体/繁體　/cancel 退出当前操作\n"
        "也可以直接发文字描述问题，我们会自动转给对应服务队。"
    ),
    "help_110": "/110 烤房紧急故障（停电、风机不转、温度上不去……），24小时处理\n",
    "help_wish": "　/wish 职工心愿",
    "help_echo": (
        "/echo off 办结的工单不公开到回音壁"
        "（默认隐去姓名、电话、店名和详细地址后公开，地点只写到乡镇）\n"
    ),
    "draft_left": "刚才的「{words}」还没有提交，已放下；要办的话请重新发送。",
    "draft_goes_on": "您正在写的「{words}」还没有提交，可以接着发送或点按钮继续。",
    "verdict_or_draft": (
        "您正在写的「{words}」还没有提交。您说的“{said}”是说{what} {number} 的办理结果，"
        "还是要补充到正在写的内容里？请点一下："
    ),
    "verdict_or_draft_which": (
        "您正在写的「{words}」还没有提交。您说的“{said}”是说哪一张{what}的办理结果，"
        "还是要补充到正在写的内容里？请点一下："
    ),
    "btn_verdict_of": "说的是{what} {number}（{gist}）",
    "btn_words_to_draft": "➕ 补充到正在写的内容",
    "draft_files": "照片或语音",
    "draft_called_off": "好的，已取消，这条没有提交。",
    "cancelled": "已退出当前操作。",
    "t_note_expected": "请直接输入说明文字；发送 /cancel 可退出这一步。",
    "t_note_file_kept": "已收到，会和说明一起记入工单。请再输入一句说明文字；发送 /cancel 可退出这一步。",
    "t_note_unsupported": (
        "暂不支持这种消息（{what}），它不会记入工单；照片、语音可以随说明记入。"
        "请直接输入说明文字；发送 /cancel 可退出这一步。"
    ),
    "t_note_contact": (
        "名片不会记入工单；要留电话，请写在说明里。请直接输入说明文字；发送 /cancel 可退出这一步。"
    ),
    "t_note_location": (
        "位置不会记入工单；要说明地点，请写在说明里。请直接输入说明文字；发送 /cancel 可退出这一步。"
    ),
    "file_of_ticket": "工单 {number}",
    "t_complaint_copy": (
        "抄送：工单 {number} 是一件投诉，由 {team} 办理。下面的卡片随办理进展更新，"
        "办结、评价和报告人是否满意都会显示在上面。如需由本室调查，点卡片上的“接管”。"
    ),
    # The complaint moved on (sent back, 转派): the copy above is edited, not sent again.
    "t_complaint_copy_moved": (
        "抄送：投诉 {number} {moved}现由 {team} 办理。本室原有的卡片已随之更新，"
        "不另发新卡片；如需由本室调查，点卡片上的“接管”。"
    ),
    "t_withdrawn": "工单 {number} 已由报告人撤回，无需再处理。",
    "nothing_to_cancel": "当前没有进行中的操作。",
    "expired": "上一次的操作已超时，请重新开始。",
    "lang_ask": "请选择文字：",
    "lang_set": "好的，以后用简体中文回复您。",
    "lang_set_hant": "好的，以后用繁体中文回复您。",
    # registration
    "reg_kind": "第一次使用，请先登记（随时可以先报110，不影响）。您是：",
    # Registering again: what is registered now, the answers that would change it.
    "reg_kind_again": "更新登记信息。现在登记的是：{registered}。\n您是：",
    "reg_kind_again_shop": "更新登记信息。现在登记的是：{registered}。\n{shop}\n您是：",
    "reg_kind_changed": "好的，改为登记为「{kind}」。",
    "reg_later": "先处理您的问题；登记随时可以用 /start 或「👤 登记信息」完成。",
    "reg_kind_hint": "请点下面的按钮选一个，也可以直接回复“烟农”“零售户”或“职工”；现在不想登记，回复“算了”。",
    "reg_kind_again_hint": "更新登记信息。请点下面的按钮选一个，也可以直接回复“烟农”“零售户”或“职工”；不改了，回复“算了”。",
    "reg_declined": "好的，先不登记，有事照样可以办（点按钮或直接发消息）。以后要登记，发 /start 或点「👤 登记信息」。",
    "reg_declined_again": "好的，登记信息没有改动。",
    "reg_area_kept": "现在登记的地点是{place}，不改就点「跳过」。",
    "reg_address_no_town": "地址“{address}”已记下，不过它没有对上我们分片服务的乡镇/片区（{towns}）。如果就在其中一个，以后可以点「👤 登记信息」选一下，求助会直接转到当地的服务队；不选也照样能报110、办事。",
    "reg_address_no_town_moved": "地址“{address}”已记下，原来登记的{before}不再是您的地点：这个地址没有对上我们分片服务的乡镇/片区（{towns}）。如果就在其中一个，以后可以点「👤 登记信息」选一下，求助会直接转到当地的服务队；不选也照样能报110、办事。",
    "reg_area_hint": "请点下面的乡镇按钮，或直接回复乡镇名，也可以共享位置；不想选就点「跳过」。",
    "reg_later_again": "先处理您的问题；登记信息没有改动，要更新随时点「👤 登记信息」。",
    "reg_goes_on": "登记还没有完成，请接着回答：",
    "reg_update_goes_on": "更新登记信息还没有完成，请接着回答：",
    "reg_left_unchanged": "更新登记信息没有完成，登记信息没有改动；要更新随时点「👤 登记信息」。",
    "place_unset": "地点未选",
    "kind_farmer": "烟农",
    "kind_retailer": "零售户",
    "kind_staff": "职工",
    "reg_name": "请输入您的姓名：",
    "reg_name_again": "现在登记的姓名是「{name}」。请输入新的姓名；不改回复“跳过”：",
    "reg_staff_name": "第一次使用，请先登记（已记为本局职工）。请输入您的姓名：",
    "reg_phone_missing": "您的登记还缺手机号，服务人员联系不上您。请点下方按钮共享，或直接输入手机号，也可以跳过。",
    "reg_phone_later": "好的。以后发 /start 可以补上手机号。",
    "reg_phone_unchanged": "好的，手机号没有改，还是 {phone}。",
    "reg_phone": "请点下方按钮共享您的手机号，或直接输入手机号（只用于服务人员联系您）：",
    "reg_phone_kept": "现在登记的手机号是 {phone}，不改就点「跳过」。",
    "reg_phone_button": "📱 共享我的手机号",
    "reg_area": "请选择您所在的乡镇/片区，或共享位置自动匹配最近的烤房群：",
    "reg_area_retailer": "请选择您店铺所在的乡镇/片区，或共享位置自动匹配最近的零售商圈：",
    "reg_area_any": "请选择您所在的乡镇/片区，或共享位置自动匹配最近的站点：",
    "reg_done": "登记完成：{registered}。",
    "reg_line": "{name}，{kind}，{phone}，{place}",
    "menu_next": "需要办什么，请点下面的按钮：",
    # A retailer's shop, asked after the place: the teams serving it (配送, 订货, 专卖) need it.
    "reg_shop": "请输入您店铺的名称（店名，和许可证上的一样），配送、订货、专卖服务人员凭它找到您的店；没有店名回复“跳过”：",
    "reg_shop_with_address": "店名记为「{shop}」，不对的话登记完成后点「👤 登记信息」修改。",
    "reg_shop_address_kept": "店铺地址记为「{address}」。请再输入店铺的名称（招牌或许可证上的店名）；没有店名回复“跳过”：",
    "reg_shop_address_licence_misread": "店铺地址记为「{address}」。许可证号 {licence} 不对（许可证号是 {digits} 位数字），店名之后会再问一次。请再输入店铺的名称（招牌或许可证上的店名）；没有店名回复“跳过”：",
    "reg_shop_address_licence_kept": "店铺地址记为「{address}」，许可证号 {licence} 也收到了。请再输入店铺的名称（招牌或许可证上的店名）；没有店名回复“跳过”：",
    "reg_shop_again": "现在登记的店名是「{shop}」。请输入新的店名；不改回复“跳过”：",
    "reg_shop_bad": "请输入店铺的名称（1 到 {limit} 个字，可以有数字，不能只有数字或表情）；没有店名回复“跳过”；店铺信息以后再补，回复“算了”：",
    "reg_shop_bad_again": "请输入新的店名（1 到 {limit} 个字，可以有数字，不能只有数字或表情）；店名不改回复“跳过”；不改了，回复“算了”：",
    "reg_shop_bad_update": "请输入店铺的名称（1 到 {limit} 个字，可以有数字，不能只有数字或表情）；没有店名回复“跳过”；不改了，回复“算了”：",
    "reg_licence": "请输入您的烟草专卖零售许可证号（许可证上的 {digits} 位数字，可以分段输入）；手边没有就点「跳过」，以后再补：",
    "reg_licence_again": "现在登记的许可证号是 {number}。请输入新的许可证号；不改点「跳过」：",
    "reg_licence_count": "许可证号是 {digits} 位数字，您输入的是 {count} 位，请对照许可证再输入一次；手边没有就点「跳过」，以后再补。",
    "reg_licence_place": "这个号码的开头不对：许可证号的前 6 位是发证地的地区代码（如 520102），请对照许可证再输入一次；手边没有就点「跳过」，以后再补。",
    "reg_licence_count_again": "许可证号是 {digits} 位数字，您输入的是 {count} 位，请对照许可证再输入一次；许可证号不改就点「跳过」。",
    "reg_licence_place_again": "这个号码的开头不对：许可证号的前 6 位是发证地的地区代码（如 520102），请对照许可证再输入一次；许可证号不改就点「跳过」。",
    "reg_licence_bad": "请输入许可证上的 {digits} 位数字（中间可以有空格）；手边没有就点「跳过」，以后再补。",
    "reg_licence_bad_again": "请输入新的许可证号（许可证上的 {digits} 位数字，中间可以有空格）；许可证号不改就点「跳过」；不改了，回复“算了”。",
    "reg_licence_bad_update": "请输入许可证上的 {digits} 位数字（中间可以有空格）；手边没有就点「跳过」，以后再补；不改了，回复“算了”。",
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
    # Refused while registering again: 跳过 keeps what is registered, 算了 stops the update.
    "reg_name_bad_again": "请输入新的姓名（1 到 20 个字，不含数字和表情）；姓名不改回复“跳过”；登记信息都不改了，回复“算了”：",
    "already_rated": "{what} {number} 已经评过 {score} 分了，谢谢您的评价。",
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
    "reg_voices_to_ticket": "您登记时发的语音也已补充到工单 {number}，会转给服务队。",
    "reg_voices_held": "您登记时发的语音还留着：如果是烤房出了紧急情况，请点「🚨 马上报警」，语音会一起发给值班服务队；要办别的事，请用文字说明；不用了就回复“算了”。",
    "reg_voices_dropped": "好的，您登记时发的语音不再发送。烤房出了紧急情况，随时点 🚨110 或发 /110。",
    "phone_saved_call": "已记下您的手机号 {phone}，并告诉了处理报警工单 {number} 的值班服务队。",
    "phone_for_team": "手机号 {phone}",
    "phone_told_call": "新号码也告诉了处理报警工单 {number} 的值班服务队。",
    "contact_not_own": "只能共享您本人的手机号，请点下方「共享我的手机号」按钮。",
    "own_phone_declined": "好的，手机号不共享了。",
    "e_phone_declined": "好的，不留电话也可以，报警工单 {number} 照常处理；情况有变化请直接发消息告诉我们。以后想留电话，直接发手机号就行。",
    "phone_typed_kept": "已记下您输入的手机号 {phone}。这是手动输入的号码，没有经过核实，请看一下有没有输错；输错了可以在「👤 登记信息」里改。",
    "phone_miscounted": "“{typed}”不是完整的号码（{count} 位数字）：手机号是 11 位；香港、澳门的号码请在 8 位号码前加 +852、+853，台湾的加 +886。请再输入一次，或点下方「共享手机号」按钮；不想留号码可以点「跳过」。",
    "phone_not_mobile": "“{typed}”不是有效的手机号：大陆的手机号是 11 位数字，以 13–19 开头（如 138 1234 5678）；香港、澳门的号码请在 8 位号码前加 +852、+853，台湾的加 +886。请再输入一次，或点下方「共享手机号」按钮；不想留号码可以点「跳过」。",
    "phone_code_missing": "“{typed}”像是{where}的号码：从大陆拨打要带区号，请在前面加上 {code}（{code} {local}）再输入一次，或点下方「共享手机号」按钮；不想留号码可以点「跳过」。",
    "phone_press": "请点下方「共享手机号」按钮，或直接输入手机号；不想留号码可以点「跳过」。",
    "site_bound": "已绑定烤房群：{site}（{area}）。报110时会自动带上位置。",
    "site_rebound": "已改为绑定烤房群：{site}（{area}），不再是{before}。报110时会自动带上新的位置；{before}的烤房出事，报警时说一下是哪个烤房就行。",
    "site_barn_stays": "这是{site}（{area}）的二维码；您登记的烤房群{own}没有改变，报110时照样会带上它。",
    "site_district_stays": "这是{site}（{area}）的二维码；您店铺登记的零售商圈{own}没有改变。",
    "site_bound_district": "已绑定零售商圈：{site}（{area}）。求助办事会转给负责这个片区的服务队。",
    "site_bound_place": "已绑定站点：{site}（{area}）。求助办事会转给负责这一带的服务队。",
    # A barn cluster's code scanned by a retailer or staff member: not bound (`_bind_site`).
    "site_barn_kept": "这是烤房群（{site}）的二维码，供烟农报110时带上烤房位置；{who}不绑定烤房群，您登记的地点没有改变。",
    "site_barn_town": "这是烤房群（{site}）的二维码，供烟农报110时带上烤房位置；{who}不绑定烤房群，只记下了所在乡镇：{area}，可以在「👤 登记信息」里改。",
    "site_barn_who_retailer": "零售户的店铺",
    "site_barn_who_staff": "职工",
    "site_unknown": "二维码无效或已停用，请联系站点工作人员。",
    "location_far": "您共享的位置不在我们的服务范围内（离最近的站点 {km:.0f} 公里）。请换一个位置，或用文字说明在哪里。",
    "location_matched": "已匹配到最近的站点：{site}（约 {km:.1f} 公里）。",
    # At registration, which takes a town pressed or named, or 跳过, but no other words.
    "reg_location_far": "您共享的位置不在我们的服务范围内（离最近的站点 {km:.0f} 公里）。请点下面的乡镇按钮，或直接回复乡镇名，也可以换一个位置；不想选就点「跳过」。",
    # A farmer's pin beyond the barn radius: no barn cluster bound, the town taken from it.
    "reg_location_no_barn": "您共享的位置附近 {radius} 公里内没有烤房群（最近的{site}约 {km:.1f} 公里），所在地记为{area}；报110时会再问您在哪个烤房。",
    # A pin within the service region but farther than the site radius from every site (a
    # farmer's: every barn cluster, {what}): no town guessed from it (the next county, the
    # road); the question waits.
    "reg_location_none_near": "您共享的位置离我们最近的{what}也有约 {km:.0f} 公里，看不出您在哪个乡镇，没有记下。请点下面的乡镇按钮，或直接回复乡镇名，也可以换一个位置；不想选就点「跳过」。",
    # A retailer's or staff member's pin with no site of theirs near in its town: the town only.
    "reg_location_town": "您共享的位置附近没有{what}，所在地记为{area}。",
    "reg_location_what_farmer": "烤房群",
    "reg_location_what_site": "站点",
    "reg_location_what_retailer": "零售商圈",
    "reg_location_what_staff": "收购站、办公点或零售商圈",
    # 110
    "e_what": "🚨 110 烘烤报警：请说明出了什么问题（文字、语音或照片都可以）。",
    "e_110_no_barn": (
        "🚨 110 是烟农烤房出故障时的 24 小时紧急报警，您登记为{who}，菜单里没有它。"
        "如果真是烤房出了紧急情况，请发 /110 加上情况（比如“/110 大坪烤房停电了”）；"
        "其他问题点「求助办事」，或直接发文字告诉我们。"
    ),
    "e_clipped": "内容很长，报警只带上了前 {limit} 字；其余的可以接着发，服务队会看到。",
    "e_what_again": (
        "🚨 请说一下烤房出了什么问题（比如“停电了”“风机不转”），发语音也可以。"
        "说不清楚就再回一句“报警”，马上通知值班服务队打电话给您。"
    ),
    "e_place_which_named": (
        "您说到了{names}。报警的是哪一处烤房？请点下面的烤房；两处都出了事，先点一处，"
        "另一处再发 /110 报警。"
    ),
    "e_where_after": "在哪个烤房？请点选、共享位置，或直接回复地点（比如“大坪”），服务队好尽快找到您；说不清就点「跳过」：",
    # A pin farther than the site radius from every barn tells no town: asked which barn.
    "e_where_pin_far": "您共享的位置离最近的烤房群（{site}）也有约 {km:.0f} 公里，看不出是哪个烤房，位置已一并告诉服务队。在哪个烤房？请点选、在烤房旁共享位置，或直接回复地点（比如“大坪”）；说不清就点「跳过」：",
    "e_place_added": "位置已告诉值班服务队（工单 {number}）：{place}。",
    "e_place_same": "这个位置已经告诉值班服务队了（工单 {number}），不用再发。",
    "e_place_skipped": "好的。报警已发出（工单 {number}），值班服务队会联系您确认位置；要撤回报警请用 /my。",
    "place_to_team": "🚨 工单 {number} 报告人告知位置：{place}",
    "place_moved_team": "工单 {number} 报告人告知位置：{place}，已转给 {team}，本队无需出动。",
    "skip": "跳过",
    "share_location": "📍 共享位置",
    "e_place_kept": "📍 位置已收到。请再说一句出了什么问题（打字、语音或照片都行），马上报警。",
    "alarm_check": "您说的情况，现在需要烘烤110服务队马上处理吗？",
    "alarm_check_again": "请点一下：现在需要烘烤110服务队马上处理，点「🚨 是，马上报警」；不需要马上处理，点「{no}」。",
    "alarm_check_called_off": "好的，没有报警，这条也没有提交。烤房出了紧急情况，随时点 🚨110 或发 /110。",
    "btn_alarm_now": "🚨 是，马上报警",
    "btn_alarm_not_now": "不是，只是咨询",
    "btn_alarm_not_now_as": "不是，按{kind}提交",
    "btn_alarm_not_now_commented": "不是，现在没事",
    "alarm_check_file_kept": "已收到，和您说的情况放在一起。现在需要烘烤110服务队马上处理吗？请点下面的按钮。",
    "alarm_check_again_commented": "请点一下：现在需要烘烤110服务队马上处理，点「🚨 是，马上报警」；现在没事，点「不是，现在没事」。",
    "alarm_check_comment_kept": "好的，没有报警。您说的已经记下，会转给负责人。烤房出了紧急情况，随时点 🚨110 或发 /110。",
    "e_danger": "⚠️ 有明火或有人触电、受伤时，请先顾人身安全：马上拨打 119（火警）或 120（急救），能做到时先切断电源，不要靠近。",
    "e_created": "🚨 已报警，工单号 {number}。\n值班服务队（{team}）已收到通知，会尽快联系您{phone_hint}。\n情况有变化可以直接发消息补充。",
    "e_phone_hint": "（电话 {phone}）",
    # request-like flows
    # 好了 or 好的 typed where the request's words are asked for: not taken as them.
    "describe_ack_only": "收到“{words}”。还没有记下要办的事，请再说一下是什么事情。",
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
    # Words that read as the other kind of what was chosen (/suggest, then 投诉配送员迟到):
    # the person's choice stays one tap away, the other kind is offered beside it.
    "kind_read_otherwise": "这像是一件{other}，不像{kind}。要改为按{other}提交吗？",
    # Words that plainly ask for a service (/suggest, then 我的许可证快到期了，要办延续).
    "kind_read_as_request": "这像是一件要办理的事，不像{kind}。要改为按{other}提交吗？",
    "submit_as_chosen": "✅ 仍按{kind}提交",
    "switch_kind": "🔁 改为{other}",
    "edit": "✏️ 修改",
    "abort": "✖️ 取消",
    "created": "已提交，工单号 {number}，已转给 {team}。办理进展会通知您，也可以用 /my 查看。",
    # A wish and a suggestion as their requester calls them (`core.texts.called`).
    "created_wish": (
        "已提交，心愿 {number} 已记入心愿清单，转给 {team}，办好后销号。"
        "办理进展会通知您，也可以用 /my 查看。"
    ),
    "created_suggestion": (
        "已提交，建议 {number} 已转给 {team}。有答复会通知您，也可以用 /my 查看。"
    ),
    # A complaint (`core.complainant`): 匿名 offered at its summary; who reads the
    # complainant's details said once it is filed.
    # What is hidden named as the complainant has it: a shop is a retailer's alone.
    "anon_offer": (
        "🙈 也可以「匿名提交」：办理人员、领导和台账都看不到您的姓名和电话，"
        "进展照样通知您，您也照样可以补充、确认和评价。"
    ),
    "anon_offer_shop": (
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
    # How a wish list was read, under its items at the summary (handlers/wish_items.py).
    "wish_items_empty": "（您写的第{numbers}项没有内容，没有记入）",
    "wish_items_repeated": "（您写的第{number}项和第{first}项一样，只记一次）",
    "wish_item_written_again": "（您写的第{number}项写了两遍，只记一次）",
    "wish_items_numbered_twice": "（有两项都编为第{numbers}项，两项都记入，按上面的顺序编号）",
    "wish_list_too_long": (
        "（这份清单有 {count} 项，一次最多分 {limit} 项记入心愿清单。请点「修改」删减到 "
        "{limit} 项以内，其余的提交后再用 /wish 另发一份；或点「作为一项提交」，整份作为一个心愿）"
    ),
    "draft_filed_already": (
        "这份内容已经提交过了，工单号 {numbers}，不用再提交。办理进展可以用 /my 查看，"
        "要补充请在 /my 里点「➕ 补充」。"
    ),
    "free_text_confirm": "要把这条消息作为「{kind}」提交吗？",
    "about_open_confirm": (
        "您的工单 {number} 正在办理中。这条消息是对它的补充，还是一件新的事？"
        "是补充请点「{button}」，服务队会直接看到；是新的事请点「✅ 作为新工单提交」。"
    ),
    "chase_unaccepted": (
        "您的工单 {number} 还没有人接单（{status}）。{done}要催{team}，请点「➕ 补充到工单 {number}」，"
        "服务队会直接看到您的话；是新的事请点「✅ 作为新工单提交」。"
    ),
    "chase_reminded": "系统已催办 {count} 次，最近一次在 {at}。",
    "chase_will_remind": "接单时限是 {due}，到时还没有人接单，系统会自动催办。",
    "chase_due_passed": "接单时限 {due} 已过，系统马上会催办服务队。",
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
    # The summary shown again (「更多…」) after the team resolved tickets it offers: their
    # buttons read 「❌ 工单 N 还没解决」, and so does the lead; of every one of them, or of
    # those among the tickets in hand.
    "about_resolved_confirm": (
        "您的工单 {number} 已办结，等您确认。这条消息是说还没解决，还是一件新的事？"
        "是说还没解决请点{button}；是新的事请点「✅ 作为新工单提交」。"
    ),
    "about_resolved_note": "其中工单 {number} 已办结、等您确认：是说它还没解决，请点{button}。",
    "not_solved_buttons": "那张工单的「❌ 还没解决」",
    "add_to_more": "更多…（还有 {count} 张工单）",
    # A ticket offered to add to, resolved since: its button asks whether it is not solved.
    "add_not_solved": "❌ 工单 {number} 还没解决",
    "add_to_ticket": "➕ 补充到工单 {number}",
    "add_to_ticket_of_team": "➕ 补充到工单 {number}（{team}）",
    "submit_new": "✅ 作为新工单提交",
    "draft_added_already": "这条消息已经补充到工单 {number} 了，服务队会看到，不用再点。",
    "confirm_added": "已补充。请再看一下，没问题就点「提交」。",
    "confirm_outdated": "您点的是修改前的按钮，内容已经改过。请看一下现在的内容，没问题就点下面的按钮提交。",
    "confirm_unchanged": "内容没有改动。没问题就点「提交」；还有要补充的详情，直接发过来。",
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
    "unsupported_words_read": (
        "暂不支持这种消息（{what}），它本身不会保存，附带的文字照常读取；图片请按照片发送。"
    ),
    "kind_of_sticker": "贴纸",
    "kind_of_animation": "动图",
    "kind_of_document": "文件",
    "kind_of_video": "视频",
    "kind_of_video_note": "视频消息",
    "kind_of_audio": "音频",
    "kind_of_poll": "投票",
    "kind_of_dice": "骰子",
    "kind_of_story": "转发的动态",
    "kind_of_game": "游戏",
    "kind_of_other": "这类消息",
    "unknown_command": "没有 /{name} 这个命令。",
    "need_text": "请先用文字（或语音、照片）说明情况。",
    "media_kept": "已收到。请再用文字或语音说明一下情况（发生了什么、在哪里），我们才好转给对应的服务队。",
    "voice_taken": "已收到语音留言，工作人员会听。还可以再发照片或共享位置；没有的话点「下一步」。",
    "voice_only": "[语音留言]",
    "why_by_hand": "将由工作人员看过后分派给对应的部门",
    "why_about_overseer": "您提到了{words}，投诉的是{team}的人员，不由他们自查，由督办人员安排",
    "why_words": "您提到了{words}，这类事由{line}办理",
    "why_line": "这类事由{line}办理",
    "why_continues": "工单 {number} 的问题又出现了，仍由{line}办理",
    "stale_button": "这个按钮已失效，请重新操作。",
    "error": "系统繁忙，刚才的操作没有成功，请稍后再试。烘烤紧急情况可再发一次 /110。",
}
