import { EnvironmentConfig } from '@platform-ops/plugin-platform-ops-common';
import { AlertSource, SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import { z } from 'zod';

/** An Alertmanager that takes longer than this is reported as unreachable. */
const TIMEOUT_MS = 10_000;

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
  ) {
    this.id = `alertmanager:${environment}`;
  }

  /** The source of an environment, or undefined when config names no Alertmanager. */
  static fromConfig(environment: EnvironmentConfig): AlertmanagerSource | undefined {
    if (!environment.alertmanager) return undefined;
    const base = environment.alertmanager.baseUrl.replace(/\/*$/, '/');
    const url = new URL('api/v2/alerts', base);
    url.search = new URLSearchParams({
      active: 'true',
      silenced: 'true',
      inhibited: 'true',
      unprocessed: 'true',
    }).toString();
    return new AlertmanagerSource(environment.name, url);
  }

  async fetchAlerts(options: { signal?: AbortSignal } = {}): Promise<SourceAlert[]> {
    const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    let response: Response;
    try {
      response = await fetch(this.alertsUrl, { signal: AbortSignal.any(signals) });
    } catch (error) {
      const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new Error(`Alertmanager at ${this.alertsUrl.origin} did not answer: ${reason}`);
    }
    if (!response.ok) {
      throw new Error(
        `Alertmanager at ${this.alertsUrl.origin} answered ${response.status} ${response.statusText}`,
      );
    }
    const parsed = gettableAlerts.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new Error(
        `Alertmanager at ${this.alertsUrl.origin} sent an unexpected body: ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data.map(alert => ({
      fingerprint: alert.fingerprint,
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      state: alert.status.state,
      silencedBy: alert.status.silencedBy ?? [],
      inhibitedBy: alert.status.inhibitedBy ?? [],
      generatorURL: alert.generatorURL || undefined,
    }));
  }
}
