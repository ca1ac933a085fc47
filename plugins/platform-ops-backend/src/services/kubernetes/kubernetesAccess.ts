import { Observable, ObservableMiddleware } from '@kubernetes/client-node';
import { Socket } from 'net';

/** The part of an http(s).Agent that opens connections. */
type Agent = {
  createConnection(
    options: { host?: string; port?: number | string },
    callback?: (error: Error | null, socket?: Socket) => void,
  ): Socket | undefined;
};

/** The message of a Kubernetes Status body, if the body is one. */
export function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

/**
 * Lets an agent connect to the configured API server only. The client
 * follows redirects with the same agent, so this keeps a redirecting server
 * from sending the backend, and its token, anywhere else.
 */
export function pinAgent(agent: unknown, server: URL): void {
  const target = agent as Agent | undefined;
  if (!target || typeof target.createConnection !== 'function') return;
  const host = server.hostname.replace(/^\[|\]$/g, '');
  const port = Number(server.port || (server.protocol === 'https:' ? 443 : 80));
  const connect = target.createConnection.bind(target);
  target.createConnection = (options, callback) => {
    if (options.host !== host || Number(options.port) !== port) {
      const error = new Error(
        `refused to connect to ${options.host}:${options.port}, which is not the configured API server`,
      );
      if (!callback) throw error;
      process.nextTick(callback, error);
      return undefined;
    }
    return connect(options, callback);
  };
}

/**
 * Middleware that ends a request with the signal and keeps it, and the
 * redirects it follows, on the configured server. The object-parameter API
 * runs middleware as Observables.
 */
export function requestGuard(
  signal: AbortSignal,
  server: URL,
): ObservableMiddleware {
  return {
    pre: context => {
      context.setSignal(signal);
      pinAgent(context.getAgent(), server);
      return new Observable(Promise.resolve(context));
    },
    post: response => new Observable(Promise.resolve(response)),
  };
}
