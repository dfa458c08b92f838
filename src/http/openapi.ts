/**
 * The OpenAPI 3.1 document, generated from the zod schemas the routes validate with (one source of truth:
 * a field changed in a route's schema changes the document). Each route module lists its operations as
 * `ApiOperation` descriptors, and each API (/v3, and any other) is an `ApiPart`: its tags, security schemes,
 * shared schemas and operations. Adding an API to the document is adding its part. No I/O.
 */
import { z } from "zod";
import {
  type ApiRefusal,
  componentSchemas,
  type NamedSchema,
  ref,
  refusalResponses,
  refusalSchemas,
} from "./openapi-components";

export type { ApiRefusal, CustomRefusal, NamedSchema } from "./openapi-components";

/** One operation of the API, as its route module describes it. */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI's form: `/admin/v1/users/{uid}`, not Hono's `:uid`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The name of a security scheme of its part the operation requires. */
  security?: string;
  /** Path and query parameters: each property of the object is one parameter. */
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body: its part's `bodyRefusals` are added to the responses. */
  body?: NamedSchema;
  success: { status: number; description: string; body: NamedSchema };
  refusals: readonly ApiRefusal[];
}

/** One API of the document. */
export interface ApiPart {
  tags: readonly { name: string; description: string }[];
  securitySchemes: Record<string, Record<string, unknown>>;
  /** Response schemas used inside others (the user object): named, they become a `$ref` wherever they appear. */
  sharedSchemas: readonly NamedSchema[];
  operations: readonly ApiOperation[];
  /** What any operation of the part with a body may answer; by default `jsonBody`'s 400, 413 and 422/141. */
  bodyRefusals?: readonly ApiRefusal[];
}

type JsonObject = Record<string, unknown>;

/** Every JSON body may be refused as unreadable, too large or invalid; anything may fault. */
const BODY_REFUSALS: readonly ApiRefusal[] = ["bad_request", "payload_too_large", "validation_failed"];
const ALWAYS: readonly ApiRefusal[] = ["internal"];

/** The document of these parts; throws on an operation listed twice or naming an unknown security scheme. */
export function buildOpenApiDocument(
  info: { title: string; version: string; description: string },
  parts: readonly ApiPart[],
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const requests: NamedSchema[] = [];
  const responses: NamedSchema[] = [];
  for (const part of parts) {
    responses.push(...part.sharedSchemas);
    for (const operation of part.operations) {
      const where = `${operation.method} ${operation.path}`;
      if (operation.security !== undefined && part.securitySchemes[operation.security] === undefined)
        throw new Error(`${where}: unknown security scheme ${operation.security}`);
      const item = paths[operation.path] ?? {};
      if (item[operation.method] !== undefined) throw new Error(`${where} is listed twice`);
      item[operation.method] = operationObject(operation, part.bodyRefusals ?? BODY_REFUSALS);
      paths[operation.path] = item;
      if (operation.body !== undefined) requests.push(operation.body);
      responses.push(operation.success.body, ...refusalSchemas(operation.refusals));
    }
  }
  return {
    openapi: "3.1.0",
    info,
    tags: parts.flatMap((part) => part.tags),
    paths,
    components: {
      schemas: componentSchemas(requests, responses),
      securitySchemes: Object.assign({}, ...parts.map((part) => part.securitySchemes)),
    },
  };
}

function operationObject(operation: ApiOperation, bodyRefusals: readonly ApiRefusal[]): JsonObject {
  const parameters = [...parametersOf(operation.pathParams, "path"), ...parametersOf(operation.query, "query")];
  const { success } = operation;
  const refusals = [...(operation.body === undefined ? [] : bodyRefusals), ...operation.refusals, ...ALWAYS];
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c = "") => c.toUpperCase())}`,
    ...(operation.security === undefined ? {} : { security: [{ [operation.security]: [] }] }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(operation.body === undefined
      ? {}
      : { requestBody: { required: true, content: { "application/json": { schema: ref(operation.body.name) } } } }),
    responses: {
      [success.status]: {
        description: success.description,
        content: { "application/json": { schema: ref(success.body.name) } },
      },
      ...refusalResponses(refusals),
    },
  };
}

function parametersOf(object: z.ZodObject | undefined, where: "path" | "query"): JsonObject[] {
  if (object === undefined) return [];
  const schema = z.toJSONSchema(object, { io: "input" }) as { properties?: JsonObject; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (schema.required ?? []).includes(name),
    schema: property,
  }));
}
