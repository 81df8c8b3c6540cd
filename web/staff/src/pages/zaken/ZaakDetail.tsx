import { useRef, useState, type ReactNode, type Ref } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { flushSync } from 'react-dom';
import { API_BASIS, ApiError, api, gemeentePad, type AangemaakteZaak, type SessieGemeente, type Team, type Werkvoorraad, type Zaak } from '../../api.ts';
import { FoutSamenvatting, Formulier, HerlaadKnop, Knop, Veld, Vinkje, useFormulier, useVerzenden, type FormulierStaat } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding, Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../../components/Velden.tsx';
import { useVersieBron, type VersieBron } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { BEZWAAR_ZAAKTYPE, BezwaarFormulier, BezwaarStand, Omzetting, bezwaarActies, volgendeBezwaarStap, type Bezwaar, type BezwaarActieSoort, type BezwaarNaStap, type StuurStap } from './Bezwaar.tsx';
import { KlachtOverzicht, KlachtStap, klachtActies, useKlacht, volgendeKlachtStap, type KlachtActieSoort, type StuurStap as StuurKlachtStap } from './KlachtStappen.tsx';
import { Band, Opgeschort, dagenTot, datum, stapNaam, duurTekst, gebeurtenisTekst, useBehandelaars, useTeams } from './teksten.tsx';

/** Sends one action on the zaak (POST with If-Match); the page then shows and focuses `melding`. */
type Stuur = (deel: string, body: unknown, melding: string) => Promise<void>;

/** An action: a form whose values become the body; a 412 says someone else changed the zaak and offers the newest version. */
function ActieFormulier<W extends Record<string, unknown>>({
  formulier,
  stuur,
  herlaad,
  deel,
  body,
  melding,
  knop,
  velden,
  children,
}: {
  formulier: FormulierStaat<W>;
  stuur: Stuur;
  herlaad(): void;
  deel: string;
  body(waarden: W): unknown;
  melding: string;
  knop: string;
  velden?: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useTaal();
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={() => stuur(deel, body(formulier.waarden), melding)}
      knop={knop}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
      meldingen={{ 412: t('zaak.verouderd') }}
      {...(velden ? { velden } : {})}
    >
      {children}
    </Formulier>
  );
}

interface ActieProps {
  zaak: Zaak;
  stuur: Stuur;
  herlaad(): void;
}

const zonderLeeg = (tekst: string) => (tekst.trim() ? tekst : undefined);

/** Claims the zaak (behandelaar 'ik'), with the error and, after a 412, the newest version. */
function Oppakken({ stuur, herlaad, tekst }: Omit<ActieProps, 'zaak'> & { tekst: string }) {
  const { t } = useTaal();
  const { fout, bezig, verzend } = useVerzenden();
  return (
    <>
      <FoutSamenvatting fout={fout} meldingen={{ 412: t('zaak.verouderd') }} />
      <div className="utrecht-button-group">
        <Knop bezig={bezig} onClick={() => void verzend(() => stuur('/toewijzing', { behandelaar: 'ik' }, t('actie.opgepakt')))}>
          {tekst}
        </Knop>
        <HerlaadKnop fout={fout} onHerlaad={herlaad} />
      </div>
    </>
  );
}

function Toewijzing({ zaak, stuur, herlaad, gemeente, ik, teams }: ActieProps & { gemeente: SessieGemeente; ik: string | undefined; teams: Team[] }) {
  const { t } = useTaal();
  const formulier = useFormulier({ behandelaar: zaak.behandelaar?.id ?? '', team: zaak.team.id });
  const mijn = ik !== undefined && zaak.behandelaar?.id === ik;
  // Only who can be behandelaar in the chosen team.
  const leden = useBehandelaars(gemeente, formulier.waarden.team || undefined) ?? [];
  return (
    <>
      <p className="utrecht-paragraph">{zaak.behandelaar ? t('actie.behandeltNu', { naam: zaak.behandelaar.naam, team: zaak.team.naam }) : t('actie.nogNiemand', { team: zaak.team.naam })}</p>
      {!mijn && <Oppakken stuur={stuur} herlaad={herlaad} tekst={t('werkvoorraad.oppakken')} />}
      {heeftRecht(gemeente.rollen, 'zakenLeiden') && (
        <ActieFormulier
          formulier={formulier}
          stuur={stuur}
          herlaad={herlaad}
          deel="/toewijzing"
          body={(w) => ({ behandelaar: w.behandelaar || null, ...(w.team && w.team !== zaak.team.id ? { team: w.team } : {}) })}
          melding={t('actie.toegewezen')}
          knop={t('werkvoorraad.toewijzen')}
          velden={{ behandelaar: 'behandelaar', team: 'team' }}
        >
          <Keuzelijst
            id="team"
            label={t('zaak.team')}
            {...koppel(formulier, 'team')}
            opties={teams.map((team) => ({ waarde: team.id, label: team.naam }))}
          />
          <Keuzelijst
            id="behandelaar"
            label={t('zaak.behandelaar')}
            {...koppel(formulier, 'behandelaar')}
            opties={[{ waarde: '', label: t('werkvoorraad.niemandTeam') }, ...leden.map((l) => ({ waarde: l.id, label: l.naam }))]}
          />
        </ActieFormulier>
      )}
    </>
  );
}

