import { ActionIcon, type MantineColor, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Asks before something that cannot be taken back (revoke, remove, delete, deactivate…): a
 * modal with the consequence spelled out and a red confirm button named after the action.
 */
export function confirmDanger(opts: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  color?: MantineColor;
}) {
  modals.openConfirmModal({
    title: opts.title,
    children: typeof opts.message === 'string' ? <Text size="sm">{opts.message}</Text> : opts.message,
    labels: { confirm: opts.confirmLabel, cancel: 'Cancel' },
    confirmProps: { color: opts.color ?? 'red' },
    onConfirm: opts.onConfirm,
  });
}

/** A small icon button in a table row, with a tooltip and a full accessible name. */
export function RowAction({
  icon: IconComponent,
  tooltip,
  label,
  onClick,
  color,
  disabled,
}: {
  icon: Icon;
  /** Shown on hover, e.g. "Edit". */
  tooltip: string;
  /** Read by screen readers, e.g. "Edit T4". */
  label: string;
  onClick: () => void;
  color?: MantineColor;
  disabled?: boolean;
}) {
  return (
    <Tooltip label={tooltip} disabled={disabled}>
      <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} disabled={disabled}>
        <IconComponent size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
