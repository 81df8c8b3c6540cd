/**
 * Demo zaken: a few hundred zaken per demo load with histories that look real, made through
 * the zaken service itself on a simulated clock. Every receipt, status, suspension, extension,
 * note and closure is a real event with the deadline the service derives from it; nothing is
 * written around the service.
 *
 * Deterministic: a seeded PRNG per gemeente chooses subjects, channels, dates and what happens,
 * relative to the day of loading (`klok`). Loaded once: a gemeente that has its number of zaken
 * gets none; a load that was interrupted continues where it stopped.
 *
 * Mail: the service "mails" receipts, statuses, extensions and closures as it always does, but
 * the demo gives it an outbox that only stores them as 'niet-verzonden' (see `alleenBewaren`), so
 * loading the demo never queues mail, also not with SMTP_URL set. Most residents have no e-mail
 * address; those who have one get an address at example.org (reserved, RFC 2606).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kanaal, KlantcontactKanaal, Rol } from '../../db/schema.ts';
import { vasteKlok, type Klok } from '../../klok.ts';
import { postcodeVan, toevoegingVan, type Adres } from '../../http/contactvelden.ts';
import { ProblemError } from '../../http/problem.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Context } from '../audit/audit.service.ts';
import type { BerichtenRepository } from '../berichten/berichten.repository.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { berekenTermijn, dagenTussen, leesDuur, plusDagen, vrijeDag } from '../termijnen/kalender.ts';
import type { KlantcontactenService } from '../klantcontacten/klantcontacten.service.ts';
import type { ZaaktypeRecord, ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import type { Systeem, Wie, ZakenService } from '../zaken/zaken.service.ts';
import { DEMO_GEBRUIKERS, DEMO_TEAMS } from './demo.data.ts';
import { DEMO_ZAAKTEAMS } from './demo.zaaktypen.ts';

/** How many demo zaken each gemeente gets. */
export const DEMO_ZAKEN_PER_GEMEENTE: Readonly<Record<string, number>> = { GM0384: 100, GM0437: 70, GM0451: 70 };

/** How far back the demo zaken were received (days before the day of loading). */
const DAGEN_TERUG = 91;
/** Chance that a zaak still open past its deadline stays open (else it was closed, late, a few days ago). */
const TE_LAAT_OPEN_KANS = 0.2;
const DAG_MS = 24 * 60 * 60 * 1000;

/** An outbox that keeps messages as 'niet-verzonden' and never queues them for sending. */
export function alleenBewaren(repository: BerichtenRepository, klok: Klok): Berichten {
  return {
    verstuur: (bericht, opties = {}) =>
      repository.transactie(
        (repo) =>
          repo.voegToe({
            gemeente: bericht.gemeente,
            id: randomUUID(),
            aan: bericht.aan,
            onderwerp: bericht.onderwerp,
            tekst: bericht.tekst,
            html: null,
            status: 'niet-verzonden',
            aangemaaktOp: klok.nu().toISOString(),
          }),
        opties.transactie,
      ),
  };
}

/** mulberry32: small, fast and good enough to make demo data that is the same on every load. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Toeval = () => number;
export const kies = <T>(r: Toeval, lijst: readonly T[]): T => lijst[Math.floor(r() * lijst.length)] as T;
export const tussen = (r: Toeval, van: number, tot: number): number => van + r() * (tot - van);
export function gewogen<T>(r: Toeval, opties: readonly (readonly [T, number])[]): T {
  const totaal = opties.reduce((som, [, gewicht]) => som + gewicht, 0);
  let x = r() * totaal;
  for (const [waarde, gewicht] of opties) {
    x -= gewicht;
    if (x < 0) return waarde;
  }
  return (opties.at(-1) as readonly [T, number])[0];
}

/** Street names per gemeente, for subjects like "Losliggende stoeptegel Ouddiemerlaan". */
const STRATEN: Readonly<Record<string, readonly string[]>> = {
  GM0384: ['Ouddiemerlaan', 'Hartveldseweg', 'Arent Krijtsstraat', 'Muiderstraatweg', 'Wilhelminalaan', 'Burgemeester Bickerstraat', 'Prins Bernhardlaan', 'Kastanjelaan', 'Diemerkade', 'Spoorlaan'],
  GM0437: ['Amstelzijde', 'Rembrandtweg', 'Kerkstraat', 'Hoger Einde-Noord', 'Oranjebaan', 'Rijksstraatweg', 'Dorpsstraat', 'Van Heemstrastraat', 'Achterdijk', 'Holendrechterweg'],
  GM0451: ['Laan van Meerwijk', 'Zijdelweg', 'Prinses Christinalaan', 'Amstelplein', 'Wilhelminakade', 'Thamerlaan', 'Admiraal de Ruyterlaan', 'Arthur van Schendellaan', 'Koningin Julianalaan', 'Potgieterplein'],
};

