import type { FetchFn } from '../../../sync/client/http.ts';

/** Placeholder while issue 6 is built: replaced by the coordinator view. */
export function CoordinatorScreen(props: { readonly fetch: FetchFn }) {
  void props.fetch;
  return (
    <section className="scherm">
      <h1>Wie betaalt wat</h1>
    </section>
  );
}
