import { problem } from './problems';

describe('problem', () => {
  it('names the key, the text and the expectation', () => {
    expect(
      problem('platform-ops/scope', 'Platform', 'a lowercase name'),
    ).toEqual({
      key: 'platform-ops/scope',
      value: 'Platform',
      expected: 'a lowercase name',
      message:
        'platform-ops/scope: "Platform" is not valid; expected a lowercase name.',
    });
  });

  it('keeps the full value but shortens it in the message', () => {
    const long = 'x'.repeat(500);
    const result = problem('platform-ops/runbook', long, 'a URL');
    expect(result.value).toBe(long);
    expect(result.message).toContain(`"${'x'.repeat(117)}..."`);
    expect(result.message).not.toContain('x'.repeat(118));
    expect(result.message.length).toBeLessThan(200);
  });

  it('does not shorten a value of exactly 120 characters', () => {
    const text = 'y'.repeat(120);
    expect(problem('k', text, 'e').message).toContain(`"${text}"`);
  });
});
