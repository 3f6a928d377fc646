import {
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail } from '@tabler/icons-react';
import { type TGuest, type TGuestCreateInput, ZGuestCreateInput } from '@tobeout/shared';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { trpc } from '../../app/trpc';
import { confirmDanger } from '../../lib/actions';
import { type FormWithErrors, handleServerError, serverErrorData } from '../../lib/errors';
import { guestPath } from '../../lib/guests';
import { languageOptions } from '../../lib/languages';
import { useIsPhone } from '../../lib/media';
import { PhoneInput } from '../../lib/PhoneInput';
import { validateWith } from '../../lib/validate';

export type GuestFormValues = {
  name: string;
  phone: string;
  email: string;
  language: string | null;
  tags: string[];
  notes: string;
};

export function guestFormValues(guest?: TGuest | null): GuestFormValues {
  return {
    name: guest?.name ?? '',
    phone: guest?.phone ?? '',
    email: guest?.email ?? '',
    language: guest?.language ?? null,
    tags: guest?.tags ?? [],
    notes: guest?.notes ?? '',
  };
}

/**
 * The API input: every field, empty ones as null (so an edit can clear them). Tags are always
 * sent: guests.update treats missing tags as "no tags" (see the report on the API).
 */
export function toGuestInput(v: GuestFormValues): TGuestCreateInput {
  return {
    name: v.name.trim(),
    phone: v.phone.trim() || null,
    email: v.email.trim() || null,
    language: v.language || null,
    tags: v.tags,
    notes: v.notes.trim() || null,
  };
}

/**
 * A server error on the guest form: field errors on their fields; a phone number that belongs to
 * another guest (DUPLICATE with details.guestId) links to that guest, who may be the one meant.
 */
export function showGuestError(
  error: unknown,
  form: FormWithErrors & { setFieldError: (path: 'phone', error: ReactNode) => void },
) {
  handleServerError(error, form);
  const data = serverErrorData(error);
  const otherId = data?.details?.guestId;
  const message = data?.fieldErrors?.phone?.join(' ');
  if (data?.reason !== 'DUPLICATE' || typeof otherId !== 'string' || !message) return;
  form.setFieldError(
    'phone',
    <>
      {message}{' '}
      <Anchor component={Link} to={guestPath(otherId)} size="xs" fw={600} inherit>
        Open their profile
      </Anchor>
    </>,
  );
}

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The guest to edit; none: a new guest. */
  guest?: TGuest | null;
  /** Saves the input (guests.create or guests.update); a rejection shows on the form. */
  onSubmit: (input: TGuestCreateInput) => Promise<unknown>;
};

/** New guest / edit guest: name, phone, email, language, tags and notes. */
export function GuestFormModal({ opened, onClose, guest, onSubmit }: Props) {
  const isPhone = useIsPhone();
  const restaurant = trpc.restaurant.get.useQuery(undefined, { staleTime: 5 * 60_000, enabled: opened });
  const form = useForm<GuestFormValues>({
    initialValues: guestFormValues(guest),
    validate: validateWith(ZGuestCreateInput, toGuestInput),
  });

  // Each opening starts from the guest as they are now (they may have changed since).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the modal opens
  useEffect(() => {
    if (!opened) return;
    const values = guestFormValues(guest);
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
  }, [opened]);

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(toGuestInput(values));
      form.resetDirty();
      onClose();
    } catch (error) {
      showGuestError(error, form);
    }
  });
  /** Closing with changes asks first (they would be lost). */
  const close = () => {
    if (!form.isDirty()) return onClose();
    confirmDanger({
      title: 'Discard changes?',
      message: 'What you entered for this guest is lost.',
      confirmLabel: 'Discard',
      onConfirm: onClose,
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={guest ? `Edit ${guest.name}` : 'New guest'}
      size="lg"
      fullScreen={isPhone}
    >
      <form onSubmit={submit} noValidate aria-label={guest ? 'Edit guest' : 'New guest'}>
        <Stack gap="sm">
          <TextInput
            label="Name"
            placeholder="First and last name"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <PhoneInput
              label="Phone"
              placeholder="Mobile or landline"
              country={restaurant.data?.country ?? null}
              onPhoneError={(message) => form.setFieldError('phone', message)}
              {...form.getInputProps('phone')}
            />
            <TextInput
              label="Email"
              type="email"
              placeholder="anna@example.com"
              autoComplete="off"
              leftSection={<IconMail size={16} />}
              {...form.getInputProps('email')}
            />
          </SimpleGrid>
          <Select
            label="Language"
            placeholder="Not known"
            description="The language to write to them in."
            data={languageOptions([form.values.language])}
            searchable
            clearable
            nothingFoundMessage="No such language"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('language')}
          />
          <TagsInput
            label="Tags"
            placeholder="Type a tag, then Enter"
            description="For example vegetarian, window seat. The tag VIP marks a VIP."
            clearable
            {...form.getInputProps('tags')}
          />
          <Textarea
            label="Notes"
            placeholder="Allergies, preferences, anything the team should know"
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {guest ? 'Save changes' : 'Add guest'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
