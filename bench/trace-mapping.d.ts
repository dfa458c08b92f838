// The part of @jridgewell/trace-mapping that bench/cpu-profile.mjs uses. The package ships these types, but
// its package.json "exports" does not point TypeScript at them.
declare module "@jridgewell/trace-mapping" {
  export class TraceMap {
    constructor(map: string);
  }
  /** `line` is 1-based, `column` 0-based, as in the source map specification. */
  export function originalPositionFor(
    map: TraceMap,
    needle: { line: number; column: number },
  ): { source: string | null; line: number | null; column: number | null; name: string | null };
}
