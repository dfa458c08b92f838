/** /account's switch for the new-device notices (domain/new-device.ts): what they are, and one button. */
import { useT } from "./words";

/** The section: on or off, and the button that turns it the other way. */
export function NewDeviceSection({ on }: { on: boolean }) {
  const t = useT();
  return (
    <>
      <h2 id="new-device-notices">{t("notices.account.heading")}</h2>
      <p>{t(on ? "notices.account.on" : "notices.account.off")}</p>
      <form method="post" action="/account/new-device-notices" class="inline">
        <input type="hidden" name="notices" value={on ? "off" : "on"} />
        <button type="submit" class="secondary">
          {t(on ? "notices.account.turnOff" : "notices.account.turnOn")}
        </button>
      </form>
    </>
  );
}
