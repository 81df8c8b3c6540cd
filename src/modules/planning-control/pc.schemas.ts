import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { kpiParams } from '../kpi/kpi.schemas.ts';
import type { PcHoofdstuk } from './pc.hoofdstuk.ts';

/*
 * Zod schemas of the P&C register: the chapter (PcHoofdstuk, checked on every import and edit),
 * the register's own additions to it, and the API's bodies and answers.
 */

const tekst = (max: number) => z.string().max(max, `Deze tekst is te lang (hoogstens ${max} tekens).`);
const naam = z.string().trim().min(1, 'Vul een naam in.').max(500, 'Deze naam is te lang (hoogstens 500 tekens).');
const bedrag = z.number().finite();
const datum = z.iso.date('Een datum is JJJJ-MM-DD, bijvoorbeeld 2024-07-04.');

export const PC_DOCUMENTSOORTEN = ['programmabegroting', 'voorjaarsnota', 'jaarstukken'] as const;
export type PcDocumentsoort = (typeof PC_DOCUMENTSOORTEN)[number];
export const PC_STATUSSEN = ['concept', 'aangeboden', 'vastgesteld'] as const;
export type PcStatus = (typeof PC_STATUSSEN)[number];

export const waardeSchema = z.strictObject({
  kolom: tekst(200),
  tekst: tekst(1000),
  getal: z.number().finite().nullable(),
  eenheid: z.enum(['%', '€', 'aantal', 'rapportcijfer', 'bereik']).nullable(),
  tot: z.number().finite().optional(),
  status: tekst(100).optional(),
  reden: tekst(2000).optional(),
  voetnoten: z.array(z.number().int().positive()).max(50),
  toelichting: tekst(2000).optional().describe('Opmerking die in dezelfde cel na de waarde staat'),
  berekend: z
    .strictObject({
      kpi: kpiParams.shape.kpi,
      versie: z.number().int().positive(),
      naam: z.strictObject({ nl: tekst(500), en: tekst(500) }),
      teller: tekst(2000).nullable(),
      noemer: tekst(2000),
      regel: tekst(2000).describe('Welke datum een geval in de periode plaatst'),
      periode: z.strictObject({ van: datum, tot: datum }),
      aantallen: z.strictObject({ teller: z.number().int().nonnegative().nullable(), noemer: z.number().int().nonnegative() }),
      berekendOp: z.iso.datetime({ offset: true }),
    })
    .optional()
    .describe('Door Loket berekend uit een KPI en door de P&C-adviseur overgenomen (ADR 0079): de KPI en haar definitie zoals die toen was'),
});

/** An indicator's link to a KPI of the register and the rule for a value's period (ADR 0079). */
export const indicatorKpiSchema = z
  .strictObject({
    code: kpiParams.shape.kpi,
    periode: z.enum(['kolomjaar', 'documentjaar']).describe('kolomjaar: het jaar in de kop van de realisatiekolom; documentjaar: het jaar van het document'),
  })
  .meta({ id: 'PcIndicatorKpi' });

/** What the register adds to an indicator: direction for the traffic light, link, source, explanation. */
export const indicatorAanvullingSchema = z.strictObject({
  richting: z.enum(['hoger', 'lager']).nullable().describe('hoger: een hogere waarde is beter; lager: een lagere; null: geen stoplicht'),
  koppeling: tekst(50).nullable().describe('Code van het doel, subdoel of de activiteit, of "Algemeen"; null: afgeleid van de code'),
  bron: tekst(500).nullable(),
  peildatum: datum.nullable(),
  toelichting: tekst(5000).nullable().describe('Verklaring van een afwijking van de begroting'),
  kpi: indicatorKpiSchema.optional().describe('De KPI die de realisatie van deze indicator berekent; ontbreekt als er geen is'),
});
export type IndicatorAanvulling = z.infer<typeof indicatorAanvullingSchema>;

export const indicatorSchema = z.strictObject({
  code: tekst(50),
  naam,
  soort: z.enum(['effect', 'prestatie']),
  verplicht: z.boolean(),
  waarden: z.array(waardeSchema).max(50),
  aanvulling: indicatorAanvullingSchema.optional().describe('Wat het register toevoegt (nooit de importer); beweegt mee met de indicator'),
});

