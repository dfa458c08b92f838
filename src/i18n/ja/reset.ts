/** The forgot, reset, code and dead-link pages. */
import type { reset as english } from "../en/reset";
import type { Section } from "../types";

export const reset: Section<typeof english, "ja"> = {
  "reset.forgotTitle": "パスワードを忘れた場合",
  "reset.forgotHeading": "パスワードをお忘れですか？",
  "reset.forgotIntro":
    "アカウントのメールアドレスを入力してください。パスワードを再設定するためのリンクをお送りします。",
  "reset.sendInstructions": "再設定メールを送信",
  "reset.backToSignIn": "ログインに戻る",
  "reset.sentTitle": "メールを確認してください",
  "reset.sentNotice":
    "{email} のアカウントが存在する場合は、パスワード再設定の手順を記載したメールをそのアドレスに送信しました。",
  "reset.sentValidity":
    "メール内のリンクの有効期間は {lifetime}で、1 回のみ使用できます。数分経ってもメールが届かない場合は、迷惑メールフォルダを確認してください。",
  "reset.otherDevice": "別のデバイスでメールをご覧の場合は、メールに記載されたコードも使用できます。{link}。",
  "reset.otherDeviceLink": "こちらから入力してください",
  "reset.sendAgain": "再送信",
  "reset.resetTitle": "パスワードを再設定",
  "reset.resetIntro":
    "新しいパスワードを設定してください。このアカウントにログインしているすべてのデバイスがログアウトされます。",
  "reset.newPassword": "新しいパスワード",
  "reset.confirmNewPassword": "新しいパスワード（確認）",
  "reset.resetSubmit": "パスワードを再設定",
  "reset.tooManyAttempts": "試行回数が多すぎます。1 分ほど待ってからもう一度お試しください。",
  "reset.enterAppCode": "アプリに表示されたコードを入力してください。",
  "reset.deadTitle": "このリンクは使用できません",
  "reset.sendNewLink": "新しいリンクを送信",
  "reset.deadExpired": "このリンクは有効期限が切れています",
  "reset.deadUsed": "このリンクはすでに使用されています",
  "reset.deadReplaced": "このリンクは新しいリンクに置き換えられました",
  "reset.deadPasswordChanged": "リンクの送信後にパスワードが変更されました",
  "reset.deadInvalid": "このリンクは無効です",
  "reset.whyExpired": "再設定リンクの有効期間は {lifetime}です。このリンクは {at} に有効期限が切れました。",
  "reset.whyUsed":
    "このリンクは {at} にパスワードの再設定に使用されました。そのパスワードでログインしてください。心当たりがない場合は、新しいリンクを送信して、もう一度パスワードを再設定してください。",
  "reset.whyReplaced":
    "{at} に別のメールがリクエストされたため、このリンクは置き換えられました。最新のメールに記載されたリンクを使用するか、新しいリンクを送信してください。",
  "reset.whyPasswordChanged":
    "このリンクの送信後、{at} にパスワードが変更されたため、このリンクは使用できなくなりました。",
  "reset.whyInvalid":
    "リンクが途中で切れている可能性があります。メールに記載されたリンク全体を開いたかを確認するか、新しいリンクをリクエストしてください。",
  "reset.newLinkNotice": "以前のリンクの送信先と同じアドレスに、新しいリンクを送信しました。",
  "reset.newLinkValidity":
    "新しいリンクの有効期間は {lifetime}で、1 回のみ使用できます。数分経ってもメールが届かない場合は、迷惑メールフォルダを確認してください。",
  "reset.codeTitle": "コードを入力",
  "reset.codeIntro":
    "再設定メールには、リンクとその下に 8 文字のコードが記載されています。このデバイスでパスワードを再設定するには、ここにコードを入力してください。",
  "reset.codeLabel": "コード",
  "reset.codeHint": "例：ABCD-EFGH（大文字と小文字の違いや、ハイフンの有無は問いません）",
  "reset.codeSubmit": "続行",
  "reset.sendNewEmail": "新しいメールを送信",
  "reset.codeEnterEmail": "コードが送信されたメールアドレスを入力してください。",
  "reset.codeEnterCode": "メールに記載されたコードを入力してください。",
  "reset.codeWrong": "コードが正しくありません。最新のメールに記載されたコードを確認して、もう一度お試しください。",
  "reset.codeStoppedHere":
    "このネットワークから誤ったコードが多すぎるため、ここからはコードを受け付けません。代わりにメールのリンクを使用してください。",
  "reset.codeDead":
    "誤ったコードの入力が多すぎたため、このコードは使用できなくなりました。新しいメールをリクエストしてください。",
};
