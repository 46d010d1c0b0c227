/**
 * The financier of a domain for one client, as an identifier the receiving system can match:
 * the zorgverzekeraar by UZOVI, the gemeente by CBS code, the zorgkantoor by iWlz code. Names come
 * from the reference data by code (`bepaalFinancier`), never from text a device sent.
 */
import type { Client } from '../model/client.ts';
import { bepaalFinancier, type Domein } from '../routing/financier.ts';
import { SYSTEMEN } from './types.ts';

export interface FinancierRef {
  readonly systeem: string;
  readonly code: string;
  readonly naam: string;
}

const SYSTEEM = {
  zorgverzekeraar: SYSTEMEN.uzovi,
  gemeente: SYSTEMEN.cbsGemeente,
  zorgkantoor: SYSTEMEN.zorgkantoor,
} as const;

export function geldendeFinancier(
  domein: Domein,
  client: Pick<Client, 'gemeente' | 'zorgverzekeraar'>,
): FinancierRef | null {
  const { financier } = bepaalFinancier(domein, {
    gemeente: client.gemeente,
    zorgverzekeraar: client.zorgverzekeraar ?? null,
  });
  return financier
    ? { systeem: SYSTEEM[financier.soort], code: financier.code, naam: financier.naam }
    : null;
}
