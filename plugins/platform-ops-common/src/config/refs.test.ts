import { isValidEntityRefWithKind } from './refs';

describe('isValidEntityRefWithKind', () => {
  it.each([
    ['group:default/platform-team', true],
    ['Group:default/platform-team', true],
    ['group:platform-team', true],
    ['user:default/jane', false],
    ['platform-team', false],
    ['default/platform-team', false],
    ['group:', false],
    ['group:default/', false],
    ['', false],
  ])('%j is a group ref: %s', (text, valid) => {
    expect(isValidEntityRefWithKind(text, 'group')).toBe(valid);
  });
});
