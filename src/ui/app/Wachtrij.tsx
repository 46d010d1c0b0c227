import { useLiveQuery } from 'dexie-react-hooks';
import { pendingCount } from '../../storage/outbox.ts';
import { useDb } from '../hooks/db-context.tsx';
import { Plek } from './StatusBar.tsx';

/**
 * How many changes have not reached the server yet. Its own chunk (StatusBar loads it lazily): the
 * outbox module brings zod and the mutation schema, which the entry chunk must not carry.
 */
export default function Wachtrij() {
  const db = useDb();
  const pending = useLiveQuery(() => pendingCount(db), [db]);
  if (pending === undefined) return <Plek tekst="Alles is op dit apparaat opgeslagen" />;
  return (
    <span data-testid="wachtrij">
      {pending === 0
        ? 'Alles is op dit apparaat opgeslagen'
        : `${pending} ${pending === 1 ? 'wijziging' : 'wijzigingen'} nog niet verzonden`}
    </span>
  );
}
