import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { wrongInputs } from './errors.js';

/** Turns zod issues into one description naming every failing field (contract C4: 409 wrong_inputs). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${field}: ${issue.message}`;
  });
  return `Invalid or missing fields: ${parts.join('; ')}`;
}

/** A missing field reads "is required", also for union-typed fields such as amounts (number or string). */
const missingIsRequired = (issue: { input?: unknown; code?: string }) =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined ? 'is required' : undefined;

/** Parses with zod and throws 409 wrong_inputs naming every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data, { error: missingIsRequired });
  if (!result.success) throw wrongInputs(describeIssues(result.error.issues));
  return result.data;
}

/**
 * Fastify's validator compiler for zod schemas: route `schema.body/querystring/params` are zod
 * schemas, and the parsed (coerced, defaulted) value replaces the raw one.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data, { error: missingIsRequired });
  if (result.success) return { value: result.data };
  return { error: wrongInputs(describeIssues(result.error.issues)) };
};