function Status({ zaak, stuur, herlaad }: ActieProps) {
  const { t, taal } = useTaal();
  const mogelijk = zaak.statussen.filter((s) => s.volgnummer > zaak.status.volgnummer && !s.eindstatus);
  const volgende = mogelijk[0];
  const formulier = useFormulier({ statustype: String(volgende?.volgnummer ?? ''), toelichting: '' });
  if (!volgende) return null;
  const gekozen = mogelijk.find((s) => String(s.volgnummer) === formulier.waarden.statustype);
  return (
    <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/statussen"
        body={(w) => ({ statustype: Number(w.statustype), toelichting: zonderLeeg(w.toelichting) })}
        melding={t('actie.statusGezet', { naam: gekozen ? stapNaam(gekozen, taal) : '' })}
        knop={t('actie.statusZetten')}
        velden={{ statustype: 'statustype', toelichting: 'status-toelichting' }}
      >
        <Keuzelijst
          id="statustype"
          label={t('actie.nieuweStatus')}
          {...koppel(formulier, 'statustype')}
          uitleg={<span aria-live="polite">{gekozen?.informeren ? t('actie.inwonerKrijgtBericht') : t('actie.inwonerKrijgtGeenBericht')}</span>}
          opties={mogelijk.map((s) => ({ waarde: String(s.volgnummer), label: stapNaam(s, taal) }))}
        />
        <Tekstvak
          id="status-toelichting"
          label={t('actie.toelichtingOptioneel')}
          uitleg={gekozen?.informeren ? t('actie.toelichtingInMail') : undefined}
          {...koppel(formulier, 'toelichting')}
        />
      </ActieFormulier>
  );
}

function Notitie({ stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ tekst: '', extern: false });
  return (
    <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/notities"
        body={(w) => w}
        melding={t('actie.notitieToegevoegd')}
        knop={t('actie.notitieToevoegen')}
        velden={{ tekst: 'notitie-tekst', extern: 'notitie-extern' }}
      >
        <Tekstvak id="notitie-tekst" label={t('actie.notitieTekst')} required {...koppel(formulier, 'tekst')} />
        <Vinkje
          id="notitie-extern"
          label={t('actie.zichtbaarVoorInwoner')}
          uitleg={t('actie.zichtbaarUitleg')}
          checked={formulier.waarden.extern}
          onChange={(e) => formulier.zet('extern', e.target.checked)}
          fout={formulier.fout?.veld('extern')}
        />
      </ActieFormulier>
  );
}

function Bericht({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ tekst: '' });
  return zaak.betrokkene?.email ? (
        <ActieFormulier
          formulier={formulier}
          stuur={stuur}
          herlaad={herlaad}
          deel="/berichten"
          body={(w) => w}
          melding={t('actie.berichtVerstuurd', { email: zaak.betrokkene.email })}
          knop={t('actie.berichtVersturen')}
          velden={{ tekst: 'bericht-tekst' }}
        >
          <Tekstvak
            id="bericht-tekst"
            label={t('actie.berichtTekst')}
            uitleg={t('actie.berichtUitleg', { email: zaak.betrokkene.email })}
            required
            {...koppel(formulier, 'tekst')}
          />
        </ActieFormulier>
      ) : (
        <p className="utrecht-paragraph">{t('actie.geenEmail')}</p>
      );
}

function Opschorting({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ reden: '', toelichting: '' });
  if (zaak.opgeschort) {
    return (
      <>
        {zaak.reactieOntvangen && (
          <Melding soort="info" rol="none">
            <p className="utrecht-paragraph">{t('zaak.reactieOntvangen')}</p>
          </Melding>
        )}
        <ActieFormulier
          formulier={formulier}
          stuur={stuur}
          herlaad={herlaad}
          deel="/opschortingen/einde"
          body={(w) => ({ toelichting: zonderLeeg(w.toelichting) })}
          melding={t('actie.opschortingBeeindigd')}
          knop={t('actie.opschortingBeeindigen')}
          velden={{ toelichting: 'opschorting-toelichting' }}
        >
          <Tekstvak
            id="opschorting-toelichting"
            label={t('actie.toelichtingOptioneel')}
            {...koppel(formulier, 'toelichting')}
          />
        </ActieFormulier>
      </>
    );
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('actie.opschortenUitleg')}</p>
      <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/opschortingen"
        body={(w) => ({ reden: w.reden })}
        melding={t('actie.opgeschort')}
        knop={t('actie.opschortenKnop')}
        velden={{ reden: 'opschorting-reden' }}
      >
        <Tekstvak id="opschorting-reden" label={t('actie.reden')} required {...koppel(formulier, 'reden')} />
      </ActieFormulier>
    </>
  );
}

const EENHEDEN = ['wd', 'D', 'W', 'M'] as const;
const duur = (w: { aantal: string; eenheid: string }) => (w.eenheid === 'wd' ? `${w.aantal.trim()}wd` : `P${w.aantal.trim()}${w.eenheid}`);

function Verlenging({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ aantal: '', eenheid: zaak.termijn.norm.endsWith('wd') ? 'wd' : 'W', reden: '' });
  const { maxVerlenging, verlengingen } = zaak.termijn;
  if (!maxVerlenging) return <p className="utrecht-paragraph">{t('actie.verlengenNiet')}</p>;
  return (
    <>
      <p className="utrecht-paragraph" id="verlenging-max">
        {t('actie.verlengenMax', { max: duurTekst(t, maxVerlenging) })}{' '}
        {verlengingen.length > 0 ? t('actie.alVerlengd', { duur: verlengingen.map((v) => duurTekst(t, v.duur)).join(' + ') }) : t('actie.nogNietVerlengd')}
      </p>
      <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/verlengingen"
        body={(w) => ({ duur: duur(w), reden: w.reden })}
        melding={t('actie.verlengd')}
        knop={t('actie.verlengenKnop')}
        velden={{ duur: 'verlenging-aantal', reden: 'verlenging-reden' }}
      >
        <Veld
          id="verlenging-aantal"
          label={t('actie.aantal')}
          inputMode="numeric"
          autoComplete="off"
          required
          {...koppel(formulier, 'aantal', 'duur')}
          uitleg={t('actie.verlengenMax', { max: duurTekst(t, maxVerlenging) })}
        />
        <Keuzelijst
          id="verlenging-eenheid"
          label={t('actie.eenheid')}
          value={formulier.waarden.eenheid}
          onChange={(e) => formulier.zet('eenheid', e.target.value)}
          opties={EENHEDEN.map((e) => ({ waarde: e, label: t(`eenheid.${e}`) }))}
        />
        <Tekstvak
          id="verlenging-reden"
          label={t('actie.reden')}
          uitleg={t('actie.verlengenReden')}
          required
          {...koppel(formulier, 'reden')}
        />
      </ActieFormulier>
    </>
  );
}

