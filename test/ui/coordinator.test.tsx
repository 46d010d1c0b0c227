import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  kostenRegelSchema,
  overrideRegelSchema,
  overzichtSchema,
  vereveningSchema,
  type KostenRegel,
  type Overzicht,
} from '../../src/domain/kosten/model.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';
import { CoordinatorScreen } from '../../src/ui/features/coordinator/index.ts';
import {
  asStappen,
  grafiekData,
  KostenGrafiek,
} from '../../src/ui/features/coordinator/KostenGrafiek.tsx';

vi.setConfig({ testTimeout: 20_000 });

// The screen's default period is the 12 months ending with `nu`: december 2025 – november 2026.
const NU = new Date(2026, 10, 23, 10, 0);
const VAN = '2025-12';
const TOT = '2026-11';

const UTRECHT = { soort: 'gemeente', code: 'GM0344', naam: 'Gemeente Utrecht' } as const;
const VGZ = { soort: 'zorgverzekeraar', code: '7095', naam: 'VGZ' } as const;

const regel = (over: Partial<KostenRegel>): KostenRegel =>
  kostenRegelSchema.parse({
    pseudoniem: 'C-7K2M9QXA',
    leeftijdsband: '75-84',
    gemeente: 'Utrecht',
    maand: '2026-10',
    inzetCode: 'PV-ADL',
    inzetNaam: 'Persoonlijke verzorging (wassen, aankleden, toilet)',
    volumeEenheid: 'uur',
    volume: 12.5,
    domein: 'Zvw',
    financier: VGZ,
    gerouteerdDomein: 'Zvw',
    gerouteerdeFinancier: VGZ,
    override: null,
    tarief: 60,
    tariefDemo: true,
    kostenCent: 75_000,
    gerouteerdKostenCent: 75_000,
    ...over,
  });

// Two lines for Wmo Utrecht in oktober (one an override away from Zvw), one Zvw line.
const REGELS: KostenRegel[] = [
  regel({}),
  regel({
    pseudoniem: 'C-4HQ2ZP8W',
    leeftijdsband: '85+',
    inzetCode: 'DB-OUDEREN',
    inzetNaam: 'Dagbesteding ouderen',
    volumeEenheid: 'dagdeel',
    volume: 8,
    domein: 'Wmo',
    financier: UTRECHT,
    tarief: 45.5,
    kostenCent: 36_400,
    gerouteerdKostenCent: 36_400,
    gerouteerdDomein: 'Wmo',
    gerouteerdeFinancier: UTRECHT,
  }),
  regel({
    pseudoniem: 'C-7K2M9QXA',
    inzetCode: 'VP-WONDZORG',
    inzetNaam: 'Wondzorg',
    volume: 4,
    domein: 'Wmo',
    financier: UTRECHT,
    override: { domein: 'Wmo', reden: 'Afspraak met de gemeente over wijkzorg' },
    tarief: 50,
    kostenCent: 20_000,
    gerouteerdKostenCent: 28_000,
  }),
];

const OVERZICHT: Overzicht = overzichtSchema.parse({
  van: VAN,
  tot: TOT,
  rijen: [
    {
      maand: '2026-10',
      domein: 'Zvw',
      financier: VGZ,
      clienten: 1,
      volume: { uur: 12.5 },
      kostenCent: 75_000,
      regels: 1,
      zonderTarief: 0,
    },
    {
      maand: '2026-10',
      domein: 'Wmo',
      financier: UTRECHT,
      clienten: 2,
      volume: { uur: 4, dagdeel: 8 },
      kostenCent: 56_400,
      regels: 2,
      zonderTarief: 0,
    },
    {
      maand: '2026-11',
      domein: 'Wmo',
      financier: UTRECHT,
      clienten: 1,
      volume: { dagdeel: 8 },
      kostenCent: 36_400,
      regels: 1,
      zonderTarief: 0,
    },
  ],
  perMaand: [
    { maand: '2026-10', clienten: 2, kostenCent: 131_400 },
    { maand: '2026-11', clienten: 1, kostenCent: 36_400 },
  ],
  demoTarieven: true,
});

