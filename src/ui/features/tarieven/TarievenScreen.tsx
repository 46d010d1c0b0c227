import type { FetchFn } from '../../../sync/client/http.ts';

/** Placeholder while issue 6 is built: replaced by the tariffs screen. */
export function TarievenScreen(props: { readonly fetch: FetchFn; readonly magBewerken: boolean }) {
  void props.fetch;
  return (
    <section className="scherm">
      <h1>Tarieven{props.magBewerken ? '' : ' (alleen lezen)'}</h1>
    </section>
  );
}
