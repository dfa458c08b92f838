/**
 * Email past one queue: a deployment may spread its email jobs over EMAIL_QUEUES queues (bindings
 * EMAIL_QUEUE, EMAIL_QUEUE_2 … EMAIL_QUEUE_<n>, each consumed by the same consumer). A job goes to the
 * queue its key hashes to, so one address's reset requests (or one user's notices) always share a queue
 * and keep that queue's order; idempotency keys make any redelivery harmless, whichever queue.
 */
import { readConfig } from "./config";

/** The binding of queue `index` (0-based). */
export function emailQueueBinding(index: number): string {
  return index === 0 ? "EMAIL_QUEUE" : `EMAIL_QUEUE_${index + 1}`;
}

/** Which of `count` queues a key's jobs go to: FNV-1a, stable across releases and isolates. */
export function emailQueueIndex(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/** The queue for jobs keyed by `key` (an email's key, or a user id). */
export function emailQueueFor(env: Env, key: string): Queue {
  const index = emailQueueIndex(key, readConfig(env).emailQueues);
  return (env as unknown as Record<string, Queue>)[emailQueueBinding(index)]!;
}
