/** メールアドレスの変更、その取り消し、「自分ではない」: ページ、/login のお知らせ、メール。 */
export const recovery = {
  "notice.locked_down":
    "このアカウントのすべてのセッションからログアウトしました。もう一度ログインするには新しいパスワードを設定してください。",
  "notice.email_changed": "アカウントのメールアドレスが変更されたため、ログアウトしました。",
  "refusal.resetRequired":
    "このアカウントには、まず新しいパスワードが必要です（所有者または管理者が保護しました）。もう一度ログインするには「パスワードをお忘れですか?」から新しいパスワードを設定してください。",
  "wasntMe.title": "自分ではない",
  "wasntMe.intro":
    "メールでお知らせした変更に心当たりがない場合は、今すぐアカウントを保護してください。次のことを行います:",
  "wasntMe.signOut": "すべての端末のすべてのセッションを直ちにログアウトします。",
  "wasntMe.voidLinks": "送信済みのパスワード再設定リンクとコードをすべて無効にします。",
  "wasntMe.revertEmail": "アカウントのメールアドレスの変更を取り消します。",
  "wasntMe.askReset": "次にログインする前に新しいパスワードの設定を求めます。",
  "wasntMe.button": "アカウントを保護する",
  "wasntMe.doneHeading": "アカウントを保護しました",
  "wasntMe.done":
    "すべてのセッションをログアウトしました。もう一度ログインするには、アカウントのメールアドレス宛てに再設定リンクを請求し、新しいパスワードを設定してください。",
  "wasntMe.askLink": "新しいパスワードを設定する",
  "wasntMe.invalid":
    "このリンクは無効か、使用済みか、有効期限が切れています。まだ誰かがアカウントにいると思われる場合は、パスワードを再設定してください。",
  "emailChange.heading": "メールアドレス",
  "emailChange.current": "{email} でログインしています。",
  "emailChange.newLabel": "新しいメールアドレス",
  "emailChange.codeLabel": "認証アプリのコード",
  "emailChange.submit": "メールアドレスを変更",
  "emailChange.sent": "{email} に確認リンクを送信しました。60 分以内に開かれるまで何も変わりません。",
  "emailChange.same": "それはすでにあなたのメールアドレスです。",
  "emailChange.confirmTitle": "新しいメールアドレスの確認",
  "emailChange.confirmIntro": "今後このアカウントにこのアドレスでログインしますか?",
  "emailChange.confirmButton": "確認する",
  "emailChange.confirmed": "メールアドレスは {email} になりました。今後はこのアドレスでログインしてください。",
  "emailChange.confirmInvalid":
    "このリンクは無効か、使用済みか、有効期限 (60 分) が切れています。アカウントページからもう一度変更を申請してください。",
  "emailChange.confirmTaken": "このアドレスは別のアカウントで使用されているため、変更は行われませんでした。",
  "emailChange.revertTitle": "メールアドレスの変更を取り消す",
  "emailChange.revertIntro":
    "アカウントのメールアドレスが変更されました。取り消すと、アドレスはこのアドレスに戻り、すべてのセッションがログアウトされ、ログインには新しいパスワードが必要になります。",
  "emailChange.revertButton": "変更を取り消してアカウントを保護する",
  "emailChange.reverted":
    "変更を取り消しました。アカウントのアドレスは再び {email} です。ログインするには新しいパスワードを設定してください。",
  "emailChange.revertTaken":
    "変更を取り消せませんでした。{email} は別のアカウントで使用されています。それでも、すべてのセッションはログアウトしました。",
  "emailChange.revertInvalid": "このリンクは無効か、使用済みか、有効期限 (7 日) が切れています。",
  "account.event.accountLockedDown": "アカウントを保護 (「自分ではない」)",
  "account.event.emailChangeRequested": "メールアドレスの変更を申請",
  "account.event.emailChanged": "メールアドレスを変更",
  "account.event.emailChangeReverted": "メールアドレスの変更を取り消し",
  "email.emailChange.confirm.subject": "新しいメールアドレスを確認してください",
  "email.emailChange.confirm.intro":
    "今後このアドレスでアカウントにログインするよう申請がありました。ご本人の場合は確認してください:",
  "email.emailChange.confirm.button": "新しいアドレスを確認する",
  "email.emailChange.confirm.expiry":
    "このリンクの有効期間は {lifetime} です。心当たりがない場合は、このメールを無視してください。何も変わりません。",
  "email.emailChange.asked.subject": "メールアドレスの変更が申請されました",
  "email.emailChange.asked.what":
    "{when} に {from} から、アカウントにログイン中の誰かがメールアドレスを {email} に変更するよう申請しました。新しいアドレスが 60 分以内に確認しない限り、何も変わりません。",
  "email.emailChange.done.subject": "メールアドレスが変更されました",
  "email.emailChange.done.what":
    "{when} に {from} から、アカウントのメールアドレスが {email} に変更されました。このアドレスには今後アカウントのメールが届きません。",
  "email.emailChange.done.revert": "心当たりがない場合は、変更を取り消してください (リンクの有効期間は 7 日): {url}",
  "email.emailChange.done.revertButton": "変更を取り消す",
  "email.emailChange.reverted.subject": "メールアドレスの変更が取り消されました",
  "email.emailChange.reverted.what":
    "{when} に {from} から、アカウントのメールアドレスの変更が取り消され、再び {email} になりました。すべてのセッションはログアウトしました。ログインするには新しいパスワードを設定してください。",
  "email.wasntMe.text": "心当たりがない場合は、ワンクリックでアカウントを保護できます (リンクの有効期間は 7 日): {url}",
  "email.wasntMe.html": "心当たりがない場合: {link} (リンクの有効期間は 7 日)。",
  "email.wasntMe.button": "アカウントを保護する",
} as const;
