/**
 * The bezwaar procedure on the zaken engine (Awb hoofdstuk 6 and 7, ADR 0063). A bezwaar is a zaak
 * of zaaktype `bezwaar` whose term is the beslistermijn: registered with the norm (6 or 12 weeks)
 * and the day after which it counts (the end of the bezwaartermijn, 7:10 lid 1). Its own rows (the
 * contested besluit, the steps) are written in the transaction of the zaak change through the zaken
 * service (`registreer`/`zetOm` with a hook, `procedureStap`); verdaging, uitstel and a repaired
 * omission become extensions of the zaak's term, so the zaak's deadline is the legal one. Each
 * letter is made with the letter service and kept with the zaak as a PDF.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Kanaal } from '../../db/schema.ts';
import { badRequest, conflict, notFound, type InvalidParam, type ProblemError } from '../../http/problem.ts';
import { heeftRecht } from '../../http/rechten.ts';
import { datumTekst, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { maakBrief, type BriefWoorden } from '../brieven/brieven.pdf.ts';
import type { GegevensVan, SjabloonNaam } from '../brieven/brieven.sjablonen.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { TeamsRepository } from '../teams/teams.repository.ts';
import { dagenTussen, kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import { geenRecht } from '../zaken/zaken.errors.ts';
import type { BijRegistratie, NieuweZaakInvoer, ProcedureUitkomst, ProcedureZaak, Systeem, SysteemDocument, Wie, ZakenService } from '../zaken/zaken.service.ts';
import { bezwaarRepository, type BezwaarRij } from './bezwaar.repository.ts';
import { leesBezwaarVraag } from './bezwaar.service.ts';
import {
  DWANGSOM_WAARSCHUWING_DAGEN,
  dwangsomVan,
  HOREN_GRONDEN,
  standVan,
  termijnenVan,
  type BezwaarStand,
  type BezwaarStap,
  type HorenGrond,
  type StapInhoud,
  type Uitkomst,
} from './bezwaar.stand.ts';
import { bezwaarTermijnen, OngeldigeVerdaging } from './bezwaar.termijnen.ts';

/** The zaaktype of a bezwaar (demo: per gemeente; ADR 0036 gave it `termijnStart: gebeurtenis` and `normKeuze: P12W`). */
export const BEZWAAR_ZAAKTYPE = 'bezwaar';

/**
 * The zaken engine's `procedureVan` port: a bezwaar registered through this procedure keeps the
 * legal beslistermijn as its deadline, so the generic suspension, extension, term and closing are
 * refused with this reason; verdaging, uitstel, herstel and the decision go through its steps.
 */
export async function bezwaarProcedureVan(gemeente: string, zaakId: string, transactie: Transaction<DB>): Promise<string | null> {
  if (!(await bezwaarRepository(transactie).isBezwaar(gemeente, zaakId))) return null;
  return 'Dit is een bezwaar: de beslistermijn (Awb 7:10) en de afsluiting lopen via de stappen van de bezwaarprocedure (POST …/bezwaar/stappen: herstel, verdaging, uitstel, beslissing), met hun brieven.';
}

/** Which result of the zaaktype each outcome closes the zaak with (by the result's name). */
const RESULTAAT: Record<Uitkomst, string> = {
  'niet-ontvankelijk': 'Niet-ontvankelijk',
  ongegrond: 'Ongegrond',
  gegrond: 'Gegrond',
  'deels-gegrond': 'Deels gegrond',
  ingetrokken: 'Ingetrokken',
};

export interface BezwaarRegistratie {
  besluit: string;
  bekendmaking: string;
  besluitTeam?: string | undefined;
  besluitZaak?: string | undefined;
  ontvangen: string;
  verzonden?: string | undefined;
  commissie: boolean;
  onderwerp: string;
  omschrijving?: string | undefined;
  kanaal: Kanaal;
  team?: string | undefined;
  /** The indiener as the zaak's betrokkene, with their address when given (ADR 0083). */
  betrokkene?: NieuweZaakInvoer['betrokkene'];
}

