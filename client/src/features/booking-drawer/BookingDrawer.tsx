/** The booking drawer (placeholder until it is built). */
export function BookingDrawer(_props: { bookingId: string; onClose(): void }) {
  return null;
}
