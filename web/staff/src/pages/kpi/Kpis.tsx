import { useState, type FormEvent, type ReactNode } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import type { KpiUitsplitsing } from '../../../../../src/modules/kpi/kpi.definitie.ts';
import { gemeentePad, type GemeenteKpi, type GemeenteKpis, type KpiReeks, type KpiWaarde, type SessieGemeente, type Team } from '../../api.ts';
import { KopTabel } from '../../components/Tabel.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { CsvKnop } from './CsvKnop.tsx';
import { KpiGrafiek } from './KpiGrafiek.tsx';
import { kpiZakenLink } from './KpiZaken.tsx';

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
            {(teamNamen) => (
              <MetLocatienamen gemeente={gemeente} nodig={kpis.some((k) => k.uitsplitsingen.includes('locatie'))} teamNamen={teamNamen}>
                {(namen) => kpis.map((k) => <KpiKaart key={`${k.code}-${per}`} gemeente={gemeente} kpi={k} per={per} namen={namen} />)}
              </MetLocatienamen>
            )}
          </MetTeamnamen>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** The gemeente's team names for the breakdown per team, for those who may read teams (others see the team's id); the names of locations are added to the same map (ids never collide). */
function MetTeamnamen({ gemeente, children }: { gemeente: SessieGemeente; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  return heeftRecht(gemeente.rollen, 'teamsLezen') ? <Teamnamen gemeente={gemeente}>{children}</Teamnamen> : children(new Map());
}

function Teamnamen({ gemeente, children }: { gemeente: SessieGemeente; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  const { data } = useLaden<{ items: Team[] }>(`${gemeentePad(gemeente.code)}/teams?pageSize=100`);
  return children(new Map((data?.items ?? []).map((team) => [team.id, team.naam])));
}

/** Adds the names of the balie's locations (a public list) to the team names, when a KPI on the page breaks down per locatie. */
function MetLocatienamen({ gemeente, nodig, teamNamen, children }: { gemeente: SessieGemeente; nodig: boolean; teamNamen: ReadonlyMap<string, string>; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  return nodig ? <Locatienamen gemeente={gemeente} teamNamen={teamNamen}>{children}</Locatienamen> : children(teamNamen);
}

function Locatienamen({ gemeente, teamNamen, children }: { gemeente: SessieGemeente; teamNamen: ReadonlyMap<string, string>; children: (namen: ReadonlyMap<string, string>) => ReactNode }) {
  const { data } = useLaden<{ items: { id: string; naam: string }[] }>(`${gemeentePad(gemeente.code)}/afspraak-locaties/openbaar`);
  return children(new Map([...teamNamen, ...(data?.items ?? []).map((l): [string, string] => [l.id, l.naam])]));
}

function getal(waarde: number | null, eenheid: string, reden: string | null, t: ReturnType<typeof useTaal>['t']): string {
  if (waarde === null) return reden ? t('kpi.nietBekendOmdat', { reden }) : t('kpi.nietBekend');
  return `${waarde.toLocaleString('nl-NL')}${eenheidTeken(eenheid)}`;
}

const periodeTekst = (w: KpiReeks['waarden'][number]) => (w.periode.van === w.periode.tot ? w.periode.van : `${w.periode.van} – ${w.periode.tot}`);

/**
 * A teller or noemer: a link to the zaken behind it (ADR 0082) when the KPI counts zaken and the
 * user may open them, else the number. Its name says which number of which period it opens.
 */
function Getal({ gemeente, kpi, aantal, deel, van, tot, cel, context }: {
  gemeente: SessieGemeente;
  kpi: GemeenteKpi;
  aantal: number | null;
  deel: 'teller' | 'noemer';
  van: string;
  tot: string;
  /** A breakdown's cell: its selection and the name shown for it. */
  cel?: { soort: KpiUitsplitsing; waarde: string; naam: string } | undefined;
  context: string;
}) {
  const { t } = useTaal();
  if (aantal === null) return <>–</>;
  if (!kpi.zakenLijst || !heeftRecht(gemeente.rollen, 'kpiZakenInzien') || (deel === 'teller' && kpi.teller === null)) return <>{aantal}</>;
  return (
    <Link naar={kpiZakenLink(gemeente.code, kpi.code, { van, tot, deel, cel })} aria-label={t(`kpiZaken.link.${deel}`, { aantal, context })}>
      {aantal}
    </Link>
  );
}

/** One KPI: its definition, the current value, the trend as a chart with its table, and the breakdown the measure offers. */
function KpiKaart({ gemeente, kpi, per, namen }: { gemeente: SessieGemeente; kpi: GemeenteKpi; per: Per; namen: ReadonlyMap<string, string> }) {
  const { t, taal } = useTaal();
  const basis = `${gemeentePad(gemeente.code)}/kpis/${encodeURIComponent(kpi.code)}`;
  const reeks = useLaden<KpiReeks>(`${basis}/reeks?per=${per}&laatste=${AANTAL[per]}`);
  const uitsplitsingen = kpi.uitsplitsingen;
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
                <td className="utrecht-table__cell">
                  <Getal gemeente={gemeente} kpi={kpi} aantal={w.teller} deel="teller" van={w.periode.van} tot={w.periode.tot} context={periodeTekst(w)} />
                </td>
                <td className="utrecht-table__cell">
                  <Getal gemeente={gemeente} kpi={kpi} aantal={w.noemer} deel="noemer" van={w.periode.van} tot={w.periode.tot} context={periodeTekst(w)} />
                </td>
                <td className="utrecht-table__cell">{w.normGehaald === null ? '–' : w.normGehaald ? t('kpi.ja') : t('kpi.nee')}</td>
              </tr>
            ))}
          </KopTabel>
          <CsvKnop pad={`${basis}/reeks?per=${per}&laatste=${AANTAL[per]}`} bestand={`${kpi.code}-per-${per}`} label={t('kpi.csvReeks', { naam: kpi.naam.nl })} />
          {uitsplitsingen.map((u) => (
            <Uitsplitsing key={u} gemeente={gemeente} basis={basis} kpi={kpi} soort={u} van={waarden[0]?.periode.van ?? huidig.periode.van} tot={huidig.periode.tot} namen={namen} />
          ))}
        </>
      ) : (
        <Laadstatus fout={reeks.fout} />
      )}
    </section>
  );
}

