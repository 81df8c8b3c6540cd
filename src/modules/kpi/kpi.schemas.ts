import { z } from 'zod';
import { KPI_DELEN, KPI_EENHEDEN, KPI_KANALEN, KPI_UITSPLITSINGEN } from './kpi.definitie.ts';
import { PERIODEGROOTTES } from './kpi.periode.ts';
import { paginaQuery } from '../../http/pagination.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum } from '../termijnen/termijnen.schemas.ts';

const kpiCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een KPI-code is kleine letters, cijfers en streepjes, bijvoorbeeld email-binnen-5-werkdagen.')
  .max(100, 'Een KPI-code is hoogstens 100 tekens.')
  .describe('De code van de KPI, bijvoorbeeld email-binnen-5-werkdagen');

export const kpiParams = z.strictObject({ kpi: kpiCode });
export const gemeenteKpiParams = z.strictObject({ gemeente: gemeenteCode, kpi: kpiCode });

const tweetalig = z.object({ nl: z.string(), en: z.string() });
const normSchema = z.object({ waarde: z.number(), bron: z.string() });

export const kpiDefinitieSchema = z
  .object({
    code: z.string(),
    versie: z.number().int().describe('Een gewijzigde definitie is een nieuwe versie; een waarde noemt de versie waarmee ze berekend is'),
    naam: tweetalig,
    doel: z.string(),
    teller: z.string().nullable().describe('Wat boven de streep telt; null voor een maat die geen breuk is (mediaan, aantal)'),
    noemer: z.string(),
    periode: z.object({
      datum: z.enum(['afgesloten', 'ontvangen', 'gebeurtenis', 'peildatum', 'termijn', 'begin']).describe('Welke datum een zaak (of een gesprek: begin) in een periode plaatst'),
      regel: z.string(),
    }),
    uitsluitingen: z.array(z.string()),
    eenheid: z.enum(KPI_EENHEDEN),
    richting: z.enum(['hoger-is-beter', 'lager-is-beter']),
    norm: normSchema.nullable().describe('De norm van de definitie zelf, met bron; een gemeente kan een eigen norm vastleggen'),
    eigenaar: z.string().describe('Het team dat voor de definitie staat'),
    module: z.string().describe('De module die de waarde berekent'),
    publiek: z.boolean().describe('Op de openbare pagina servicenormen'),
    uitsplitsingen: z.array(z.enum(KPI_UITSPLITSINGEN)),
  })
  .meta({ id: 'KpiDefinitie' });

export const kpiDefinitiesSchema = z.object({ items: z.array(kpiDefinitieSchema) }).meta({ id: 'KpiDefinities' });

export const kpiDefinitieMetVersiesSchema = kpiDefinitieSchema
  .extend({ versies: z.array(z.object({ definitie: kpiDefinitieSchema, geregistreerdOp: z.string() })).describe('Elke versie die Loket ooit gebruikte, nieuwste eerst') })
  .meta({ id: 'KpiDefinitieMetVersies' });

const geldendeNormSchema = z
  .object({ waarde: z.number(), bron: z.string(), geldigVanaf: z.string().nullable().describe('null: de norm van de definitie, niet een eigen norm van de gemeente') })
  .meta({ id: 'KpiGeldendeNorm' });

export const kpiNormSchema = z.object({ geldigVanaf: z.string(), waarde: z.number(), bron: z.string() }).meta({ id: 'KpiNorm' });

export const gemeenteKpisSchema = z
  .object({
    items: z.array(
      kpiDefinitieSchema.extend({
        geldendeNorm: geldendeNormSchema.nullable(),
        normen: z.array(kpiNormSchema),
        zakenLijst: z.boolean().describe('De KPI telt zaken: de zaken achter een waarde staan op …/kpis/{kpi}/zaken'),
      }),
    ),
  })
  .meta({ id: 'GemeenteKpis' });

const periodeTekst = z
  .string()
  .max(10, 'Een periode is JJJJ, JJJJ-Qn, JJJJ-MM, JJJJ-Www of JJJJ-MM-DD.')
  .describe('Jaar (2026), kwartaal (2026-Q1), maand (2026-03), ISO-week (2026-W10) of dag (2026-03-02)');

