/**
 * The platform-ops-lint command: checks platform-ops/ annotations in
 * catalog files against the app-config.
 *
 * @packageDocumentation
 */

import { main } from './main';

// The bin loads this module; it is the command, not a library entry.
main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`platform-ops-lint: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