/** Records from which day the term counts and which of the zaaktype's norms applies (e.g. a bezwaar: Awb 7:10). */
function TermijnVastleggen({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const { startVastleggen, normKeuze } = zaak.termijn;
  const formulier = useFormulier({ startdatum: '', norm: zaak.termijn.norm, reden: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('actie.termijnUitleg')}</p>
      <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/termijnen"
        body={(w) => ({ startdatum: zonderLeeg(w.startdatum), norm: w.norm, reden: w.reden })}
        melding={t('actie.termijnVastgelegd')}
        knop={t('actie.termijnKnop')}
        velden={{ startdatum: 'termijn-startdatum', norm: 'termijn-norm', reden: 'termijn-reden' }}
      >
        {startVastleggen && <Veld id="termijn-startdatum" type="date" label={t('actie.termijnStartdatum')} uitleg={t('actie.termijnStartdatumUitleg')} {...koppel(formulier, 'startdatum')} />}
        {normKeuze.length > 1 && (
          <Keuzelijst
            id="termijn-norm"
            label={t('actie.termijnNorm')}
            value={formulier.waarden.norm}
            onChange={(e) => formulier.zet('norm', e.target.value)}
            opties={normKeuze.map((n) => ({ waarde: n, label: duurTekst(t, n) }))}
          />
        )}
        <Tekstvak id="termijn-reden" label={t('actie.reden')} required {...koppel(formulier, 'reden')} />
      </ActieFormulier>
    </>
  );
}

function Afsluiting({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ resultaattype: '', toelichting: '' });
  const resultaten = zaak.zaaktypeVersie.resultaattypen;
  return (
    <>
      <p className="utrecht-paragraph">{t('actie.afsluitenUitleg')}</p>
      <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/afsluiting"
        body={(w) => ({ resultaattype: w.resultaattype, toelichting: zonderLeeg(w.toelichting) })}
        melding={t('actie.afgesloten')}
        knop={t('actie.afsluitenKnop')}
        velden={{ resultaattype: 'resultaattype', toelichting: 'afsluiting-toelichting' }}
      >
        <Keuzelijst
          id="resultaattype"
          label={t('zaak.resultaat')}
          required
          {...koppel(formulier, 'resultaattype')}
          opties={[{ waarde: '', label: t('actie.kiesResultaat') }, ...resultaten.map((r) => ({ waarde: r.id, label: r.naam }))]}
        />
        <Tekstvak
          id="afsluiting-toelichting"
          label={t('actie.toelichtingOptioneel')}
          uitleg={t('actie.toelichtingInMail')}
          {...koppel(formulier, 'toelichting')}
        />
      </ActieFormulier>
    </>
  );
}

const SOORTEN = ['gerelateerd', 'vervolg', 'onderwerp', 'bijdrage'] as const;

/** Relates another zaak, found by its number (open or closed zaken). */
function Relateren({ stuur, herlaad, gemeente }: Omit<ActieProps, 'zaak'> & { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ zaaknummer: '', soort: 'gerelateerd' });
  /** The zaak number becomes the id the API wants. */
  async function relateer() {
    const nummer = formulier.waarden.zaaknummer.trim().toUpperCase();
    let gevonden: string | undefined;
    if (/^Z-\d{4}-\d{6}$/.test(nummer)) {
      const { data } = await api.get<Werkvoorraad>(`${gemeentePad(gemeente.code)}/zaken?${new URLSearchParams({ identificatie: nummer }).toString()}`);
      gevonden = data.items[0]?.id;
    }
    if (!gevonden) {
      throw new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: 'zaak', code: 'onbekende-zaak', reason: t('actie.zaakNietGevonden') }] });
    }
    await stuur('/relaties', { zaak: gevonden, soort: formulier.waarden.soort }, t('actie.gerelateerd', { zaak: nummer }));
  }
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={relateer}
      knop={t('actie.relateren')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
      meldingen={{ 412: t('zaak.verouderd') }}
      velden={{ zaak: 'zaaknummer', zaaknummer: 'zaaknummer', soort: 'relatie-soort' }}
    >
      <Veld id="zaaknummer" label={t('actie.zaaknummer')} uitleg={t('actie.zaaknummerUitleg')} autoComplete="off" {...koppel(formulier, 'zaaknummer', 'zaak')} />
      <Keuzelijst id="relatie-soort" label={t('actie.soortRelatie')} {...koppel(formulier, 'soort')} opties={SOORTEN.map((s) => ({ waarde: s, label: t(`relatie.${s}`) }))} />
    </Formulier>
  );
}

