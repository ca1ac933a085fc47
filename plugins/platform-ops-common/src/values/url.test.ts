/* eslint-disable no-script-url -- hostile URLs are test input: they must be rejected, never rendered */
import { isHttpUrl, parseHttpUrl } from './url';

const KEY = 'platform-ops/runbook';

describe('parseHttpUrl', () => {
  it.each([
    [
      'https://wiki.example.com/runbooks/ingress',
      'https://wiki.example.com/runbooks/ingress',
    ],
    ['http://wiki.local/x?y=1#z', 'http://wiki.local/x?y=1#z'],
    ['https://wiki.example.com', 'https://wiki.example.com/'],
    ['  https://wiki.example.com/a  ', 'https://wiki.example.com/a'],
    ['HTTPS://Wiki.Example.com/A', 'https://wiki.example.com/A'],
  ])('accepts %j as %s', (text, url) => {
    expect(parseHttpUrl(KEY, text)).toEqual({ value: url, problems: [] });
  });

  it.each([
    [''],
    ['wiki.example.com/runbooks'],
    ['//wiki.example.com/runbooks'],
    ['/runbooks/ingress'],
    ['https://'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.com/runbook'],
    ['mailto:ops@example.com'],
    ['vbscript:msgbox(1)'],
  ])('rejects %j', text => {
    expect(() => parseHttpUrl(KEY, text)).not.toThrow();
    expect(parseHttpUrl(KEY, text)).toEqual({
      value: undefined,
      problems: [
        expect.objectContaining({
          key: KEY,
          value: text,
          expected: 'an absolute http:// or https:// URL',
          message: expect.stringContaining(KEY),
        }),
      ],
    });
    expect(isHttpUrl(text)).toBe(false);
  });

  it('tells links that are safe to render', () => {
    expect(isHttpUrl('https://example.com')).toBe(true);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});