export const financienRegelSchema = z.strictObject({
  naam,
  bedragen: z.array(bedrag.nullable()).max(20),
  toelichting: tekst(5000).optional().describe('Verklaring van een afwijking (door het register toegevoegd)'),
});

export const financienSchema = z.strictObject({
  eenheid: z.number().int().positive(),
  kolommen: z.array(tekst(200)).max(20),
  regels: z.array(financienRegelSchema).max(200),
});

export const financienOverigSchema = z.strictObject({ titel: tekst(500), ...financienSchema.shape });

export const controleSchema = z.strictObject({
  regel: tekst(500),
  kolom: tekst(200),
  document: bedrag.nullable(),
  berekend: bedrag,
  verschil: bedrag.nullable().optional().describe('document − berekend (ADR 0034); ontbreekt in hoofdstukken van vóór ADR 0034'),
  oordeel: z.enum(['klopt', 'afrondingsverschil', 'verschil']).optional().describe('klopt, afrondingsverschil of verschil (ADR 0034)'),
  ok: z.boolean(),
  tabel: tekst(500).optional().describe('Titel van een verdere financiële tabel, overhevelingen of investeringen; ontbreekt voor de hoofdtabel'),
});

const doelSchema = z.strictObject({ code: tekst(50), naam, subdoelen: z.array(z.strictObject({ code: tekst(50), naam })).max(100) });
const activiteitSchema = z.strictObject({ code: tekst(50), naam, tekst: tekst(20_000) });
const voetnootSchema = z.strictObject({ nummer: z.number().int().positive(), tekst: tekst(2000) });
const paragraafSchema = z.strictObject({ titel: tekst(500), tekst: z.array(tekst(20_000)).max(200) });
const overhevelingSchema = z.strictObject({ naam, bedrag, motivering: tekst(5000) });
const investeringSchema = z.strictObject({ naam, bedragen: z.array(bedrag.nullable()).max(20), kolommen: z.array(tekst(200)).max(20) });

/** Checks the columns of the finance tables and that every footnote a value names exists. */
function samenhang(h: Pick<PcHoofdstuk, 'financien' | 'financienOverig' | 'indicatoren' | 'voetnoten'>, ctx: z.RefinementCtx): void {
  const tabellen = [{ pad: ['financien'], tabel: h.financien }, ...(h.financienOverig ?? []).map((tabel, t) => ({ pad: ['financienOverig', t], tabel }))];
  for (const { pad, tabel } of tabellen) {
    tabel?.regels.forEach((regel, i) => {
      if (regel.bedragen.length !== tabel.kolommen.length) {
        ctx.addIssue({ code: 'custom', path: [...pad, 'regels', i, 'bedragen'], message: `Deze regel heeft ${regel.bedragen.length} bedragen, de tabel heeft ${tabel.kolommen.length} kolommen.` });
      }
    });
  }
  const nummers = new Set(h.voetnoten.map((v) => v.nummer));
  h.indicatoren.forEach((indicator, i) =>
    indicator.waarden.forEach((waarde, j) =>
      waarde.voetnoten.forEach((nummer, k) => {
        if (!nummers.has(nummer)) ctx.addIssue({ code: 'custom', path: ['indicatoren', i, 'waarden', j, 'voetnoten', k], message: `Voetnoot ${nummer} bestaat niet in dit hoofdstuk.` });
      }),
    ),
  );
}

const hoofdstukVelden = {
  gemeente: gemeenteCode,
  programma: naam,
  soort: z.enum(['begroting', 'jaarstukken']),
  jaar: z.number().int().min(1900).max(2200),
  documentstatus: z.strictObject({ tekst: tekst(500), datum: datum.nullable() }).optional(),
  portefeuillehouders: z.array(tekst(200)).max(20),
  concerndirecteuren: z.array(tekst(200)).max(20),
  visie: z.array(tekst(20_000)).max(200),
  paragrafen: z.array(paragraafSchema).max(100),
  financien: financienSchema.nullable(),
  financienOverig: z.array(financienOverigSchema).max(50).optional(),
  controles: z.array(controleSchema).max(2000),
  overhevelingen: z.array(overhevelingSchema).max(200),
  investeringen: z.array(investeringSchema).max(200),
  doelen: z.array(doelSchema).max(100),
  activiteiten: z.array(activiteitSchema).max(500),
  indicatoren: z.array(indicatorSchema).max(500),
  voetnoten: z.array(voetnootSchema).max(500),
  waarschuwingen: z.array(z.strictObject({ regel: z.number().int().nonnegative(), tekst: tekst(5000), reden: tekst(2000).optional() })).max(5000),
};

