import { EnvironmentConfig } from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  SourceAlert,
} from '@platform-ops/plugin-platform-ops-node';
import { z } from 'zod';

/** An Alertmanager that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** The config key of the response limit, for error messages. */
const LIMIT_KEY = 'platformOps.environments[].alertmanager.maxResponseBytes';

/** What the backend reads of Alertmanager's `GettableAlerts`. */
const gettableAlerts = z.array(
  z.object({
    fingerprint: z.string(),
    labels: z.record(z.string()),
    annotations: z.record(z.string()).default({}),
    startsAt: z.string(),
    generatorURL: z.string().optional(),
    status: z.object({
      state: z.enum(['active', 'suppressed', 'unprocessed']),
      silencedBy: z.array(z.string()).nullish(),
      inhibitedBy: z.array(z.string()).nullish(),
    }),
  }),
);

type GettableAlert = z.input<typeof gettableAlerts>[number];

const STATES: unknown[] =
  gettableAlerts.element.shape.status.shape.state.options;

function isStringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  for (const key in value) {
    if (typeof (value as Record<string, unknown>)[key] !== 'string') {
      return false;
    }
  }
  return true;
}

function isStringList(value: unknown): value is string[] | null | undefined {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.every(item => typeof item === 'string'))
  );
}

/**
 * Whether `gettableAlerts` accepts an alert as it is, checked without
 * copying: for tens of thousands of alerts a poll, zod costs about twice
 * the JSON parsing.
 */
function isGettableAlert(value: unknown): value is GettableAlert {
  if (typeof value !== 'object' || value === null) return false;
  const alert = value as Record<string, unknown>;
  const status = alert.status as Record<string, unknown> | null | undefined;
  return (
    typeof alert.fingerprint === 'string' &&
    isStringRecord(alert.labels) &&
    (alert.annotations === undefined || isStringRecord(alert.annotations)) &&
    typeof alert.startsAt === 'string' &&
    (alert.generatorURL === undefined ||
      typeof alert.generatorURL === 'string') &&
    typeof status === 'object' &&
    status !== null &&
    STATES.includes(status.state) &&
    isStringList(status.silencedBy) &&
    isStringList(status.inhibitedBy)
  );
}

/**
 * The alerts of a parsed `GET /api/v2/alerts` body, read as
 * `gettableAlerts` reads them, or what is wrong with the body. Checked in
 * place first; only a body that check refuses goes through zod, for its
 * verdict and message.
 */
export function sourceAlertsOf(
  json: unknown,
): SourceAlert[] | { error: string } {
  let alerts: GettableAlert[];
  if (Array.isArray(json) && json.every(isGettableAlert)) {
    alerts = json;
  } else {
    const parsed = gettableAlerts.safeParse(json);
    if (!parsed.success) {
      return {
        error: parsed.error.issues[0]?.message ?? 'not a list of alerts',
      };
    }
    alerts = parsed.data;
  }
  return alerts.map(alert => ({
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    annotations: alert.annotations ?? {},
    startsAt: alert.startsAt,
    state: alert.status.state,
    silencedBy: alert.status.silencedBy ?? [],
    inhibitedBy: alert.status.inhibitedBy ?? [],
    generatorURL: alert.generatorURL || undefined,
  }));
}

/**
 * Reads a response body as text, stopping at `limit` bytes: a source that
 * sends without end must not make the backend buffer without end. A declared
 * Content-Length over the limit is refused before reading.
 */
async function readLimitedText(
  response: Response,
  limit: number,
): Promise<{ tooLarge: true } | { tooLarge: false; text: string }> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!response.body || declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return declared > limit
      ? { tooLarge: true }
      : { tooLarge: false, text: '' };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Reads every alert, silenced and inhibited ones included, from one
 * environment's Alertmanager through its HTTP API v2. The URL comes from
 * config only.
 */
export class AlertmanagerSource implements AlertSource {
  readonly id: string;

  private constructor(
    readonly environment: string,
    private readonly alertsUrl: URL,
    private readonly maxResponseBytes: number,
    private readonly timeoutMs: number,
  ) {
    this.id = `alertmanager:${environment}`;
  }

  /**
   * The source of an environment, or undefined when config names no
   * Alertmanager. `timeoutMs` bounds the whole request, body included.
   */
  static fromConfig(
    environment: EnvironmentConfig,
    options: { timeoutMs?: number } = {},
  ): AlertmanagerSource | undefined {
    if (!environment.alertmanager) return undefined;
    const base = environment.alertmanager.baseUrl.replace(/\/*$/, '/');
    const url = new URL('api/v2/alerts', base);
    url.search = new URLSearchParams({
      active: 'true',
      silenced: 'true',
      inhibited: 'true',
      unprocessed: 'true',
    }).toString();
    return new AlertmanagerSource(
      environment.name,
      url,
      environment.alertmanager.maxResponseBytes,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  async fetchAlerts(
    options: { signal?: AbortSignal } = {},
  ): Promise<SourceAlert[]> {
    const origin = this.alertsUrl.origin;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([timeout, options.signal])
      : timeout;
    let response: Response;
    try {
      response = await fetch(this.alertsUrl, { signal });
    } catch (error) {
      throw this.failure(error, timeout, options.signal);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(
        `Alertmanager at ${origin} answered ${response.status} ${response.statusText}`,
      );
    }
    let body: Awaited<ReturnType<typeof readLimitedText>>;
    try {
      body = await readLimitedText(response, this.maxResponseBytes);
    } catch (error) {
      // The timeout covers the body too: a stalled body is no answer.
      throw this.failure(error, timeout, options.signal);
    }
    if (body.tooLarge) {
      throw new Error(
        `Alertmanager at ${origin} sent more than ${this.maxResponseBytes} bytes of alerts; ` +
          `raise ${LIMIT_KEY} of environment "${this.environment}" if that many are expected`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      throw new Error(`Alertmanager at ${origin} sent a body that is not JSON`);
    }
    const alerts = sourceAlertsOf(json);
    if ('error' in alerts) {
      throw new Error(
        `Alertmanager at ${origin} sent an unexpected body: ${alerts.error}`,
      );
    }
    return alerts;
  }

  /** Why a request or the reading of its body failed, in words. */
  private failure(
    error: unknown,
    timeout: AbortSignal,
    caller: AbortSignal | undefined,
  ): Error {
    const origin = this.alertsUrl.origin;
    if (caller?.aborted) {
      return new Error(
        `Reading alerts from Alertmanager at ${origin} was cancelled`,
      );
    }
    if (timeout.aborted) {
      return new Error(
        `Alertmanager at ${origin} did not answer within ${
          this.timeoutMs / 1000
        } s`,
      );
    }
    const reason =
      (error as Error & { cause?: Error }).cause?.message ??
      (error as Error).message;
    return new Error(`Alertmanager at ${origin} did not answer: ${reason}`);
  }
}
