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
  "notices.secondAddress.added.subject": "アカウントに2つ目のアドレスが追加されました",
  "notices.secondAddress.added.what":
    "{when}に{from}から、アカウントのセキュリティメール用の2つ目のアドレスが追加されました。",
  "notices.secondAddress.removed.subject": "アカウントの2つ目のアドレスが削除されました",
  "notices.secondAddress.removed.what":
    "{when}に{from}から、アカウントのセキュリティメール用の2つ目のアドレスが削除されました。",
  "notices.secondAddress.address": "アドレス：{address}",
  "notices.secondAddress.notYou":
    "心当たりがない場合、誰かがあなたのパスワードを持っています。すぐに {url} で再設定し、アカウントページでアドレスを確認してください。",
  "notices.secondAddress.verify.subject": "2つ目のアドレスを確認してください",
  "notices.secondAddress.verify.intro":
    "誰か（おそらくあなた）が、このアドレスをアカウントのセキュリティメール用の2つ目のアドレスとして追加するよう依頼しました。",
  "notices.secondAddress.verify.open": "確認するには、1日以内にこのリンクを開いてください：",
  "notices.secondAddress.verify.ignore": "心当たりがない場合は、このメールを無視してください。何も変わりません。",
  "notices.secondAddress.heading": "2つ目のアドレス",
  "notices.secondAddress.none":
    "2つ目のアドレスを追加すると、すべてのセキュリティメールがそこにも届き、そのアドレスからパスワードの再設定を依頼できます。",
  "notices.secondAddress.current":
    "セキュリティメールは {address} にも届き、そのアドレスからパスワードの再設定を依頼できます。",
  "notices.secondAddress.addressLabel": "2つ目のアドレス",
  "notices.secondAddress.passwordLabel": "現在のパスワード",
  "notices.secondAddress.add": "確認リンクを送信",
  "notices.secondAddress.remove": "このアドレスを削除",
  "notices.secondAddress.sent": "{address} に確認リンクを送信しました。リンクが開かれると追加されます。",
  "notices.secondAddress.removedDone": "2つ目のアドレスを削除しました。",
  "notices.secondAddress.same": "それはすでにアカウントのアドレスです。",
  "notices.secondAddress.confirmText": "{address} をアカウントの2つ目のアドレスとして追加しますか？",
  "notices.secondAddress.confirmButton": "確認する",
  "notices.secondAddress.confirmed": "{address} がアカウントの2つ目のアドレスになりました。",
  "notices.secondAddress.deadLink":
    "このリンクは無効か期限切れです。アカウントページで新しいリンクを依頼してください。",
  "notices.secondAddress.taken": "このアドレスは2つ目のアドレスとして使えません。",
  "notices.event.secondRequested": "2つ目のアドレスを依頼（リンク送信）",
  "notices.event.secondAdded": "2つ目のアドレスを追加",
  "notices.event.secondRemoved": "2つ目のアドレスを削除",
};
