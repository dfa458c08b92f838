/**
 * Passkeys on the pages: the section of /account (list, rename, remove, add), the sign-in button of /login,
 * and the button that confirms a step with a passkey. Everything a passkey needs is hidden until the script
 * (passkey-script.ts) shows it; without it the pages say to use the password.
 */
import type { PasskeyInfo } from "../domain/passkeys";
import { MAX_PASSKEY_NAME_LENGTH } from "../domain/passkeys";
import type { SessionMethod } from "../domain/sessions";
import type { PlainKey } from "../i18n/types";
import { Notice } from "./layout";
import { Rich, Time, useT } from "./words";

/** The words for how a session was created. */
export function sessionMethodKey(method: SessionMethod): PlainKey {
  return SESSION_METHOD_KEYS[method];
}

const SESSION_METHOD_KEYS: Record<SessionMethod, PlainKey> = {
  password: "passkeys.method.password",
  password_code: "passkeys.method.passwordCode",
  password_passkey: "passkeys.method.passwordPasskey",
  passkey: "passkeys.method.passkey",
};

/** An account holds at most this many passkeys (durable/passkey-table.ts MAX_PASSKEYS). */
const PASSKEY_LIMIT = 10;

/** Shown where a passkey could be used, for a browser without the script or WebAuthn. */
export function PasskeyFallback() {
  const t = useT();
  return (
    <p class="hint" data-passkey-fallback>
      {t("passkeys.needsScript")}
    </p>
  );
}

/** The error line the script fills when the browser makes or gives no passkey. */
function ScriptError({ text }: { text: string }) {
  return <p class="error" data-passkey-error={text} role="alert" hidden />;
}

/** /account's passkeys: each with its name, added and last used, rename and remove; and the add form. */
export function PasskeySection({
  passkeys,
  twoFactorOn,
  error,
}: {
  passkeys: PasskeyInfo[];
  twoFactorOn: boolean;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <section id="passkeys">
      <h2>{t("passkeys.heading")}</h2>
      <p>{t("passkeys.intro")}</p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {passkeys.length === 0 ? <p class="meta">{t("passkeys.none")}</p> : null}
      <ul class="sessions">
        {passkeys.map((p) => (
          <li data-passkey={p.id}>
            <form method="post" action="/account/passkeys/rename" class="inline">
              <input type="hidden" name="id" value={p.id} />
              <label class="visually-hidden" for={`passkey-name-${p.id}`}>
                {t("passkeys.nameLabel")}
              </label>
              <input
                id={`passkey-name-${p.id}`}
                name="name"
                value={p.name}
                maxlength={MAX_PASSKEY_NAME_LENGTH}
                required
              />
              <button type="submit" class="secondary">
                {t("passkeys.rename")}
              </button>
            </form>
            <span class="meta">
              <Rich
                text="passkeys.times"
                values={{
                  added: <Time at={p.createdAt} />,
                  used: p.lastUsedAt === null ? t("passkeys.neverUsed") : <Time at={p.lastUsedAt} />,
                }}
              />
            </span>
            <RemoveForm id={p.id} twoFactorOn={twoFactorOn} />
          </li>
        ))}
      </ul>
      {passkeys.length >= PASSKEY_LIMIT ? <p>{t("passkeys.limit")}</p> : <AddForm twoFactorOn={twoFactorOn} />}
    </section>
  );
}

function ProofFields({ prefix, twoFactorOn }: { prefix: string; twoFactorOn: boolean }) {
  const t = useT();
  return (
    <>
      <div class="field">
        <label for={`${prefix}-password`}>{t("twoFactor.yourPassword")}</label>
        <input id={`${prefix}-password`} name="password" type="password" autocomplete="current-password" />
      </div>
      {twoFactorOn && (
        <div class="field">
          <label for={`${prefix}-code`}>{t("passkeys.codeLabel")}</label>
          <input id={`${prefix}-code`} name="code" type="text" autocomplete="one-time-code" />
        </div>
      )}
    </>
  );
}

function RemoveForm({ id, twoFactorOn }: { id: string; twoFactorOn: boolean }) {
  const t = useT();
  return (
    <details>
      <summary>{t("passkeys.remove")}</summary>
      <form method="post" action="/account/passkeys/remove">
        <p class="hint">{t("passkeys.removeIntro")}</p>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="credential" value="" />
        <ProofFields prefix={`remove-${id}`} twoFactorOn={twoFactorOn} />
        <ScriptError text={t("passkeys.refused")} />
        <div class="actions">
          <button type="submit" class="danger">
            {t("passkeys.remove")}
          </button>
          <button type="button" class="secondary" data-passkey-only hidden data-passkey-check="/account/passkeys/check">
            {t("passkeys.removeWithPasskey")}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddForm({ twoFactorOn }: { twoFactorOn: boolean }) {
  const t = useT();
  return (
    <>
      <h3>{t("passkeys.add")}</h3>
      <PasskeyFallback />
      <form method="post" action="/account/passkeys/add" data-passkey-add data-passkey-only hidden>
        <p class="hint">{t("passkeys.addIntro")}</p>
        <input type="hidden" name="credential" value="" />
        <ProofFields prefix="add-passkey" twoFactorOn={twoFactorOn} />
        <ScriptError text={t("passkeys.cancelled")} />
        <button type="submit">{t("passkeys.add")}</button>
      </form>
    </>
  );
}

/** /login's passkey button (conditional UI runs on the email field from the same script). */
export function PasskeySignIn({ error }: { error?: string | undefined }) {
  const t = useT();
  return (
    <form method="post" action="/login/passkey" data-passkey-sign-in data-passkey-only hidden>
      <input type="hidden" name="credential" value="" />
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <ScriptError text={t("notice.passkey_refused")} />
      <button type="submit" class="secondary">
        {t("passkeys.signIn")}
      </button>
    </form>
  );
}

/** A step's "use a passkey instead": confirms the surrounding form with one (`optionsUrl` gives its challenge). */
export function PasskeyCheckButton({ optionsUrl, label }: { optionsUrl: string; label?: string }) {
  const t = useT();
  return (
    <>
      <input type="hidden" name="credential" value="" />
      {label === undefined && (
        <p class="hint" data-passkey-only hidden>
          {t("passkeys.secondStep")}
        </p>
      )}
      <ScriptError text={t("passkeys.refused")} />
      <button type="button" class="secondary" data-passkey-only hidden data-passkey-check={optionsUrl}>
        {label ?? t("passkeys.usePasskey")}
      </button>
    </>
  );
}

/** After a reset on an account without a passkey: the offer, and how to skip it. */
export function PasskeyOffer() {
  const t = useT();
  return (
    <Notice tone="info">
      <strong>{t("passkeys.offerHeading")}</strong> {t("passkeys.offerText")}{" "}
      <a href="/login?notice=reset">{t("passkeys.offerSkip")}</a>
    </Notice>
  );
}
