/**
 * How configuration values are read: the error every bad value raises, text to numbers and required
 * strings, and settings checked against the Worker's bindings (one that names a missing binding fails at start-up).
 */
import { parseShardLayout, type ShardLayout, shardBinding, shardCount } from "./shards";

/** A configuration value that would run the Worker weakened or broken. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** EMAIL_QUEUES, checked against the bindings: a queue without its binding would lose its jobs. */
export function emailQueueCount(env: Env, value: string | undefined): number {
  const count = integer(value ?? "1", "EMAIL_QUEUES", 1, 16);
  for (let i = 2; i <= count; i++) requireBinding(env, `EMAIL_QUEUE_${i}`, `EMAIL_QUEUES=${count}`);
  return count;
}

/** D1_SHARD_LAYOUT, checked against the bindings: an account placed in a missing shard could not be stored. */
export function shardLayout(env: Env, value: string | undefined): ShardLayout {
  const layout = parseShardLayout(value);
  if (typeof layout === "string") throw new ConfigError(`D1_SHARD_LAYOUT ${JSON.stringify(value)}: ${layout}`);
  for (let i = 0; i < shardCount(layout); i++) requireBinding(env, shardBinding(i), `D1_SHARD_LAYOUT=${value}`);
  return layout;
}

function requireBinding(env: Env, binding: string, setting: string): void {
  if ((env as unknown as Record<string, unknown>)[binding] === undefined) {
    throw new ConfigError(`${setting} needs a binding ${binding}`);
  }
}

export function integer(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(required(value, name));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

export function required(value: string | undefined, name: string): string {
  const text = nonEmpty(value);
  if (text === null) throw new ConfigError(`${name} is required`);
  return text;
}

export function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === "" ? null : value.trim();
}
