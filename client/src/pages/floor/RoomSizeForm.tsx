import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { FLOOR_LIMITS, type TFloor, ZFloor } from '@tobeout/shared';
import { handleServerError } from '../../lib/errors';
import { numberOrNull } from '../../lib/format';
import { validateWith } from '../../lib/validate';

type Values = { width: number | string; height: number | string };

/** Metres in the form, centimetres in the API. */
const toCm = (m: number | string) => {
  const n = numberOrNull(m);
  return n === null ? null : Math.round(n * 100);
};
const toInput = (v: Values) => ({ width: toCm(v.width), height: toCm(v.height) });
/** The schema and the server speak centimetres ("At least 200 cm."); the form speaks metres. */
const inMetres = (errors: FormErrors): FormErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [
      path,
      typeof message === 'string'
        ? message.replace(/(\d+) cm\b/g, (_, cm) => `${Number(cm) / 100} m`)
        : message,
    ]),
  );
const validate = validateWith(ZFloor, toInput);

type Props = { floor: TFloor; onSave: (floor: TFloor) => Promise<unknown>; onCancel: () => void };

/** The room's inside width and depth; tables stay where they are. */
export function RoomSizeForm({ floor, onSave, onCancel }: Props) {
  const form = useForm<Values>({
    initialValues: { width: floor.width / 100, height: floor.height / 100 },
    validate: (values) => inMetres(validate(values)),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(ZFloor.parse(toInput(values)));
    } catch (error) {
      handleServerError(error, { setErrors: (errors) => form.setErrors(inMetres(errors)) });
    }
  });
  const metres = { min: FLOOR_LIMITS.min / 100, max: FLOOR_LIMITS.max / 100 };
  const field = {
    required: true,
    suffix: ' m',
    decimalScale: 2,
    step: 0.5,
    allowNegative: false,
    ...metres,
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Room size">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The inside of the room, wall to wall ({metres.min} to {metres.max} m). Tables must still fit.
        </Text>
        <SimpleGrid cols={2}>
          <NumberInput label="Width" data-autofocus {...field} {...form.getInputProps('width')} />
          <NumberInput label="Depth" {...field} {...form.getInputProps('height')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save room size
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