export const kpiWaardeQuery = z.strictObject({
  periode: periodeTekst.optional(),
  periodeVan: z.string().max(10, 'Geef een datum als JJJJ-MM-DD.').optional().describe('Eerste dag van de periode (JJJJ-MM-DD), met periodeTot'),
  periodeTot: z.string().max(10, 'Geef een datum als JJJJ-MM-DD.').optional().describe('Laatste dag van de periode (JJJJ-MM-DD), met periodeVan'),
  zaaktype: z.string().min(1).max(100, 'Een zaaktypecode is hoogstens 100 tekens.').optional().describe('Alleen zaken van dit zaaktype (code)'),
  wachtrij: z.string().min(1).max(200, 'Een wachtrij is hoogstens 200 tekens.').optional().describe('Alleen gesprekken in deze wachtrij van de telefooncentrale (KCC-maten)'),
  team: z.uuid({ error: 'Geef het id van een team.' }).optional().describe('Alleen het werk van dit team (maten met de uitsplitsing team)'),
  categorie: z
    .string()
    .regex(/^[a-z0-9-]{1,50}$/, 'Geef de code van een categorie van meldingen.')
    .optional()
    .describe('Alleen meldingen van deze categorie (code; maten met de uitsplitsing categorie)'),
  locatie: z.uuid({ error: 'Geef het id van een locatie.' }).optional().describe('Alleen afspraken aan de balies van deze locatie (maten met de uitsplitsing locatie)'),
  kanaal: z
    .enum(KPI_KANALEN, { error: `Kies een kanaal: ${KPI_KANALEN.join(', ')}.` })
    .optional()
    .describe('Alleen zaken die via dit kanaal binnenkwamen, of klantcontacten op dit kanaal (maten met de uitsplitsing kanaal)'),
  uitsplitsing: z
    .enum(KPI_UITSPLITSINGEN, { error: 'Uitsplitsen kan naar zaaktype (zaken), wachtrij (telefonie), team, categorie (meldingen), locatie (balie), kanaal (zaken en klantcontacten) of onderwerp (klantcontacten).' })
    .optional()
    .describe('Ook een waarde per zaaktype, per wachtrij, per team, per categorie, per locatie, per kanaal of per onderwerp (de uitsplitsingen die de definitie noemt)'),
});

const metingVelden = {
  waarde: z.number().nullable().describe('null als de waarde niet bekend is'),
  teller: z.number().int().nullable(),
  noemer: z.number().int(),
  status: z.enum(['bekend', 'niet-bekend']),
  reden: z.string().nullable().describe('Waarom de waarde niet bekend is'),
  inBehandeling: z.number().int().nullable().describe('Zaken waarvan de uitkomst nog niet bekend is (telt niet mee)'),
  normGehaald: z.boolean().nullable(),
};

export const kpiWaardeSchema = z
  .object({
    code: z.string(),
    naam: z.string(),
    gemeente: z.string(),
    periode: z.object({ van: z.string(), tot: z.string() }).describe('Eerste en laatste dag, beide inbegrepen (Europe/Amsterdam)'),
    peildatum: z.string().optional().describe('Bij een stand: de dag waarvan de stand is'),
    zaaktype: z.string().nullable(),
    wachtrij: z.string().nullable().optional().describe('Bij maten per wachtrij: de gekozen wachtrij, of null voor alle'),
    team: z.string().nullable().optional().describe('Bij maten per team: het gekozen team (id), of null voor alle'),
    categorie: z.string().nullable().optional().describe('Bij maten per categorie van meldingen: de gekozen categorie (code), of null voor alle'),
    locatie: z.string().nullable().optional().describe('Bij maten per locatie: de gekozen locatie (id), of null voor alle'),
    kanaal: z.string().nullable().optional().describe('Bij maten per kanaal: het gekozen kanaal, of null voor alle'),
    ...metingVelden,
    eenheid: z.enum(KPI_EENHEDEN),
    norm: geldendeNormSchema.nullable(),
    voorlopig: z.boolean().describe('De periode is nog niet voorbij: de waarde kan nog veranderen'),
    definitie: kpiDefinitieSchema,
    berekendOp: z.string().describe('Wanneer dit antwoord is samengesteld'),
    versheid: z
      .object({
        bron: z.enum(['rollup', 'live']).describe('rollup: uit de bijgehouden dagtotalen; live: berekend uit de gegevens zelf'),
        reden: z.string().nullable().describe('Waarom live berekend, bij een maat die een rollup heeft'),
        rollupBijgewerktOp: z.string().nullable().describe('Bij rollup: wanneer de nieuwste dag van de periode is (her)berekend'),
        herberekend: z
          .array(z.object({ dag: z.string(), op: z.string(), reden: z.string() }))
          .describe('Dagen van de periode die na afloop opnieuw zijn berekend omdat er late gegevens kwamen: wanneer en waarom'),
      })
      .describe('Waar de waarde vandaan komt en hoe vers ze is'),
    uitsplitsing: z.array(z.object({ zaaktype: z.string().optional(), wachtrij: z.string().optional(), team: z.string().optional(), categorie: z.string().optional(), locatie: z.string().optional(), kanaal: z.string().optional(), onderwerp: z.string().optional(), ...metingVelden })).optional(),
  })
  .meta({ id: 'KpiWaarde' });