export const VOORNAMEN = ['Anouk', 'Bram', 'Chantal', 'Daan', 'Esra', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Joost', 'Kim', 'Lotte', 'Mehmet', 'Noor', 'Olga', 'Pieter', 'Rachida', 'Sanne', 'Thijs', 'Umut', 'Vera', 'Wim', 'Yara', 'Zeynep', 'Lucas', 'Emma', 'Mila', 'Sem', 'Ayoub', 'Fatima', 'Jeroen', 'Marieke'];
export const ACHTERNAMEN = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Yilmaz', 'El Amrani', 'Kaya', 'Biharie', 'van Dam', 'Koster', 'Prins', 'Verhoeven'];

interface Profiel {
  /** Share of this zaaktype among the demo zaken. */
  gewicht: number;
  kanalen: readonly (readonly [Kanaal, number])[];
  onderwerpen: readonly string[];
  omschrijvingen: readonly string[];
  notities: readonly string[];
  externeNotities: readonly string[];
  opschortredenen: readonly string[];
  verlenging?: { duren: readonly string[]; redenen: readonly string[] };
  /** Chance that a zaak of this type is still open however old it is (some of those are late). */
  openKans: number;
  /** Chance that it is closed, but after the deadline. */
  laatKans: number;
  /** Weights of the result types, in the zaaktype's order. */
  resultaten: readonly number[];
  /** Chance that the resident left no contact data at all. */
  anoniemKans: number;
}

const PROFIELEN: Readonly<Record<string, Profiel>> = {
  'e-mailvraag': {
    gewicht: 24,
    kanalen: [['e-mail', 1]],
    onderwerpen: [
      'Vraag over de afvalkalender',
      'Vraag over openingstijden van het gemeentehuis',
      'Wanneer wordt de gft-container geleegd?',
      'Vraag over het aanvragen van een paspoort',
      'Vraag over hondenbelasting',
      'Vraag over de WOZ-waarde van mijn woning',
      'Vraag over een afspraak aan de balie',
      'Vraag over verhuizing doorgeven',
      'Vraag over subsidie voor de sportvereniging',
      'Vraag over kwijtschelding van gemeentelijke belastingen',
      'Vraag over de ophaaldag van grofvuil {straat}',
    ],
    omschrijvingen: ['Vraag binnengekomen via het contactadres.', 'De inwoner vraagt om een reactie per e-mail.', ''],
    notities: ['Antwoord afgestemd met Belastingen.', 'Doorgezet naar de vakafdeling voor een inhoudelijk antwoord.', 'Standaardantwoord uit de kennisbank gebruikt.'],
    externeNotities: ['Wij hebben uw vraag doorgestuurd naar de afdeling die hierover gaat.'],
    opschortredenen: [],
    openKans: 0.06,
    laatKans: 0.12,
    resultaten: [8, 2],
    anoniemKans: 0,
  },
  'melding-openbare-ruimte': {
    gewicht: 30,
    kanalen: [
      ['app', 35],
      ['web', 35],
      ['telefoon', 18],
      ['sociale-media', 6],
      ['balie', 6],
    ],
    onderwerpen: [
      'Losliggende stoeptegel {straat}',
      'Kapotte lantaarnpaal {straat}',
      'Volle ondergrondse container {straat}',
      'Zwerfafval bij de speeltuin {straat}',
      'Overhangende takken {straat}',
      'Gat in het wegdek {straat}',
      'Weesfietsen bij het fietsenrek {straat}',
      'Grofvuil naast de container {straat}',
      'Verstopte straatkolk {straat}',
      'Graffiti op het bushokje {straat}',
      'Scheefstaand verkeersbord {straat}',
      'Kapotte bank in het plantsoen {straat}',
    ],
    omschrijvingen: ['Melder heeft een foto meegestuurd.', 'Gevaarlijk voor fietsers en voetgangers.', 'Het probleem speelt al een paar dagen.', ''],
    notities: ['Opdracht gegeven aan de aannemer.', 'Ter plaatse gekeken: herstel nodig.', 'Melder gebeld: situatie is duidelijk.', 'Valt onder beheer van de woningcorporatie; afgestemd.'],
    externeNotities: ['Wij hebben een aannemer gevraagd dit te herstellen.', 'De reiniging komt deze week langs.'],
    opschortredenen: ['Wachten op een foto van de situatie', 'Wachten op reactie van de melder over de precieze plek'],
    verlenging: { duren: ['5wd', '10wd'], redenen: ['Materiaal moet besteld worden', 'De aannemer kan pas later komen'] },
    openKans: 0.14,
    laatKans: 0.12,
    resultaten: [8, 1, 2],
    anoniemKans: 0.15,
  },
  klacht: {
    gewicht: 8,
    kanalen: [
      ['web', 40],
      ['e-mail', 30],
      ['post', 15],
      ['telefoon', 15],
    ],
    onderwerpen: [
      'Klacht over bejegening aan de balie',
      'Klacht: niet teruggebeld',
      'Klacht over afhandeling van een melding {straat}',
      'Klacht over late reactie op mijn e-mail',
      'Klacht over geluidsoverlast van werkzaamheden {straat}',
      'Klacht over het ophalen van grofvuil',
    ],
    omschrijvingen: ['De inwoner is teleurgesteld over hoe de gemeente reageerde.', 'Klager wil graag een gesprek.', ''],
    notities: ['Klager gebeld voor een toelichting.', 'Reactie van de betrokken afdeling gevraagd.', 'Hoorgesprek ingepland.'],
    externeNotities: ['Wij nemen binnenkort telefonisch contact met u op.'],
    opschortredenen: [],
    verlenging: { duren: ['P4W'], redenen: ['Hoorgesprek pas later mogelijk (Awb 9:11 lid 2)', 'Reactie van de betrokken medewerker duurt langer'] },
    openKans: 0.25,
    laatKans: 0.1,
    resultaten: [2, 2, 3, 3, 1],
    anoniemKans: 0,
  },
  bezwaar: {
    gewicht: 6,
    kanalen: [
      ['post', 50],
      ['web', 40],
      ['e-mail', 10],
    ],
    onderwerpen: ['Bezwaar tegen parkeerboete', 'Bezwaar tegen weigering parkeervergunning', 'Bezwaar tegen last onder dwangsom {straat}', 'Bezwaar tegen aanslag afvalstoffenheffing', 'Bezwaar tegen weigering kwijtschelding'],
    omschrijvingen: ['Bezwaarschrift met bijlagen ontvangen.', 'Pro-formabezwaar; gronden volgen.', ''],
    notities: ['Dossier opgevraagd bij de afdeling die besloot.', 'Hoorzitting voorbereid.', 'Gronden van bezwaar ontvangen.'],
    externeNotities: ['Wij hebben het dossier opgevraagd en nemen contact met u op voor de hoorzitting.'],
    opschortredenen: ['Verzuim herstellen: gronden van bezwaar ontbreken (Awb 6:6)', 'Wachten op machtiging van de gemachtigde'],
    verlenging: { duren: ['P6W'], redenen: ['Hoorzitting pas later mogelijk (Awb 7:10 lid 3)'] },
    openKans: 0.3,
    laatKans: 0.1,
    resultaten: [2, 5, 1, 1],
    anoniemKans: 0,
  },
  'bezwaar-adviescommissie': {
    gewicht: 3,
    kanalen: [
      ['post', 60],
      ['web', 40],
    ],
    onderwerpen: ['Bezwaar tegen omgevingsvergunning dakopbouw {straat}', 'Bezwaar tegen verkeersbesluit {straat}', 'Bezwaar tegen kapvergunning {straat}', 'Bezwaar tegen weigering Wmo-voorziening'],
    omschrijvingen: ['Bezwaarschrift van omwonenden.', 'Bezwaar ingediend door een gemachtigde.', ''],
    notities: ['Verweerschrift gevraagd aan de vakafdeling.', 'Stukken naar de bezwaarcommissie gestuurd.'],
    externeNotities: ['De bezwaarcommissie plant de hoorzitting. U krijgt een uitnodiging.'],
    opschortredenen: ['Verzuim herstellen: ondertekening ontbreekt (Awb 6:6)'],
    verlenging: { duren: ['P6W'], redenen: ['De commissie vergadert pas later (Awb 7:10 lid 3)'] },
    openKans: 0.45,
    laatKans: 0.1,
    resultaten: [1, 3, 1],
    anoniemKans: 0,
  },
  'aanvraag-beschikking': {
    gewicht: 8,
    kanalen: [
      ['web', 70],
      ['balie', 15],
      ['post', 15],
    ],
    onderwerpen: [
      'Aanvraag evenementenvergunning buurtfeest {straat}',
      'Aanvraag kapvergunning {straat}',
      'Aanvraag uitritvergunning {straat}',
      'Aanvraag terrasvergunning {straat}',
      'Aanvraag gehandicaptenparkeerkaart',
      'Aanvraag ontheffing stookverbod',
    ],
    omschrijvingen: ['Aanvraag met situatietekening.', 'Aanvraag via het e-formulier.', ''],
    notities: ['Advies gevraagd aan de brandweer.', 'Situatie ter plaatse bekeken.', 'Leges geïnd.'],
    externeNotities: ['Wij hebben advies gevraagd. Daarna krijgt u ons besluit.'],
    opschortredenen: ['Aanvulling gevraagd: situatietekening ontbreekt (Awb 4:5)', 'Aanvulling gevraagd: bewijs van eigendom ontbreekt (Awb 4:5)'],
    verlenging: { duren: ['P4W', 'P8W'], redenen: ['Advies van de veiligheidsregio nodig (Awb 4:14)', 'Extra onderzoek ter plaatse nodig (Awb 4:14)'] },
    openKans: 0.3,
    laatKans: 0.08,
    resultaten: [7, 2, 1, 1],
    anoniemKans: 0,
  },
  parkeervergunning: {
    gewicht: 11,
    kanalen: [
      ['web', 85],
      ['balie', 15],
    ],
    onderwerpen: ['Parkeervergunning bewoners {straat}', 'Bezoekersvergunning {straat}', 'Parkeervergunning bedrijven {straat}', 'Wijziging kenteken parkeervergunning'],
    omschrijvingen: ['Eerste vergunning op dit adres.', 'Tweede auto op dit adres.', ''],
    notities: ['Kentekenregistratie gecontroleerd.', 'Adres gecontroleerd in de BRP.'],
    externeNotities: ['Wij controleren uw gegevens. U hoort binnenkort van ons.'],
    opschortredenen: ['Aanvulling gevraagd: kentekenbewijs ontbreekt (Awb 4:5)'],
    verlenging: { duren: ['P2W', 'P4W'], redenen: ['Wachtlijst voor het vergunninggebied (Awb 4:14)'] },
    openKans: 0.12,
    laatKans: 0.06,
    resultaten: [9, 1],
    anoniemKans: 0,
  },
  'wmo-melding': {
    gewicht: 10,
    kanalen: [
      ['telefoon', 50],
      ['web', 30],
      ['balie', 20],
    ],
    onderwerpen: ['Melding hulp bij het huishouden', 'Melding traplift', 'Melding vervoer (regiotaxi)', 'Melding begeleiding thuis', 'Melding rolstoel', 'Melding aanpassing badkamer', 'Melding ondersteuning mantelzorger'],
    omschrijvingen: ['Melding gedaan door een mantelzorger.', 'Inwoner wil graag een gesprek thuis.', ''],
    notities: ['Keukentafelgesprek gepland.', 'Huisarts geraadpleegd met toestemming van de inwoner.', 'Verslag verstuurd ter ondertekening.'],
    externeNotities: ['Een consulent belt u om een afspraak te maken.'],
    opschortredenen: ['Wachten op het ondertekende verslag', 'Wachten op medische gegevens (met toestemming)'],
    openKans: 0.25,
    laatKans: 0.12,
    resultaten: [6, 3, 1],
    anoniemKans: 0,
  },
};

interface Medewerker {
  email: string;
  id: string;
  naam: string;
  rollen: readonly Rol[];
  teams: readonly string[];
}

/** One planned action on a zaak, at a moment. */
type Stap =
  | { op: number; soort: 'toewijzing'; behandelaar: Medewerker }
  | { op: number; soort: 'status'; volgnummer: number }
  | { op: number; soort: 'notitie'; tekst: string; extern: boolean }
  | { op: number; soort: 'opschorting'; reden: string }
  | { op: number; soort: 'opschorting-einde' }
  | { op: number; soort: 'verlenging'; duur: string; reden: string }
  | { op: number; soort: 'afsluiting'; resultaattype: string };

interface Plan {
  zaaktype: ZaaktypeRecord;
  teamNaam: string;
  onderwerp: string;
  omschrijving: string;
  kanaal: Kanaal;
  ontvangstdatum: string;
  registratie: number;
  betrokkene: { naam: string; email?: string; telefoon?: string; adres?: Adres; taal: 'nl' | 'en' } | undefined;
  stappen: Stap[];
}

/** Every this many zaken with a named resident, one has their address (ADR 0083), so the KCC's search by address finds something. */
export const DEMO_ADRES_ELKE = 4;

/** The addresses of the demo gazetteer (adressen/<gemeente>.csv: fictional postcodes and numbers) as a resident's address. */
function demoAdressen(gemeente: string): Adres[] {
  const regels = readFileSync(new URL(`./adressen/${gemeente}.csv`, import.meta.url), 'utf8').trim().split('\n').slice(1);
  return regels.flatMap((regel) => {
    const [postcode = '', huisnummer = '', toevoeging = ''] = regel.split(',');
    const p = postcodeVan(postcode);
    return p ? [{ postcode: p, huisnummer: Number(huisnummer), huisnummerToevoeging: toevoeging ? (toevoegingVan(toevoeging) ?? null) : null }] : [];
  });
}

const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());

