import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav';

describe('navItemsFor', () => {
  it('shows the activity log to managers and owners only', () => {
    const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.label);
    expect(labels('staff')).not.toContain('Activity');
    expect(labels(null)).not.toContain('Activity');
    expect(labels('manager')).toContain('Activity');
    expect(labels('owner').slice(-2)).toEqual(['Activity', 'Settings']);
  });
});
