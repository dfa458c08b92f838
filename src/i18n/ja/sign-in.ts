/** /login, /signup and the notices /login can show. */
import type { signIn as english } from "../en/sign-in";
import type { Section } from "../types";

export const signIn: Section<typeof english, "ja"> = {
  "signIn.title": "ログイン",
  "signIn.email": "メールアドレス",
  "signIn.password": "パスワード",
  "signIn.forgot": "パスワードをお忘れですか？",
  "signIn.submit": "ログイン",
  "signIn.noAccount": "アカウントをお持ちでない方は{link}",
  "signIn.signUpLink": "新規登録",
  "signIn.challenge.missing":
    "本日、このアカウントへのログインが何度も失敗しているため、追加の確認が必要です。下の確認を完了してからログインしてください。",
  "signIn.challenge.failed":
    "確認が完了していないか、有効期限が切れました。もう一度確認を完了してからログインしてください。",
  "signIn.challenge.unavailable":
    "現在、確認を検証できませんでした。回数には数えていません。しばらくしてからもう一度ログインしてください。",
  "signIn.challenge.noScript":
    "この確認には JavaScript が必要です。このサイトで JavaScript を有効にするか、以前ここにログインしたことのあるデバイスからログインしてください。",
  "notice.reset": "パスワードが正常に再設定されました。新しいログイン情報でログインしてください。",
  "notice.password_reset":
    "パスワードが再設定されたため、すべてのセッションからログアウトしました。新しいパスワードでログインしてください。",
  "notice.password_changed":
    "別のセッションでパスワードが変更されたため、このセッションからログアウトしました。新しいパスワードでログインしてください。",
  "notice.signed_out": "ログアウトしました。",
  "notice.signed_out_elsewhere": "別のセッションからの操作により、ログアウトしました。",
  "notice.signed_out_everywhere": "すべてのセッションからログアウトしました。",
  "notice.session_limit": "開いているセッションが多すぎるため、ログアウトしました。",
  "notice.expired": "セッションが終了しました。もう一度ログインしてください。",
  "notice.signed_up": "アカウントを作成しました。続行するにはログインしてください。",
  "signUp.title": "新規登録",
  "signUp.heading": "アカウントを作成",
  "signUp.firstName": "名（任意）",
  "signUp.lastName": "姓（任意）",
  "signUp.password": "パスワード",
  "signUp.confirm": "パスワード（確認）",
  "signUp.submit": "登録",
  "signUp.haveAccount": "アカウントをお持ちの方は{link}",
  "signUp.signInLink": "ログイン",
};