/** A moment on a working day `dagen` after `van`, between 08:00 and 16:00 UTC. */
function werkmoment(r: Toeval, van: number, dagen: number): number {
  const dag = new Date(van + Math.max(0, dagen) * DAG_MS);
  dag.setUTCHours(8, 0, 0, 0);
  let t = dag.getTime();
  while (isWeekend(t)) t += DAG_MS;
  return t + Math.floor(tussen(r, 0, 8 * 60)) * 60_000;
}

function betrokkene(r: Toeval, profiel: Profiel): Plan['betrokkene'] {
  if (r() < profiel.anoniemKans) return undefined;
  const voornaam = kies(r, VOORNAMEN);
  const achternaam = kies(r, ACHTERNAMEN);
  const naam = `${voornaam} ${achternaam}`;
  const taal = r() < 0.05 ? 'en' : 'nl';
  const contact = r();
  // Most residents leave a phone number or nothing; about a third an e-mail address.
  if (contact < 0.35) return { naam, taal, email: `${voornaam}.${achternaam}`.toLowerCase().replaceAll(' ', '') + '@example.org' };
  if (contact < 0.75) return { naam, taal, telefoon: `0600${String(Math.floor(r() * 1_000_000)).padStart(6, '0')}` };
  return { naam, taal };
}

