import { ANNOTATION_ALERT_MATCHERS } from '../annotations';
import {
  AlertMatcher,
  compileMatcherRegex,
  formatMatchers,
  matcherAccepts,
  parseAlertMatchers,
} from './matchers';

const KEY = ANNOTATION_ALERT_MATCHERS;

function m(
  name: string,
  operator: AlertMatcher['operator'],
  value: string,
): AlertMatcher {
  return { name, operator, value };
}

describe('parseAlertMatchers', () => {
  describe('valid sets', () => {
    it.each<[string, string, AlertMatcher[]]>([
      [
        'the design example',
        '{namespace="ingress-nginx", app="ingress-nginx"}',
        [m('namespace', '=', 'ingress-nginx'), m('app', '=', 'ingress-nginx')],
      ],
      [
        'no braces',
        'namespace="ingress-nginx"',
        [m('namespace', '=', 'ingress-nginx')],
      ],
      [
        'no braces, two matchers',
        'namespace="velero",app="velero"',
        [m('namespace', '=', 'velero'), m('app', '=', 'velero')],
      ],
      [
        'whitespace everywhere',
        '  {  namespace = "ingress-nginx"  ,  app  =~  "ingress.*"  }  ',
        [m('namespace', '=', 'ingress-nginx'), m('app', '=~', 'ingress.*')],
      ],
      [
        'newlines and tabs',
        '{\n\tnamespace="a",\n\tjob="b"\n}',
        [m('namespace', '=', 'a'), m('job', '=', 'b')],
      ],
      ['a trailing comma inside braces', '{a="b",}', [m('a', '=', 'b')]],
      ['a trailing comma and spaces', '{ a="b" , }', [m('a', '=', 'b')]],
      ['a trailing comma without braces', 'a="b",', [m('a', '=', 'b')]],
      [
        'all four operators',
        'a="1", b!="2", c=~"3.*", d!~"4.*"',
        [
          m('a', '=', '1'),
          m('b', '!=', '2'),
          m('c', '=~', '3.*'),
          m('d', '!~', '4.*'),
        ],
      ],
      [
        'an unquoted value',
        'namespace=ingress-nginx',
        [m('namespace', '=', 'ingress-nginx')],
      ],
      [
        'unquoted values in braces',
        '{namespace=velero, app=velero}',
        [m('namespace', '=', 'velero'), m('app', '=', 'velero')],
      ],
      [
        'an escaped double quote',
        'a="say \\"hi\\""',
        [m('a', '=', 'say "hi"')],
      ],
      ['an escaped backslash', 'a="C:\\\\temp"', [m('a', '=', 'C:\\temp')]],
      ['an escaped newline', 'a="line\\nbreak"', [m('a', '=', 'line\nbreak')]],
      [
        'a regex with escaped backslashes',
        'a=~"v\\\\d+"',
        [m('a', '=~', 'v\\d+')],
      ],
      ['a comma inside quotes', 'a="b,c"', [m('a', '=', 'b,c')]],
      ['braces inside quotes', 'a="{x}"', [m('a', '=', '{x}')]],
      ['operators inside quotes', 'a="=~!="', [m('a', '=', '=~!=')]],
      [
        'unicode values',
        'team="日本語", owner="Åsa"',
        [m('team', '=', '日本語'), m('owner', '=', 'Åsa')],
      ],
      ['an emoji value', 'icon="🚒"', [m('icon', '=', '🚒')]],
      ['a quoted label name', '"my label"="x"', [m('my label', '=', 'x')]],
      [
        'a label name with underscores and digits',
        '_k8s_app_2="x"',
        [m('_k8s_app_2', '=', 'x')],
      ],
      ['a regex requiring a value', 'a=~".+"', [m('a', '=~', '.+')]],
      ['"not empty" expressed with !=', 'a!=""', [m('a', '!=', '')]],
      [
        'a catch-all next to a required label',
        '{severity!="info", namespace="x"}',
        [m('severity', '!=', 'info'), m('namespace', '=', 'x')],
      ],
      [
        'alertname of the heartbeat',
        'alertname="Watchdog"',
        [m('alertname', '=', 'Watchdog')],
      ],
    ])('accepts %s: %s', (_description, text, expected) => {
      expect(parseAlertMatchers(text)).toEqual({
        value: expected,
        problems: [],
      });
    });
  });

  describe('malformed sets', () => {
    it.each<[string, string, string]>([
      // [description, text, part of the expectation]
      ['empty text', '', 'at least one matcher'],
      ['only spaces', '   ', 'at least one matcher'],
      ['an empty set', '{}', 'at least one matcher'],
      ['an empty set with spaces', '{  }', 'at least one matcher'],
      ['a missing closing brace', '{a="b"', 'both braces or neither'],
      ['a missing opening brace', 'a="b"}', 'both braces or neither'],
      ['only an opening brace', '{', 'both braces or neither'],
      ['doubled braces', '{{a="b"}}', 'a label name'],
      ['two sets', '{a="b"}, {c="d"}', '"," between matchers'],
      ['the operator ==', 'a=="b"', 'a value in double quotes'],
      ['the operator =!', 'a=!"b"', 'a value in double quotes'],
      ['the operator ~=', 'a~="b"', 'an operator'],
      ['the operator <', 'a<"b"', 'an operator'],
      ['no operator', 'a', 'an operator'],
      ['no operator before a value', 'a "b"', 'an operator'],
      ['no value', 'a=', 'a value'],
      ['no value before a comma', 'a=, b="c"', 'a value'],
      ['no label name', '="b"', 'a label name'],
      ['an empty quoted label name', '""="b"', 'a non-empty label name'],
      ['a label name starting with a digit', '1app="x"', 'a label name'],
      ['a label name with a dash', 'app-name="x"', 'an operator'],
      ['an unquoted unicode label name', 'ñame="x"', 'a label name'],
      ['a missing comma', 'a="b" c="d"', '"," between matchers'],
      ['text after a quoted value', 'a="b"x', '"," between matchers'],
      ['a double comma', 'a="b",,c="d"', 'a label name'],
      ['a lone comma', ',', 'a label name'],
      ['a comma in braces', '{,}', 'a label name'],
      ['a leading comma', ',a="b"', 'a label name'],
      ['an unterminated quote', 'a="unterminated', 'a closing double quote'],
      ['an unterminated quote in braces', '{a="b}', 'a closing double quote'],
      ['an unterminated label name', '"a', 'a closing double quote'],
      ['an unknown escape', 'a="x\\qy"', 'an escape'],
      ['an escaped tab', 'a="x\\ty"', 'an escape'],
      ['a trailing backslash', 'a="x\\', 'an escape'],
      ['a quote in an unquoted value', 'a=b"c', 'a value in double quotes'],
      ['a brace in an unquoted value', 'a=b{c', 'a value in double quotes'],
      ['an invalid regex', 'a=~"("', 'a valid regular expression for a'],
      [
        'an invalid negative regex',
        'b="x", a!~"[a-"',
        'a valid regular expression for a',
      ],
      [
        'a regex escaping its anchors',
        'app=~"x)|(.*nginx"',
        'a valid regular expression for app',
      ],
      ['a dangling quantifier', 'a=~"*"', 'a valid regular expression'],
      ['a set matching everything: !=', '{a!="x"}', 'non-empty label value'],
      [
        'a set matching everything: =~ .*',
        '{a=~".*"}',
        'non-empty label value',
      ],
      [
        'a set matching everything: empty value',
        'a=""',
        'non-empty label value',
      ],
      [
        'a set matching everything: empty regex',
        'a=~""',
        'non-empty label value',
      ],
      [
        'a set matching everything: !~',
        'a!~"x", b!="y"',
        'non-empty label value',
      ],
      [
        'a set matching everything: optional regex',
        'a=~"x?"',
        'non-empty label value',
      ],
      [
        'a set matching everything: alternation with empty',
        'a=~"x|"',
        'non-empty label value',
      ],
    ])('reports %s: %j', (_description, text, expected) => {
      expect(() => parseAlertMatchers(text)).not.toThrow();
      const parsed = parseAlertMatchers(text);
      expect(parsed.value).toBeUndefined();
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ key: KEY, value: text });
      expect(parsed.problems[0].expected).toContain(expected);
      expect(parsed.problems[0].message).toContain(KEY);
    });
  });

  it('drops the whole set when one matcher is bad, so a typo never widens the set', () => {
    const parsed = parseAlertMatchers('namespace="orders", app=="orders"');
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
  });

  it('uses the key it is given', () => {
    const parsed = parseAlertMatchers('{a="b"', 'platformOps.silences[0]');
    expect(parsed.problems[0].key).toBe('platformOps.silences[0]');
    expect(
      parsed.problems[0].message.startsWith('platformOps.silences[0]:'),
    ).toBe(true);
  });

  it('never throws on arbitrary text', () => {
    const texts = [
      '\\',
      '"',
      '{"',
      '}{',
      '=~',
      '!',
      '{a=~"\\\\"}',
      'a=~"[]"',
      '\u0000',
      '{a="\u2028"}',
    ];
    for (const text of texts) {
      expect(() => parseAlertMatchers(text)).not.toThrow();
    }
  });
});

