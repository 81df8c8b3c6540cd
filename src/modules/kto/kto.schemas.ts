import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { KTO_VORMEN, MAX_KEUZES, MAX_KEUZETEKST, MAX_VRAAG, STANDAARD_KEUZES } from './kto.regels.ts';

const zaaktype = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Een zaaktypecode is kort, met kleine letters, cijfers en streepjes, bijvoorbeeld e-mailvraag.');

const tekst = (max: number, wat: string) =>
  z
    .string({ error: `Geef ${wat} als tekst.` })
    .trim()
    .min(1, `Vul ${wat} in.`)
    .max(max, `${wat[0]?.toUpperCase() ?? ''}${wat.slice(1)} is hoogstens ${max} tekens.`);

const ktoKeuzeSchema = z
  .strictObject({
    sleutel: z
      .string({ error: 'Geef een sleutel.' })
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Een sleutel is kort, met kleine letters, cijfers en streepjes, bijvoorbeeld snelheid.')
      .describe('Vaste naam van de keuze: blijft bij de antwoorden staan, ook als de tekst of de lijst verandert'),
    nl: tekst(MAX_KEUZETEKST, 'de Nederlandse tekst').describe('De tekst van de keuze in het Nederlands (B1)'),
    en: tekst(MAX_KEUZETEKST, 'de Engelse tekst').describe('De tekst van de keuze in het Engels'),
  })
  .meta({ id: 'KtoKeuze' });

export const ktoInstellingInvoer = z
  .strictObject({
    actief: z.boolean().describe('Krijgen inwoners na het afsluiten van een zaak van dit zaaktype de vraag?'),
    vorm: z.enum(KTO_VORMEN).describe('score-5 (1–5), score-10 (rapportcijfer 1–10) of ja-nee (tevreden ja/nee)'),
    steekproef: z.int().min(0).max(100).describe('Percentage van de afgesloten zaken dat de vraag krijgt (0–100)'),
    vraag: z
      .strictObject({ nl: tekst(MAX_VRAAG, 'de vraag in het Nederlands'), en: tekst(MAX_VRAAG, 'de vraag in het Engels') })
      .nullable()
      .default(null)
      .describe('De vraag bij de score, in het Nederlands (B1) en het Engels; null of weglaten: de standaardvraag van de vorm'),
    keuzes: z
      .array(ktoKeuzeSchema)
      .max(MAX_KEUZES, `Geef hoogstens ${MAX_KEUZES} keuzes.`)
      .default(() => [...STANDAARD_KEUZES])
      .describe('Wat ging goed of niet goed: de keuzes in de volgorde waarin de inwoner ze ziet; leeg: deze vraag wordt niet gesteld; weglaten: de standaardlijst'),
    toelichtingVragen: z.boolean().default(true).describe('Mag de inwoner er een tekst bij schrijven (niet verplicht)? Weglaten: ja'),
  })
  .superRefine((i, ctx) => {
    const gezien = new Set<string>();
    i.keuzes.forEach((k, n) => {
      if (gezien.has(k.sleutel)) ctx.addIssue({ code: 'custom', path: ['keuzes', n, 'sleutel'], message: `De sleutel ${k.sleutel} komt twee keer voor. Geef elke keuze een eigen sleutel.` });
      gezien.add(k.sleutel);
    });
  })
  .meta({ id: 'KtoInstellingInvoer' });

export const ktoInstellingSchema = z
  .strictObject({
    zaaktype,
    actief: z.boolean(),
    vorm: z.enum(KTO_VORMEN),
    steekproef: z.int(),
    vraag: z.strictObject({ nl: z.string(), en: z.string() }).nullable().describe('null: de standaardvraag van de vorm'),
    keuzes: z.array(ktoKeuzeSchema),
    toelichtingVragen: z.boolean(),
  })
  .meta({ id: 'KtoInstelling' });
export const ktoInstellingenSchema = z.strictObject({ items: z.array(ktoInstellingSchema) }).meta({ id: 'KtoInstellingen' });
export const ktoInstellingParams = z.strictObject({ gemeente: gemeenteCode, zaaktype });
