import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Parses with a zod schema; a failure is a 400 whose message names the field (`results.0.outcome: ...`). */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems.join('; '), problems });
}