/** A whole chapter (the JSON that `loket pc import` prints and `loket pc export --format json` writes). */
export const hoofdstukSchema = z.strictObject(hoofdstukVelden).superRefine(samenhang).meta({ id: 'PcHoofdstuk' });

/**
 * How versions before ADR 0017 stored the register's additions: beside the chapter, by position
 * (indicators) and by row name (finance rows). Read only, and folded into the chapter on read.
 */
export const oudeAanvullingenSchema = z.object({
  indicatoren: z.array(indicatorAanvullingSchema).max(500).optional(),
  financien: z.array(z.strictObject({ regel: naam, toelichting: tekst(5000) })).max(200).optional(),
});
export type OudeAanvullingen = z.infer<typeof oudeAanvullingenSchema>;

export const LEGE_AANVULLING: IndicatorAanvulling = { richting: null, koppeling: null, bron: null, peildatum: null, toelichting: null };

// ---- API -------------------------------------------------------------------------------

const id = z.uuid('Dit is geen geldige id.');
/** Path segments other than ids are free text here: a wrong one answers 404, not 400. */
const segment = z.string().min(1).max(200);

export const documentParams = z.strictObject({ gemeente: gemeenteCode, id });
export const versieParams = documentParams;
export const programmaParams = z.strictObject({ gemeente: gemeenteCode, id, programma: segment });
export const onderdeelParams = z.strictObject({ gemeente: gemeenteCode, id, programma: segment, nr: segment });

export const versieSamenvatting = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    soort: z.enum(PC_DOCUMENTSOORTEN),
    jaar: z.number().int(),
    volgnummer: z.number().int(),
    naam: z.string().describe('Bijvoorbeeld "Begrotingswijziging 1"'),
    status: z.enum(PC_STATUSSEN),
    vastgesteldOp: z.string().nullable().describe('Datum van het raadsbesluit (JJJJ-MM-DD)'),
    aangemaaktOp: z.string(),
    gewijzigdOp: z.string(),
  })
  .meta({ id: 'PcVersieSamenvatting' });

export const versieSchema = versieSamenvatting
  .extend({
    programmas: z.array(z.object({ slug: z.string(), naam: z.string() })),
    etag: z.number().int(),
  })
  .meta({ id: 'PcVersie' });

export const documentSchema = z
  .object({
    id: z.uuid(),
    soort: z.enum(PC_DOCUMENTSOORTEN),
    jaar: z.number().int(),
    versies: z.array(versieSamenvatting),
  })
  .meta({ id: 'PcDocument' });
export const documentenLijstSchema = z.object({ items: z.array(documentSchema) }).meta({ id: 'PcDocumenten' });

export const documentenQuery = z.strictObject({
  soort: z.enum(PC_DOCUMENTSOORTEN).optional(),
  jaar: z.coerce.number().int().min(1900).max(2200).optional(),
});

export const programmaSchema = z
  .object({
    versieId: z.uuid(),
    slug: z.string(),
    naam: z.string(),
    status: z.enum(PC_STATUSSEN),
    bewerkbaar: z.boolean().describe('false voor een vastgestelde versie: die verandert nooit meer'),
    versie: versieSamenvatting.describe('De versie (met volgnummer) en haar document (soort, jaar)'),
    hoofdstuk: hoofdstukSchema,
    etag: z.number().int(),
  })
  .meta({ id: 'PcProgramma' });

export const nieuweVersieBody = z
  .strictObject({ naam: tekst(200).trim().optional() })
  .meta({ id: 'PcNieuweVersie' });

