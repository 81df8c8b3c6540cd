import { useRef, useState, type ReactNode } from 'react';
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
import { Laadstatus } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { Band, Opgeschort, datum, duurTekst, gebeurtenisTekst, isLeiding, magBehandelen, useBehandelaars, useTeams } from './teksten.tsx';

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

function Toewijzing({ zaak, stuur, herlaad, gemeente, ik, teams }: ActieProps & { gemeente: SessieGemeente; ik: string | undefined; teams: Team[] }) {
  const { t } = useTaal();
  const oppakken = useVerzenden();
  const formulier = useFormulier({ behandelaar: zaak.behandelaar?.id ?? '', team: zaak.team.id });
  const mijn = ik !== undefined && zaak.behandelaar?.id === ik;
  // Only who can be behandelaar in the chosen team.
  const leden = useBehandelaars(gemeente, formulier.waarden.team || undefined) ?? [];
  return (
    <Sectie titel={t('actie.toewijzing')}>
      <p className="utrecht-paragraph">{zaak.behandelaar ? t('actie.behandeltNu', { naam: zaak.behandelaar.naam, team: zaak.team.naam }) : t('actie.nogNiemand', { team: zaak.team.naam })}</p>
      {!mijn && (
        <>
          <FoutSamenvatting fout={oppakken.fout} meldingen={{ 412: t('zaak.verouderd') }} />
          <div className="utrecht-button-group">
            <Knop bezig={oppakken.bezig} onClick={() => void oppakken.verzend(() => stuur('/toewijzing', { behandelaar: 'ik' }, t('actie.opgepakt')))}>
              {t('werkvoorraad.oppakken')}
            </Knop>
            <HerlaadKnop fout={oppakken.fout} onHerlaad={herlaad} />
          </div>
        </>
      )}
      {isLeiding(gemeente) && (
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
    </Sectie>
  );
}

function Status({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const mogelijk = zaak.statussen.filter((s) => s.volgnummer > zaak.status.volgnummer && !s.eindstatus);
  const volgende = mogelijk[0];
  const formulier = useFormulier({ statustype: String(volgende?.volgnummer ?? ''), toelichting: '' });
  if (!volgende) return null;
  const gekozen = mogelijk.find((s) => String(s.volgnummer) === formulier.waarden.statustype);
  return (
    <Sectie titel={t('actie.status')}>
      <ActieFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        deel="/statussen"
        body={(w) => ({ statustype: Number(w.statustype), toelichting: zonderLeeg(w.toelichting) })}
        melding={t('actie.statusGezet', { naam: gekozen?.naam ?? '' })}
        knop={t('actie.statusZetten')}
        velden={{ statustype: 'statustype', toelichting: 'status-toelichting' }}
      >
        <Keuzelijst
          id="statustype"
          label={t('actie.nieuweStatus')}
          {...koppel(formulier, 'statustype')}
          uitleg={<span aria-live="polite">{gekozen?.informeren ? t('actie.inwonerKrijgtBericht') : t('actie.inwonerKrijgtGeenBericht')}</span>}
          opties={mogelijk.map((s) => ({ waarde: String(s.volgnummer), label: s.naam }))}
        />
        <Tekstvak
          id="status-toelichting"
          label={t('actie.toelichtingOptioneel')}
          uitleg={gekozen?.informeren ? t('actie.toelichtingInMail') : undefined}
          {...koppel(formulier, 'toelichting')}
        />
      </ActieFormulier>
    </Sectie>
  );
}

function Notitie({ stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ tekst: '', extern: false });
  return (
    <Sectie titel={t('actie.notitie')}>
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
    </Sectie>
  );
}

function Bericht({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ tekst: '' });
  return (
    <Sectie titel={t('actie.bericht')}>
      {zaak.betrokkene?.email ? (
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
      )}
    </Sectie>
  );
}

function Opschorting({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ reden: '', toelichting: '' });
  if (!zaak.termijn.opschortingToegestaan) {
    return (
      <Sectie titel={t('actie.opschorten')}>
        <p className="utrecht-paragraph">{t('actie.opschortenNiet')}</p>
      </Sectie>
    );
  }
  if (zaak.opgeschort) {
    return (
      <Sectie titel={t('actie.opschortingEinde')}>
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
      </Sectie>
    );
  }
  return (
    <Sectie titel={t('actie.opschorten')}>
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
    </Sectie>
  );
}

