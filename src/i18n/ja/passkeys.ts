/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
import type { passkeys as english } from "../en/passkeys";
import type { Section } from "../types";

export const passkeys: Section<typeof english, "ja"> = {
  "passkeys.heading": "パスキー",
  "passkeys.intro":
    "パスキーを使うと、パスワードの代わりにデバイスの画面ロック（指紋・顔・PIN）でログインできます。フィッシングされることも推測されることもありません。",
  "passkeys.none": "パスキーはまだありません。",
  "passkeys.times": "追加：{added} · 最終使用：{used}",
  "passkeys.neverUsed": "なし",
  "passkeys.nameLabel": "名前",
  "passkeys.rename": "名前を変更",
  "passkeys.remove": "削除",
  "passkeys.removeIntro":
    "パスキーを削除するには、パスワード（2段階認証が有効ならコードも）か、お持ちのパスキーで確認してください。",
  "passkeys.removeWithPasskey": "パスキーで確認して削除",
  "passkeys.add": "パスキーを追加",
  "passkeys.addIntro": "パスワード（2段階認証が有効ならアプリのコードも）で確認し、ブラウザの案内に従ってください。",
  "passkeys.codeLabel": "認証コード（2段階認証）",
  "passkeys.needsScript":
    "パスキーにはこのブラウザの JavaScript が必要です。有効にするか、パスワードで続けてください。",
  "passkeys.limit": "1つのアカウントに登録できるパスキーは10個までです。追加するには1つ削除してください。",
  "passkeys.refused": "このパスキーは使えませんでした。もう一度お試しください。",
  "passkeys.cancelled": "ブラウザはパスキーを作成しませんでした。準備ができたらもう一度お試しください。",
  "passkeys.nameInvalid": "パスキーの名前は64文字以内にしてください。",
  "passkeys.noticeAdded": "パスキーを追加しました。今後はこのパスキーでログインできます。",
  "passkeys.noticeRenamed": "パスキーの名前を変更しました。",
  "passkeys.noticeRemoved": "パスキーを削除しました。",
  "passkeys.signIn": "パスキーでログイン",
  "notice.passkey_refused": "このパスキーではログインできませんでした。もう一度試すか、パスワードを使ってください。",
  "notice.passkey_expired": "パスキーの要求が期限切れになりました。もう一度お試しください。",
  "notice.passkey_limited":
    "お使いのネットワークからのパスキーの試行が多すぎます。15分待つか、パスワードを使ってください。",
  "passkeys.event.added": "パスキーを追加",
  "passkeys.event.removed": "パスキーを削除",
  "passkeys.method.password": "パスワードで",
  "passkeys.method.passwordCode": "パスワードとコードで",
  "passkeys.method.passwordPasskey": "パスワードとパスキーで",
  "passkeys.method.passkey": "パスキーで",
  "passkeys.secondStep": "コードの代わりにパスキーも使えます。",
  "passkeys.usePasskey": "パスキーを使う",
  "passkeys.offerHeading": "パスキーを追加しますか？",
  "passkeys.offerText":
    "パスワードを変更しました。パスキーがあれば次回はパスワードなしでログインでき、フィッシングされることもありません。",
  "passkeys.offerSkip": "今はしない",
  "email.twoFactor.passkey_added.subject": "アカウントにパスキーが追加されました",
  "email.twoFactor.passkey_added.what":
    "{when} に {from} からの操作で、アカウントにパスキーが追加されました。このパスキーではパスワードなしでログインできます。",
  "email.twoFactor.passkey_removed.subject": "アカウントからパスキーが削除されました",
  "email.twoFactor.passkey_removed.what": "{when} に {from} からの操作で、アカウントからパスキーが削除されました。",
  "email.passkey.name": "パスキー：{name}",
};
