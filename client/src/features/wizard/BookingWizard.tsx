import { Box, Button, Group, Modal, Stack, Stepper, Text, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import type { TAvailableSlot, TFitOption, THold, TRestaurant } from '@tobeout/shared';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { trpc } from '../../app/trpc';
import { confirmDanger } from '../../lib/actions';
import { refusal } from '../../lib/bookings';
import { handleServerError, serverErrorData } from '../../lib/errors';
import { localToday } from '../../lib/local-time';
import { useIsPhone } from '../../lib/media';
import { PageSkeleton, QueryError } from '../../lib/states';
import { newId } from '../../lib/uuid';
import { OfflineBanner, PausedWhenOffline } from '../../live/offline';
import { useBookingUi, type WizardPrefill } from '../booking-ui/BookingUiProvider';
import { useKnownGuest } from './guests';
import { HoldBanner } from './HoldBanner';
import {
  guestInput,
  HOLD_FROM,
  initialValues,
  type KnownGuest,
  partyOf,
  STEPS,
  stepErrors,
  stepIndex,
  stepOfField,
  type WizardValues,
} from './model';
import { notifyBooked } from './notify';
import { AvailabilityStep, type Conflict } from './steps/AvailabilityStep';
import { ConfirmStep } from './steps/ConfirmStep';
import { GuestStep } from './steps/GuestStep';
import { RequestsStep } from './steps/RequestsStep';
import { TableStep } from './steps/TableStep';
import { WhenStep } from './steps/WhenStep';
import { useHold } from './useHold';
import { useSeatingChoices } from './useSeatingChoices';
import { WalkInModal } from './WalkInModal';

/** The booking wizard: date, time and party → free tables → guest → table → requests → confirm. */
export function BookingWizard({ prefill: opened, onClose }: { prefill: WizardPrefill; onClose(): void }) {
  // What the wizard was opened with (opening it again while open, e.g. with N, changes nothing).
  const [prefill] = useState(opened);
  const isPhone = useIsPhone();
  const [walkIn, setWalkIn] = useState(false);
  const restaurant = trpc.restaurant.get.useQuery();
  // The flow decides whether closing needs a confirmation (entered data, a held table).
  const mayClose = useRef<() => boolean>(() => true);

  if (walkIn) return <WalkInModal opened onClose={onClose} fullScreen={isPhone} />;
  return (
    <Modal
      opened
      onClose={() => mayClose.current() && onClose()}
      title="New booking"
      size={860}
      fullScreen={isPhone}
      padding={isPhone ? 'sm' : 'lg'}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {restaurant.data ? (
        <WizardFlow
          restaurant={restaurant.data}
          prefill={prefill}
          compact={isPhone}
          onDone={onClose}
          onWalkIn={() => setWalkIn(true)}
          mayClose={mayClose}
        />
      ) : restaurant.isError ? (
        <QueryError error={restaurant.error} onRetry={() => void restaurant.refetch()} />
      ) : (
        <PageSkeleton rows={4} label="Loading the booking wizard" />
      )}
    </Modal>
  );
}

function conflictOf(error: unknown): Conflict | null {
  const reason = serverErrorData(error)?.reason;
  if (reason !== 'SLOT_TAKEN' && reason !== 'NO_AVAILABILITY' && reason !== 'HOLD_EXPIRED') return null;
  const { message, alternatives } = refusal(error, 6);
  const title =
    reason === 'SLOT_TAKEN'
      ? 'Someone else was faster'
      : reason === 'HOLD_EXPIRED'
        ? 'The hold expired'
        : 'No longer available';
  return { title, message, alternatives };
}

type FlowProps = {
  restaurant: TRestaurant;
  prefill: WizardPrefill;
  compact: boolean;
  onDone: () => void;
  onWalkIn: () => void;
  mayClose: RefObject<() => boolean>;
};

function WizardFlow({ restaurant, prefill, compact, onDone, onWalkIn, mayClose }: FlowProps) {
  const { timezone: timeZone, country } = restaurant;
  const [today] = useState(() => localToday(timeZone));
  const form = useForm<WizardValues>({ initialValues: initialValues(prefill, today) });
  const [active, setActive] = useState(0);
  const [option, setOption] = useState<TFitOption | null>(null);
  const [guest, setGuest] = useState<KnownGuest | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // One key per wizard session: a double click or a retried request never books twice.
  const [idempotencyKey] = useState(newId);
  const hold = useHold();
  const known = useKnownGuest(prefill.guestId && !guest ? prefill.guestId : null);
  const guestInfo =
    guest ?? (form.values.guestId && form.values.guestId === prefill.guestId ? known.guest : null);
  const { openBooking } = useBookingUi();
  const utils = trpc.useUtils();
  const create = trpc.bookings.create.useMutation();
  const values = form.values;
  const partySize = partyOf(values);
  const { durationMin } = useSeatingChoices(
    { date: values.date, time: values.time, partySize, holdId: hold.hold?.holdId },
    active > 0,
  );
  const step = STEPS[active]!;
  const busy = hold.placing || create.isPending;
  const contentRef = useRef<HTMLDivElement>(null);

  mayClose.current = () => {
    const entered =
      hold.hold !== null ||
      values.guestId !== (prefill.guestId ?? null) ||
      Object.values(values.guest).some((v) => v.trim() !== '') ||
      values.specialRequests.trim() !== '';
    if (!entered) return true;
    confirmDanger({
      title: 'Discard this booking?',
      message: hold.hold
        ? 'What you entered is lost and the held table is released for others.'
        : 'What you entered is lost.',
      confirmLabel: 'Discard',
      onConfirm: onDone,
    });
    return false;
  };

  // Each step starts where the keyboard is needed: its first field or the chosen option.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on every change of step
  useEffect(() => {
    const root = contentRef.current;
    if (!root) return;
    const id = requestAnimationFrame(() => {
      const target =
        root.querySelector<HTMLElement>('[data-autofocus]') ??
        root.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]') ??
        root.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea') ??
        root;
      target.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [active]);

  const selectSeating = (o: TFitOption | null) => {
    setOption(o);
    form.setFieldValue('tableIds', o?.tableIds ?? []);
    if (o) form.clearFieldError('tableIds');
  };

  /** Holds `o` at `time` (replacing the current hold); a refusal shows its alternatives. */
  const placeHold = async (o: TFitOption, time = values.time) => {
    try {
      const held = await hold.place({
        date: values.date,
        time,
        partySize,
        tableIds: o.tableIds,
        ...(values.overridePacing ? { overridePacing: true } : {}),
      });
      form.setFieldValue('time', time);
      selectSeating(o);
      setConflict(null);
      return held;
    } catch (error) {
      const c = conflictOf(error);
      if (c) {
        setConflict(c);
        void utils.availability.invalidate();
      } else handleServerError(error);
      return null;
    }
  };

  /** The current hold, placed again when it has expired. */
  const freshHold = async () => {
    if (hold.hold && !hold.expired) return hold.hold;
    return option ? placeHold(option) : null;
  };

  const goTo = (target: number) => {
    // Back before the guest step: the time or party may change, so the tables go back.
    if (target < HOLD_FROM) hold.release();
    // Back to the time and party: a pacing override was for the old ones.
    if (target === 0) form.setFieldValue('overridePacing', false);
    setConflict(null);
    setActive(target);
  };

  const pickAlternative = async (slot: TAvailableSlot, o: TFitOption) => {
    if (active < HOLD_FROM) {
      form.setFieldValue('time', slot.time);
      selectSeating(o);
      setConflict(null);
    } else await placeHold(o, slot.time);
  };

  /** Converts the hold into the booking; `renewed` is a hold just placed again (retry). */
  const book = async (renewed?: THold): Promise<void> => {
    const held = renewed ?? (await freshHold());
    if (!held) return;
    try {
      const booking = await create.mutateAsync({
        holdId: held.holdId,
        ...guestInput(values, country),
        specialRequests: values.specialRequests,
        source: 'staff',
        idempotencyKey,
      });
      hold.consume();
      void utils.availability.invalidate();
      void utils.bookings.invalidate();
      notifyBooked(booking, openBooking);
      onDone();
    } catch (error) {
      const data = serverErrorData(error);
      if (data?.reason === 'HOLD_EXPIRED' && !renewed && option) {
        // Our clock said the hold was still there; the server's did not. Hold again, once.
        hold.consume();
        const again = await placeHold(option);
        if (again) return book(again);
        return;
      }
      const c = conflictOf(error);
      if (c) {
        setConflict(c);
        return;
      }
      if (handleServerError(error, form)) {
        const first = Object.keys(data?.fieldErrors ?? {}).find(Boolean);
        const at = first ? stepOfField(first) : null;
        if (at) setActive(stepIndex(at));
      }
    }
  };

  // A second click before React re-renders must not start a second request.
  const inFlight = useRef(false);
  const next = async () => {
    if (busy || inFlight.current) return;
    const errors = stepErrors(step.key, values, { country, today });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    inFlight.current = true;
    try {
      if (step.key === 'availability') {
        if (!option || !(await placeHold(option))) return;
      } else if (step.key === 'table') {
        if (!(await freshHold())) return;
      } else if (step.key === 'confirm') {
        await book();
        return;
      }
      setConflict(null);
      setActive(active + 1);
    } finally {
      inFlight.current = false;
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void next();
  };
  const submitFromKeyboard = () => contentRef.current?.closest('form')?.requestSubmit();
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    getHotkeyHandler([['mod+Enter', submitFromKeyboard]])(e);
    // Enter on a table card picks it and goes on (a card is a button, so Enter would only pick).
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && !e.defaultPrevented && target.getAttribute('role') === 'radio') {
      e.preventDefault();
      target.click();
      setTimeout(submitFromKeyboard);
    }
  };

  let content: ReactNode;
  switch (step.key) {
    case 'when':
      content = <WhenStep form={form} today={today} onWalkIn={onWalkIn} />;
      break;
    case 'availability':
      content = (
        <AvailabilityStep
          form={form}
          preferredTableIds={prefill.tableIds}
          onSelect={selectSeating}
          onPickAlternative={(s, o) => void pickAlternative(s, o)}
          conflict={conflict}
        />
      );
      break;
    case 'guest':
      content = (
        <GuestStep
          form={form}
          country={country}
          guest={guestInfo}
          guestLoading={known.loading}
          onGuestChange={(g) => {
            setGuest(g);
            form.setFieldValue('guestId', g?.id ?? null);
            form.clearErrors();
          }}
        />
      );
      break;
    case 'table':
      content = (
        <TableStep
          form={form}
          held={option}
          heldIds={hold.hold?.tableIds ?? []}
          holdId={hold.hold?.holdId}
          changing={hold.placing}
          onChange={(o) => void placeHold(o)}
          onPickAlternative={(s, o) => void pickAlternative(s, o)}
          conflict={conflict}
        />
      );
      break;
    case 'requests':
      content = <RequestsStep form={form} />;
      break;
    case 'confirm':
      content = (
        <ConfirmStep
          values={values}
          country={country}
          option={option}
          durationMin={durationMin}
          guest={guestInfo}
          conflict={conflict}
          onPickAlternative={(s, o) => void pickAlternative(s, o)}
          busy={busy}
        />
      );
      break;
  }

  const last = active === STEPS.length - 1;
  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label="New booking"
      // Full screen on phones: the buttons sit at the bottom of the screen.
      style={
        compact ? { minHeight: 'calc(100dvh - 76px)', display: 'flex', flexDirection: 'column' } : undefined
      }
    >
      <Stack gap="md" style={compact ? { flex: 1 } : undefined}>
        <OfflineBanner inline />
        <Stepper
          active={active}
          onStepClick={(i) => i < active && !busy && goTo(i)}
          allowNextStepsSelect={false}
          size={compact ? 'xs' : 'sm'}
          iconSize={compact ? 26 : 32}
          wrap={false}
        >
          {STEPS.map((s) => (
            <Stepper.Step
              key={s.key}
              label={compact ? undefined : s.label}
              aria-label={`Step ${stepIndex(s.key) + 1}: ${s.label}`}
            />
          ))}
        </Stepper>
        {/* Phones (a stepper of icons) and screen readers read the step here. */}
        {compact ? (
          <Text size="sm" fw={600} aria-live="polite">
            Step {active + 1} of {STEPS.length}: {step.label}
          </Text>
        ) : (
          <VisuallyHidden aria-live="polite">
            Step {active + 1} of {STEPS.length}: {step.label}
          </VisuallyHidden>
        )}
        {active >= HOLD_FROM && (
          <HoldBanner
            hold={hold.hold}
            expired={hold.expired}
            placing={hold.placing}
            label={option?.label ?? null}
            timeZone={timeZone}
            onRenew={() => void freshHold()}
          />
        )}
        <Box ref={contentRef} tabIndex={-1} style={{ outline: 'none' }} mih={compact ? undefined : 300}>
          {content}
        </Box>
        <Group
          justify="space-between"
          gap="xs"
          pt="sm"
          pb={compact ? 'xs' : 0}
          mt={compact ? 'auto' : 0}
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-default-border)',
            zIndex: 2,
          }}
        >
          <Button variant="subtle" color="gray" onClick={() => mayClose.current() && onDone()}>
            Cancel
          </Button>
          <Group gap="xs">
            {active > 0 && (
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                onClick={() => goTo(active - 1)}
                disabled={busy}
              >
                Back
              </Button>
            )}
            <PausedWhenOffline>
              {(paused) => (
                <Button
                  type="submit"
                  loading={busy}
                  disabled={last && paused}
                  rightSection={last ? <IconCheck size={16} /> : <IconArrowRight size={16} />}
                  color={last ? 'teal' : undefined}
                >
                  {last ? 'Confirm booking' : 'Next'}
                </Button>
              )}
            </PausedWhenOffline>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
