/** Placeholder while issue 6 is built: replaced by the review screen. */
export function ReviewScreen(props: { readonly clientId: string; readonly onTerug: () => void }) {
  return (
    <section className="scherm">
      <h1>Review</h1>
      <button type="button" className="knop" onClick={props.onTerug}>
        Terug
      </button>
    </section>
  );
}
