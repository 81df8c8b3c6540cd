import { useId, useState, type FormEvent } from 'react';
import { KENMERKEN, type Rapport, type Vraagrapport } from '../../../../../src/modules/enquetes/enquetes.schemas.ts';
import { API_BASIS, ApiError, gemeentePad, type SessieGemeente } from '../../api.ts';
import { FoutSamenvatting, Knop, useVerzenden } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { Veld } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { downloadPdf } from '../kcc/pdf.ts';

type Kenmerk = (typeof KENMERKEN)[number];

const opmaak = (taal: string, opties: Intl.NumberFormatOptions) => new Intl.NumberFormat(taal === 'en' ? 'en-GB' : 'nl-NL', opties);
export const pct = (x: number | null, taal: string) => (x === null ? '–' : opmaak(taal, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x));
export const getal = (x: number, taal: string, cijfers = 1) => opmaak(taal, { maximumFractionDigits: cijfers }).format(x);

const B = 640;
const RIJ = 26;
const LINKS = 180;

/**
 * A horizontal bar chart of one question as SVG: per answer the unweighted share and (when weighted)
 * the weighted share with its 95% interval. role img with a title and a text alternative naming
 * every value; the table below it is the source and says the same.
 */
function Staafgrafiek({ titel, uitkomst, gewogen }: { titel: string; uitkomst: Vraagrapport; gewogen: boolean }) {
  const { t, taal } = useTaal();
  const id = useId();
  const x = (w: number) => LINKS + w * (B - LINKS - 60);
  const hoogte = uitkomst.antwoorden.length * RIJ * (gewogen ? 2 : 1) + 24;
  const alternatief = uitkomst.antwoorden
    .map((a) =>
      gewogen
        ? t('rapport.alternatiefGewogen', { antwoord: a.tekst, ongewogen: pct(a.ongewogen, taal), gewogen: pct(a.gewogen, taal), laag: pct(a.interval[0], taal), hoog: pct(a.interval[1], taal) })
        : t('rapport.alternatief', { antwoord: a.tekst, ongewogen: pct(a.ongewogen, taal), laag: pct(a.interval[0], taal), hoog: pct(a.interval[1], taal) }),
    )
    .join('; ');
  return (
    <svg className="loket-grafiek" viewBox={`0 0 ${B} ${hoogte}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{titel}</title>
      <desc id={`${id}-d`}>{alternatief}</desc>
      {uitkomst.antwoorden.map((a, i) => {
        const y = 4 + i * RIJ * (gewogen ? 2 : 1);
        return (
          <g key={a.waarde}>
            <text x={LINKS - 6} y={y + 15} textAnchor="end" className="loket-grafiek__tekst">
              {a.tekst.length > 26 ? `${a.tekst.slice(0, 25)}…` : a.tekst}
            </text>
            <rect x={LINKS} y={y + 3} width={Math.max(0, x(a.ongewogen) - LINKS)} height={RIJ - 8} className="loket-staaf--ongewogen" />
            <text x={x(a.ongewogen) + 4} y={y + 15} className="loket-grafiek__tekst">
              {pct(a.ongewogen, taal)}
            </text>
            {gewogen && a.gewogen !== null && (
              <>
                <rect x={LINKS} y={y + RIJ + 1} width={Math.max(0, x(a.gewogen) - LINKS)} height={RIJ - 8} className="loket-staaf--gewogen" />
                <line x1={x(a.interval[0])} x2={x(a.interval[1])} y1={y + RIJ + 9} y2={y + RIJ + 9} className="loket-grafiek__interval" />
                <text x={x(a.interval[1]) + 4} y={y + RIJ + 13} className="loket-grafiek__tekst">
                  {pct(a.gewogen, taal)}
                </text>
              </>
            )}
          </g>
        );
      })}
      <line x1={LINKS} x2={LINKS} y1={0} y2={hoogte - 20} className="loket-grafiek__as" />
      <text x={LINKS} y={hoogte - 4} className="loket-grafiek__tekst">
        0%
      </text>
      <text x={x(1)} y={hoogte - 4} textAnchor="end" className="loket-grafiek__tekst">
        100%
      </text>
    </svg>
  );
}

/** One question's outcome: n, n_eff, mean, the chart and its table. */
function Vraaguitkomst({ uitkomst, gewogen, bron }: { uitkomst: Vraagrapport; gewogen: boolean; bron: string }) {
  const { t, taal } = useTaal();
  return (
    <section className="loket-sectie" aria-label={`${uitkomst.tekst} (${bron})`}>
      <h3 className="utrecht-heading-3">{uitkomst.tekst}</h3>
      <p className="utrecht-paragraph">
        {t('rapport.samenvatting', { n: uitkomst.n, nEff: getal(uitkomst.nEff, taal) })}
        {uitkomst.gemiddelde !== null ? ` ${t(gewogen ? 'rapport.gemiddeldeGewogen' : 'rapport.gemiddelde', { gemiddelde: getal(uitkomst.gemiddelde, taal, 2) })}` : ''}
      </p>
      {uitkomst.soort === 'open' ? (
        <p className="utrecht-paragraph">{t('rapport.openVraag')}</p>
      ) : uitkomst.n === 0 ? (
        <p className="utrecht-paragraph">{t('rapport.geenAntwoorden')}</p>
      ) : (
        <>
          <Staafgrafiek titel={`${uitkomst.tekst} (${bron})`} uitkomst={uitkomst} gewogen={gewogen} />
          <KopTabel
            bijschrift={t('rapport.tabelBijschrift', { vraag: uitkomst.tekst, bron })}
            koppen={[t('rapport.antwoord'), t('rapport.aantal'), t('rapport.ongewogen'), ...(gewogen ? [t('rapport.gewogen')] : []), t('rapport.interval')]}
          >
            {uitkomst.antwoorden.map((a) => (
              <tr key={a.waarde} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {a.tekst}
                </th>
                <td className="utrecht-table__cell loket-getal">{a.aantal}</td>
                <td className="utrecht-table__cell loket-getal">{pct(a.ongewogen, taal)}</td>
                {gewogen && <td className="utrecht-table__cell loket-getal">{pct(a.gewogen, taal)}</td>}
                <td className="utrecht-table__cell loket-nowrap">
                  {pct(a.interval[0], taal)} – {pct(a.interval[1], taal)}
                </td>
              </tr>
            ))}
          </KopTabel>
        </>
      )}
    </section>
  );
}

/** The breakdown of one question by a characteristic: per group n and the shares; suppressed groups say so. */
function Uitsplitsing({ rapport }: { rapport: Rapport }) {
  const { t, taal } = useTaal();
  const u = rapport.panel.uitsplitsing;
  if (!u) return null;
  const gewogen = rapport.panel.weging.status === 'gewogen';
  return (
    <Sectie titel={t('rapport.uitsplitsingTitel', { kenmerk: t(`panel.kenmerken.${u.kenmerk}`) })}>
      <p className="utrecht-paragraph">{t('rapport.onderdruktUitleg')}</p>
      {u.vragen.map((v) => {
        const vraag = rapport.panel.vragen.find((x) => x.vraag === v.vraag);
        if (!vraag || vraag.soort === 'open') return null;
        return (
          <KopTabel
            key={v.vraag}
            bijschrift={t('rapport.uitsplitsingBijschrift', { vraag: vraag.tekst, kenmerk: t(`panel.kenmerken.${u.kenmerk}`) })}
            koppen={[t('panel.categorie'), t('rapport.n'), ...vraag.antwoorden.map((a) => a.tekst)]}
          >
            {v.groepen.map((g) => (
              <tr key={g.categorie} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {g.categorie}
                </th>
                {g.onderdrukt || !g.uitkomst ? (
                  <td className="utrecht-table__cell" colSpan={vraag.antwoorden.length + 1}>
                    {t('rapport.onderdrukt')}
                  </td>
                ) : (
                  <>
                    <td className="utrecht-table__cell loket-getal">{g.uitkomst.n}</td>
                    {g.uitkomst.antwoorden.map((a) => (
                      <td key={a.waarde} className="utrecht-table__cell loket-getal">
                        {pct(gewogen ? a.gewogen : a.ongewogen, taal)}
                      </td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </KopTabel>
        );
      })}
    </Sectie>
  );
}

/** The report of a survey: the weighting, per question weighted and unweighted shares, the open link apart, a breakdown and the CSV. */
export function EnqueteRapport({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const [keuze, setKeuze] = useState<{ uitsplitsing: string; maxGewicht: string }>({ uitsplitsing: '', maxGewicht: '' });
  const [query, setQuery] = useState('');
  const pad = `${gemeentePad(gemeente.code)}/enquetes/${encodeURIComponent(id)}/rapport`;
  const { data, fout } = useLaden<Rapport>(pad + query);
  const csv = useVerzenden();
  const basis = `/${gemeente.code}/enquetes/${id}`;

  function toon(event: FormEvent) {
    event.preventDefault();
    const q = new URLSearchParams();
    if (keuze.uitsplitsing) q.set('uitsplitsing', keuze.uitsplitsing);
    if (keuze.maxGewicht.trim()) q.set('maxGewicht', keuze.maxGewicht.trim().replace(',', '.'));
    setQuery(q.size > 0 ? `?${q}` : '');
  }
  async function download() {
    await csv.verzend(async () => {
      const antwoord = await fetch(API_BASIS + pad + query, { headers: { Accept: 'text/csv', 'Accept-Language': taal }, credentials: 'same-origin' });
      if (!antwoord.ok) throw new ApiError({ type: 'about:blank', title: antwoord.statusText, status: antwoord.status });
      downloadPdf(await antwoord.blob(), `enquete-${id}.csv`);
    });
  }

  const w = data?.panel.weging;
  const gewogen = w?.status === 'gewogen';
  return (
    <Pagina titel={data ? t('rapport.titel', { titel: data.titel }) : t('rapport.titelLeeg')} terug={{ naar: basis, tekst: t('rapport.terug') }}>
      <p className="utrecht-paragraph">{t('rapport.uitleg')}</p>
      <form className="loket-form loket-filters" onSubmit={toon} noValidate>
        <Keuzelijst
          id="uitsplitsing"
          label={t('rapport.uitsplitsing')}
          opties={[{ waarde: '', label: t('rapport.geenUitsplitsing') }, ...KENMERKEN.map((k: Kenmerk) => ({ waarde: k, label: t(`panel.kenmerken.${k}`) }))]}
          value={keuze.uitsplitsing}
          onChange={(e) => setKeuze((k) => ({ ...k, uitsplitsing: e.target.value }))}
        />
        <Veld id="maxGewicht" label={t('rapport.maxGewicht')} uitleg={t('rapport.maxGewichtUitleg')} inputMode="decimal" value={keuze.maxGewicht} onChange={(e) => setKeuze((k) => ({ ...k, maxGewicht: e.target.value }))} fout={fout?.veld('maxGewicht')} />
        <Knop type="submit">{t('rapport.toon')}</Knop>
      </form>
      {fout && fout.status === 400 ? <FoutSamenvatting fout={fout} velden={{ maxGewicht: 'maxGewicht' }} /> : null}
      {data && w ? (
        <>
          <Sectie titel={t('rapport.wegingTitel')}>
            {w.status !== 'gewogen' && (
              <Melding soort="warning" rol="none">
                <p className="utrecht-paragraph">{t(`rapport.wegingStatus.${w.status}`)}</p>
                {w.redenen.length > 0 && (
                  <ul className="utrecht-unordered-list">
                    {w.redenen.map((r) => (
                      <li key={r} className="utrecht-unordered-list__item">
                        {r}
                      </li>
                    ))}
                  </ul>
                )}
              </Melding>
            )}
            <Gegevenslijst
              regels={[
                [t('rapport.respondenten'), String(data.panel.respondenten)],
                [t('rapport.status'), t(`rapport.wegingStatus.${w.status}`)],
                [t('rapport.kenmerken'), w.kenmerken.map((k) => t(`panel.kenmerken.${k}`)).join(', ') || '–'],
                [t('rapport.nEff'), getal(w.effectieveSteekproef, taal)],
                [t('rapport.designeffect'), getal(w.designeffect, taal, 2)],
                [t('rapport.iteraties'), `${w.iteraties}${gewogen ? ` (${t(w.geconvergeerd ? 'rapport.geconvergeerd' : 'rapport.nietGeconvergeerd')})` : ''}`],
                [t('rapport.afgekapt'), w.maxGewicht === null ? t('nee') : getal(w.maxGewicht, taal, 2)],
              ]}
            />
            <FoutSamenvatting fout={csv.fout} />
            <Knop soort="secondary-action" bezig={csv.bezig} onClick={() => void download()}>
              {t('rapport.csv')}
            </Knop>
          </Sectie>
          <Sectie titel={t('rapport.panelTitel')}>
            {data.panel.vragen.map((v) => (
              <Vraaguitkomst key={v.vraag} uitkomst={v} gewogen={gewogen} bron={t('rapport.bronPanel')} />
            ))}
          </Sectie>
          <Uitsplitsing rapport={data} />
          <Sectie titel={t('rapport.openTitel')}>
            <p className="utrecht-paragraph">{t('rapport.openUitleg', { count: data.open.respondenten })}</p>
            {data.open.respondenten > 0 && data.open.vragen.map((v) => <Vraaguitkomst key={v.vraag} uitkomst={v} gewogen={false} bron={t('rapport.bronOpen')} />)}
          </Sectie>
        </>
      ) : fout && fout.status === 400 ? null : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
