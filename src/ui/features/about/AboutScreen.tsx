import { useEffect, useState } from 'react';
import { storageStatus } from '../../../storage/persistence.ts';

interface Props {
  readonly serviceWorker: 'actief' | 'niet actief' | 'niet ondersteund';
}

type Status = Awaited<ReturnType<typeof storageStatus>>;

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 0 })} kB`;
  if (bytes < 1024 ** 3)
    return `${(bytes / 1024 ** 2).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
  return `${(bytes / 1024 ** 3).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} GB`;
}

/** "Over deze app": version and what the device keeps, so the arrangeur can trust offline work. */
export function AboutScreen({ serviceWorker }: Props) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    void storageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="over-titel" className="scherm">
      <h1 id="over-titel">Over deze app</h1>
      <p>
        Arrangeur helpt u samen met de cliënt en de naasten één ondersteuningsplan te maken. De app
        werkt ook zonder internet. Alles wat u invult, blijft op dit apparaat bewaard.
      </p>
      <dl className="gegevens">
        <dt>Versie</dt>
        <dd data-testid="versie">{__APP_VERSION__}</dd>
        <dt>Werkt zonder internet</dt>
        <dd data-testid="service-worker">{serviceWorker}</dd>
        <dt>Opslag gebruikt</dt>
        <dd data-testid="opslag">
          {status
            ? status.quota !== null && status.usage !== null
              ? `${formatBytes(status.usage)} van ${formatBytes(status.quota)}`
              : 'onbekend'
            : 'bezig met ophalen…'}
        </dd>
        <dt>Opslag blijvend (wordt niet zomaar gewist)</dt>
        <dd data-testid="persistent">
          {status === null
            ? '…'
            : status.persisted === null
              ? 'onbekend (deze browser zegt het niet)'
              : status.persisted
                ? 'ja'
                : 'nee — de browser mag gegevens wissen als de schijf vol raakt'}
        </dd>
      </dl>
    </section>
  );
}
