import { useState, type FormEvent } from 'react';
import { gemeentePad, type PcDocument, type PcVersie, type SessieGemeente } from '../../api.ts';
import { Formulier, HerlaadKnop, Knop, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Keuzelijst, kies } from '../../components/Velden.tsx';
import { VersieSectie, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { apiVersie, documentNaam, NieuweVersie, pcBasis, statusTekst, versieNaam } from './pc.gedeeld.tsx';

/** concept → aangeboden: offered to the council. */
function Aanbieden({ wijziging }: { wijziging: Wijziging<PcVersie> }) {
  const { t } = useTaal();
  const formulier = useFormulier({});
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={() => wijziging.stuur('patch', '', { status: 'aangeboden' }, t('pc.isAangeboden'))}
      knop={t('pc.markeerAangeboden')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={wijziging.herlaad} />}
    >
      <p className="utrecht-paragraph">{t('pc.aanbiedenUitleg')}</p>
    </Formulier>
  );
}

/** → vastgesteld, with the date of the council's decision (the server checks it: given, not in the future). */
function Vaststellen({ wijziging }: { wijziging: Wijziging<PcVersie> }) {
  const { t } = useTaal();
  const formulier = useFormulier({ vastgesteldOp: '' });
  const datum = formulier.waarden.vastgesteldOp;
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={() => wijziging.stuur('patch', '', { status: 'vastgesteld', ...(datum ? { vastgesteldOp: datum } : {}) }, t('pc.isVastgesteld'))}
      knop={t('pc.markeerVastgesteld')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={wijziging.herlaad} />}
    >
      <p className="utrecht-paragraph">{t('pc.vaststellenUitleg')}</p>
      <Veld type="date" label={t('pc.raadsbesluit')} uitleg={t('pc.raadsbesluitUitleg')} required {...formulier.tekst('vastgesteldOp')} />
    </Formulier>
  );
}

function Status({ wijziging }: { wijziging: Wijziging<PcVersie> }) {
  const { t, taal } = useTaal();
  const v = wijziging.data;
  if (v.status === 'vastgesteld') {
    return (
      <Melding soort="info" rol="none">
        <p className="utrecht-paragraph">{v.vastgesteldOp ? t('pc.alleenLezen', { datum: tijdstip(`${v.vastgesteldOp}T12:00:00Z`, taal, true) }) : t('pc.alleenLezenZonderDatum')}</p>
      </Melding>
    );
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('pc.statusNu', { status: t(`pc.status.${v.status}`) })}</p>
      {v.status === 'concept' && (
        <>
          <h3 className="utrecht-heading-3">{t('pc.aanbiedenKop')}</h3>
          <Aanbieden wijziging={wijziging} />
        </>
      )}
      <h3 className="utrecht-heading-3">{t('pc.vaststellenKop')}</h3>
      <Vaststellen wijziging={wijziging} />
    </>
  );
}

/** Choose another version of the same document to compare with (the previous one first). */
function Vergelijken({ gemeente, versie }: { gemeente: SessieGemeente; versie: PcVersie }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<{ items: PcDocument[] }>(`${gemeentePad(gemeente.code)}/pc-documenten?soort=${versie.soort}&jaar=${versie.jaar}`);
  const andere = (data?.items.find((d) => d.id === versie.documentId)?.versies ?? []).filter((v) => v.id !== versie.id).toSorted((a, b) => b.volgnummer - a.volgnummer);
  const standaard = andere.find((v) => v.volgnummer < versie.volgnummer) ?? andere[0];
  const [met, setMet] = useState<string>();
  if (!data) return <Laadstatus fout={fout} />;
  if (!standaard) return <p className="utrecht-paragraph">{t('pc.geenAndereVersie')}</p>;
  function vergelijk(event: FormEvent) {
    event.preventDefault();
    navigeer(`${pcBasis(gemeente)}/${versie.id}/vergelijking?met=${met ?? standaard?.id ?? ''}`);
  }
  return (
    <form className="loket-form" onSubmit={vergelijk}>
      <Keuzelijst id="vergelijk-met" label={t('pc.vergelijkMet')} value={met ?? standaard.id} onChange={kies(setMet)} opties={andere.map((v) => ({ waarde: v.id, label: versieNaam(t, v) }))} />
      <div>
        <Knop type="submit">{t('pc.vergelijk')}</Knop>
      </div>
    </form>
  );
}

/** One version of a P&C document: its programmes, its status (aangeboden, vastgesteld with the council date), a new version and a comparison. */
export function PcVersiePagina({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { bron, fout } = useVersieBron<PcVersie>(apiVersie(gemeente, id));
  const v = bron?.data;
  return (
    <Pagina titel={v ? `${documentNaam(t, v)}: ${t('pc.versieKort', { nummer: v.volgnummer, naam: v.naam })}` : t('pc.versie')} terug={{ naar: pcBasis(gemeente), tekst: t('pc.terugDocumenten') }}>
      {bron && v ? (
        <>
          <Gegevenslijst
            regels={[
              [t('pc.document'), documentNaam(t, v)],
              [t('pc.versie'), String(v.volgnummer)],
              [t('veld.naam'), v.naam],
              [t('veld.status'), statusTekst(t, taal, v)],
              [t('pc.gewijzigdOp'), tijdstip(v.gewijzigdOp, taal)],
            ]}
          />
          <Sectie titel={t('pc.programmas')}>
            {v.programmas.length === 0 ? (
              <p className="utrecht-paragraph">{t('pc.geenProgrammas')}</p>
            ) : (
              <ul className="utrecht-unordered-list">
                {v.programmas.map((p) => (
                  <li key={p.slug} className="utrecht-unordered-list__item">
                    <Link naar={`${pcBasis(gemeente)}/${v.id}/${encodeURIComponent(p.slug)}`}>{p.naam}</Link>
                  </li>
                ))}
              </ul>
            )}
          </Sectie>
          <VersieSectie bron={bron} naam="status" titel={t('veld.status')}>
            {(wijziging) => <Status wijziging={wijziging} />}
          </VersieSectie>
          <Sectie titel={t('pc.nieuweVersieKop')}>
            <p className="utrecht-paragraph">{t('pc.nieuweVersieIntro')}</p>
            <NieuweVersie gemeente={gemeente} versieId={v.id} />
          </Sectie>
          <Sectie titel={t('pc.vergelijkenKop')}>
            <Vergelijken gemeente={gemeente} versie={v} />
          </Sectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
