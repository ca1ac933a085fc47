import { ApiException } from '@kubernetes/client-node';
import { parsePlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import { KubernetesApiAccess } from './KubernetesApiAccess';

// The sources' tests read real lists from the stand-in; these cover what a
// well-behaved server never sends.

const API = 'Kubernetes API of production at https://k8s.example.com:6443';

function access(url = 'https://k8s.example.com:6443/') {
  const { config, problems } = parsePlatformOpsConfig({
    environments: [{ name: 'production', kubernetes: { url } }],
  });
  expect(problems).toEqual([]);
  return KubernetesApiAccess.fromConfig(config!.environments[0], {
    timeoutMs: 10_000,
  })!;
}

const LISTING = {
  what: 'widgets in namespace tools',
  hints: { 403: 'the service account may not list widgets' },
};

describe('KubernetesRead', () => {
  it('follows continue tokens and stops a list that never ends', async () => {
    const queries: unknown[] = [];
    const endless = async (query: unknown) => {
      queries.push(query);
      return { metadata: { continue: `page-${queries.length}` }, items: [1] };
    };
    const read = access().startRead('widgets');
    await expect(
      read.listAll('widgets', { pageSize: 2, maxPages: 3 }, endless),
    ).rejects.toThrow(`${API} did not end the list of widgets after 3 pages`);
    expect(queries).toEqual([
      { limit: 2, _continue: undefined },
      { limit: 2, _continue: 'page-1' },
      { limit: 2, _continue: 'page-2' },
    ]);
    await expect(
      read.listAll(
        'widgets',
        { pageSize: 2, maxPages: 3, namesPageSize: true },
        endless,
      ),
    ).rejects.toThrow(
      `${API} did not end the list of widgets after 3 pages of 2`,
    );
  });

  it('says so when an answer is not a list', async () => {
    const read = access().startRead('widgets');
    await expect(
      read.listAll('widgets', { pageSize: 2, maxPages: 3 }, async () => ({
        kind: 'Status',
      })),
    ).rejects.toThrow(`${API} sent a list of widgets that is not a list`);
  });

  it('words a refusal with the Status message and the hint for its code', () => {
    const read = access().startRead('widgets');
    const refused = new ApiException(
      403,
      'Forbidden',
      JSON.stringify({ kind: 'Status', message: 'widgets is forbidden' }),
      {},
    );
    expect(read.fail(refused, LISTING).message).toBe(
      `${API} answered 403 Forbidden to listing widgets in namespace tools: widgets is forbidden; the service account may not list widgets`,
    );
    expect(read.fail(new ApiException(599, '', '', {}), LISTING).message).toBe(
      `${API} answered 599 to listing widgets in namespace tools`,
    );
  });

  it('ends the other lists at the first failure and keeps errors that name the server', () => {
    const read = access().startRead('widgets');
    expect(read.signal.aborted).toBe(false);
    const own = new Error(`${API} sent 2 widgets, none of them in shape`);
    expect(read.fail(own, LISTING)).toBe(own);
    expect(read.signal.aborted).toBe(true);
  });

  it('says a cancelled read was cancelled, whatever the error', () => {
    const caller = new AbortController();
    const read = access().startRead('the widgets', caller.signal);
    caller.abort();
    expect(read.fail(new Error('aborted'), LISTING).message).toBe(
      `Reading the widgets from the ${API} was cancelled`,
    );
  });
});
