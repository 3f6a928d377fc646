import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type TRestaurant, timeZones, ZRestaurantUpdateInput } from '@tobeout/shared';
import { useEffect, useMemo } from 'react';
import type { z } from 'zod';
import { handleServerError } from '../../../lib/errors';
import { numberOrNull } from '../../../lib/format';
import { validateWith } from '../../../lib/validate';

type Num = number | string;
type TurnTimeRow = { minParty: Num; maxParty: Num; minutes: Num };

export type RestaurantFormValues = {
  name: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  cuisine: string;
  priceRange: string | null;
  country: string;
  timezone: string;
  slotIntervalMin: string;
  defaultDurationMin: Num;
  bookingHorizonDays: Num;
  minLeadTimeMin: Num;
  noShowGraceMin: Num;
  pacingMaxCovers: Num;
  turnTimes: TurnTimeRow[];
};

export type RestaurantUpdate = z.input<typeof ZRestaurantUpdateInput>;

const REQUIRED_NUMBERS = [
  'defaultDurationMin',
  'bookingHorizonDays',
  'minLeadTimeMin',
  'noShowGraceMin',
] as const;
const TURN_FIELDS = ['minParty', 'maxParty', 'minutes'] as const;

const PRICE_RANGES = [
  { value: '1', label: '$ · budget' },
  { value: '2', label: '$$ · moderate' },
  { value: '3', label: '$$$ · upscale' },
  { value: '4', label: '$$$$ · fine dining' },
];
const SLOT_INTERVALS = ['10', '15', '20', '30', '60'].map((v) => ({ value: v, label: `${v} minutes` }));

export function toFormValues(r: TRestaurant): RestaurantFormValues {
  return {
    name: r.name,
    address: r.address ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    website: r.website ?? '',
    cuisine: r.cuisine ?? '',
    priceRange: r.priceRange ? String(r.priceRange) : null,
    country: r.country,
    timezone: r.timezone,
    slotIntervalMin: String(r.slotIntervalMin),
    defaultDurationMin: r.defaultDurationMin,
    bookingHorizonDays: r.bookingHorizonDays,
    minLeadTimeMin: r.minLeadTimeMin,
    noShowGraceMin: r.noShowGraceMin,
    pacingMaxCovers: r.pacingMaxCovers ?? '',
    turnTimes: r.turnTimes.map((t) => ({ ...t })),
  };
}

const requiredNumber = (v: Num) => numberOrNull(v) ?? undefined;

export function toUpdateInput(v: RestaurantFormValues): RestaurantUpdate {
  return {
    name: v.name,
    address: v.address,
    phone: v.phone,
    email: v.email,
    website: v.website,
    cuisine: v.cuisine,
    priceRange: v.priceRange ? Number(v.priceRange) : null,
    country: v.country,
    timezone: v.timezone,
    slotIntervalMin: Number(v.slotIntervalMin) as RestaurantUpdate['slotIntervalMin'],
    defaultDurationMin: requiredNumber(v.defaultDurationMin),
    bookingHorizonDays: requiredNumber(v.bookingHorizonDays),
    minLeadTimeMin: requiredNumber(v.minLeadTimeMin),
    noShowGraceMin: requiredNumber(v.noShowGraceMin),
    pacingMaxCovers: numberOrNull(v.pacingMaxCovers),
    turnTimes: v.turnTimes.map((t) => ({
      minParty: requiredNumber(t.minParty) as number,
      maxParty: requiredNumber(t.maxParty) as number,
      minutes: requiredNumber(t.minutes) as number,
    })),
  };
}

const schemaErrors = validateWith(ZRestaurantUpdateInput, toUpdateInput);

export function validateRestaurant(values: RestaurantFormValues): FormErrors {
  const errors = schemaErrors(values);
  for (const key of REQUIRED_NUMBERS) if (values[key] === '') errors[key] = 'Required.';
  values.turnTimes.forEach((row, i) => {
    for (const key of TURN_FIELDS) if (row[key] === '') errors[`turnTimes.${i}.${key}`] = 'Required.';
  });
  return errors;
}

type Props = {
  restaurant: TRestaurant;
  canEdit: boolean;
  /** Saves; rejects with the server's error. */
  onSave: (input: RestaurantUpdate) => Promise<unknown>;
};

