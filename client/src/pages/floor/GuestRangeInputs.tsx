import { NumberInput, SimpleGrid } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

/** The min and max guests of a table or a combination, side by side (whole numbers, 1–100). */
export function GuestRangeInputs({
  min,
  max,
}: {
  min: GetInputPropsReturnType;
  max: GetInputPropsReturnType;
}) {
  return (
    <SimpleGrid cols={2}>
      <NumberInput
        label="Min guests"
        required
        min={1}
        max={100}
        allowDecimal={false}
        allowNegative={false}
        {...min}
      />
      <NumberInput
        label="Max guests"
        required
        min={1}
        max={100}
        allowDecimal={false}
        allowNegative={false}
        {...max}
      />
    </SimpleGrid>
  );
}
