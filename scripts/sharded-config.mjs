// The local configuration with several D1 shards (src/core/shards.ts): wrangler.toml's text plus the
// bindings DB_2 … DB_<n> and D1_SHARD_LAYOUT. Used by `npm run dev:sharded` and the sharded test runs, so
// both serve exactly the Worker `npm run dev` serves, with more databases.

/**
 * The D1 bindings of `count` shards, as src/core/shards.ts names them.
 * @param {number} count
 */
export function shardBindings(count) {
  return Array.from({ length: count }, (_, i) => (i === 0 ? "DB" : `DB_${i + 1}`));
}

/**
 * `toml` (wrangler.toml's text) with `layout`'s shards bound and D1_SHARD_LAYOUT set; top level only.
 * @param {string} toml
 * @param {string} layout
 */
export function withShards(toml, layout) {
  const count = Number(String(layout).split(",").at(-1));
  const blocks = shardBindings(count)
    .slice(1)
    .map(
      (binding, i) => `[[d1_databases]]
binding = "${binding}"
database_name = "accounts-${i + 2}"
database_id = "00000000-0000-0000-0000-${String(i + 2).padStart(12, "0")}"
migrations_dir = "migrations"

`,
    )
    .join("");
  const kv = toml.indexOf("[[kv_namespaces]]");
  if (kv < 0 || !toml.includes("[vars]\n")) throw new Error("wrangler.toml has no [vars] or [[kv_namespaces]]");
  const text = `${toml.slice(0, kv)}${blocks}${toml.slice(kv)}`;
  return text.replace("[vars]\n", `[vars]\nD1_SHARD_LAYOUT = "${layout}"\n`);
}
