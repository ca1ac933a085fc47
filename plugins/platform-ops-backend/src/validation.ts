import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import { z } from 'zod';

/**
 * Parses request input with a zod schema, turning a failure into an
 * InputError (HTTP 400) whose message names each bad field.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  where: 'path' | 'query' | 'body',
): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map(issue => `${issue.path.join('.') || where}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${where}: ${details}`);
  }
  return result.data;
}

/**
 * Checks the percent-encoding of the path segments that become `fields`,
 * for a router mounted where those segments start. Express decodes route
 * parameters before any handler runs and answers a malformed one with its
 * own "Failed to decode param" error; checking the raw segments first gives
 * an InputError that names the field, like every other bad input.
 */
export function requireDecodablePath(fields: string[]): RequestHandler {
  return (req, _res, next) => {
    const segments = req.path.split('/').slice(1);
    fields.forEach((field, position) => {
      const segment = segments[position];
      if (segment === undefined) return;
      try {
        decodeURIComponent(segment);
      } catch {
        throw new InputError(
          `Invalid path: ${field}: is not valid percent-encoding`,
        );
      }
    });
    next();
  };
}

/**
 * Parses a JSON body of up to `limit` bytes. Any JSON value is accepted
 * here, so the route's schema can say what is wrong with it ("body:
 * Expected object, received string"); text that is not JSON at all, or too
 * long, is an InputError that says so.
 */
export function jsonBody(limit = '100kb'): RequestHandler[] {
  const parse = express.json({ strict: false, limit });
  return [
    (req, res, next) =>
      parse(req, res, error => {
        if (!error) return next();
        const type = (error as { type?: string }).type;
        if (type === 'entity.too.large') {
          return next(
            new InputError(`Invalid body: body: must be at most ${limit}`),
          );
        }
        return next(new InputError('Invalid body: body: is not valid JSON'));
      }),
  ];
}
