import { useId, useState, type FormEvent } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { gemeentePad, type KlantreisKeuzes, type KlantreisStroom, type KpiWaarde, type SessieGemeente } from '../../api.ts';
import { Veld } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal, type Taal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { dagInNederland } from '../../tijd.ts';

type Stap = KlantreisStroom['stappen'][number];
type T = ReturnType<typeof useTaal>['t'];

/** The KPI of repeat contacts (klantreizen.kpi.ts). */
const HERHAAL_KPI = 'klantcontacten-herhaalcontact';

function stapNaam(t: T, stap: Pick<Stap, 'soort' | 'naam'>): string {
  return stap.soort === 'status' ? t('klantreisStroom.stapStatus', { naam: stap.naam ?? '' }) : t(`klantreisStroom.stap.${stap.soort}`);
}

const uren = (t: T, waarde: number | null) => (waarde === null ? '–' : t('klantreisStroom.uren', { uren: waarde.toLocaleString() }));

const B = 960;
const H = 300;
const MIDDEN = 150;
const VAK = { breedte: 76, hoogte: 56 };

/**
 * The flow as SVG (role img, its title and a text alternative that names every step and every
 * transition): the steps in the usual order as boxes, a transition as an arc (forwards above,
 * backwards below) as thick as the journeys that made it. Waiting journeys are marked under their
 * step. The tables beside it hold the same numbers; the drawing adds nothing they do not say.
 */