const OVERRIDES = z.array(overrideRegelSchema).parse([
  {
    pseudoniem: 'C-7K2M9QXA',
    leeftijdsband: '75-84',
    gemeente: 'Utrecht',
    inzetCode: 'VP-WONDZORG',
    inzetNaam: 'Wondzorg',
    gerouteerdDomein: 'Zvw',
    gerouteerdeFinancier: VGZ,
    domein: 'Wmo',
    financier: UTRECHT,
    grondslag: 'Zvw art. 2.10 Bzv',
    reden: 'Afspraak met de gemeente over wijkzorg',
    vanaf: '2026-10',
  },
]);

const VEREVENING = vereveningSchema.parse({
  van: VAN,
  tot: TOT,
  perFinancier: [
    { financier: UTRECHT, geplandCent: 92_800, gerouteerdCent: 72_800, verschilCent: 20_000 },
    { financier: VGZ, geplandCent: 75_000, gerouteerdCent: 103_000, verschilCent: -28_000 },
  ],
  paren: [{ betaler: VGZ, ontvanger: UTRECHT, bedragCent: 20_000 }],
});

interface Aanroep {
  url: URL;
  init: RequestInit | undefined;
}

/** A fake server keeping to the contract; `fout` overrides the answer for a path. */
function fakeServer(fout: Partial<Record<string, () => Response | Promise<Response>>> = {}) {
  const aanroepen: Aanroep[] = [];
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    aanroepen.push({ url, init });
    const afwijkend = fout[url.pathname];
    if (afwijkend) return afwijkend();
    switch (url.pathname) {
      case '/api/coordinator/overzicht':
        return Response.json({
          ...OVERZICHT,
          van: url.searchParams.get('van'),
          tot: url.searchParams.get('tot'),
        });
      case '/api/coordinator/regels': {
        const p = url.searchParams;
        const regels = REGELS.filter(
          (r) =>
            (!p.get('maand') || r.maand === p.get('maand')) &&
            (!p.get('domein') || r.domein === p.get('domein')) &&
            (!p.get('financier') || r.financier?.code === p.get('financier')),
        );
        return Response.json({ van: p.get('van'), tot: p.get('tot'), regels });
      }
      case '/api/coordinator/overrides':
        return Response.json({ van: VAN, tot: TOT, overrides: OVERRIDES });
      case '/api/coordinator/verevening':
        return Response.json(VEREVENING);
      default:
        return new Response('{}', { status: 404 });
    }
  };
  return { fetchFn, aanroepen };
}

