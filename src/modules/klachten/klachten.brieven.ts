/**
 * The letters of the klacht procedure (Awb 9:6, 9:8, 9:11, 9:12; ADR 0060), drawn by the letter
 * service's layout (`tekenBrief`, ADR 0050) with the gemeente's sender block. Texts in B1, Dutch
 * and English, in src/i18n/<taal>/klachten.json; what is the gemeente's own besides the sender is
 * the ombudsman of the decision letter and the informal-contact norm (`klacht_instelling`).
 */
import { datumTekst, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { tekenBrief, type BriefWoorden } from '../brieven/brieven.pdf.ts';
import type { BriefBlok } from '../brieven/brieven.sjablonen.ts';
import type { KlachtInstelling } from './klachten.repository.ts';

export const NIET_BEHANDELEN_GRONDEN = ['eerder-behandeld', 'ouder-dan-een-jaar', 'bezwaar-of-beroep', 'rechter', 'strafzaak', 'te-klein-belang'] as const;
export type NietBehandelenGrond = (typeof NIET_BEHANDELEN_GRONDEN)[number];
export const BESLUIT_UITKOMSTEN = ['gegrond', 'deels-gegrond', 'ongegrond', 'informeel-opgelost'] as const;
export type BesluitUitkomst = (typeof BESLUIT_UITKOMSTEN)[number];

interface Basis {
  gemeente: Pick<Gemeente, 'naam' | 'thema'>;
  taal: Taal;
  datum: string;
  identificatie: string;
  onderwerp: string;
  /** The addressee for the salutation. */
  naam: string | null;
  /** The gemeente's own wording (ADR 0071: intro, contact line, signature); without it the default. */
  woorden?: BriefWoorden | undefined;
}

export type KlachtBrief =
  | (Basis & { soort: 'ontvangst'; ontvangen: string; werkdagen: number; contactpersoon: string; einddatum: string })
  | (Basis & { soort: 'niet-behandelen'; ontvangen: string; grond: NietBehandelenGrond; toelichting: string })
  | (Basis & { soort: 'verdaging'; reden: string; weken: number; einddatum: string; aanBeklaagde: boolean })
  | (Basis & {
      soort: 'besluit';
      ontvangen: string;
      uitkomst: BesluitUitkomst;
      bevindingen: string;
      maatregelen: string | null;
      instemmingOp: string | null;
      gehoord: boolean;
      ombudsman: KlachtInstelling['ombudsman'];
    });

const alinea = (tekst: string): BriefBlok => ({ soort: 'alinea', tekst });

/** The letter as a tagged PDF, and its file name. */
export async function klachtBrief(b: KlachtBrief): Promise<{ pdf: Buffer; bestandsnaam: string }> {
  const t = vertaler(b.taal, 'klachten');
  const dag = (d: string) => datumTekst(b.taal, d);
  let titel: string;
  let blokken: BriefBlok[];
  switch (b.soort) {
    case 'ontvangst':
      titel = t('brief.ontvangst.titel');
      blokken = [
        alinea(t('brief.ontvangst.ontvangen', { datum: dag(b.ontvangen) })),
        alinea(t('brief.ontvangst.contact', { werkdagen: b.werkdagen })),
        alinea(t('brief.ontvangst.contactpersoon', { naam: b.contactpersoon })),
        alinea(t('brief.ontvangst.einddatum', { datum: dag(b.einddatum) })),
        alinea(t('brief.ontvangst.volgen')),
      ];
      break;
    case 'niet-behandelen':
      titel = t('brief.nietBehandelen.titel');
      blokken = [
        alinea(t('brief.nietBehandelen.inleiding', { datum: dag(b.ontvangen) })),
        alinea(t('brief.nietBehandelen.reden', { reden: t(`brief.grond.${b.grond}`) })),
        alinea(t('brief.nietBehandelen.toelichting', { tekst: b.toelichting })),
      ];
      break;
    case 'verdaging':
      titel = t('brief.verdaging.titel');
      blokken = [
        ...(b.aanBeklaagde ? [alinea(t('brief.verdaging.beklaagde'))] : []),
        alinea(t('brief.verdaging.inleiding', { onderwerp: b.onderwerp })),
        alinea(t('brief.verdaging.reden', { reden: b.reden })),
        alinea(t('brief.verdaging.nieuw', { weken: b.weken, datum: dag(b.einddatum) })),
      ];
      break;
    case 'besluit':
      titel = t('brief.besluit.titel');
      blokken = [
        alinea(t('brief.besluit.inleiding', { datum: dag(b.ontvangen) })),
        alinea(t(`brief.besluit.uitkomst.${b.uitkomst}`)),
        ...(b.instemmingOp ? [alinea(t('brief.besluit.instemming', { datum: dag(b.instemmingOp) }))] : []),
        ...(b.gehoord ? [alinea(t('brief.besluit.gehoord'))] : []),
        alinea(t('brief.besluit.bevindingen', { tekst: b.bevindingen })),
        ...(b.maatregelen ? [alinea(t('brief.besluit.maatregelen', { tekst: b.maatregelen }))] : []),
        alinea(t('brief.besluit.ombudsman', { naam: b.ombudsman.naam })),
        { soort: 'link', inleiding: t('brief.besluit.ombudsmanLink'), url: b.ombudsman.website, uitleg: t('brief.besluit.ombudsmanUitleg') },
      ];
      break;
  }
  const pdf = await tekenBrief(b, {
    titel,
    naam: b.naam,
    kenmerken: [
      { label: t('brief.kenmerk'), waarde: b.identificatie },
      { label: t('brief.onderwerp'), waarde: b.onderwerp },
    ],
    blokken,
  });
  const naam = b.taal === 'en' ? { ontvangst: 'receipt', 'niet-behandelen': 'not-handled', verdaging: 'postponement', besluit: 'decision' } : { ontvangst: 'ontvangstbevestiging', 'niet-behandelen': 'niet-behandelen', verdaging: 'verdaging', besluit: 'besluit' };
  return { pdf, bestandsnaam: `${naam[b.soort]}${b.soort === 'verdaging' && b.aanBeklaagde ? (b.taal === 'en' ? '-person-concerned' : '-beklaagde') : ''}-${b.identificatie}.pdf` };
}
