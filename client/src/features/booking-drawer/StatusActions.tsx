import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Icon, IconArmchair, IconCheck, IconCircleCheck, IconUserOff, IconX } from '@tabler/icons-react';
import {
  STATUS_TRANSITIONS,
  type TBooking,
  type TReservationStatus,
  ZBooking,
  ZBookingCancelInput,
} from '@tobeout/shared';
import { useState } from 'react';
import { trpc } from '../../app/trpc';
import { confirmDanger } from '../../lib/actions';
import { BOOKING_STATUS } from '../../lib/bookings';
import { handleServerError, notifySuccess, notifyWarning, serverErrorData } from '../../lib/errors';
import { validateWith } from '../../lib/validate';
import { PausedWhenOffline } from '../../live/offline';
import { useOptimisticStatus } from './optimistic-status';
import { useBookingSaved } from './use-booking-saved';

type Target = Exclude<TReservationStatus, 'created'>;

const ACTIONS: Record<Target, { label: string; icon: Icon; color: string; done: (guest: string) => string }> =
  {
    confirmed: {
      label: 'Confirm',
      icon: IconCheck,
      color: 'indigo',
      done: (g) => `${g}'s booking is confirmed.`,
    },
    seated: { label: 'Seat', icon: IconArmchair, color: 'orange', done: (g) => `${g} is seated.` },
    completed: {
      label: 'Complete',
      icon: IconCircleCheck,
      color: 'teal',
      done: (g) => `${g}'s visit is complete; the table is free again.`,
    },
    no_show: {
      label: 'No-show',
      icon: IconUserOff,
      color: 'red',
      done: (g) => `${g} is marked as a no-show.`,
    },
    canceled: {
      label: 'Cancel booking',
      icon: IconX,
      color: 'red',
      done: (g) => `${g}'s booking is cancelled.`,
    },
  };
const ORDER: readonly Target[] = ['confirmed', 'seated', 'completed', 'no_show', 'canceled'];
/** The step that usually comes next: the one filled button. */
const NEXT: Partial<Record<TReservationStatus, Target>> = {
  created: 'confirmed',
  confirmed: 'seated',
  seated: 'completed',
};

/** The status changes the lifecycle allows from `status`, in button order. */
export function statusActionsFor(status: TReservationStatus): Target[] {
  return ORDER.filter((to) => STATUS_TRANSITIONS[status].includes(to));
}

const QUICK_REASONS = ['Guest cancelled', 'No reply to confirmation', 'Duplicate booking'];

