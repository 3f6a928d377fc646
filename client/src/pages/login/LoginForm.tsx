import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type TLoginInput, ZLoginInput } from '@tobeout/shared';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { handleServerError } from '../../lib/errors';

type Props = {
  /** Signs in; rejects with the server's error (TRPCClientError). */
  onSubmit: (values: TLoginInput) => Promise<unknown>;
};

/** E-mail + password. Field problems show under the fields; the rest in an alert above the button. */
export function LoginForm({ onSubmit }: Props) {
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const form = useForm<TLoginInput>({
    initialValues: { email: '', password: '' },
    validate: zod4Resolver(ZLoginInput),
    validateInputOnBlur: ['email'],
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(ZLoginInput.parse(values));
    } catch (error) {
      handleServerError(error, form, setProblem);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          placeholder="you@restaurant.com"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          // Keep "Password" the only control labelled so (the default toggle label repeats it).
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
          {...form.getInputProps('password')}
        />
        {problem && (
          <Alert
            color="red"
            variant="light"
            title={problem.title}
            icon={<IconAlertTriangle size={18} />}
            role="alert"
          >
            {problem.message}
          </Alert>
        )}
        <Button type="submit" loading={form.submitting} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
