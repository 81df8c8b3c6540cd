import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import {
  ApiError,
  KLANTCONTACT_KANALEN,
  KLANTCONTACT_UITKOMSTEN,
  api,
  gemeentePad,
  veldnaam,
  veldpad,
  type Contactverzoek,
  type GeregistreerdKlantcontact,
  type KlantcontactKanaal,
  type KlantcontactUitkomst,
  type KennisOnderwerpen,
  type SessieGemeente,
  type Werkvoorraad,
} from '../../api.ts';
import { Adresvelden, adresFoutVelden, adresInBody, huisnummerDelen } from '../../components/Adresvelden.tsx';
import { FoutSamenvatting, Knop, Toelichting, Veld, Vinkje, beschrijving, klassen, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { useLaden } from '../../laden.tsx';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { Link } from '../../router.tsx';
import { datum, useTeams } from '../zaken/teksten.tsx';
import { useZaaktypen } from '../zaken/Werkvoorraad.tsx';
import { KennisPaneel } from './KennisPaneel.tsx';
import { downloadPdf } from './pdf.ts';

type Waarden = {
  kanaal: KlantcontactKanaal;
  onderwerp: string;
  vraag: string;
  antwoord: string;
  uitkomst: KlantcontactUitkomst | '';
  naam: string;
  email: string;
  telefoon: string;
  zaakMaken: boolean;
  zaaktype: string;
  taal: 'nl' | 'en';
  postcode: string;
  huisnummer: string;
  verzoekMaken: boolean;
  verzoekTeam: string;
  toelichting: string;
  bevestiging: boolean;
};

const LEEG: Waarden = {
  kanaal: 'telefoon',
  onderwerp: '',
  vraag: '',
  antwoord: '',
  uitkomst: '',
  naam: '',
  email: '',
  telefoon: '',
  zaakMaken: false,
  zaaktype: '',
  taal: 'nl',
  postcode: '',
  huisnummer: '',
  verzoekMaken: false,
  verzoekTeam: '',
  toelichting: '',
  bevestiging: false,
};

/** invalidParams of both requests → the field they are about. */
const VELDEN: Record<string, string> = {
  kanaal: 'kanaal',
  onderwerp: 'onderwerp',
  vraag: 'vraag',
  antwoord: 'antwoord',
  uitkomst: 'uitkomst',
  persoon: 'persoon-naam',
  'persoon.naam': 'persoon-naam',
  'persoon.email': 'persoon-email',
  'persoon.telefoon': 'persoon-telefoon',
  zaken: 'zaken-zoek',
  zaak: 'zaaktype',
  'zaak.zaaktype': 'zaaktype',
  'zaak.taal': 'taal',
  ...adresFoutVelden('zaak.adres', 'zaak'),
  'verzoek.team': 'verzoek-team',
  'verzoek.medewerker': 'verzoek-team',
  'verzoek.toelichting': 'verzoek-toelichting',
};

/** The fields of a contactverzoek that the klantcontact does not have: their errors are named verzoek.… */
const ALLEEN_VERZOEK = new Set(['team', 'medewerker', 'toelichting', 'bevestiging', 'taal']);

function alsVerzoekFout(fout: ApiError): ApiError {
  const params = fout.problem.invalidParams?.map((p) => (ALLEEN_VERZOEK.has(veldnaam(p.name)) ? { ...p, name: `verzoek.${veldpad(p.name)}` } : p));
  return new ApiError({ ...fout.problem, ...(params ? { invalidParams: params } : {}) }, fout.wachtSeconden);
}

interface Gekoppeld {
  id: string;
  identificatie: string;
  onderwerp: string;
}

interface Uitslag {
  contact: GeregistreerdKlantcontact;
  verzoek: Contactverzoek | null;
  email: boolean;
}

const focus = (id: string) => document.getElementById(id)?.focus();

/** The shortcuts of the screen (also shown on it): key, what it does. */
const SNELTOETSEN = [
  ['Alt+K', 'kcc.toets.kennisbank'],
  ['Alt+O', 'kcc.toets.onderwerp'],
  ['Alt+U', 'kcc.toets.uitkomst'],
  ['Alt+Z', 'kcc.toets.zaken'],
  ['Ctrl+Enter', 'kcc.toets.registreren'],
  ['Alt+N', 'kcc.toets.nieuw'],
  ['Esc', 'kcc.toets.terug'],
] as const;

/** The outcome group's radios; the first carries the id the error summary links to. */
function Uitkomsten({ waarde, onChange, fout }: { waarde: KlantcontactUitkomst | ''; onChange(w: KlantcontactUitkomst): void; fout: string | undefined }) {
  const { t } = useTaal();
  return (
    <fieldset
      className={klassen('utrecht-form-fieldset utrecht-form-fieldset--html-fieldset', fout && 'utrecht-form-fieldset--invalid')}
      aria-describedby={beschrijving('uitkomst', true, fout)}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kcc.uitkomst')}</legend>
      <Toelichting id="uitkomst" uitleg={t('kcc.uitkomstUitleg')} fout={fout} inVeld={false} />
      <div className="loket-keuzes-rij">
        {KLANTCONTACT_UITKOMSTEN.map((u, index) => (
          <div key={u} className="utrecht-form-field utrecht-form-field--radio">
            <input
              id={index === 0 ? 'uitkomst' : `uitkomst-${u}`}
              type="radio"
              name="uitkomst"
              value={u}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={waarde === u}
              onChange={() => onChange(u)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={index === 0 ? 'uitkomst' : `uitkomst-${u}`}>
              {t(`uitkomst.${u}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * What the caller search field holds, as the query of the search: an e-mail address (with @), a
 * postcode followed by a house number (`1111 AB 12a`), else a zaak number.
 */
function zoekVraag(term: string): URLSearchParams {
  if (term.includes('@')) return new URLSearchParams({ email: term });
  const adres = /^([1-9][0-9]{3}\s?[a-z]{2})(?![a-z])[\s,]*(.*)$/i.exec(term);
  if (!adres) return new URLSearchParams({ zaaknummer: term });
  const nummer = adres[2]?.trim() ? huisnummerDelen(adres[2]) : {};
  return new URLSearchParams({ postcode: adres[1] ?? '', ...nummer });
}

/** Find a caller's zaken by zaak number, e-mail address or postcode and house number, and link them to the contact. */
function ZakenKoppelen({ gemeente, gekoppeld, onChange, fout }: { gemeente: SessieGemeente; gekoppeld: Gekoppeld[]; onChange(z: Gekoppeld[]): void; fout: string | undefined }) {
  const { t } = useTaal();
  const [zoekterm, setZoekterm] = useState('');
  const [gevonden, setGevonden] = useState<Werkvoorraad['items']>();
  const [zoekFout, setZoekFout] = useState<string>();
  async function zoek() {
    const term = zoekterm.trim();
    if (!term) return;
    setZoekFout(undefined);
    const vraag = zoekVraag(term);
    vraag.set('pageSize', '10');
    try {
      const { data } = await api.get<Werkvoorraad>(`${gemeentePad(gemeente.code)}/klantcontacten/zoek-zaken?${vraag.toString()}`);
      setGevonden(data.items);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setGevonden(undefined);
      // Every error of the search in one line: an address can have two (postcode and house number).
      const fouten = ['zaaknummer', 'email', 'postcode', 'huisnummer', 'huisnummerToevoeging'].flatMap((v) => error.veldPad(`query.${v}`) ?? []);
      setZoekFout(fouten.length > 0 ? fouten.join(' ') : (error.problem.detail ?? error.problem.title));
    }
  }
  function toets(event: ReactKeyboardEvent<HTMLInputElement>) {
    // Enter searches here; it does not register the contact.
    if (event.key === 'Enter') {
      event.preventDefault();
      void zoek();
    }
  }
  const wissel = (z: Gekoppeld, aan: boolean) => onChange(aan ? [...gekoppeld, z] : gekoppeld.filter((g) => g.id !== z.id));
  const kandidaten = [...gekoppeld, ...(gevonden ?? []).filter((z) => !gekoppeld.some((g) => g.id === z.id))];
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kcc.zaken')}</legend>
      <div className="loket-inline-form loket-inline-form--onder">
        <Veld id="zaken-zoek" type="search" label={t('kcc.zakenZoek')} uitleg={t('kcc.zakenZoekUitleg')} autoComplete="off" value={zoekterm} onChange={(e) => setZoekterm(e.target.value)} onKeyDown={toets} fout={zoekFout ?? fout} />
        <Knop soort="secondary-action" onClick={() => void zoek()}>
          {t('kcc.zakenZoekKnop')}
        </Knop>
      </div>
      <p className="utrecht-paragraph" aria-live="polite">
        {gevonden ? t('kcc.zakenGevonden', { count: gevonden.length }) : ''}
      </p>
      {kandidaten.map((z) => (
        <Vinkje
          key={z.id}
          id={`zaak-${z.id}`}
          label={t('kcc.zaakKoppelen', { zaak: z.identificatie, onderwerp: z.onderwerp })}
          checked={gekoppeld.some((g) => g.id === z.id)}
          onChange={(e) => wissel({ id: z.id, identificatie: z.identificatie, onderwerp: z.onderwerp }, e.target.checked)}
        />
      ))}
    </fieldset>
  );
}

/** After registering: what was stored, the tracking code and letter of a new zaak, the callback request. */
function Vastgelegd({ uitslag, gemeente, onNieuw }: { uitslag: Uitslag; gemeente: SessieGemeente; onNieuw(): void }) {
  const { t, taal } = useTaal();
  const kop = useRef<HTMLHeadingElement>(null);
  const [briefFout, setBriefFout] = useState<string>();
  const [briefGemaakt, setBriefGemaakt] = useState(false);
  useEffect(() => kop.current?.focus(), []);
  const { contact, verzoek } = uitslag;
  const zaak = contact.zaak;
  async function brief() {
    if (!zaak) return;
    setBriefFout(undefined);
    try {
      const { data } = await api.post<Blob>(`${gemeentePad(gemeente.code)}/zaken/${zaak.id}/volgbrief?taal=${taal}`, { body: { volgcode: zaak.volgcode }, alsBestand: true });
      downloadPdf(data, `${taal === 'en' ? 'letter' : 'brief'}-${zaak.identificatie}.pdf`);
      setBriefGemaakt(true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setBriefFout(error.veld('volgcode') ?? error.problem.detail ?? error.problem.title);
    }
  }
  return (
    <section className="loket-sectie" aria-labelledby="vastgelegd-kop">
      <h2 id="vastgelegd-kop" className="utrecht-heading-2" tabIndex={-1} ref={kop}>
        {t('kcc.vastgelegd')}
      </h2>
      <Melding soort="ok">
        <p className="utrecht-paragraph">{t('kcc.vastgelegdUitleg', { onderwerp: contact.onderwerp, uitkomst: t(`uitkomst.${contact.uitkomst}`) })}</p>
      </Melding>
      {zaak && (
        <>
          <Gegevenslijst
            regels={[
              [t('zaak.identificatie'), <Link key="zaak" naar={`/${gemeente.code}/zaken/${zaak.id}`}>{zaak.identificatie}</Link>],
              [t('zaak.uiterlijkeEinddatum'), datum(zaak.uiterlijkeEinddatum, taal)],
              [t('zaakNieuw.volgcode'), <code key="code" className="loket-token">{zaak.volgcode}</code>],
              [t('zaakNieuw.volglink'), <span key="link" className="loket-breek">{zaak.volglink}</span>],
            ]}
          />
          {uitslag.email ? (
            <p className="utrecht-paragraph">{t('kcc.volglinkGemaild')}</p>
          ) : (
            <>
              <p className="utrecht-paragraph">{t('kcc.geenEmail')}</p>
              <Knop onClick={() => void brief()} aria-describedby={briefFout ? 'brief-fout' : undefined}>
                {t('kcc.volgbrief')}
              </Knop>
              {briefFout && (
                <p id="brief-fout" className="utrecht-form-field-error-message">
                  {briefFout}
                </p>
              )}
              <p className="utrecht-paragraph" aria-live="polite">
                {briefGemaakt ? t('kcc.volgbriefGemaakt') : ''}
              </p>
            </>
          )}
        </>
      )}
      {verzoek && (
        <p className="utrecht-paragraph">
          {t('kcc.verzoekGemaakt', { voor: verzoek.team?.naam ?? verzoek.medewerker?.naam ?? '', datum: datum(verzoek.uiterlijkOp, taal) })}
        </p>
      )}
      <Knop soort="secondary-action" onClick={onNieuw}>
        {t('kcc.nieuw')}
      </Knop>
    </section>
  );
}

/**
 * The KCC screen (ADR 0058): a call registered with the keyboard alone, the knowledge base beside
 * it, a zaak or a callback request from the same form, and the tracking letter at registration.
 */
export function Kcc({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const formulier = useFormulier<Waarden>(LEEG);
  const { waarden, zet, fout, bezig, verzend } = formulier;
  const [gekoppeld, setGekoppeld] = useState<Gekoppeld[]>([]);
  /** The contact stored while its callback request was refused: sending again makes only the request. */
  const [contact, setContact] = useState<GeregistreerdKlantcontact>();
  const [uitslag, setUitslag] = useState<Uitslag>();
  const [ronde, setRonde] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const laatsteVeld = useRef<HTMLElement | null>(null);
  const onderwerpen = useLaden<KennisOnderwerpen>(`${gemeentePad(gemeente.code)}/kennis-onderwerpen`);
  const zaaktypen = useZaaktypen(gemeente, 'status=gepubliceerd&pageSize=100');
  const { teams } = useTeams(gemeente);

  function nieuw() {
    for (const naam of Object.keys(LEEG) as (keyof Waarden)[]) zet(naam, LEEG[naam]);
    setGekoppeld([]);
    setContact(undefined);
    setUitslag(undefined);
    setRonde((r) => r + 1);
  }
  useEffect(() => {
    if (ronde > 0) document.getElementById('kanaal')?.focus();
  }, [ronde]);

  useEffect(() => {
    function toets(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && form.current?.contains(document.activeElement)) {
        event.preventDefault();
        form.current.requestSubmit();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const doel = { KeyK: 'kennis-zoek', KeyO: 'onderwerp', KeyZ: 'zaken-zoek' }[event.code];
      if (doel) {
        event.preventDefault();
        focus(doel);
      } else if (event.code === 'KeyU') {
        event.preventDefault();
        (document.querySelector<HTMLInputElement>('input[name="uitkomst"]:checked') ?? document.getElementById('uitkomst'))?.focus();
      } else if (event.code === 'KeyN') {
        event.preventDefault();
        nieuw();
      }
    }
    // The field the staff member was in: Escape in the knowledge base goes back to it.
    function onthoud(event: FocusEvent) {
      if (event.target instanceof HTMLElement && event.target.matches('input, select, textarea') && form.current?.contains(event.target)) laatsteVeld.current = event.target;
    }
    document.addEventListener('keydown', toets);
    document.addEventListener('focusin', onthoud);
    return () => {
      document.removeEventListener('keydown', toets);
      document.removeEventListener('focusin', onthoud);
    };
  });

  async function registreer() {
    const w = waarden;
    const persoon = {
      ...(w.naam.trim() ? { naam: w.naam } : {}),
      ...(w.email.trim() ? { email: w.email.trim() } : {}),
      ...(w.telefoon.trim() ? { telefoon: w.telefoon.trim() } : {}),
    };
    const metPersoon = Object.keys(persoon).length > 0;
    let geregistreerd = contact;
    if (!geregistreerd) {
      const body = {
        kanaal: w.kanaal,
        onderwerp: w.onderwerp,
        vraag: w.vraag,
        antwoord: w.antwoord,
        ...(w.uitkomst ? { uitkomst: w.uitkomst } : {}),
        ...(metPersoon ? { persoon } : {}),
        zaken: gekoppeld.map((z) => z.id),
        ...(w.zaakMaken ? { zaak: { zaaktype: w.zaaktype, taal: w.taal, ...adresInBody(w.postcode, w.huisnummer) } } : {}),
      };
      geregistreerd = (await api.post<GeregistreerdKlantcontact>(`${gemeentePad(gemeente.code)}/klantcontacten`, { body })).data;
      setContact(geregistreerd);
    }
    let verzoek: Contactverzoek | null = null;
    if (w.verzoekMaken) {
      const body = {
        ...(w.verzoekTeam ? { team: w.verzoekTeam } : {}),
        onderwerp: w.onderwerp,
        vraag: w.vraag,
        toelichting: w.toelichting,
        persoon: { naam: w.naam, ...(persoon.email ? { email: persoon.email } : {}), ...(persoon.telefoon ? { telefoon: persoon.telefoon } : {}) },
        klantcontact: geregistreerd.id,
        bevestiging: w.bevestiging,
        taal: w.taal,
      };
      try {
        verzoek = (await api.post<Contactverzoek>(`${gemeentePad(gemeente.code)}/contactverzoeken`, { body })).data;
      } catch (error) {
        throw error instanceof ApiError ? alsVerzoekFout(error) : error;
      }
    }
    setUitslag({ contact: geregistreerd, verzoek, email: Boolean(persoon.email) });
  }

  function kiesUitkomstBij(naam: 'zaakMaken' | 'verzoekMaken', aan: boolean) {
    zet(naam, aan);
    if (aan) zet('uitkomst', naam === 'zaakMaken' ? 'zaak-aangemaakt' : waarden.zaakMaken ? 'zaak-aangemaakt' : 'contactverzoek-gemaakt');
  }

  const tekst = (naam: 'onderwerp' | 'vraag' | 'antwoord' | 'naam' | 'email' | 'telefoon' | 'toelichting', id: string, foutPad: string) => ({
    id,
    value: waarden[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veldPad(foutPad),
  });

  return (
    <Pagina titel={t('kcc.titel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/kcc/melding`}>{t('kccMelding.link')}</Link>
      </p>
      {heeftRecht(gemeente.rollen, 'klantcontactenLezen') && (
        <p className="utrecht-paragraph">
          <Link naar={`/${gemeente.code}/kcc/klantreis`}>{t('klantreis.link')}</Link>
        </p>
      )}
      <details className="loket-sneltoetsen">
        <summary>{t('kcc.sneltoetsen')}</summary>
        <Gegevenslijst regels={SNELTOETSEN.map(([toets, uitleg]) => [toets, t(uitleg)])} />
      </details>
      <div className="loket-kcc">
        <div className="loket-kcc__contact">
          {uitslag ? (
            <Vastgelegd uitslag={uitslag} gemeente={gemeente} onNieuw={nieuw} />
          ) : (
            <form
              key={ronde}
              ref={form}
              className="loket-form"
              noValidate
              aria-label={t('kcc.formulier')}
              onSubmit={(e) => {
                e.preventDefault();
                void verzend(registreer);
              }}
            >
              <FoutSamenvatting fout={fout} velden={VELDEN} />
              {contact && (
                <Melding soort="warning" rol="none">
                  <p className="utrecht-paragraph">{t('kcc.alleenVerzoekNog')}</p>
                </Melding>
              )}
              <div className="loket-kcc__rij">
                <Keuzelijst
                  id="kanaal"
                  label={t('kcc.kanaal')}
                  required
                  value={waarden.kanaal}
                  onChange={(e) => zet('kanaal', e.target.value as KlantcontactKanaal)}
                  fout={fout?.veld('kanaal')}
                  opties={KLANTCONTACT_KANALEN.map((k) => ({ waarde: k, label: t(`kcc.kanalen.${k}`) }))}
                />
                <Veld label={t('kcc.onderwerp')} uitleg={t('kcc.onderwerpUitleg')} required list="kcc-onderwerpen" autoComplete="off" {...tekst('onderwerp', 'onderwerp', 'onderwerp')} />
                <datalist id="kcc-onderwerpen">
                  {onderwerpen.data?.items.map((o) => (
                    <option key={o.onderwerp} value={o.onderwerp}>
                      {o.onderwerp}
                    </option>
                  ))}
                </datalist>
              </div>
              <Tekstvak label={t('kcc.vraag')} rows={3} {...tekst('vraag', 'vraag', 'vraag')} />
              <Tekstvak label={t('kcc.antwoord')} rows={3} {...tekst('antwoord', 'antwoord', 'antwoord')} />
              <Uitkomsten waarde={waarden.uitkomst} onChange={(u) => zet('uitkomst', u)} fout={fout?.veld('uitkomst')} />
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kcc.persoon')}</legend>
                <p id="persoon-uitleg" className="utrecht-paragraph">
                  {t('kcc.persoonUitleg')}
                </p>
                <div className="loket-kcc__rij">
                  <Veld label={t('kcc.naam')} autoComplete="off" {...tekst('naam', 'persoon-naam', 'persoon.naam')} fout={fout?.veldPad('persoon.naam') ?? fout?.veldPad('persoon')} />
                  <Veld label={t('kcc.email')} type="email" autoComplete="off" {...tekst('email', 'persoon-email', 'persoon.email')} />
                  <Veld label={t('kcc.telefoon')} type="tel" autoComplete="off" {...tekst('telefoon', 'persoon-telefoon', 'persoon.telefoon')} />
                </div>
              </fieldset>
              <ZakenKoppelen gemeente={gemeente} gekoppeld={gekoppeld} onChange={setGekoppeld} fout={fout?.veld('zaken')} />
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kcc.vervolg')}</legend>
                <Vinkje id="zaak-maken" label={t('kcc.zaakMaken')} checked={waarden.zaakMaken} disabled={Boolean(contact)} onChange={(e) => kiesUitkomstBij('zaakMaken', e.target.checked)} />
                {waarden.zaakMaken && (
                  <div className="loket-kcc__rij">
                    <Keuzelijst
                      id="zaaktype"
                      label={t('zaak.zaaktype')}
                      required
                      value={waarden.zaaktype}
                      onChange={(e) => zet('zaaktype', e.target.value)}
                      fout={fout?.veldPad('zaak.zaaktype') ?? fout?.veldPad('zaak')}
                      opties={[{ waarde: '', label: t('zaakNieuw.kiesZaaktype') }, ...(zaaktypen.data?.items ?? []).map((z) => ({ waarde: z.code, label: z.naam[taal] }))]}
                    />
                    <Keuzelijst
                      id="taal"
                      label={t('kcc.taal')}
                      value={waarden.taal}
                      onChange={(e) => zet('taal', e.target.value as 'nl' | 'en')}
                      opties={[
                        { waarde: 'nl', label: t('taal.nl') },
                        { waarde: 'en', label: t('taal.en') },
                      ]}
                    />
                    <Adresvelden
                      id="zaak"
                      pad="zaak.adres"
                      postcode={waarden.postcode}
                      huisnummer={waarden.huisnummer}
                      onPostcode={(v) => zet('postcode', v)}
                      onHuisnummer={(v) => zet('huisnummer', v)}
                      fout={fout}
                    />
                  </div>
                )}
                <Vinkje id="verzoek-maken" label={t('kcc.verzoekMaken')} checked={waarden.verzoekMaken} onChange={(e) => kiesUitkomstBij('verzoekMaken', e.target.checked)} />
                {waarden.verzoekMaken && (
                  <>
                    <Keuzelijst
                      id="verzoek-team"
                      label={t('kcc.verzoekTeam')}
                      required
                      value={waarden.verzoekTeam}
                      onChange={(e) => zet('verzoekTeam', e.target.value)}
                      fout={fout?.veldPad('verzoek.team')}
                      opties={[{ waarde: '', label: t('kcc.kiesTeam') }, ...(teams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
                    />
                    <Tekstvak label={t('kcc.verzoekToelichting')} uitleg={t('kcc.verzoekToelichtingUitleg')} rows={2} {...tekst('toelichting', 'verzoek-toelichting', 'verzoek.toelichting')} />
                    <Vinkje id="verzoek-bevestiging" label={t('kcc.bevestiging')} checked={waarden.bevestiging} onChange={(e) => zet('bevestiging', e.target.checked)} />
                  </>
                )}
              </fieldset>
              <Knop type="submit" bezig={bezig} aria-keyshortcuts="Control+Enter">
                {contact ? t('kcc.alleenVerzoek') : t('kcc.registreren')}
              </Knop>
            </form>
          )}
        </div>
        <KennisPaneel gemeente={gemeente} onTerug={() => (laatsteVeld.current && document.contains(laatsteVeld.current) ? laatsteVeld.current : document.getElementById('kanaal'))?.focus()} onOnderwerp={(o) => zet('onderwerp', o)} />
      </div>
    </Pagina>
  );
}
