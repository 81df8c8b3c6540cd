import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ApiError, api, gemeentePad, type MeldingCategorie, type MeldingDetail, type SessieGemeente } from '../../api.ts';
import { FoutSamenvatting, Knop, Veld, klassen } from '../../components/Formulier.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';

interface Suggestie {
  categorie: { code: string; naam: { nl: string; en: string }; hoofdcategorie: string | null };
  zekerheid: number;
  uitleg: { woord: string; bron: 'trefwoord' | 'eerdere-meldingen'; punten: number; meldingen?: { categorie: number; totaal: number } }[];
}
interface Adres {
  postcode: string;
  huisnummer: number;
  toevoeging: string;
  straat: string;
  woonplaats: string;
  lat: number;
  lon: number;
}
interface Dubbel {
  zaakId: string;
  identificatie: string;
  afstandM: number;
  adres: string;
  ontvangenOp: string;
  status: string;
}

const adresTekst = (a: Adres) => `${a.straat} ${a.huisnummer}${a.toevoeging ? ` ${a.toevoeging}` : ''}, ${a.postcode.slice(0, 4)} ${a.postcode.slice(4)} ${a.woonplaats}`;

/** invalidParams → the id of the field the error summary links to. */
const VELDEN: Record<string, string> = {
  kanaal: 'kanaal',
  beschrijving: 'beschrijving',
  categorie: 'categorie',
  locatie: 'postcode',
  adres: 'postcode',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  straat: 'straat',
  'melder.naam': 'melder-naam',
  'melder.email': 'melder-email',
  'melder.telefoon': 'melder-telefoon',
  melder: 'melder-naam',
  fotos: 'fotos',
};

function leesBase64(bestand: File): Promise<string> {
  return new Promise((klaar, mis) => {
    const lezer = new FileReader();
    lezer.addEventListener('load', () => klaar(String(lezer.result).replace(/^data:[^,]*,/, '')), { once: true });
    lezer.addEventListener('error', () => mis(lezer.error ?? new Error('lezen')), { once: true });
    lezer.readAsDataURL(bestand);
  });
}

/**
 * The KCC registers a melding openbare ruimte on a caller's behalf (issue 12, ADR 0058): the
 * resident form's flow in one screen — description with the explained category suggestion, the
 * category's extra questions, the address by postcode and house number or by street, nearby
 * duplicates the caller may follow instead, the caller's contact and a photo. The same API and
 * checks as the resident form; usable with the keyboard alone; errors next to their fields.
 */
