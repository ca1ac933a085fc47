import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { freePort } from './postgres';

const BINARY = process.env.ALERTMANAGER_PATH ?? '/usr/bin/prometheus-alertmanager';

/** Alertmanager's minimal valid config: every alert goes nowhere. */
const CONFIG = `route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n`;

/** A real Alertmanager on 127.0.0.1, started for one test file. */
export type TestAlertmanager = {
  baseUrl: string;
  post(alerts: Array<{ labels: Record<string, string>; annotations?: Record<string, string>; generatorURL?: string }>): Promise<void>;
  silence(matchers: Array<{ name: string; value: string }>, comment: string): Promise<string>;
  /** Every alert, silenced and inhibited ones included, as `GET /api/v2/alerts` gives them. */
  alerts(): Promise<TestAlert[]>;
  /** Every silence, expired ones included, as `GET /api/v2/silences` gives them. */
  silences(): Promise<TestSilence[]>;
  stop(): Promise<void>;
};

/** An alert as Alertmanager's API v2 returns it (the fields tests read). */
export type TestAlert = {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
};

/** A silence as Alertmanager's API v2 returns it. */
export type TestSilence = {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
  matchers: Array<{ name: string; value: string; isRegex: boolean; isEqual?: boolean }>;
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitUntilReady(baseUrl: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`Alertmanager exited with ${child.exitCode}`);
    const ready = await fetch(`${baseUrl}/-/ready`).then(
      response => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`Alertmanager at ${baseUrl} was not ready after 10 s`);
}

export async function startAlertmanager(): Promise<TestAlertmanager> {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`${BINARY} not found; install it with: apt-get install -y prometheus-alertmanager`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-am-'));
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), CONFIG);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    BINARY,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  await waitUntilReady(baseUrl, child);
  const endsAt = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();
  return {
    baseUrl,
    async post(alerts) {
      const response = await fetch(`${baseUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts.map(alert => ({ ...alert, endsAt: endsAt() }))),
      });
      if (!response.ok) throw new Error(`posting alerts: ${response.status} ${await response.text()}`);
    },
    async silence(matchers, comment) {
      const response = await fetch(`${baseUrl}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: matchers.map(matcher => ({ ...matcher, isRegex: false, isEqual: true })),
          startsAt: new Date().toISOString(),
          endsAt: endsAt(),
          createdBy: 'platform-ops tests',
          comment,
        }),
      });
      if (!response.ok) throw new Error(`silencing: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { silenceID: string }).silenceID;
    },
    alerts() {
      return getJson<TestAlert[]>(`${baseUrl}/api/v2/alerts`);
    },
    silences() {
      return getJson<TestSilence[]>(`${baseUrl}/api/v2/silences`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise(resolve => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A server on 127.0.0.1 that accepts connections and never answers, for
 * testing that a client gives up within its timeout.
 */
export async function startUnansweringServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/** Polls `check` until it returns a value, at most `attempts` times. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  attempts = 100,
  intervalMs = 100,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  throw new Error(`condition not met after ${attempts} attempts`);
}