/**
 * What happens to one zaak, from receipt to (maybe) closure, in calendar days after its
 * registration. Steps that would fall after `nu` are left out: a young zaak is simply not done.
 */
function maakPlan(r: Toeval, nu: number, gemeente: string, zaaktype: ZaaktypeRecord, teamNaam: string, behandelaars: readonly Medewerker[]): Plan {
  const profiel = PROFIELEN[zaaktype.code] as Profiel;
  const straat = kies(r, STRATEN[gemeente] ?? ['Dorpsstraat']);
  const kanaal = gewogen(r, profiel.kanalen);
  // A day in the last three months (not today); counters, phones and post work on weekdays.
  let dag = Math.floor(nu / DAG_MS) * DAG_MS - Math.ceil(tussen(r, 0, DAGEN_TERUG)) * DAG_MS;
  const digitaal = ['web', 'app', 'e-mail', 'sociale-media'].includes(kanaal);
  if (!digitaal) while (isWeekend(dag)) dag -= DAG_MS;
  // Digital channels arrive any time of day; the rest is registered in office hours.
  const registratie = dag + Math.floor(digitaal ? tussen(r, 6 * 60, 21 * 60) : tussen(r, 8 * 60, 16 * 60)) * 60_000;
  // A letter arrived the working day before it was registered.
  let ontvangen = new Date(dag).toISOString().slice(0, 10);
  if (kanaal === 'post') do ontvangen = plusDagen(ontvangen, -1); while (vrijeDag(ontvangen));
  const ontvangstdatum = ontvangen;
  const einde = berekenTermijn(ontvangstdatum, leesDuur(zaaktype.norm)).einddatum;
  const termijn = Math.max(1, dagenTussen(ontvangstdatum, einde));

  const stappen: Stap[] = [];
  const op = (dagen: number) => werkmoment(r, registratie, dagen);
  const lot = r();
  const open = lot < profiel.openKans;
  const laat = !open && lot < profiel.openKans + profiel.laatKans;
  let wachtOpInwoner = false;
  let sluitDag = open ? Number.POSITIVE_INFINITY : laat ? termijn + tussen(r, 2, 25) : tussen(r, 0.25, 0.9) * termijn;

  if (behandelaars.length > 0 && r() < 0.85) stappen.push({ op: op(tussen(r, 0, Math.min(3, termijn * 0.3))), soort: 'toewijzing', behandelaar: kies(r, behandelaars) });
  if (zaaktype.opschortingToegestaan && profiel.opschortredenen.length > 0 && r() < 0.22) {
    const van = tussen(r, 0.1, 0.5) * termijn;
    stappen.push({ op: op(van), soort: 'opschorting', reden: kies(r, profiel.opschortredenen) });
    if (r() < 0.75) {
      const duur = tussen(r, 3, 20);
      stappen.push({ op: op(van + duur), soort: 'opschorting-einde' });
      sluitDag += duur;
    } else {
      sluitDag = Number.POSITIVE_INFINITY;
      wachtOpInwoner = true;
    }
  }
  if (zaaktype.maxVerlenging && profiel.verlenging && r() < 0.18) {
    const duur = kies(r, profiel.verlenging.duren);
    stappen.push({ op: op(tussen(r, 0.5, 0.9) * termijn), soort: 'verlenging', duur, reden: kies(r, profiel.verlenging.redenen) });
    sluitDag += dagenTussen(einde, berekenTermijn(einde, leesDuur(duur)).einddatum);
  }
  // A healthy gemeente: most zaken whose deadline has passed are closed by now, a few are not
  // (a suspended zaak waits for the resident, its clock stopped).
  const totNu = (nu - registratie) / DAG_MS;
  if (!wachtOpInwoner && einde < new Date(nu).toISOString().slice(0, 10) && sluitDag > totNu - 1 && r() >= TE_LAAT_OPEN_KANS) sluitDag = Math.max(termijn, totNu - tussen(r, 1, 3));
  // The statuses between the first and the end status, spread over the time the zaak runs.
  const tussenstatussen = zaaktype.statustypen.slice(1, -1);
  const looptijd = Number.isFinite(sluitDag) ? sluitDag : tussen(r, 0.3, 1.4) * termijn;
  // Not every step is recorded: a closed zaak went through one or two of them, an open one maybe one.
  const aantal = Math.min(tussenstatussen.length, Number.isFinite(sluitDag) ? 1 + Math.floor(r() * 2) : Math.floor(r() * 2));
  for (const [i, s] of tussenstatussen.slice(0, aantal).entries()) stappen.push({ op: op(((i + 1) / (aantal + 1)) * looptijd), soort: 'status', volgnummer: s.volgnummer });
  if (r() < 0.4) stappen.push({ op: op(tussen(r, 0.1, 0.9) * looptijd), soort: 'notitie', tekst: kies(r, profiel.notities), extern: false });
  if (r() < 0.15) stappen.push({ op: op(tussen(r, 0.2, 0.8) * looptijd), soort: 'notitie', tekst: kies(r, profiel.externeNotities), extern: true });
  stappen.sort((a, b) => a.op - b.op);
  // Statuses only go forward: give them their numbers in time order.
  const volgnummers = stappen.flatMap((s) => (s.soort === 'status' ? [s.volgnummer] : [])).toSorted((a, b) => a - b);
  for (const s of stappen) if (s.soort === 'status') s.volgnummer = volgnummers.shift() ?? s.volgnummer;
  if (Number.isFinite(sluitDag)) {
    const resultaattype = gewogen(
      r,
      zaaktype.resultaattypen.map((rt, i) => [rt.id, profiel.resultaten[i] ?? 1] as const),
    );
    // Closing comes last: after it a zaak takes only notes and relations.
    stappen.push({ op: Math.max(op(sluitDag), (stappen.at(-1)?.op ?? registratie) + 2 * 60 * 60_000), soort: 'afsluiting', resultaattype });
  }

  // In time order, each at least a few minutes after the one before; what lies in the future has not happened.
  let vorige = registratie;
  const gebeurd: Stap[] = [];
  for (const stap of stappen) {
    const moment = Math.max(stap.op, vorige + 5 * 60_000);
    if (moment > nu - 60_000) break;
    gebeurd.push({ ...stap, op: moment });
    vorige = moment;
  }
  return {
    zaaktype,
    teamNaam,
    onderwerp: kies(r, profiel.onderwerpen).replace('{straat}', straat),
    omschrijving: kies(r, profiel.omschrijvingen),
    kanaal,
    ontvangstdatum,
    registratie,
    betrokkene: betrokkene(r, profiel),
    stappen: gebeurd,
  };
}