function StroomGrafiek({ stroom, titel, alternatief }: { stroom: KlantreisStroom; titel: string; alternatief: string }) {
  const id = useId();
  const { t } = useTaal();
  const stappen = stroom.stappen;
  const plek = new Map(stappen.map((s, i) => [s.sleutel, i]));
  const stapBreedte = (B - 20) / Math.max(1, stappen.length);
  const x = (i: number) => 10 + stapBreedte * i + stapBreedte / 2;
  const meeste = Math.max(1, ...stroom.overgangen.map((o) => o.reizen));
  return (
    <svg className="loket-stroom" viewBox={`0 0 ${B} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{titel}</title>
      <desc id={`${id}-d`}>{alternatief}</desc>
      {stroom.overgangen.map((o) => {
        const van = plek.get(o.van);
        const naar = plek.get(o.naar);
        if (van === undefined || naar === undefined) return null;
        const vooruit = naar > van;
        const x1 = x(van) + (vooruit ? VAK.breedte / 2 : -VAK.breedte / 4);
        const x2 = x(naar) - (vooruit ? VAK.breedte / 2 : -VAK.breedte / 4);
        const boog = Math.min(110, 24 + Math.abs(naar - van) * 18);
        const y = vooruit ? MIDDEN - VAK.hoogte / 2 : MIDDEN + VAK.hoogte / 2;
        const d = Math.abs(naar - van) === 1 && vooruit ? `M${x1},${MIDDEN} L${x2},${MIDDEN}` : `M${x1},${y} C${x1},${vooruit ? y - boog : y + boog} ${x2},${vooruit ? y - boog : y + boog} ${x2},${y}`;
        return <path key={`${o.van}-${o.naar}`} d={d} className="loket-stroom__overgang" style={{ strokeWidth: 1.5 + (10 * o.reizen) / meeste }} />;
      })}
      {stappen.map((s, i) => (
        <g key={s.sleutel}>
          <rect x={x(i) - VAK.breedte / 2} y={MIDDEN - VAK.hoogte / 2} width={VAK.breedte} height={VAK.hoogte} rx={6} className={s.wachtend > 0 ? 'loket-stroom__stap loket-stroom__stap--wacht' : 'loket-stroom__stap'} />
          <text x={x(i)} y={MIDDEN - 6} textAnchor="middle" className="loket-stroom__tekst">
            {stapNaam(t, s).slice(0, 12)}
          </text>
          <text x={x(i)} y={MIDDEN + 14} textAnchor="middle" className="loket-stroom__getal">
            {s.reizen}
          </text>
          {s.wachtend > 0 && (
            <text x={x(i)} y={MIDDEN + VAK.hoogte / 2 + 18} textAnchor="middle" className="loket-stroom__tekst">
              {t('klantreisStroom.wachtKort', { aantal: s.wachtend })}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** The text alternative of the flow: every step with its numbers, then every transition. */
function alternatiefVan(t: T, stroom: KlantreisStroom): string {
  const naam = new Map(stroom.stappen.map((s) => [s.sleutel, stapNaam(t, s)]));
  const stappen = stroom.stappen.map((s) =>
    t('klantreisStroom.altStap', { stap: naam.get(s.sleutel), reizen: s.reizen, uren: uren(t, s.mediaanUrenVanafVorige), wachtend: s.wachtend }),
  );
  const overgangen = stroom.overgangen.map((o) => t('klantreisStroom.altOvergang', { van: naam.get(o.van), naar: naam.get(o.naar), reizen: o.reizen, uren: uren(t, o.mediaanUren) }));
  return [t('klantreisStroom.altBegin', { reizen: stroom.samenvatting.reizen }), ...stappen, ...overgangen].join(' ');
}

function Stroom({ gemeente, keuze, van, tot }: { gemeente: SessieGemeente; keuze: string; van: string; tot: string }) {
  const { t, taal } = useTaal();
  const [soort, code] = keuze.split(':');
  const { data, fout } = useLaden<KlantreisStroom>(`${gemeentePad(gemeente.code)}/klantreis-stromen/${soort === 'zaaktype' ? 'zaaktypen' : 'producten'}/${encodeURIComponent(code ?? '')}?periodeVan=${van}&periodeTot=${tot}`);
  if (!data) return <Laadstatus fout={fout} />;
  const s = data.samenvatting;
  const naam = (data.product ?? data.zaaktype)?.naam[taal as Taal] ?? code ?? '';
  const stapVan = new Map(data.stappen.map((x) => [x.sleutel, stapNaam(t, x)]));
  const titel = t('klantreisStroom.grafiekTitel', { naam, van: data.periode.van, tot: data.periode.tot });
  return (
    <>
      <h2 className="utrecht-heading-2">{t('klantreisStroom.samenvatting', { naam })}</h2>
      {data.reden && <p className="utrecht-paragraph">{data.reden}</p>}
      <Gegevenslijst
        regels={[
          [t('klantreisStroom.reizen'), String(s.reizen)],
          [t('klantreisStroom.afgesloten'), String(s.afgesloten)],
          [t('klantreisStroom.open'), String(s.open)],
          [t('klantreisStroom.openTeLaat'), String(s.openTeLaat)],
          [t('klantreisStroom.metContactVooraf'), String(s.metContactVooraf)],
          [t('klantreisStroom.zonderContact'), String(s.zonderContact)],
          [t('klantreisStroom.doorlooptijd'), uren(t, s.mediaanDoorlooptijdUren)],
        ]}
      />
      {data.stappen.length === 0 ? (
        <p className="utrecht-paragraph">{t('klantreisStroom.leeg')}</p>
      ) : (
        <>
          <h2 className="utrecht-heading-2">{t('klantreisStroom.stroom')}</h2>
          <p className="utrecht-paragraph">{t('klantreisStroom.stroomUitleg')}</p>
          <StroomGrafiek stroom={data} titel={titel} alternatief={alternatiefVan(t, data)} />
          <KopTabel
            bijschrift={t('klantreisStroom.stappenBijschrift', { naam })}
            koppen={[t('klantreisStroom.kop.stap'), t('klantreisStroom.kop.reizen'), t('klantreisStroom.kop.vanafVorige'), t('klantreisStroom.kop.wachtend'), t('klantreisStroom.kop.wachttijd'), t('klantreisStroom.kop.teLaat')]}
          >
            {data.stappen.map((x) => (
              <tr key={x.sleutel} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {stapVan.get(x.sleutel)}
                </th>
                <td className="utrecht-table__cell">{x.reizen}</td>
                <td className="utrecht-table__cell">{uren(t, x.mediaanUrenVanafVorige)}</td>
                <td className="utrecht-table__cell">{x.wachtend}</td>
                <td className="utrecht-table__cell">{uren(t, x.mediaanWachtUren)}</td>
                <td className="utrecht-table__cell">{x.teLaat}</td>
              </tr>
            ))}
          </KopTabel>
          <h2 className="utrecht-heading-2">{t('klantreisStroom.haperingen')}</h2>
          {data.haperingen.length === 0 ? (
            <p className="utrecht-paragraph">{t('klantreisStroom.geenHaperingen')}</p>
          ) : (
            <ol className="utrecht-ordered-list">
              {data.haperingen.map((h) => (
                <li key={h.sleutel} className="utrecht-ordered-list__item">
                  {t('klantreisStroom.hapering', { stap: stapVan.get(h.sleutel), aantal: h.wachtend, uren: uren(t, h.mediaanWachtUren), teLaat: h.teLaat })}
                </li>
              ))}
            </ol>
          )}
          <KopTabel bijschrift={t('klantreisStroom.overgangenBijschrift', { naam })} koppen={[t('klantreisStroom.kop.van'), t('klantreisStroom.kop.naar'), t('klantreisStroom.kop.reizen'), t('klantreisStroom.kop.mediaan')]}>
            {data.overgangen.map((o) => (
              <tr key={`${o.van}-${o.naar}`} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {stapVan.get(o.van)}
                </th>
                <td className="utrecht-table__cell">{stapVan.get(o.naar)}</td>
                <td className="utrecht-table__cell">{o.reizen}</td>
                <td className="utrecht-table__cell">{uren(t, o.mediaanUren)}</td>
              </tr>
            ))}
          </KopTabel>
          {data.kanalenVooraf.length > 0 && (
            <KopTabel bijschrift={t('klantreisStroom.kanalenBijschrift')} koppen={[t('klantreisStroom.kop.kanaal'), t('klantreisStroom.kop.reizen')]}>
              {data.kanalenVooraf.map((k) => (
                <tr key={k.kanaal} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {k.kanaal}
                  </th>
                  <td className="utrecht-table__cell">{k.reizen}</td>
                </tr>
              ))}
            </KopTabel>
          )}
        </>
      )}
    </>
  );
}

/** The KPI herhaalcontact for the same days, per kanaal, for who may read KPIs. */
function Herhaalcontact({ gemeente, van, tot }: { gemeente: SessieGemeente; van: string; tot: string }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<KpiWaarde>(`${gemeentePad(gemeente.code)}/kpis/${HERHAAL_KPI}/waarden?periodeVan=${van}&periodeTot=${tot}&uitsplitsing=kanaal`);
  if (!data) return <Laadstatus fout={fout} />;
  const waarde = (w: number | null, reden: string | null) => (w === null ? t('klantreisStroom.nietBekend', { reden: reden ?? '' }) : `${w.toLocaleString()}%`);
  return (
    <>
      <p className="utrecht-paragraph">
        {t('klantreisStroom.herhaalWaarde', { waarde: waarde(data.waarde, data.reden), teller: data.teller ?? 0, noemer: data.noemer })}
      </p>
      {(data.uitsplitsing?.length ?? 0) > 0 && (
        <KopTabel bijschrift={t('klantreisStroom.herhaalBijschrift', { van, tot })} koppen={[t('klantreisStroom.kop.kanaal'), t('klantreisStroom.kop.herhaal'), t('klantreisStroom.kop.tellerNoemer')]}>
          {data.uitsplitsing?.map((u) => (
            <tr key={u.kanaal} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {u.kanaal}
              </th>
              <td className="utrecht-table__cell">{waarde(u.waarde, u.reden)}</td>
              <td className="utrecht-table__cell">{t('klantreisStroom.vanDe', { teller: u.teller ?? 0, noemer: u.noemer })}</td>
            </tr>
          ))}
        </KopTabel>
      )}
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/kpis`}>{t('klantreisStroom.definitie')}</Link>
      </p>
    </>
  );
}