export const versieWijzigingBody = z
  .strictObject({
    naam: tekst(200).trim().optional(),
    status: z.enum(PC_STATUSSEN).optional(),
    vastgesteldOp: datum.optional().describe('Verplicht bij status vastgesteld: de datum van het raadsbesluit, niet in de toekomst'),
  })
  .refine((b) => b.naam !== undefined || b.status !== undefined, 'Geef minstens naam of status op.')
  .meta({ id: 'PcVersieWijziging' });

/** Replaces the named parts of a chapter; parts left out stay as they are. */
export const programmaWijzigingBody = z
  .strictObject({
    naam: naam.optional().describe('Nieuwe naam van het programma (de slug blijft)'),
    portefeuillehouders: hoofdstukVelden.portefeuillehouders.optional(),
    concerndirecteuren: hoofdstukVelden.concerndirecteuren.optional(),
    visie: hoofdstukVelden.visie.optional(),
    paragrafen: hoofdstukVelden.paragrafen.optional(),
    doelen: hoofdstukVelden.doelen.optional(),
    activiteiten: hoofdstukVelden.activiteiten.optional(),
    indicatoren: hoofdstukVelden.indicatoren.optional(),
    voetnoten: hoofdstukVelden.voetnoten.optional(),
    financien: hoofdstukVelden.financien.optional(),
    overhevelingen: hoofdstukVelden.overhevelingen.optional(),
    investeringen: hoofdstukVelden.investeringen.optional(),
    financienOverig: hoofdstukVelden.financienOverig,
  })
  .refine((b) => Object.keys(b).length > 0, 'Geef minstens één onderdeel op.')
  .meta({ id: 'PcProgrammaWijziging' });
export type ProgrammaWijziging = z.infer<typeof programmaWijzigingBody>;

const positie = z.number().int().min(1).max(10_000).describe('Nieuwe plaats (vanaf 1); standaard: achteraan bij toevoegen, dezelfde plaats bij wijzigen');

/** A new indicator, at a place (default: last). */
export const nieuweIndicatorBody = z.strictObject({ ...indicatorSchema.shape, positie: positie.optional() }).meta({ id: 'PcNieuweIndicator' });
export type NieuweIndicator = z.infer<typeof nieuweIndicatorBody>;

/** A new row of the main finance table, at a place (default: last). */
export const nieuweFinancienRegelBody = z.strictObject({ ...financienRegelSchema.shape, positie: positie.optional() }).meta({ id: 'PcNieuweFinancienRegel' });
export type NieuweFinancienRegel = z.infer<typeof nieuweFinancienRegelBody>;

