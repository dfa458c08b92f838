/**
 * A step that could not reach its storage (D1, KV or a Durable Object) before anything observable changed,
 * so retrying is safe: thrown by the reset, the password change and the reset code, and answered 503 by
 * the one error boundary (app.ts) instead of 500 (invariant 10).
 */

/** A storage step failed before anything observable changed; retrying is safe (a 503). */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
}

/** Runs a storage step; whatever it throws becomes a StorageUnavailableError (a retryable 503, never a 500). */
export async function unavailableOnError<T>(step: () => PromiseLike<T>): Promise<Awaited<T>> {
  try {
    return await step();
  } catch (error) {
    throw new StorageUnavailableError("a reset step could not reach its storage", { cause: error });
  }
}