export const kpiReeksQuery = kpiWaardeQuery.extend({
  per: z
    .enum(PERIODEGROOTTES, { error: 'Kies dag, week, maand, kwartaal of jaar.' })
    .default('maand')
    .describe('De grootte van elke periode in de reeks (standaard maand); de eerste en laatste worden afgekapt op de gekozen periode, en de reeks stopt vandaag'),
  laatste: z.coerce
    .number({ error: 'Geef een aantal perioden van 1 tot 62.' })
    .int('Geef een heel aantal perioden.')
    .min(1, 'Geef minstens 1 periode.')
    .max(62, 'Geef hoogstens 62 perioden.')
    .optional()
    .describe('In plaats van een periode: de laatste zoveel perioden van grootte `per` tot en met vandaag (de huidige loopt nog)'),
});

const { code: _code, naam: _naam, gemeente: _gemeente, eenheid: _eenheid, definitie: _definitie, ...reeksWaardeVelden } = kpiWaardeSchema.shape;

export const kpiReeksSchema = z
  .object({
    code: z.string(),
    gemeente: z.string(),
    periode: z.object({ van: z.string(), tot: z.string() }).describe('De hele gekozen periode, beide dagen inbegrepen'),
    per: z.enum(PERIODEGROOTTES),
    eenheid: z.enum(KPI_EENHEDEN),
    definitie: kpiDefinitieSchema,
    geldendeNorm: geldendeNormSchema.nullable().describe('De norm die vandaag geldt (elke waarde noemt de norm van haar eigen periode)'),
    waarden: z.array(z.object(reeksWaardeVelden)).describe('Een waarde per periode, oudste eerst: een getal met teller en noemer, of niet-bekend met de reden'),
  })
  .meta({ id: 'KpiReeks' });

export const kpiNormInvoer = z
  .strictObject({
    waarde: z.number({ error: 'Geef de norm als getal, bijvoorbeeld 70.' }).min(0, 'Een norm is 0 of meer.').max(1_000_000, 'Een norm is hoogstens 1.000.000.'),
    bron: z
      .string({ error: 'Noem de bron van de norm.' })
      .overwrite(schoneNaam)
      .min(1, 'Noem de bron van de norm, bijvoorbeeld het document waarin ze is vastgesteld.')
      .max(300, 'De bron is hoogstens 300 tekens.'),
    geldigVanaf: datum,
  })
  .meta({ id: 'KpiNormInvoer' });

/** The zaken behind a value (ADR 0082): the selection of `…/waarden` without a breakdown (a breakdown's cell is its selection), the part, a page. */
export const kpiZakenQuery = kpiWaardeQuery
  .omit({ uitsplitsing: true })
  .extend({
    deel: z
      .enum(KPI_DELEN, { error: 'Kies teller of noemer.' })
      .default('noemer')
      .describe('noemer (standaard): alle zaken die meetellen; teller: de zaken boven de streep (alleen bij een breuk)'),
  })
  .extend(paginaQuery.shape);

const link = z.object({ href: z.string() });

export const kpiZaakSchema = z
  .object({
    id: z.string(),
    identificatie: z.string(),
    zaaktype: z.string().describe('Code van het zaaktype'),
    onderwerp: z.string(),
    datum: z.string().describe('De dag die de zaak in de periode plaatst (de periode-regel van de definitie)'),
    teller: z.boolean().nullable().describe('Telt boven de streep; null bij een maat die geen breuk is'),
    waarde: z.number().nullable().describe('Bij een doorlooptijd: die van deze zaak in werkdagen'),
    ontvangstdatum: z.string(),
    afgeslotenOp: z.string().nullable(),
    uiterlijkeEinddatum: z.string(),
    opgeschort: z.boolean(),
    team: z.string().describe('Naam van het team'),
  })
  .meta({ id: 'KpiZaak' });

export const kpiZakenSchema = z
  .object({
    code: z.string(),
    naam: z.string(),
    gemeente: z.string(),
    periode: z.object({ van: z.string(), tot: z.string() }).describe('Eerste en laatste dag, beide inbegrepen (Europe/Amsterdam)'),
    zaaktype: z.string().nullable(),
    deel: z.enum(KPI_DELEN),
    omschrijving: z.string().describe('Wat dit deel telt: de teller of de noemer van de definitie'),
    geteld: z.number().int().describe('Zoveel telt de waarde: gelijk aan haar teller of noemer'),
    verborgen: z.number().int().describe('Daarvan vertrouwelijke zaken die u niet mag zien: geteld, niet getoond'),
    items: z.array(kpiZaakSchema).describe('De zaken die u mag zien, oudste dag eerst'),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('Zaken die u mag zien (geteld min verborgen)'),
    _links: z.object({ self: link, first: link, last: link, next: link.optional(), prev: link.optional() }),
  })
  .meta({ id: 'KpiZaken' });