/** One indicator (by its position, 1-based): its own fields, its values and its register additions. */
export const indicatorWijzigingBody = z
  .strictObject({
    positie: positie.optional(),
    naam: naam.optional(),
    code: tekst(50).optional(),
    soort: z.enum(['effect', 'prestatie']).optional(),
    verplicht: z.boolean().optional(),
    waarden: z.array(waardeSchema).max(50).optional(),
    richting: indicatorAanvullingSchema.shape.richting.optional(),
    koppeling: indicatorAanvullingSchema.shape.koppeling.optional(),
    bron: indicatorAanvullingSchema.shape.bron.optional(),
    peildatum: indicatorAanvullingSchema.shape.peildatum.optional(),
    toelichting: indicatorAanvullingSchema.shape.toelichting.optional(),
    kpi: indicatorKpiSchema.nullable().optional().describe('Koppel de indicator aan een KPI; null haalt de koppeling weg'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Geef minstens één veld op.')
  .meta({ id: 'PcIndicatorWijziging' });
export type IndicatorWijziging = z.infer<typeof indicatorWijzigingBody>;

/** One finance row (by its position, 1-based). */
export const financienRegelWijzigingBody = z
  .strictObject({
    positie: positie.optional(),
    naam: naam.optional(),
    bedragen: z.array(bedrag.nullable()).max(20).optional(),
    toelichting: tekst(5000).nullable().optional().describe('Verklaring van een afwijking; null of leeg haalt haar weg'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Geef minstens één veld op.')
  .meta({ id: 'PcFinancienRegelWijziging' });
export type FinancienRegelWijziging = z.infer<typeof financienRegelWijzigingBody>;

export const importQuery = z.strictObject({
  soort: z.enum(PC_DOCUMENTSOORTEN).optional().describe('Documentsoort; standaard volgt zij uit het hoofdstuk (begroting → programmabegroting)'),
});

export const vergelijkingQuery = z.strictObject({
  met: id.optional().describe('Id van de andere versie; standaard de vorige versie van hetzelfde document'),
});

export const wijzigingSchema = z.object({
  programma: z.string(),
  onderdeel: z.enum(['programma', 'tekst', 'doel', 'activiteit', 'indicator', 'waarde', 'voetnoot', 'financien', 'controle', 'overheveling', 'investering']),
  pad: z.string().describe('Leesbare plaats, bijvoorbeeld "Structurele lasten / Rekening 2023"'),
  oud: z.union([z.string(), z.number()]).nullable(),
  nieuw: z.union([z.string(), z.number()]).nullable(),
  verschil: z.number().nullable().describe('nieuw − oud voor bedragen en getallen (in euro voor bedragen)'),
});
export type PcWijziging = z.infer<typeof wijzigingSchema>;

export const vergelijkingSchema = z
  .object({ van: versieSamenvatting, naar: versieSamenvatting, wijzigingen: z.array(wijzigingSchema) })
  .meta({ id: 'PcVergelijking' });

export const afwijkingenQuery = z.strictObject({
  drempelBedrag: z.coerce.number().min(0).max(1e12).default(100_000).describe('In euro; standaard 100000'),
  drempelProcent: z.coerce.number().min(0).max(1000).default(10).describe('Procent van de begroting; standaard 10'),
});

export const afwijkingSchema = z.object({
  soort: z.enum(['financien', 'indicator']),
  nr: z.number().int().describe('Positie (vanaf 1) van de regel of indicator'),
  naam: z.string(),
  begroting: z.number().nullable(),
  realisatie: z.number().nullable(),
  verschil: z.number().nullable().describe('realisatie − begroting (in euro voor financiën)'),
  procent: z.number().nullable(),
  toelichting: z.string().nullable(),
  verklaard: z.boolean(),
});
export type PcAfwijking = z.infer<typeof afwijkingSchema>;
export const afwijkingenSchema = z
  .object({ drempelBedrag: z.number(), drempelProcent: z.number(), items: z.array(afwijkingSchema), onverklaard: z.number().int() })
  .meta({ id: 'PcAfwijkingen' });

/** Accepting a computed value: which column of the indicator (its header as printed). */
export const berekendeWaardeOvernemenBody = z
  .strictObject({ kolom: tekst(200).min(1, 'Kies de kolom, bijvoorbeeld "Realisatie 2023".') })
  .meta({ id: 'PcBerekendeWaardeOvernemen' });

export const berekendeWaardenSchema = z
  .object({
    versieId: z.uuid(),
    status: z.enum(PC_STATUSSEN),
    overnemen: z.boolean().describe('true voor een conceptversie: alleen daarin kan een berekende waarde worden overgenomen'),
    items: z.array(
      z.object({
        programma: z.string().describe('Slug van het programma'),
        programmaNaam: z.string(),
        nr: z.number().int().describe('Plaats van de indicator in het programma (vanaf 1)'),
        code: z.string(),
        naam: z.string(),
        kpi: z.string(),
        kpiNaam: z.string().nullable().describe('null als de KPI niet (meer) bestaat'),
        kolom: z.string(),
        periode: z.object({ van: z.string(), tot: z.string() }),
        huidig: z.object({ tekst: z.string(), getal: z.number().nullable(), berekend: z.boolean().describe('De getypte waarde is eerder uit een KPI overgenomen') }),
        status: z.enum(['bekend', 'niet-bekend']),
        reden: z.string().nullable().describe('Waarom Loket de waarde niet kan berekenen'),
        waarde: z.number().nullable(),
        teller: z.number().int().nullable(),
        noemer: z.number().int().nullable(),
        eenheid: z.string().nullable(),
        voorlopig: z.boolean().describe('De periode is nog niet voorbij'),
        overgenomen: z.boolean().describe('De getypte waarde is al deze berekende waarde'),
      }),
    ),
  })
  .meta({ id: 'PcBerekendeWaarden' });
