/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
import type { notices as english } from "../en/notices";
import type { Section } from "../types";

export const notices: Section<typeof english, "ja"> = {
  "notices.recoveryCode.subject": "リカバリーコードが使用されました",
  "notices.recoveryCode.what": "{when}に{from}から、あなたのアカウントでリカバリーコードが使用されました。",
  "notices.recoveryCode.left": { other: "残りのリカバリーコードは {count} 個です。" },
  "notices.recoveryCode.makeNew": "なくなる前に、アカウントページで新しいコードを作成してください：{url}",
  "notices.recoveryCode.notYou":
    "心当たりがない場合、誰かがあなたのパスワードとリカバリーコードを持っています。すぐに {url} でパスワードを再設定し、新しいリカバリーコードを作成してください。",
  "notices.newDevice.subject": "新しいデバイスからのサインイン",
  "notices.newDevice.what":
    "{when}に{from}から、あなたのアカウントにサインインがありました。これまでサインインしたことのないブラウザで、アカウントが30日間使っていないネットワークからです。",
  "notices.newDevice.ifYou": "ご本人の場合、何もする必要はありません。このメールは {url} で停止できます",
  "notices.newDevice.notYou":
    "心当たりがない場合、誰かがあなたのパスワードを持っています。すぐに {url} で再設定してください。再設定するとすべてのデバイスがサインアウトされます。",
  "notices.account.heading": "新しいデバイスからのサインイン",
  "notices.account.on":
    "これまでサインインしたことのないブラウザで、30日間使っていないネットワークからアカウントにサインインがあると、メールでお知らせします。",
  "notices.account.off": "新しいデバイスからのサインインのお知らせメールはオフです。",
  "notices.account.turnOff": "このメールをオフにする",
  "notices.account.turnOn": "このメールをオンにする",
  "notices.account.doneOn": "新しいデバイスからのサインインのお知らせメールをオンにしました。",
  "notices.account.doneOff": "新しいデバイスからのサインインのお知らせメールをオフにしました。",
  "notices.event.newDevice": "新しいデバイスからのサインイン（メールで通知）",
  "notices.event.alertsOn": "新しいデバイスのお知らせメールをオン",
  "notices.event.alertsOff": "新しいデバイスのお知らせメールをオフ",
};
