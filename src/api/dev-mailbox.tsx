/** GET /dev/mailbox: the local mailbox as JSON (?to=) or as a page. 404 unless EMAIL_PROVIDER=mailbox and the request is local. */
import { Hono } from "hono";
import { readMailbox } from "../mail/mailbox";
import { MailboxPage } from "../pages/mailbox-page";
import type { AppEnv } from "./app-env";
import { localOnly } from "./local-only";

export const devMailboxRoutes = new Hono<AppEnv>()
  .use(localOnly((config) => config.emailProvider === "mailbox"))
  .get("/", async (c) => {
    const to = c.req.query("to")?.trim().toLowerCase() || null;
    const messages = await readMailbox(c.env.KV, to);
    const wantsHtml = (c.req.header("accept") ?? "").includes("text/html") && c.req.query("format") !== "json";
    if (wantsHtml) return c.render(<MailboxPage to={to} messages={messages} />, { title: "Dev mailbox" });
    return c.json({ messages });
  });
