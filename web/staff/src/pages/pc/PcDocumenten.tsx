import { useState } from 'react';
import { ApiError, api, gemeentePad, type PcDocument, type PcVersie, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, kies, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { documentNaam, invoerFout, pcBasis, statusTekst } from './pc.gedeeld.tsx';

const SOORTEN = ['', 'programmabegroting', 'voorjaarsnota', 'jaarstukken'] as const;

/**
 * Import one chapter as JSON (what `loket pc import` prints): it becomes a new concept version of
 * its document. The server's problems name a place in the chapter; they are shown with it.
 */
function Importeren({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ soort: '' as (typeof SOORTEN)[number] });
  const [bestand, setBestand] = useState<File>();
  async function importeer() {
    if (!bestand) throw invoerFout([{ name: 'bestand', reason: t('pc.kiesBestand') }]);
    let hoofdstuk: unknown;
    try {
      hoofdstuk = JSON.parse(await bestand.text());
    } catch {
      throw invoerFout([{ name: 'bestand', reason: t('pc.geenJson', { bestand: bestand.name }) }]);
    }
    const soort = formulier.waarden.soort;
    try {
      const { data } = await api.post<PcVersie>(`${gemeentePad(gemeente.code)}/pc-hoofdstukken${soort ? `?soort=${soort}` : ''}`, { body: hoofdstuk });
      navigeer(`${pcBasis(gemeente)}/${data.id}`, { melding: t('pc.geimporteerd', { nummer: data.volgnummer, document: documentNaam(t, data) }) });
    } catch (error) {
      throw aanVeld(error, 'bestand');
    }
  }
  return (
    <Formulier formulier={formulier} onVerstuur={importeer} knop={t('pc.importeren')} velden={{ bestand: 'bestand', 'query.soort': 'soort' }}>
      <Veld
        id="bestand"
        type="file"
        accept="application/json,.json"
        label={t('pc.bestand')}
        uitleg={t('pc.bestandUitleg')}
        onChange={(e) => setBestand(e.target.files?.[0])}
        fout={formulier.fout?.problem.invalidParams?.filter((p) => p.name === 'bestand').map((p) => p.reason).join(' ') || undefined}
      />
      <Keuzelijst
        id="soort"
        label={t('pc.documentsoort')}
        value={formulier.waarden.soort}
        onChange={kies((soort: typeof formulier.waarden.soort) => formulier.zet('soort', soort))}
        opties={SOORTEN.map((s) => ({ waarde: s, label: s ? t(`pc.soort.${s}`) : t('pc.soortUitHoofdstuk') }))}
      />
    </Formulier>
  );
}

/** Problems inside a chapter, at one field, each with its place ("indicatoren.2.naam: …"); problems of the query stay as they are. */
function aanVeld(error: unknown, veld: string): unknown {
  const params = error instanceof ApiError ? (error.problem.invalidParams ?? []) : [];
  if (params.every((p) => p.name.startsWith('query'))) return error;
  return invoerFout(params.map((p) => ({ name: veld, reason: p.name === veld ? p.reason : `${p.name}: ${p.reason}` })));
}

/**
 * Import one chapter from its plain text (pasted, or a .txt file): the server reads it with the
 * importer; a text that is not a chapter is named by its line.
 */
function TekstImporteren({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ tekst: '' });
  const [bestand, setBestand] = useState<File>();
  async function importeer() {
    const tekst = formulier.waarden.tekst.trim() ? formulier.waarden.tekst : await bestand?.text();
    if (!tekst?.trim()) throw invoerFout([{ name: 'tekst', reason: t('pc.kiesTekst') }]);
    try {
      const { data } = await api.post<PcVersie>(`${gemeentePad(gemeente.code)}/pc-hoofdstukken`, { tekst });
      navigeer(`${pcBasis(gemeente)}/${data.id}`, { melding: t('pc.geimporteerd', { nummer: data.volgnummer, document: documentNaam(t, data) }) });
    } catch (error) {
      throw aanVeld(error, 'tekst');
    }
  }
  const fout = formulier.fout?.problem.invalidParams?.filter((p) => p.name === 'tekst').map((p) => p.reason).join(' ') || undefined;
  return (
    <Formulier formulier={formulier} onVerstuur={importeer} knop={t('pc.tekstImporteren')} velden={{ tekst: 'tekst' }}>
      <Tekstvak id="tekst" rows={8} label={t('pc.tekst')} uitleg={t('pc.tekstUitleg')} value={formulier.waarden.tekst} onChange={(e) => formulier.zet('tekst', e.target.value)} fout={fout} />
      <Veld id="tekstbestand" type="file" accept="text/plain,.txt" label={t('pc.tekstBestand')} uitleg={t('pc.tekstBestandUitleg')} onChange={(e) => setBestand(e.target.files?.[0])} />
    </Formulier>
  );
}

/** The gemeente's P&C documents (programmabegroting, voorjaarsnota, jaarstukken per year), each with its versions. */
export function PcDocumenten({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<{ items: PcDocument[] }>(`${gemeentePad(gemeente.code)}/pc-documenten`);
  return (
    <Pagina titel={t('pc.titel')}>
      <p className="utrecht-paragraph">{t('pc.uitleg')}</p>
      {!data ? (
        <Laadstatus fout={fout} />
      ) : data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('pc.geenDocumenten')}</p>
      ) : (
        data.items.map((document) => (
          <Sectie key={document.id} titel={documentNaam(t, document)}>
            <Tabel
              bijschrift={t('pc.versiesVan', { document: documentNaam(t, document) })}
              leeg={t('pc.geenVersies')}
              rijen={document.versies}
              kolommen={[
                { kop: t('pc.versie'), render: (v) => <Link naar={`${pcBasis(gemeente)}/${v.id}`}>{t('pc.versieKort', { nummer: v.volgnummer, naam: v.naam })}</Link> },
                { kop: t('veld.status'), render: (v) => statusTekst(t, taal, v) },
                { kop: t('pc.gewijzigdOp'), render: (v) => tijdstip(v.gewijzigdOp, taal) },
              ]}
            />
          </Sectie>
        ))
      )}
      <Sectie titel={t('pc.importerenKop')}>
        <p className="utrecht-paragraph">{t('pc.importerenUitleg')}</p>
        <Importeren gemeente={gemeente} />
      </Sectie>
      <Sectie titel={t('pc.tekstImporterenKop')}>
        <p className="utrecht-paragraph">{t('pc.tekstImporterenUitleg')}</p>
        <TekstImporteren gemeente={gemeente} />
      </Sectie>
    </Pagina>
  );
}