describe('compileMatcherRegex', () => {
  it('anchors the pattern at both ends', () => {
    const regex = compileMatcherRegex('ingress');
    expect(regex.test('ingress')).toBe(true);
    expect(regex.test('ingress-nginx')).toBe(false);
    expect(regex.test('my-ingress')).toBe(false);
  });

  it('anchors a whole alternation', () => {
    const regex = compileMatcherRegex('foo|bar');
    expect(regex.test('foo')).toBe(true);
    expect(regex.test('bar')).toBe(true);
    expect(regex.test('foobar')).toBe(false);
    expect(regex.test('xbar')).toBe(false);
  });

  it('refuses a pattern that would break out of the anchors', () => {
    expect(() => compileMatcherRegex('x)|(.*')).toThrow();
  });
});

describe('matcherAccepts', () => {
  it.each<[string, AlertMatcher, string | undefined, boolean]>([
    ['= equal', m('app', '=', 'orders'), 'orders', true],
    ['= different', m('app', '=', 'orders'), 'payments', false],
    ['= is case-sensitive', m('app', '=', 'orders'), 'Orders', false],
    ['= missing label', m('app', '=', 'orders'), undefined, false],
    ['= "" and a missing label', m('app', '=', ''), undefined, true],
    ['= "" and a present label', m('app', '=', ''), 'x', false],
    ['!= different', m('app', '!=', 'orders'), 'payments', true],
    ['!= equal', m('app', '!=', 'orders'), 'orders', false],
    ['!= missing label', m('app', '!=', 'orders'), undefined, true],
    ['!= "" missing label', m('app', '!=', ''), undefined, false],
    ['=~ anchored: exact', m('app', '=~', 'ingress'), 'ingress', true],
    [
      '=~ anchored: no prefix match',
      m('app', '=~', 'ingress'),
      'ingress-nginx',
      false,
    ],
    [
      '=~ anchored: no suffix match',
      m('app', '=~', 'nginx'),
      'ingress-nginx',
      false,
    ],
    ['=~ wildcard', m('app', '=~', 'ingress.*'), 'ingress-nginx', true],
    ['=~ alternation', m('env', '=~', 'prod|staging'), 'staging', true],
    [
      '=~ alternation is anchored',
      m('env', '=~', 'prod|staging'),
      'production',
      false,
    ],
    ['=~ .* and a missing label', m('app', '=~', '.*'), undefined, true],
    ['=~ .+ and a missing label', m('app', '=~', '.+'), undefined, false],
    ['!~ anchored', m('app', '!~', 'ingress'), 'ingress-nginx', true],
    ['!~ match', m('app', '!~', 'ingress.*'), 'ingress-nginx', false],
    ['!~ missing label', m('app', '!~', '.+'), undefined, true],
    ['= unicode', m('team', '=', '日本語'), '日本語', true],
    ['=~ unicode', m('team', '=~', 'Å.*'), 'Åsa', true],
    ['= newline value', m('a', '=', 'x\ny'), 'x\ny', true],
  ])('%s', (_description, matcher, value, accepted) => {
    expect(matcherAccepts(matcher, value)).toBe(accepted);
  });

  it('matches app=~"ingress" as parsed from an annotation only on the exact value', () => {
    const [matcher] = parseAlertMatchers('app=~"ingress"').value!;
    expect(matcherAccepts(matcher, 'ingress')).toBe(true);
    expect(matcherAccepts(matcher, 'ingress-nginx')).toBe(false);
  });

  it('uses a precompiled regex when given one', () => {
    const matcher = m('app', '=~', 'ingress');
    expect(matcherAccepts(matcher, 'other', /^other$/)).toBe(true);
    expect(matcherAccepts(matcher, 'ingress', /^other$/)).toBe(false);
    expect(matcherAccepts(m('app', '!~', 'x'), 'other', /^other$/)).toBe(false);
  });

  it('rejects an unknown operator', () => {
    expect(
      matcherAccepts({ name: 'a', operator: '==' as never, value: 'x' }, 'x'),
    ).toBe(false);
  });
});

