/**
 * The app's one clock (docs/style.md: the domain gets "now" passed in; the edge reads it here).
 * `vandaag()` is the calendar day in the Netherlands (Europe/Amsterdam), whatever zone the device
 * is set to, so the tablet, the server and the print agree on which day it is.
 */
import { plusDagen, vandaagIn } from '../../domain/model/kalender.ts';

export const nu = (): Date => new Date();

/** Today in the Netherlands as `YYYY-MM-DD` (at 00:30 there it is already tomorrow). */
export const vandaag = (moment: Date = nu()): string => vandaagIn(moment);

/** Tomorrow in the Netherlands as `YYYY-MM-DD`. */
export const morgen = (moment: Date = nu()): string => plusDagen(vandaagIn(moment), 1);
