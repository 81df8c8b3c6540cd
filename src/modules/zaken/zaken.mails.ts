/**
 * The texts of the mails about a zaak: to the resident in their language (every action, and the
 * deadline watcher's notice), and to the handler when the resident replies. Texts are in the
 * `zaken` catalogue (`mail.<soort>.onderwerp` and `.tekst`); this file only puts them together.
 */
import { vertaler, type Taal } from '../../i18n/i18n.ts';
import type { NieuwBericht } from '../berichten/berichten.service.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';

/** The mails to the resident. */
export type MailSoort = 'ontvangst' | 'status' | 'bericht' | 'verlenging' | 'afsluiting' | 'opschorting' | 'opschortingEinde' | 'volgcode' | 'teLaat';

/** Who the resident can ask: the behandelaar's first name and team, or only the team while nobody is assigned. */
export interface Contact {
  naam: string | null;
  team: string;
}

/** The resident as a mail needs them. */
export interface Ontvanger {
  naam: string;
  email: string | null;
  taal: Taal;
}

export const voornaam = (naam: string | null): string | null => (naam ? (naam.trim().split(/\s+/)[0] ?? null) : null);

/**
 * A mail to the resident: greeting, the text of `soort`, an explanation, who to ask, how to
 * follow the zaak (the tracking link only in the receipt and with a new code: only the code's
 * hash is kept; the suspension mail says itself how to reply, ADR 0019), and the gemeente.
 */
export function mailAanInwoner(
  gemeente: Pick<Gemeente, 'code' | 'naam'>,
  ontvanger: Ontvanger,
  soort: MailSoort,
  waarden: Record<string, string>,
  extra: { link?: string | undefined; contact?: Contact | null; toelichting?: string | undefined } = {},
): NieuwBericht {
  const t = vertaler(ontvanger.taal, 'zaken');
  const contact = extra.contact;
  const delen = [
    ontvanger.naam ? t('mail.aanhef', { naam: ontvanger.naam }) : t('mail.aanhefZonderNaam'),
    t(`mail.${soort}.tekst`, waarden),
    ...(extra.toelichting ? [t('mail.toelichting', { toelichting: extra.toelichting })] : []),
    ...(contact ? [contact.naam === null ? t('mail.contactTeam', { team: contact.team }) : t('mail.contact', { naam: contact.naam, team: contact.team })] : []),
    ...(extra.link ? [t('mail.volgen', { link: extra.link })] : soort === 'opschorting' ? [] : [t('mail.volgenZonderLink')]),
    t('mail.groet', { gemeente: gemeente.naam }),
  ];
  return { gemeente: gemeente.code, aan: ontvanger.email ?? '', onderwerp: t(`mail.${soort}.onderwerp`, waarden), tekst: delen.join('\n\n') };
}

/** The mail to the behandelaar when the resident replies through the tracking page (staff mails are Dutch). */
export function mailReactieAanBehandelaar(
  gemeente: string,
  aan: string,
  zaak: { identificatie: string; onderwerp: string },
  tekst: string,
  opgeschort: boolean,
): NieuwBericht {
  const t = vertaler('nl', 'zaken');
  const waarden = { identificatie: zaak.identificatie, onderwerp: zaak.onderwerp, tekst };
  return {
    gemeente,
    aan,
    onderwerp: t('mail.reactie.onderwerp', waarden),
    tekst: [t('mail.reactie.tekst', waarden), ...(opgeschort ? [t('mail.reactie.opgeschort')] : [])].join('\n\n'),
  };
}