function Relaties({ zaak, gemeente }: { zaak: Zaak; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return (
    <Sectie titel={t('zaak.relaties')}>
      {zaak.relaties.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {zaak.relaties.map((r) => (
            <li key={r.zaak.id} className="utrecht-unordered-list__item">
              <Link naar={`/${gemeente.code}/zaken/${r.zaak.id}`}>{r.zaak.identificatie}</Link> {r.zaak.onderwerp} ({t(`relatie.${r.soort}`, { defaultValue: r.soort })})
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('zaak.geenRelaties')}</p>
      )}
    </Sectie>
  );
}

const grootte = (bytes: number, taal: string) =>
  bytes < 1024 * 1024 ? `${new Intl.NumberFormat(taal, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB` : `${new Intl.NumberFormat(taal, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** An upload for behandelaars: the file as the raw body, its type and name in the headers (docs/zaken-api.md). */
function DocumentToevoegen({ stuur, herlaad }: Omit<ActieProps, 'zaak'>) {
  const { t } = useTaal();
  const formulier = useFormulier({ extern: false });
  const [bestand, setBestand] = useState<File>();
  async function voegToe() {
    if (!bestand) {
      throw new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: 'bestand', code: 'geen-bestand', reason: t('document.kiesBestand') }] });
    }
    await stuur(`/documenten?extern=${String(formulier.waarden.extern)}`, bestand, t('document.toegevoegd', { naam: bestand.name }));
  }
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={voegToe}
      knop={t('document.toevoegen')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
      meldingen={{ 412: t('zaak.verouderd'), 413: t('document.teGroot'), 415: t('document.soortNiet', { detail: formulier.fout?.problem.detail ?? '' }) }}
      velden={{ bestand: 'document-bestand' }}
    >
      <Veld
        id="document-bestand"
        type="file"
        label={t('document.bestand')}
        uitleg={t('document.bestandUitleg')}
        accept=".pdf,.png,.jpg,.jpeg,.docx,.odt,.txt"
        onChange={(e) => setBestand(e.target.files?.[0])}
        fout={formulier.fout?.veld('bestand')}
      />
      <Vinkje
        id="document-extern"
        label={t('actie.zichtbaarVoorInwoner')}
        uitleg={t('document.externUitleg')}
        checked={formulier.waarden.extern}
        onChange={(e) => formulier.zet('extern', e.target.checked)}
      />
    </Formulier>
  );
}

/** The zaak's documents with download links (a plain link: the session cookie goes along). */
function Documenten({ zaak, gemeente }: { zaak: Zaak; gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const basis = `${API_BASIS}${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(zaak.id)}/documenten`;
  return (
    <Sectie titel={t('zaak.documenten')}>
      {zaak.documenten.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {zaak.documenten.map((d) => (
            <li key={d.id} className="utrecht-unordered-list__item">
              <a className="utrecht-link utrecht-link--html-a" href={`${basis}/${d.id}`} download={d.bestandsnaam}>
                {t('document.download', { naam: d.bestandsnaam })}
              </a>{' '}
              ({grootte(d.grootte, taal)}, {d.extern ? t('document.extern') : t('document.intern')}, {tijdstip(d.aangemaaktOp, taal)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('document.geen')}</p>
      )}
    </Sectie>
  );
}

/** A new tracking link for a resident who lost it: the old one stops working; shown here once. */
function Volgcode({ zaak, gemeente, herlaad }: { zaak: Zaak; gemeente: SessieGemeente; herlaad(): void }) {
  const { t } = useTaal();
  const { fout, bezig, verzend } = useVerzenden();
  const [nieuw, setNieuw] = useState<{ link: string; email: string | null }>();
  const uitkomst = useRef<HTMLDivElement>(null);
  function geef() {
    void verzend(async () => {
      const { data } = await api.post<AangemaakteZaak>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(zaak.id)}/volgcode`, { ifMatch: `"${zaak.versie}"` });
      flushSync(() => setNieuw({ link: data.volglink, email: data.betrokkene?.email ?? null }));
      uitkomst.current?.focus();
      herlaad();
    });
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('volgcode.uitleg')}</p>
      <div ref={uitkomst} tabIndex={-1} className="loket-focus-vak">
        {nieuw && (
          <Melding soort="ok" rol="status">
            <p className="utrecht-paragraph">{nieuw.email ? t('volgcode.gemaild', { email: nieuw.email }) : t('volgcode.nietGemaild')}</p>
            <p className="utrecht-paragraph">
              {t('volgcode.link')} <code className="loket-pre-wrap">{nieuw.link}</code>
            </p>
          </Melding>
        )}
      </div>
      <FoutSamenvatting fout={fout} meldingen={{ 412: t('zaak.verouderd') }} />
      <div className="utrecht-button-group">
        <Knop soort="secondary-action" bezig={bezig} onClick={geef}>
          {t('volgcode.knop')}
        </Knop>
        <HerlaadKnop fout={fout} onHerlaad={herlaad} />
      </div>
    </>
  );
}

