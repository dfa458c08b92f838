/** The pages the recovery emails' links open: "this wasn't me", the revert and the confirmation of an email change. */
import type { PlainKey } from "../i18n/types";
import { Notice } from "./layout";
import { useT } from "./words";

/** "This wasn't me": what the button does, and the button. A page and a button, so a mail scanner changes nothing. */
export function WasntMePage({ token }: { token: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("wasntMe.title")}</h1>
      <p>{t("wasntMe.intro")}</p>
      <ul>
        <li>{t("wasntMe.signOut")}</li>
        <li>{t("wasntMe.voidLinks")}</li>
        <li>{t("wasntMe.revertEmail")}</li>
        <li>{t("wasntMe.askReset")}</li>
      </ul>
      <LinkButton action="/wasnt-me" token={token} label={t("wasntMe.button")} tone="danger" />
    </>
  );
}

/** The revert of an email change, from the old address's notice. */
export function RevertEmailPage({ token }: { token: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("emailChange.revertTitle")}</h1>
      <p>{t("emailChange.revertIntro")}</p>
      <LinkButton action="/email-change/revert" token={token} label={t("emailChange.revertButton")} tone="danger" />
    </>
  );
}

/** The confirmation of a new address, from the link sent to it. */
export function ConfirmEmailPage({ token }: { token: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("emailChange.confirmTitle")}</h1>
      <p>{t("emailChange.confirmIntro")}</p>
      <LinkButton action="/email-change/confirm" token={token} label={t("emailChange.confirmButton")} />
    </>
  );
}

/** What a link's button did (or why it did nothing), and where to go next. */
export function LinkOutcomePage({
  title,
  tone,
  text,
  next,
}: {
  title: PlainKey;
  tone: "success" | "error";
  text: string;
  next: { href: string; label: PlainKey };
}) {
  const t = useT();
  return (
    <>
      <h1>{t(title)}</h1>
      <Notice tone={tone}>{text}</Notice>
      <p class="alt">
        <a href={next.href}>{t(next.label)}</a>
      </p>
    </>
  );
}

function LinkButton({ action, token, label, tone }: { action: string; token: string; label: string; tone?: "danger" }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" class={tone}>
        {label}
      </button>
    </form>
  );
}
