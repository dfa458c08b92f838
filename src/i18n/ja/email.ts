/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
import type { email as english } from "../en/email";
import type { Section } from "../types";

export const email: Section<typeof english, "ja"> = {
  "email.from": "{ip}（{device}）",
  "email.unknownAddress": "不明な IP アドレス",
  "email.device.unknown": "不明なデバイス",
  "email.device.unknownBrowser": "不明なブラウザ",
  "email.device.on": "{system}の{browser}",
  "email.reset.subject": "パスワードの再設定",
  "email.reset.intro": "お客様のアカウントのパスワード再設定がリクエストされました。",
  "email.reset.openLink": "新しいパスワードを設定するには、次のリンクを開いてください：",
  "email.reset.button": "パスワードを再設定",
  "email.reset.paste": "または、次のリンクをブラウザに貼り付けてください：",
  "email.reset.otherDevice": "別のデバイスで再設定する場合は、{url} で次のコードを入力してください：",
  "email.reset.expiry":
    "リンクとコードは 1 回のみ使用できます（どちらかを使用すると両方とも無効になります）。有効期限はリクエストから {lifetime}です。",
  "email.reset.requested": "{when} に {from} からリクエストされました。",
  "email.reset.expired": "リンクの有効期限が切れている場合は、次のページで新しいリンクをリクエストしてください：{url}",
  "email.reset.expiredLink": "リンクの有効期限が切れている場合は、{link}。",
  "email.reset.askNew": "新しいリンクをリクエストしてください",
  "email.reset.ignore":
    "このリクエストに心当たりがない場合は、このメールを無視してください。パスワードは変更されません。",
  "email.changed.subject": "パスワードが変更されました",
  "email.changed.what": "{when} に {from} から、アカウントのパスワードが変更されました。",
  "email.changed.keptSession":
    "ログインしていたほかのすべてのデバイスはログアウトされました。パスワードを変更したデバイスはログインしたままです。",
  "email.changed.allSignedOut": "ログインしていたすべてのデバイスはログアウトされました。",
  "email.changed.notYou":
    "心当たりがない場合は、すぐに {url} でパスワードを再設定し、メールアカウントのセキュリティを確認してください。",
  "email.changed.notYouLink": "心当たりがない場合は、{link}。また、メールアカウントのセキュリティを確認してください。",
  "email.changed.resetNow": "すぐにパスワードを再設定してください",
  "email.twoFactor.enabled.subject": "2 段階認証がオンになりました",
  "email.twoFactor.enabled.what": "{when} に {from} からの操作で、アカウントの 2 段階認証がオンになりました。",
  "email.twoFactor.disabled.subject": "2 段階認証がオフになりました",
  "email.twoFactor.disabled.what": "{when} に {from} からの操作で、アカウントの 2 段階認証がオフになりました。",
  "email.twoFactor.recovery_codes.subject": "新しいリカバリーコードが作成されました",
  "email.twoFactor.recovery_codes.what":
    "{when} に {from} から、アカウントの新しいリカバリーコードが作成されました。以前のコードは使用できなくなりました。",
  "email.twoFactor.codes_locked.subject": "アカウントで誤った認証コードが入力されました",
  "email.twoFactor.codes_locked.what":
    "{when} に {from} から、誰かがパスワードを使用してアカウントにログインし、誤った認証コードを 5 回入力しました。そのため、しばらくの間ログインではコードを受け付けません（繰り返されるたびに長くなります）。",
  "email.twoFactor.reset_codes_locked.subject": "パスワード再設定で誤った認証コードが入力されました",
  "email.twoFactor.reset_codes_locked.what":
    "{when} に {from} から、誰かがアカウントのパスワード再設定を開き、誤った認証コードを 5 回入力しました。そのため、しばらくの間パスワード再設定ではコードを受け付けません（繰り返されるたびに長くなります）。",
  "email.twoFactor.warning":
    "心当たりがない場合は、第三者にパスワードを知られている可能性があります。すぐに {url} でパスワードを再設定してください。",
  "email.twoFactor.codes_locked.warning":
    "心当たりがない場合は、第三者にパスワードを知られています。{url} でパスワードを再設定してください。再設定では今もアプリのコードまたはリカバリーコードを使用でき、このロックも解除されます。",
  "email.twoFactor.reset_codes_locked.warning":
    "心当たりがない場合は、第三者があなたのメールを読める状態です。まずメールアカウントを保護してください。パスワードとコードによるログインは引き続き利用でき、パスワードはアカウントページで変更できます。",
};