const EENHEDEN = ['wd', 'D', 'W', 'M'] as const;
const duur = (w: { aantal: string; eenheid: string }) => (w.eenheid === 'wd' ? `${w.aantal.trim()}wd` : `P${w.aantal.trim()}${w.eenheid}`);

function Verlenging({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ aantal: '', eenheid: zaak.termijn.norm.endsWith('wd') ? 'wd' : 'W', reden: '' });
  const { maxVerlenging, verlengingen } = zaak.termijn;
  if (!maxVerlenging) {
    return (
      <Sectie titel={t('actie.verlengen')}>
        <p className="utrecht-paragraph">{t('actie.verlengenNiet')}</p>
      </Sectie>
    );
  }
  return (
    <Sectie titel={t('actie.verlengen')}>
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
    </Sectie>
  );
}

function Afsluiting({ zaak, stuur, herlaad }: ActieProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ resultaattype: '', toelichting: '' });
  const resultaten = zaak.zaaktypeVersie.resultaattypen;
  return (
    <Sectie titel={t('actie.afsluiten')}>
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
    </Sectie>
  );
}

const SOORTEN = ['gerelateerd', 'vervolg', 'onderwerp', 'bijdrage'] as const;

function Relaties({ zaak, stuur, herlaad, gemeente, behandelen }: ActieProps & { gemeente: SessieGemeente; behandelen: boolean }) {
  const { t } = useTaal();
  const formulier = useFormulier({ zaaknummer: '', soort: 'gerelateerd' });
  /** The zaak number becomes the id the API wants (open or closed zaken). */
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
      {behandelen && (
        <Formulier
          formulier={formulier}
          onVerstuur={relateer}
          knop={t('actie.relateren')}
          knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
          meldingen={{ 412: t('zaak.verouderd') }}
          velden={{ zaak: 'zaaknummer', zaaknummer: 'zaaknummer', soort: 'relatie-soort' }}
        >
          <Veld id="zaaknummer" label={t('actie.zaaknummer')} uitleg={t('actie.zaaknummerUitleg')} autoComplete="off" {...koppel(formulier, 'zaaknummer', 'zaak')} />
          <Keuzelijst
            id="relatie-soort"
            label={t('actie.soortRelatie')}
            {...koppel(formulier, 'soort')}
            opties={SOORTEN.map((s) => ({ waarde: s, label: t(`relatie.${s}`) }))}
          />
        </Formulier>
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

/** The zaak's documents with download links (a plain link: the session cookie goes along), and the upload. */
function Documenten({ zaak, gemeente, stuur, herlaad, behandelen, ronde }: ActieProps & { gemeente: SessieGemeente; behandelen: boolean; ronde: string }) {
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
      {behandelen && <DocumentToevoegen key={ronde} stuur={stuur} herlaad={herlaad} />}
    </Sectie>
  );
}

const magVolgcode = (gemeente: SessieGemeente) => gemeente.rollen.some((r) => r === 'behandelaar' || r === 'teamleider' || r === 'beheerder' || r === 'kcc-medewerker');

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
    <Sectie titel={t('volgcode.titel')}>
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
    </Sectie>
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
              <strong>{s.naam}</strong> — {t(`stap.${staat}`, { datum: tijdstip(s.gezetOp, taal) })}
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
          { kop: t('tijdlijn.wat'), render: (r) => <span className="loket-pre-wrap">{gebeurtenisTekst(t, r)}</span> },
          { kop: t('tijdlijn.wie'), render: (r) => (r.doorInwoner ? t('tijdlijn.inwoner') : (r.door?.naam ?? t('tijdlijn.systeem'))) },
          { kop: t('tijdlijn.zichtbaar'), render: (r) => (r.extern ? t('tijdlijn.extern') : t('tijdlijn.intern')) },
        ]}
      />
    </Sectie>
  );
}

