/** One row of `npm run bench`. `budget` + `lowerIsBetter` decide `ok`; a missing budget is informational. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget?: number;
  readonly lowerIsBetter?: boolean;
}
