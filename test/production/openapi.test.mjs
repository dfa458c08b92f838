// The OpenAPI document as production serves it (`wrangler dev --env production`, test/production/server.mjs):
// present, and valid OpenAPI 3.1 by @seriousme/openapi-schema-validator. This runs in Node because the
// validator compiles JSON Schemas with `new Function`, which the Workers runtime refuses; the route-by-route
// check (every /v3 and /admin/v1 route is documented) is test/integration/openapi.test.ts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { startProductionServer } from "./server.mjs";

describe("the OpenAPI document in production", () => {
  let server;
  before(async () => {
    server = await startProductionServer();
  });
  after(async () => {
    await server?.stop();
  });

  it("GET /openapi.json is a valid OpenAPI 3.1 document", async () => {
    const response = await fetch(`${server.origin}/openapi.json`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/json");
    const document = await response.json();
    assert.equal(document.openapi, "3.1.0");
    const validator = new Validator();
    const result = await validator.validate(document);
    assert.deepEqual(result, { valid: true }, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, "3.1");
    // The validator does judge: the same document with a response missing its description is refused.
    const broken = structuredClone(document);
    delete broken.paths["/v3/user"].get.responses["200"].description;
    assert.equal((await new Validator().validate(broken)).valid, false);
  });

  it("the development reference page is 404", async () => {
    const response = await fetch(`${server.origin}/dev/api-reference`);
    assert.equal(response.status, 404);
  });
});