export function KccMelding({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const basis = gemeentePad(gemeente.code);
  const categorieen = useLaden<{ items: MeldingCategorie[] }>(`${basis}/melding-categorieen`);
  const [kanaal, setKanaal] = useState<'telefoon' | 'balie'>('telefoon');
  const [beschrijving, setBeschrijving] = useState('');
  const [suggestie, setSuggestie] = useState<Suggestie | null>(null);
  const [categorie, setCategorie] = useState('');
  const [antwoorden, setAntwoorden] = useState<Record<string, string>>({});
  const [zoek, setZoek] = useState({ postcode: '', huisnummer: '', straat: '' });
  const [adressen, setAdressen] = useState<Adres[]>();
  const [zoekFout, setZoekFout] = useState<ApiError | null>(null);
  const [adres, setAdres] = useState<Adres>();
  const [dubbelen, setDubbelen] = useState<Dubbel[]>([]);
  const [gevolgd, setGevolgd] = useState<string>();
  const [melder, setMelder] = useState({ naam: '', email: '', telefoon: '', taal: 'nl' as 'nl' | 'en' });
  const [foto, setFoto] = useState<File>();
  const [fout, setFout] = useState<ApiError | null>(null);
  const [bezig, setBezig] = useState(false);
  const [gemaakt, setGemaakt] = useState<MeldingDetail>();
  const kop = useRef<HTMLHeadingElement>(null);

  const subs = (categorieen.data?.items ?? []).filter((c) => c.status === 'gepubliceerd' && c.hoofdcategorie !== null && c.team !== null);
  const hoofden = new Map((categorieen.data?.items ?? []).filter((c) => c.hoofdcategorie === null).map((c) => [c.code, c.naam[taal]]));
  const gekozen = subs.find((c) => c.code === categorie);

  // The suggestion follows the description (after a pause in typing).
  useEffect(() => {
    const tekst = beschrijving.trim();
    const afbreken = new AbortController();
    const wacht = setTimeout(() => {
      if (tekst.length < 3) {
        setSuggestie(null);
        return;
      }
      api.get<{ suggestie: Suggestie | null }>(`${basis}/melding-suggesties?taal=${taal}&beschrijving=${encodeURIComponent(tekst.slice(0, 4000))}`, { signal: afbreken.signal }).then(
        ({ data }) => setSuggestie(data.suggestie),
        () => setSuggestie(null),
      );
    }, 400);
    return () => {
      clearTimeout(wacht);
      afbreken.abort();
    };
  }, [beschrijving, basis, taal]);

  // Nearby duplicates once the category and the place are known.
  useEffect(() => {
    if (!categorie || !adres) return;
    const afbreken = new AbortController();
    api.get<{ items: Dubbel[] }>(`${basis}/melding-dubbelen?categorie=${encodeURIComponent(categorie)}&lat=${adres.lat}&lon=${adres.lon}`, { signal: afbreken.signal }).then(
      ({ data }) => setDubbelen(data.items),
      () => setDubbelen([]),
    );
    return () => afbreken.abort();
  }, [categorie, adres, basis]);

  useEffect(() => {
    if (gemaakt || gevolgd) kop.current?.focus();
  }, [gemaakt, gevolgd]);

  async function zoekAdres() {
    setZoekFout(null);
    const q = new URLSearchParams(zoek.straat.trim() ? { straat: zoek.straat, huisnummer: zoek.huisnummer } : { postcode: zoek.postcode, huisnummer: zoek.huisnummer });
    try {
      const { data } = await api.get<{ items: Adres[] }>(`${basis}/melding-adressen?${q}`);
      setAdressen(data.items);
      const eerste = data.items[0];
      if (data.items.length === 1 && eerste) setAdres(eerste);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setAdressen(undefined);
      setZoekFout(error);
    }
  }
  function enterZoekt(event: ReactKeyboardEvent<HTMLInputElement>) {
    // Enter in the address search searches; it does not send the melding.
    if (event.key === 'Enter') {
      event.preventDefault();
      void zoekAdres();
    }
  }

  async function volg(dubbel: Dubbel) {
    setFout(null);
    try {
      await api.post(`${basis}/meldingen/${dubbel.zaakId}/volgers`, { body: { email: melder.email, taal: melder.taal } });
      setGevolgd(dubbel.identificatie);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFout(new ApiError({ ...error.problem, invalidParams: (error.problem.invalidParams ?? []).map((p) => ({ ...p, name: p.name.replace(/^(body\.)?email$/, 'melder.email') })) }));
    }
  }

  async function verstuur() {
    if (bezig) return;
    setBezig(true);
    setFout(null);
    try {
      const contact = melder.naam.trim() || melder.email.trim() || melder.telefoon.trim();
      const body = {
        kanaal,
        categorie,
        beschrijving,
        antwoorden: Object.fromEntries(Object.entries(antwoorden).filter(([code]) => gekozen?.vragen.some((v) => v.code === code))),
        ...(adres ? { lat: adres.lat, lon: adres.lon, adres: adresTekst(adres) } : {}),
        ...(contact
          ? { melder: { naam: melder.naam.trim(), taal: melder.taal, ...(melder.email.trim() ? { email: melder.email.trim() } : {}), ...(melder.telefoon.trim() ? { telefoon: melder.telefoon.trim() } : {}) } }
          : {}),
        fotos: foto ? [{ bestandsnaam: foto.name, inhoud: await leesBase64(foto) }] : [],
      };
      const { data } = await api.post<MeldingDetail>(`${basis}/meldingen`, { body });
      setGemaakt(data);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFout(error);
    } finally {
      setBezig(false);
    }
  }

  function opnieuw() {
    setBeschrijving('');
    setCategorie('');
    setAntwoorden({});
    setZoek({ postcode: '', huisnummer: '', straat: '' });
    setAdressen(undefined);
    setAdres(undefined);
    setMelder({ naam: '', email: '', telefoon: '', taal: 'nl' });
    setFoto(undefined);
    setGemaakt(undefined);
    setGevolgd(undefined);
    setFout(null);
  }

  const veldFout = (naam: string) => fout?.veldPad(naam) ?? fout?.veld(naam);
  const terug = { naar: `/${gemeente.code}/kcc`, tekst: t('kccMelding.terug') };

  if (gemaakt || gevolgd) {
    return (
      <Pagina titel={t('kccMelding.titel')} terug={terug}>
        <h2 className="utrecht-heading-2" tabIndex={-1} ref={kop}>
          {gemaakt ? t('kccMelding.gemaakt', { nummer: gemaakt.identificatie }) : t('kccMelding.gevolgd', { nummer: gevolgd })}
        </h2>
        <Melding soort="ok">
          <p className="utrecht-paragraph">{gemaakt ? t('kccMelding.gemaaktUitleg', { categorie: gemaakt.categorie.naam[taal] }) : t('kccMelding.gevolgdUitleg')}</p>
        </Melding>
        {gemaakt && (
          <p className="utrecht-paragraph">
            <Link naar={`/${gemeente.code}/meldingen/${gemaakt.zaakId}`}>{t('kccMelding.bekijk', { nummer: gemaakt.identificatie })}</Link>
          </p>
        )}
        <Knop soort="secondary-action" onClick={opnieuw}>
          {t('kccMelding.nieuw')}
        </Knop>
      </Pagina>
    );
  }

  const adresFout = veldFout('locatie') ?? zoekFout?.veld('postcode');
  return (
    <Pagina titel={t('kccMelding.titel')} terug={terug}>
      <p className="utrecht-paragraph">{t('kccMelding.intro')}</p>
      <form
        className="loket-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void verstuur();
        }}
      >
        <FoutSamenvatting fout={fout} velden={{ ...VELDEN, ...Object.fromEntries((gekozen?.vragen ?? []).map((v) => [`antwoorden.${v.code}`, `antwoord-${v.code}`])) }} />
        <Keuzelijst
          id="kanaal"
          label={t('kccMelding.kanaal')}
          value={kanaal}
          onChange={(e) => setKanaal(e.target.value === 'balie' ? 'balie' : 'telefoon')}
          opties={[
            { waarde: 'telefoon', label: t('kanaal.telefoon') },
            { waarde: 'balie', label: t('kanaal.balie') },
          ]}
          fout={veldFout('kanaal')}
        />
        <Tekstvak id="beschrijving" label={t('kccMelding.beschrijving')} uitleg={t('kccMelding.beschrijvingUitleg')} required value={beschrijving} onChange={(e) => setBeschrijving(e.target.value)} fout={veldFout('beschrijving')} maxLength={4000} />

        <div aria-live="polite" className="loket-sectie">
          {suggestie && (
            <Melding soort="info" rol="none">
              <p className="utrecht-paragraph">{t('kccMelding.suggestie', { naam: suggestie.categorie.naam[taal], procent: Math.round(suggestie.zekerheid * 100) })}</p>
              <p className="utrecht-paragraph">
                {t('kccMelding.suggestieWaarom')}{' '}
                {suggestie.uitleg
                  .map((o) =>
                    o.bron === 'trefwoord'
                      ? t('kccMelding.bronTrefwoord', { woord: o.woord })
                      : t('kccMelding.bronEerder', { woord: o.woord, n: o.meldingen?.categorie ?? 0, totaal: o.meldingen?.totaal ?? 0, punten: o.punten.toFixed(2) }),
                  )
                  .join('; ')}
              </p>
              {categorie !== suggestie.categorie.code && (
                <Knop soort="secondary-action" onClick={() => setCategorie(suggestie.categorie.code)}>
                  {t('kccMelding.neemOver', { naam: suggestie.categorie.naam[taal] })}
                </Knop>
              )}
            </Melding>
          )}
        </div>

        <Keuzelijst
          id="categorie"
          label={t('kccMelding.categorie')}
          required
          value={categorie}
          onChange={(e) => {
            setCategorie(e.target.value);
            setAntwoorden({});
          }}
          opties={[{ waarde: '', label: t('kccMelding.kiesCategorie') }, ...subs.map((c) => ({ waarde: c.code, label: `${hoofden.get(c.hoofdcategorie ?? '') ?? ''}: ${c.naam[taal]}` }))]}
          fout={veldFout('categorie')}
        />
        {gekozen && gekozen.vragen.length > 0 && (
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kccMelding.vragen')}</legend>
            {gekozen.vragen.map((v) => {
              const id = `antwoord-${v.code}`;
              const label = `${v.vraag[taal]}${v.verplicht ? '' : ` ${t('kccMelding.optioneel')}`}`;
              const props = { id, label, uitleg: v.uitleg[taal] || undefined, fout: veldFout(`antwoorden.${v.code}`), value: antwoorden[v.code] ?? '' };
              const zet = (waarde: string) => setAntwoorden((a) => ({ ...a, [v.code]: waarde }));
              if (v.type === 'keuze') {
                return <Keuzelijst key={v.code} {...props} required={v.verplicht} onChange={(e) => zet(e.target.value)} opties={[{ waarde: '', label: t('kccMelding.kies') }, ...v.waarden.map((w) => ({ waarde: w.sleutel, label: w.naam[taal] }))]} />;
              }
              if (v.type === 'lange-tekst') return <Tekstvak key={v.code} {...props} required={v.verplicht} onChange={(e) => zet(e.target.value)} />;
              return <Veld key={v.code} {...props} required={v.verplicht} inputMode={v.type === 'getal' ? 'numeric' : undefined} onChange={(e) => zet(e.target.value)} />;
            })}
          </fieldset>
        )}

        <fieldset className={klassen('utrecht-form-fieldset utrecht-form-fieldset--html-fieldset', adresFout && 'utrecht-form-fieldset--invalid')}>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kccMelding.waar')}</legend>
          <p className="utrecht-paragraph">{t('kccMelding.waarUitleg')}</p>
          {veldFout('locatie') && (
            <p id="locatie-fout" className="utrecht-form-field-error-message">
              {veldFout('locatie')}
            </p>
          )}
          <div className="loket-inline-form loket-inline-form--onder">
            <Veld id="postcode" label={t('kccMelding.postcode')} autoComplete="off" value={zoek.postcode} onChange={(e) => setZoek({ ...zoek, postcode: e.target.value })} onKeyDown={enterZoekt} fout={zoekFout?.veld('postcode')} />
            <Veld id="huisnummer" label={t('kccMelding.huisnummer')} autoComplete="off" value={zoek.huisnummer} onChange={(e) => setZoek({ ...zoek, huisnummer: e.target.value })} onKeyDown={enterZoekt} fout={zoekFout?.veld('huisnummer')} />
            <Veld id="straat" type="search" label={t('kccMelding.straat')} uitleg={t('kccMelding.straatUitleg')} autoComplete="off" value={zoek.straat} onChange={(e) => setZoek({ ...zoek, straat: e.target.value })} onKeyDown={enterZoekt} fout={zoekFout?.veld('straat')} />
            <Knop soort="secondary-action" onClick={() => void zoekAdres()}>
              {t('kccMelding.zoekAdres')}
            </Knop>
          </div>
          <p className="utrecht-paragraph" aria-live="polite">
            {adressen ? t('kccMelding.adressenGevonden', { count: adressen.length }) : ''}
          </p>
          {adressen && adressen.length > 0 && (
            <div role="radiogroup" aria-label={t('kccMelding.kiesAdres')}>
              {adressen.map((a, i) => {
                const id = `adres-${i}`;
                return (
                  <div key={id} className="utrecht-form-field utrecht-form-field--radio">
                    <input id={id} type="radio" name="adres" className="utrecht-radio-button utrecht-radio-button--html-input" checked={adres === a} onChange={() => setAdres(a)} />
                    <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                      {adresTekst(a)}
                    </label>
                  </div>
                );
              })}
            </div>
          )}
          {adres && <p className="utrecht-paragraph">{t('kccMelding.gekozenAdres', { adres: adresTekst(adres) })}</p>}
        </fieldset>

        {categorie && adres && dubbelen.length > 0 && (
          <section className="loket-sectie" aria-labelledby="dubbelen-kop">
            <h2 id="dubbelen-kop" className="utrecht-heading-3">
              {t('kccMelding.dubbelen', { count: dubbelen.length })}
            </h2>
            <p className="utrecht-paragraph">{t('kccMelding.dubbelenUitleg')}</p>
            <ul className="utrecht-unordered-list">
              {dubbelen.map((d) => (
                <li key={d.zaakId} className="utrecht-unordered-list__item">
                  {t('kccMelding.dubbel', { nummer: d.identificatie, adres: d.adres || '-', afstand: d.afstandM, status: d.status })}{' '}
                  <Knop soort="secondary-action" onClick={() => void volg(d)} aria-describedby="melder-email-uitleg">
                    {t('kccMelding.volg', { nummer: d.identificatie })}
                  </Knop>
                </li>
              ))}
            </ul>
          </section>
        )}

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kccMelding.beller')}</legend>
          <Veld id="melder-naam" label={t('kccMelding.naam')} autoComplete="off" value={melder.naam} onChange={(e) => setMelder({ ...melder, naam: e.target.value })} fout={veldFout('melder.naam')} />
          <Veld id="melder-email" type="email" label={t('kccMelding.email')} uitleg={t('kccMelding.emailUitleg')} autoComplete="off" value={melder.email} onChange={(e) => setMelder({ ...melder, email: e.target.value })} fout={veldFout('melder.email')} />
          <Veld id="melder-telefoon" type="tel" label={t('kccMelding.telefoon')} autoComplete="off" value={melder.telefoon} onChange={(e) => setMelder({ ...melder, telefoon: e.target.value })} fout={veldFout('melder.telefoon')} />
          <Keuzelijst
            id="melder-taal"
            label={t('kccMelding.taal')}
            value={melder.taal}
            onChange={(e) => setMelder({ ...melder, taal: e.target.value === 'en' ? 'en' : 'nl' })}
            opties={[
              { waarde: 'nl', label: t('taal.nl') },
              { waarde: 'en', label: t('taal.en') },
            ]}
          />
        </fieldset>

        <div className={klassen('utrecht-form-field utrecht-form-field--text', veldFout('fotos') && 'utrecht-form-field--invalid')}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="fotos">
              {t('kccMelding.foto')}
            </label>
          </div>
          <div id="fotos-uitleg" className="utrecht-form-field__description utrecht-form-field-description">
            {t('kccMelding.fotoUitleg')}
          </div>
          {veldFout('fotos') && (
            <div id="fotos-fout" className="utrecht-form-field__error-message utrecht-form-field-error-message">
              {veldFout('fotos')}
            </div>
          )}
          <div className="utrecht-form-field__input">
            <input id="fotos" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={veldFout('fotos') ? 'fotos-uitleg fotos-fout' : 'fotos-uitleg'} onChange={(e) => setFoto(e.target.files?.[0])} />
          </div>
        </div>

        <Knop type="submit" bezig={bezig}>
          {t('kccMelding.registreren')}
        </Knop>
      </form>
    </Pagina>
  );
}
