import {
  AlertLevel,
  AlertMatcher,
  Change,
  PlatformOpsConfig,
  silenceMatchers,
} from '@platform-ops/plugin-platform-ops-common';
import { z } from 'zod';

/** An Alertmanager that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Silence answers are a few hundred bytes; more is not an Alertmanager. */
const MAX_BODY_BYTES = 64 * 1024;

/** How much of an error body goes into a message. */
const MAX_REASON_LENGTH = 200;

/**
 * An Alertmanager silence created for a change: which component it
 * silences, in which environment.
 *
 * @public
 */
export type SilenceRecord = {
  environment: string;
  entityRef: string;
  silenceId: string;
};

/**
 * A component whose alerts a change silences: its alert matchers and its
 * level per environment (undefined where it has none).
 *
 * @public
 */
export type SilencedComponent = {
  ref: string;
  matchers: AlertMatcher[];
  levels: Record<string, AlertLevel | undefined>;
};

/** A matcher as Alertmanager's API v2 takes it. */
function apiMatcher(matcher: AlertMatcher) {
  return {
    name: matcher.name,
    value: matcher.value,
    isRegex: matcher.operator === '=~' || matcher.operator === '!~',
    isEqual: matcher.operator === '=' || matcher.operator === '=~',
  };
}

const silenceCreated = z.object({ silenceID: z.string().min(1) });
const silenceState = z.object({ status: z.object({ state: z.string() }) });

/** One silence to create. */
type Target = {
  environment: string;
  entityRef: string;
  matchers: AlertMatcher[];
};

/** An answer of Alertmanager, its body cut at {@link MAX_BODY_BYTES}. */
type Answer = { url: URL; status: number; statusText: string; text: string };

/**
 * Creates and expires Alertmanager silences for maintenance changes,
 * through API v2 of each environment's Alertmanager. Only the URLs in
 * config are ever contacted, and every request ends within the timeout.
 *
 * @public
 */
export class AlertmanagerSilencer {
  private constructor(
    /** Each configured environment's Alertmanager, undefined if it has none. */
    private readonly alertmanagers: Map<string, URL | undefined>,
    private readonly severityLevels: Record<string, string>,
    private readonly changeUrl: (id: string) => string,
    private readonly timeoutMs: number,
  ) {}

