/**
 * Live queries over the review repositories (issue 6): the arrangeur's status banner and step
 * comments, the casemanager's review screen and the caseload badges read through these, and
 * write through the storage functions. Each answers `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Review, ReviewComment } from '../../domain/plan/review.ts';
import {
  listReviewComments,
  listReviews,
  reviewStandPerClient,
  reviewsVoor,
} from '../../storage/repositories/reviews.ts';
import { useDb } from './db-context.tsx';
import { MAANDNAMEN } from '../../domain/model/dates.ts';

/**
 * useLiveQuery keeps its previous answer while the query for new deps runs; a screen that first
 * sees "no plan yet" would then briefly read the empty list as "no review". Tagging the answer
 * with the plan id it belongs to makes that moment `undefined` (loading) instead.
 */
function useVoorPlan<T>(
  planId: string | undefined,
  lees: (planId: string) => Promise<T[]>,
): T[] | undefined {
  const db = useDb();
  const antwoord = useLiveQuery(
    async () => ({ planId, lijst: planId === undefined ? [] : await lees(planId) }),
    [db, planId],
  );
  return antwoord && antwoord.planId === planId ? antwoord.lijst : undefined;
}

/** Every review round of the plan, newest request first. */
export function useReviews(planId: string | undefined): Review[] | undefined {
  const db = useDb();
  return useVoorPlan(planId, (id) => listReviews(db, id));
}

/** Every living comment on the plan (all rounds), in the order they were made. */
export function useReviewComments(planId: string | undefined): ReviewComment[] | undefined {
  const db = useDb();
  return useVoorPlan(planId, (id) => listReviewComments(db, id));
}

/*
 * `actief: false` keeps a caseload query from touching IndexedDB until the client rows are on
 * screen: on a cold start with 5,000 clients, the review queries racing the first one cost
 * ~200 ms before the first row showed (npm run bench -- browser).
 */

/** Reviews addressed to this casemanager (her "te reviewen" list). */
export function useReviewsVoor(casemanagerId: string, actief = true): Review[] | undefined {
  const db = useDb();
  return useLiveQuery(
    () => (actief ? reviewsVoor(db, casemanagerId) : undefined),
    [db, casemanagerId, actief],
  );
}

export type ReviewStandPerClient = Awaited<ReturnType<typeof reviewStandPerClient>>;

/** Where the review of each client's plan stands and its open comments, for the caseload badges. */
export function useReviewStandPerClient(actief = true): ReviewStandPerClient | undefined {
  const db = useDb();
  return useLiveQuery(() => (actief ? reviewStandPerClient(db) : undefined), [db, actief]);
}

/**
 * "23 november 2026, 14:05" in the device's time zone, for comment and review timestamps (ISO).
 * Shared by the review screen and the plan editor, which may not import each other.
 */
export function momentNl(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const maand = MAANDNAMEN[d.getMonth()];
  const tijd = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${d.getDate()} ${maand} ${d.getFullYear()}, ${tijd}`;
}

/** The date part only: "23 november 2026". */
export function datumVanMoment(iso: string | undefined): string {
  return momentNl(iso).replace(/, \d\d:\d\d$/, '');
}
