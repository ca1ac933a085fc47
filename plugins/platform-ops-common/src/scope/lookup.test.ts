import { alertLabelsOf, LookupCandidate, rankLookup } from './lookup';

const candidate = (
  name: string,
  extra: Partial<LookupCandidate> = {},
): LookupCandidate => ({
  ref: `component:default/${name}`,
  name,
  tags: [],
  alertLabels: [],
  ...extra,
});

const CATALOG: LookupCandidate[] = [
  candidate('ingress-nginx', {
    title: 'Ingress NGINX',
    tags: ['networking'],
    kubernetesId: 'ingress-nginx',
    alertLabels: [
      { name: 'namespace', value: 'ingress-nginx' },
      { name: 'app', value: 'ingress-nginx' },
    ],
  }),
  candidate('cert-manager', {
    title: 'cert-manager',
    tags: ['tls', 'networking'],
    alertLabels: [{ name: 'namespace', value: 'cert-manager' }],
  }),
  candidate('postgresql-orders', {
    title: 'Orders database',
    alertLabels: [
      { name: 'namespace', value: 'orders' },
      { name: 'cluster', value: 'orders-db' },
    ],
  }),
  candidate('checkout-service', {
    title: 'Checkout',
    kubernetesId: 'checkout',
    alertLabels: [{ name: 'namespace', value: 'orders' }],
  }),
  candidate('web-frontend', {
    title: 'Web shop front end',
    tags: ['frontend'],
  }),
];

const refs = (query: string, limit = 20) =>
  rankLookup(query, CATALOG, limit).map(match => match.ref.split('/')[1]);

describe('rankLookup', () => {
  it('puts an exact name first', () => {
    const [first] = rankLookup('ingress-nginx', CATALOG, 20);
    expect(first).toEqual({
      ref: 'component:default/ingress-nginx',
      score: 100,
      field: 'name',
      matched: 'ingress-nginx',
    });
  });

  it('finds a component by an alert label value and says which label matched', () => {
    const matches = rankLookup('orders-db', CATALOG, 20);
    expect(matches).toEqual([
      {
        ref: 'component:default/postgresql-orders',
        score: 90,
        field: 'alert-label',
        matched: 'cluster=orders-db',
      },
    ]);
  });

  it('accepts label=value, also quoted as in Alertmanager', () => {
    expect(refs('namespace=orders')).toEqual([
      'checkout-service',
      'postgresql-orders',
    ]);
    expect(refs('namespace="orders"')).toEqual([
      'checkout-service',
      'postgresql-orders',
    ]);
  });

  it('ranks exact before prefix before substring matches', () => {
    expect(refs('orders')).toEqual(['checkout-service', 'postgresql-orders']);
    expect(rankLookup('orders', CATALOG, 20).map(match => match.score)).toEqual(
      [90, 90],
    );
    expect(refs('cert')).toEqual(['cert-manager']);
    expect(refs('nginx')).toEqual(['ingress-nginx']);
  });

  it('matches titles and tags case-insensitively', () => {
    expect(refs('WEB SHOP')).toEqual(['web-frontend']);
    expect(refs('networking')).toEqual(['cert-manager', 'ingress-nginx']);
  });

  it('matches the Kubernetes id', () => {
    // An exact Kubernetes id beats a name prefix.
    expect(rankLookup('checkout', CATALOG, 20)[0]).toEqual({
      ref: 'component:default/checkout-service',
      field: 'kubernetes-id',
      matched: 'checkout',
      score: 95,
    });
  });

  it('returns nothing for a blank query or no match, and honours the limit', () => {
    expect(refs('   ')).toEqual([]);
    expect(refs('kafka')).toEqual([]);
    expect(refs('e', 2)).toHaveLength(2);
  });
});

describe('alertLabelsOf', () => {
  it('keeps only equality matchers, whose values an alert carries', () => {
    expect(
      alertLabelsOf([
        { name: 'namespace', operator: '=', value: 'thanos' },
        { name: 'app', operator: '=~', value: 'thanos-.*' },
        { name: 'env', operator: '!=', value: 'dev' },
      ]),
    ).toEqual([{ name: 'namespace', value: 'thanos' }]);
  });
});
