import { useState } from 'react';
import { ApiError, api, gemeentePad, type PartnerMeldingDetail, type PartnerMeldingRegel, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tabel, type Kolom } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum } from '../zaken/teksten.tsx';

const PARTNER_STATUSSEN = ['ingepland', 'in-behandeling', 'gereed', 'niet-mogelijk'] as const;
type PartnerStatus = (typeof PARTNER_STATUSSEN)[number];

/** For an external partner: the meldingen routed to its organisation now, and nothing else (ADR 0056). */
export function PartnerMeldingen({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<{ items: PartnerMeldingRegel[] }>(`${gemeentePad(gemeente.code)}/partner-meldingen`);
  const kolommen: Kolom<PartnerMeldingRegel & { id: string }>[] = [
    { kop: t('meldingen.nummer'), render: (m) => <Link naar={`/${gemeente.code}/partner-meldingen/${m.zaakId}`}>{m.identificatie}</Link> },
    { kop: t('meldingen.categorie'), render: (m) => m.categorie.naam[taal] || m.categorie.naam.nl },
    { kop: t('meldingen.plek'), render: (m) => m.adres || (m.lat !== null && m.lon !== null ? `${m.lat.toFixed(5)}, ${m.lon.toFixed(5)}` : '') },
    { kop: t('partner.uwStatus'), render: (m) => (m.afgehandeld ? t('partner.afgehandeld') : m.partnerStatus ? t(`partner.status.${m.partnerStatus}`) : t('partner.nieuw')) },
    { kop: t('meldingen.uiterlijk'), render: (m) => datum(m.uiterlijkeEinddatum, taal) },
  ];
  return (
    <Pagina titel={t('partner.titel')}>
      <p className="utrecht-paragraph">{t('partner.uitleg')}</p>
      {data ? <Tabel bijschrift={t('partner.bijschrift', { gemeente: gemeente.naam })} leeg={t('partner.leeg')} kolommen={kolommen} rijen={data.items.map((m) => ({ ...m, id: m.zaakId }))} /> : <Laadstatus fout={fout} />}
    </Pagina>
  );
}

/** One melding for the partner: what the work needs (never the reporter), its status and an "after" photo. */
export function PartnerMelding({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/partner-meldingen/${id}`;
  const { data, fout, zet } = useLaden<PartnerMeldingDetail>(pad);
  const { meld, meldingVoor } = useSectieMelding();
  const status = useFormulier({ status: '' as PartnerStatus | '', toelichting: '' });
  const foto = useFormulier({});
  const [bestand, setBestand] = useState<File>();
  if (!data) return <Pagina titel={t('partner.melding')}><Laadstatus fout={fout} /></Pagina>;
  const m = data;

  async function zetStatus() {
    const { data: nieuw } = await api.post<PartnerMeldingDetail>(`${pad}/statussen`, { body: status.waarden });
    zet({ data: nieuw, etag: undefined });
    meld('status', t('partner.statusGezet', { status: nieuw.partnerStatus ? t(`partner.status.${nieuw.partnerStatus}`) : '' }));
  }
  async function voegFotoToe() {
    if (!bestand) throw new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: 'foto', code: 'geen-bestand', reason: t('partner.kiesFoto') }] });
    const { data: nieuw } = await api.post<PartnerMeldingDetail>(`${pad}/fotos`, { body: bestand });
    zet({ data: nieuw, etag: undefined });
    meld('foto', t('partner.fotoToegevoegd'));
  }

  return (
    <Pagina titel={t('partner.meldingMet', { nummer: m.identificatie })} terug={{ naar: `/${gemeente.code}/partner-meldingen`, tekst: t('partner.terug') }}>
      <Gegevenslijst
        regels={[
          [t('meldingen.categorie'), m.categorie.naam[taal] || m.categorie.naam.nl],
          [t('partner.omschrijving'), m.omschrijving],
          [t('meldingen.plek'), m.adres || (m.lat !== null && m.lon !== null ? `${m.lat.toFixed(5)}, ${m.lon.toFixed(5)}` : '')],
          [t('meldingen.uiterlijk'), datum(m.uiterlijkeEinddatum, taal)],
          [t('partner.uwStatus'), m.afgehandeld ? t('partner.afgehandeld') : m.partnerStatus ? t(`partner.status.${m.partnerStatus}`) : t('partner.nieuw')],
          ...Object.entries(m.antwoorden).map(([vraag, antwoord]): [string, string] => [vraag, antwoord]),
        ]}
      />
      <Sectie titel={t('partner.geschiedenis')}>
        <ol className="utrecht-ordered-list">
          {m.geschiedenis.map((g) => (
            <li key={g.volgnummer} className="utrecht-ordered-list__item">
              {t(`partner.gebeurtenis.${g.soort}`, { status: g.status ? t(`partner.status.${g.status}`) : '' })} — {new Date(g.op).toLocaleString(taal)}
              {g.toelichting ? `: ${g.toelichting}` : ''}
            </li>
          ))}
        </ol>
      </Sectie>
      {!m.afgehandeld && (
        <>
          <Sectie titel={t('partner.statusDoorgeven')} melding={meldingVoor('status')}>
            <Formulier formulier={status} onVerstuur={zetStatus} knop={t('partner.statusKnop')} velden={{ status: 'status', toelichting: 'toelichting' }}>
              <Keuzelijst id="status" label={t('partner.nieuweStatus')} {...koppel(status, 'status')} opties={[{ waarde: '', label: t('partner.kies') }, ...PARTNER_STATUSSEN.map((s) => ({ waarde: s, label: t(`partner.status.${s}`) }))]} />
              <Tekstvak id="toelichting" label={t('partner.toelichting')} {...koppel(status, 'toelichting')} />
            </Formulier>
          </Sectie>
          <Sectie titel={t('partner.foto')} melding={meldingVoor('foto')}>
            <Formulier formulier={foto} onVerstuur={voegFotoToe} knop={t('partner.fotoKnop')} velden={{ foto: 'foto' }}>
              <Veld id="foto" type="file" label={t('partner.fotoBestand')} uitleg={t('partner.fotoUitleg')} accept="image/jpeg,image/png,image/webp" capture="environment" onChange={(e) => setBestand(e.target.files?.[0])} fout={foto.fout?.veld('foto')} />
            </Formulier>
          </Sectie>
        </>
      )}
    </Pagina>
  );
}
