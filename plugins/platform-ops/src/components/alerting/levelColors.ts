import { AlertLevel } from '@platform-ops/plugin-platform-ops-common';

/**
 * Okabe-Ito hues per level, darkened for 4.5:1 text contrast on light
 * backgrounds. Colour only reinforces the level: chips also differ in fill,
 * border and icon, and charts carry the level in their legend.
 */
export const LEVEL_COLORS: Record<'light' | 'dark', Record<AlertLevel, string>> = {
  light: { P1: '#b84a00', P2: '#8f5b00', P3: '#0069a8' },
  dark: { P1: '#b84a00', P2: '#e69f00', P3: '#56b4e9' },
};
