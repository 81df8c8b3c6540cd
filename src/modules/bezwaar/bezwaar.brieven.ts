/**
 * The letters of the bezwaar procedure (ADR 0063) as templates of the letter service (ADR 0050):
 * the receipt (Awb 6:14), the request to repair an omission (6:6), the notice of verdaging or
 * uitstel (7:10 lid 5), the invitation to the hearing (7:2) and the decision on the bezwaar with
 * beroep at the court (7:12, 6:7). Texts in B1 in src/i18n/<taal>/bezwaarbrieven.json; dates come
 * formatted in the letter's language from the service.
 */
import { z } from 'zod';
import type { BriefInhoud, Sjabloon } from '../brieven/brieven.sjablonen.ts';
import type { Vertaal } from '../../i18n/i18n.ts';

const basis = { referentie: z.string().min(1), onderwerp: z.string().min(1), naam: z.string().nullable() };
const ontvangst = z.object({
  ...basis,
  besluit: z.string().min(1),
  bekendmaking: z.string().min(1),
  ontvangen: z.string().min(1),
  beslistermijnEinde: z.string().min(1),
  commissie: z.boolean(),
  laat: z.boolean(),
  premature: z.boolean(),
});
const herstel = z.object({ ...basis, verzuim: z.string().min(1), hersteltermijn: z.string().min(1) });
const verdaging = z.object({ ...basis, soort: z.enum(['verdaging', 'uitstel']), weken: z.number().int().min(1), reden: z.string().min(1), vorigeEinddatum: z.string().min(1), einddatum: z.string().min(1) });
const hoorzitting = z.object({ ...basis, datum: z.string().min(1), tijd: z.string().min(1), locatie: z.string().min(1), commissie: z.string() });
const beslissing = z.object({
  ...basis,
  uitkomst: z.enum(['niet-ontvankelijk', 'ongegrond', 'gegrond', 'deels-gegrond', 'ingetrokken']),
  motivering: z.string().min(1),
  besluit: z.string().min(1),
  rechtbank: z.string().nullable(),
});

const t2 = (t: Vertaal, sleutel: string, waarden?: Record<string, string | number>) => t(`bezwaarbrieven:${sleutel}`, waarden);
const alinea = (tekst: string) => ({ soort: 'alinea' as const, tekst });

function kop(t: Vertaal, titel: string, g: { referentie: string; onderwerp: string; naam: string | null }): Omit<BriefInhoud, 'blokken'> {
  return {
    titel: t2(t, titel),
    naam: g.naam,
    kenmerken: [
      { label: t('algemeen.onsKenmerk'), waarde: g.referentie },
      { label: t('algemeen.onderwerp'), waarde: g.onderwerp },
    ],
  };
}

export const BEZWAAR_SJABLONEN = {
  bezwaarOntvangst: {
    gegevens: ontvangst,
    inhoud: (t, g) => ({
      ...kop(t, 'ontvangst.titel', g),
      blokken: [
        alinea(t2(t, 'ontvangst.inleiding', { besluit: g.besluit, bekendmaking: g.bekendmaking, ontvangen: g.ontvangen })),
        ...(g.premature ? [alinea(t2(t, 'ontvangst.premature'))] : []),
        ...(g.laat ? [alinea(t2(t, 'ontvangst.laat'))] : []),
        alinea(t2(t, g.commissie ? 'ontvangst.termijnCommissie' : 'ontvangst.termijn', { einddatum: g.beslistermijnEinde })),
        alinea(t2(t, 'ontvangst.informeel')),
        alinea(t2(t, 'ontvangst.vragen', { referentie: g.referentie })),
      ],
    }),
  } satisfies Sjabloon<z.infer<typeof ontvangst>>,
  bezwaarHerstel: {
    gegevens: herstel,
    inhoud: (t, g) => ({
      ...kop(t, 'herstel.titel', g),
      blokken: [alinea(t2(t, 'herstel.inleiding')), alinea(g.verzuim), alinea(t2(t, 'herstel.termijn', { datum: g.hersteltermijn })), alinea(t2(t, 'herstel.gevolg')), alinea(t2(t, 'herstel.stil'))],
    }),
  } satisfies Sjabloon<z.infer<typeof herstel>>,
  bezwaarVerdaging: {
    gegevens: verdaging,
    inhoud: (t, g) => ({
      ...kop(t, `${g.soort}.titel`, g),
      blokken: [
        alinea(t2(t, `${g.soort}.inleiding`, { weken: g.weken, vorige: g.vorigeEinddatum })),
        alinea(t2(t, 'verdaging.reden', { reden: g.reden })),
        alinea(t2(t, 'verdaging.nieuw', { einddatum: g.einddatum })),
        alinea(t2(t, 'verdaging.dwangsom')),
      ],
    }),
  } satisfies Sjabloon<z.infer<typeof verdaging>>,
  bezwaarHoorzitting: {
    gegevens: hoorzitting,
    inhoud: (t, g) => ({
      ...kop(t, 'hoorzitting.titel', g),
      blokken: [
        alinea(t2(t, 'hoorzitting.inleiding')),
        alinea(t2(t, 'hoorzitting.wanneer', { datum: g.datum, tijd: g.tijd, locatie: g.locatie })),
        ...(g.commissie ? [alinea(t2(t, 'hoorzitting.commissie', { commissie: g.commissie }))] : []),
        alinea(t2(t, 'hoorzitting.wat')),
        alinea(t2(t, 'hoorzitting.stukken')),
        alinea(t2(t, 'hoorzitting.afmelden')),
      ],
    }),
  } satisfies Sjabloon<z.infer<typeof hoorzitting>>,
  bezwaarBeslissing: {
    gegevens: beslissing,
    inhoud: (t, g) => ({
      ...kop(t, 'beslissing.titel', g),
      blokken: [
        alinea(t2(t, `beslissing.uitkomst.${g.uitkomst}`, { besluit: g.besluit })),
        alinea(t2(t, 'beslissing.waarom')),
        alinea(g.motivering),
        ...(g.uitkomst === 'ingetrokken'
          ? []
          : [alinea(t2(t, 'beslissing.beroep', { rechtbank: g.rechtbank ?? t2(t, 'beslissing.deRechtbank') })), alinea(t2(t, 'beslissing.beroepHoe'))]),
        alinea(t2(t, 'beslissing.vragen', { referentie: g.referentie })),
      ],
    }),
  } satisfies Sjabloon<z.infer<typeof beslissing>>,
};
