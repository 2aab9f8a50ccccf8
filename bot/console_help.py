"""The console demo's own commands, for its `:help` and for `jinye110 demo --help` (kept
apart from the console so that the command line's help imports nothing heavy)."""

from __future__ import annotations

HELP = """命令 (commands):
  :as NAME        切换身份 switch persona (:who 列出 lists them): farmer retailer staff,
                  member leader (烘烤110),
                  growing-member growing-leader (烟叶生产技术服务组),
                  purchase-member purchase-leader (烟叶收购服务组),
                  wish-member wish-leader (工会职工服务站),
                  delivery-member delivery-leader (物流配送中心),
                  ordering-member ordering-leader (营销服务部),
                  monopoly-member monopoly-leader (专卖管理所),
                  conduct-member conduct-leader (纪检作风监督室), supervisor,
                  desk (督办分派台: the supervisor in its chat, to 需补充 or 转派 there)
  :private        在与机器人的私聊中输入 type in the persona's private chat with the bot
                  (a team persona: /start there, or pages and alerts cannot reach them,
                  as on Telegram; :as NAME goes back to the group)
  :press N        按第 N 个按钮（编号一直有效）press button N, any shown so far (or type #N);
                  在私聊里点了按钮，接着就在私聊里输入 (a team persona then types there)
                  只能按自己所在聊天里的按钮 (only those in the persona's chats)
  :contact        共享自己的手机号 share own phone   :contact-other  共享别人的号码
  :loc LAT LON    共享位置 share a location (e.g. :loc 26.51 106.70)
  :photo  :voice  :sticker   发照片/语音/贴纸 send a photo / voice note / sticker
  :reply N TEXT   回复第 #N 条消息 reply to message #N (as Telegram's 回复)
  :later MIN      时间快进 MIN 分钟，看催办、督办和回音壁 move the clock on, run the
                  SLA sweep and post newly closed tickets to the echo wall
  :who            列出身份 list the personas   :help  :quit
其他输入作为消息发送；/start /110 /new /my /help ... 都可以用。"""