  static fromConfig(
    config: PlatformOpsConfig,
    options: { changeUrl: (id: string) => string; timeoutMs?: number },
  ): AlertmanagerSilencer {
    const alertmanagers = new Map(
      config.environments.map(({ name, alertmanager }) => [
        name,
        alertmanager
          ? new URL(alertmanager.baseUrl.replace(/\/*$/, '/'))
          : undefined,
      ]),
    );
    return new AlertmanagerSilencer(
      alertmanagers,
      config.alerting.severityLevels,
      options.changeUrl,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /**
   * Creates the silences of a change (one per affected component and
   * environment that has an Alertmanager), replacing `existing` ones (a
   * moved change); returns the new records, and in `skipped` sentences
   * saying what is not silenced and why. When a silence cannot be created,
   * those just created are expired again and this throws, `existing`
   * untouched. An existing silence that cannot be expired stays in
   * `records`, to be removed later.
   */
  async silence(
    change: Change,
    components: SilencedComponent[],
    existing: SilenceRecord[],
  ): Promise<{ records: SilenceRecord[]; skipped: string[] }> {
    const { targets, skipped } = this.plan(change, components);
    const records = await this.createAll(change, targets);
    const results = await Promise.allSettled(existing.map(r => this.expire(r)));
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      const { entityRef, environment } = existing[index];
      records.push(existing[index]);
      skipped.push(
        `The previous silence of ${entityRef} in ${environment} is kept, to be removed later: ${result.reason.message}`,
      );
    });
    return { records, skipped };
  }

  /**
   * Expires silences (a cancelled change). A silence already gone or
   * expired is not an error; every one is tried before a failure is thrown.
   */
  async unsilence(records: SilenceRecord[]): Promise<void> {
    const results = await Promise.allSettled(records.map(r => this.expire(r)));
    const failures = results.flatMap(result =>
      result.status === 'rejected' ? [result.reason.message as string] : [],
    );
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${
          records.length
        } silences could not be removed: ${failures.join('; ')}`,
      );
    }
  }

  /** The silences to create, and sentences for what is left out. */
  private plan(change: Change, components: SilencedComponent[]) {
    const skipped: string[] = [];
    if (['cancelled', 'done'].includes(change.status)) {
      skipped.push(`No alerts are silenced: the change is ${change.status}.`);
      return { targets: [], skipped };
    }
    if (Date.parse(change.end) <= Date.now()) {
      skipped.push(
        `No alerts are silenced: the change ended at ${change.end}.`,
      );
      return { targets: [], skipped };
    }
    const environments = [...new Set(change.environments)].filter(name => {
      if (this.alertmanagers.get(name)) return true;
      skipped.push(
        `No alerts are silenced in ${name}: ${
          this.alertmanagers.has(name)
            ? 'it has no Alertmanager in config'
            : 'it is not a configured environment'
        }.`,
      );
      return false;
    });
    const targets: Target[] = [];
    for (const { ref, matchers, levels } of components) {
      if (matchers.length === 0) {
        skipped.push(
          `The alerts of ${ref} are not silenced: it has no alert matchers (platform-ops/alert-matchers).`,
        );
        continue;
      }
      for (const environment of environments) {
        targets.push({
          environment,
          entityRef: ref,
          matchers: silenceMatchers(
            matchers,
            levels[environment],
            this.severityLevels,
          ),
        });
      }
    }
    return { targets, skipped };
  }

  /**
   * Creates every silence, environments side by side and one at a time
   * within each, so that an unreachable Alertmanager costs one timeout.
   */
  private async createAll(change: Change, targets: Target[]) {
    const created: SilenceRecord[] = [];
    const failures: string[] = [];
    const environments = new Set(targets.map(target => target.environment));
    await Promise.all(
      [...environments].map(async environment => {
        for (const target of targets) {
          if (target.environment !== environment) continue;
          try {
            created.push(await this.create(change, target));
          } catch (error) {
            failures.push((error as Error).message);
            return;
          }
        }
      }),
    );
    if (failures.length === 0) return created;
    const undone = await Promise.allSettled(created.map(r => this.expire(r)));
    const left = undone.filter(result => result.status === 'rejected').length;
    const cleanup = left
      ? `; ${left} silences created before the failure could not be removed and end at ${change.end}`
      : '';
    throw new Error(`${failures.join('; ')}${cleanup}`);
  }

  private async create(change: Change, target: Target): Promise<SilenceRecord> {
    const url = new URL(
      'api/v2/silences',
      this.alertmanagers.get(target.environment),
    );
    const comment =
      `Maintenance: [${change.class}] ${change.title} ` +
      `(${target.entityRef} in ${target.environment}). ` +
      `P1 alerts stay active. ${this.changeUrl(change.id)}`;
    const answer = await this.request(url, 'POST', {
      matchers: target.matchers.map(apiMatcher),
      startsAt: change.start,
      endsAt: change.end,
      createdBy: 'platform-ops',
      comment,
    });
    if (answer.status !== 200) throw refused(answer, 'creating a silence');
    const { silenceID } = parseBody(answer, silenceCreated);
    const { environment, entityRef } = target;
    return { environment, entityRef, silenceId: silenceID };
  }

  /** Expires one silence; one that is gone or expired already is fine. */
  private async expire(record: SilenceRecord): Promise<void> {
    const base = this.alertmanagers.get(record.environment);
    if (!base) {
      throw new Error(
        `silence ${record.silenceId} is in ${record.environment}, which has no Alertmanager in config any more`,
      );
    }
    const id = encodeURIComponent(record.silenceId);
    const url = new URL(`api/v2/silence/${id}`, base);
    const answer = await this.request(url, 'DELETE');
    if (answer.status === 200 || answer.status === 404) return;
    // Alertmanager 0.25 answers 500 for a silence it no longer knows:
    // ask whether the silence still stands.
    const check = await this.request(url, 'GET');
    if (check.status === 404) return;
    if (
      check.status === 200 &&
      parseBody(check, silenceState).status.state === 'expired'
    ) {
      return;
    }
    throw refused(answer, `removing silence ${record.silenceId}`);
  }

  /** One request, body included, within the timeout. */
  private async request(url: URL, method: string, body?: unknown) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(url, {
        method,
        signal: timeout,
        ...(body === undefined
          ? {}
          : {
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }),
      });
      const { status, statusText } = response;
      return { url, status, statusText, text: await readLimited(response) };
    } catch (error) {
      const where = `Alertmanager at ${url.origin}`;
      if (timeout.aborted) {
        throw new Error(
          `${where} did not answer within ${this.timeoutMs / 1000} s`,
        );
      }
      const { message, cause } = error as Error & { cause?: Error };
      throw new Error(`${where} did not answer: ${cause?.message ?? message}`);
    }
  }
}

/** An answer's JSON body, or an error saying what was wrong with it. */
function parseBody<T>(answer: Answer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Alertmanager at ${
        answer.url.origin
      } sent an unexpected body: ${answer.text.slice(0, MAX_REASON_LENGTH)}`,
    );
  }
  return parsed.data;
}

/** An error naming the answer Alertmanager gave and its reason. */
function refused(answer: Answer, doing: string): Error {
  const reason = answer.text.trim().slice(0, MAX_REASON_LENGTH);
  return new Error(
    `Alertmanager at ${answer.url.origin} answered ${answer.status} ${
      answer.statusText
    } when ${doing}${reason ? `: ${reason}` : ''}`,
  );
}

/** A body as text, cut at the limit rather than buffered without end. */
async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  while (received < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    chunks.push(value);
    received += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8');
}
