import { publicError } from './publicError';

describe('publicError', () => {
  it.each([
    [
      'Alertmanager at http://10.1.2.3:9093 did not answer: connect ECONNREFUSED 10.1.2.3:9093',
      'Alertmanager did not answer: connection refused',
    ],
    [
      'Alertmanager at https://am.internal.example.com did not answer: getaddrinfo ENOTFOUND am.internal.example.com',
      'Alertmanager did not answer: host not found',
    ],
    [
      'Alertmanager at http://127.0.0.1:9093 answered 503 Service Unavailable',
      'Alertmanager answered 503 Service Unavailable',
    ],
    [
      'request to https://k8s.example.com:6443/apis failed',
      'request to the source failed',
    ],
    ['socket hang up from [fd00::1]:6443', 'socket hang up from an address'],
  ])('hides addresses in %j', (raw, shown) => {
    expect(publicError(raw)).toBe(shown);
  });

  it('keeps long messages short', () => {
    expect(publicError('x'.repeat(500))).toHaveLength(200);
  });
});