export interface DemoZakenDeps {
  /** The zaken service on a given clock and outbox (the demo's simulated clock, `alleenBewaren`). */
  zaken: (klok: Klok) => ZakenService;
  zaaktypen: ZaaktypenRepository;
  klok: Klok;
  /** With it, a zaak the KCC registers for a resident with an e-mail address was a klantcontact first (the journeys per product, ADR 0081). */
  klantcontacten?: Pick<KlantcontactenService, 'registreer'> | undefined;
}

/** The channel of the klantcontact before a zaak the KCC registered (web and app are forms, never the KCC). */
const CONTACTKANAAL: Readonly<Record<Kanaal, KlantcontactKanaal>> = {
  balie: 'balie',
  telefoon: 'telefoon',
  'e-mail': 'e-mail',
  web: 'e-mail',
  app: 'chat',
  post: 'brief',
  'sociale-media': 'sociale-media',
};

/** Demo staff of a gemeente with the roles they have there and the demo teams they are in. */
function medewerkers(gemeente: string, ids: ReadonlyMap<string, string>): Medewerker[] {
  const teams = [...DEMO_TEAMS, ...DEMO_ZAAKTEAMS].filter((t) => t.gemeente === gemeente);
  return DEMO_GEBRUIKERS.flatMap((g) => {
    const id = ids.get(g.email);
    const rollen = g.rollen[gemeente];
    if (!id || !rollen) return [];
    return [{ email: g.email, id, naam: g.naam, rollen, teams: teams.filter((t) => t.leden.includes(g.email)).map((t) => t.naam) }];
  });
}

