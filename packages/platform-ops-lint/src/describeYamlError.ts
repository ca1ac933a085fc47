/**
 * The first line of a yaml package error, without the position it repeats:
 * the position is printed in front of the message already.
 */
export function describeYamlError(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
