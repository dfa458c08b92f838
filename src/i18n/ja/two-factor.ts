/** Two-factor sign-in: set-up, the code step, recovery codes. */
import type { twoFactor as english } from "../en/two-factor";
import type { Section } from "../types";

export const twoFactor: Section<typeof english, "ja"> = {
  "twoFactor.title": "2 段階認証",
  "twoFactor.stepSignIn": "ログインを完了するには、認証アプリに表示される 6 桁のコードを入力してください。",
  "twoFactor.stepReset":
    "このアカウントでは 2 段階認証がオンになっています。新しいパスワードを設定する前に、認証アプリに表示される 6 桁のコードを入力してください。",
  "twoFactor.codeLabel": "認証コード",
  "twoFactor.codeHint": "スマートフォンが手元にない場合は、代わりにリカバリーコードを入力してください。",
  "twoFactor.verify": "確認",
  "twoFactor.continue": "続行",
  "twoFactor.lostLink": "デバイスとリカバリーコードを紛失した場合",
  "twoFactor.enterCode": "アプリに表示されたコードを入力してください。",
  "twoFactor.notYourPassword": "パスワードが正しくありません。",
  "twoFactor.setup.title": "2 段階認証を設定",
  "twoFactor.setup.scan":
    "認証アプリ（1Password、Google Authenticator、Authy、Microsoft Authenticator など）でこの QR コードをスキャンしてください。",
  "twoFactor.setup.qrAlt": "認証アプリ用の QR コード",
  "twoFactor.setup.typeKey": "または、次のセットアップキーをアプリに入力してください：{key}",
  "twoFactor.setup.code": "アプリに表示される 6 桁のコード",
  "twoFactor.yourPassword": "パスワード",
  "twoFactor.setup.submit": "オンにする",
  "twoFactor.setup.cancel": "キャンセル",
  "twoFactor.setup.codeUsed":
    "このコードは少し前に使用されました。アプリに次のコードが表示されるまで待ってから入力してください。",
  "twoFactor.setup.codeWrong":
    "コードが正しくありません。アプリに表示されている現在の 6 桁のコードを入力してください。",
  "twoFactor.codes.title": "リカバリーコード",
  "twoFactor.codes.enabledHeading": "2 段階認証がオンになりました",
  "twoFactor.codes.regeneratedHeading": "新しいリカバリーコード",
  "twoFactor.codes.enabledNotice": "今後、ログイン時にはアプリに表示されるコードの入力が必要になります。",
  "twoFactor.codes.regeneratedNotice": "以前のリカバリーコードは使用できなくなりました。",
  "twoFactor.codes.keep":
    "これらのリカバリーコードは安全な場所に保管してください。スマートフォンを紛失した場合に、各コードで 1 回ずつログインできます。コードが表示されるのは今回のみです。",
  "twoFactor.codes.copy": "コピー",
  "twoFactor.codes.download": "テキストファイルでダウンロード",
  "twoFactor.codes.fileHeading": "リカバリーコード（各コードは 1 回のみ使用できます）",
  "twoFactor.codes.back": "アカウントに戻る",
  "twoFactor.lost.title": "2 段階認証の手段を紛失した場合",
  "twoFactor.lost.heading": "デバイスとリカバリーコードを紛失しましたか？",
  "twoFactor.lost.intro":
    "認証アプリもリカバリーコードもない場合、このアカウントにはここからアクセスできません。パスワードを再設定しても同様です。これにより、第三者にメールを読まれた場合でもアカウントが保護されます。",
  "twoFactor.lost.otherDevice":
    "別のデバイスにアプリが残っている場合や、アプリのバックアップがある場合は、そのコードを使用してください。",
  "twoFactor.lost.savedCodes": "2 段階認証をオンにしたときに保存したリカバリーコードを探してください。",
  "twoFactor.lost.support":
    "それでも解決しない場合は、アカウントのメールアドレスから、このサービスのサポートチームにお問い合わせください。本人確認が済むと、サポートチームが 2 段階認証をオフにします。その後、パスワードでログインして 2 段階認証を設定し直すことができます。",
  "twoFactor.lost.back": "ログインに戻る",
  "twoFactor.section.off":
    "オフになっています。オンにすると、ログイン時とパスワードの再設定時に、認証アプリのコードの入力も必要になります。",
  "twoFactor.section.setUp": "設定",
  "twoFactor.section.on": "{since} からオンになっています。",
  "twoFactor.section.codesLeft": { other: "リカバリーコードは {total} 個中 {count} 個残っています。" },
  "twoFactor.section.appCode": "アプリに表示されるコード",
  "twoFactor.section.newCodes": "新しいリカバリーコードを作成",
  "twoFactor.section.appOrRecoveryCode": "アプリのコードまたはリカバリーコード",
  "twoFactor.section.turnOff": "オフにする",
};
