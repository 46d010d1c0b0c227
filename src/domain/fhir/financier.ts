/**
 * The financier of a domain for one client, as an identifier the receiving system can match:
 * the zorgverzekeraar by UZOVI, the gemeente by CBS code, the zorgkantoor by iWlz code. Names come
 * from the reference data by code (`bepaalFinancier`); only a UZOVI code the list lacks goes by the
 * name the organisation gave it (a synced record), else "Zorgverzekeraar (UZOVI …)".
 */
import type { Client } from '../model/client.ts';
import { gegevenZorgverzekeraarNaam } from '../reference/index.ts';
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

/**
 * `zorgverzekeraarNamen`: the names given on the device to UZOVI codes the shipped list lacks
 * (issue 16, point 4); a listed code keeps the list's name.
 */
export function geldendeFinancier(
  domein: Domein,
  client: Pick<Client, 'gemeente' | 'zorgverzekeraar'>,
  zorgverzekeraarNamen?: ReadonlyMap<string, string>,
): FinancierRef | null {
  const { financier } = bepaalFinancier(domein, {
    gemeente: client.gemeente,
    zorgverzekeraar: client.zorgverzekeraar ?? null,
  });
  if (!financier) return null;
  const gegeven =
    financier.soort === 'zorgverzekeraar'
      ? gegevenZorgverzekeraarNaam(financier.code, zorgverzekeraarNamen)
      : undefined;
  return {
    systeem: SYSTEEM[financier.soort],
    code: financier.code,
    naam: gegeven ?? financier.naam,
  };
}
