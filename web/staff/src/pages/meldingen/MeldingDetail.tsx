import { api, gemeentePad, type MeldingDetail as Detail, type SessieGemeente } from '../../api.ts';
import { Formulier, Keuzes, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tekstvak, Keuzelijst, koppel } from '../../components/Velden.tsx';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum } from '../zaken/teksten.tsx';
import { useMeldingKeuzes } from './Meldingen.tsx';

/** Forward to a partner: the category's partner by default, or one chosen by hand. */
function Doorzetten({ gemeente, melding, onKlaar }: { gemeente: SessieGemeente; melding: Detail; onKlaar(nieuw: Detail, tekst: string): void }) {
  const { t } = useTaal();
  const { partners } = useMeldingKeuzes(gemeente);
  const formulier = useFormulier({ partner: '', toelichting: '' });
  async function verstuur() {
    const { partner, toelichting } = formulier.waarden;
    const { data } = await api.post<Detail>(`${gemeentePad(gemeente.code)}/meldingen/${melding.zaakId}/doorzendingen`, { body: { ...(partner ? { partner } : {}), toelichting } });
    onKlaar(data, t('melding.doorgezet', { partner: data.partner?.naam ?? '' }));
  }
  return (
    <Formulier formulier={formulier} onVerstuur={verstuur} knop={t('melding.doorzetten')} velden={{ partner: 'partner', toelichting: 'toelichting' }}>
      <Keuzelijst id="partner" label={t('melding.partnerKiezen')} {...koppel(formulier, 'partner')} opties={[{ waarde: '', label: t('melding.partnerVanCategorie') }, ...partners.map((p) => ({ waarde: p.id, label: p.naam }))]} />
      <Tekstvak id="toelichting" label={t('melding.toelichtingPartner')} {...koppel(formulier, 'toelichting')} />
    </Formulier>
  );
}

interface Kandidaat {
  zaakId: string;
  identificatie: string;
  adres: string;
  afstandM: number;
}

/**
 * Merge duplicates into this melding (ADR 0074): open meldingen of the same category nearby; the
 * chosen ones are closed with a text that names this melding, and their reporters follow it.
 */
function Samenvoegen({ gemeente, melding, onKlaar }: { gemeente: SessieGemeente; melding: Detail; onKlaar(tekst: string): void }) {
  const { t } = useTaal();
  const kandidaten = useLaden<{ items: Kandidaat[] }>(`${gemeentePad(gemeente.code)}/meldingen/${melding.zaakId}/samenvoeg-kandidaten?straal=100`);
  const formulier = useFormulier<{ meldingen: string[]; toelichting: string }>({ meldingen: [], toelichting: '' });
  if (!kandidaten.data) return <Laadstatus fout={kandidaten.fout} />;
  const items = kandidaten.data.items;
  if (items.length === 0) return <p className="utrecht-paragraph">{t('melding.geenKandidaten')}</p>;
  async function verstuur() {
    const { meldingen, toelichting } = formulier.waarden;
    const { data } = await api.post<{ samengevoegd: { identificatie: string }[] }>(`${gemeentePad(gemeente.code)}/meldingen/${melding.zaakId}/samenvoegingen`, { body: { meldingen, toelichting } });
    formulier.zet('meldingen', []);
    kandidaten.herlaad();
    onKlaar(t('melding.samengevoegdMelding', { nummers: data.samengevoegd.map((d) => d.identificatie).join(', ') }));
  }
  return (
    <Formulier formulier={formulier} onVerstuur={verstuur} knop={t('melding.samenvoegen')} velden={{ meldingen: 'meldingen', 'meldingen.0': 'meldingen', toelichting: 'samenvoeg-toelichting' }}>
      <Keuzes
        {...formulier.keuzes('meldingen')}
        legenda={t('melding.kandidaten')}
        uitleg={t('melding.kandidatenUitleg')}
        opties={items.map((k) => ({ waarde: k.zaakId, label: t('melding.kandidaat', { nummer: k.identificatie, adres: k.adres || '–', afstand: k.afstandM }) }))}
      />
      <Tekstvak id="samenvoeg-toelichting" label={t('melding.toelichtingMelders')} {...koppel(formulier, 'toelichting')} />
    </Formulier>
  );
}

/** The team's decision on a reopen request after the reporter's "nee" (ADR 0074). */
function Heropenen({ gemeente, melding, verzoek, onKlaar }: { gemeente: SessieGemeente; melding: Detail; verzoek: string; onKlaar(tekst: string): void }) {
  const { t } = useTaal();
  const formulier = useFormulier({ besluit: '', reden: '' });
  async function verstuur() {
    const { besluit, reden } = formulier.waarden;
    await api.post(`${gemeentePad(gemeente.code)}/meldingen/${melding.zaakId}/heropenverzoeken/${verzoek}/besluiten`, { body: { besluit, reden } });
    onKlaar(t(besluit === 'accepteren' ? 'melding.heropend' : 'melding.heropenenAfgewezen'));
  }
  return (
    <Formulier formulier={formulier} onVerstuur={verstuur} knop={t('melding.besluitKnop')} velden={{ besluit: 'besluit', reden: 'reden' }}>
      <Keuzelijst
        id="besluit"
        label={t('melding.besluit')}
        {...koppel(formulier, 'besluit')}
        opties={[
          { waarde: '', label: t('melding.kiesBesluit') },
          { waarde: 'accepteren', label: t('melding.accepteren') },
          { waarde: 'afwijzen', label: t('melding.afwijzen') },
        ]}
      />
      <Tekstvak id="reden" label={t('melding.reden')} uitleg={t('melding.redenUitleg')} {...koppel(formulier, 'reden')} />
    </Formulier>
  );
}

