/**
 * /admin/v1, the operator's API (issue 27): off without keys, refused without a key, with a wrong one, for
 * a key without the route's scope and for anything a browser sends; then every endpoint, each call's audit
 * row, a revoke that closes an open tab's socket, and an erase that leaves only a tombstone.
 */
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emailKey } from "../../src/core/email-address";
import worker from "../../src/dev/worker";
import {
  authtokenFor,
  BASE,
  json,
  randomIp,
  requestReset,
  STRONG_PASSWORD,
  shardForEmail,
  shardForUser,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";
import { codeAt, enrolled, PageBrowser } from "../page-browser";

const ALL_SCOPES = ["read", "sessions", "recovery", "erase"];

/** A key of its own per test (the rate limit counts per key name), with the given scopes. */
function keyFor(label: string, scopes = ALL_SCOPES) {
  const name = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  const key = `k_${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, "");
  return { name, key, scopes };
}

type Key = ReturnType<typeof keyFor>;

/** The Worker's env with these keys configured. */
function envWith(...keys: Key[]): Env {
  return { ...env, ADMIN_API_KEYS: JSON.stringify(keys) } as Env;
}

/** A call as the CLI makes it: a bearer key, JSON, no browser headers; work after the response awaited. */
async function call(
  path: string,
  options: { key?: string; body?: unknown; env?: Env; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "cf-connecting-ip": randomIp(), ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  const init: RequestInit = { headers };
  if (options.body !== undefined) {
    init.method = "POST";
    init.body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${BASE}${path}`, init), options.env ?? env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A key with every scope, its env, and a call with it. */
function operator(label: string) {
  const key = keyFor(label);
  const keyEnv = envWith(key);
  return {
    key,
    call: (path: string, body?: unknown) => call(path, { key: key.key, env: keyEnv, body }),
  };
}

interface AdminActionRow {
  key_name: string;
  action: string;
  user_id: string | null;
  reason: string | null;
  status: number;
}

async function adminActions(keyName: string): Promise<AdminActionRow[]> {
  const { results } = await env.DB.prepare(
    "SELECT key_name, action, user_id, reason, status FROM admin_actions WHERE key_name = ? ORDER BY id",
  )
    .bind(keyName)
    .all<AdminActionRow>();
  return results;
}

/** The KV reset records that name `uid`. */
async function resetRecordsOf(uid: string): Promise<string[]> {
  const { keys } = await env.KV.list({ prefix: "reset:" });
  const values = await Promise.all(keys.map(async ({ name }) => [name, await env.KV.get(name)] as const));
  return values.filter(([, value]) => value?.includes(uid)).map(([name]) => name);
}

const REASON = { reason: "ticket 4711: owner verified by video call" };

describe("the gate", () => {
  it("no keys configured: 404 for every admin route, the same answer as a path nobody serves", async () => {
    const email = uniqueEmail("admin-off");
    const { uid } = await signUp(email);
    const unknown = await call("/v3/nothing-here");
    for (const path of [`/admin/v1/accounts?email=${email}`, `/admin/v1/accounts/${uid}`]) {
      const response = await call(path, { key: "k_anything-at-all-anything-at-all-1234" });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(await unknown.clone().json());
    }
    const post = await call(`/admin/v1/accounts/${uid}/erase`, { body: REASON });
    expect(post.status).toBe(404);
    // The account is untouched.
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  // Attack: an admin call without a key, or with a guessed one.
  it("no key, a wrong key, a key's prefix, or another scheme: 401, nothing done, nothing audited", async () => {
    const key = keyFor("gate");
    const keyEnv = envWith(key);
    const email = uniqueEmail("admin-gate");
    const { uid } = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    for (const presented of [undefined, `${key.key}x`, key.key.slice(0, -1), "k_wrong"]) {
      const response = await call(`/admin/v1/accounts/${uid}/revoke-sessions`, {
        key: presented,
        env: keyEnv,
        body: REASON,
      });
      expect(response.status, String(presented)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="admin"');
      expect((await json(response)).error.code).toBe("unauthorized");
    }
    const basic = await call(`/admin/v1/accounts/${uid}`, {
      env: keyEnv,
      headers: { authorization: `Basic ${key.key}` },
    });
    expect(basic.status).toBe(401);
    expect((await whoAmI(token)).status).toBe(200);
    expect(await adminActions(key.name)).toEqual([]);
  });

  // Attack: a key trusted for look-ups used to erase or sign out.
  it("a key without the route's scope: 403 scope_missing, nothing done, the refusal audited", async () => {
    const reader = keyFor("reader", ["read"]);
    const keyEnv = envWith(reader);
    const email = uniqueEmail("admin-scope");
    const { uid } = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    for (const action of ["revoke-sessions", "erase", "lift-locks", "send-reset-link"]) {
      const response = await call(`/admin/v1/accounts/${uid}/${action}`, {
        key: reader.key,
        env: keyEnv,
        body: REASON,
      });
      expect(response.status, action).toBe(403);
      expect((await json(response)).error.code).toBe("scope_missing");
    }
    expect((await whoAmI(token)).status).toBe(200);
    expect((await call(`/admin/v1/accounts/${uid}`, { key: reader.key, env: keyEnv })).status).toBe(200);
    const rows = await adminActions(reader.name);
    expect(rows.map((r) => [r.action, r.status, r.user_id])).toEqual([
      ["revoke_sessions", 403, uid],
      ["erase", 403, uid],
      ["lift_locks", 403, uid],
      ["send_reset_link", 403, uid],
      ["lookup", 200, uid],
    ]);
  });

  // Attack: a page (or a script another site runs in the operator's browser) reaching the admin API.
  it("anything a browser sends (Origin, a cookie, Fetch Metadata) is refused, even with a right key", async () => {
    const key = keyFor("browser");
    const keyEnv = envWith(key);
    const { uid } = await signUp(uniqueEmail("admin-browser"));
    const browserHeaders: Record<string, string>[] = [
      { origin: BASE },
      { cookie: "__Host-session=x" },
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-dest": "empty" },
    ];
    for (const headers of browserHeaders) {
      const response = await call(`/admin/v1/accounts/${uid}`, { key: key.key, env: keyEnv, headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await json(response)).error.code).toBe("browser_refused");
    }
    // Node's fetch (the CLI) sends Sec-Fetch-Mode: cors, and is answered.
    const node = await call(`/admin/v1/accounts/${uid}`, {
      key: key.key,
      env: keyEnv,
      headers: { "sec-fetch-mode": "cors" },
    });
    expect(node.status).toBe(200);
  });

  it("a change without a reason: 400 reason_required, nothing done", async () => {
    const admin = operator("reason");
    const email = uniqueEmail("admin-reason");
    const { uid } = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    for (const body of [{}, { reason: "" }, { reason: "ok" }, { reason: "x".repeat(501) }, { reason: 5 }]) {
      const response = await admin.call(`/admin/v1/accounts/${uid}/revoke-sessions`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await json(response)).error.code).toBe("reason_required");
    }
    expect((await whoAmI(token)).status).toBe(200);
  });

  it("calls beyond 60 a minute with one key: 429 with Retry-After; another key is not held back", async () => {
    const admin = operator("flood");
    const other = operator("calm");
    const { uid } = await signUp(uniqueEmail("admin-flood"));
    // The binding counts in windows of a minute: calls that straddle a window's end get up to twice the limit.
    let limited: Response | null = null;
    let answered = 0;
    while (limited === null && answered < 125) {
      const response = await admin.call(`/admin/v1/accounts/${uid}`);
      if (response.status === 429) limited = response;
      else answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(60);
    expect(answered).toBeLessThan(120);
    expect(limited!.headers.get("retry-after")).toBe("60");
    expect((await json(limited!)).error.code).toBe("rate_limited");
    expect((await other.call(`/admin/v1/accounts/${uid}`)).status).toBe(200);
  });
});

describe("look-up and export", () => {
  it("by email (any case) and by uid: status, two-factor, sessions with device and last seen, recent events", async () => {
    const admin = operator("lookup");
    const email = uniqueEmail("admin-lookup");
    const { uid } = await signUp(email);
    await authtokenFor(email, STRONG_PASSWORD, "Mozilla/5.0 (Macintosh) Firefox/140.0");
    const byEmail = await admin.call(`/admin/v1/accounts?email=${encodeURIComponent(email.toUpperCase())}`);
    expect(byEmail.status).toBe(200);
    const found = await json(byEmail);
    expect(found.account).toMatchObject({ uid, email, status: "active", two_factor: { enabled: false } });
    expect(found.sessions).toHaveLength(1);
    expect(found.sessions[0].device).toContain("Firefox/140.0");
    expect(found.sessions[0].last_seen_at).toMatch(/^\d{4}-/);
    expect(found.events.map((e: { type: string }) => e.type)).toEqual(["sign_in", "sign_up"]);
    expect(found.locks).toEqual({ sign_in: [], second_factor: [] });
    expect(found.suppression).toBeNull();
    const byUid = await json(await admin.call(`/admin/v1/accounts/${uid}`));
    expect(byUid.account).toEqual(found.account);
    expect(JSON.stringify(found)).not.toMatch(/password_hash|pbkdf2|totp_secret/);
    for (const missing of [
      `/admin/v1/accounts?email=nobody-${uid}@example.com`,
      "/admin/v1/accounts/blt000000000000000000000000",
    ]) {
      const response = await admin.call(missing);
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe("account_not_found");
    }
    expect((await admin.call("/admin/v1/accounts")).status).toBe(400);
    const rows = await adminActions(admin.key.name);
    // The audit names the account by uid, never by the address the operator typed.
    expect(rows.slice(0, 2).map((r) => [r.action, r.user_id, r.reason])).toEqual([
      ["lookup", uid, null],
      ["lookup", uid, null],
    ]);
    expect(JSON.stringify(rows)).not.toContain(email);
  });

  it("export: the account's data as JSON (events, deliveries, admin calls) without hash or key", async () => {
    const admin = operator("export");
    const email = uniqueEmail("admin-export");
    const { uid } = await signUp(email);
    await authtokenFor(email, STRONG_PASSWORD);
    await admin.call(`/admin/v1/accounts/${uid}/revoke-sessions`, REASON);
    const response = await admin.call(`/admin/v1/accounts/${uid}/export`);
    expect(response.status).toBe(200);
    const data = await json(response);
    expect(data.account.email).toBe(email);
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(["sessions_revoked", "sign_in", "sign_up"]);
    expect(data.admin_actions).toEqual([
      expect.objectContaining({ key_name: admin.key.name, action: "revoke_sessions", reason: REASON.reason }),
    ]);
    expect(data.mail_events).toEqual([]);
    const hash = await shardForUser(uid)
      .prepare("SELECT password_hash FROM users WHERE id = ?")
      .bind(uid)
      .first<string>("password_hash");
    expect(JSON.stringify(data)).not.toContain(hash!);
  });
});

describe("changes", () => {
  it("revoke: every session ends, an open tab's socket is told at once, the call audited with its reason", async () => {
    const admin = operator("revoke");
    const email = uniqueEmail("admin-revoke");
    const { uid } = await signUp(email);
    const browser = new PageBrowser();
    expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    const apiToken = await authtokenFor(email, STRONG_PASSWORD);
    const upgraded = await exports.default.fetch(
      new Request(`${BASE}/live`, {
        headers: {
          upgrade: "websocket",
          origin: BASE,
          "cf-connecting-ip": browser.ip,
          cookie: `__Host-session=${browser.cookies.get("__Host-session")}`,
        },
      }),
    );
    expect(upgraded.status).toBe(101);
    const socket = upgraded.webSocket!;
    const told = new Promise<string>((resolve) => socket.addEventListener("message", (e) => resolve(String(e.data))));
    socket.accept();
    const response = await admin.call(`/admin/v1/accounts/${uid}/revoke-sessions`, REASON);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ uid, action: "revoke_sessions", sessions_ended: 2 });
    expect(JSON.parse(await told)).toMatchObject({ type: "signout" });
    expect((await whoAmI(apiToken)).status).toBe(401);
    expect((await browser.request("/account")).status).toBe(303);
    expect(await adminActions(admin.key.name)).toEqual([
      { key_name: admin.key.name, action: "revoke_sessions", user_id: uid, reason: REASON.reason, status: 200 },
    ]);
  });

  it("send a reset link: the account's address gets one", async () => {
    const admin = operator("reset");
    const email = uniqueEmail("admin-reset");
    const { uid } = await signUp(email);
    const response = await admin.call(`/admin/v1/accounts/${uid}/send-reset-link`, REASON);
    expect(response.status).toBe(200);
    const [message] = await waitForMail(email);
    expect(message!.text).toContain("/reset-password?token=");
  });

  it("two-factor off: the password alone signs in again, the owner is told, every session ends", async () => {
    const admin = operator("tfa");
    const { email, uid, key, browser } = await enrolled("admin-tfa");
    const before = (await waitForMail(email)).length;
    const response = await admin.call(`/admin/v1/accounts/${uid}/disable-two-factor`, REASON);
    expect(response.status).toBe(200);
    const messages = await waitForMail(email, before + 1);
    expect(messages[0]!.subject.toLowerCase()).toContain("off");
    expect((await browser.request("/account")).status).toBe(303);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    const again = await admin.call(`/admin/v1/accounts/${uid}/disable-two-factor`, REASON);
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe("two_factor_not_on");
    expect(codeAt(key)).toMatch(/^\d{6}$/);
  });

  it("lift locks: a locked sign-in works again at once, and the look-up showed the lock before", async () => {
    const admin = operator("locks");
    const email = uniqueEmail("admin-locks");
    const { uid } = await signUp(email);
    const ip = randomIp();
    for (let i = 0; i < 6; i++) await signIn(email, `wrong-password-${i}-xxxxxxxx`, { ip });
    expect((await signIn(email, STRONG_PASSWORD, { ip })).status).toBe(429);
    const locked = await json(await admin.call(`/admin/v1/accounts/${uid}`));
    expect(locked.account.status).toBe("locked");
    expect(locked.locks.sign_in.length).toBeGreaterThan(0);
    const response = await admin.call(`/admin/v1/accounts/${uid}/lift-locks`, REASON);
    expect(response.status).toBe(200);
    expect((await json(await admin.call(`/admin/v1/accounts/${uid}`))).locks.sign_in).toEqual([]);
    expect((await signIn(email, STRONG_PASSWORD, { ip })).status).toBe(200);
  });

  it("lift a suppression: the look-up shows it, then email goes to the address again", async () => {
    const admin = operator("suppression");
    const email = uniqueEmail("admin-suppressed");
    const { uid } = await signUp(email);
    const key = emailKey(email);
    await shardForEmail(email)
      .prepare("INSERT INTO mail_suppressions (email_key, until, reason, since) VALUES (?, ?, 'bounced', ?)")
      .bind(key, Date.now() + 86_400_000, Date.now())
      .run();
    expect((await json(await admin.call(`/admin/v1/accounts/${uid}`))).suppression).toMatchObject({
      reason: "bounced",
    });
    expect((await admin.call(`/admin/v1/accounts/${uid}/lift-suppression`, REASON)).status).toBe(200);
    expect((await json(await admin.call(`/admin/v1/accounts/${uid}`))).suppression).toBeNull();
    await requestReset(email);
    expect(await waitForMail(email)).toHaveLength(1);
  });

  it("erase: sessions end, the registry is empty, D1 and KV hold nothing of it, the audit keeps a tombstone", async () => {
    const admin = operator("erase");
    const email = uniqueEmail("admin-erase");
    const { uid } = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    await requestReset(email);
    await waitForMail(email);
    const links = await resetRecordsOf(uid);
    expect(links).toHaveLength(1);
    await signIn(email, "a-wrong-password-for-the-throttle", { ip: randomIp() });
    const response = await admin.call(`/admin/v1/accounts/${uid}/erase`, REASON);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ uid, action: "erase", sessions_ended: 1 });
    expect((await whoAmI(token)).status).toBe(401);
    expect((await admin.call(`/admin/v1/accounts/${uid}`)).status).toBe(404);
    // D1: nothing keyed by the account or its address, in any table of either database.
    const key = emailKey(email);
    for (const db of new Set([shardForUser(uid), shardForEmail(email)])) {
      const { results: tables } = await db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'd1_%'",
        )
        .all<{ name: string }>();
      expect(tables.length).toBeGreaterThan(5);
      for (const { name } of tables) {
        if (name === "admin_actions") continue;
        const { results } = await db.prepare(`SELECT * FROM "${name}"`).all();
        const text = JSON.stringify(results);
        expect(text, name).not.toContain(uid);
        expect(text, name).not.toContain(key);
        expect(text.toLowerCase(), name).not.toContain(email.toLowerCase());
      }
    }
    // The registry: no table, no key-value entry.
    const left = await runInDurableObject(env.SESSION_REGISTRY.getByName(uid), async (_instance, state) => ({
      tables: state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'")
        .toArray(),
      kv: [...(await state.storage.list()).keys()],
    }));
    expect(left).toEqual({ tables: [], kv: [] });
    // KV: its reset link's record is gone.
    expect(await env.KV.get(links[0]!)).toBeNull();
    // The tombstone: the call by uid with its reason, and the address nowhere in the admin audit.
    const rows = await adminActions(admin.key.name);
    expect(rows.map((r) => [r.action, r.user_id, r.reason, r.status])).toEqual([
      ["erase", uid, REASON.reason, 200],
      ["lookup", uid, null, 404],
    ]);
    const all = await env.DB.prepare("SELECT * FROM admin_actions").all();
    expect(JSON.stringify(all.results)).not.toContain(email);
    // The address is now unknown: a sign-in with the old password is refused like any unknown address.
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
  });
});
