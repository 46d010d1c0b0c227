/**
 * "Wie betaalt wat" for the coordinator (issue 6, points 3 and 4): planned cost per month, domain
 * and financier, the inzet lines behind it, the overrides and the verevening. Pseudonymised by the
 * server; this screen only shows what the API gives. Online-only: nothing is stored on the device,
 * and every failure is a Dutch message with a retry, never a crash.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { overridesAntwoordSchema, periodeVraagSchema } from '../../../domain/kosten/api.ts';
import { overzichtSchema, vereveningSchema, type Maand } from '../../../domain/kosten/model.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { Periodevelden } from '../../components/LosseVelden.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { Laadmelding } from './Laadmelding.tsx';
import { maandNl, standaardPeriode } from './opmaak.ts';
import { OverridesView } from './OverridesView.tsx';
import { OverzichtView, type RegelFilter } from './OverzichtView.tsx';
import { RegelsView } from './RegelsView.tsx';
import { useServerData } from './server.ts';
import { VereveningView } from './VereveningView.tsx';
import './coordinator.css';

const TABS = [
  { id: 'overzicht', label: 'Overzicht' },
  { id: 'regels', label: 'Regels' },
  { id: 'overrides', label: 'Afwijkingen' },
  { id: 'verevening', label: 'Verevening' },
] as const;
type Tab = (typeof TABS)[number]['id'];

const periode = (van: Maand, tot: Maand) => new URLSearchParams({ van, tot }).toString();

export function CoordinatorScreen(props: { readonly fetch: FetchFn; readonly nu?: Date }) {
  const titelId = useId();
  const tabsId = useId();
  const [{ van, tot }, setPeriode] = useState(() => standaardPeriode(props.nu));
  const [tab, setTab] = useState<Tab>('overzicht');
  const [filter, setFilter] = useState<RegelFilter>({});
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const kies = (t: Tab, focus = false) => {
    setTab(t);
    if (focus) tabRefs.current[t]?.focus();
  };
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab leaves the tab list.
  const onTabToets = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const naar =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (naar === null) return;
    e.preventDefault();
    kies(TABS[naar]!.id, true);
  };

  return (
    <section className="scherm kosten-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Wie betaalt wat</h1>
      <p className="kosten-intro">
        Geplande zorg en kosten per maand, per domein en per financier. Cliënten staan hier met een
        code, niet met hun naam.
      </p>
      <PeriodeKiezer
        van={van}
        tot={tot}
        onKies={(p) => {
          setPeriode(p);
          setFilter({});
        }}
      />

      <div className="kosten-tabs" role="tablist" aria-label="Onderdelen" onKeyDown={onTabToets}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${tabsId}-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${tabsId}-${t.id}-paneel`}
            tabIndex={tab === t.id ? 0 : -1}
            className={`kosten-tab${tab === t.id ? ' actief' : ''}`}
            onClick={() => kies(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${tabsId}-${tab}-paneel`}
        aria-labelledby={`${tabsId}-${tab}`}
        className="kosten-paneel"
      >
        <h2>
          {TABS.find((t) => t.id === tab)!.label}{' '}
          <span className="kosten-periode">
            {maandNl(van)} tot en met {maandNl(tot)}
          </span>
        </h2>
        {tab === 'overzicht' && (
          <OverzichtPaneel
            fetch={props.fetch}
            van={van}
            tot={tot}
            onBekijkRegels={(f) => {
              setFilter(f);
              kies('regels', true);
            }}
          />
        )}
        {tab === 'regels' && (
          <>
            <RegelsView
              fetch={props.fetch}
              van={van}
              tot={tot}
              filter={filter}
              onFilter={setFilter}
            />
          </>
        )}
        {tab === 'overrides' && <OverridesPaneel fetch={props.fetch} van={van} tot={tot} />}
        {tab === 'verevening' && <VereveningPaneel fetch={props.fetch} van={van} tot={tot} />}
      </div>
    </section>
  );
}

function PeriodeKiezer(props: {
  readonly van: Maand;
  readonly tot: Maand;
  readonly onKies: (p: { van: Maand; tot: Maand }) => void;
}) {
  const foutId = useId();
  const [van, setVan] = useState<string>(props.van);
  const [tot, setTot] = useState<string>(props.tot);
  const [fout, setFout] = useState<string | null>(null);

  const toon = (e: FormEvent) => {
    e.preventDefault();
    // The server's own rules for a period (van ≤ tot, at most 36 months), so it never refuses one.
    const p = periodeVraagSchema.safeParse({ van, tot });
    if (!p.success) return setFout(p.error.issues[0]?.message ?? 'Kies een geldige periode.');
    setFout(null);
    props.onKies(p.data);
  };

  return (
    <form className="kosten-periodekeuze" onSubmit={toon} noValidate aria-label="Periode">
      <Periodevelden
        soort="month"
        van={van}
        tot={tot}
        onVan={setVan}
        onTot={setTot}
        foutId={fout ? foutId : null}
      />
      <button type="submit" className="knop knop-primair">
        Toon periode
      </button>
      {fout && (
        <p id={foutId} className="veld-fout" role="alert">
          {fout}
        </p>
      )}
    </form>
  );
}

function OverzichtPaneel(props: {
  readonly fetch: FetchFn;
  readonly van: Maand;
  readonly tot: Maand;
  readonly onBekijkRegels: (f: RegelFilter) => void;
}) {
  const { status, opnieuw } = useServerData(
    props.fetch,
    `/api/coordinator/overzicht?${periode(props.van, props.tot)}`,
    overzichtSchema,
  );
  return (
    <>
      <Laadmelding status={status} onOpnieuw={opnieuw} />
      {status.soort === 'klaar' && (
        <ExportLinks soort="overzicht" wat="het overzicht" van={props.van} tot={props.tot} />
      )}
      {status.soort === 'klaar' && (
        <OverzichtView overzicht={status.data} onBekijkRegels={props.onBekijkRegels} />
      )}
    </>
  );
}

function OverridesPaneel(props: {
  readonly fetch: FetchFn;
  readonly van: Maand;
  readonly tot: Maand;
}) {
  const { status, opnieuw } = useServerData(
    props.fetch,
    `/api/coordinator/overrides?${periode(props.van, props.tot)}`,
    overridesAntwoordSchema,
  );
  return (
    <>
      <p>Inzet waarbij een arrangeur een ander domein koos dan de regels aangeven, met de reden.</p>
      <Laadmelding status={status} onOpnieuw={opnieuw} />
      {status.soort === 'klaar' && (
        <ExportLinks soort="overrides" wat="de afwijkingen" van={props.van} tot={props.tot} />
      )}
      {status.soort === 'klaar' && <OverridesView overrides={status.data.overrides} />}
    </>
  );
}

function VereveningPaneel(props: {
  readonly fetch: FetchFn;
  readonly van: Maand;
  readonly tot: Maand;
}) {
  const { status, opnieuw } = useServerData(
    props.fetch,
    `/api/coordinator/verevening?${periode(props.van, props.tot)}`,
    vereveningSchema,
  );
  return (
    <>
      <Laadmelding status={status} onOpnieuw={opnieuw} />
      {status.soort === 'klaar' && (
        <ExportLinks soort="verevening" wat="de verevening" van={props.van} tot={props.tot} />
      )}
      {status.soort === 'klaar' && <VereveningView verevening={status.data} />}
    </>
  );
}
