/** Today on this device as `jjjj-mm-dd` (local time, not UTC: at 00:30 it is already tomorrow here). */
export function vandaagIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
