import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { RECHTEN, heeftRecht } from '../../../../../src/http/rechten.ts';
import { ApiError, alles, api, gemeentePad, type Medewerker, type Sessie, type SessieGemeente, type Team, type Termijnband, type Zaak } from '../../api.ts';
import { useTaal } from '../../i18n/i18n.tsx';
import { tijdstip } from '../../tijd.ts';

/** A calendar date (YYYY-MM-DD) in the chosen language, e.g. "13 apr 2026". */
export function datum(waarde: string | null | undefined, taal: string): string {
  return waarde ? tijdstip(`${waarde}T12:00:00Z`, taal, true) : '';
}

/** Calendar days from one date (YYYY-MM-DD) to another: negative when `tot` lies before `van`. */
export function dagenTot(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

/** A term in words: P6W → "6 weken", 10wd → "10 werkdagen", P5Y → "5 jaar". */
export function duurTekst(t: TFunction, duur: string | null | undefined): string {
  if (!duur) return t('geen');
  const werkdagen = /^(\d+)wd$/.exec(duur);
  if (werkdagen) return t('duur.werkdagen', { count: Number(werkdagen[1]) });
  const iso = /^P(\d+)([DWMY])$/.exec(duur);
  if (!iso) return duur;
  const eenheid = { D: 'dagen', W: 'weken', M: 'maanden', Y: 'jaren' }[iso[2] as 'D' | 'W' | 'M' | 'Y'];
  return t(`duur.${eenheid}`, { count: Number(iso[1]) });
}

/** The deadline band as text inside a visual badge: the text carries the meaning, the colour only adds to it. */
export function Band({ band }: { band: Termijnband | null }) {
  const { t } = useTaal();
  if (!band) return null;
  return <span className={`loket-badge loket-badge--${band}`}>{t(`band.${band}`)}</span>;
}

/** A step's name in the chosen language: the English name where the zaaktype gives one, else the Dutch one. */
export const stapNaam = (stap: { naam: string; naamEn: string }, taal: string): string => (taal === 'en' && stap.naamEn) || stap.naam;

/** The "suspended" marker. */
export function Opgeschort() {
  const { t } = useTaal();
  return <span className="loket-badge loket-badge--opgeschort">{t('zaak.opgeschort')}</span>;
}

export const magBehandelen = (gemeente: SessieGemeente) => heeftRecht(gemeente.rollen, 'zakenBehandelen');
export const isLeiding = (gemeente: SessieGemeente) => heeftRecht(gemeente.rollen, 'zakenLeiden');

/** Starts a load for an effect (its cleanup aborts it); an ApiError goes to `setFout`. */
function laadVoorEffect<T>(laad: (signal: AbortSignal) => Promise<T>, zet: (data: T) => void, setFout: (fout: ApiError) => void): () => void {
  const afbreken = new AbortController();
  laad(afbreken.signal).then(zet, (error: unknown) => {
    if (error instanceof ApiError) setFout(error);
  });
  return () => afbreken.abort();
}

/** The logged-in staff member, the gemeente's teams and their own teams (`teams?lid=ik`). */
export function useTeams(gemeente: SessieGemeente) {
  const [staat, setStaat] = useState<{ ik: string; teams: Team[]; mijnTeams: Team[] }>();
  const [fout, setFout] = useState<ApiError>();
  useEffect(
    () =>
      laadVoorEffect(
        async (signal) => {
          const pad = `${gemeentePad(gemeente.code)}/teams`;
          const [sessie, teams, mijnTeams] = await Promise.all([api.get<Sessie>('/sessie', { signal }), alles<Team>(pad, signal), alles<Team>(`${pad}?lid=ik`, signal)]);
          return { ik: sessie.data.gebruiker.id, teams, mijnTeams };
        },
        setStaat,
        setFout,
      ),
    [gemeente.code],
  );
  return { ...staat, fout };
}

/** Who can be behandelaar (who holds the right zakenBehandelen), of one team or of all (`GET …/medewerkers`), by name. */
export function useBehandelaars(gemeente: SessieGemeente, team: string | undefined): Medewerker[] | undefined {
  const [staat, setStaat] = useState<{ team: string | undefined; medewerkers: Medewerker[] }>();
  useEffect(() => {
    const query = new URLSearchParams({ rol: RECHTEN.zakenBehandelen.join(','), ...(team ? { team } : {}) }).toString();
    return laadVoorEffect(
      (signal) => alles<Medewerker>(`${gemeentePad(gemeente.code)}/medewerkers?${query}`, signal),
      (medewerkers) => setStaat({ team, medewerkers }),
      () => setStaat({ team, medewerkers: [] }),
    );
  }, [gemeente.code, team]);
  return staat && staat.team === team ? staat.medewerkers : undefined;
}

type Regel = Zaak['tijdlijn'][number];

const tekst = (waarde: unknown): string => (typeof waarde === 'string' ? waarde : '');

/**
 * What happened in one timeline entry, in words. A status is named as the zaak's own step
 * (`stappen`, in English where the step has an English name); the name stored in the event is
 * the fallback.
 */
export function gebeurtenisTekst(t: TFunction, regel: Regel, stappen: readonly { volgnummer: number; naam: string; naamEn: string }[], taal: string): string {
  const g = regel.gegevens;
  const met = (hoofd: string, extra: string) => (extra ? `${hoofd} ${t('tijdlijn.toelichting', { tekst: extra })}` : hoofd);
  switch (regel.soort) {
    case 'aangemaakt':
      return t('tijdlijn.aangemaakt', { kanaal: t(`kanaal.${tekst(g.kanaal)}`, { defaultValue: tekst(g.kanaal) }) });
    case 'status': {
      const stap = stappen.find((s) => s.volgnummer === g.volgnummer);
      return met(t('tijdlijn.status', { naam: stap ? stapNaam(stap, taal) : tekst(g.naam) }), tekst(g.toelichting));
    }
    case 'notitie':
      return t('tijdlijn.notitie', { tekst: tekst(g.tekst) });
    case 'bericht':
      return t('tijdlijn.bericht', { tekst: tekst(g.tekst) });
    case 'opschorting':
      return `${t('tijdlijn.opschorting', { reden: tekst(g.reden) })}${g.geinformeerd ? ` ${t('tijdlijn.inwonerGemaild')}` : ''}`;
    case 'opschorting-einde':
      return met(t('tijdlijn.opschortingEinde'), tekst(g.toelichting));
    case 'verlenging':
      return t('tijdlijn.verlenging', { duur: duurTekst(t, tekst(g.duur)), reden: tekst(g.reden) });
    case 'termijn':
      return t('tijdlijn.termijn', { start: datum(tekst(g.startdatum), taal), duur: duurTekst(t, tekst(g.norm)), reden: tekst(g.reden) });
    case 'toewijzing':
      return g.behandelaarNaam ? t('tijdlijn.toegewezen', { naam: tekst(g.behandelaarNaam) }) : t('tijdlijn.nietToegewezen');
    case 'heropening':
      return met(t('tijdlijn.heropening', { duur: duurTekst(t, tekst(g.norm)), reden: tekst(g.reden) }), tekst(g.toelichting));
    case 'resultaat':
      return met(t('tijdlijn.resultaat', { naam: tekst(g.naam) }), tekst(g.toelichting));
    case 'document':
      return t('tijdlijn.document', { naam: tekst(g.bestandsnaam) });
    case 'reactie':
      return t('tijdlijn.reactie', { tekst: tekst(g.tekst) });
    case 'relatie':
      return t('tijdlijn.relatie', { zaak: tekst(g.identificatie), soort: t(`relatie.${tekst(g.soort)}`, { defaultValue: tekst(g.soort) }) });
    case 'volgcode':
      return g.gemaild ? t('tijdlijn.volgcodeGemaild') : t('tijdlijn.volgcode');
  }
  return regel.soort;
}