describe('regular expressions in linear time', () => {
  it('answers a catastrophic backtracking pattern against a 64-character label at once', () => {
    const parsed = parseAlertMatchers('{pod=~"([a-z0-9]+-?)+-canary"}');
    expect(parsed.problems).toEqual([]);
    const [matcher] = parsed.value!;
    // A backtracking engine would run for longer than the age of the universe here.
    const label = `${'a'.repeat(63)}!`;
    expect(matcherAccepts(matcher, label)).toBe(false);
    expect(matcherAccepts(matcher, 'web-7f9c-canary')).toBe(true);
  });

  it.each([
    ['lookahead', 'pod=~"(?=web).*"'],
    ['lookbehind', 'pod=~"(?<=web).*"'],
    ['a backreference', 'pod=~"(a)\\\\1"'],
  ])('reports %s, which Alertmanager rejects too', (_description, text) => {
    const parsed = parseAlertMatchers(text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].expected).toContain('RE2 syntax');
  });
});

describe('bare values', () => {
  it('reports an unquoted value with a space instead of matching on it', () => {
    const parsed = parseAlertMatchers('{app=ingress nginx}');
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].expected).toContain(
      'double quotes when it contains spaces',
    );
  });

  it('still accepts the same value in quotes', () => {
    expect(parseAlertMatchers('{app="ingress nginx"}').value).toEqual([
      m('app', '=', 'ingress nginx'),
    ]);
  });
});

describe('formatMatchers', () => {
  it.each([
    ['the design example', '{namespace="ingress-nginx", app="ingress-nginx"}'],
    ['all four operators', 'a="1", b!="2", c=~"3.*", d!~"4.*"'],
    ['quotes', 'a="say \\"hi\\""'],
    ['backslashes', 'a="C:\\\\temp", b=~"v\\\\d+"'],
    ['a newline', 'a="line\\nbreak"'],
    ['a quoted label name', '"my label"="x"'],
    ['commas and braces inside values', 'a="b,c", d="{x}"'],
    ['unicode', 'team="日本語"'],
    ['unquoted values', 'namespace=velero, app=velero'],
  ])('round-trips %s', (_description, text) => {
    const parsed = parseAlertMatchers(text).value!;
    expect(parsed).toBeDefined();
    const formatted = formatMatchers(parsed);
    expect(parseAlertMatchers(formatted)).toEqual({
      value: parsed,
      problems: [],
    });
  });

  it('writes Alertmanager syntax', () => {
    expect(
      formatMatchers([
        m('namespace', '=', 'orders'),
        m('pod', '=~', 'db-\\d+'),
      ]),
    ).toBe('{namespace="orders", pod=~"db-\\\\d+"}');
  });
});