/** One melding for the team: where it stands, its answers, what partners did, forwarding; its zaak for statuses and closing. */
export function MeldingDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { data, fout, zet, herlaad } = useLaden<Detail>(`${gemeentePad(gemeente.code)}/meldingen/${id}`);
  const { meld, meldingVoor } = useSectieMelding();
  if (!data) return <Pagina titel={t('melding.titel')}><Laadstatus fout={fout} /></Pagina>;
  const m = data;
  const doorzetten = heeftRecht(gemeente.rollen, 'meldingenDoorzetten') && m.afgeslotenOp === null;
  const samenvoegen = heeftRecht(gemeente.rollen, 'meldingenSamenvoegen');
  const verzoek = m.heropenverzoek;
  return (
    <Pagina titel={t('melding.titelMet', { nummer: m.identificatie })} terug={{ naar: `/${gemeente.code}/meldingen`, tekst: t('melding.terug') }}>
      <Gegevenslijst
        regels={[
          [t('meldingen.categorie'), m.categorie.naam[taal] || m.categorie.naam.nl],
          [t('meldingen.statusLabel'), t(`meldingen.status.${m.status}`)],
          [t('melding.tekstMelder'), m.statusTekst[taal] || m.statusTekst.nl],
          [t('meldingen.plek'), m.adres || (m.lat !== null && m.lon !== null ? `${m.lat.toFixed(5)}, ${m.lon.toFixed(5)}` : '')],
          [t('meldingen.uiterlijk'), datum(m.uiterlijkeEinddatum, taal)],
          [t('meldingen.partner'), m.partner ? `${m.partner.naam}${m.partner.status ? ` (${t(`partner.status.${m.partner.status}`)})` : ''}` : t('geen')],
          ...Object.entries(m.antwoorden).map(([vraag, antwoord]): [string, string] => [vraag, antwoord]),
        ]}
      />
      {m.samengevoegdIn && (
        <p className="utrecht-paragraph">
          {t('melding.samengevoegdIn')} <Link naar={`/${gemeente.code}/meldingen/${m.samengevoegdIn.zaakId}`}>{m.samengevoegdIn.identificatie}</Link>
        </p>
      )}
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaken/${m.zaakId}`}>{t('melding.naarZaak')}</Link>
      </p>
      {verzoek && (
        <Sectie titel={t('melding.heropenverzoek')} melding={meldingVoor('heropenen')}>
          <p className="utrecht-paragraph">{t(`melding.verzoekStatus.${verzoek.status}`, { datum: new Date(verzoek.aangevraagdOp).toLocaleString(taal), reden: verzoek.reden })}</p>
          {verzoek.status === 'open' && samenvoegen && <Heropenen gemeente={gemeente} melding={m} verzoek={verzoek.id} onKlaar={(tekst) => { herlaad(); meld('heropenen', tekst); }} />}
        </Sectie>
      )}
      <Sectie titel={t('melding.dubbelen')} melding={meldingVoor('dubbelen')}>
        {m.samengevoegd.length > 0 && (
          <ul className="utrecht-unordered-list">
            {m.samengevoegd.map((s) => (
              <li key={s.zaakId} className="utrecht-unordered-list__item">
                <Link naar={`/${gemeente.code}/meldingen/${s.zaakId}`}>{s.identificatie}</Link> — {t('melding.samengevoegdOp', { datum: new Date(s.op).toLocaleString(taal), naam: s.doorNaam ?? '' })}
              </li>
            ))}
          </ul>
        )}
        {samenvoegen && m.afgeslotenOp === null ? (
          <Samenvoegen gemeente={gemeente} melding={m} onKlaar={(tekst) => { herlaad(); meld('dubbelen', tekst); }} />
        ) : (
          m.samengevoegd.length === 0 && <p className="utrecht-paragraph">{t('melding.geenDubbelen')}</p>
        )}
      </Sectie>
      <Sectie titel={t('melding.partners')} melding={meldingVoor('partners')}>
        {m.partnergeschiedenis.length === 0 ? (
          <p className="utrecht-paragraph">{t('melding.nogNietDoorgezet')}</p>
        ) : (
          <ol className="utrecht-ordered-list">
            {m.partnergeschiedenis.map((g) => (
              <li key={g.volgnummer} className="utrecht-ordered-list__item">
                {t(`melding.gebeurtenis.${g.soort}`, { partner: g.partnerNaam, status: g.status ? t(`partner.status.${g.status}`) : '' })} — {new Date(g.op).toLocaleString(taal)}
                {g.doorNaam ? `, ${g.doorNaam}` : ''}
                {g.toelichting ? `: ${g.toelichting}` : ''}
              </li>
            ))}
          </ol>
        )}
        {doorzetten && <Doorzetten gemeente={gemeente} melding={m} onKlaar={(nieuw, tekst) => { zet({ data: nieuw, etag: undefined }); meld('partners', tekst); }} />}
      </Sectie>
    </Pagina>
  );
}
