import { parsePlatformOpsConfig } from '../config/readConfig';
import { resolveScope } from './resolveScope';

const { config } = parsePlatformOpsConfig({
  parties: {
    platform: { title: 'Platform team', owner: 'group:default/platform-team' },
    'it-systems': {
      title: 'IT systems team',
      owner: 'group:default/it-systems',
    },
  },
});

function resolve(
  party: string | undefined,
  owner: unknown = 'platform-team',
  reportMissing = true,
) {
  return resolveScope({
    party,
    owner,
    namespace: 'default',
    config: config!,
    reportMissing,
  });
}

describe('resolveScope', () => {
  it('puts platform inside the fence with the owner accountable', () => {
    expect(resolve('platform')).toEqual({
      party: 'platform',
      partyTitle: 'Platform team',
      insideFence: true,
      owner: 'group:default/platform-team',
      accountable: 'group:default/platform-team',
      accountableSource: 'owner',
      ownerDiffers: false,
      problems: [],
    });
  });

  it('flags a platform component owned by someone other than the platform group', () => {
    const scope = resolve('platform', 'group:default/checkout-team');
    expect(scope.accountable).toBe('group:default/checkout-team');
    expect(scope.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/scope',
        expected: expect.stringContaining(
          'group:default/platform-team, not group:default/checkout-team',
        ),
      }),
    ]);
  });

  it('makes the application team accountable through spec.owner', () => {
    const scope = resolve('application', 'checkout-team');
    expect(scope).toMatchObject({
      insideFence: false,
      partyTitle: 'Application team',
      accountable: 'group:default/checkout-team',
      accountableSource: 'owner',
      ownerDiffers: false,
      problems: [],
    });
  });

  it('makes an outside party accountable through its configured owner, keeping a differing owner', () => {
    const scope = resolve('it-systems', 'user:default/maria');
    expect(scope).toMatchObject({
      insideFence: false,
      partyTitle: 'IT systems team',
      accountable: 'group:default/it-systems',
      accountableSource: 'party',
      owner: 'user:default/maria',
      ownerDiffers: true,
    });
  });

  it('does not mark the owner as differing when it is the party owner', () => {
    expect(resolve('it-systems', 'it-systems').ownerDiffers).toBe(false);
  });

  it('falls back to spec.owner for a party without a configured owner', () => {
    const scope = resolve('identity', 'identity-team');
    expect(scope).toMatchObject({
      accountable: 'group:default/identity-team',
      accountableSource: 'owner',
    });
  });

  it('reports a missing scope only when asked to', () => {
    expect(resolve(undefined).problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/scope',
        expected: expect.stringContaining('platform, application'),
      }),
    ]);
    expect(resolve(undefined, 'platform-team', false).problems).toEqual([]);
  });

  it('reports a party config does not know and leaves the fence undecided', () => {
    const scope = resolve('vendor-x');
    expect(scope.insideFence).toBeUndefined();
    expect(scope.problems).toEqual([
      expect.objectContaining({ key: 'platform-ops/scope', value: 'vendor-x' }),
    ]);
  });

  it.each([[null], [''], ['   '], [42]])(
    'ignores an unusable owner %p',
    owner => {
      const scope = resolveScope({
        party: 'platform',
        owner,
        namespace: 'default',
        config: config!,
        reportMissing: true,
      });
      expect(scope.owner).toBeUndefined();
      expect(scope.accountable).toBeUndefined();
    },
  );
});