function Samenvatting({ zaak }: { zaak: Zaak }) {
  const { t, taal } = useTaal();
  return (
    <>
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
          [t('zaak.zaaktype'), t('zaak.zaaktypeVersie', { naam: zaak.zaaktypeVersie.naam[taal], versie: zaak.zaaktype.versie })],
          [t('zaak.status'), zaak.status.naam],
          [t('zaak.omschrijving'), zaak.omschrijving ? <span className="loket-pre-wrap">{zaak.omschrijving}</span> : t('geen')],
          [t('zaak.kanaal'), t(`kanaal.${zaak.kanaal}`)],
          [t('zaak.ontvangstdatum'), datum(zaak.ontvangstdatum, taal)],
          [t('zaak.registratie'), tijdstip(zaak.registratieOp, taal)],
          [t('zaak.vertrouwelijkheid'), t(`vertrouwelijkheid.${zaak.vertrouwelijkheid}`)],
          [t('zaak.team'), zaak.team.naam],
          [t('zaak.behandelaar'), zaak.behandelaar?.naam ?? t('werkvoorraad.nietToegewezenKort')],
          ...(zaak.archiefactiedatum ? [[t('zaak.archiefactiedatum'), datum(zaak.archiefactiedatum, taal)] as [string, string]] : []),
        ]}
      />
    </>
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
            [t('zaak.taal'), t(`taal.${b.taal}`)],
          ]}
        />
      ) : (
        <p className="utrecht-paragraph">{t('zaak.geenBetrokkene')}</p>
      )}
    </Sectie>
  );
}

function Inhoud({ bron, gemeente }: { bron: VersieBron<Zaak>; gemeente: SessieGemeente }) {
  const zaak = bron.data;
  const { ik, teams } = useTeams(gemeente);
  const [melding, setMelding] = useState<string>();
  const meldingVak = useRef<HTMLDivElement>(null);
  const wijziging = bron.wijziging('actie');
  const stuur: Stuur = async (deel, body, tekst) => {
    await wijziging.stuur('post', deel, body);
    flushSync(() => setMelding(tekst));
    meldingVak.current?.focus();
  };
  const behandelen = magBehandelen(gemeente);
  const props = { zaak, stuur, herlaad: wijziging.herlaad };
  const open = !zaak.afgeslotenOp;
  return (
    <>
      <div ref={meldingVak} tabIndex={-1} className="loket-focus-vak">
        <Statusmelding tekst={melding} />
      </div>
      <Samenvatting zaak={zaak} />
      <Termijn zaak={zaak} />
      <Statussen zaak={zaak} />
      <Betrokkene zaak={zaak} />
      {/* Forms start afresh for each version of the zaak. */}
      <div key={`${bron.ronde}-${zaak.versie}`}>
        {open && behandelen && teams && (
          <>
            <Toewijzing {...props} gemeente={gemeente} ik={ik} teams={teams} />
            <Status {...props} />
            <Bericht {...props} />
            <Opschorting {...props} />
            <Verlenging {...props} />
            <Afsluiting {...props} />
          </>
        )}
        <Notitie {...props} />
        <Relaties {...props} gemeente={gemeente} behandelen={behandelen} />
      </div>
      <Documenten zaak={zaak} gemeente={gemeente} stuur={stuur} herlaad={wijziging.herlaad} behandelen={behandelen} ronde={`${bron.ronde}-${zaak.versie}`} />
      {magVolgcode(gemeente) && <Volgcode zaak={zaak} gemeente={gemeente} herlaad={wijziging.herlaad} />}
      <Tijdlijn zaak={zaak} />
    </>
  );
}

/** One zaak: summary, deadline with its explanation, statuses, resident, every action, timeline. */
export function ZaakDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const { bron, fout } = useVersieBron<Zaak>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(id)}`);
  return (
    <Pagina titel={bron ? `${bron.data.identificatie}: ${bron.data.onderwerp}` : t('zaak.titel')} terug={{ naar: `/${gemeente.code}/zaken`, tekst: t('zaak.terug') }}>
      {bron ? <Inhoud bron={bron} gemeente={gemeente} /> : <Laadstatus fout={fout} />}
    </Pagina>
  );
}
