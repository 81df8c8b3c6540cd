/**
 * The mails of contactverzoeken: the confirmation to the resident (Dutch or English, B1), and the
 * reminder and escalation to staff (Dutch, as every staff mail).
 */
import { datumTekst, type Taal } from '../../i18n/i18n.ts';
import type { NieuwBericht } from '../berichten/berichten.service.ts';

/** The confirmation to the resident: what we will do and by when. Never the internal toelichting. */
export function bevestigingAanInwoner(
  gemeente: { code: string; naam: string },
  aan: string,
  taal: Taal,
  v: { naam: string; onderwerp: string; uiterlijkOp: string },
): NieuwBericht {
  const datum = datumTekst(taal, v.uiterlijkOp);
  if (taal === 'en') {
    return {
      gemeente: gemeente.code,
      aan,
      onderwerp: `We will contact you about: ${v.onderwerp}`,
      tekst: [
        v.naam ? `Dear ${v.naam},` : 'Hello,',
        `You asked us to contact you about "${v.onderwerp}". We will call or e-mail you no later than ${datum}.`,
        'Do you have a new question in the meantime? Please call us or reply to this e-mail.',
        `Kind regards,\n${gemeente.naam}`,
      ].join('\n\n'),
    };
  }
  return {
    gemeente: gemeente.code,
    aan,
    onderwerp: `Wij nemen contact met u op over: ${v.onderwerp}`,
    tekst: [
      v.naam ? `Beste ${v.naam},` : 'Beste inwoner,',
      `U vroeg ons om contact met u op te nemen over "${v.onderwerp}". Wij bellen of mailen u uiterlijk ${datum}.`,
      'Heeft u in de tussentijd een nieuwe vraag? Bel ons of antwoord op deze e-mail.',
      `Met vriendelijke groet,\n${gemeente.naam}`,
    ].join('\n\n'),
  };
}

interface StaffWaarden {
  onderwerp: string;
  uiterlijkOp: string;
  voor: string;
  link: string;
}

/** The reminder before the deadline, to the named staff member or the team. */
export function herinneringAanMedewerker(gemeente: string, aan: string, v: StaffWaarden): NieuwBericht {
  return {
    gemeente,
    aan,
    onderwerp: `Herinnering: terugbelverzoek "${v.onderwerp}" uiterlijk ${datumTekst('nl', v.uiterlijkOp)}`,
    tekst: [
      `Er staat een terugbelverzoek open voor ${v.voor} over "${v.onderwerp}".`,
      `De inwoner moet uiterlijk ${datumTekst('nl', v.uiterlijkOp)} contact hebben gehad.`,
      `Pak het op in Loket: ${v.link}`,
    ].join('\n\n'),
  };
}

/** The escalation after the deadline, to the teamleider(s). */
export function escalatieAanTeamleider(gemeente: string, aan: string, v: StaffWaarden): NieuwBericht {
  return {
    gemeente,
    aan,
    onderwerp: `Te laat: terugbelverzoek "${v.onderwerp}" (uiterlijk ${datumTekst('nl', v.uiterlijkOp)})`,
    tekst: [
      `Het terugbelverzoek voor ${v.voor} over "${v.onderwerp}" is niet op tijd afgehandeld: de inwoner had uiterlijk ${datumTekst('nl', v.uiterlijkOp)} contact moeten hebben.`,
      'U krijgt dit bericht als teamleider. Zorg dat iemand de inwoner vandaag belt.',
      `Het verzoek in Loket: ${v.link}`,
    ].join('\n\n'),
  };
}
