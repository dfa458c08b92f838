// Small statistics for the bench: quantiles and the Mann–Whitney U test (two-sided, normal
// approximation with tie correction and continuity correction, as scipy's method="asymptotic").
// `node bench/stats.mjs` runs the self-check; run.mjs also runs it before every bench.

/** Quantile q in [0, 1] with linear interpolation (numpy's default). */
export function quantile(/** @type {number[]} */ values, /** @type {number} */ q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = /** @type {number} */ (sorted[Math.floor(pos)]);
  const hi = /** @type {number} */ (sorted[Math.ceil(pos)]);
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

/** The median, interpolated between the middle two of an even count. */
export const median = (/** @type {number[]} */ values) => quantile(values, 0.5);

/** The arithmetic mean; NaN for no values. */
export function mean(/** @type {number[]} */ values) {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
function erfc(/** @type {number} */ x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(/** @type {number} */ z) {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Mann–Whitney U test of x against y. Returns { u1, u2, z, p } where u1 is the U statistic of x
 * (the number of pairs with x > y, ties counting one half) and p is two-sided.
 */
export function mannWhitneyU(/** @type {number[]} */ x, /** @type {number[]} */ y) {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("both samples need at least one value");
  const all = [...x.map((v) => ({ v, g: 0 })), ...y.map((v) => ({ v, g: 1 }))].sort((a, b) => a.v - b.v);
  const n = all.length;
  const at = (/** @type {number} */ i) => /** @type {{ v: number, g: number }} */ (all[i]);
  let rankSumX = 0;
  let tieTerm = 0; // sum over tie groups of (t^3 - t)
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && at(j + 1).v === at(i).v) j++;
    const t = j - i + 1;
    const rank = (i + j + 2) / 2; // average of ranks i+1 .. j+1
    for (let k = i; k <= j; k++) if (at(k).g === 0) rankSumX += rank;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (sigma === 0) return { u1, u2, z: 0, p: 1 };
  const u = Math.max(u1, u2);
  const z = (u - mu - 0.5) / sigma; // continuity correction
  const p = Math.min(1, 2 * normalSf(z));
  return { u1, u2, z, p };
}

/** Throws unless the implementation matches reference values (scipy 1.17 mannwhitneyu, asymptotic). */
export function selfCheck() {
  const close = (
    /** @type {number} */ a,
    /** @type {number} */ b,
    /** @type {number} */ tol,
    /** @type {string} */ what,
  ) => {
    if (!(Math.abs(a - b) <= tol)) throw new Error(`stats self-check failed: ${what}: got ${a}, expected ${b}`);
  };
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const r1 = mannWhitneyU(x, y);
  close(r1.u1, 58, 0, "U, no ties");
  close(r1.p, 0.13291945818531892, 1e-6, "p, no ties");
  const a = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 7, 8];
  const b = [2, 3, 4, 4, 5, 6, 6, 6, 8, 9, 9, 10];
  const r2 = mannWhitneyU(a, b);
  close(r2.u1, 56.5, 0, "U, ties");
  close(r2.p, 0.162161174116897, 1e-6, "p, ties");
  close(mannWhitneyU(a, a).p, 1, 1e-12, "p, identical samples");
  close(mannWhitneyU([1, 1, 1], [1, 1]).p, 1, 0, "p, all tied");
  // Clearly different samples: tiny p, and symmetric in the order of the samples.
  const lo = Array.from({ length: 500 }, (_, i) => 10 + (i % 50) / 10);
  const hi = lo.map((v) => v + 3);
  const r3 = mannWhitneyU(lo, hi);
  if (!(r3.p < 1e-10)) throw new Error(`stats self-check failed: separated samples p=${r3.p}`);
  close(mannWhitneyU(hi, lo).p, r3.p, 1e-15, "p symmetric");
  close(median([3, 1, 2]), 2, 0, "median odd");
  close(median([4, 1, 2, 3]), 2.5, 0, "median even");
  close(quantile([1, 2, 3, 4, 5], 0.99), 4.96, 1e-12, "p99 interpolation");
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  selfCheck();
  console.log("bench/stats.mjs self-check passed");
}