/** The breakdown per zaaktype, wachtrij, team, category of meldingen or location over the whole trend, as a table with its CSV. */
function Uitsplitsing({ gemeente, basis, kpi, soort, van, tot, namen }: {
  gemeente: SessieGemeente;
  basis: string;
  kpi: GemeenteKpi;
  soort: KpiUitsplitsing;
  van: string;
  tot: string;
  namen: ReadonlyMap<string, string>;
}) {
  const { t } = useTaal();
  const pad = `${basis}/waarden?periodeVan=${van}&periodeTot=${tot}&uitsplitsing=${soort}`;
  const { data, fout } = useLaden<KpiWaarde>(pad);
  if (!data) return <Laadstatus fout={fout} />;
  const rijen = data.uitsplitsing ?? [];
  const titel = t(`kpi.uitsplitsing.${soort}`, { naam: kpi.naam.nl, van, tot });
  if (rijen.length === 0) return <p className="utrecht-paragraph">{t('kpi.uitsplitsingLeeg', { titel })}</p>;
  return (
    <>
      <KopTabel bijschrift={titel} koppen={[t(`kpi.${soort}`), t('kpi.waarde'), t('kpi.teller'), t('kpi.noemer')]}>
        {rijen.map((r) => {
          const waarde = r[soort] ?? '';
          const naam = soort === 'team' || soort === 'locatie' ? (namen.get(waarde) ?? waarde) : soort === 'kanaal' ? t(`kanaal.${waarde}`) : waarde;
          const cel = (deel: 'teller' | 'noemer', aantal: number | null) => (
            <Getal gemeente={gemeente} kpi={kpi} aantal={aantal} deel={deel} van={van} tot={tot} cel={{ soort, waarde, naam }} context={`${naam}, ${van} – ${tot}`} />
          );
          return (
            <tr key={naam} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {naam}
              </th>
              <td className="utrecht-table__cell">{getal(r.waarde, kpi.eenheid, r.reden, t)}</td>
              <td className="utrecht-table__cell">{cel('teller', r.teller)}</td>
              <td className="utrecht-table__cell">{cel('noemer', r.noemer)}</td>
            </tr>
          );
        })}
      </KopTabel>
      <CsvKnop pad={pad} bestand={`${kpi.code}-${van}-${tot}-per-${soort}`} label={t('kpi.csvUitsplitsing', { titel })} />
    </>
  );
}