export type BezwaarStapInvoer =
  | { soort: 'verschoonbaarheid'; verschoonbaar: boolean; toelichting: string }
  | { soort: 'herstel-verzocht'; verzuim: string; hersteltermijn: string }
  | { soort: 'hersteld'; hersteld: string; toelichting?: string | undefined }
  | { soort: 'verdaging'; weken: number; reden: string }
  | { soort: 'uitstel'; weken: number; reden: string; instemming: string; instemmingOp: string }
  | { soort: 'informeel'; datum: string; verslag: string; opgelost: boolean }
  | { soort: 'hoorzitting'; datum: string; tijd: string; locatie: string; commissie: string }
  | { soort: 'hoorverslag'; verslag: string }
  | { soort: 'horen-overgeslagen'; grond: HorenGrond; toelichting: string }
  | { soort: 'advies'; datum: string; advies: string; voorstel: Uitkomst }
  | { soort: 'ingebrekestelling'; ontvangen: string }
  | { soort: 'beslissing'; uitkomst: Uitkomst; motivering: string };

const fout = (name: string, code: string, reason: string): ProblemError => badRequest([{ name, code, reason }]);
const geenBezwaar = () => notFound('Deze zaak is geen bezwaar, of u mag hem niet zien.');
const alBeslist = () => conflict('bezwaar-beslist', 'Op dit bezwaar is al beslist. Er kan niets meer aan veranderen.');

function magBezwaren(wie: Wie) {
  if (!heeftRecht(wie.rollen, 'bezwaarBehandelen')) throw geenRecht('Alleen behandelaars, teamleiders, de secretaris van de bezwaarcommissie en beheerders kunnen dit.');
}

const kern = (z: Pick<ProcedureZaak, 'zaak' | 'betrokkene'>) => ({ referentie: z.zaak.identificatie, onderwerp: z.zaak.onderwerp, naam: z.betrokkene?.naam || null });

const taalVan = (z: Pick<ProcedureZaak, 'betrokkene' | 'zaak'>): Taal => z.betrokkene?.taal ?? z.zaak.taal;

/** Folds the bezwaar of a locked zaak (inside a procedure step). */
async function bezwaarIn(z: ProcedureZaak, gemeente: string) {
  const b = await bezwaarRepository(z.transactie).opZaak(gemeente, z.zaak.id);
  if (!b) throw geenBezwaar();
  const stand = standVan(b.stappen);
  if (stand.beslissing) throw alBeslist();
  return { besluit: b.besluit, stand };
}

/** The bezwaar as staff see it: the besluit, where it stands, every term with its explanation, the dwangsom. */
function weergave(besluit: BezwaarRij, stappen: BezwaarStap[], uiterlijkeEinddatum: string, dag: string) {
  const stand = standVan(stappen);
  const termijnen = termijnenVan(besluit, stand);
  const dwangsom = dwangsomVan(stand, uiterlijkeEinddatum, dag);
  const hoorzittingGepland = stand.hoorzitting !== null && stand.hoorverslag === null && stand.hoorzitting.datum >= dag ? stand.hoorzitting : null;
  return {
    besluit: {
      omschrijving: besluit.besluit,
      bekendmaking: besluit.bekendmaking,
      team: besluit.besluitTeamId,
      zaak: besluit.besluitZaakId,
      ontvangen: besluit.ontvangen,
      verzonden: besluit.verzonden,
      commissie: besluit.commissie,
    },
    stand,
    termijnen,
    dwangsom,
    signalen: {
      hoorzittingGepland,
      /** A late bezwaar whose verschoonbaarheid has not been judged (6:11). */
      verschoonbaarheidOpen: termijnen.laat && stand.verschoonbaar === null,
      dwangsomWaarschuwing:
        dwangsom !== null && stand.beslissing === null && (dwangsom.lopend || dwangsom.maximumBereikt || (dwangsom.dagenTotStart !== null && dwangsom.dagenTotStart <= DWANGSOM_WAARSCHUWING_DAGEN)),
    },
    stappen,
  };
}

