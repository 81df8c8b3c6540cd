import { useState, type FormEvent, type ReactNode } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { gemeentePad, type GemeenteKpi, type GemeenteKpis, type KpiReeks, type KpiWaarde, type SessieGemeente, type Team } from '../../api.ts';
import { KopTabel } from '../../components/Tabel.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { tijdstip } from '../../tijd.ts';
import { KpiGrafiek } from './KpiGrafiek.tsx';

type Per = 'dag' | 'week' | 'maand';
/** How many periods a trend shows: two weeks of days, a quarter of weeks, a year of months. */
const AANTAL: Record<Per, number> = { dag: 14, week: 13, maand: 12 };

/** The measures on the KCC dashboard (issue 11), in this order. */
export const KCC_KPIS = [
  'kcc-binnen-30s',
  'kcc-afhaakpercentage',
  'kcc-wachttijd-gemiddeld',
  'kcc-wachttijd-p90',
  'kcc-eerstelijns-oplossing',
  'kcc-contactverzoeken-binnen-termijn',
  'email-binnen-5-werkdagen',
] as const;

function eenheidTeken(eenheid: string): string {
  return eenheid === 'procent' ? '%' : eenheid === 'seconden' ? ' s' : eenheid === 'werkdagen' ? ' wd' : '';
}

