import { parseKindedEntityRef } from './entityRef';

const KEY = 'platform-ops/escalation';
const KINDS = ['group', 'user'];

describe('parseKindedEntityRef', () => {
  it.each([
    ['group:default/platform-oncall', 'group:default/platform-oncall'],
    ['user:jane', 'user:default/jane'],
    ['Group:Default/Platform-Oncall', 'group:default/platform-oncall'],
    ['group:other/team', 'group:other/team'],
    ['  user:default/jane ', 'user:default/jane'],
  ])('accepts %j as %s', (text, ref) => {
    expect(parseKindedEntityRef(KEY, text, KINDS)).toEqual({
      value: ref,
      problems: [],
    });
  });

  it.each([
    [''],
    ['jane'],
    ['default/jane'],
    [':default/jane'],
    ['component:default/ingress'],
    ['group:'],
    ['group:default/'],
    ['user:default/'],
    ['1group:default/x'],
    ['group:default/a/b'],
    ['group:a/b/c'],
    ['user:default/jane doe'],
    ['group:default/-team'],
    [`group:default/${'x'.repeat(64)}`],
  ])('rejects %j', text => {
    expect(() => parseKindedEntityRef(KEY, text, KINDS)).not.toThrow();
    expect(parseKindedEntityRef(KEY, text, KINDS)).toEqual({
      value: undefined,
      problems: [
        expect.objectContaining({
          key: KEY,
          value: text,
          expected:
            'an entity ref such as group:default/name or user:default/name',
        }),
      ],
    });
  });
});
