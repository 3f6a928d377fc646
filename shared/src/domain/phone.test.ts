import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneDigits } from './phone';

describe('normalisePhone', () => {
  it('reads national numbers with the default country and international ones as they are', () => {
    expect(normalisePhone('0170 1234567', 'DE')).toEqual({ ok: true, e164: '+491701234567' });
    expect(normalisePhone('(0170) 123-4567', 'de')).toEqual({ ok: true, e164: '+491701234567' });
    expect(normalisePhone('+39 333 123 4567', 'DE')).toEqual({ ok: true, e164: '+393331234567' });
    expect(normalisePhone('0049 170 1234567', 'DE')).toEqual({ ok: true, e164: '+491701234567' });
    expect(normalisePhone('(212) 555-0123', 'US')).toEqual({ ok: true, e164: '+12125550123' });
  });

  it('explains what is wrong with an unparseable number', () => {
    expect(normalisePhone('', 'DE')).toEqual({ ok: false, message: 'Enter a phone number.' });
    const bad = normalisePhone('12', 'DE');
    expect(bad).toEqual({
      ok: false,
      message: '"12" is not a valid phone number for DE (or add the +country code).',
    });
    expect(normalisePhone('call me', 'DE').ok).toBe(false);
  });

  it('keeps the digits of a partial number for search', () => {
    expect(phoneDigits('0170 12')).toBe('17012');
    expect(phoneDigits('+49 170')).toBe('49170');
  });
});
