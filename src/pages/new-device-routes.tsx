/** POST /account/new-device-notices: the owner turns the new-device notices on or off (domain/new-device.ts). */
import { Hono } from "hono";
import { z } from "zod";
import { setNewDeviceNotices } from "../domain/new-device";
import { flowContext } from "../http/request-context";
import { renderAccount } from "./account-render";
import { formBody, formMessage } from "./form-body";
import { currentSession, toLogin } from "./guards";
import type { PageEnv } from "./page-language";

const noticesForm = z.object({ notices: z.enum(["on", "off"], formMessage("field.invalid")) });

export const newDeviceRoutes = new Hono<PageEnv>().post(
  "/account/new-device-notices",
  formBody(noticesForm, async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    return renderAccount(c, auth, 422, {});
  }),
  async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    const on = c.req.valid("form").notices === "on";
    await setNewDeviceNotices(flowContext(c), auth.user.id, on);
    // Shown from this answer, not a redirect: a read replica may not have the write yet.
    const notice = c.var.t(on ? "notices.account.doneOn" : "notices.account.doneOff");
    return renderAccount(c, { ...auth, user: { ...auth.user, newDeviceNotices: on } }, 200, { notice });
  },
);
