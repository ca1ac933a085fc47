/**
 * Table column styles for a column at least `minWidth` pixels wide: on a
 * narrow screen the table scrolls sideways rather than breaking text one
 * word, or one letter, per line.
 */
export function atLeast(minWidth: number) {
  return { cellStyle: { minWidth }, headerStyle: { minWidth } };
}
