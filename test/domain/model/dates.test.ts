import { describe, expect, it } from 'vitest';
import {
  dagnummer,
  datumVan,
  datumVoluit,
  plusDagen,
  vandaagIn,
} from '../../../src/domain/model/dates.ts';

describe('the one date toolkit', () => {
  it('counts today in the Netherlands, whatever zone the device or server is in', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time, UTC+2).
    expect(vandaagIn(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    // 23:30 UTC on 31 December is 00:30 on 1 January (winter time, UTC+1).
    expect(vandaagIn(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(vandaagIn(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });

  it('adds days across months, years and the summer-time change', () => {
    expect(plusDagen('2026-03-28', 2)).toBe('2026-03-30');
    expect(plusDagen('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDagen('2028-03-01', -1)).toBe('2028-02-29');
    expect(datumVan(dagnummer('2026-10-25'))).toBe('2026-10-25');
  });

  it('writes a date out as people do, and leaves other text alone', () => {
    expect(datumVoluit('2026-11-03')).toBe('3 november 2026');
    expect(datumVoluit('volgende week')).toBe('volgende week');
  });
});
