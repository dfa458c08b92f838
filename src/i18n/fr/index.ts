import type { Catalogue } from "../types";
import { account } from "./account";
import { common } from "./common";
import { email } from "./email";
import { recovery } from "./recovery";
import { reset } from "./reset";
import { signIn } from "./sign-in";
import { twoFactor } from "./two-factor";

export const fr: Catalogue<"fr"> = { ...common, ...signIn, ...reset, ...account, ...twoFactor, ...email, ...recovery };
