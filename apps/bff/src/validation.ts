import type { Response } from 'express';
import type { z } from 'zod';
import { sendError } from './errors.js';

/**
 * Parses a request body with a strict schema. On failure answers 400 InvalidParameter naming every
 * bad or unknown field, and returns undefined.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, response: Response): z.infer<S> | undefined {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  sendError(response, 400, 'InvalidParameter', describeIssues(parsed.error.issues));
  return undefined;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        return `${path ? `${path}: ` : ''}unknown parameter(s): ${issue.keys.join(', ')}`;
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
