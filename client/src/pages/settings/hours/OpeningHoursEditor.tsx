import { Alert, Badge, Button, Divider, Fieldset, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { type TOpeningHours, ZOpeningHours } from '@tobeout/shared';
import { Fragment, useEffect } from 'react';
import { handleServerError } from '../../../lib/errors';
import { WEEKDAYS } from '../../../lib/format';
import { validateWith } from '../../../lib/validate';
import { ServiceFields } from './ServiceFields';
import { fromServiceRow, nextServiceRow, type ServiceRow, toServiceRow } from './service-rows';

type WeeklyRow = ServiceRow & { weekday: number };
export type OpeningHoursFormValues = { services: WeeklyRow[] };
export type OpeningHoursInput = { services: Array<ReturnType<typeof fromServiceRow> & { weekday: number }> };

export function toOpeningHoursInput(values: OpeningHoursFormValues): OpeningHoursInput {
  return { services: values.services.map((s) => ({ weekday: s.weekday, ...fromServiceRow(s) })) };
}

function toFormValues(hours: Pick<TOpeningHours, 'services'>): OpeningHoursFormValues {
  return { services: hours.services.map((s) => ({ weekday: s.weekday, ...toServiceRow(s) })) };
}

type Props = {
  hours: Pick<TOpeningHours, 'services'>;
  canEdit: boolean;
  /** Saves the whole week; rejects with the server's error. */
  onSave: (input: OpeningHoursInput) => Promise<unknown>;
};

/**
 * The week's services, grouped by weekday. The form holds ONE flat list, exactly the shape the
 * API takes, so an error at `services.3.start` (ours or the server's) lands on that very field.
 */
export function OpeningHoursEditor({ hours, canEdit, onSave }: Props) {
  const form = useForm<OpeningHoursFormValues>({
    initialValues: toFormValues(hours),
    validate: validateWith(ZOpeningHours, toOpeningHoursInput),
  });

  // A newer version from the server (ours after saving, or someone else's): show it unless we are editing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the server's version changes
  useEffect(() => {
    if (!form.isDirty()) {
      const next = toFormValues(hours);
      form.setValues(next);
      form.resetDirty(next);
    }
  }, [hours]);

  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(toOpeningHoursInput(values));
      form.resetDirty(values);
    } catch (error) {
      handleServerError(error, form);
    }
  });

  const listError = form.errors.services;

  return (
    <form onSubmit={submit} noValidate aria-label="Weekly opening hours">
      <Fieldset variant="unstyled" disabled={!canEdit}>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="md">
            <div>
              <Title order={3}>Weekly hours</Title>
              <Text size="sm" c="dimmed">
                Services per weekday. An end at or before the start runs past midnight; last seating is the
                latest booking time.
              </Text>
            </div>
            {listError && (
              <Alert color="red" role="alert">
                {listError}
              </Alert>
            )}
            {WEEKDAYS.map((day, dayIndex) => {
              const rows = form.values.services
                .map((s, index) => ({ s, index }))
                .filter(({ s }) => s.weekday === day.value);
              return (
                <Fragment key={day.value}>
                  {dayIndex > 0 && <Divider />}
                  <Stack gap="xs" role="group" aria-label={day.label}>
                    <Group justify="space-between">
                      <Group gap="xs">
                        <Text fw={600}>{day.label}</Text>
                        {rows.length === 0 && (
                          <Badge color="gray" variant="light">
                            Closed
                          </Badge>
                        )}
                      </Group>
                      {canEdit && (
                        <Button
                          variant="subtle"
                          size="xs"
                          leftSection={<IconPlus size={14} />}
                          onClick={() =>
                            form.insertListItem('services', {
                              weekday: day.value,
                              ...nextServiceRow(rows.map((r) => r.s)),
                            })
                          }
                          aria-label={`Add service on ${day.label}`}
                        >
                          Add service
                        </Button>
                      )}
                    </Group>
                    {rows.map(({ index }, n) => (
                      <ServiceFields
                        key={index}
                        label={`${day.label} service ${n + 1}`}
                        firstRow={n === 0}
                        field={(name) => form.getInputProps(`services.${index}.${name}`)}
                        onRemove={canEdit ? () => form.removeListItem('services', index) : undefined}
                      />
                    ))}
                  </Stack>
                </Fragment>
              );
            })}
            {canEdit ? (
              <Group justify="flex-end">
                <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                  Discard changes
                </Button>
                <Button type="submit" loading={form.submitting}>
                  Save week
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Only managers and owners can change opening hours.
              </Text>
            )}
          </Stack>
        </Paper>
      </Fieldset>
    </form>
  );
}
