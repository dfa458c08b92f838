// The shapes the bench's modules pass to each other and write to bench/results/*.json. Types only: the
// modules are JavaScript checked against these (tsconfig.tools.json), so nothing here runs.

/** Every count and time one run uses (bench/profile.mjs); the smoke profile only checks the machinery. */
export interface Profile {
  connections: number;
  runSeconds: number;
  warmSeconds: number;
  baselinesAfter: boolean;
  drainEveryPhase: boolean;
  calibrationRequests: number;
  unloadedCount: number;
  accounts: number;
  pairAccounts: number;
  pairsPerEmail: number;
  resetPool: number;
  resetWarm: number;
  liveSamples: number;
  sentinels: number;
  userTokens: number;
  /** Accounts that each register a passkey in set-up, for the passkey sign-in's load. */
  passkeyAccounts: number;
  revoke: { sessions: number; requests: number; users: number }[];
  watchdogSeconds: number;
  mailTimeoutMs: number;
}

/** One answer of the bench's HTTP client (bench/http.mjs); `ms` runs from send to the last byte. */
export interface HttpResponse {
  status: number;
  headers: import("node:http").IncomingHttpHeaders;
  text: string;
  ms: number;
  /** performance.now() at the last byte. */
  at: number;
  /** The body parsed as JSON; the caller states what it expects. */
  json(): unknown;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

export interface HttpClient {
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResponse>;
  get(path: string, options?: RequestOptions): Promise<HttpResponse>;
  post(path: string, body?: unknown, options?: Omit<RequestOptions, "body">): Promise<HttpResponse>;
  close(): void;
}

/** The Worker under `wrangler dev` (bench/server.mjs). */
export interface Server {
  origin: string;
  port: number;
  stateDir: string;
  configFile: string;
  configChanges: string[];
  stop(): Promise<void>;
  logTail(): string;
  /** The process group of wrangler and its children. */
  pid: number;
  /** wrangler dev's DevTools inspector (the Worker's isolate): bench/cpu-profile.mjs profiles through it. */
  inspectorPort: number;
  /** The Resend stand-in the Worker sends email to. */
  resend: ResendStandIn;
}

/** test/support/resend-stand-in.mjs as the bench uses it: every email it accepted, in order. */
export interface ResendStandIn {
  url: string;
  apiKey: string;
  emails: { body: Record<string, unknown> }[];
  stats: Record<string, number>;
  close(): Promise<void>;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** CPU milliseconds per request by process role, or null where /proc cannot be read. */
export type CpuPerRequest = Partial<
  Record<"worker" | "proxy" | "wrangler" | "esbuild" | "other" | "loadgen", number>
> & {
  worker: number;
  proxy: number;
  loadgen: number;
};

/** One autocannon run (bench/load.mjs). */
export interface Run {
  name: string;
  method: string;
  path: string;
  connections: number;
  mode: string;
  elapsed_s: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  status_codes: Record<string, number>;
  rps: number;
  latency: LatencySummary;
  cpu_ms_per_request: CpuPerRequest | null;
  autocannon: { requests_average: number; latency_p50: number; latency_p99: number; duration_s: number };
}

/** Throughput of a request path and the consumer after it, until the last email was out. */
export interface PipelineRun {
  name: string;
  ok: number;
  elapsed_s: number;
  rps: number;
}

/** A baseline's runs before and after the measured routes, averaged. */
export interface Baseline {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  /** Relative change of throughput between the two runs; null with one run. */
  drift: number | null;
}

export interface Target {
  op?: ">=" | "<=" | "abs<=";
  value?: number;
  text: string;
}

/** One row of the figure table; the extra fields vary by kind and go to the results file as they are. */
export interface Figure {
  id: string;
  label: string;
  value?: number;
  unit: string;
  error?: string;
  /** A figure whose flow is not built yet: why it has no value (shown in its place; never judged). */
  pending?: string;
  baseline?: { label: string; value: number; unit?: string; drift_between_runs?: number | null } | null;
  ratio?: number | null;
  target?: Target | null;
  pass: boolean | null;
  [detail: string]: unknown;
}

/** What the binding meter (src/dev/binding-meter.ts) counted for one kind of unit (a route, the consumer). */
export interface MeterTotals {
  units: number;
  calls: Record<string, number>;
  sequential: number;
  maxSequential: number;
  background: number;
  rowsRead: number;
  rowsWritten: number;
  durableObjectMs: number;
  queueMessages: number;
}

/** The meter after one load run: totals by route ("POST /v3/user-session") and "queue email". */
export type MeterSnapshot = Record<string, MeterTotals>;

/** Worker CPU and wall time of one binding call of each kind, on this runtime. */
export type Calibration = Record<string, { worker_cpu_ms_per_call: number | null; wall_ms_per_call: number }>;

export interface RoundTripRow {
  id: string;
  flow: string;
  route: string;
  requests: number;
  calls: Record<string, number>;
  sequential: number;
  maxSequential: number;
  background: number;
  consumer_jobs: number;
  consumer_calls: Record<string, number> | null;
  consumerJobsPer: number;
  target: number;
  /** `begin`: a flow's first request, when the figure counts two as one (the passkey sign-in's options). */
  totals: { request: MeterTotals; consumer: MeterTotals | undefined; begin?: MeterTotals };
}

export interface CostRow {
  id: string;
  flow: string;
  ops: {
    worker_requests: number;
    do_requests: number;
    do_gb_s: number;
    d1_rows_read: number;
    d1_rows_written: number;
    kv_reads: number;
    kv_writes: number;
    queue_ops: number;
    cpu_ms: number | null;
  };
  dollars: { workers: number; durable_objects: number; d1: number; kv: number; queues: number };
  total: number;
}

/** Sequential latencies of one route at concurrency 1. */
export interface UnloadedSeries extends LatencySummary {
  name: string;
}

/** Known and unknown samples of a timing pair test, their medians, gap and Mann–Whitney U test. */
export interface PairResult {
  knownMs: number[];
  unknownMs: number[];
  mk: number;
  mu: number;
  gap: number;
  test: { u1: number; u2: number; z: number; p: number };
}

export interface RevokeResult {
  sessions: number;
  mean_ms: number;
  median_ms: number;
  samples_ms: number[];
  revokes: number;
  seed_s: number;
}

export interface PairSummary {
  known: LatencySummary;
  unknown: LatencySummary;
  gap_percent: number;
  mann_whitney: PairResult["test"];
  known_ms: number[];
  unknown_ms: number[];
}

/** Everything a run writes to bench/results/<date>.json. */
export interface Results {
  date: string;
  smoke: boolean;
  machine: {
    os: string;
    cpus: number;
    cpu_model: string;
    memory_mb: number;
    node: string;
    loadavg_start: number[];
    loadavg_end?: number[];
  };
  git: { commit: string; dirty: boolean | null; uncommitted_in_src?: string[] };
  wall_time_s: number;
  configuration: string[];
  bench_ip_limit: number;
  profile: Profile;
  figures: Figure[];
  runs: Run[];
  revoke: Record<string, RevokeResult>;
  calibration: Calibration;
  round_trips: RoundTripRow[];
  costs: CostRow[];
  prices: Record<string, number | string>;
  unloaded: { hello: UnloadedSeries | null; forgot: UnloadedSeries | null; user: UnloadedSeries | null };
  timing_pairs: { forgot: PairSummary | null; sign_in: PairSummary | null; sign_in_retry: PairSummary | null };
  phases_s: Record<string, number>;
  notes: string[];
  errors: string[];
}

/** Where a run's steps put what they measured and what went wrong (bench/context.mjs). */
export interface Sink {
  figures: Figure[];
  runs: Run[];
  notes: string[];
  errors: string[];
  phases: Record<string, number>;
  addFigure(figure: Figure): Figure;
}

/** The addresses of one run and the counters of the ones made up as it goes. */
export interface Accounts {
  /** Load accounts: [0, resetPool) reset under load, the rest sign in; the first userTokens of those hold sessions. */
  load: string[];
  reset: string[];
  signIn: string[];
  pairKnown: string[];
  live: string[];
  sentinels: string[];
  /** A new address with no account (forgot-password for unknown addresses). */
  nextGhost(): string;
  /** The next unused sentinel account (drains the queue); throws when they are used up. */
  nextSentinel(): string;
}

/** What every group of figures is handed: the server, its accounts, the profile and the results sink. */
export interface BenchContext {
  profile: Profile;
  smoke: boolean;
  server: Server;
  /** A keep-alive client for set-up steps (16 sockets). */
  client: HttpClient;
  accounts: Accounts;
  sink: Sink;
  /** Logs a line with the time since the run started. */
  log(text: string): void;
  /** True once the run is being stopped (watchdog, signal, or a failed critical step). */
  aborted(): boolean;
  /**
   * Runs one named step, timed into the sink's phases. A failure is recorded in the sink's errors and the run
   * goes on (resolving undefined), unless the step is `critical` (set-up): then the later steps are skipped.
   */
  step<T>(name: string, fn: () => Promise<T>, options?: { critical?: boolean }): Promise<T | undefined>;
  /** performance.now() at the start of the run. */
  wallStart: number;
}
