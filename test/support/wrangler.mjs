// What the node:test tiers (test/e2e, test/production) share to run `wrangler dev`: where it is, the
// environment it runs in (the same Node 22 as the tests: npm scripts put node_modules/.bin first), and a
// free port on 127.0.0.1.
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const wranglerJs = path.join(root, "node_modules/wrangler/bin/wrangler.js");
export const toolEnv = {
  ...process.env,
  PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
};

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