/** The deadline and how it came about: norm, suspensions, extensions, days moved for holidays. */
function Termijn({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  const termijn = zaak.termijn;
  return (
    <Sectie titel={t('termijn.titel')}>
      <p className="utrecht-paragraph">
        <strong>{zaak.afgeslotenOp ? t('termijn.wasUiterlijk', { datum: datum(zaak.uiterlijkeEinddatum, taal) }) : t('termijn.uiterlijk', { datum: datum(zaak.uiterlijkeEinddatum, taal) })}</strong> <Band band={zaak.termijnband} />
        {zaak.opgeschort && (
          <>
            {' '}
            <Opgeschort />
          </>
        )}
      </p>
      {zaak.opgeschort && <p className="utrecht-paragraph">{t('termijn.opgeschortUitleg')}</p>}
      <Gegevenslijst
        regels={[
          [t('termijn.norm'), `${duurTekst(t, termijn.norm)}. ${termijn.norm.endsWith('wd') ? t('termijn.regelWerkdagen') : t('termijn.regelWettelijk')}`],
          [t('zaak.ontvangstdatum'), datum(termijn.ontvangstdatum, taal)],
          ...(termijn.startdatum === termijn.ontvangstdatum ? [] : [[t('termijn.teltVanaf'), datum(termijn.startdatum, taal)] as [string, string]]),
          [t('termijn.oorspronkelijk'), datum(termijn.oorspronkelijkeEinddatum, taal)],
          [
            t('termijn.opgeschort'),
            termijn.opschortingen.length === 0 ? (
              t('termijn.nietOpgeschort')
            ) : (
              <>
                {t('termijn.opgeschorteDagen', { count: termijn.opgeschorteDagen })}
                <ul className="utrecht-unordered-list">
                  {termijn.opschortingen.map((o) => (
                    <li key={o.van + o.reden} className="utrecht-unordered-list__item">
                      {o.tot ? t('termijn.vanTot', { van: datum(o.van, taal), tot: datum(o.tot, taal) }) : t('termijn.vanafLopend', { van: datum(o.van, taal) })}: {o.reden}
                    </li>
                  ))}
                </ul>
              </>
            ),
          ],
          [
            t('termijn.verlengingen'),
            termijn.verlengingen.length === 0 ? (
              t('termijn.nietVerlengd')
            ) : (
              <ul className="utrecht-unordered-list">
                {termijn.verlengingen.map((v) => (
                  <li key={v.op} className="utrecht-unordered-list__item">
                    {duurTekst(t, v.duur)} ({tijdstip(v.op, taal, true)}): {v.reden}
                  </li>
                ))}
              </ul>
            ),
          ],
          [t('termijn.maxVerlenging'), termijn.maxVerlenging ? duurTekst(t, termijn.maxVerlenging) : t('termijn.geenVerlenging')],
          ...(termijn.verschoven.length > 0
            ? [[t('termijn.verschoven'), termijn.verschoven.map((v) => `${datum(v.datum, taal)} (${v.naam})`).join(', ')] as [string, string]]
            : []),
        ]}
      />
    </Sectie>
  );
}

function Statussen({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  return (
    <Sectie titel={t('zaak.statussen')}>
      <ol className="utrecht-ordered-list loket-stappen">
        {zaak.statussen.map((s) => {
          const staat = s.huidig ? 'nu' : s.gezetOp ? 'klaar' : s.volgende ? 'volgende' : 'later';
          return (
            <li key={s.volgnummer} className={`utrecht-ordered-list__item loket-stap loket-stap--${staat}`} aria-current={s.huidig ? 'step' : undefined}>
              <strong>{stapNaam(s, taal)}</strong> — {t(`stap.${staat}`, { datum: tijdstip(s.gezetOp, taal) })}
              {s.informeren ? ` ${t('stap.informeren')}` : ''}
            </li>
          );
        })}
      </ol>
    </Sectie>
  );
}

function Tijdlijn({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  const rijen = zaak.tijdlijn.toReversed().map((regel) => ({ ...regel, id: regel.volgnummer }));
  return (
    <Sectie titel={t('tijdlijn.titel')}>
      <Tabel
        bijschrift={t('tijdlijn.bijschrift', { zaak: zaak.identificatie })}
        leeg={t('tijdlijn.leeg')}
        rijen={rijen}
        kolommen={[
          { kop: t('tijdlijn.wanneer'), render: (r) => tijdstip(r.op, taal) },
          { kop: t('tijdlijn.wat'), render: (r) => <span className="loket-pre-wrap">{gebeurtenisTekst(t, r, zaak.statussen, taal)}</span> },
          { kop: t('tijdlijn.wie'), render: (r) => (r.doorInwoner ? t('tijdlijn.inwoner') : (r.door?.naam ?? t('tijdlijn.systeem'))) },
          { kop: t('tijdlijn.zichtbaar'), render: (r) => (r.extern ? t('tijdlijn.extern') : t('tijdlijn.intern')) },
        ]}
      />
    </Sectie>
  );
}

/** The zaak's registration data. */
function Gegevens({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  return (
    <Sectie titel={t('zaak.gegevens')}>
      <Gegevenslijst
        regels={[
          [t('zaak.zaaktype'), t('zaak.zaaktypeVersie', { naam: zaak.zaaktypeVersie.naam[taal], versie: zaak.zaaktype.versie })],
          [t('zaak.omschrijving'), zaak.omschrijving ? <span className="loket-pre-wrap">{zaak.omschrijving}</span> : t('geen')],
          [t('zaak.kanaal'), t(`kanaal.${zaak.kanaal}`)],
          [t('zaak.ontvangstdatum'), datum(zaak.ontvangstdatum, taal)],
          [t('zaak.registratie'), tijdstip(zaak.registratieOp, taal)],
          [t('zaak.vertrouwelijkheid'), t(`vertrouwelijkheid.${zaak.vertrouwelijkheid}`)],
          [t('zaak.team'), zaak.team.naam],
          ...(zaak.archiefactiedatum ? [[t('zaak.archiefactiedatum'), datum(zaak.archiefactiedatum, taal)] as [string, string]] : []),
        ]}
      />
    </Sectie>
  );
}

function Betrokkene({ zaak }: { zaak: Zaak }) {
  const { t } = useTaal();
  const b = zaak.betrokkene;
  return (
    <Sectie titel={t('zaak.betrokkene')}>
      {b ? (
        <Gegevenslijst
          regels={[
            [t('veld.naam'), b.naam || t('geen')],
            [t('veld.email'), b.email ?? t('geen')],
            [t('zaak.telefoon'), b.telefoon ?? t('geen')],
            [t('zaak.adres'), b.adres ? `${b.adres.postcode} ${b.adres.huisnummer}${b.adres.huisnummerToevoeging ? ` ${b.adres.huisnummerToevoeging}` : ''}` : t('geen')],
            [t('zaak.taal'), t(`taal.${b.taal}`)],
          ]}
        />
      ) : (
        <p className="utrecht-paragraph">{t('zaak.geenBetrokkene')}</p>
      )}
    </Sectie>
  );
}

/** The actions of the panel, each one form. */
type ActieSoort = 'toewijzing' | 'status' | 'bericht' | 'opschorting' | 'verlenging' | 'termijn' | 'afsluiting' | 'notitie' | 'relatie' | 'document' | 'volgcode' | BezwaarActieSoort | KlachtActieSoort;

interface Actie {
  soort: ActieSoort;
  titel: string;
  inhoud: ReactNode;
  /** Forms start afresh for each version of the zaak; the tracking-link result must survive the reload it causes. */
  blijvend?: boolean;
}

/** What the handler does next, in words, and the action that does it (if the panel has it); `oppakken` (claim) is a button without a form. */
function volgendeStap(zaak: Zaak, ik: string | undefined, taal: string, bezwaar: Bezwaar | undefined, klachtStap: KlachtActieSoort | null): { tekst: string; waarden?: Record<string, string>; actie: ActieSoort | 'oppakken' | null } | null {
  if (zaak.afgeslotenOp) return null;
  // A klacht follows its procedure (ADR 0060): the next step is one of its forms.
  if (klachtStap) return { tekst: klachtStap, actie: klachtStap };
  if (zaak.opgeschort && zaak.reactieOntvangen) return { tekst: 'opschortingBeeindigen', actie: 'opschorting' };
  if (zaak.nieuweReactieOp) return { tekst: 'reageren', actie: zaak.betrokkene?.email ? 'bericht' : 'notitie' };
  if (zaak.opgeschort) return { tekst: 'wachten', actie: null };
  // A bezwaar: the next step of its procedure (Awb hoofdstuk 7), whoever handles it.
  if (bezwaar) return volgendeBezwaarStap(bezwaar);
  if (!zaak.behandelaar) return { tekst: 'oppakken', actie: 'oppakken' };
  if (zaak.behandelaar.id !== ik) return { tekst: 'anderBehandelt', waarden: { naam: zaak.behandelaar.naam }, actie: null };
  const volgende = zaak.statussen.find((s) => s.volgende && !s.eindstatus);
  if (volgende) return { tekst: 'status', waarden: { naam: stapNaam(volgende, taal) }, actie: 'status' };
  return { tekst: 'afsluiten', actie: 'afsluiting' };
}

/** The deadline in words, not by colour alone: the date and how many days are left or late. */
function TermijnInWoorden({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  const einde = datum(zaak.uiterlijkeEinddatum, taal);
  if (zaak.afgeslotenOp) return <>{t('termijn.wasUiterlijk', { datum: einde })}</>;
  if (zaak.opgeschort) return <>{t('stand.termijnStilt', { datum: einde })}</>;
  const dagen = dagenTot(zaak.termijn.berekendOp, zaak.uiterlijkeEinddatum);
  const woorden = dagen < 0 ? t('stand.teLaat', { count: -dagen }) : dagen === 0 ? t('stand.vandaag') : dagen === 1 ? t('stand.morgen') : t('stand.nog', { count: dagen });
  return (
    <>
      {t('stand.termijn', { datum: einde, woorden })} <Band band={zaak.termijnband} />
    </>
  );
}

/** At the top: where the zaak stands, its deadline and the next step. */
function Stand({ zaak, ik, acties, onOpen, oppakken, bezwaar, klachtStap }: { zaak: Zaak; ik: string | undefined; acties: readonly Actie[]; onOpen(soort: ActieSoort): void; oppakken: ReactNode; bezwaar: Bezwaar | undefined; klachtStap: KlachtActieSoort | null }) {
  const { t, taal } = useTaal();
  const stap = volgendeStap(zaak, ik, taal, bezwaar, klachtStap);
  const actie = stap?.actie && stap.actie !== 'oppakken' ? acties.find((a) => a.soort === stap.actie) : undefined;
  return (
    <Sectie titel={t('stand.titel')}>
      {zaak.afgeslotenOp && (
        <Melding soort="info" rol="none">
          <p className="utrecht-paragraph">
            {t('zaak.isAfgesloten', { datum: tijdstip(zaak.afgeslotenOp, taal), resultaat: zaak.resultaat?.naam ?? '' })}
            {zaak.resultaat?.toelichting ? ` ${zaak.resultaat.toelichting}` : ''}
          </p>
        </Melding>
      )}
      <Gegevenslijst
        regels={[
          [
            t('zaak.status'),
            <>
              {stapNaam(zaak.status, taal)}
              {zaak.opgeschort ? (
                <>
                  {' '}
                  <Opgeschort />
                </>
              ) : (
                !zaak.afgeslotenOp && ` (${t('stand.loopt')})`
              )}
            </>,
          ],
          [t('stand.uiterlijk'), <TermijnInWoorden key="termijn" zaak={zaak} />],
          [t('zaak.behandelaar'), zaak.behandelaar ? t('stand.behandelaar', { naam: zaak.behandelaar.naam, team: zaak.team.naam }) : t('actie.nogNiemand', { team: zaak.team.naam })],
          ...(stap
            ? [
                [
                  t('stand.volgendeStap'),
                  <>
                    {t(`volgende.${stap.tekst}`, { ...stap.waarden, ...(stap.waarden?.datum ? { datum: datum(stap.waarden.datum, taal) } : {}) })}
                    {actie && (
                      <>
                        {' '}
                        <Knop soort="secondary-action" onClick={() => onOpen(actie.soort)}>
                          {actie.titel}
                        </Knop>
                      </>
                    )}
                    {stap.actie === 'oppakken' && oppakken}
                  </>,
                ] as [string, ReactNode],
              ]
            : []),
        ]}
      />
    </Sectie>
  );
}

/** The resident's replies that staff have not acted on yet (nieuweReactieOp), near the top. */
function NieuweReacties({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  const sinds = zaak.nieuweReactieOp;
  if (!sinds) return null;
  const reacties = zaak.tijdlijn.filter((g) => g.soort === 'reactie' && g.doorInwoner && g.op >= sinds);
  return (
    <Sectie titel={t('reactie.titel', { count: reacties.length })}>
      <Melding soort="warning" rol="none">
        <ul className="utrecht-unordered-list">
          {reacties.map((r) => (
            <li key={r.volgnummer} className="utrecht-unordered-list__item">
              <strong>{tijdstip(r.op, taal)}:</strong> <span className="loket-pre-wrap">{typeof r.gegevens.tekst === 'string' ? r.gegevens.tekst : ''}</span>
            </li>
          ))}
        </ul>
        <p className="utrecht-paragraph">{t('reactie.uitleg')}</p>
      </Melding>
    </Sectie>
  );
}

/**
 * The actions as a row of buttons; each opens its form below the row (one at a time, a
 * disclosure). Opening moves the focus to the form's heading; closing moves it back to its button.
 */
function ActiePaneel({ acties, open, onWissel, kop, knoppen, sleutel }: { acties: readonly Actie[]; open: ActieSoort | null; onWissel(soort: ActieSoort): void; kop: Ref<HTMLHeadingElement>; knoppen: Map<ActieSoort, HTMLButtonElement>; sleutel: string }) {
  const { t } = useTaal();
  const gekozen = acties.find((a) => a.soort === open);
  if (acties.length === 0) return null;
  return (
    <Sectie titel={t('actie.titel')}>
      <div className="utrecht-button-group loket-acties">
        {acties.map((a) => (
          <Knop
            key={a.soort}
            soort={open === a.soort ? 'primary-action' : 'secondary-action'}
            aria-expanded={open === a.soort}
            aria-controls={open === a.soort ? `actie-${a.soort}` : undefined}
            ref={(knop) => {
              if (knop) knoppen.set(a.soort, knop);
              else knoppen.delete(a.soort);
            }}
            onClick={() => onWissel(a.soort)}
          >
            {a.titel}
          </Knop>
        ))}
      </div>
      {gekozen && (
        <section id={`actie-${gekozen.soort}`} className="loket-actievak" aria-labelledby={`actie-${gekozen.soort}-kop`}>
          <h3 id={`actie-${gekozen.soort}-kop`} ref={kop} tabIndex={-1} className="utrecht-heading-3 loket-focus-vak">
            {gekozen.titel}
          </h3>
          <div key={gekozen.blijvend ? gekozen.soort : `${sleutel}-${gekozen.soort}`}>{gekozen.inhoud}</div>
          <Knop soort="subtle" onClick={() => onWissel(gekozen.soort)}>
            {t('actie.sluiten')}
          </Knop>
        </section>
      )}
    </Sectie>
  );
}

/** The bezwaar of the zaak (when it is one and the caller works on bezwaren), loaded beside it. */
interface BezwaarBron {
  data: Bezwaar | undefined;
  /** Loading failed (404: the zaak has no bezwaar of the procedure). */
  fout: unknown;
  zet(bezwaar: Bezwaar): void;
  herlaad(): void;
}

function Inhoud({ bron, gemeente, bezwaarBron }: { bron: VersieBron<Zaak>; gemeente: SessieGemeente; bezwaarBron?: BezwaarBron | undefined }) {
  const { t } = useTaal();
  const bezwaar = bezwaarBron?.data;
  const zaak = bron.data;
  const { ik, teams } = useTeams(gemeente);
  const [melding, setMelding] = useState<string>();
  const [open, setOpen] = useState<ActieSoort | null>(null);
  const meldingVak = useRef<HTMLDivElement>(null);
  const kop = useRef<HTMLHeadingElement>(null);
  const [knoppen] = useState(() => new Map<ActieSoort, HTMLButtonElement>());
  const wijziging = bron.wijziging('actie');
  const stuur: Stuur = async (deel, body, tekst) => {
    await wijziging.stuur('post', deel, body);
    flushSync(() => {
      setMelding(tekst);
      setOpen(null);
    });
    meldingVak.current?.focus();
  };
  /** A step of the bezwaar procedure: its answer holds the zaak (with its ETag) and the bezwaar after it. */
  const stuurStap: StuurStap = async (body, tekst) => {
    const antwoord = await api.post<BezwaarNaStap>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(zaak.id)}/bezwaar/stappen`, { body, ifMatch: `"${zaak.versie}"` });
    flushSync(() => {
      bezwaarBron?.zet(antwoord.data.bezwaar);
      bron.vervang({ data: antwoord.data.zaak, etag: antwoord.etag });
      setMelding(tekst);
      setOpen(null);
    });
    meldingVak.current?.focus();
  };
  const herlaad = () => {
    wijziging.herlaad();
    bezwaarBron?.herlaad();
  };
  /** Opens an action (closing the open one) and focuses its heading; closing focuses its button again. */
  function wissel(soort: ActieSoort) {
    const sluiten = open === soort;
    flushSync(() => setOpen(sluiten ? null : soort));
    if (sluiten) knoppen.get(soort)?.focus();
    else kop.current?.focus();
  }
  const klacht = useKlacht(gemeente, zaak);
  /** A step of the klacht procedure: POST with If-Match (the zaak's version), then the zaak and the klacht load afresh. */
  const stuurKlachtStap: StuurKlachtStap = async (body, tekst) => {
    await api.post(`${gemeentePad(gemeente.code)}/klachten/${encodeURIComponent(zaak.id)}/stappen`, { body, ifMatch: `"${zaak.versie}"` });
    wijziging.herlaad();
    flushSync(() => {
      setMelding(tekst);
      setOpen(null);
    });
    meldingVak.current?.focus();
  };
  const rollen = gemeente.rollen;
  const behandelen = heeftRecht(rollen, 'zakenBehandelen');
  const klachtStappen = klachtActies(klacht, t).map((a) => ({
    ...a,
    inhoud: klacht && <KlachtStap soort={a.soort} klacht={klacht} stuur={stuurKlachtStap} herlaad={wijziging.herlaad} teams={teams} vandaag={zaak.termijn.berekendOp} />,
  }));
  const props = { zaak, stuur, herlaad };
  const lopend = !zaak.afgeslotenOp;
  // A bezwaar's term and closing belong to its procedure (7:10, the decision with its letter): no generic suspension, extension, term or closing.
  // (A zaak of that zaaktype without a bezwaar of the procedure, 404, keeps the generic actions; while its bezwaar loads, none.)
  const isBezwaar = zaak.zaaktype.code === BEZWAAR_ZAAKTYPE;
  const algemeen = bezwaarBron ? !bezwaar && bezwaarBron.fout !== undefined : true;
  const volgendeStatus = zaak.statussen.some((s) => s.volgnummer > zaak.status.volgnummer && !s.eindstatus);
  const acties: Actie[] = [
    ...(lopend && behandelen && teams ? [{ soort: 'toewijzing' as const, titel: t('actie.toewijzing'), inhoud: <Toewijzing {...props} gemeente={gemeente} ik={ik} teams={teams} /> }] : []),
    ...(lopend && behandelen && volgendeStatus ? [{ soort: 'status' as const, titel: t('actie.status'), inhoud: <Status {...props} /> }] : []),
    ...(lopend && behandelen ? [{ soort: 'bericht' as const, titel: t('actie.bericht'), inhoud: <Bericht {...props} /> }] : []),
    ...(heeftRecht(rollen, 'zakenRegistreren') ? [{ soort: 'notitie' as const, titel: t('actie.notitie'), inhoud: <Notitie {...props} /> }] : []),
    ...(bezwaar && lopend ? bezwaarActies(bezwaar, t).map((a) => ({ ...a, inhoud: <BezwaarFormulier soort={a.soort} bezwaar={bezwaar} stuur={stuurStap} herlaad={herlaad} /> })) : []),
    ...(!isBezwaar && lopend && behandelen && heeftRecht(rollen, 'bezwaarBehandelen') && teams
      ? [{ soort: 'bezwaar-omzetting' as const, titel: t('bezwaar.actieOmzetten'), inhoud: <Omzetting zaak={zaak} gemeente={gemeente} teams={teams} herlaad={herlaad} /> }]
      : []),
    ...(algemeen && lopend && behandelen && zaak.termijn.opschortingToegestaan
      ? [{ soort: 'opschorting' as const, titel: zaak.opgeschort ? t('actie.opschortingEinde') : t('actie.opschorten'), inhoud: <Opschorting {...props} /> }]
      : []),
    ...klachtStappen,
    ...(algemeen && lopend && behandelen && zaak.termijn.maxVerlenging && !klacht ? [{ soort: 'verlenging' as const, titel: t('actie.verlengen'), inhoud: <Verlenging {...props} /> }] : []),
    ...(algemeen && lopend && behandelen && (zaak.termijn.startVastleggen || zaak.termijn.normKeuze.length > 1)
      ? [{ soort: 'termijn' as const, titel: t('actie.termijnVastleggen'), inhoud: <TermijnVastleggen {...props} /> }]
      : []),
    ...(behandelen
      ? [
          { soort: 'document' as const, titel: t('document.toevoegen'), inhoud: <DocumentToevoegen stuur={stuur} herlaad={herlaad} /> },
          { soort: 'relatie' as const, titel: t('actie.relatieToevoegen'), inhoud: <Relateren stuur={stuur} herlaad={herlaad} gemeente={gemeente} /> },
        ]
      : []),
    ...(heeftRecht(rollen, 'volgcodeVernieuwen') ? [{ soort: 'volgcode' as const, titel: t('volgcode.titel'), inhoud: <Volgcode zaak={zaak} gemeente={gemeente} herlaad={herlaad} />, blijvend: true }] : []),
    ...(algemeen && lopend && behandelen && !klacht ? [{ soort: 'afsluiting' as const, titel: t('actie.afsluiten'), inhoud: <Afsluiting {...props} /> }] : []),
  ];
  const oppakKnop = behandelen && <Oppakken stuur={stuur} herlaad={herlaad} tekst={t('volgende.oppakKnop')} />;
  return (
    <>
      <div ref={meldingVak} tabIndex={-1} className="loket-focus-vak">
        <Statusmelding tekst={melding} />
      </div>
      <NieuweReacties zaak={zaak} />
      <Stand zaak={zaak} ik={ik} acties={acties} onOpen={(soort) => open !== soort && wissel(soort)} oppakken={oppakKnop} bezwaar={bezwaar} klachtStap={volgendeKlachtStap(klacht)} />
      <ActiePaneel acties={acties} open={open} onWissel={wissel} kop={kop} knoppen={knoppen} sleutel={`${bron.ronde}-${zaak.versie}`} />
      <div className="loket-zaak-kolommen">
        <div>
          {klacht && <KlachtOverzicht klacht={klacht} />}
          {bezwaar && <BezwaarStand bezwaar={bezwaar} gemeente={gemeente} zaakId={zaak.id} />}
          <Termijn zaak={zaak} />
          <Statussen zaak={zaak} />
          <Tijdlijn zaak={zaak} />
        </div>
        <div>
          <Gegevens zaak={zaak} />
          <Betrokkene zaak={zaak} />
          <Documenten zaak={zaak} gemeente={gemeente} />
          <Relaties zaak={zaak} gemeente={gemeente} />
        </div>
      </div>
    </>
  );
}

/** One zaak for its handler: where it stands, the deadline and the next step on top, the actions in a panel, then the details and the timeline. */
export function ZaakDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const { bron, fout } = useVersieBron<Zaak>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(id)}`);
  return (
    <Pagina titel={bron ? `${bron.data.identificatie}: ${bron.data.onderwerp}` : t('zaak.titel')} terug={{ naar: `/${gemeente.code}/zaken`, tekst: t('zaak.terug') }}>
      {bron ? (
        bron.data.zaaktype.code === BEZWAAR_ZAAKTYPE && heeftRecht(gemeente.rollen, 'bezwaarBehandelen') ? (
          <MetBezwaar bron={bron} gemeente={gemeente} />
        ) : (
          <Inhoud bron={bron} gemeente={gemeente} />
        )
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** A bezwaar's zaak page: the zaak and, beside it, its bezwaar (besluit, stand, the steps' forms). */
function MetBezwaar({ bron, gemeente }: { bron: VersieBron<Zaak>; gemeente: SessieGemeente }) {
  const laden = useLaden<Bezwaar>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(bron.data.id)}/bezwaar`);
  const { zet, herlaad } = laden;
  return <Inhoud bron={bron} gemeente={gemeente} bezwaarBron={{ data: laden.data, fout: laden.fout, zet: (data) => zet({ data, etag: undefined }), herlaad }} />;
}
