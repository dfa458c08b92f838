/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
import type { passkeyFactor as english } from "../en/passkey-factor";
import type { Section } from "../types";

export const passkeyFactor: Section<typeof english, "ja"> = {
  "passkeyFactor.turnOnHeading": "またはパスキーを2つ目の要素にする",
  "passkeyFactor.turnOnIntro":
    "アプリは不要です。パスワードの後、サインインとパスワードの再設定でパスキー(または復旧コード)を求めます。",
  "passkeyFactor.turnOn": "パスキーで有効にする",
  "passkeyFactor.on": "2つ目の要素はパスキーです。",
  "passkeyFactor.recoveryCode": "復旧コード",
  "passkeyFactor.codesNotice": "これからはサインインのときにパスキーを求めます。",
  "passkeyFactor.lastPasskey":
    "このパスキーは唯一の2つ目の要素です。削除する前に、別のパスキーを追加するか、2要素サインインを無効にしてください。",
};