/** Profile and booking rules of the active restaurant. */
export function RestaurantForm({ restaurant, canEdit, onSave }: Props) {
  const form = useForm<RestaurantFormValues>({
    initialValues: toFormValues(restaurant),
    validate: validateRestaurant,
  });
  const zones = useMemo(() => timeZones(), []);

  // Someone else saved while we were only looking: show their version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the server's version changes
  useEffect(() => {
    if (!form.isDirty()) {
      const next = toFormValues(restaurant);
      form.setValues(next);
      form.resetDirty(next);
    }
  }, [restaurant.updatedAt?.getTime()]);

  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(toUpdateInput(values));
      form.resetDirty(values);
    } catch (error) {
      handleServerError(error, form);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Restaurant settings">
      <Fieldset variant="unstyled" disabled={!canEdit}>
        <Stack gap="lg">
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="sm">
              <Title order={3}>Profile</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name" required {...form.getInputProps('name')} />
                <TextInput label="Cuisine" placeholder="e.g. Italian" {...form.getInputProps('cuisine')} />
                <TextInput label="Address" {...form.getInputProps('address')} />
                <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
                <TextInput label="Email" type="email" {...form.getInputProps('email')} />
                <TextInput
                  label="Website"
                  type="url"
                  placeholder="https://"
                  {...form.getInputProps('website')}
                />
                <Select
                  label="Price range"
                  data={PRICE_RANGES}
                  clearable
                  {...form.getInputProps('priceRange')}
                />
                <TextInput
                  label="Country"
                  description="Two-letter code, e.g. DE"
                  maxLength={2}
                  required
                  {...form.getInputProps('country')}
                  onChange={(e) => form.setFieldValue('country', e.currentTarget.value.toUpperCase())}
                />
                <Select
                  label="Time zone"
                  data={zones}
                  searchable
                  required
                  allowDeselect={false}
                  nothingFoundMessage="No such time zone"
                  {...form.getInputProps('timezone')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="sm">
              <Title order={3}>Booking rules</Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                <Select
                  label="Slot interval"
                  description="Booking times offered every…"
                  data={SLOT_INTERVALS}
                  allowDeselect={false}
                  {...form.getInputProps('slotIntervalMin')}
                />
                <NumberInput
                  label="Default duration (minutes)"
                  description="How long a table is held"
                  min={15}
                  max={720}
                  step={15}
                  allowDecimal={false}
                  {...form.getInputProps('defaultDurationMin')}
                />
                <NumberInput
                  label="Booking horizon (days)"
                  description="How far ahead guests may book"
                  min={1}
                  max={730}
                  allowDecimal={false}
                  {...form.getInputProps('bookingHorizonDays')}
                />
                <NumberInput
                  label="Minimum lead time (minutes)"
                  description="Latest a booking may be made before it starts"
                  min={0}
                  max={10080}
                  allowDecimal={false}
                  {...form.getInputProps('minLeadTimeMin')}
                />
                <NumberInput
                  label="No-show grace (minutes)"
                  description="Wait this long before marking a no-show"
                  min={0}
                  max={240}
                  allowDecimal={false}
                  {...form.getInputProps('noShowGraceMin')}
                />
                <NumberInput
                  label="Pacing (max covers per slot)"
                  description="Leave empty for no limit"
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  {...form.getInputProps('pacingMaxCovers')}
                />
              </SimpleGrid>

              <Stack gap="xs" mt="sm">
                <Title order={4}>Turn times by party size</Title>
                <Text size="sm" c="dimmed">
                  How long a party of a given size keeps its table. Sizes without a rule use the default
                  duration.
                </Text>
                {form.values.turnTimes.length === 0 && (
                  <Text size="sm" c="dimmed" fs="italic">
                    No rules yet.
                  </Text>
                )}
                {form.values.turnTimes.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
                  <Group key={i} gap="xs" align="flex-start" wrap="wrap">
                    <NumberInput
                      label="From guests"
                      aria-label={`Turn time rule ${i + 1}: from guests`}
                      min={1}
                      max={100}
                      allowDecimal={false}
                      w={120}
                      {...form.getInputProps(`turnTimes.${i}.minParty`)}
                    />
                    <NumberInput
                      label="To guests"
                      aria-label={`Turn time rule ${i + 1}: to guests`}
                      min={1}
                      max={100}
                      allowDecimal={false}
                      w={120}
                      {...form.getInputProps(`turnTimes.${i}.maxParty`)}
                    />
                    <NumberInput
                      label="Minutes"
                      aria-label={`Turn time rule ${i + 1}: minutes`}
                      min={15}
                      max={720}
                      step={15}
                      allowDecimal={false}
                      w={120}
                      {...form.getInputProps(`turnTimes.${i}.minutes`)}
                    />
                    {canEdit && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={28}
                        aria-label={`Remove turn time rule ${i + 1}`}
                        onClick={() => form.removeListItem('turnTimes', i)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {canEdit && (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => {
                        const last = form.values.turnTimes.at(-1);
                        const from = last ? (numberOrNull(last.maxParty) ?? 0) + 1 : 1;
                        form.insertListItem('turnTimes', { minParty: from, maxParty: from + 1, minutes: 90 });
                      }}
                    >
                      Add rule
                    </Button>
                  </Group>
                )}
              </Stack>
            </Stack>
          </Paper>

          {canEdit ? (
            <Group justify="flex-end">
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                Discard changes
              </Button>
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Save
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Only managers and owners can change these settings.
            </Text>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