export function bezwaarProcedure(deps: {
  db: Kysely<DB>;
  zaken: ZakenService;
  gemeenten: GemeentenRepository;
  teams: TeamsRepository;
  klok: Klok;
  /** The gemeente's own wording of the bezwaar letters (ADR 0071, group bezwaar over algemeen), read in the step's transaction; without it the default. */
  briefWoorden?: (gemeente: string, taal: Taal, d: Kysely<DB> | Transaction<DB>) => Promise<BriefWoorden>;
}) {
  const vandaag = () => kalenderdag(deps.klok.nu());
  const lezen = bezwaarRepository(deps.db);

  async function gemeenteVan(code: string): Promise<Gemeente> {
    const gemeente = await deps.gemeenten.opCode(code);
    if (!gemeente) throw notFound();
    return gemeente;
  }

  /** A letter as a PDF document of the zaak (extern: the resident sees it on the tracking page). */
  async function brief<S extends SjabloonNaam>(d: Transaction<DB>, gemeente: Gemeente, taal: Taal, sjabloon: S, naam: string, identificatie: string, gegevens: GegevensVan<S>): Promise<SysteemDocument> {
    const woorden = deps.briefWoorden ? await deps.briefWoorden(gemeente.code, taal, d) : undefined;
    const inhoud = await maakBrief({ gemeente, taal, sjabloon, gegevens, datum: vandaag(), woorden });
    return { id: randomUUID(), bestandsnaam: `${naam}-${identificatie}.pdf`, mediatype: 'application/pdf', inhoud, extern: true };
  }

  /** Checks a registration and gives the terms, the norm for the zaak and the hook that stores the besluit and the receipt letter. */
  async function voorbereiden(wie: Wie | Systeem, gemeente: string, invoer: BezwaarRegistratie) {
    const fouten: InvalidParam[] = [];
    let termijn: ReturnType<typeof bezwaarTermijnen> | undefined;
    try {
      const vraag = leesBezwaarVraag({ bekendmaking: invoer.bekendmaking, ontvangen: invoer.ontvangen, verzonden: invoer.verzonden, commissie: invoer.commissie }, vandaag());
      termijn = bezwaarTermijnen(vraag);
    } catch (error) {
      const invalid = (error as ProblemError).invalidParams;
      if (!invalid) throw error;
      fouten.push(...invalid);
    }
    if (invoer.besluitTeam && !(await deps.teams.opId(gemeente, invoer.besluitTeam))) fouten.push({ name: 'besluitTeam', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' });
    if (invoer.besluitZaak) {
      try {
        await deps.zaken.detail(wie, gemeente, invoer.besluitZaak, { loggen: false });
      } catch {
        fouten.push({ name: 'besluitZaak', code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente, of u mag hem niet zien.' });
      }
    }
    if (fouten.length > 0 || !termijn) throw badRequest(fouten);
    const t = termijn;
    const gemeenteRec = await gemeenteVan(gemeente);
    const norm = {
      duur: t.beslistermijnNorm,
      startdatum: plusDagen(t.beslistermijnStart, -1),
      reden: `Beslistermijn bezwaar (Awb 7:10 lid 1): ${invoer.commissie ? '12 weken met een aangekondigde adviescommissie' : '6 weken'}, vanaf ${t.beslistermijnStart}.`,
    };
    const taal: Taal = invoer.betrokkene?.taal ?? 'nl';
    const bij: BijRegistratie = async (zaak, binnen) => {
      const rij: BezwaarRij = {
        zaakId: zaak.id,
        besluit: invoer.besluit,
        bekendmaking: invoer.bekendmaking,
        besluitTeamId: invoer.besluitTeam ?? null,
        besluitZaakId: invoer.besluitZaak ?? null,
        ontvangen: invoer.ontvangen,
        verzonden: invoer.verzonden ?? null,
        commissie: invoer.commissie,
      };
      await bezwaarRepository(binnen.transactie).voegToe(gemeente, rij, deps.klok.nu().toISOString());
      // Awb 6:14: the receipt confirmed in writing, with the day we decide by.
      const ontvangst = await brief(binnen.transactie, gemeenteRec, taal, 'bezwaarOntvangst', taal === 'en' ? 'receipt' : 'ontvangstbevestiging', zaak.identificatie, {
        referentie: zaak.identificatie,
        onderwerp: invoer.onderwerp,
        naam: invoer.betrokkene?.naam || null,
        besluit: invoer.besluit,
        bekendmaking: datumTekst(taal, invoer.bekendmaking),
        ontvangen: datumTekst(taal, invoer.ontvangen),
        beslistermijnEinde: datumTekst(taal, zaak.uiterlijkeEinddatum),
        commissie: invoer.commissie,
        laat: t.laat,
        premature: t.premature,
      });
      return { documenten: [ontvangst] };
    };
    return { norm, bij };
  }

  /** What one step checks and records; the frame (`procedureStap`) stores it with the zaak's change. */
  async function voerUit(z: ProcedureZaak, gemeente: Gemeente, besluit: BezwaarRij, stand: BezwaarStand, invoer: BezwaarStapInvoer): Promise<{ stap: StapInhoud; uitkomst: ProcedureUitkomst }> {
    const dag = z.vandaag;
    const taal = taalVan(z);
    const d = (datum: string) => datumTekst(taal, datum);
    const termijn = termijnenVan(besluit, stand);
    const nietNa = (naam: string, datum: string) => {
      if (datum > dag) throw fout(naam, 'in-de-toekomst', `Deze datum (${datum}) ligt na vandaag (${dag}).`);
    };
    switch (invoer.soort) {
      case 'verschoonbaarheid': {
        if (!termijn.laat) throw conflict('niet-te-laat', 'Dit bezwaar kwam op tijd binnen; er is niets te beoordelen (Awb 6:11).');
        const stap = { soort: invoer.soort, gegevens: { verschoonbaar: invoer.verschoonbaar, toelichting: invoer.toelichting } };
        const tekst = `Termijnoverschrijding ${invoer.verschoonbaar ? 'verschoonbaar' : 'niet verschoonbaar'} (Awb 6:11): ${invoer.toelichting}`;
        return { stap, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { verschoonbaar: invoer.verschoonbaar } } };
      }
      case 'herstel-verzocht': {
        if (stand.herstelOpen) throw conflict('herstel-open', 'Er loopt al een verzoek om herstel. Leg eerst vast dat het verzuim is hersteld.');
        if (invoer.hersteltermijn <= dag) throw fout('hersteltermijn', 'niet-in-de-toekomst', 'De hersteltermijn moet na vandaag eindigen: de indiener moet tijd hebben (Awb 6:6).');
        const stap = { soort: invoer.soort, gegevens: { verzocht: dag, hersteltermijn: invoer.hersteltermijn, verzuim: invoer.verzuim } };
        const letter = await brief(z.transactie, gemeente, taal, 'bezwaarHerstel', taal === 'en' ? 'request-to-repair' : 'herstelverzoek', z.zaak.identificatie, { ...kern(z), verzuim: invoer.verzuim, hersteltermijn: d(invoer.hersteltermijn) });
        const tekst = `Verzoek om herstel van een verzuim (Awb 6:6), uiterlijk ${invoer.hersteltermijn}: ${invoer.verzuim}. De beslistermijn staat vanaf morgen stil tot het herstel (7:10 lid 2).`;
        return { stap, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], documenten: [letter], details: { hersteltermijn: invoer.hersteltermijn } } };
      }
      case 'hersteld': {
        const open = stand.herstel.at(-1);
        if (!open || open.hersteld !== null) throw conflict('geen-herstel-open', 'Er loopt geen verzoek om herstel.');
        nietNa('hersteld', invoer.hersteld);
        if (invoer.hersteld < open.verzocht) throw fout('hersteld', 'voor-verzoek', `Het herstel kan niet vóór het verzoek (${open.verzocht}) liggen.`);
        const na = termijnenVan(besluit, stand, { herstel: [{ verzocht: open.verzocht, hersteld: invoer.hersteld }] });
        const dagen = na.opgeschorteDagen - termijn.opgeschorteDagen;
        const stap = { soort: invoer.soort, gegevens: { hersteld: invoer.hersteld, toelichting: invoer.toelichting ?? '', opgeschorteDagen: dagen } };
        const reden = `Opgeschort voor herstel van een verzuim (Awb 6:6, 7:10 lid 2): gevraagd op ${open.verzocht}, hersteld op ${invoer.hersteld}; ${dagen} ${dagen === 1 ? 'dag' : 'dagen'}.`;
        const gebeurtenissen: ProcedureUitkomst['gebeurtenissen'] =
          dagen > 0 ? [{ soort: 'verlenging', gegevens: { duur: `P${dagen}D`, reden }, extern: true }] : [{ soort: 'notitie', gegevens: { tekst: `${reden} De beslistermijn liep toen nog niet.` }, extern: false }];
        return { stap, uitkomst: { gebeurtenissen, details: { opgeschorteDagen: dagen } } };
      }
      case 'verdaging':
      case 'uitstel': {
        if (invoer.soort === 'uitstel') nietNa('instemmingOp', invoer.instemmingOp);
        else if (dag > z.termijn.uiterlijkeEinddatum) throw conflict('termijn-verstreken', `De beslistermijn is op ${z.termijn.uiterlijkeEinddatum} verstreken; verdagen kan alleen binnen de termijn (Awb 7:10 lid 3). Verder uitstel kan alleen met instemming van de indiener (lid 4).`);
        let na: ReturnType<typeof termijnenVan>;
        try {
          na = termijnenVan(besluit, stand, invoer.soort === 'verdaging' ? { verdagingWeken: invoer.weken } : { uitstelWeken: invoer.weken });
        } catch (error) {
          if (!(error instanceof OngeldigeVerdaging)) throw error;
          const al = stand.verdagingWeken > 0 ? ` Er is al ${stand.verdagingWeken} ${stand.verdagingWeken === 1 ? 'week' : 'weken'} verdaagd.` : '';
          throw fout('weken', 'verdaging-te-lang', `${error.message}${al}`);
        }
        const stap: StapInhoud =
          invoer.soort === 'verdaging'
            ? { soort: 'verdaging', gegevens: { weken: invoer.weken, reden: invoer.reden } }
            : { soort: 'uitstel', gegevens: { weken: invoer.weken, reden: invoer.reden, instemming: invoer.instemming, instemmingOp: invoer.instemmingOp } };
        const reden =
          invoer.soort === 'verdaging'
            ? `Verdaging (Awb 7:10 lid 3): ${invoer.reden}`
            : `Uitstel met instemming van de indiener (Awb 7:10 lid 4, ${invoer.instemmingOp}: ${invoer.instemming}): ${invoer.reden}`;
        // 7:10 lid 5: the objector is told in writing.
        const letter = await brief(z.transactie, gemeente, taal, 'bezwaarVerdaging', invoer.soort === 'verdaging' ? (taal === 'en' ? 'postponement' : 'verdaging') : taal === 'en' ? 'extension' : 'uitstel', z.zaak.identificatie, {
          ...kern(z),
          soort: invoer.soort,
          weken: invoer.weken,
          reden: invoer.reden,
          vorigeEinddatum: d(z.termijn.uiterlijkeEinddatum),
          einddatum: d(na.beslistermijnEinde),
        });
        return {
          stap,
          uitkomst: { gebeurtenissen: [{ soort: 'verlenging', gegevens: { duur: `P${invoer.weken}W`, reden }, extern: true }], documenten: [letter], details: { weken: invoer.weken, beslistermijnEinde: na.beslistermijnEinde } },
        };
      }
      case 'informeel': {
        nietNa('datum', invoer.datum);
        const stap = { soort: invoer.soort, gegevens: { datum: invoer.datum, verslag: invoer.verslag, opgelost: invoer.opgelost } };
        const tekst = `Informeel contact op ${invoer.datum}${invoer.opgelost ? ' (opgelost: de indiener trekt het bezwaar in)' : ''}: ${invoer.verslag}`;
        return { stap, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { opgelost: invoer.opgelost } } };
      }
      case 'hoorzitting': {
        if (stand.hoorverslag !== null || stand.horenOvergeslagen) throw conflict('al-gehoord', 'Het horen is al vastgelegd (verslag of reden om niet te horen).');
        if (invoer.datum < dag) throw fout('datum', 'in-het-verleden', 'Een hoorzitting plant u vandaag of later.');
        const stap = { soort: invoer.soort, gegevens: { datum: invoer.datum, tijd: invoer.tijd, locatie: invoer.locatie, commissie: invoer.commissie } };
        const letter = await brief(z.transactie, gemeente, taal, 'bezwaarHoorzitting', taal === 'en' ? 'invitation-hearing' : 'uitnodiging-hoorzitting', z.zaak.identificatie, {
          ...kern(z),
          datum: d(invoer.datum),
          tijd: invoer.tijd,
          locatie: invoer.locatie,
          commissie: invoer.commissie,
        });
        const tekst = `Hoorzitting (Awb 7:2) gepland op ${invoer.datum} om ${invoer.tijd}, ${invoer.locatie}${invoer.commissie ? `; commissie: ${invoer.commissie}` : ''}.`;
        return { stap, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], documenten: [letter], details: { datum: invoer.datum } } };
      }
      case 'hoorverslag': {
        if (!stand.hoorzitting || stand.hoorzitting.datum > dag) throw conflict('geen-hoorzitting', 'Er is geen hoorzitting gehouden: plan hem eerst, of leg de reden vast om niet te horen (Awb 7:3).');
        if (stand.hoorverslag !== null) throw conflict('al-gehoord', 'Het hoorverslag is al vastgelegd.');
        return { stap: { soort: invoer.soort, gegevens: { verslag: invoer.verslag } }, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: `Hoorverslag (Awb 7:7): ${invoer.verslag}` }, extern: false }], details: {} } };
      }
      case 'horen-overgeslagen': {
        if (stand.hoorverslag !== null || stand.horenOvergeslagen) throw conflict('al-gehoord', 'Het horen is al vastgelegd (verslag of reden om niet te horen).');
        const tekst = `Niet gehoord (Awb 7:3 onder ${invoer.grond}: ${HOREN_GRONDEN[invoer.grond]}): ${invoer.toelichting}`;
        return { stap: { soort: invoer.soort, gegevens: { grond: invoer.grond, toelichting: invoer.toelichting } }, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { grond: invoer.grond } } };
      }
      case 'advies': {
        if (!besluit.commissie) throw conflict('geen-commissie', 'Bij dit bezwaar is geen adviescommissie aangekondigd (Awb 7:13).');
        nietNa('datum', invoer.datum);
        const stap = { soort: invoer.soort, gegevens: { datum: invoer.datum, advies: invoer.advies, voorstel: invoer.voorstel } };
        return { stap, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: `Advies van de bezwaarcommissie (Awb 7:13) van ${invoer.datum}, voorstel ${invoer.voorstel}: ${invoer.advies}` }, extern: false }], details: { voorstel: invoer.voorstel } } };
      }
      case 'ingebrekestelling': {
        nietNa('ontvangen', invoer.ontvangen);
        if (stand.ingebrekestelling) throw conflict('al-in-gebreke', `Er is al een ingebrekestelling vastgelegd (ontvangen ${stand.ingebrekestelling}).`);
        const dwangsom = dwangsomVan({ ...stand, ingebrekestelling: invoer.ontvangen }, z.termijn.uiterlijkeEinddatum, dag);
        const tekst = `Ingebrekestelling ontvangen op ${invoer.ontvangen} (Awb 4:17). Zonder besluit is vanaf ${dwangsom?.eersteDag} een dwangsom verschuldigd.`;
        return { stap: { soort: invoer.soort, gegevens: { ontvangen: invoer.ontvangen } }, uitkomst: { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { eersteDag: dwangsom?.eersteDag } } };
      }
      case 'beslissing': {
        if (invoer.uitkomst !== 'ingetrokken' && stand.hoorverslag === null && !stand.horenOvergeslagen) {
          throw conflict('horen-ontbreekt', 'Voor het besluit wordt de indiener gehoord (Awb 7:2). Leg het hoorverslag vast, of de reden om niet te horen (7:3).');
        }
        const naam = RESULTAAT[invoer.uitkomst];
        const resultaattype = z.zaaktype.resultaattypen.find((r) => r.naam === naam);
        if (!resultaattype) throw fout('uitkomst', 'geen-resultaattype', `Het zaaktype van dit bezwaar heeft geen resultaat "${naam}".`);
        const rechtbank = typeof gemeente.thema.rechtbank === 'string' ? gemeente.thema.rechtbank : null;
        const letter = await brief(z.transactie, gemeente, taal, 'bezwaarBeslissing', taal === 'en' ? 'decision' : 'beslissing-op-bezwaar', z.zaak.identificatie, {
          ...kern(z),
          uitkomst: invoer.uitkomst,
          motivering: invoer.motivering,
          besluit: besluit.besluit,
          rechtbank,
        });
        const stap = { soort: invoer.soort, gegevens: { uitkomst: invoer.uitkomst, motivering: invoer.motivering, datum: dag } };
        return { stap, uitkomst: { gebeurtenissen: [], documenten: [letter], afsluiten: { resultaattype: resultaattype.id, toelichting: invoer.motivering }, details: { uitkomst: invoer.uitkomst } } };
      }
    }
  }

  return {
    /**
     * Registers a bezwaar as a new zaak, with its receipt letter: by staff (a paper one, or through
     * the KCC) or by the system for the resident's web form (which names no team or zaak of the besluit).
     */
    async registreer(wie: Wie | Systeem, gemeente: string, invoer: BezwaarRegistratie) {
      if (wie.soort !== 'systeem') magBezwaren(wie);
      const { norm, bij } = await voorbereiden(wie, gemeente, invoer);
      const { zaak, volgcode, volglink } = await deps.zaken.registreer(
        wie,
        gemeente,
        { zaaktype: BEZWAAR_ZAAKTYPE, onderwerp: invoer.onderwerp, omschrijving: invoer.omschrijving, kanaal: invoer.kanaal, ontvangstdatum: invoer.ontvangen, team: invoer.team, betrokkene: invoer.betrokkene, norm },
        bij,
      );
      return { zaak, volgcode, volglink };
    },

    /** A bezwaar the web form already registered with the same besluit and grounds today (a double submit), by its number. */
    eerderVanWeb(gemeente: string, invoer: Pick<BezwaarRegistratie, 'besluit' | 'bekendmaking' | 'ontvangen'> & { omschrijving: string }) {
      return lezen.zelfdeVanWeb(gemeente, invoer);
    },

    /**
     * Converts an existing zaak (an e-mail, a KCC contact) into a bezwaar (ADR 0062): the receipt date
     * is the first zaak's; closed with `resultaattype` when given.
     */
    async zetOm(wie: Wie, gemeente: string, bronId: string, versie: number, invoer: Omit<BezwaarRegistratie, 'ontvangen' | 'kanaal' | 'betrokkene' | 'onderwerp'> & { onderwerp?: string | undefined; reden: string; resultaattype?: string | undefined }) {
      magBezwaren(wie);
      const bron = await deps.zaken.detail(wie, gemeente, bronId, { loggen: false });
      const taal = bron.betrokkene?.taal ?? 'nl';
      const registratie: BezwaarRegistratie = {
        ...invoer,
        onderwerp: invoer.onderwerp ?? bron.onderwerp,
        ontvangen: bron.ontvangstdatum,
        kanaal: bron.kanaal,
        betrokkene: bron.betrokkene ? { naam: bron.betrokkene.naam, taal } : undefined,
      };
      const { norm, bij } = await voorbereiden(wie, gemeente, registratie);
      return deps.zaken.zetOm(wie, gemeente, bronId, versie, { zaaktype: BEZWAAR_ZAAKTYPE, onderwerp: registratie.onderwerp, team: invoer.team, reden: invoer.reden, resultaattype: invoer.resultaattype, norm }, bij);
    },

    /** One step of the procedure, with its letter; answers the zaak and the bezwaar after it. */
    async stap(wie: Wie, gemeente: string, id: string, versie: number, invoer: BezwaarStapInvoer) {
      magBezwaren(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      const { zaak } = await deps.zaken.procedureStap(wie, gemeente, id, versie, 'bezwaarBehandelen', `bezwaar-${invoer.soort}`, async (z) => {
        const { besluit, stand } = await bezwaarIn(z, gemeente);
        const { stap, uitkomst } = await voerUit(z, gemeenteRec, besluit, stand, invoer);
        await bezwaarRepository(z.transactie).voegStapToe(gemeente, id, stap, { op: z.nu, gebruiker: wie.gebruiker, naam: wie.naam });
        return uitkomst;
      });
      return { zaak, bezwaar: await this.detail(wie, gemeente, id, zaak.uiterlijkeEinddatum) };
    },

    /** The bezwaar of a zaak the caller may see (404 when it is none). */
    async detail(wie: Wie, gemeente: string, id: string, uiterlijkeEinddatum?: string) {
      magBezwaren(wie);
      const einde = uiterlijkeEinddatum ?? (await deps.zaken.detail(wie, gemeente, id)).uiterlijkeEinddatum;
      const b = await lezen.opZaak(gemeente, id);
      if (!b) throw geenBezwaar();
      return weergave(b.besluit, b.stappen, einde, vandaag());
    },

    /**
     * The secretary's queue: open bezwaren the caller may see, by deadline, with what needs
     * attention (due this week, a hearing planned, a late bezwaar to judge, an open herstel, a
     * dwangsom about to start or running).
     */
    async werkvoorraad(wie: Wie, gemeente: string, invoer: { cursor?: string | undefined; pageSize: number; termijn?: 'teLaat' | 'vandaag' | 'dezeWeek' | 'later' | undefined }) {
      magBezwaren(wie);
      const { items, volgende } = await deps.zaken.werkvoorraad(wie, gemeente, { zaaktype: BEZWAAR_ZAAKTYPE, open: true, pageSize: invoer.pageSize, cursor: invoer.cursor, termijn: invoer.termijn });
      const bezwaren = await lezen.vanZaken(gemeente, items.map((z) => z.id));
      const dag = vandaag();
      return {
        items: items.flatMap((z) => {
          const b = bezwaren.get(z.id);
          if (!b) return [];
          const w = weergave(b.besluit, b.stappen, z.uiterlijkeEinddatum, dag);
          return [{ zaak: z, besluit: w.besluit, beslistermijnEinde: z.uiterlijkeEinddatum, dagenOver: dagenTussen(dag, z.uiterlijkeEinddatum), herstelOpen: w.stand.herstelOpen, ...w.signalen, dwangsom: w.dwangsom }];
        }),
        volgende,
      };
    },

    /** The hearings planned in a period (the committee's calendar), of bezwaren the caller may see. */
    async hoorzittingen(wie: Wie, gemeente: string, periode: { van?: string | undefined; tot?: string | undefined }) {
      magBezwaren(wie);
      const van = periode.van ?? vandaag();
      const tot = periode.tot ?? plusDagen(van, 56);
      if (tot < van) throw fout('tot', 'voor-van', 'De einddatum ligt vóór de begindatum.');
      const rijen = await lezen.hoorzittingen(gemeente, van, tot);
      const items = [];
      for (const h of rijen) {
        const zaak = await deps.zaken.detail(wie, gemeente, h.zaakId, { loggen: false }).catch(() => null);
        if (zaak) items.push({ ...h, identificatie: zaak.identificatie, onderwerp: zaak.onderwerp, behandelaar: zaak.behandelaar });
      }
      return { items: items.toSorted((a, b) => `${a.datum} ${a.tijd}`.localeCompare(`${b.datum} ${b.tijd}`)) };
    },
  };
}

export type BezwaarProcedure = ReturnType<typeof bezwaarProcedure>;
