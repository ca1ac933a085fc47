import { execFile, spawnSync } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

/** A PostgreSQL server started for the tests, on loopback only. */
export type TestPostgres = {
  dataDir: string;
  port: number;
  connectionString: string;
  /**
   * Restarts the server on the same port and data, without blocking the
   * event loop, so requests can be in flight meanwhile. Open connections
   * are ended (`-m fast`). With `downForMs`, the server stays stopped that
   * long before it starts again.
   */
  restart(options?: { downForMs?: number }): Promise<void>;
  stop(): void;
};

function findBinary(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).sort().reverse()
    : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `PostgreSQL's ${name} was not found under ${root}; install it with: apt-get install -y postgresql`,
  );
}

/** runuser lives in sbin, which a minimal PATH may lack. */
function findRunuser(): string {
  const found = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(
    file => fs.existsSync(file),
  );
  if (!found)
    throw new Error(
      'runuser not found: needed to run PostgreSQL as the postgres user when root',
    );
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL with trust authentication on 127.0.0.1.
 * initdb refuses to run as root, so as root the server runs as `postgres`.
 */
/** The postgres account created by Debian's postgresql package. */
function postgresIds(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find(entry => entry.startsWith('postgres:'));
  if (!line)
    throw new Error(
      'no postgres user; install PostgreSQL with: apt-get install -y postgresql',
    );
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgres(): Promise<TestPostgres> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : os.userInfo().username;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-pg-'));
  if (asRoot) fs.chownSync(dataDir, postgresIds().uid, postgresIds().gid);
  const runuser = asRoot ? findRunuser() : undefined;
  const run = (command: string, args: string[]) => {
    const [file, argv] = runuser
      ? [runuser, ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      const reason = result.error?.message ?? (result.stderr || result.stdout);
      throw new Error(`${command} failed: ${reason}`);
    }
  };
  const runAsync = (command: string, args: string[]) => {
    const [file, argv] = runuser
      ? [runuser, ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    return new Promise<void>((resolve, reject) => {
      execFile(file, argv, { timeout: 60_000 }, (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `${command} failed: ${stderr || stdout || error.message}`,
            ),
          );
        else resolve();
      });
    });
  };
  run(initdb, ['-D', dataDir, '--auth=trust', '-U', user, '--no-sync']);
  const port = await freePort();
  // The log file keeps the server's output off the caller's pipes, which
  // would otherwise stay open as long as the server runs.
  const serverOptions = [
    '-D',
    dataDir,
    '-w',
    '-t',
    '30',
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dataDir} -c fsync=off`,
  ];
  run(pgCtl, [...serverOptions, 'start']);
  return {
    dataDir,
    port,
    connectionString: `postgresql://${user}@127.0.0.1:${port}`,
    async restart(options) {
      if (options?.downForMs === undefined) {
        await runAsync(pgCtl, [...serverOptions, '-m', 'fast', 'restart']);
        return;
      }
      await runAsync(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      await new Promise(resolve => setTimeout(resolve, options.downForMs));
      await runAsync(pgCtl, [...serverOptions, 'start']);
    },
    stop() {
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