/** The KPI pages of the staff app: the general register (`kpis`) and the teamleider's KCC dashboard (`kcc-dashboard`), both from the published KPI API. */
export function Kpis({ gemeente, alleen, titel }: { gemeente: SessieGemeente; alleen?: readonly string[]; titel: string }) {
  const { t } = useTaal();
  const [keuze, setKeuze] = useState<Per>('maand');
  const [per, setPer] = useState<Per>('maand');
  const { data, fout } = useLaden<GemeenteKpis>(`${gemeentePad(gemeente.code)}/kpis`);
  const kpis = (data?.items ?? []).filter((k) => !alleen || alleen.includes(k.code)).toSorted((a, b) => (alleen ? alleen.indexOf(a.code) - alleen.indexOf(b.code) : 0));
  const toon = (e: FormEvent) => {
    e.preventDefault();
    setPer(keuze);
  };
  return (
    <Pagina titel={titel}>
      <p className="utrecht-paragraph">{t('kpi.uitleg')}</p>
      <form className="loket-filters" onSubmit={toon} aria-label={t('kpi.periodeKiezen')}>
        <Keuzelijst
          id="kpi-per"
          label={t('kpi.per')}
          value={keuze}
          onChange={(e) => setKeuze(e.target.value as Per)}
          opties={(['dag', 'week', 'maand'] as const).map((p) => ({ waarde: p, label: t(`kpi.perKeuze.${p}`, { aantal: AANTAL[p] }) }))}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('kpi.toon')}
        </button>
      </form>
      {data ? (
        <>
          <nav aria-label={t('kpi.inhoud')}>
            <ul className="utrecht-unordered-list">
              {kpis.map((k) => (
                <li key={k.code} className="utrecht-unordered-list__item">
                  <a className="utrecht-link" href={`#kpi-${k.code}`}>
                    {k.naam.nl}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <MetTeamnamen gemeente={gemeente}>
            {(teamNamen) => kpis.map((k) => <KpiKaart key={`${k.code}-${per}`} gemeente={gemeente} kpi={k} per={per} teamNamen={teamNamen} />)}
          </MetTeamnamen>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** The gemeente's team names for the breakdown per team, for those who may read teams (others see the team's id). */
function MetTeamnamen({ gemeente, children }: { gemeente: SessieGemeente; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  return heeftRecht(gemeente.rollen, 'teamsLezen') ? <Teamnamen gemeente={gemeente}>{children}</Teamnamen> : children(new Map());
}

function Teamnamen({ gemeente, children }: { gemeente: SessieGemeente; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  const { data } = useLaden<{ items: Team[] }>(`${gemeentePad(gemeente.code)}/teams?pageSize=100`);
  return children(new Map((data?.items ?? []).map((team) => [team.id, team.naam])));
}

function getal(waarde: number | null, eenheid: string, reden: string | null, t: ReturnType<typeof useTaal>['t']): string {
  if (waarde === null) return reden ? t('kpi.nietBekendOmdat', { reden }) : t('kpi.nietBekend');
  return `${waarde.toLocaleString('nl-NL')}${eenheidTeken(eenheid)}`;
}

const periodeTekst = (w: KpiReeks['waarden'][number]) => (w.periode.van === w.periode.tot ? w.periode.van : `${w.periode.van} – ${w.periode.tot}`);

/** One KPI: its definition, the current value, the trend as a chart with its table, and the breakdown the measure offers. */
function KpiKaart({ gemeente, kpi, per, teamNamen }: { gemeente: SessieGemeente; kpi: GemeenteKpi; per: Per; teamNamen: ReadonlyMap<string, string> }) {
  const { t, taal } = useTaal();
  const basis = `${gemeentePad(gemeente.code)}/kpis/${encodeURIComponent(kpi.code)}`;
  const reeks = useLaden<KpiReeks>(`${basis}/reeks?per=${per}&laatste=${AANTAL[per]}`);
  const uitsplitsingen = kpi.uitsplitsingen.filter((u) => u === 'wachtrij' || u === 'team' || u === 'categorie');
  const kop = `kpi-${kpi.code}`;
  const waarden = reeks.data?.waarden ?? [];
  const huidig = waarden.at(-1);
  const norm = reeks.data?.geldendeNorm ?? null;
  const label = (w: KpiReeks['waarden'][number]) => (per === 'maand' ? w.periode.van.slice(0, 7) : w.periode.van.slice(5));
  return (
    <section className="loket-kpi" aria-labelledby={kop}>
      <h2 className="utrecht-heading-2" id={kop}>
        {kpi.naam.nl}
      </h2>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpi.teller')}</dt>
          <dd className="utrecht-data-list__item-value">{kpi.teller ?? t('kpi.geenBreuk')}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpi.noemer')}</dt>
          <dd className="utrecht-data-list__item-value">{kpi.noemer}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpi.norm')}</dt>
          <dd className="utrecht-data-list__item-value">{norm ? `${getal(norm.waarde, kpi.eenheid, null, t)} (${norm.bron})` : t('kpi.geenNorm')}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('kpi.bron')}</dt>
          <dd className="utrecht-data-list__item-value">{t('kpi.bronTekst', { module: kpi.module, eigenaar: kpi.eigenaar, versie: kpi.versie, periode: kpi.periode.regel })}</dd>
        </div>
      </dl>
      {reeks.data && huidig ? (
        <>
          <p className="utrecht-paragraph">
            <strong>{t(`kpi.huidig.${per}`)}</strong>: {getal(huidig.waarde, kpi.eenheid, huidig.reden, t)}
            {huidig.teller !== null && huidig.status === 'bekend' ? ` (${t('kpi.vanDe', { teller: huidig.teller, noemer: huidig.noemer })})` : ''}
          </p>
          <p className="utrecht-paragraph">
            {huidig.versheid.bron === 'rollup'
              ? t('kpi.versRollup', { op: tijdstip(huidig.versheid.rollupBijgewerktOp, taal), berekend: tijdstip(huidig.berekendOp, taal) })
              : t('kpi.versLive', { berekend: tijdstip(huidig.berekendOp, taal), reden: huidig.versheid.reden ?? t('kpi.geenRollup') })}
          </p>
          <KpiGrafiek
            titel={t('kpi.grafiekTitel', { naam: kpi.naam.nl })}
            eenheid={eenheidTeken(kpi.eenheid)}
            norm={norm?.waarde ?? null}
            punten={waarden.map((w) => ({ label: label(w), waarde: w.waarde }))}
            alternatief={waarden.map((w) => `${periodeTekst(w)}: ${getal(w.waarde, kpi.eenheid, null, t)}`).join('; ')}
          />
          <KopTabel bijschrift={t('kpi.tabelTitel', { naam: kpi.naam.nl })} koppen={[t('kpi.periode'), t('kpi.waarde'), t('kpi.teller'), t('kpi.noemer'), t('kpi.normGehaald')]}>
            {waarden.map((w) => (
              <tr key={w.periode.van} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {periodeTekst(w)}
                  {w.voorlopig ? ` (${t('kpi.voorlopig')})` : ''}
                </th>
                <td className="utrecht-table__cell">{getal(w.waarde, kpi.eenheid, w.reden, t)}</td>
                <td className="utrecht-table__cell">{w.teller ?? '–'}</td>
                <td className="utrecht-table__cell">{w.noemer}</td>
                <td className="utrecht-table__cell">{w.normGehaald === null ? '–' : w.normGehaald ? t('kpi.ja') : t('kpi.nee')}</td>
              </tr>
            ))}
          </KopTabel>
          {uitsplitsingen.map((u) => (
            <Uitsplitsing key={u} basis={basis} kpi={kpi} soort={u} van={waarden[0]?.periode.van ?? huidig.periode.van} tot={huidig.periode.tot} teamNamen={teamNamen} />
          ))}
        </>
      ) : (
        <Laadstatus fout={reeks.fout} />
      )}
    </section>
  );
}

/** The breakdown per wachtrij, team or category of meldingen over the whole trend, as a table. */
function Uitsplitsing({ basis, kpi, soort, van, tot, teamNamen }: { basis: string; kpi: GemeenteKpi; soort: 'wachtrij' | 'team' | 'categorie'; van: string; tot: string; teamNamen: ReadonlyMap<string, string> }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<KpiWaarde>(`${basis}/waarden?periodeVan=${van}&periodeTot=${tot}&uitsplitsing=${soort}`);
  if (!data) return <Laadstatus fout={fout} />;
  const rijen = data.uitsplitsing ?? [];
  const titel = t(`kpi.uitsplitsing.${soort}`, { naam: kpi.naam.nl, van, tot });
  if (rijen.length === 0) return <p className="utrecht-paragraph">{t('kpi.uitsplitsingLeeg', { titel })}</p>;
  return (
    <KopTabel bijschrift={titel} koppen={[t(`kpi.${soort}`), t('kpi.waarde'), t('kpi.teller'), t('kpi.noemer')]}>
      {rijen.map((r) => {
        const naam = soort === 'team' ? (teamNamen.get(r.team ?? '') ?? r.team ?? '') : soort === 'categorie' ? (r.categorie ?? '') : (r.wachtrij ?? '');
        return (
          <tr key={naam} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {naam}
            </th>
            <td className="utrecht-table__cell">{getal(r.waarde, kpi.eenheid, r.reden, t)}</td>
            <td className="utrecht-table__cell">{r.teller ?? '–'}</td>
            <td className="utrecht-table__cell">{r.noemer}</td>
          </tr>
        );
      })}
    </KopTabel>
  );
}
