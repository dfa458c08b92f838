// The one part of node:async_hooks the binding meter uses (nodejs_compat provides it at run time); the
// project does not pull in all of @types/node for it.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    run<R>(store: T, callback: () => R): R;
    getStore(): T | undefined;
  }
}
