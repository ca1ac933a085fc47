import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelChip } from './LevelChip';

describe('LevelChip', () => {
  it('tells the levels apart by text, fill and icon, not only colour', async () => {
    await renderInTestApp(
      <>
        <LevelChip level="P1" />
        <LevelChip level="P2" />
        <LevelChip level="P3" />
      </>,
    );

    const chip = (level: string) =>
      screen.getByText(level).closest('[data-level]') as HTMLElement;

    expect(chip('P1')).not.toHaveClass('MuiChip-outlined');
    expect(chip('P2')).toHaveClass('MuiChip-outlined');
    expect(chip('P3')).toHaveClass('MuiChip-outlined');
    expect(chip('P1')).toHaveAttribute(
      'title',
      expect.stringContaining('2 AM'),
    );

    const icons = ['P1', 'P2', 'P3'].map(level =>
      chip(level).querySelector('svg path')?.getAttribute('d'),
    );
    expect(new Set(icons).size).toBe(3);
  });
});
