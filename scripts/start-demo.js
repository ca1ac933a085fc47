#!/usr/bin/env node
/*
 * Serves the demo Backstage (frontend :3000, backend :7007) with the demo
 * platform catalog. Run through `npm start`, which sets up Node and the
 * dependencies first.
 */
'use strict';

const childProcess = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');

function main() {
  const backstage = childProcess.spawn(
    process.execPath,
    [YARN, 'backstage-cli', 'repo', 'start'],
    { cwd: ROOT, env: process.env, stdio: 'inherit' },
  );
  const stop = signal => backstage.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  backstage.on('exit', code => process.exit(code ?? 1));
}

main();
