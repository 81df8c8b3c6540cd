import { heeftRecht } from '../../../../../src/http/rechten.ts';
import type { KpiUitsplitsing } from '../../../../../src/modules/kpi/kpi.definitie.ts';
import { gemeentePad, type KpiZaken as KpiZakenAntwoord, type SessieGemeente } from '../../api.ts';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Paginering, paginaNummer } from '../../components/Paginering.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { CsvKnop } from './CsvKnop.tsx';

/** The selections of a breakdown's cell: the same query keys as the API's. */
const SELECTIES = ['zaaktype', 'wachtrij', 'team', 'categorie', 'locatie'] as const satisfies readonly KpiUitsplitsing[];
/** The query keys of the dashboard's link that the API takes over as they are. */
const SLEUTELS = ['periode', 'periodeVan', 'periodeTot', 'deel', ...SELECTIES] as const;

/**
 * The page of a drill-down link: `/{gemeente}/kpis/{kpi}?periodeVan=…&periodeTot=…&deel=teller|noemer`, with a breakdown's
 * cell as its selection (`team=…`) and `groep`, the name the dashboard showed for it (the page shows it, the API does not need it).
 */
export function kpiZakenLink(gemeente: string, kpi: string, keuze: { van: string; tot: string; deel: 'teller' | 'noemer'; cel?: { soort: KpiUitsplitsing; waarde: string; naam: string } | undefined }): string {
  const q = new URLSearchParams({ periodeVan: keuze.van, periodeTot: keuze.tot, deel: keuze.deel });
  if (keuze.cel) {
    q.set(keuze.cel.soort, keuze.cel.waarde);
    q.set('groep', keuze.cel.naam);
  }
  return `/${gemeente}/kpis/${encodeURIComponent(kpi)}?${q}`;
}

/**
 * The zaken behind a KPI value (ADR 0082): the same query as the value, so the number counted
 * equals its teller or noemer; confidential zaken the user may not see are counted, not listed,
 * and the page says how many. Each zaak links to its detail; the whole list downloads as CSV.
 */
export function KpiZaken({ gemeente, kpi, zoek }: { gemeente: SessieGemeente; kpi: string; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const selectie = new URLSearchParams();
  for (const sleutel of SLEUTELS) {
    const waarde = zoek.get(sleutel);
    if (waarde !== null) selectie.set(sleutel, waarde);
  }
  const pad = `${gemeentePad(gemeente.code)}/kpis/${encodeURIComponent(kpi)}/zaken?${selectie}`;
  const { data, fout } = useLaden<KpiZakenAntwoord>(`${pad}&page=${paginaNummer(zoek)}&pageSize=20`);
  const terug = { naar: `/${gemeente.code}/kpis#kpi-${kpi}`, tekst: t('kpiZaken.terug') };
  if (!heeftRecht(gemeente.rollen, 'kpiZakenInzien')) {
    return (
      <Pagina titel={t('kpiZaken.titelLeeg')} terug={terug}>
        <Melding soort="warning">{t('kpiZaken.geenRecht')}</Melding>
      </Pagina>
    );
  }
  if (!data) {
    return (
      <Pagina titel={t('kpiZaken.titelLeeg')} terug={terug}>
        <Laadstatus fout={fout} />
      </Pagina>
    );
  }
  const cel = SELECTIES.find((soort) => zoek.has(soort));
  const periode = data.periode.van === data.periode.tot ? data.periode.van : t('kpiZaken.vanTot', { van: data.periode.van, tot: data.periode.tot });
  const metTeller = data.deel === 'noemer' && data.items.some((z) => z.teller !== null);
  const metWaarde = data.items.some((z) => z.waarde !== null);
  const bijschrift = t(`kpiZaken.bijschrift.${data.deel}`, { naam: data.naam, periode });
  return (
    <Pagina titel={t(`kpiZaken.titel.${data.deel}`, { naam: data.naam })} terug={terug}>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpi.periode')}</dt>
          <dd className="utrecht-data-list__item-value">{periode}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t(`kpi.${data.deel}`)}</dt>
          <dd className="utrecht-data-list__item-value">{data.omschrijving}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpiZaken.selectie')}</dt>
          <dd className="utrecht-data-list__item-value">{cel ? `${t(`kpi.${cel}`)}: ${zoek.get('groep') ?? zoek.get(cel)}` : t('kpiZaken.alles')}</dd>
        </div>
      </dl>
      <p className="utrecht-paragraph" id="kpi-zaken-geteld">
        {t('kpiZaken.geteld', { count: data.geteld })}
      </p>
      {data.verborgen > 0 && <Melding soort="info">{t('kpiZaken.verborgen', { count: data.verborgen })}</Melding>}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('kpiZaken.leeg')}</p>
      ) : (
        <KopTabel
          bijschrift={bijschrift}
          koppen={[
            t('kpiZaken.zaak'),
            t('kpiZaken.zaaktype'),
            t('kpiZaken.onderwerp'),
            t('kpiZaken.datum'),
            ...(metTeller ? [t('kpiZaken.inTeller')] : []),
            ...(metWaarde ? [t('kpiZaken.werkdagen')] : []),
            t('kpiZaken.einddatum'),
            t('kpiZaken.afgesloten'),
            t('kpi.team'),
          ]}
        >
          {data.items.map((z, i) => (
            <tr key={`${z.id}-${z.datum}-${i}`} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                <Link naar={`/${gemeente.code}/zaken/${z.id}`}>{z.identificatie}</Link>
              </th>
              <td className="utrecht-table__cell">{z.zaaktype}</td>
              <td className="utrecht-table__cell">{z.onderwerp}</td>
              <td className="utrecht-table__cell">{z.datum}</td>
              {metTeller && <td className="utrecht-table__cell">{z.teller === null ? '–' : z.teller ? t('kpi.ja') : t('kpi.nee')}</td>}
              {metWaarde && <td className="utrecht-table__cell">{z.waarde ?? '–'}</td>}
              <td className="utrecht-table__cell">
                {z.uiterlijkeEinddatum}
                {z.opgeschort ? ` (${t('kpiZaken.opgeschort')})` : ''}
              </td>
              <td className="utrecht-table__cell">{z.afgeslotenOp ? tijdstip(z.afgeslotenOp, taal) : t('kpiZaken.open')}</td>
              <td className="utrecht-table__cell">{z.team}</td>
            </tr>
          ))}
        </KopTabel>
      )}
      <Paginering pagina={data} pad={`/${gemeente.code}/kpis/${encodeURIComponent(kpi)}?${selectie}`} />
      {data.total > 0 && <CsvKnop pad={pad} bestand={`${data.code}-${data.periode.van}-${data.periode.tot}-${data.deel}`} label={t('kpiZaken.csv')} />}
    </Pagina>
  );
}
