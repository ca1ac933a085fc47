#!/usr/bin/env node
/*
 * Entry point behind `npm start` and `npm test`.
 *
 * On a fresh machine with only Node and npm it:
 *   1. finds a supported Node (22 or 24), fetching Node 24 from the npm
 *      registry into .tools/ when the system one is older;
 *   2. runs the committed Yarn release with that Node, installing with
 *      --immutable whenever the lockfile or a manifest changed;
 *   3. installs the Debian packages the command needs when running as root,
 *      or names the exact apt-get command otherwise;
 *   4. runs the command itself.
 *
 * Commands: start (the demo), test (tsc, lint, jest), replicas (two backend
 * replicas on one PostgreSQL, scripts/run-replicas.js), e2e (the browser suite
 * in e2e/, through scripts/run-e2e.js; `e2e --screenshots` writes
 * docs/screenshots/ instead), bench (the benchmark that writes
 * docs/performance.md, scripts/bench.js) and setup (only steps 1-3, as for
 * test).
 *
 * Kept to plain CommonJS without newer syntax so that an old system Node can
 * still run it far enough to fetch a new one.
 */
'use strict';

var childProcess = require('child_process');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');

var ROOT = path.resolve(__dirname, '..');
var SUPPORTED_MAJORS = [22, 24];
var FETCHED_MAJOR = 24;
var YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
var INSTALL_STAMP = path.join(ROOT, 'node_modules', '.platform-ops-install');

/** Debian packages each command needs, keyed by a file that proves presence. */
var SYSTEM_PACKAGES = require('./system-packages.json');

function log(message) {
  process.stdout.write('[platform-ops] ' + message + '\n');
}

function fail(message) {
  process.stderr.write('[platform-ops] ' + message + '\n');
  process.exit(1);
}

function run(command, args, env, options) {
  var started = Date.now();
  var result = childProcess.spawnSync(command, args, {
    cwd: ROOT,
    env: env,
    stdio: (options && options.stdio) || 'inherit',
  });
  if (result.error) {
    fail('could not run ' + command + ': ' + result.error.message);
  }
  return { status: result.status, seconds: (Date.now() - started) / 1000 };
}

function nodeMajor(version) {
  return parseInt(String(version).replace(/^v/, '').split('.')[0], 10);
}

function hasHeaders(prefix) {
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
}

/** Returns { binDir, nodedir } of a supported Node, fetching one if needed. */
function resolveNode() {
  var major = nodeMajor(process.version);
  if (SUPPORTED_MAJORS.indexOf(major) !== -1) {
    var prefix = path.resolve(path.dirname(process.execPath), '..');
    return {
      binDir: path.dirname(process.execPath),
      nodedir: hasHeaders(prefix) ? prefix : process.env.npm_config_nodedir,
    };
  }
  if (process.platform !== 'linux') {
    fail(
      'Node ' + process.version + ' is not supported; install Node 22 or 24.',
    );
  }
  var packageName = 'node-linux-' + (process.arch === 'arm64' ? 'arm64' : 'x64');
  var toolsDir = path.join(ROOT, '.tools', 'node');
  var packageDir = path.join(toolsDir, 'node_modules', packageName);
  var binary = path.join(packageDir, 'bin', 'node');
  if (!fs.existsSync(binary)) {
    log(
      'system Node ' + process.version + ' is older than 22; fetching ' +
        packageName + '@' + FETCHED_MAJOR + ' from the npm registry into .tools/',
    );
    var npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    var fetched = run(npm, [
      'install', '--prefix', toolsDir, '--no-save', '--no-package-lock',
      '--no-audit', '--no-fund', packageName + '@' + FETCHED_MAJOR,
    ], process.env);
    if (fetched.status !== 0 || !fs.existsSync(binary)) {
      fail('fetching ' + packageName + ' failed; install Node 22 or 24 by hand.');
    }
  }
  return { binDir: path.dirname(binary), nodedir: packageDir };
}

function buildEnv(node, extra) {
  var env = Object.assign({}, process.env, extra || {});
  env.PATH = node.binDir + path.delimiter + (process.env.PATH || '');
  if (node.nodedir) {
    // node-gyp (better-sqlite3) builds against these headers instead of
    // trying to download them.
    env.npm_config_nodedir = node.nodedir;
  }
  // npm sets these for its own child; they would confuse Yarn.
  delete env.npm_config_prefix;
  delete env.npm_execpath;
  delete env.npm_node_execpath;
  return env;
}

function installFingerprint(nodeBin) {
  var hash = crypto.createHash('sha256');
  var nodeVersion = childProcess
    .execFileSync(path.join(nodeBin, 'node'), ['--version'])
    .toString()
    .trim();
  hash.update(nodeVersion);
  var files = ['yarn.lock', 'package.json', '.yarnrc.yml'];
  ['packages', 'plugins'].forEach(function (group) {
    var dir = path.join(ROOT, group);
    if (!fs.existsSync(dir)) return;
    fs.readdirSync(dir).sort().forEach(function (name) {
      var manifest = path.join(group, name, 'package.json');
      if (fs.existsSync(path.join(ROOT, manifest))) files.push(manifest);
    });
  });
  files.forEach(function (file) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  });
  return hash.digest('hex');
}

