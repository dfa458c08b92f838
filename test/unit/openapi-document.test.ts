// The OpenAPI builder (src/http/openapi.ts) as another API would use it: the admin API lists a part of its
// own, with path and query parameters, a security scheme and refusals outside the Contentstack envelope.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiOperation, type ApiPart, buildOpenApiDocument } from "../../src/http/openapi";

const INFO = { title: "t", version: "1", description: "d" };
const problemSchema = z.object({ error: z.string() });
const accountSchema = z.object({ uid: z.string(), status: z.enum(["active", "erased"]) });

const lookUp: ApiOperation = {
  method: "get",
  path: "/admin/v1/accounts/{uid}",
  tag: "admin",
  summary: "Look up an account",
  security: "adminKey",
  pathParams: z.object({ uid: z.string().min(1) }),
  query: z.object({ events: z.coerce.number().int().max(100).optional() }),
  success: { status: 200, description: "The account.", body: { name: "AdminAccount", schema: accountSchema } },
  refusals: [
    "not_found",
    {
      key: "missing_scope",
      status: 403,
      code: "missing_scope",
      meaning: "the key lacks the scope.",
      body: { name: "AdminProblem", schema: problemSchema },
      example: { error: "missing_scope" },
    },
  ],
};

const adminPart = (operations: ApiOperation[]): ApiPart => ({
  tags: [{ name: "admin", description: "Operators." }],
  securitySchemes: { adminKey: { type: "http", scheme: "bearer" } },
  sharedSchemas: [],
  operations,
  bodyRefusals: [],
});

describe("buildOpenApiDocument", () => {
  it("an operation with path and query parameters, its own security scheme and its own refusal body", () => {
    const document = buildOpenApiDocument(INFO, [adminPart([lookUp])]) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    const operation = document.paths["/admin/v1/accounts/{uid}"]?.get ?? {};
    expect(operation.security).toEqual([{ adminKey: [] }]);
    expect(operation.parameters).toEqual([
      { name: "uid", in: "path", required: true, schema: { type: "string", minLength: 1 } },
      { name: "events", in: "query", required: false, schema: expect.objectContaining({ type: "integer" }) },
    ]);
    const responses = operation.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
    expect(Object.keys(responses)).toEqual(["200", "403", "404", "500"]);
    expect(responses["403"]?.content["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/AdminProblem",
    });
    expect(responses["403"]).toMatchObject({ description: "`missing_scope`: the key lacks the scope." });
    expect(operation.requestBody).toBeUndefined();
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["AdminAccount", "AdminProblem", "ErrorEnvelope"]),
    );
    expect(document.components.securitySchemes).toEqual({ adminKey: { type: "http", scheme: "bearer" } });
  });

  it("throws on an unknown security scheme, an operation listed twice, two schemas under one name or one under two", () => {
    expect(() => buildOpenApiDocument(INFO, [adminPart([{ ...lookUp, security: "nope" }])])).toThrow(/nope/);
    expect(() => buildOpenApiDocument(INFO, [adminPart([lookUp, lookUp])])).toThrow(/listed twice/);
    const clash = {
      ...lookUp,
      method: "delete" as const,
      success: { ...lookUp.success, body: { name: "AdminAccount", schema: problemSchema } },
    };
    expect(() => buildOpenApiDocument(INFO, [adminPart([lookUp, clash])])).toThrow(/two schemas named AdminAccount/);
    const renamed = {
      ...lookUp,
      method: "delete" as const,
      success: { ...lookUp.success, body: { name: "Other", schema: accountSchema } },
    };
    expect(() => buildOpenApiDocument(INFO, [adminPart([lookUp, renamed])])).toThrow(/AdminAccount and Other/);
  });
});
