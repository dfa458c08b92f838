/**
 * GET /dev/mailbox: the local mailbox as JSON (?to=) or as a page. 404 unless EMAIL_PROVIDER=mailbox and
 * the request is addressed to this machine. Mounted after the pages, so it gets their middleware.
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { localOnly } from "../http/local-only";
import { readMailbox } from "../mail/mailbox";
import { MailboxPage } from "./mailbox-page";

export const devMailboxRoutes = new Hono<AppEnv>()
  .use(
    "/dev/mailbox",
    localOnly((config) => config.emailProvider === "mailbox"),
  )
  .get("/dev/mailbox", async (c) => {
    const to = c.req.query("to")?.trim().toLowerCase() || null;
    const messages = await readMailbox(c.env.KV, to);
    const wantsHtml = (c.req.header("accept") ?? "").includes("text/html") && c.req.query("format") !== "json";
    if (wantsHtml) return c.render(<MailboxPage to={to} messages={messages} />, { title: "Dev mailbox" });
    return c.json({ messages });
  });