/**
 * The customer journeys of a product (issue 10, ADR 0081): choose a product (or a zaaktype no
 * product names) and the days the zaken were registered; the flow, its tables and where journeys
 * stall, and the repeat contacts of the same days.
 */
export function KlantreisStromen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const { data: keuzes, fout } = useLaden<KlantreisKeuzes>(`${gemeentePad(gemeente.code)}/klantreis-stromen`);
  const opties = keuzes
    ? [
        ...keuzes.producten.filter((p) => p.zaaktype !== null).map((p) => ({ waarde: `product:${p.code}`, label: t('klantreisStroom.optieProduct', { naam: p.naam[taal as Taal] }) })),
        ...keuzes.zaaktypen.map((z) => ({ waarde: `zaaktype:${z.code}`, label: t('klantreisStroom.optieZaaktype', { naam: z.naam[taal as Taal] }) })),
      ]
    : [];
  const gekozen = { keuze: zoek.get('keuze') ?? '', van: zoek.get('van') ?? dagInNederland(89), tot: zoek.get('tot') ?? dagInNederland() };
  const [invoer, setInvoer] = useState(gekozen);
  const keuze = gekozen.keuze || opties[0]?.waarde || '';
  const toon = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams({ keuze: invoer.keuze || keuze, van: invoer.van, tot: invoer.tot });
    navigeer(`/${gemeente.code}/klantreizen?${q.toString()}`, { vervang: true });
  };
  return (
    <Pagina titel={t('klantreisStroom.titel')}>
      <p className="utrecht-paragraph">{t('klantreisStroom.uitleg')}</p>
      {!keuzes ? (
        <Laadstatus fout={fout} />
      ) : (
        <form className="loket-filters" onSubmit={toon} aria-label={t('klantreisStroom.kiezen')}>
          <Keuzelijst id="klantreis-keuze" label={t('klantreisStroom.product')} value={invoer.keuze || keuze} onChange={(e) => setInvoer((w) => ({ ...w, keuze: e.target.value }))} opties={opties} />
          <Veld id="klantreis-van" type="date" label={t('klantreisStroom.van')} value={invoer.van} onChange={(e) => setInvoer((w) => ({ ...w, van: e.target.value }))} />
          <Veld id="klantreis-tot" type="date" label={t('klantreisStroom.tot')} value={invoer.tot} onChange={(e) => setInvoer((w) => ({ ...w, tot: e.target.value }))} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('klantreisStroom.toon')}
          </button>
        </form>
      )}
      {keuze && <Stroom key={`${keuze} ${gekozen.van} ${gekozen.tot}`} gemeente={gemeente} keuze={keuze} van={gekozen.van} tot={gekozen.tot} />}
      <h2 className="utrecht-heading-2">{t('klantreisStroom.herhaal')}</h2>
      <p className="utrecht-paragraph">{t('klantreisStroom.herhaalUitleg')}</p>
      {heeftRecht(gemeente.rollen, 'kpiLezen') ? (
        <Herhaalcontact key={`${gekozen.van} ${gekozen.tot}`} gemeente={gemeente} van={gekozen.van} tot={gekozen.tot} />
      ) : (
        <p className="utrecht-paragraph">{t('klantreisStroom.herhaalGeenRecht')}</p>
      )}
    </Pagina>
  );
}
