/**
 * The OpenAPI 3.1 document, generated from the zod schemas the routes validate with (one source of truth:
 * a field changed in a route's schema changes the document). Each route module lists its operations as
 * `ApiOperation` descriptors; this turns them into paths, and their refusals (keys of the error registry,
 * api-errors.ts) into responses with the registry's status, error_code and message. No I/O.
 */
import { z } from "zod";
import {
  type ApiErrorKey,
  describeApiError,
  errorEnvelopeSchema,
  SECOND_FACTOR_BODY,
  secondFactorRequiredSchema,
} from "./api-errors";

/** A schema and the name it has under `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

/** A refusal an operation may answer: a key of the error registry, or Contentstack's 294. */
export type ApiRefusal = ApiErrorKey | "second_factor_required";

/** One operation of the API, as its route module describes it. */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI's form: `/admin/v1/users/{uid}`, not Hono's `:uid`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The name of a security scheme of the document (`securitySchemes`) the operation requires. */
  security?: string;
  /** Path and query parameters: each property of the object is one parameter. */
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body; its refusals (400, 413, 422/141) are added to the responses. */
  body?: NamedSchema;
  success: { status: number; description: string; body: NamedSchema };
  refusals: readonly ApiRefusal[];
}

/** What the document is made of. */
export interface ApiDescription {
  info: { title: string; version: string; description: string };
  tags: readonly { name: string; description: string }[];
  securitySchemes: Record<string, Record<string, unknown>>;
  /** Response schemas used inside others (the user object): named, they become a `$ref` wherever they appear. */
  sharedSchemas: readonly NamedSchema[];
  operations: readonly ApiOperation[];
}

type JsonObject = Record<string, unknown>;

/** Every JSON body may be refused as unreadable, too large or invalid; anything may fault. */
const BODY_REFUSALS: readonly ApiRefusal[] = ["bad_request", "payload_too_large", "validation_failed"];
const ALWAYS: readonly ApiRefusal[] = ["internal"];
const SECOND_FACTOR = "SecondFactorRequired";
const ERROR_ENVELOPE = "ErrorEnvelope";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI 3.1 document of `api`; throws on a descriptor that names an unknown scheme or repeats a schema name. */
export function buildOpenApiDocument(api: ApiDescription): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const operation of api.operations) {
    if (operation.security !== undefined && api.securitySchemes[operation.security] === undefined)
      throw new Error(`${operation.method} ${operation.path}: unknown security scheme ${operation.security}`);
    const item = paths[operation.path] ?? {};
    item[operation.method] = operationObject(operation);
    paths[operation.path] = item;
  }
  return {
    openapi: "3.1.0",
    info: api.info,
    tags: api.tags,
    paths,
    components: { schemas: componentSchemas(api), securitySchemes: api.securitySchemes },
  };
}

function operationObject(operation: ApiOperation): JsonObject {
  const parameters = [...parametersOf(operation.pathParams, "path"), ...parametersOf(operation.query, "query")];
  const { success } = operation;
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
      [success.status]: { description: success.description, content: jsonContent(ref(success.body.name)) },
      ...refusalResponses(operation),
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

/** One response per status; a status shared by several refusals lists each, with an example of each body. */
function refusalResponses(operation: ApiOperation): Record<string, JsonObject> {
  const refusals = new Set([...(operation.body === undefined ? [] : BODY_REFUSALS), ...operation.refusals, ...ALWAYS]);
  const byStatus = new Map<number, ApiRefusal[]>();
  for (const refusal of refusals) {
    const { status } = describeRefusal(refusal);
    byStatus.set(status, [...(byStatus.get(status) ?? []), refusal]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, shared] of [...byStatus].sort(([a], [b]) => a - b)) {
    const described = shared.map((refusal) => ({ refusal, ...describeRefusal(refusal) }));
    const bodies = [...new Set(described.map(({ schema }) => schema))];
    responses[status] = {
      description: described.map(({ code, meaning }) => `error_code ${code}: ${meaning}`).join("\n\n"),
      ...(status === 429 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: {
        "application/json": {
          schema: bodies.length === 1 ? ref(bodies[0] ?? ERROR_ENVELOPE) : { anyOf: bodies.map(ref) },
          examples: Object.fromEntries(
            described.map(({ refusal, code, example }) => [refusal, { summary: `error_code ${code}`, value: example }]),
          ),
        },
      },
    };
  }
  return responses;
}

const RETRY_AFTER = { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } };

function describeRefusal(refusal: ApiRefusal): {
  status: number;
  code: number;
  meaning: string;
  schema: string;
  example: object;
} {
  if (refusal === "second_factor_required") {
    const meaning = "two-factor is on and `tfa_token` is missing, wrong or already used.";
    return { status: 401, code: 294, meaning, schema: SECOND_FACTOR, example: SECOND_FACTOR_BODY };
  }
  const { status, code, message } = describeApiError(refusal);
  const example = { error_message: message, error_code: code, errors: {} };
  return { status, code, meaning: message, schema: ERROR_ENVELOPE, example };
}

function jsonContent(schema: JsonObject): JsonObject {
  return { "application/json": { schema } };
}

/** Request bodies as the client sends them (`input`), responses as the service writes them (`output`). */
function componentSchemas(api: ApiDescription): Record<string, unknown> {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  responses.add(errorEnvelopeSchema, { id: ERROR_ENVELOPE });
  responses.add(secondFactorRequiredSchema, { id: SECOND_FACTOR });
  const names = new Map<string, z.ZodType>([
    [ERROR_ENVELOPE, errorEnvelopeSchema],
    [SECOND_FACTOR, secondFactorRequiredSchema],
  ]);
  const register = (registry: z.core.$ZodRegistry<{ id: string }>, { name, schema }: NamedSchema) => {
    const known = names.get(name);
    if (known !== undefined && known !== schema) throw new Error(`two schemas named ${name}`);
    names.set(name, schema);
    if (!registry.has(schema)) registry.add(schema, { id: name });
  };
  for (const shared of api.sharedSchemas) register(responses, shared);
  for (const operation of api.operations) {
    if (operation.body !== undefined) register(requests, operation.body);
    register(responses, operation.success.body);
  }
  const uri = (id: string) => `#/components/schemas/${id}`;
  const convert = (registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output") =>
    Object.entries(z.toJSONSchema(registry, { io, uri, override: openResponses(io) }).schemas).map(
      ([name, { $schema: _, $id: __, ...schema }]) => [name, schema],
    );
  return Object.fromEntries([...convert(requests, "input"), ...convert(responses, "output")]);
}

/**
 * zod writes `additionalProperties: false` for every object it outputs (it strips unknown keys); a response
 * object is open all the same, so that a field added later breaks no client. Strict objects stay closed.
 */
function openResponses(io: "input" | "output"): z.core.JSONSchemaGeneratorParams["override"] {
  return ({ zodSchema, jsonSchema }) => {
    if (io === "output" && zodSchema._zod.def.type === "object" && zodSchema._zod.def.catchall === undefined)
      delete jsonSchema.additionalProperties;
  };
}
