import { Badge, type BadgeProps, Group, type MantineColor } from '@mantine/core';
import { type Icon, IconAlertTriangle, IconCrown, IconRepeat, IconSparkles } from '@tabler/icons-react';
import { SEGMENT_LABELS, SEGMENTS, type TSegment } from '@tobeout/shared';

/** How each guest segment looks, everywhere guests are shown (colour and icon both tell them apart). */
export const SEGMENT_STYLE: Record<TSegment, { label: string; color: MantineColor; icon: Icon }> = {
  vip: { label: SEGMENT_LABELS.vip, color: 'grape', icon: IconCrown },
  frequent: { label: SEGMENT_LABELS.frequent, color: 'teal', icon: IconRepeat },
  new: { label: SEGMENT_LABELS.new, color: 'blue', icon: IconSparkles },
  at_risk: { label: SEGMENT_LABELS.at_risk, color: 'orange', icon: IconAlertTriangle },
};

export const SEGMENT_OPTIONS = SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }));

export function SegmentBadge({
  segment,
  ...props
}: { segment: TSegment } & Omit<BadgeProps, 'color' | 'children' | 'leftSection'>) {
  const s = SEGMENT_STYLE[segment];
  return (
    <Badge
      variant="light"
      color={s.color}
      leftSection={<s.icon size={12} stroke={2} aria-hidden />}
      data-segment={segment}
      {...props}
    >
      {s.label}
    </Badge>
  );
}

/** A guest's segments as badges, in the shared order (nothing when there are none). */
export function SegmentBadges({
  segments,
  size = 'sm',
}: {
  segments: readonly TSegment[];
  size?: BadgeProps['size'];
}) {
  if (segments.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" component="span">
      {SEGMENTS.filter((s) => segments.includes(s)).map((s) => (
        <SegmentBadge key={s} segment={s} size={size} />
      ))}
    </Group>
  );
}

/** The address of a guest's profile. */
export function guestPath(id: string): string {
  return `/guests/${id}`;
}
