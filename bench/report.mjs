// Presentation of a bench result: the console table, the markdown summary and the SVG latency chart.

/** @typedef {import("./types.d.ts").Results} Results */
/** @typedef {import("./types.d.ts").Figure} Figure */

/** A number with about three significant digits (at least `digits` decimals below 10); "–" for none. */
const fmt = (/** @type {unknown} */ v, digits = 2) => {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (typeof v !== "number") return String(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return v.toFixed(0);
  if (abs >= 100) return v.toFixed(Math.min(digits, 1));
  if (abs >= 10) return v.toFixed(Math.min(digits, 2));
  return v.toFixed(Math.max(digits, 2));
};

/** A figure's value with its unit. */
export function formatValue(/** @type {number | null | undefined} */ value, /** @type {string} */ unit) {
  if (value === null || value === undefined) return "–";
  if (unit === "%") return `${value >= 0 ? "+" : ""}${fmt(value, 1)} %`;
  if (unit === "p") return value < 0.0001 ? value.toExponential(1) : value.toFixed(4);
  return `${fmt(value)} ${unit}`;
}

/** A target as the table shows it. */
export function formatTarget(/** @type {import("./types.d.ts").Target | null | undefined} */ target) {
  if (target === null || target === undefined) return "";
  return target.text;
}

function resultWord(/** @type {Figure} */ figure, /** @type {boolean} */ judged) {
  if (figure.error !== undefined) return "ERROR";
  if (figure.pass === null || figure.pass === undefined) return "";
  if (!judged) return figure.pass ? "(pass)" : "(miss)";
  return figure.pass ? "pass" : "MISS";
}

/** Rows of the figure table: [figure, value, baseline, ratio, target, result]. */
export function tableRows(/** @type {Results} */ results) {
  const judged = !results.smoke;
  return results.figures.map((f) => [
    f.label,
    f.error !== undefined
      ? `error: ${f.error}`
      : f.pending !== undefined
        ? `not measured: ${f.pending}`
        : formatValue(f.value, f.unit),
    f.baseline ? `${f.baseline.label}: ${formatValue(f.baseline.value, f.baseline.unit ?? f.unit)}` : "",
    f.ratio === null || f.ratio === undefined ? "" : `${fmt(f.ratio)}×`,
    formatTarget(f.target),
    resultWord(f, judged),
  ]);
}

const HEAD = ["Figure", "Value", "Baseline", "Ratio", "Target", "Result"];

/** The figure table in fixed-width columns. */
export function consoleTable(/** @type {Results} */ results) {
  const rows = [HEAD, ...tableRows(results)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (/** @type {string[]} */ r) =>
    r
      .map((c, i) => String(c).padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

function mdEscape(/** @type {string} */ text) {
  return String(text).replace(/\|/g, "\\|");
}

/** The results' .md file, which shows `svgFile`. */
export function markdownSummary(/** @type {Results} */ results, /** @type {string} */ svgFile) {
  const m = results.machine;
  const out = [];
  out.push(`# Benchmark ${results.smoke ? "(smoke run — figures not judged) " : ""}${results.date}`);
  out.push("");
  out.push(
    `Commit \`${results.git.commit}\`${results.git.dirty ? " (working tree has uncommitted changes)" : ""} · ` +
      `${m.cpus} × ${m.cpu_model} · ${Math.round(m.memory_mb / 1024)} GiB · ${m.os} · Node ${m.node} · ` +
      `load average at start ${m.loadavg_start.map((v) => v.toFixed(2)).join(" / ")}, at end ${(m.loadavg_end ?? []).map((v) => v.toFixed(2)).join(" / ")} · ` +
      `wall time ${results.wall_time_s.toFixed(0)} s`,
  );
  out.push("");
  const uncommitted = results.git.uncommitted_in_src ?? [];
  if (uncommitted.length > 0) {
    out.push(`The measured copy of src/ has uncommitted changes: ${uncommitted.map((l) => `\`${l}\``).join(", ")}.`);
    out.push("");
  }
  out.push(`| ${HEAD.join(" | ")} |`);
  out.push(`|${HEAD.map(() => "---").join("|")}|`);
  for (const row of tableRows(results)) out.push(`| ${row.map(mdEscape).join(" | ")} |`);
  out.push("");
  const missed = results.figures.filter((f) => f.pass === false);
  if (!results.smoke) {
    out.push(missed.length === 0 ? "Every target met." : `Missed: ${missed.map((f) => f.label).join("; ")}.`);
    out.push("");
  }
  out.push(...roundTripLines(results), ...costLines(results));
  out.push(`![Latency percentiles](${svgFile})`);
  out.push("");
  out.push("## Load runs (autocannon)");
  out.push("");
  out.push(
    "| Run | Request | Conns | Time | 2xx | Other | Throughput | p50 | p90 | p99 | max | CPU/req: Worker | proxy | load gen |",
  );
  out.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results.runs) {
    const cpu = r.cpu_ms_per_request;
    out.push(
      `| ${r.name} | \`${r.method} ${r.path}\` | ${r.connections} | ${r.elapsed_s.toFixed(1)} s | ${r.ok} | ${r.non2xx + r.errors} | ` +
        `${fmt(r.rps)} req/s | ${fmt(r.latency.p50)} ms | ${fmt(r.latency.p90)} ms | ${fmt(r.latency.p99)} ms | ${fmt(r.latency.max)} ms | ` +
        `${cpu ? `${fmt(cpu.worker)} ms | ${fmt(cpu.proxy)} ms | ${fmt(cpu.loadgen)} ms` : "– | – | –"} |`,
    );
  }
  out.push("");
  out.push(
    "CPU/req: CPU time per successful request, from /proc, of the workerd process that runs the Worker together with every local " +
      "binding simulator (D1, KV, Durable Objects, Queues, rate limits — one JavaScript thread), of wrangler's proxy (a second workerd) and of the " +
      "load generator (this bench process).",
  );
  out.push("");
  if (results.calibration && Object.keys(results.calibration).length > 0) {
    out.push("## Local cost of one binding call");
    out.push("");
    out.push("| Call | Worker-process CPU | Wall time |");
    out.push("|---|---|---|");
    for (const [kind, v] of Object.entries(results.calibration)) {
      out.push(
        `| ${kind} | ${v.worker_cpu_ms_per_call === null ? "–" : `${fmt(v.worker_cpu_ms_per_call)} ms`} | ${fmt(v.wall_ms_per_call)} ms |`,
      );
    }
    out.push("");
    out.push(
      "Locally every binding is simulated inside the Worker's own workerd process, on the same thread; in production these calls are " +
        "network round trips served by other machines and cost the Worker almost no CPU.",
    );
    out.push("");
  }
  if (results.unloaded && Object.values(results.unloaded).some(Boolean)) {
    out.push("## Unloaded latency (one request at a time)");
    out.push("");
    out.push("| Request | n | p50 | p90 | p99 |");
    out.push("|---|---|---|---|---|");
    for (const u of Object.values(results.unloaded).filter((u) => u !== null))
      out.push(`| ${u.name} | ${u.n} | ${fmt(u.p50)} ms | ${fmt(u.p90)} ms | ${fmt(u.p99)} ms |`);
    out.push("");
  }
  out.push("## Bench configuration");
  out.push("");
  for (const note of results.configuration) out.push(`- ${note}`);
  out.push("");
  if (results.notes.length > 0) {
    out.push("## Notes");
    out.push("");
    for (const note of results.notes) out.push(`- ${note}`);
    out.push("");
  }
  out.push("## Phases");
  out.push("");
  out.push("| Phase | Seconds |");
  out.push("|---|---|");
  for (const [name, s] of Object.entries(results.phases_s)) out.push(`| ${name} | ${s.toFixed(1)} |`);
  out.push("");
  out.push("How to read this: see bench/README.md.");
  out.push("");
  return out.join("\n");
}

/**
 * Horizontal grouped bars (p50, p90, p99) on a log scale, one group per latency series.
 * @param {({ label: string } & import("./types.d.ts").LatencySummary)[]} series
 * @param {string} title
 */
export function latencySvg(series, title) {
  const colors = { p50: "#2b6cb0", p90: "#d69e2e", p99: "#c53030" };
  const keys = /** @type {const} */ (["p50", "p90", "p99"]);
  const left = 250;
  const right = 30;
  const top = 48;
  const barH = 7;
  const groupGap = 10;
  const groupH = keys.length * barH + groupGap;
  const plotW = 520;
  const width = left + plotW + right;
  const height = top + series.length * groupH + 40;
  const values = series.flatMap((s) => keys.map((k) => s[k])).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.max(0.01, Math.min(...values))));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const x = (/** @type {number} */ v) =>
    left + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotW;
  const esc = (/** @type {string} */ t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
  );
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(`<text x="${left}" y="18" font-size="13" font-weight="bold">${esc(title)}</text>`);
  keys.forEach((k, i) => {
    parts.push(
      `<rect x="${left + i * 60}" y="26" width="10" height="10" fill="${colors[k]}"/><text x="${left + i * 60 + 14}" y="35">${k}</text>`,
    );
  });
  parts.push(`<text x="${left + 200}" y="35" fill="#555">ms, log scale</text>`);
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    const xx = x(d).toFixed(1);
    parts.push(`<line x1="${xx}" y1="${top - 4}" x2="${xx}" y2="${height - 30}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${xx}" y="${height - 16}" text-anchor="middle" fill="#555">${d >= 1 ? d : d.toPrecision(1)}</text>`,
    );
  }
  series.forEach((s, gi) => {
    const gy = top + gi * groupH;
    parts.push(
      `<text x="${left - 8}" y="${gy + (keys.length * barH) / 2 + 4}" text-anchor="end">${esc(s.label)}</text>`,
    );
    keys.forEach((k, i) => {
      const v = s[k];
      const y = gy + i * barH;
      const w = Math.max(1, x(v) - left);
      parts.push(
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 1}" fill="${colors[k]}"><title>${esc(s.label)} ${k} ${fmt(v)} ms</title></rect>`,
      );
    });
    parts.push(
      `<text x="${Math.min(width - right, x(s.p99) + 4).toFixed(1)}" y="${gy + 2 * barH + 5}" fill="#333" font-size="9">${fmt(s.p99)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

const KINDS = ["d1", "kv_read", "kv_write", "kv_list", "durable_object", "queue", "rate_limit", "fetch"];

function callText(/** @type {Record<string, number> | null | undefined} */ calls) {
  if (calls === null || calls === undefined) return "–";
  const parts = KINDS.filter((k) => (calls[k] ?? 0) > 0).map((k) => `${k} ${fmt(calls[k])}`);
  return parts.length === 0 ? "none" : parts.join(", ");
}

/** The round-trip table: calls per request and per consumer job, and the steps the person waits for. */
export function roundTripLines(/** @type {Results} */ results) {
  if (!results.round_trips?.length) return [];
  const out = ["## Round trips per flow (binding meter)", ""];
  out.push(
    "| Flow | Requests | Calls per request | Sequential steps (mean / worst) | Target | After the response | Consumer calls per job (jobs) |",
  );
  out.push("|---|---|---|---|---|---|---|");
  for (const r of results.round_trips) {
    out.push(
      `| ${r.flow} | ${r.requests} | ${callText(r.calls)} | ${fmt(r.sequential)} / ${r.maxSequential} | ≤ ${r.target} | ${fmt(r.background)} | ` +
        `${r.consumer_calls === null ? "–" : `${callText(r.consumer_calls)} (${r.consumer_jobs})`} |`,
    );
  }
  out.push("");
  out.push(
    "Sequential steps: storage calls on the path the person waits for that started with no other such call in flight " +
      "(calls made together count once); the per-IP flood check (rate_limit) is counted but is never a step. " +
      "After the response: calls the request left to waitUntil. Consumer: the email queue's work, per job, in the same window.",
  );
  out.push("");
  return out;
}

/** The cost table: US dollars per million of each flow at list prices. */
export function costLines(/** @type {Results} */ results) {
  if (!results.costs?.length) return [];
  const p = results.prices;
  const out = [`## Cost per million (list prices of ${p.date}, beyond the monthly inclusions)`, ""];
  out.push(
    "| Flow | Workers (requests + CPU) | Durable Objects | D1 | KV | Queues | Total | Worker CPU per request (est.) |",
  );
  out.push("|---|---|---|---|---|---|---|---|");
  for (const c of results.costs) {
    const d = c.dollars;
    out.push(
      `| ${c.flow} | $${fmt(d.workers)} | $${fmt(d.durable_objects)} | $${fmt(d.d1)} | $${fmt(d.kv)} | $${fmt(d.queues)} | **$${fmt(c.total)}** | ` +
        `${c.ops.cpu_ms === null ? "–" : `${fmt(c.ops.cpu_ms)} ms`} |`,
    );
  }
  out.push("");
  return out;
}
