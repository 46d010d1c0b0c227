interface Props {
  readonly onRefresh: () => void;
  readonly onLater: () => void;
}

/** Shown when a new version waits. The user chooses the moment: never in the middle of a conversation. */
export function UpdateBanner({ onRefresh, onLater }: Props) {
  return (
    <div className="banner" role="alert" data-testid="update-banner">
      <p>Er is een nieuwe versie van Arrangeur. Uw werk is opgeslagen.</p>
      <div className="knoppen">
        <button type="button" className="knop knop-primair" onClick={onRefresh}>
          Nu vernieuwen
        </button>
        <button type="button" className="knop" onClick={onLater}>
          Later
        </button>
      </div>
    </div>
  );
}
