/**
 * The parts of the OpenAPI document that operations share: their refusals, turned into responses with the
 * error registry's status, error_code and message (api-errors.ts), and the named schemas, converted from zod
 * once for the whole document (`components.schemas`). No I/O.
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

/** A refusal outside the error registry, with a body of its own (an API with another envelope). */
export interface CustomRefusal {
  key: string;
  status: number;
  /** A number is shown as `error_code N`, a string as itself (the admin API's `error.code`). */
  code: number | string;
  meaning: string;
  body: NamedSchema;
  example: object;
}

/** A refusal an operation may answer: a key of the error registry, Contentstack's 294, or one of its own. */
export type ApiRefusal = ApiErrorKey | "second_factor_required" | CustomRefusal;

type JsonObject = Record<string, unknown>;

const SECOND_FACTOR = "SecondFactorRequired";
const ERROR_ENVELOPE = "ErrorEnvelope";
const RETRY_AFTER = { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } };

/** A reference to a named schema. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** One response per status; a status shared by several refusals lists each, with an example of each body. */
export function refusalResponses(refusals: readonly ApiRefusal[]): Record<string, JsonObject> {
  const byStatus = new Map<number, ReturnType<typeof describeRefusal>[]>();
  for (const refusal of refusals) {
    const described = describeRefusal(refusal);
    if (byStatus.get(described.status)?.some(({ key }) => key === described.key)) continue;
    byStatus.set(described.status, [...(byStatus.get(described.status) ?? []), described]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, described] of [...byStatus].sort(([a], [b]) => a - b)) {
    const bodies = [...new Set(described.map(({ schema }) => schema))];
    responses[status] = {
      description: described.map(({ code, meaning }) => `${label(code)}: ${meaning}`).join("\n\n"),
      ...(status === 429 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: {
        "application/json": {
          schema: bodies.length === 1 ? ref(bodies[0] ?? ERROR_ENVELOPE) : { anyOf: bodies.map(ref) },
          examples: Object.fromEntries(
            described.map(({ key, code, example }) => [key, { summary: label(code), value: example }]),
          ),
        },
      },
    };
  }
  return responses;
}

const label = (code: number | string) => (typeof code === "number" ? `error_code ${code}` : `\`${code}\``);

function describeRefusal(refusal: ApiRefusal) {
  if (typeof refusal === "object") return { ...refusal, schema: refusal.body.name };
  if (refusal === "second_factor_required") {
    const meaning = "two-factor is on and `tfa_token` is missing, wrong or already used.";
    return { key: refusal, status: 401, code: 294, meaning, schema: SECOND_FACTOR, example: SECOND_FACTOR_BODY };
  }
  const { status, code, message } = describeApiError(refusal);
  const example = { error_message: message, error_code: code, errors: {} };
  return { key: refusal, status, code, meaning: message, schema: ERROR_ENVELOPE, example };
}

/**
 * `components.schemas`: request bodies as the client sends them (`input`), responses as the service writes
 * them (`output`); a named schema inside another becomes a `$ref`. Throws on two schemas with one name, or
 * one schema with two.
 */
export function componentSchemas(requests: readonly NamedSchema[], responses: readonly NamedSchema[]): JsonObject {
  const names = new Map<string, z.ZodType>();
  const registryOf = (schemas: readonly NamedSchema[]) => {
    const registry = z.registry<{ id: string }>();
    for (const { name, schema } of schemas) {
      const known = names.get(name);
      if (known !== undefined && known !== schema) throw new Error(`two schemas named ${name}`);
      names.set(name, schema);
      const id = registry.get(schema)?.id;
      // A second name would be a $ref to nothing: zod keeps the first.
      if (id !== undefined && id !== name) throw new Error(`one schema named ${id} and ${name}`);
      if (id === undefined) registry.add(schema, { id: name });
    }
    return registry;
  };
  const fixed = [
    { name: ERROR_ENVELOPE, schema: errorEnvelopeSchema },
    { name: SECOND_FACTOR, schema: secondFactorRequiredSchema },
  ];
  const uri = (id: string) => `#/components/schemas/${id}`;
  const convert = (registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output") =>
    Object.entries(z.toJSONSchema(registry, { io, uri, override: openResponses(io) }).schemas).map(
      ([name, { $schema: _, $id: __, ...schema }]) => [name, schema],
    );
  const input = convert(registryOf(requests), "input");
  const output = convert(registryOf([...fixed, ...responses]), "output");
  return Object.fromEntries([...input, ...output]);
}

/** The body schemas a refusal list brings (custom refusals' own). */
export function refusalSchemas(refusals: readonly ApiRefusal[]): NamedSchema[] {
  return refusals.flatMap((refusal) => (typeof refusal === "object" ? [refusal.body] : []));
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
