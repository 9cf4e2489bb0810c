import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { type Issue, RepsError } from '@reps/shared';
import { z } from 'zod';

/** Turns zod issues into the API's issues: a code, a message and the dotted path. */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: 'validation_failed',
    path: issue.path.join('.'),
    message: issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  }));
}

/** Validates a body, query or param with a zod schema from packages/shared; 400 with every issue. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = zodIssues(result.error);
    throw new RepsError('validation_failed', issues.map((i) => i.message).join('; '), issues);
  }
}

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Documents a zod-validated body in OpenAPI (the schema is the single definition). */
export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: jsonSchemaOf(schema) as never });

/** Documents each key of a zod object as a query parameter. */
export function ApiZodQuery(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({
        name,
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: jsonSchemaOf(field as z.ZodType) as never,
      }),
    ),
  );
}
