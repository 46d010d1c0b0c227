/**
 * One way to say what is wrong with input, for the CLI and the API alike (issue 16 point 3): the
 * field, the value that was given, and what is accepted. A union (for example `wlzIndicatie`:
 * "onbekend", null or an indicatie) is reported by the branch that fits the value's shape, not as
 * a bare "Invalid input".
 *
 * The value comes from the issue when zod kept it (`{ reportInput: true }`), else from `invoer`
 * (the parsed input) at the issue's path. It is shortened, and it is meant for the one who sent
 * it: never write a `VeldFout` or its text to a log (it may hold client data).
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** One field that was refused. */
export interface VeldFout {
  /** Dotted path, with the part of the request first: `body.context.wlzIndicatie`. */
  readonly veld: string;
  /** The value given, shortened (`'VV 11'`, `12`, `niets`); absent when not known. */
  readonly waarde?: string;
  /** What is accepted (the allowed values, a type, a format, a minimum or maximum). */
  readonly toegestaan?: string;
  /** zod's message (our schemas' own Dutch text, or zod's English default). */
  readonly melding: string;
}

const MAX_WAARDE = 60;

/** A value as it is shown back, at most 60 characters. */
export function toonWaarde(v: unknown): string {
  if (v === undefined) return 'niets';
  let s: string;
  try {
    s = typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(typeof v);
  }
  return s.length > MAX_WAARDE ? `${s.slice(0, MAX_WAARDE - 1)}…` : s;
}

/** The issues of the union branch that got furthest into the value (deepest paths, then fewest). */
function besteTak(issue: Issue & { code: 'invalid_union' }): Issue[] | undefined {
  const takken = (issue.errors ?? []).filter((t) => t.length > 0);
  if (takken.length === 0) return undefined;
  const diepte = (t: readonly Issue[]) => Math.max(...t.map((i) => i.path.length));
  return [...takken].sort((a, b) => diepte(b) - diepte(a) || a.length - b.length)[0];
}

function grens(
  soort: 'minimaal' | 'maximaal',
  origin: string,
  n: number | bigint,
  inclusive: boolean | undefined,
): string {
  const eenheid =
    origin === 'string' ? ' tekens' : origin === 'array' || origin === 'set' ? ' items' : '';
  const teken =
    soort === 'minimaal' ? (inclusive === false ? '>' : '≥') : inclusive === false ? '<' : '≤';
  return eenheid ? `${soort} ${String(n)}${eenheid}` : `${teken} ${String(n)}`;
}

/** What is accepted, as zod's issue says it. */
function wat(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.map((v) => toonWaarde(v)).join(', ');
    case 'invalid_type':
      return `een ${issue.expected}`;
    case 'too_small':
      return grens('minimaal', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return grens('maximaal', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_format': {
      const patroon = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
      const formaat = issue.format === 'regex' && patroon ? `patroon ${patroon}` : issue.format;
      return `formaat ${formaat}`;
    }
    case 'unrecognized_keys':
      return 'alleen de bekende velden';
    case 'not_multiple_of':
      return `een veelvoud van ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

function opPad(invoer: unknown, pad: readonly PropertyKey[]): unknown {
  let v = invoer;
  for (const k of pad) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

interface Bron {
  readonly heeftInvoer: boolean;
  readonly invoer: unknown;
}

function fouten(
  pad: readonly PropertyKey[],
  relPad: readonly PropertyKey[],
  issue: Issue,
  bron: Bron,
): VeldFout[] {
  const volledigPad = [...pad, ...issue.path];
  const rel = [...relPad, ...issue.path];
  if (issue.code === 'invalid_union') {
    const tak = besteTak(issue);
    if (tak && tak.some((i) => i.path.length > 0))
      return tak.flatMap((i) => fouten(volledigPad, rel, i, bron));
  }
  const veld = volledigPad.map(String).join('.');
  const w = wat(issue);
  const waarde =
    issue.code === 'unrecognized_keys'
      ? undefined
      : 'input' in issue
        ? toonWaarde(issue.input)
        : bron.heeftInvoer
          ? toonWaarde(opPad(bron.invoer, rel))
          : undefined;
  return [
    {
      veld,
      ...(waarde === undefined ? {} : { waarde }),
      ...(w === undefined ? {} : { toegestaan: w }),
      melding: issue.message,
    },
  ];
}

/**
 * Every refused field of a parse.
 * @param deel the part of the input the schema was for (`context`, `body`, `querystring`), or null
 * @param invoer the input that was parsed, to show the value when the issue does not carry it
 */
export function veldFouten(
  deel: string | null,
  issues: readonly Issue[],
  ...invoer: [] | [unknown]
): VeldFout[] {
  const bron: Bron = { heeftInvoer: invoer.length > 0, invoer: invoer[0] };
  return issues.flatMap((i) => fouten(deel ? [deel] : [], [], i, bron));
}

/** "veld: melding (gegeven: 'x'; toegestaan: …)" — one line per field. */
export function foutTekst(f: VeldFout): string {
  const delen = [
    ...(f.waarde === undefined ? [] : [`gegeven: ${f.waarde}`]),
    ...(f.toegestaan === undefined ? [] : [`toegestaan: ${f.toegestaan}`]),
  ];
  return `${f.veld}: ${f.melding}${delen.length > 0 ? ` (${delen.join('; ')})` : ''}`;
}

/** "context.wlzIndicatie.leveringsvorm: Kies … (gegeven: 'thuis'; toegestaan: 'verblijf', …)". */
export function beschrijfFouten(
  deel: string | null,
  error: z.ZodError,
  ...invoer: [] | [unknown]
): string {
  return veldFouten(deel, error.issues, ...invoer)
    .map((f) => foutTekst(f))
    .join('; ');
}
