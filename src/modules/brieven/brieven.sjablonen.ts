import { z } from 'zod';
import type { Vertaal } from '../../i18n/i18n.ts';
import { BEZWAAR_SJABLONEN } from '../bezwaar/bezwaar.brieven.ts';

/** One block of a letter's body: a paragraph, a link printed in full with its QR code, or a question with its answer. */
export type BriefBlok =
  | { soort: 'alinea'; tekst: string }
  | { soort: 'link'; inleiding: string; url: string; uitleg: string }
  | { soort: 'antwoord'; vraag: string; antwoord: string };

/** What a template makes of its data; the letter service adds the sender, date and layout. */
export interface BriefInhoud {
  /** The heading (H1) and the PDF's title. */
  titel: string;
  /** The resident's name for the salutation; none gives "Beste inwoner". */
  naam: string | null;
  /** Lines under the date, e.g. the zaak number and subject: label and value. */
  kenmerken: { label: string; waarde: string }[];
  blokken: BriefBlok[];
}

export interface Sjabloon<G> {
  /** The data this template needs, checked before rendering. */
  gegevens: z.ZodType<G>;
  /** The letter's content in B1 language; `t` reads src/i18n/<taal>/brieven.json. */
  inhoud: (t: Vertaal, gegevens: G) => BriefInhoud;
}

const volgcodeGegevens = z.object({
  /** The zaak number residents quote on the phone. */
  referentie: z.string().min(1),
  onderwerp: z.string().min(1),
  naam: z.string().nullable(),
  link: z.url(),
});

const formulierGegevens = z.object({
  /** The zaak number of the submitted form. */
  referentie: z.string().min(1),
  /** The form's title. */
  formulier: z.string().min(1),
  naam: z.string().nullable(),
  /** When it was sent, as the resident reads it ("6 december 2026 om 14:05"). */
  verstuurd: z.string().min(1),
  /** Each shown question with its answer as text, in the form's order. */
  antwoorden: z.array(z.object({ vraag: z.string().min(1), antwoord: z.string() })),
});

/**
 * The default templates, the same for every gemeente (texts in the i18n catalogs, nl and en);
 * each gemeente's own part is its sender block (ADR 0050). A new letter is one entry here plus
 * its texts under its own key in brieven.json.
 */
export const SJABLONEN = {
  /** The tracking link on paper, for a resident without e-mail (issue 11, ADR 0019). */
  volgcode: {
    gegevens: volgcodeGegevens,
    inhoud: (t, g) => ({
      titel: t('volgcode.titel'),
      naam: g.naam,
      kenmerken: [
        { label: t('algemeen.onsKenmerk'), waarde: g.referentie },
        { label: t('algemeen.onderwerp'), waarde: g.onderwerp },
      ],
      blokken: [
        { soort: 'alinea', tekst: t('volgcode.inleiding') },
        { soort: 'link', inleiding: t('volgcode.link'), url: g.link, uitleg: t('volgcode.qr') },
        { soort: 'alinea', tekst: t('volgcode.bellen', { referentie: g.referentie }) },
        { soort: 'alinea', tekst: t('volgcode.oud') },
        { soort: 'alinea', tekst: t('volgcode.bewaren') },
      ],
    }),
  } satisfies Sjabloon<z.infer<typeof volgcodeGegevens>>,

  /** The answers of a submitted form, kept on its zaak (issue 14, ADR 0064). */
  formulier: {
    gegevens: formulierGegevens,
    inhoud: (t, g) => ({
      titel: g.formulier,
      naam: g.naam,
      kenmerken: [
        { label: t('algemeen.onsKenmerk'), waarde: g.referentie },
        { label: t('formulier.verstuurd'), waarde: g.verstuurd },
      ],
      blokken: [{ soort: 'alinea', tekst: t('formulier.inleiding') }, ...g.antwoorden.map((a) => ({ soort: 'antwoord' as const, vraag: a.vraag, antwoord: a.antwoord || '–' }))],
    }),
  } satisfies Sjabloon<z.infer<typeof formulierGegevens>>,

  /** The letters of the bezwaar procedure (ADR 0063), texts in bezwaarbrieven.json. */
  ...BEZWAAR_SJABLONEN,
};

export type SjabloonNaam = keyof typeof SJABLONEN;
export type GegevensVan<S extends SjabloonNaam> = z.infer<(typeof SJABLONEN)[S]['gegevens']>;
