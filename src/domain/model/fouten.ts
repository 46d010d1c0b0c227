/**
 * One way to say what is wrong with input, for the CLI and the API alike (issue 16 point 3): the
 * field, the value that was given, and what is accepted. Parse with `{ reportInput: true }` so zod
 * keeps the value. A union (for example `wlzIndicatie`: "onbekend", null or an indicatie) is
 * reported by the branch that fits the value's shape, not as a bare "Invalid input".
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function waarde(v: unknown): string {
  if (v === undefined) return 'niets';
  const s = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** The issues of the union branch that got furthest into the value (deepest paths, then fewest). */
function besteTak(issue: Issue & { code: 'invalid_union' }): Issue[] | undefined {
  const takken = (issue.errors ?? []).filter((t) => t.length > 0);
  if (takken.length === 0) return undefined;
  const diepte = (t: readonly Issue[]) => Math.max(...t.map((i) => i.path.length));
  return [...takken].sort((a, b) => diepte(b) - diepte(a) || a.length - b.length)[0];
}

function regels(pad: readonly PropertyKey[], issue: Issue): string[] {
  const volledigPad = [...pad, ...issue.path];
  if (issue.code === 'invalid_union') {
    const tak = besteTak(issue);
    if (tak && tak.some((i) => i.path.length > 0))
      return tak.flatMap((i) => regels(volledigPad, i));
  }
  const naam = volledigPad.map(String).join('.');
  let toegestaan = '';
  if (issue.code === 'invalid_value') {
    toegestaan = `; toegestaan: ${issue.values.map((v) => waarde(v)).join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    toegestaan = `; verwacht: ${issue.expected}`;
  } else if (issue.code === 'unrecognized_keys') {
    toegestaan = `; onbekende velden: ${issue.keys.join(', ')}`;
  }
  const gegeven =
    'input' in issue && issue.code !== 'unrecognized_keys'
      ? ` (gegeven: ${waarde(issue.input)}${toegestaan})`
      : toegestaan
        ? ` (${toegestaan.slice(2)})`
        : '';
  return [`${naam}: ${issue.message}${gegeven}`];
}

/** "context.wlzIndicatie.leveringsvorm: Kies … (gegeven: 'thuis'; toegestaan: 'verblijf', …)". */
export function beschrijfFouten(deel: string | null, error: z.ZodError): string {
  return error.issues.flatMap((i) => regels(deel ? [deel] : [], i)).join('; ');
}
