import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { MeldingRegel } from '../../api.ts';
import { Knop } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { useLaden } from '../../laden.tsx';
import { BASIS, navigeer } from '../../router.tsx';

interface KaartInstellingen {
  tegels: string | null;
  bron: string;
}

/** Kleur per status: open (rood), bij een partner (oranje), ingepland (blauw), afgesloten (grijs). */
function kleur(m: MeldingRegel): string {
  if (m.afgeslotenOp !== null) return '#595959';
  if (m.status === 'wacht-op-extern') return '#a35200';
  if (m.status === 'ingepland') return '#1f4e9c';
  return '#b00020';
}

/**
 * The queue's meldingen on a Leaflet map (tiles from the server's setting; none in tests). The
 * list stays the primary, accessible view: the map is a companion, each marker a link to the
 * melding by keyboard too (Leaflet markers are focusable), with its number and category as name.
 */
export function MeldingenKaart({ gemeente, meldingen, onGebied }: { gemeente: string; meldingen: MeldingRegel[]; onGebied(bbox: string): void }) {
  const { t, taal } = useTaal();
  const instellingen = useLaden<KaartInstellingen>('/kaart-instellingen').data;
  const vak = useRef<HTMLElement>(null);
  const [kaart, setKaart] = useState<{ k: L.Map; groep: L.LayerGroup }>();

  useEffect(() => {
    if (!vak.current || !instellingen) return;
    // No animations: a zoom still running when the page is left throws in Leaflet (and motion helps no one here).
    const k = L.map(vak.current, { center: [52.34, 4.96], zoom: 13, keyboard: true, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    if (instellingen.tegels) L.tileLayer(instellingen.tegels, { maxZoom: 19, attribution: instellingen.bron }).addTo(k);
    setKaart({ k, groep: L.layerGroup().addTo(k) });
    return () => {
      k.remove();
      setKaart(undefined);
    };
  }, [instellingen]);

  useEffect(() => {
    if (!kaart) return;
    const { k, groep } = kaart;
    groep.clearLayers();
    const punten: L.LatLngExpression[] = [];
    for (const m of meldingen) {
      if (m.lat === null || m.lon === null) continue;
      punten.push([m.lat, m.lon]);
      const naam = `${m.identificatie}: ${m.categorie.naam[taal] || m.categorie.naam.nl} (${t(`meldingen.status.${m.status}`)})`;
      const punt = L.circleMarker([m.lat, m.lon], { radius: 8, color: '#fff', weight: 2, fillColor: kleur(m), fillOpacity: 0.9 })
        .bindTooltip(naam)
        .on('click', () => navigeer(`/${gemeente}/meldingen/${m.zaakId}`));
      punt.addTo(groep);
      // A circle marker is an SVG path: make it a link for the keyboard and screen readers.
      const pad = punt.getElement();
      if (pad) {
        pad.setAttribute('role', 'link');
        pad.setAttribute('tabindex', '0');
        pad.setAttribute('aria-label', naam);
        pad.setAttribute('data-href', `${BASIS}/${gemeente}/meldingen/${m.zaakId}`);
        pad.addEventListener('keydown', (event) => {
          if (event instanceof KeyboardEvent && event.key === 'Enter') navigeer(`/${gemeente}/meldingen/${m.zaakId}`);
        });
      }
    }
    if (punten.length > 0) k.fitBounds(L.latLngBounds(punten), { maxZoom: 16, padding: [24, 24], animate: false });
  }, [meldingen, gemeente, t, taal, kaart]);

  const zonderPlek = meldingen.filter((m) => m.lat === null).length;
  function inKaartbeeld() {
    const b = kaart?.k.getBounds();
    if (b) onGebied([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((g) => g.toFixed(5)).join(','));
  }
  return (
    <div>
      <p className="utrecht-paragraph">
        <Knop soort="secondary-action" onClick={inKaartbeeld}>
          {t('meldingen.zoekInKaartbeeld')}
        </Knop>
      </p>
      <section ref={vak} className="loket-kaart" aria-label={t('meldingen.kaartLabel')} data-testid="meldingen-kaart" />
      {zonderPlek > 0 && <p className="utrecht-paragraph">{t('meldingen.zonderPlek', { count: zonderPlek })}</p>}
    </div>
  );
}
