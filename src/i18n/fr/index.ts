import type { Catalogue } from "../types";
import { account } from "./account";
import { common } from "./common";
import { email } from "./email";
import { notices } from "./notices";
import { passkeyFactor } from "./passkey-factor";
import { passkeys } from "./passkeys";
import { recovery } from "./recovery";
import { reset } from "./reset";
import { sessionAge } from "./session-age";
import { signIn } from "./sign-in";
import { transport } from "./transport";
import { twoFactor } from "./two-factor";

export const fr: Catalogue<"fr"> = {
  ...common,
  ...signIn,
  ...reset,
  ...account,
  ...twoFactor,
  ...passkeys,
  ...passkeyFactor,
  ...email,
  ...sessionAge,
  ...transport,
  ...notices,
  ...recovery,
};
