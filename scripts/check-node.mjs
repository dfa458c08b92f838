// Fails fast when npm scripts run on a Node older than wrangler needs.
// The `node` devDependency puts Node 22 first on PATH for npm scripts; if its install script was skipped
// (npm install --ignore-scripts), the system Node is used instead and wrangler would fail obscurely.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `This project needs Node >= 22 for its scripts, but ${process.execPath} is v${process.versions.node}.\n` +
      "Run `npm install` (with install scripts enabled) so the pinned `node` devDependency provides it, or use `nvm use` (.nvmrc).",
  );
  process.exit(1);
}
