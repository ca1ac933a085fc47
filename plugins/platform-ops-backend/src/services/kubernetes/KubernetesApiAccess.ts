import { ApiConstructor, ApiType, KubeConfig } from '@kubernetes/client-node';
import { EnvironmentConfig } from '@platform-ops/plugin-platform-ops-common';
import { KubernetesRead } from './KubernetesRead';

/**
 * One environment's Kubernetes API server as its config gives it: the API
 * server URL and the service account token, nothing else. Built from config
 * alone: no kubeconfig file, no in-cluster account.
 */
export class KubernetesApiAccess {
  private constructor(
    /** The environment whose cluster this is. */
    readonly environment: string,
    private readonly config: KubeConfig,
    private readonly server: URL,
    private readonly timeoutMs: number,
    private readonly plainHttpRefused: boolean,
  ) {}

  /**
   * The access of an environment, or undefined when its config has no
   * `kubernetes`. `timeoutMs` bounds each read, every page of every list.
   */
  static fromConfig(
    environment: EnvironmentConfig,
    options: { timeoutMs: number },
  ): KubernetesApiAccess | undefined {
    const kubernetes = environment.kubernetes;
    if (!kubernetes) return undefined;
    const config = new KubeConfig();
    config.loadFromClusterAndUser(
      {
        name: environment.name,
        server: kubernetes.url.replace(/\/+$/, ''),
        caData: kubernetes.caData,
        skipTLSVerify: kubernetes.skipTLSVerify ?? false,
      },
      {
        name: `platform-ops-${environment.name}`,
        token: kubernetes.serviceAccountToken,
      },
    );
    return new KubernetesApiAccess(
      environment.name,
      config,
      new URL(kubernetes.url),
      options.timeoutMs,
      kubernetes.url.startsWith('http:') && !kubernetes.skipTLSVerify,
    );
  }

  /** A client of one API, for this server with the environment's token. */
  makeApiClient<T extends ApiType>(type: ApiConstructor<T>): T {
    return this.config.makeApiClient(type);
  }

  /** The API server in messages; publicError drops the URL for users. */
  get name(): string {
    return `Kubernetes API of ${this.environment} at ${this.server.origin}`;
  }

  /**
   * Starts one read of several lists, ended by the timeout, by its first
   * failed list or by `signal`. `subject` is what the read is for, in the
   * message of a cancelled read: "Reading `subject` from the ... was
   * cancelled". Throws at once for plain http without skipTLSVerify.
   */
  startRead(subject: string, signal?: AbortSignal): KubernetesRead {
    if (this.plainHttpRefused) {
      // The client would refuse it too, in words that name no setting.
      throw new Error(
        `${this.name} is plain http: set skipTLSVerify: true for it in platformOps.environments, or use https`,
      );
    }
    return new KubernetesRead(
      { name: this.name, server: this.server, timeoutMs: this.timeoutMs },
      subject,
      signal,
    );
  }
}
