/**
 * The arrangeur's notice under an item's routing (issue 12, point 1): nothing when the server
 * agrees, "Let op" when its rules decide otherwise, "Routering gewijzigd" when the client's facts
 * changed.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RouteringSnapshot } from '../../src/domain/plan/model.ts';
import { RouteringServerMelding } from '../../src/ui/features/plan-editor/RouteringServerMelding.tsx';

const wmo: RouteringSnapshot = {
  domein: 'Wmo',
  financier: { soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' },
  grondslag: 'Wmo 2015 art. 2.3.5',
  regel: 'huishoudelijke-ondersteuning/wmo',
  regelversie: '2021-01-01',
  zeker: true,
  peildatum: '2026-11-23',
};
const wlz: RouteringSnapshot = {
  ...wmo,
  domein: 'Wlz',
  financier: { soort: 'zorgkantoor', code: '5509', naam: 'Zorgkantoor Menzis' },
  regel: 'huishoudelijke-ondersteuning/wlz-vpt',
};

describe('RouteringServerMelding', () => {
  it('says nothing when the server agrees, or has not routed yet', () => {
    const { container, rerender } = render(
      <RouteringServerMelding item={{ routering: wmo, serverRoutering: wmo }} />,
    );
    expect(container).toBeEmptyDOMElement();
    rerender(<RouteringServerMelding item={{ routering: wmo }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("warns when the server's rules decide otherwise", () => {
    render(
      <RouteringServerMelding
        item={{
          routering: wmo,
          serverRoutering: wlz,
          routeringMelding: { soort: 'afwijkend', op: '2026-11-23T10:00:00.000Z' },
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      /volgens de regels op de server betaalt Wlz.*Zorgkantoor Menzis/,
    );
  });

  it("says what changed when the client's facts changed", () => {
    render(
      <RouteringServerMelding
        item={{
          routering: wmo,
          serverRoutering: wlz,
          routeringMelding: { soort: 'gewijzigd', op: '2026-11-23T10:00:00.000Z', vorig: wmo },
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      /Routering gewijzigd.*Eerst Wmo \(Gemeente Ede\), nu Wlz \(Zorgkantoor Menzis\)/,
    );
  });
});
