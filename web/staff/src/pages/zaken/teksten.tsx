import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { ApiError, alles, api, gemeentePad, type Sessie, type SessieGemeente, type Team, type Termijnband, type Zaak } from '../../api.ts';
import { useTaal } from '../../i18n/i18n.tsx';
import { tijdstip } from '../../tijd.ts';

/** A calendar date (YYYY-MM-DD) in the chosen language, e.g. "13 apr 2026". */
export function datum(waarde: string | null | undefined, taal: string): string {
  return waarde ? tijdstip(`${waarde}T12:00:00Z`, taal, true) : '';
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

/** The "suspended" marker. */
export function Opgeschort() {
  const { t } = useTaal();
  return <span className="loket-badge loket-badge--opgeschort">{t('zaak.opgeschort')}</span>;
}

export const magBehandelen = (gemeente: SessieGemeente) => gemeente.rollen.some((r) => r === 'behandelaar' || r === 'teamleider' || r === 'beheerder');
export const isLeiding = (gemeente: SessieGemeente) => gemeente.rollen.some((r) => r === 'teamleider' || r === 'beheerder');

/** The logged-in staff member and the gemeente's teams (for the team and behandelaar pickers). */
export function useTeams(gemeente: SessieGemeente) {
  const [staat, setStaat] = useState<{ ik: string; teams: Team[] }>();
  const [fout, setFout] = useState<ApiError>();
  useEffect(() => {
    const afbreken = new AbortController();
    Promise.all([api.get<Sessie>('/sessie', { signal: afbreken.signal }), alles<Team>(`${gemeentePad(gemeente.code)}/teams`, afbreken.signal)]).then(
      ([sessie, teams]) => setStaat({ ik: sessie.data.gebruiker.id, teams }),
      (error: unknown) => {
        if (error instanceof ApiError) setFout(error);
      },
    );
    return () => afbreken.abort();
  }, [gemeente.code]);
  return { ...staat, fout };
}

/** The members of these teams, each once, by name. */
export function ledenVan(teams: readonly Team[]): { id: string; naam: string }[] {
  const leden = new Map<string, string>();
  for (const team of teams) for (const lid of team.leden) leden.set(lid.id, lid.naam);
  return [...leden].map(([id, naam]) => ({ id, naam })).toSorted((a, b) => a.naam.localeCompare(b.naam));
}

type Regel = Zaak['tijdlijn'][number];

const tekst = (waarde: unknown): string => (typeof waarde === 'string' ? waarde : '');

/** What happened in one timeline entry, in words. */
export function gebeurtenisTekst(t: TFunction, regel: Regel): string {
  const g = regel.gegevens;
  const met = (hoofd: string, extra: string) => (extra ? `${hoofd} ${t('tijdlijn.toelichting', { tekst: extra })}` : hoofd);
  switch (regel.soort) {
    case 'aangemaakt':
      return t('tijdlijn.aangemaakt', { kanaal: t(`kanaal.${tekst(g.kanaal)}`, { defaultValue: tekst(g.kanaal) }) });
    case 'status':
      return met(t('tijdlijn.status', { naam: tekst(g.naam) }), tekst(g.toelichting));
    case 'notitie':
      return t('tijdlijn.notitie', { tekst: tekst(g.tekst) });
    case 'bericht':
      return t('tijdlijn.bericht', { tekst: tekst(g.tekst) });
    case 'opschorting':
      return t('tijdlijn.opschorting', { reden: tekst(g.reden) });
    case 'opschorting-einde':
      return met(t('tijdlijn.opschortingEinde'), tekst(g.toelichting));
    case 'verlenging':
      return t('tijdlijn.verlenging', { duur: duurTekst(t, tekst(g.duur)), reden: tekst(g.reden) });
    case 'toewijzing':
      return g.behandelaarNaam ? t('tijdlijn.toegewezen', { naam: tekst(g.behandelaarNaam) }) : t('tijdlijn.nietToegewezen');
    case 'resultaat':
      return met(t('tijdlijn.resultaat', { naam: tekst(g.naam) }), tekst(g.toelichting));
    case 'document':
      return t('tijdlijn.document', { naam: tekst(g.bestandsnaam) });
    case 'reactie':
      return t('tijdlijn.reactie', { tekst: tekst(g.tekst) });
    case 'relatie':
      return t('tijdlijn.relatie', { zaak: tekst(g.identificatie), soort: t(`relatie.${tekst(g.soort)}`, { defaultValue: tekst(g.soort) }) });
  }
  return regel.soort;
}
