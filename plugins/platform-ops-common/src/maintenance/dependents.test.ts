import { dependenciesOf, dependentsOf } from './dependents';

const graph = new Map<string, string[]>([
  [
    'component:default/checkout-service',
    ['component:default/payments-api', 'component:default/ingress-nginx'],
  ],
  [
    'component:default/payments-api',
    ['component:default/ingress-nginx', 'resource:default/postgresql-orders'],
  ],
  ['component:default/storefront', ['component:default/checkout-service']],
  ['component:default/reports', ['component:default/storefront']],
  // A cycle: it must not loop.
  ['component:default/a', ['component:default/b']],
  [
    'component:default/b',
    ['component:default/a', 'component:default/ingress-nginx'],
  ],
]);

describe('dependentsOf', () => {
  it('finds direct and transitive dependents with the changed component they go through', () => {
    const found = dependentsOf(['component:default/ingress-nginx'], graph, 3);
    expect(Object.fromEntries(found)).toEqual({
      'component:default/checkout-service': {
        via: 'component:default/ingress-nginx',
        hops: 1,
      },
      'component:default/payments-api': {
        via: 'component:default/ingress-nginx',
        hops: 1,
      },
      'component:default/b': {
        via: 'component:default/ingress-nginx',
        hops: 1,
      },
      'component:default/storefront': {
        via: 'component:default/ingress-nginx',
        hops: 2,
      },
      'component:default/a': {
        via: 'component:default/ingress-nginx',
        hops: 2,
      },
      'component:default/reports': {
        via: 'component:default/ingress-nginx',
        hops: 3,
      },
    });
  });

  it('stops at the depth', () => {
    expect([
      ...dependentsOf(['component:default/ingress-nginx'], graph, 1).keys(),
    ]).toHaveLength(3);
    expect(
      dependentsOf(['component:default/ingress-nginx'], graph, 0).size,
    ).toBe(0);
  });

  it('never lists a changed component as its own dependent, even in a cycle', () => {
    const found = dependentsOf(['component:default/a'], graph, 10);
    expect([...found.keys()]).toEqual(['component:default/b']);
  });
});

describe('dependenciesOf', () => {
  it('walks dependsOn forward to the depth, once per entity, through cycles', () => {
    expect(
      Object.fromEntries(dependenciesOf('component:default/reports', graph, 3)),
    ).toEqual({
      'component:default/storefront': 1,
      'component:default/checkout-service': 2,
      'component:default/payments-api': 3,
      'component:default/ingress-nginx': 3,
    });
    expect(
      Object.fromEntries(dependenciesOf('component:default/a', graph, 5)),
    ).toEqual({
      'component:default/b': 1,
      'component:default/ingress-nginx': 2,
    });
  });
});