/** The lifecycle buttons of a booking (Confirm, Seat, Complete, No-show, Cancel). */
export function StatusActions({ booking }: { booking: TBooking }) {
  const utils = trpc.useUtils();
  const saved = useBookingSaved();
  const optimistic = useOptimisticStatus();
  const [canceling, setCanceling] = useState(false);
  const guest = booking.guest.name;

  const onError = (error: unknown) => {
    const data = serverErrorData(error);
    if (data?.reason === 'VERSION_CONFLICT') {
      const current = ZBooking.safeParse(data.details?.current);
      if (current.success) utils.bookings.get.setData({ id: booking.id }, current.data);
      else void utils.bookings.get.invalidate({ id: booking.id });
      notifyWarning(
        'Someone changed this booking a moment ago; it now shows their version. Check it and try again.',
        'Changed by someone else',
      );
      return;
    }
    if (data?.reason === 'INVALID_TRANSITION') void utils.bookings.get.invalidate({ id: booking.id });
    handleServerError(error);
  };
  // Shown at once (optimistic); when the server refuses, the old status comes back with its reason.
  const setStatus = trpc.bookings.setStatus.useMutation({
    onMutate: (input) => optimistic(booking, { status: input.status }),
    onSuccess: (b, input) => {
      saved(b);
      notifySuccess(ACTIONS[input.status].done(guest), BOOKING_STATUS[input.status].label);
    },
    onError: (error, _input, undo) => {
      undo?.();
      onError(error);
    },
  });
  const cancel = trpc.bookings.cancel.useMutation({
    onMutate: (input) => optimistic(booking, { status: 'canceled', cancelReason: input.reason }),
    onSuccess: (b) => {
      saved(b);
      setCanceling(false);
      notifySuccess(ACTIONS.canceled.done(guest), 'Booking cancelled');
    },
    onError: (error, _input, undo) => {
      undo?.();
      onError(error);
    },
  });

  // Stays mounted while a cancel is shown ahead of the server: a refusal keeps the reason typed.
  const cancelModal = (
    <CancelBookingModal
      opened={canceling}
      guest={guest}
      saving={cancel.isPending}
      onClose={() => setCanceling(false)}
      onCancel={(reason) => cancel.mutateAsync({ id: booking.id, reason, version: booking.version })}
    />
  );
  const actions = statusActionsFor(booking.status);
  if (actions.length === 0) {
    return (
      <>
        <Text size="sm" c="dimmed">
          This booking is {BOOKING_STATUS[booking.status].label.toLowerCase()}; its status cannot change any
          more.
        </Text>
        {cancelModal}
      </>
    );
  }
  const busy = setStatus.isPending || cancel.isPending;
  const run = (to: Target) => {
    if (to === 'canceled') setCanceling(true);
    else if (to === 'no_show')
      confirmDanger({
        title: 'Mark as a no-show?',
        message: `${guest} did not come. The table is freed for others, and the no-show is counted on the guest's profile.`,
        confirmLabel: 'Mark as no-show',
        onConfirm: () => setStatus.mutate({ id: booking.id, status: 'no_show', version: booking.version }),
      });
    else setStatus.mutate({ id: booking.id, status: to, version: booking.version });
  };

  return (
    <>
      <PausedWhenOffline block>
        {(paused) => (
          <Group gap="xs" role="group" aria-label="Status">
            {actions.map((to) => {
              const a = ACTIONS[to];
              const primary = NEXT[booking.status] === to;
              const danger = to === 'canceled' || to === 'no_show';
              return (
                <Button
                  key={to}
                  size="xs"
                  color={a.color}
                  variant={primary ? 'filled' : danger ? 'subtle' : 'light'}
                  leftSection={<a.icon size={15} />}
                  onClick={() => run(to)}
                  disabled={busy || paused}
                  loading={setStatus.isPending && setStatus.variables?.status === to}
                >
                  {a.label}
                </Button>
              );
            })}
          </Group>
        )}
      </PausedWhenOffline>
      {cancelModal}
    </>
  );
}

/** Asks why before cancelling (the reason is kept with the booking and in its history). */
function CancelBookingModal({
  opened,
  guest,
  saving,
  onClose,
  onCancel,
}: {
  opened: boolean;
  guest: string;
  saving: boolean;
  onClose: () => void;
  onCancel: (reason: string) => Promise<unknown>;
}) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: validateWith(ZBookingCancelInput.pick({ reason: true }), (v: { reason: string }) => v),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async ({ reason }) => {
    try {
      await onCancel(reason.trim());
      form.reset();
    } catch {
      // Shown by the mutation's onError; the modal stays open with the reason.
    }
  });
  return (
    <Modal opened={opened} onClose={close} title="Cancel this booking?">
      <form onSubmit={submit} noValidate aria-label="Cancel booking">
        <Stack gap="sm">
          <Text size="sm">
            {guest}'s table is freed for others. The reason is kept with the booking and in its history.
          </Text>
          <Textarea
            label="Reason"
            placeholder="Why is the booking cancelled?"
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group gap={6}>
            {QUICK_REASONS.map((r) => (
              <Button
                key={r}
                size="compact-xs"
                variant="default"
                onClick={() => form.setFieldValue('reason', r)}
              >
                {r}
              </Button>
            ))}
          </Group>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Keep booking
            </Button>
            <Button type="submit" color="red" loading={saving} leftSection={<IconX size={16} />}>
              Cancel booking
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