function ensureInstalled(node, env) {
  var fingerprint = installFingerprint(node.binDir);
  var current = fs.existsSync(INSTALL_STAMP)
    ? fs.readFileSync(INSTALL_STAMP, 'utf8').trim()
    : '';
  if (current === fingerprint) return;
  log('installing dependencies (yarn install --immutable)');
  var result = run(
    path.join(node.binDir, 'node'),
    [YARN, 'install', '--immutable'],
    env,
  );
  if (result.status !== 0) fail('yarn install --immutable failed.');
  fs.writeFileSync(INSTALL_STAMP, fingerprint + '\n');
  log('dependencies installed in ' + result.seconds.toFixed(0) + ' s');
}

function ensureSystemPackages(command, env, optional) {
  var wanted = (SYSTEM_PACKAGES[command] || []).filter(function (entry) {
    return !fs.existsSync(entry.provides);
  });
  if (wanted.length === 0) return;
  var names = wanted.map(function (entry) {
    return entry.package;
  });
  var isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  var aptCommand = 'apt-get update && apt-get install -y --no-install-recommends ' + names.join(' ');
  // Optional packages (the demo's Alertmanager) only improve what is shown;
  // without them the command still runs.
  var report = optional ? log : fail;
  if (!isRoot) {
    report(
      'missing system packages: ' + names.join(', ') +
        '.\nInstall them with:\n  sudo sh -c \'' + aptCommand + '\'' +
        (optional ? '\nContinuing without them.' : ''),
    );
    return;
  }
  log('installing system packages: ' + names.join(', '));
  var aptEnv = Object.assign({}, env, { DEBIAN_FRONTEND: 'noninteractive' });
  var result = run('sh', ['-c', aptCommand], aptEnv);
  if (result.status !== 0) {
    report('installing ' + names.join(', ') + ' failed' + (optional ? '; continuing without them.' : '.'));
  }
}

function yarn(node, env, args) {
  return run(path.join(node.binDir, 'node'), [YARN].concat(args), env);
}

/**
 * The maintenance-window suite runs again under these process time zones:
 * window occurrences must not depend on the zone the backend runs in.
 */
var TIME_ZONE_SUITE = 'plugins/platform-ops-common/src/maintenance';
var OTHER_TIME_ZONES = ['America/New_York', 'Asia/Kolkata'];

function runTests(node, env, extraArgs) {
  var steps = extraArgs.length
    ? [['jest', ['backstage-cli', 'repo', 'test'].concat(extraArgs)]]
    : [
        ['tsc', ['tsc']],
        ['lint', ['backstage-cli', 'repo', 'lint']],
        ['jest', ['backstage-cli', 'repo', 'test'], 'UTC'],
      ].concat(
        OTHER_TIME_ZONES.map(function (zone) {
          return [
            'jest (TZ=' + zone + ')',
            ['backstage-cli', 'repo', 'test', TIME_ZONE_SUITE],
            zone,
          ];
        }),
      );
  var timings = [];
  for (var i = 0; i < steps.length; i++) {
    log('running ' + steps[i][0]);
    var stepEnv = steps[i][2]
      ? Object.assign({}, env, { TZ: steps[i][2] })
      : env;
    var result = yarn(node, stepEnv, steps[i][1]);
    timings.push(steps[i][0] + ' ' + result.seconds.toFixed(0) + ' s');
    if (result.status !== 0) fail(steps[i][0] + ' failed (' + timings.join(', ') + ')');
  }
  log('all steps passed (' + timings.join(', ') + ')');
}

function runNodeScript(node, env, script, args) {
  var result = run(
    path.join(node.binDir, 'node'),
    [path.join(ROOT, 'scripts', script)].concat(args),
    env,
  );
  process.exit(result.status === null ? 1 : result.status);
}

var COMMANDS = ['start', 'test', 'e2e', 'replicas', 'bench', 'setup'];

function main() {
  var command = process.argv[2];
  var extraArgs = process.argv.slice(3);
  // `npm test -- path` drops the `--`; calling this script directly keeps
  // it, and jest would then take its own options for path patterns.
  if (extraArgs[0] === '--') extraArgs = extraArgs.slice(1);
  if (COMMANDS.indexOf(command) === -1) {
    fail('usage: node scripts/bootstrap.js start|test|e2e|replicas|bench|setup [args]');
  }
  var node = resolveNode();
  var isTest = command !== 'start';
  var env = buildEnv(node, isTest ? { CI: 'true' } : {});
  // e2e and setup need what the full test run needs; bench only Alertmanager.
  var packagesFor = command === 'bench' ? 'bench' : isTest ? 'test' : 'start';
  ensureSystemPackages(packagesFor, env, command === 'start');
  ensureInstalled(node, env);
  if (command === 'test') {
    runTests(node, env, extraArgs);
  } else if (command === 'e2e') {
    runNodeScript(node, env, 'run-e2e.js', extraArgs);
  } else if (command === 'bench') {
    runNodeScript(node, env, 'bench.js', extraArgs);
  } else if (command === 'replicas') {
    runNodeScript(node, env, 'run-replicas.js', extraArgs);
  } else if (command === 'start') {
    runNodeScript(node, env, 'start-demo.js', []);
  }
}

main();