/** Text with the non-breaking space Intl puts after "€" made plain. */
const plat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CoordinatorScreen', () => {
  it('shows the period totals, the demo label and a row per month × domain × financier', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);

    const totaal = await screen.findByTestId('totaal-periode');
    // 1.314,00 + 364,00 = 1.678,00
    expect(plat(totaal.textContent)).toBe('€ 1.678,00');
    expect(aanroepen[0]!.url.pathname).toBe('/api/coordinator/overzicht');
    expect(aanroepen[0]!.url.searchParams.get('van')).toBe(VAN);
    expect(aanroepen[0]!.url.searchParams.get('tot')).toBe(TOT);
    expect(aanroepen[0]!.init?.credentials).toBe('same-origin');
    expect(screen.getByText('Demotarieven')).toBeInTheDocument();

    const tabel = screen.getByRole('table', { name: 'Per maand, domein en financier' });
    const rijen = within(tabel)
      .getAllByRole('row')
      .map((r) => plat(r.textContent));
    expect(rijen).toContainEqual(
      expect.stringContaining('oktober 2026 — 2 cliënten, totaal € 1.314,00'),
    );
    expect(rijen).toContainEqual(
      expect.stringMatching(/^WmoGemeente Utrecht24 uur · 8 dagdelen€ 564,00Bekijk regels/),
    );
    expect(rijen).toContainEqual(expect.stringMatching(/^ZvwVGZ112,5 uur€ 750,00/));

    // The chart has a name, and its numbers are in a (visually hidden) table too.
    expect(
      screen.getByRole('img', { name: /Staafgrafiek van de geplande kosten per maand/ }),
    ).toBeInTheDocument();
    const grafiekTabel = screen.getByRole('table', {
      name: 'Geplande kosten per maand, per domein',
    });
    const okt = within(grafiekTabel)
      .getByRole('rowheader', { name: 'oktober 2026' })
      .closest('tr')!;
    expect(plat(okt.textContent)).toContain('€ 750,00');
    expect(plat(okt.textContent)).toContain('€ 564,00');
  });

  it('stacks the chart per domain with every month of the period, summing to the month totals', () => {
    const { punten, domeinen } = grafiekData(OVERZICHT);
    expect(domeinen).toEqual(['Zvw', 'Wmo']);
    expect(punten.map((p) => p.maand)).toHaveLength(12);
    expect(punten[0]).toMatchObject({ maand: '2025-12', label: 'dec 2025', Zvw: 0, Wmo: 0 });
    for (const m of OVERZICHT.perMaand) {
      const p = punten.find((x) => x.maand === m.maand)!;
      expect(Math.round(((p.Zvw ?? 0) + (p.Wmo ?? 0)) * 100)).toBe(m.kostenCent);
    }
  });

  it('draws the chart itself: one bar per month and domain with money, heights adding up (issue 13.6)', () => {
    const { container } = render(<KostenGrafiek overzicht={OVERZICHT} />);
    const staven = [...container.querySelectorAll('rect.grafiek-staaf')];
    // okt: Zvw and Wmo; nov: Wmo. Months without money draw no bar.
    expect(staven.map((r) => plat(r.querySelector('title')?.textContent))).toEqual([
      'oktober 2026, Zvw: € 750,00',
      'oktober 2026, Wmo: € 564,00',
      'november 2026, Wmo: € 364,00',
    ]);
    const h = (i: number) => Number(staven[i]!.getAttribute('height'));
    expect(h(0) / h(1)).toBeCloseTo(750 / 564, 5);
    // The Wmo part of october sits right on top of its Zvw part.
    expect(Number(staven[1]!.getAttribute('y')) + h(1)).toBeCloseTo(
      Number(staven[0]!.getAttribute('y')),
      5,
    );
    // 12 months on the x axis, and the legend names the domains.
    expect(container.querySelectorAll('svg text tspan')).toHaveLength(12);
    expect(screen.getByRole('img', { name: /Staafgrafiek/ })).toHaveTextContent('ZvwWmo');
  });

  it('gives the y axis round steps from 0 up to at least the highest month', () => {
    expect(asStappen(1314)).toEqual([0, 500, 1000, 1500]);
    expect(asStappen(800)).toEqual([0, 200, 400, 600, 800]);
    expect(asStappen(0)).toEqual([0, 1]);
    for (const max of [1, 7, 99, 12_345.67, 3_000_000]) {
      const s = asStappen(max);
      expect(s[0]).toBe(0);
      expect(s[s.length - 1]).toBeGreaterThanOrEqual(max);
      expect(s.length).toBeLessThanOrEqual(6);
    }
  });

  it('export links carry the chosen period and nothing else', async () => {
    const { fetchFn } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await screen.findByTestId('totaal-periode');

    await user.clear(screen.getByLabelText('Van (maand)'));
    await user.type(screen.getByLabelText('Van (maand)'), '2026-01');
    await user.clear(screen.getByLabelText('Tot en met (maand)'));
    await user.type(screen.getByLabelText('Tot en met (maand)'), '2026-06');
    await user.click(screen.getByRole('button', { name: 'Toon periode' }));

    const csv = await screen.findByRole('link', { name: /Download CSV \(Excel\)/ });
    await waitFor(() =>
      expect(csv.getAttribute('href')).toBe(
        '/api/coordinator/export?soort=overzicht&formaat=csv&van=2026-01&tot=2026-06',
      ),
    );
    expect(csv).toHaveAttribute('download');
    expect(screen.getByRole('link', { name: /Download JSON/ }).getAttribute('href')).toBe(
      '/api/coordinator/export?soort=overzicht&formaat=json&van=2026-01&tot=2026-06',
    );

    await user.click(screen.getByRole('tab', { name: 'Verevening' }));
    expect(
      (await screen.findByRole('link', { name: /Download CSV \(Excel\)/ })).getAttribute('href'),
    ).toBe('/api/coordinator/export?soort=verevening&formaat=csv&van=2026-01&tot=2026-06');
  });

  it('drills down from a row to its inzet lines with pseudonym, tariff, routing and reason', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await screen.findByTestId('totaal-periode');

    await user.click(
      screen.getByRole('button', { name: 'Bekijk regels van oktober 2026, Wmo, Gemeente Utrecht' }),
    );
    expect(screen.getByRole('tab', { name: 'Regels' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Regels' })).toHaveFocus();

    const tabel = await screen.findByRole('table', { name: 'Inzetregels met kosten' });
    const vraag = aanroepen.at(-1)!.url;
    expect(vraag.pathname).toBe('/api/coordinator/regels');
    expect(Object.fromEntries(vraag.searchParams)).toEqual({
      van: VAN,
      tot: TOT,
      maand: '2026-10',
      domein: 'Wmo',
      financier: 'GM0344',
    });
    const rijen = within(tabel).getAllByRole('row').slice(1);
    expect(rijen).toHaveLength(2);
    const dagbesteding = plat(
      rijen.find((r) => r.textContent?.includes('Dagbesteding'))!.textContent,
    );
    expect(dagbesteding).toContain('C-4HQ2ZP8W');
    expect(dagbesteding).toContain('85+ jaar · Utrecht');
    expect(dagbesteding).toContain('8 dagdelen');
    expect(dagbesteding).toContain('€ 45,50 per dagdeel');
    expect(dagbesteding).toContain('€ 364,00');
    const wondzorg = plat(rijen.find((r) => r.textContent?.includes('Wondzorg'))!.textContent);
    expect(wondzorg).toContain(
      'Aangepast door de arrangeur: Afspraak met de gemeente over wijkzorg',
    );
    expect(wondzorg).toContain('Zvw · VGZ'); // by the rules
    expect(wondzorg).toContain('Dan was het € 280,00');
    // The lines add up to the row's total.
    expect(plat(screen.getByTestId('totaal-regels').textContent)).toBe('€ 564,00');

    // "Alle financiers" widens the filter; the server gets no financier then.
    await user.click(screen.getByRole('button', { name: 'Alle financiers' }));
    await waitFor(() => expect(aanroepen.at(-1)!.url.searchParams.has('financier')).toBe(false));
  });

  it('shows at most 500 lines but totals all of them', async () => {
    const veel = Array.from({ length: 501 }, (_, i) =>
      regel({ pseudoniem: `C-${String(i).padStart(8, '0')}`, kostenCent: 100 }),
    );
    const { fetchFn } = fakeServer({
      '/api/coordinator/regels': () => Response.json({ van: VAN, tot: TOT, regels: veel }),
    });
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await user.click(screen.getByRole('tab', { name: 'Regels' }));
    const tabel = await screen.findByRole('table', { name: 'Inzetregels met kosten' });
    expect(within(tabel).getAllByRole('row')).toHaveLength(1 + 500);
    expect(plat(screen.getByTestId('totaal-regels').textContent)).toBe('€ 501,00');
    expect(screen.getByText(/De eerste 500 regels staan hieronder/)).toBeInTheDocument();
  });

  it('lists overrides and the verevening with who pays whom', async () => {
    const { fetchFn } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);

    await user.click(screen.getByRole('tab', { name: 'Afwijkingen' }));
    const afw = await screen.findByRole('table', { name: 'Afwijkingen van de regels' });
    const rij = plat(within(afw).getAllByRole('row')[1]!.textContent);
    expect(rij).toContain('C-7K2M9QXA');
    expect(rij).toContain('Zvw · VGZ');
    expect(rij).toContain('Wmo · Gemeente Utrecht');
    expect(rij).toContain('Afspraak met de gemeente over wijkzorg');
    expect(rij).toContain('oktober 2026');

    await user.click(screen.getByRole('tab', { name: 'Verevening' }));
    const tabel = await screen.findByRole('table', { name: 'Per financier' });
    const vgz = within(tabel).getByRole('rowheader', { name: 'VGZ' }).closest('tr')!;
    expect(plat(vgz.textContent)).toBe('VGZ€ 750,00€ 1.030,00− € 280,00');
    const paren = screen.getByRole('list');
    expect(plat(paren.textContent)).toBe('VGZ betaalt Gemeente Utrecht € 200,00');
  });

  it('moves between tabs with the arrow keys', async () => {
    const { fetchFn } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await user.click(screen.getByRole('tab', { name: 'Overzicht' }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Verevening' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Verevening' })).toBeInTheDocument();
  });

  it('refuses a period that ends before it starts, in Dutch, without asking the server', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await screen.findByTestId('totaal-periode');
    const voor = aanroepen.length;

    await user.clear(screen.getByLabelText('Van (maand)'));
    await user.type(screen.getByLabelText('Van (maand)'), '2026-09');
    await user.clear(screen.getByLabelText('Tot en met (maand)'));
    await user.type(screen.getByLabelText('Tot en met (maand)'), '2026-03');
    await user.click(screen.getByRole('button', { name: 'Toon periode' }));

    expect(screen.getByRole('alert')).toHaveTextContent('De beginmaand ligt na de eindmaand.');
    expect(aanroepen.length).toBe(voor);
  });

  it('refuses a period longer than the server allows (36 months)', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await screen.findByTestId('totaal-periode');
    const voor = aanroepen.length;
    await user.clear(screen.getByLabelText('Van (maand)'));
    await user.type(screen.getByLabelText('Van (maand)'), '2023-01');
    await user.click(screen.getByRole('button', { name: 'Toon periode' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Kies een periode van hoogstens 36 maanden.',
    );
    expect(screen.getByLabelText('Van (maand)')).toHaveAttribute('aria-invalid', 'true');
    expect(aanroepen.length).toBe(voor);
  });

  it.each([
    [
      'a refusal (403)',
      () => new Response('{}', { status: 403 }),
      'U heeft geen toegang tot deze gegevens.',
    ],
    ['no session (401)', () => new Response('{}', { status: 401 }), 'U bent niet meer ingelogd.'],
    [
      'bad input (400) with the server message',
      () =>
        Response.json(
          {
            error: 'bad_request',
            message: 'querystring.tot: Kies een periode van hoogstens 36 maanden.',
          },
          { status: 400 },
        ),
      'Kies een periode van hoogstens 36 maanden.',
    ],
    [
      'a server fault (500)',
      () => new Response('oops', { status: 500 }),
      'Er ging iets mis op de server.',
    ],
    [
      'an answer outside the contract',
      () => Response.json({ rijen: 'geen lijst' }),
      'Het antwoord van de server klopt niet.',
    ],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'De server is nu niet bereikbaar.',
    ],
  ])('shows %s as a Dutch message, not a crash', async (_, antwoord, tekst) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { fetchFn } = fakeServer({ '/api/coordinator/overzicht': antwoord });
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(tekst);
    expect(screen.queryByTestId('totaal-periode')).toBeNull();
  });

  it('says it is offline and loads once the connection is back', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { fetchFn, aanroepen } = fakeServer();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('U bent offline.');
    expect(aanroepen).toHaveLength(0);
    // A download would fail offline as well: no export links then.
    expect(screen.queryByRole('link', { name: /Download/ })).toBeNull();

    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(plat((await screen.findByTestId('totaal-periode')).textContent)).toBe('€ 1.678,00');
  });

  it('retries after a failure', async () => {
    let eerste = true;
    const { fetchFn } = fakeServer({
      '/api/coordinator/verevening': () => {
        if (eerste) {
          eerste = false;
          return new Response('', { status: 503 });
        }
        return Response.json(VEREVENING);
      },
    });
    const user = userEvent.setup();
    render(<CoordinatorScreen fetch={fetchFn} nu={NU} />);
    await user.click(screen.getByRole('tab', { name: 'Verevening' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('niet bereikbaar');
    await user.click(screen.getByRole('button', { name: 'Probeer opnieuw' }));
    expect(await screen.findByRole('table', { name: 'Per financier' })).toBeInTheDocument();
  });
});
