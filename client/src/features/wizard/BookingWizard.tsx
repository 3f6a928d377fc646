import type { WizardPrefill } from '../booking-ui/BookingUiProvider';

/** The booking wizard (placeholder until it is built). */
export function BookingWizard(_props: { prefill: WizardPrefill; onClose(): void }) {
  return null;
}
