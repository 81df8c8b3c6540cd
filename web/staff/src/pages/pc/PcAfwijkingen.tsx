import { useState, type FormEvent } from 'react';
import { type ApiError, type PcAfwijkingen as Afwijkingen, type PcProgramma, type SessieGemeente } from '../../api.ts';
import { FoutSamenvatting, Knop, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tekstvak } from '../../components/Velden.tsx';
import { VersieSectie, WijzigFormulier, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { navigeer } from '../../router.tsx';
import { apiProgramma, euro, getal, invoerFout, leesGetal, pcBasis, veldenVan, veldFout } from './pc.gedeeld.tsx';

type Afwijking = Afwijkingen['items'][number];
const sleutel = (a: Afwijking): string => `toelichting-${a.soort}-${a.nr}`;
/** Errors of the thresholds come as "query.drempelBedrag". */
const QUERY = /^query\./;

/** The thresholds: an amount in euro and a percentage; the page's address keeps them. */
function Drempels({ zoek, hier, laadfout }: { zoek: URLSearchParams; hier: string; laadfout: ApiError | undefined }) {
  const { t, taal } = useTaal();
  const [waarden, setWaarden] = useState({ drempelBedrag: zoek.get('drempelBedrag') ?? '100000', drempelProcent: zoek.get('drempelProcent') ?? '10' });
  const [eigenFout, setEigenFout] = useState<ApiError | null>(null);
  const fout = eigenFout ?? (laadfout?.status === 400 ? laadfout : null);
  function toon(event: FormEvent) {
    event.preventDefault();
    const bedrag = leesGetal(waarden.drempelBedrag, taal);
    const procent = leesGetal(waarden.drempelProcent, taal);
    const fouten = [
      ...(typeof bedrag === 'number' ? [] : [{ name: 'query.drempelBedrag', reason: t('pc.drempelBedragFout') }]),
      ...(typeof procent === 'number' ? [] : [{ name: 'query.drempelProcent', reason: t('pc.drempelProcentFout') }]),
    ];
    if (fouten.length) {
      setEigenFout(invoerFout(fouten));
      return;
    }
    setEigenFout(null);
    navigeer(`${hier}?drempelBedrag=${bedrag}&drempelProcent=${procent}`);
  }
  return (
    <form className="loket-form" onSubmit={toon} noValidate>
      <FoutSamenvatting fout={fout} velden={veldenVan(fout, QUERY)} />
      {(['drempelBedrag', 'drempelProcent'] as const).map((naam) => (
        <Veld
          key={naam}
          id={naam}
          label={t(`pc.${naam}`)}
          uitleg={t(`pc.${naam}Uitleg`)}
          inputMode="decimal"
          autoComplete="off"
          value={waarden[naam]}
          onChange={(e) => setWaarden({ ...waarden, [naam]: e.target.value })}
          fout={veldFout(fout, naam, QUERY)}
        />
      ))}
      <div>
        <Knop type="submit">{t('pc.drempelsToepassen')}</Knop>
      </div>
    </form>
  );
}

function bedragOfGetal(a: Afwijking, n: number | null, taal: string, teken = false): string {
  if (a.soort !== 'financien') return getal(n, taal, teken);
  if (n === null) return '–';
  return teken && n > 0 ? `+${euro(n, taal)}` : euro(n, taal);
}

function AfwijkingTabel({ lijst, bewerkbaar }: { lijst: Afwijkingen; bewerkbaar: boolean }) {
  const { t, taal } = useTaal();
  if (lijst.items.length === 0) return <p className="utrecht-paragraph">{t('pc.geenAfwijkingen')}</p>;
  const koppen = [t('pc.onderdeel'), t('pc.soortAfwijking'), t('pc.begroting'), t('pc.realisatie'), t('pc.verschil'), t('pc.procent'), t('pc.toelichting')];
  return (
    <KopTabel bijschrift={t('pc.afwijkingenBijschrift', { bedrag: euro(lijst.drempelBedrag, taal), procent: getal(lijst.drempelProcent, taal) })} koppen={koppen}>
          {lijst.items.map((a) => (
            <tr key={sleutel(a)} className={`utrecht-table__row${a.verklaard ? '' : ' loket-onverklaard'}`}>
              <th scope="row" className="utrecht-table__header-cell">
                {a.naam}
              </th>
              <td className="utrecht-table__cell">{t(`pc.afwijkingSoort.${a.soort}`)}</td>
              <td className="utrecht-table__cell loket-getal">{bedragOfGetal(a, a.begroting, taal)}</td>
              <td className="utrecht-table__cell loket-getal">{bedragOfGetal(a, a.realisatie, taal)}</td>
              <td className="utrecht-table__cell loket-getal">{bedragOfGetal(a, a.verschil, taal, true)}</td>
              <td className="utrecht-table__cell loket-getal">{a.procent === null ? '–' : `${getal(a.procent, taal)}%`}</td>
              <td className="utrecht-table__cell">
                {a.verklaard ? (
                  a.toelichting
                ) : (
                  <>
                    <strong>{t('pc.geenToelichting')}</strong>
                    {bewerkbaar && (
                      <>
                        {' '}
                        <a className="utrecht-link utrecht-link--html-a" href={`#${sleutel(a)}`}>
                          {t('pc.toelichtingToevoegen')}
                        </a>
                      </>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </KopTabel>
  );
}

/** The explanation of one deviation, saved on its finance row or indicator (If-Match). */
function Toelichting({ wijziging, afwijking, opgeslagen }: { wijziging: Wijziging<PcProgramma>; afwijking: Afwijking; opgeslagen(): void }) {
  const { t } = useTaal();
  const id = sleutel(afwijking);
  const formulier = useFormulier({ toelichting: afwijking.toelichting ?? '' });
  const { waarden, zet, fout } = formulier;
  const deel = `/${afwijking.soort === 'financien' ? 'financien' : 'indicatoren'}/${afwijking.nr}`;
  return (
    <WijzigFormulier
      wijziging={{
        ...wijziging,
        stuur: async (methode, pad, body) => {
          await wijziging.stuur(methode, pad, body, t('pc.toelichtingOpgeslagen', { naam: afwijking.naam }));
          opgeslagen();
        },
      }}
      formulier={formulier}
      methode="patch"
      deel={deel}
      knop={t('pc.toelichtingOpslaan', { naam: afwijking.naam })}
      velden={{ toelichting: id }}
      body={(w) => ({ toelichting: w.toelichting.trim() || null })}
    >
      <Tekstvak id={id} rows={3} label={t('pc.toelichtingBij', { naam: afwijking.naam })} value={waarden.toelichting} onChange={(e) => zet('toelichting', e.target.value)} fout={veldFout(fout, 'toelichting')} />
    </WijzigFormulier>
  );
}

/**
 * Deviations of a chapter's realisation from its budget above the thresholds (default € 100.000
 * or 10%); those without an explanation stand out (in words and colour) and can get one here.
 */
export function PcAfwijkingen({ gemeente, id, slug, zoek }: { gemeente: SessieGemeente; id: string; slug: string; zoek: URLSearchParams }) {
  const { t } = useTaal();
  const pad = apiProgramma(gemeente, id, slug);
  const hoofdstuk = `${pcBasis(gemeente)}/${id}/${encodeURIComponent(slug)}`;
  const query = new URLSearchParams([...zoek].filter(([k]) => k === 'drempelBedrag' || k === 'drempelProcent')).toString();
  const { bron, fout } = useVersieBron<PcProgramma>(pad);
  const afwijkingen = useLaden<Afwijkingen>(`${pad}/afwijkingen${query ? `?${query}` : ''}`);
  const lijst = afwijkingen.data;
  const p = bron?.data;
  return (
    <Pagina titel={t('pc.afwijkingenTitel', { programma: p?.hoofdstuk.programma ?? '' })} terug={{ naar: hoofdstuk, tekst: t('pc.terugProgramma', { programma: p?.hoofdstuk.programma ?? '' }) }}>
      <p className="utrecht-paragraph">{t('pc.afwijkingenUitleg')}</p>
      <Drempels zoek={zoek} hier={`${hoofdstuk}/afwijkingen`} laadfout={afwijkingen.fout} />
      {bron && p && lijst ? (
        <>
          <Sectie titel={t('pc.afwijkingenKop')}>
            {lijst.items.length > 0 && (
              <Melding soort={lijst.onverklaard ? 'warning' : 'ok'} rol="none">
                <p className="utrecht-paragraph">{t('pc.afwijkingenTelling', { count: lijst.items.length, onverklaard: lijst.onverklaard })}</p>
              </Melding>
            )}
            <AfwijkingTabel lijst={lijst} bewerkbaar={p.bewerkbaar} />
          </Sectie>
          {lijst.items.length > 0 &&
            (p.bewerkbaar ? (
              <VersieSectie bron={bron} naam="toelichtingen" titel={t('pc.toelichtingenKop')}>
                {(wijziging) =>
                  lijst.items.map((a) => (
                    <Toelichting key={sleutel(a)} wijziging={wijziging} afwijking={a} opgeslagen={afwijkingen.herlaad} />
                  ))
                }
              </VersieSectie>
            ) : (
              <Melding soort="info" rol="none">
                <p className="utrecht-paragraph">{t('pc.alleenLezenUitleg')}</p>
              </Melding>
            ))}
        </>
      ) : afwijkingen.fout?.status === 400 ? null : (
        <Laadstatus fout={fout ?? afwijkingen.fout} />
      )}
    </Pagina>
  );
}
