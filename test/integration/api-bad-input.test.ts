import { describe, expect, it } from "vitest";
import { api, expectEnvelope, json, rawPost, STRONG_PASSWORD, uniqueEmail } from "../helpers";

const POST_ENDPOINTS = [
  {
    path: "/v3/user",
    fields: ["email", "password", "password_confirmation"],
    valid: () => ({
      user: { email: uniqueEmail("bad-input"), password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
    }),
  },
  {
    path: "/v3/user-session",
    fields: ["email", "password"],
    valid: () => ({ user: { email: uniqueEmail("bad-input"), password: STRONG_PASSWORD } }),
  },
  { path: "/v3/user/forgot_password", fields: ["email"], valid: () => ({ user: { email: uniqueEmail("bad-input") } }) },
  {
    path: "/v3/user/reset_password",
    fields: ["reset_password_token", "password", "password_confirmation"],
    valid: () => ({
      user: { reset_password_token: "A".repeat(43), password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
    }),
  },
] as const;

describe.each(POST_ENDPOINTS)("bad input on POST $path", ({ path, fields, valid }) => {
  it("400 error_code 100 for malformed JSON", async () => {
    for (const body of ['{"user":', "{user: {}}", "'single'", "", "\u0000", '{"user":{}}}']) {
      await expectEnvelope(await api(path, { body }), 400, 100);
    }
  });

  it("400 error_code 100 errors['content-type'] for a missing or non-JSON Content-Type", async () => {
    // Attack: CSRF through a plain HTML form, which can only send form or text/plain bodies.
    const payload = JSON.stringify(valid());
    const cases: Array<[BodyInit, Record<string, string>]> = [
      [new TextEncoder().encode(payload), {}],
      [payload, { "content-type": "text/plain" }],
      [payload, { "content-type": "application/x-www-form-urlencoded" }],
      ["user[email]=a%40b.co", { "content-type": "application/x-www-form-urlencoded" }],
      [payload, { "content-type": "multipart/form-data; boundary=x" }],
      [payload, { "content-type": "application/jsonp" }],
    ];
    for (const [body, headers] of cases) {
      const envelope = await expectEnvelope(await rawPost(path, body, headers), 400, 100);
      expect(envelope.errors).toEqual({ "content-type": ["must be application/json."] });
    }
  });

  it("413 error_code 101 for a body over 16 KiB, with or without Content-Length", async () => {
    // Attack: memory/CPU exhaustion with huge bodies; a chunked body has no Content-Length to check.
    const big = JSON.stringify({ ...valid(), pad: "x".repeat(17 * 1024) });
    await expectEnvelope(await api(path, { body: big }), 413, 101);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
        controller.close();
      },
    });
    await expectEnvelope(await rawPost(path, stream, { "content-type": "application/json" }), 413, 101);
  });

  it("not 400/413 for a valid body padded to exactly 16 KiB", async () => {
    const payload = JSON.stringify(valid());
    const padded = payload + " ".repeat(16 * 1024 - new TextEncoder().encode(payload).length);
    expect(new TextEncoder().encode(padded).length).toBe(16 * 1024);
    const response = await api(path, { body: padded });
    expect([200, 201, 422]).toContain(response.status);
    if (response.status === 422) expect((await json(response)).error_code).not.toBe(141);
  });

  it("422 error_code 141 errors.user without the `user` wrapper", async () => {
    const { user } = valid();
    const body = await expectEnvelope(await api(path, { body: user }), 422, 141);
    expect(body.errors.user).toEqual(["Invalid input: expected object, received undefined"]);
    expect(body.errors.body).toEqual([`has unknown fields: ${Object.keys(user).join(", ")}.`]);
  });

  it("422 error_code 141 errors.<field> for each missing required field", async () => {
    for (const field of fields) {
      const body = valid() as { user: Record<string, unknown> };
      delete body.user[field];
      const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual([field]);
    }
  });

  it("422 error_code 141 for an unknown field at the top level or inside user", async () => {
    // Attack: smuggling extra fields (mass assignment, parser confusion, prototype keys).
    const top = await expectEnvelope(await api(path, { body: { ...valid(), admin: true } }), 422, 141);
    expect(top.errors).toEqual({ body: ["has unknown fields: admin."] });
    const inner = valid() as { user: Record<string, unknown> };
    inner.user.is_admin = true;
    const nested = await expectEnvelope(await api(path, { body: inner }), 422, 141);
    expect(nested.errors).toEqual({ user: ["has unknown fields: is_admin."] });
    const proto = JSON.stringify(valid()).replace('{"user":{', '{"user":{"__proto__":{"admin":true},');
    const protoBody = await expectEnvelope(await api(path, { body: proto }), 422, 141);
    expect(protoBody.errors).toEqual({ user: ["has unknown fields: __proto__."] });
  });

  it("422 error_code 141 errors.<field> for a number, array, object, boolean or null in a field", async () => {
    for (const field of fields) {
      for (const wrong of [42, ["a@example.com"], { $ne: "" }, true, null]) {
        const body = valid() as { user: Record<string, unknown> };
        body.user[field] = wrong;
        const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
        expect(Object.keys(envelope.errors)).toEqual([field]);
      }
    }
  });

  it("422 error_code 141 errors.body / errors.user for a body or wrapper of the wrong type", async () => {
    for (const body of ["null", "[]", "42", '"text"', "true", "[{}]"]) {
      const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual(["body"]);
    }
    for (const user of [null, [], "text", 1, [valid().user]]) {
      const envelope = await expectEnvelope(await api(path, { body: { user } }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual(["user"]);
    }
  });
});
