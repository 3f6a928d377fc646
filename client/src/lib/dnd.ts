import {
  type KeyboardCodes,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  type PointerSensorOptions,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type PointerEvent as ReactPointerEvent, useCallback, useRef } from 'react';

/**
 * dnd-kit pieces shared by the screens that drag things (import only from lazily loaded pages:
 * dnd-kit must stay out of the first download).
 */

/** Pointer events from a mouse or pen; touches go to a TouchSensor (press and hold). */
export class MouseOrPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Space picks up and drops; Enter (when not dragging) is left to the element (open it). */
export const KEYBOARD_CODES: KeyboardCodes = {
  start: ['Space'],
  cancel: ['Escape'],
  end: ['Space', 'Enter', 'Tab'],
};

/** Clicks this soon after a drop belong to the drag, not to the element. */
export const CLICK_AFTER_DROP_MS = 300;

/**
 * Tells a drop from a click: call `dropped()` when a drag ends or is cancelled, and ask
 * `isClick()` in the element's click handler.
 */
export function useDropClock() {
  const last = useRef(Number.NEGATIVE_INFINITY);
  const dropped = useCallback(() => {
    last.current = performance.now();
  }, []);
  const isClick = useCallback(() => performance.now() - last.current > CLICK_AFTER_DROP_MS, []);
  return { dropped, isClick };
}

/**
 * The sensors every drag surface uses: mouse or pen after a few pixels, touch after a press and
 * hold, and the keyboard, whose arrows move by one step (`steps()` is read at key time, so it
 * may follow the current zoom).
 */
export function useDragSensors(
  steps: () => { x: number; y: number },
  touch: { delay: number; tolerance: number },
) {
  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates: c }) => {
    const step = steps();
    switch (event.code) {
      case 'ArrowRight':
        return { x: c.x + step.x, y: c.y };
      case 'ArrowLeft':
        return { x: c.x - step.x, y: c.y };
      case 'ArrowDown':
        return { x: c.x, y: c.y + step.y };
      case 'ArrowUp':
        return { x: c.x, y: c.y - step.y };
      default:
        return undefined;
    }
  };
  return useSensors(
    useSensor(MouseOrPenSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: touch }),
    useSensor(KeyboardSensor, { keyboardCodes: KEYBOARD_CODES, coordinateGetter }),
  );
}
