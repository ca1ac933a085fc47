import { ApiException, ConfigurationOptions } from '@kubernetes/client-node';
import { STATUS_CODES } from 'http';
import { z } from 'zod';
import { requestGuard, statusMessage } from './kubernetesAccess';

const listPage = z.object({
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
  items: z.array(z.unknown()),
});

/** How a list is paged: a server that never ends a list must not loop us. */
export type PageLimits = {
  /** Items per list request, so one answer stays small in a big cluster. */
  pageSize: number;
  /** Pages per list at most. */
  maxPages: number;
  /** Whether the message of a list cut at `maxPages` names the page size. */
  namesPageSize?: boolean;
};

/** The query of one page, as the client's list requests take it. */
export type PageQuery = { limit: number; _continue?: string };

/** A failed list, in the words of its failure. */
export type Listing = {
  /** What was listed: `deployments`, `backups.velero.io in namespace velero`. */
  what: string;
  /** What to check when the server answers with one of these statuses. */
  hints: Partial<Record<number, string>>;
};

/** The API server a read talks to. */
export type ReadServer = {
  /** The server in messages. */
  name: string;
  /** The only server requests may reach. */
  server: URL;
  timeoutMs: number;
};

/**
 * One read of several lists from a Kubernetes API server. Its `signal` ends
 * every request of the read at the timeout, at the first failed list, or
 * when the caller's signal aborts.
 */
export class KubernetesRead {
  /** Ends the read's requests. */
  readonly signal: AbortSignal;
  private readonly timeout: AbortSignal;
  private readonly failed = new AbortController();

  constructor(
    private readonly api: ReadServer,
    private readonly subject: string,
    private readonly caller?: AbortSignal,
  ) {
    this.timeout = AbortSignal.timeout(api.timeoutMs);
    this.signal = AbortSignal.any(
      [this.timeout, this.failed.signal, caller].filter(
        (item): item is AbortSignal => item !== undefined,
      ),
    );
  }

  /**
   * Every item of one list, page by page with the server's continue token.
   * `listPageOf` sends one page's request with the options given, which end
   * it with the read and keep it on the server; `plural` names the list in
   * messages.
   */
  async listAll(
    plural: string,
    limits: PageLimits,
    listPageOf: (
      query: PageQuery,
      options: ConfigurationOptions,
    ) => Promise<unknown>,
  ): Promise<unknown[]> {
    const options = {
      middleware: [requestGuard(this.signal, this.api.server)],
      middlewareMergeStrategy: 'append' as const,
    };
    const items: unknown[] = [];
    let token: string | undefined;
    for (let page = 0; page < limits.maxPages; page++) {
      const body = await listPageOf(
        { limit: limits.pageSize, _continue: token },
        options,
      );
      const parsed = listPage.safeParse(body);
      if (!parsed.success) {
        throw new Error(
          `${this.api.name} sent a list of ${plural} that is not a list`,
        );
      }
      items.push(...parsed.data.items);
      token = parsed.data.metadata?.continue ?? undefined;
      if (!token) return items;
    }
    const pages = limits.namesPageSize
      ? `${limits.maxPages} pages of ${limits.pageSize}`
      : `${limits.maxPages} pages`;
    throw new Error(
      `${this.api.name} did not end the list of ${plural} after ${pages}`,
    );
  }

  /**
   * Ends the read's other lists and says why this one failed, in words that
   * say which cluster and what to check. An error whose message already
   * names the API server is kept as it is.
   */
  fail(error: unknown, listing: Listing): Error {
    this.failed.abort();
    const api = this.api.name;
    if (this.caller?.aborted) {
      return new Error(`Reading ${this.subject} from the ${api} was cancelled`);
    }
    if (this.timeout.aborted) {
      return new Error(
        `${api} did not answer within ${this.api.timeoutMs / 1000} s`,
      );
    }
    if (error instanceof ApiException) {
      const code = error.code;
      const details = [statusMessage(error.body), listing.hints[code]].filter(
        Boolean,
      );
      return new Error(
        `${api} answered ${code} ${STATUS_CODES[code] ?? ''} to listing ${
          listing.what
        }${details.length > 0 ? `: ${details.join('; ')}` : ''}`.replace(
          / {2,}/g,
          ' ',
        ),
      );
    }
    const text = (error as Error)?.message ?? String(error);
    if (text.startsWith(api)) return error as Error;
    // node-fetch words it "request to URL failed, reason: connect ECONNREFUSED ...".
    const reason = /reason: (.*)$/s.exec(text)?.[1] ?? text;
    return new Error(`${api} did not answer: ${reason}`);
  }
}
