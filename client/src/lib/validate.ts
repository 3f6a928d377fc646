import type { FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';

/**
 * A Mantine `validate` function from a shared zod schema, for forms whose values need a
 * conversion first ('' → null, strings → numbers). Error keys are the schema's dotted paths,
 * which are also the form's paths (and the server's `fieldErrors` keys).
 */
export function validateWith<Values>(schema: z.ZodType, toInput: (values: Values) => unknown) {
  const resolve = zod4Resolver(schema, { errorPriority: 'first' });
  return (values: Values): FormErrors => resolve(toInput(values) as Record<string, unknown>);
}
