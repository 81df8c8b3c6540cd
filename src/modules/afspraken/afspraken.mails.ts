import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { BerichtBijlage } from '../../db/schema.ts';
import { vertaler, type Taal } from '../../i18n/i18n.ts';

/** What a mail about an appointment says. */
export interface AfspraakMailGegevens {
  id: string;
  gemeente: string;
  product: string;
  meenemen: string;
  start: string;
  eind: string;
  locatie: string;
  adres: string;
  ambtenaar: string | null;
  naam: string;
  /** The secret link to cancel or move; none in a cancellation. */
  link: string | undefined;
  /** Counts the changes, so a calendar replaces the earlier version (iCalendar SEQUENCE). */
  volgnummer: number;
}

export type AfspraakMailSoort = 'bevestiging' | 'verzet' | 'afgezegd' | 'herinnering';

const MOMENT: Record<Taal, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};
const TIJD: Record<Taal, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};

/** "maandag 30 maart 2026 om 10:00" in Amsterdam time. */
export const afspraakMoment = (taal: Taal, iso: string): string => MOMENT[taal].format(new Date(iso));

/** The appointment as an iCalendar file (RFC 5545): PUBLISH, or CANCEL after a cancellation; one UID for its whole life. */
export function icsBestand(g: AfspraakMailGegevens, soort: AfspraakMailSoort, domein: string): BerichtBijlage {
  const agenda = ical({ prodId: { company: 'Loket', product: 'afspraken', language: 'NL' }, method: soort === 'afgezegd' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH });
  agenda.createEvent({
    id: `${g.id}@${domein}`,
    sequence: g.volgnummer,
    start: new Date(g.start),
    end: new Date(g.eind),
    stamp: new Date(g.start),
    summary: `${g.product} – gemeente ${g.gemeente}`,
    location: `${g.locatie}, ${g.adres}`,
    description: g.link ?? null,
    status: soort === 'afgezegd' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { naam: 'afspraak.ics', type: `text/calendar; charset=utf-8; method=${soort === 'afgezegd' ? 'CANCEL' : 'PUBLISH'}`, inhoud: Buffer.from(agenda.toString(), 'utf8').toString('base64') };
}

/** Subject, text and (except for the reminder) the calendar file of a mail about an appointment. */
export function afspraakMail(taal: Taal, soort: AfspraakMailSoort, g: AfspraakMailGegevens, domein: string): { onderwerp: string; tekst: string; bijlagen: BerichtBijlage[] } {
  const t = vertaler(taal, 'afspraken');
  const moment = afspraakMoment(taal, g.start);
  const onderwerp = t(`mail.${soort}Onderwerp`, { gemeente: g.gemeente, product: g.product, moment, tijd: TIJD[taal].format(new Date(g.start)) });
  const regels = [
    t('mail.aanhef', { naam: g.naam }),
    '',
    t(`mail.${soort}`, { gemeente: g.gemeente }),
    '',
    t('mail.wat', { product: g.product }),
    t('mail.wanneer', { moment }),
    t('mail.waar', { locatie: g.locatie, adres: g.adres }),
    ...(g.ambtenaar ? [t('mail.ambtenaar', { naam: g.ambtenaar })] : []),
    ...(g.meenemen && soort !== 'afgezegd' ? [t('mail.meenemen', { meenemen: g.meenemen })] : []),
    '',
    ...(soort === 'herinnering' ? [] : [t('mail.agenda'), '']),
    ...(g.link && soort !== 'afgezegd' ? [t('mail.wijzigen', { link: g.link }), t('mail.geheim'), ''] : []),
    t('mail.groet', { gemeente: g.gemeente }),
    '',
    t('mail.automatisch'),
  ];
  return { onderwerp, tekst: `${regels.join('\n')}\n`, bijlagen: soort === 'herinnering' ? [] : [icsBestand(g, soort, domein)] };
}
