import type { PcBerekendeWaarden, PcIndicator as Indicator, PcProgramma, SessieGemeente } from '../../api.ts';
import { FoutSamenvatting, Knop, useFormulier, useVerzenden } from '../../components/Formulier.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst, kies } from '../../components/Velden.tsx';
import { WijzigFormulier, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { apiVersie, getal } from './pc.gedeeld.tsx';

/*
 * P&C indicators filled from operations (ADR 0079): link an indicator to a KPI of the register,
 * see the computed value of each realisation column beside the typed one, and accept it into a
 * concept version.
 */

interface KpiDefinities {
  items: { code: string; naam: { nl: string; en: string } }[];
}

const PERIODES = ['kolomjaar', 'documentjaar'] as const;

/** The KPI link of one indicator (a concept or aangeboden version). */
function KpiKoppeling({ wijziging, nr, naHerlaad }: { wijziging: Wijziging<PcProgramma>; nr: number; naHerlaad: () => void }) {
  const { t, taal } = useTaal();
  const definities = useLaden<KpiDefinities>('/kpi-definities');
  const ind = wijziging.data.hoofdstuk.indicatoren[nr - 1] as Indicator;
  const formulier = useFormulier({ kpi: ind.aanvulling?.kpi?.code ?? '', periode: ind.aanvulling?.kpi?.periode ?? ('kolomjaar' as (typeof PERIODES)[number]) });
  const { waarden, zet } = formulier;
  if (!definities.data) return <Laadstatus fout={definities.fout} />;
  // After saving the link, the computed values are read again.
  const stuur: Wijziging<PcProgramma> = {
    ...wijziging,
    stuur: async (...args) => {
      await wijziging.stuur(...args);
      naHerlaad();
    },
  };
  return (
    <WijzigFormulier
      wijziging={stuur}
      formulier={formulier}
      methode="patch"
      deel={`/indicatoren/${nr}`}
      knop={t('pc.kpiKoppelingOpslaan')}
      velden={{ kpi: 'kpi-koppeling', 'kpi.code': 'kpi-koppeling', 'kpi.periode': 'kpi-periode' }}
      body={(w) => ({ kpi: w.kpi ? { code: w.kpi, periode: w.periode } : null })}
    >
      <Keuzelijst
        id="kpi-koppeling"
        label={t('pc.kpiKoppeling')}
        uitleg={t('pc.kpiKoppelingUitleg')}
        value={waarden.kpi}
        onChange={kies((k: string) => zet('kpi', k))}
        opties={[{ waarde: '', label: t('pc.kpiGeen') }, ...definities.data.items.map((d) => ({ waarde: d.code, label: `${taal === 'en' ? d.naam.en : d.naam.nl} (${d.code})` }))]}
      />
      <Keuzelijst id="kpi-periode" label={t('pc.kpiPeriode')} value={waarden.periode} onChange={kies((p: (typeof PERIODES)[number]) => zet('periode', p))} opties={PERIODES.map((p) => ({ waarde: p, label: t(`pc.kpiPeriodes.${p}`) }))} />
    </WijzigFormulier>
  );
}

/** The computed values of one indicator beside the typed ones; in a concept each known value can be accepted. */
function BerekendeWaarden({ programma, wijziging, nr, berekend }: { programma: PcProgramma; wijziging: Wijziging<PcProgramma> | undefined; nr: number; berekend: ReturnType<typeof useLaden<PcBerekendeWaarden>> }) {
  const { t, taal } = useTaal();
  const { bezig, fout, verzend } = useVerzenden();
  if (!berekend.data) return <Laadstatus fout={berekend.fout} />;
  const items = berekend.data.items.filter((i) => i.nr === nr && i.programma === programma.slug);
  const code = programma.hoofdstuk.indicatoren[nr - 1]?.code ?? '';
  if (items.length === 0) return <p className="utrecht-paragraph">{t('pc.berekendGeen')}</p>;
  const eenheid = (e: string | null) => (e === 'procent' ? '%' : e === 'werkdagen' ? ` ${t('pc.werkdagen')}` : '');
  const kanOvernemen = berekend.data.overnemen && wijziging !== undefined;
  return (
    <>
      {fout && <FoutSamenvatting fout={fout} />}
      {!berekend.data.overnemen && <p className="utrecht-paragraph">{t('pc.berekendAlleenConcept')}</p>}
      <KopTabel bijschrift={t('pc.berekendBijschrift', { code })} koppen={[t('pc.kolom'), t('pc.berekendGetypt'), t('pc.berekendWaarde'), ...(kanOvernemen ? [t('pc.acties')] : [])]}>
        {items.map((i) => (
          <tr key={i.kolom} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {i.kolom}
            </th>
            <td className="utrecht-table__cell">
              {i.huidig.tekst || '–'}
              {i.huidig.berekend && ` (${t('pc.berekendUitKpi')})`}
            </td>
            <td className="utrecht-table__cell">
              {i.status === 'bekend'
                ? `${getal(i.waarde, taal)}${eenheid(i.eenheid)} – ${i.teller === null ? t('pc.berekendAantal', { noemer: i.noemer }) : t('pc.berekendBreuk', { teller: i.teller, noemer: i.noemer })}${i.voorlopig ? ` (${t('pc.berekendVoorlopig')})` : ''}`
                : t('pc.berekendNietBekend', { reden: i.reden ?? '' })}
              <br />
              <small>{t('pc.berekendBron', { kpi: i.kpiNaam ?? i.kpi, van: i.periode.van, tot: i.periode.tot })}</small>
            </td>
            {kanOvernemen && (
              <td className="utrecht-table__cell">
                {i.overgenomen ? (
                  t('pc.berekendOvergenomen')
                ) : i.status === 'bekend' && !i.voorlopig ? (
                  <Knop
                    soort="secondary-action"
                    bezig={bezig}
                    onClick={() =>
                      void verzend(async () => {
                        await wijziging.stuur('post', `/indicatoren/${nr}/berekende-waarden`, { kolom: i.kolom }, t('pc.berekendOvergenomenMelding', { kolom: i.kolom }));
                        berekend.herlaad();
                      })
                    }
                  >
                    {t('pc.berekendOvernemen', { kolom: i.kolom })}
                  </Knop>
                ) : (
                  '–'
                )}
              </td>
            )}
          </tr>
        ))}
      </KopTabel>
    </>
  );
}

/** The section "Berekend uit Loket" of an indicator's page: the link (when the version can change) and the computed values. */
export function PcBerekend({ gemeente, id, nr, wijziging, programma }: { gemeente: SessieGemeente; id: string; nr: number; wijziging?: Wijziging<PcProgramma>; programma: PcProgramma }) {
  const berekend = useLaden<PcBerekendeWaarden>(`${apiVersie(gemeente, id)}/berekende-waarden`);
  return (
    <>
      {wijziging && <KpiKoppeling wijziging={wijziging} nr={nr} naHerlaad={berekend.herlaad} />}
      <BerekendeWaarden programma={programma} wijziging={wijziging} nr={nr} berekend={berekend} />
    </>
  );
}
