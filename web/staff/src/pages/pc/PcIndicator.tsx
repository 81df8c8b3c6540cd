import type { TFunction } from 'i18next';
import type { PcIndicator as Indicator, PcProgramma, PcWaarde, SessieGemeente } from '../../api.ts';
import { Formulier, FoutSamenvatting, Knop, Veld, Vinkje, useFormulier, useVerzenden } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst, kies, Tekstvak } from '../../components/Velden.tsx';
import { VersieSectie, WijzigFormulier, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { apiProgramma, Groep, invoerFout, leesGetal, pcBasis, veldenVan, veldFout, vervang } from './pc.gedeeld.tsx';
import { PcBerekend } from './PcBerekend.tsx';
import { Voetnoten } from './PcVoetnoten.tsx';

const EENHEDEN = ['', '%', '€', 'aantal', 'rapportcijfer', 'bereik'] as const;
const STATUSSEN = ['', 'NB', 'nnb', 'n.v.t.', 'niet beschikbaar'] as const;
/** Errors on the whole chapter name the indicator by its place ("indicatoren.7."): its fields here do not. */
const EIGEN = /^indicatoren\.\d+\./;

/** "40% (voetnoot 1)". */
function waardeTekst(t: TFunction, w: PcWaarde): string {
  const noten = w.voetnoten.length ? ` (${t('pc.voetnootVerwijzing', { count: w.voetnoten.length, nummers: w.voetnoten.join(', ') })})` : '';
  const reden = w.reden && !w.tekst.includes(w.reden) ? ` – ${w.reden}` : '';
  return `${w.tekst || '–'}${noten}${reden}`;
}

/** The indicators of a chapter as a table; each name links to its page (edit or read); in a concept each can be removed. */
export function IndicatorTabel({ wijziging, basis }: { wijziging: Wijziging<PcProgramma>; basis: string }) {
  const { t } = useTaal();
  const programma = wijziging.data;
  const lijst = programma.hoofdstuk.indicatoren;
  const { bezig, fout, verzend } = useVerzenden();
  if (lijst.length === 0) return <p className="utrecht-paragraph">{t('pc.geenIndicatoren')}</p>;
  const koppen = [t('pc.code'), t('pc.indicator'), t('pc.soortIndicator'), t('pc.waarden'), t('pc.toelichting'), ...(programma.bewerkbaar ? [t('pc.acties')] : [])];
  return (
    <>
      {fout && <FoutSamenvatting fout={fout} />}
      <KopTabel bijschrift={t('pc.indicatorenVan', { programma: programma.hoofdstuk.programma })} koppen={koppen}>
        {lijst.map((ind, i) => (
          <tr key={i} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell loket-nowrap">
              {ind.code}
            </th>
            <td className="utrecht-table__cell">
              <Link naar={`${basis}/indicatoren/${i + 1}`}>{ind.naam}</Link>
            </td>
            <td className="utrecht-table__cell">
              {t(`pc.indicatorSoort.${ind.soort}`)}
              {ind.verplicht && `, ${t('pc.verplichtKort')}`}
            </td>
            <td className="utrecht-table__cell">
              <ul className="loket-kale-lijst">
                {ind.waarden.map((w) => (
                  <li key={w.kolom}>
                    {w.kolom}: {waardeTekst(t, w)}
                  </li>
                ))}
              </ul>
            </td>
            <td className="utrecht-table__cell">{ind.aanvulling?.toelichting ?? ''}</td>
            {programma.bewerkbaar && (
              <td className="utrecht-table__cell">
                <Knop soort="subtle" bezig={bezig} onClick={() => void verzend(() => wijziging.stuur('delete', `/indicatoren/${i + 1}`, undefined, t('pc.indicatorVerwijderd', { code: ind.code })))}>
                  {t('pc.indicatorWeg', { code: `${ind.code} ${ind.naam}` })}
                </Knop>
              </td>
            )}
          </tr>
        ))}
      </KopTabel>
    </>
  );
}

/** A new indicator (code, name, soort), with a value per column the other indicators have; its values are filled in on its own page. */
export function NieuweIndicator({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  const formulier = useFormulier({ code: '', naam: '', soort: 'prestatie' as Indicator['soort'] });
  const { waarden, zet, fout } = formulier;
  const kolommen = [...new Set(wijziging.data.hoofdstuk.indicatoren.flatMap((i) => i.waarden.map((w) => w.kolom)))];
  async function voegToe() {
    const body = { code: waarden.code.trim(), naam: waarden.naam, soort: waarden.soort, verplicht: false, waarden: kolommen.map((kolom) => ({ kolom, tekst: '', getal: null, eenheid: null, voetnoten: [] })) };
    await wijziging.stuur('post', '/indicatoren', body, t('pc.indicatorToegevoegd', { code: body.code || body.naam }));
  }
  return (
    <Formulier formulier={formulier} onVerstuur={voegToe} knop={t('pc.indicatorErbij')} velden={{ code: 'nieuwe-indicator-code', naam: 'nieuwe-indicator-naam', soort: 'nieuwe-indicator-soort' }}>
      <Veld id="nieuwe-indicator-code" label={t('pc.code')} autoComplete="off" value={waarden.code} onChange={(e) => zet('code', e.target.value)} fout={veldFout(fout, 'code')} />
      <Veld id="nieuwe-indicator-naam" label={t('pc.indicatorNaam')} autoComplete="off" required value={waarden.naam} onChange={(e) => zet('naam', e.target.value)} fout={veldFout(fout, 'naam')} />
      <Keuzelijst
        id="nieuwe-indicator-soort"
        label={t('pc.soortIndicator')}
        value={waarden.soort}
        onChange={kies((s: Indicator['soort']) => zet('soort', s))}
        opties={(['effect', 'prestatie'] as const).map((s) => ({ waarde: s, label: t(`pc.indicatorSoort.${s}`) }))}
      />
    </Formulier>
  );
}

interface WaardeInvoer {
  kolom: string;
  tekst: string;
  getal: string;
  eenheid: (typeof EENHEDEN)[number];
  tot: string;
  status: string;
  reden: string;
  voetnoten: string;
}

function IndicatorFormulier({ wijziging, nr }: { wijziging: Wijziging<PcProgramma>; nr: number }) {
  const { t, taal } = useTaal();
  const ind = wijziging.data.hoofdstuk.indicatoren[nr - 1] as Indicator;
  const extra = ind.aanvulling;
  const formulier = useFormulier({
    code: ind.code,
    naam: ind.naam,
    soort: ind.soort,
    verplicht: ind.verplicht,
    richting: extra?.richting ?? '',
    bron: extra?.bron ?? '',
    peildatum: extra?.peildatum ?? '',
    toelichting: extra?.toelichting ?? '',
    waarden: ind.waarden.map(
      (w): WaardeInvoer => ({
        kolom: w.kolom,
        tekst: w.tekst,
        getal: w.getal === null ? '' : taal === 'en' ? String(w.getal) : String(w.getal).replace('.', ','),
        eenheid: w.eenheid ?? '',
        tot: w.tot === undefined ? '' : String(w.tot),
        status: w.status ?? '',
        reden: w.reden ?? '',
        voetnoten: w.voetnoten.join(', '),
      }),
    ),
  });
  const { waarden, zet, fout } = formulier;
  const foutBij = (id: string) => veldFout(fout, id, EIGEN);

  function body(w: typeof waarden) {
    const fouten: { name: string; reason: string }[] = [];
    const lijst = w.waarden.map((x, j) => {
      const g = leesGetal(x.getal, taal);
      if (g === undefined) fouten.push({ name: `waarden.${j}.getal`, reason: t('pc.geenGetal', { kolom: x.kolom }) });
      const tot = leesGetal(x.tot, taal);
      if (x.eenheid === 'bereik' && tot === undefined) fouten.push({ name: `waarden.${j}.tot`, reason: t('pc.geenGetal', { kolom: x.kolom }) });
      const noten = x.voetnoten.split(/[,;\s]+/).filter(Boolean);
      if (noten.some((n) => !/^[1-9]\d*$/.test(n))) fouten.push({ name: `waarden.${j}.voetnoten`, reason: t('pc.voetnootNummers') });
      return {
        kolom: x.kolom,
        tekst: x.tekst.trim(),
        getal: g ?? null,
        eenheid: x.eenheid || null,
        ...(x.eenheid === 'bereik' && typeof tot === 'number' ? { tot } : {}),
        ...(x.status ? { status: x.status } : {}),
        ...(x.reden.trim() ? { reden: x.reden.trim() } : {}),
        voetnoten: noten.map(Number),
      };
    });
    if (fouten.length) throw invoerFout(fouten);
    return {
      code: w.code.trim(),
      naam: w.naam,
      soort: w.soort,
      verplicht: w.verplicht,
      richting: w.richting || null,
      bron: w.bron.trim() || null,
      peildatum: w.peildatum || null,
      toelichting: w.toelichting.trim() || null,
      waarden: lijst,
    };
  }

  const zetWaarde = (j: number, deel: Partial<WaardeInvoer>) => zet('waarden', vervang(waarden.waarden, j, { ...(waarden.waarden[j] as WaardeInvoer), ...deel }));
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" deel={`/indicatoren/${nr}`} knop={t('pc.indicatorOpslaan')} velden={veldenVan(fout, EIGEN)} body={body}>
      <Veld label={t('pc.code')} autoComplete="off" {...formulier.tekst('code')} fout={foutBij('code')} />
      <Veld label={t('pc.indicatorNaam')} autoComplete="off" required {...formulier.tekst('naam')} fout={foutBij('naam')} />
      <Keuzelijst
        id="soort"
        label={t('pc.soortIndicator')}
        value={waarden.soort}
        onChange={kies((s: typeof waarden.soort) => zet('soort', s))}
        opties={(['effect', 'prestatie'] as const).map((s) => ({ waarde: s, label: t(`pc.indicatorSoort.${s}`) }))}
        fout={foutBij('soort')}
      />
      <Vinkje id="verplicht" label={t('pc.verplicht')} checked={waarden.verplicht} onChange={(e) => zet('verplicht', e.target.checked)} fout={foutBij('verplicht')} />
      <Keuzelijst
        id="richting"
        label={t('pc.richting')}
        uitleg={t('pc.richtingUitleg')}
        value={waarden.richting}
        onChange={kies((r: typeof waarden.richting) => zet('richting', r))}
        opties={(['', 'hoger', 'lager'] as const).map((r) => ({ waarde: r, label: t(`pc.richtingen.${r || 'geen'}`) }))}
        fout={foutBij('richting')}
      />
      <Veld label={t('pc.bron')} autoComplete="off" {...formulier.tekst('bron')} fout={foutBij('bron')} />
      <Veld type="date" label={t('pc.peildatum')} {...formulier.tekst('peildatum')} fout={foutBij('peildatum')} />
      {waarden.waarden.map((w, j) => {
        const id = `waarden-${j}`;
        return (
          <Groep key={w.kolom} legenda={w.kolom}>
            <Veld id={`${id}-tekst`} label={t('pc.waardeTekst')} uitleg={t('pc.waardeTekstUitleg')} autoComplete="off" value={w.tekst} onChange={(e) => zetWaarde(j, { tekst: e.target.value })} fout={foutBij(`${id}-tekst`)} />
            <Veld id={`${id}-getal`} label={t('pc.getal')} inputMode="decimal" autoComplete="off" value={w.getal} onChange={(e) => zetWaarde(j, { getal: e.target.value })} fout={foutBij(`${id}-getal`)} />
            <Keuzelijst id={`${id}-eenheid`} label={t('pc.eenheid')} value={w.eenheid} onChange={kies((e: typeof w.eenheid) => zetWaarde(j, { eenheid: e }))} opties={EENHEDEN.map((e) => ({ waarde: e, label: t(`pc.eenheden.${e || 'geen'}`) }))} fout={foutBij(`${id}-eenheid`)} />
            {w.eenheid === 'bereik' && <Veld id={`${id}-tot`} label={t('pc.tot')} inputMode="decimal" autoComplete="off" value={w.tot} onChange={(e) => zetWaarde(j, { tot: e.target.value })} fout={foutBij(`${id}-tot`)} />}
            <Keuzelijst id={`${id}-status`} label={t('pc.waardeStatus')} uitleg={t('pc.waardeStatusUitleg')} value={w.status} onChange={kies((s: typeof w.status) => zetWaarde(j, { status: s }))} opties={STATUSSEN.map((s) => ({ waarde: s, label: s || t('pc.statusGeen') }))} fout={foutBij(`${id}-status`)} />
            <Tekstvak id={`${id}-reden`} rows={2} label={t('pc.reden')} value={w.reden} onChange={(e) => zetWaarde(j, { reden: e.target.value })} fout={foutBij(`${id}-reden`)} />
            <Veld id={`${id}-voetnoten`} label={t('pc.voetnoten')} uitleg={t('pc.voetnotenUitleg')} autoComplete="off" value={w.voetnoten} onChange={(e) => zetWaarde(j, { voetnoten: e.target.value })} fout={foutBij(`${id}-voetnoten`)} />
          </Groep>
        );
      })}
      <Tekstvak id="toelichting" rows={4} label={t('pc.toelichtingAfwijking')} uitleg={t('pc.toelichtingUitleg')} value={waarden.toelichting} onChange={(e) => zet('toelichting', e.target.value)} fout={foutBij('toelichting')} />
    </WijzigFormulier>
  );
}

function IndicatorLezen({ programma, nr }: { programma: PcProgramma; nr: number }) {
  const { t } = useTaal();
  const ind = programma.hoofdstuk.indicatoren[nr - 1] as Indicator;
  const extra = ind.aanvulling;
  return (
    <Gegevenslijst
      regels={[
        [t('pc.code'), ind.code],
        [t('pc.soortIndicator'), `${t(`pc.indicatorSoort.${ind.soort}`)}${ind.verplicht ? `, ${t('pc.verplichtKort')}` : ''}`],
        [t('pc.richting'), t(`pc.richtingen.${extra?.richting ?? 'geen'}`)],
        [t('pc.bron'), extra?.bron ?? '–'],
        [t('pc.peildatum'), extra?.peildatum ?? '–'],
        ...ind.waarden.map((w): [string, string] => [w.kolom, waardeTekst(t, w)]),
        [t('pc.toelichtingAfwijking'), extra?.toelichting ?? '–'],
      ]}
    />
  );
}

/** One indicator (by its place, 1-based): its fields, values per column with footnotes and reasons, and the chapter's footnotes. */
export function PcIndicator({ gemeente, id, slug, nr }: { gemeente: SessieGemeente; id: string; slug: string; nr: string }) {
  const { t } = useTaal();
  const { bron, fout } = useVersieBron<PcProgramma>(apiProgramma(gemeente, id, slug));
  const n = /^[1-9]\d{0,3}$/.test(nr) ? Number(nr) : 0;
  const p = bron?.data;
  const ind = p?.hoofdstuk.indicatoren[n - 1];
  const terug = { naar: `${pcBasis(gemeente)}/${id}/${encodeURIComponent(slug)}`, tekst: t('pc.terugProgramma', { programma: p?.hoofdstuk.programma ?? '' }) };
  if (bron && p && !ind) {
    return (
      <Pagina titel={t('pc.indicator')} terug={terug}>
        <Melding soort="error" rol="alert">
          <p className="utrecht-paragraph">{t('fout.nietGevonden')}</p>
        </Melding>
      </Pagina>
    );
  }
  return (
    <Pagina titel={ind ? t('pc.indicatorTitel', { code: ind.code, naam: ind.naam }) : t('pc.indicator')} terug={terug}>
      {bron && p && ind ? (
        p.bewerkbaar ? (
          <>
            <VersieSectie bron={bron} naam="indicator" titel={t('pc.indicatorWijzigen')}>
              {(wijziging) => <IndicatorFormulier wijziging={wijziging} nr={n} />}
            </VersieSectie>
            <VersieSectie bron={bron} naam="berekend" titel={t('pc.berekendKop')}>
              {(wijziging) => <PcBerekend gemeente={gemeente} id={id} nr={n} wijziging={wijziging} programma={wijziging.data} />}
            </VersieSectie>
            <VersieSectie bron={bron} naam="voetnoten" titel={t('pc.voetnotenKop')}>
              {(wijziging) => <Voetnoten wijziging={wijziging} />}
            </VersieSectie>
          </>
        ) : (
          <>
            <Melding soort="warning" rol="none">
              <p className="utrecht-paragraph">{t('pc.alleenLezenUitleg')}</p>
            </Melding>
            <IndicatorLezen programma={p} nr={n} />
            <h2 className="utrecht-heading-2">{t('pc.berekendKop')}</h2>
            <PcBerekend gemeente={gemeente} id={id} nr={n} programma={p} />
            <h2 className="utrecht-heading-2">{t('pc.voetnotenKop')}</h2>
            <Gegevenslijst regels={p.hoofdstuk.voetnoten.map((v) => [t('pc.voetnootNr', { nr: v.nummer }), v.tekst])} />
          </>
        )
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
