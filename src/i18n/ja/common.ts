/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
import type { common as english } from "../en/common";
import type { Section } from "../types";

export const common: Section<typeof english, "ja"> = {
  "layout.brand": "アカウント",
  "layout.title": "{title} · アカウント",
  "layout.language": "言語",
  "field.passwordHint": {
    other: "{count} 文字以上にしてください。長いフレーズがおすすめです。ほかに条件はありません。",
  },
  "field.passwordCount": { other: "{typed} 文字（{count} 文字以上）" },
  "field.passwordGood": "問題ありません。",
  "field.mismatch": "パスワードが一致しません。",
  "field.copied": "コピーしました",
  "field.invalid": "この項目を確認してください。このフォームでは使用できない値です。",
  "field.enterEmail": "有効なメールアドレスを入力してください。",
  "field.enterPassword": "パスワードを入力してください。",
  "field.enterCurrentPassword": "現在のパスワードを入力してください。",
  "password.too_short": { other: "パスワードは {count} 文字以上にしてください。" },
  "password.too_long": { other: "パスワードは {count} 文字以下にしてください。" },
  "password.common":
    "このパスワードはよく使われているか、推測されやすいものです（よく知られたパスワード、同じ文字の繰り返し、連続した文字列など）。推測されにくいパスワードを選んでください。",
  "password.matches_email": "メールアドレスと同じパスワードは使用できません。",
  "password.breached": "このパスワードは過去のデータ侵害で流出しています。別のパスワードを選んでください。",
  "password.breach_check_unavailable":
    "現在、パスワードが既知の流出データに含まれていないかを確認できません。しばらくしてからもう一度お試しください。",
  "refusal.invalidCredentials":
    "メールアドレスまたはパスワードが正しくありません。もう一度お試しいただくか、パスワードを再設定してください。",
  "refusal.tooManyAttempts":
    "試行回数が多すぎます。数分待ってからもう一度お試しいただくか、パスワードを再設定してください。",
  "refusal.tooManyRequests":
    "お使いのネットワークからのリクエストが多すぎます。1 分ほど待ってからもう一度お試しください。",
  "refusal.invalidLink": "このパスワード再設定リンクは無効か、有効期限が切れているか、すでに使用されています。",
  "refusal.emailTaken":
    "このメールアドレスのアカウントはすでに存在します。ログインするか、パスワードを再設定してください。",
  "refusal.locked":
    "ログインの試行回数が多すぎます。以前ログインしたことのあるブラウザーからログインするか、{wait}後にもう一度お試しください。",
  "refusal.codeRequired": "認証アプリに表示される 6 桁のコード、またはリカバリーコードを入力してください。",
  "refusal.codeWrong":
    "コードが正しくないか、すでに使用されています。アプリに表示されている現在のコード、またはリカバリーコードを入力してください。",
  "refusal.codeLocked": "誤ったコードの入力が多すぎます。{wait}後にもう一度お試しください。",
  "refusal.notCurrentPassword": "現在のパスワードが正しくありません。",
  "refusal.changedElsewhere": "少し前に別の場所でパスワードが変更されました。ここでは何も変更されていません。",
  "refusal.sessionEnded": "セッションが終了しました。もう一度ログインしてください。",
  "error.notFound.title": "ページが見つかりません",
  "error.notFound.text": "このアドレスにはページがありません。",
  "error.unavailable.title": "もう一度お試しください",
  "error.unavailable.text": "現在、パスワードを変更できません。しばらくしてから、同じリンクでもう一度お試しください。",
  "error.forbidden.title": "リクエストが拒否されました",
  "error.forbidden.text": "このフォームは別のサイトから送信されたため、受け付けられませんでした。",
  "error.tooLarge.title": "リクエストが大きすぎます",
  "error.tooLarge.text": "送信されたフォームが、このサイトで受け付けられるサイズを超えています。",
  "error.failed.title": "問題が発生しました",
  "error.failed.text": "前のページに戻って、もう一度お試しください。",
  "error.back": "ログインページへ",
};