const BEPERKT = ['vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'];

/** How many zaken (open and closed) a gemeente has, counting up to `tot`. */
async function aantalZaken(zaken: ZakenService, wie: Wie, gemeente: string, tot: number): Promise<number> {
  let aantal = 0;
  for (const open of [true, false]) {
    let cursor: string | undefined;
    do {
      const pagina = await zaken.werkvoorraad(wie, gemeente, { open, pageSize: 100, cursor });
      aantal += pagina.items.length;
      cursor = pagina.volgende ?? undefined;
    } while (cursor && aantal < tot);
  }
  return aantal;
}

/**
 * Loads the demo zaken of every gemeente that has fewer than its number; returns how many it
 * made. Resumable: the plans are made in registration order, so a load that was stopped (see
 * `signal`, checked between zaken) continues after the zaken that exist. `ids` maps the demo
 * users' e-mail addresses to their ids; `teams` the team names to ids per gemeente.
 */
export async function laadDemoZaken(
  deps: DemoZakenDeps,
  context: Context,
  ids: ReadonlyMap<string, string>,
  teams: ReadonlyMap<string, ReadonlyMap<string, string>>,
  opties: { signal?: AbortSignal | undefined } = {},
): Promise<number> {
  const nu = deps.klok.nu().getTime();
  const klok = vasteKlok(new Date(nu));
  const zaken = deps.zaken(klok);
  let gemaakt = 0;
  for (const [gemeente, aantal] of Object.entries(DEMO_ZAKEN_PER_GEMEENTE)) {
    const teamIds = teams.get(gemeente);
    const staf = medewerkers(gemeente, ids);
    const beheerder = staf.find((m) => m.rollen.includes('beheerder'));
    if (!teamIds || !beheerder || opties.signal?.aborted) continue;
    const alsWie = (m: Medewerker): Wie => ({ context, gebruiker: m.id, naam: m.naam, rollen: m.rollen });
    klok.zet(new Date(nu));
    const bestaand = await aantalZaken(zaken, alsWie(beheerder), gemeente, aantal);
    if (bestaand >= aantal) continue;

    const zaaktypen: { zaaktype: ZaaktypeRecord; teamNaam: string; gewicht: number }[] = [];
    for (const code of Object.keys(PROFIELEN)) {
      const versie = await deps.zaaktypen.hoogsteVersie(gemeente, code);
      const zaaktype = versie && versie.status === 'gepubliceerd' ? await deps.zaaktypen.opId(gemeente, versie.id) : undefined;
      const teamNaam = [...teamIds].find(([, id]) => id === zaaktype?.standaardTeam)?.[0];
      if (zaaktype && teamNaam) zaaktypen.push({ zaaktype, teamNaam, gewicht: (PROFIELEN[code] as Profiel).gewicht });
    }
    if (zaaktypen.length === 0) continue;

    const kanBehandelen = staf.filter((m) => m.rollen.some((r) => ['behandelaar', 'teamleider'].includes(r)));
    const behandelaars = kanBehandelen.length > 0 ? kanBehandelen : [beheerder];
    const kcc = staf.find((m) => m.rollen.includes('kcc-medewerker'));
    const r = prng(Number(gemeente.slice(2)) * 7919);
    const plannen = Array.from({ length: aantal }, () => {
      const { zaaktype, teamNaam } = gewogen(
        r,
        zaaktypen.map((z) => [z, z.gewicht] as const),
      );
      return maakPlan(r, nu, gemeente, zaaktype, teamNaam, behandelaars);
    }).toSorted((a, b) => a.registratie - b.registratie);
    // Addresses by position, not by the random stream: the plans (and the counts the tests know) stay the same.
    const adressen = demoAdressen(gemeente);
    plannen.filter((p) => p.betrokkene).forEach((p, i) => {
      const adres = adressen[Math.floor(i / DEMO_ADRES_ELKE) % Math.max(1, adressen.length)];
      if (p.betrokkene && adres && i % DEMO_ADRES_ELKE === 0) p.betrokkene.adres = adres;
    });

    // A website form registers as an API token would; restricted zaken are seen only by their team, behandelaar and beheerders.
    const website: Systeem = { soort: 'systeem', context, naam: 'Website (e-formulieren)' };
    for (const plan of plannen.slice(bestaand)) {
      await new Promise((klaar) => setImmediate(klaar));
      if (opties.signal?.aborted) break;
      const beperkt = BEPERKT.includes(plan.zaaktype.vertrouwelijkheid);
      const ziet = (m: Medewerker, behandelaar: Medewerker | undefined) => !beperkt || heeftRecht(m.rollen, 'vertrouwelijkeZakenZien') || m.teams.includes(plan.teamNaam) || behandelaar?.id === m.id;
      const registrant = ['web', 'app'].includes(plan.kanaal) ? website : kcc && ziet(kcc, undefined) ? alsWie(kcc) : alsWie(beheerder);
      klok.zet(new Date(plan.registratie));
      const { zaak } = await zaken.registreer(registrant, gemeente, {
        zaaktype: plan.zaaktype.id,
        onderwerp: plan.onderwerp,
        omschrijving: plan.omschrijving,
        kanaal: plan.kanaal,
        ontvangstdatum: plan.ontvangstdatum,
        betrokkene: plan.betrokkene,
      });
      gemaakt++;
      const email = plan.betrokkene?.email;
      if (deps.klantcontacten && kcc && registrant !== website && ziet(kcc, undefined) && plan.betrokkene && email) {
        // The call, visit or mail that led to the zaak, ten minutes before it, linked to it.
        await deps.klantcontacten.registreer(alsWie(kcc), gemeente, {
          kanaal: CONTACTKANAAL[plan.kanaal],
          onderwerp: plan.onderwerp,
          vraag: plan.omschrijving,
          antwoord: '',
          uitkomst: 'zaak-aangemaakt',
          op: new Date(plan.registratie - 10 * 60_000).toISOString(),
          persoon: { naam: plan.betrokkene.naam, email },
          zaken: [zaak.id],
        });
      }
      let versie = zaak.versie;
      let behandelaar: Medewerker | undefined;
      // Who does the work: the behandelaar, else someone of the team's gemeente who may see the zaak.
      const doener = () => behandelaar ?? behandelaars.find((m) => ziet(m, undefined)) ?? beheerder;
      for (const stap of plan.stappen) {
        // PGlite answers within the same turn of the event loop: let requests (and Ctrl+C) in between.
        await new Promise((klaar) => setImmediate(klaar));
        klok.zet(new Date(stap.op));
        const wie = alsWie(doener());
        const id = zaak.id;
        // The deadline watcher of the running server may add to the zaak between two steps: then
        // the step goes again on the newest version.
        const metNieuwsteVersie = async (stap: (versie: number) => Promise<{ versie: number }>): Promise<number> => {
          try {
            return (await stap(versie)).versie;
          } catch (error) {
            if (!(error instanceof ProblemError) || error.status !== 412) throw error;
            return (await stap((await zaken.detail(wie, gemeente, id, { loggen: false, zojuist: true })).versie)).versie;
          }
        };
        switch (stap.soort) {
          case 'toewijzing': {
            // A behandelaar who may see the zaak picks it up; otherwise a teamleider or beheerder assigns it.
            const zelf = ziet(stap.behandelaar, undefined);
            const leiding = staf.find((m) => heeftRecht(m.rollen, 'zakenLeiden') && ziet(m, undefined)) ?? beheerder;
            const door = zelf ? stap.behandelaar : leiding;
            versie = await metNieuwsteVersie((v) => zaken.wijsToe(alsWie(door), gemeente, id, v, { behandelaar: door.id === stap.behandelaar.id ? 'ik' : stap.behandelaar.id }));
            behandelaar = stap.behandelaar;
            break;
          }
          case 'status':
            versie = await metNieuwsteVersie((v) => zaken.zetStatus(wie, gemeente, id, v, { statustype: stap.volgnummer }));
            break;
          case 'notitie':
            versie = await metNieuwsteVersie((v) => zaken.voegNotitieToe(wie, gemeente, id, v, { tekst: stap.tekst, extern: stap.extern }));
            break;
          case 'opschorting':
            versie = await metNieuwsteVersie((v) => zaken.schortOp(wie, gemeente, id, v, { reden: stap.reden }));
            break;
          case 'opschorting-einde':
            versie = await metNieuwsteVersie((v) => zaken.beeindigOpschorting(wie, gemeente, id, v, { toelichting: 'Gevraagde gegevens ontvangen.' }));
            break;
          case 'verlenging':
            versie = await metNieuwsteVersie((v) => zaken.verleng(wie, gemeente, id, v, { duur: stap.duur, reden: stap.reden }));
            break;
          case 'afsluiting':
            versie = await metNieuwsteVersie((v) => zaken.sluitAf(wie, gemeente, id, v, { resultaattype: stap.resultaattype }));
            break;
        }
      }
    }
  }
  return gemaakt;
}
