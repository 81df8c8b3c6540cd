/**
 * The terms of the Awb for bezwaar (hoofdstuk 6 and 7) and klachten (titel 9.1), computed on the
 * calendar of the termijnen module (Algemene termijnenwet). Pure: no clock, no database; every
 * result carries its explanation per term (article, the day it counts from, the days the end moved
 * past and why) so a zaak can show it. Readings of the law: ADR 0036.
 */
import { leidEinddatumAf, type Opschorting } from '../termijnen/einddatum.ts';
import { berekenTermijn, leesDatum, plusDagen, schrijfDuur, type Duur, type VrijeDag } from '../termijnen/kalender.ts';

/** One computed term with why it ends where it ends (for the zaak detail and `--json`). */
export interface TermijnStap {
  termijn: 'bezwaartermijn' | 'posttermijn' | 'beslistermijn' | 'afhandeltermijn' | 'niet-behandelen' | 'dwangsom-wachttermijn' | 'dwangsom' | 'dwangsom-vaststellen';
  /** The article(s) of the Awb (or Atw) the term comes from. */
  artikel: string;
  /** The day of the event; the term begins the day after. */
  na: string;
  /** The length as in the law: P6W, P12W, P1W, … (with verdaging and uitstel included for a beslistermijn). */
  duur: string;
  einddatum: string;
  /** Where the term would end without the Algemene termijnenwet (null when it does not apply). */
  kalendereinde: string | null;
  /** The days the end moved past (Atw art. 1 and 2), with the reason. */
  verschoven: VrijeDag[];
  /** The rule and this case's facts in Dutch. */
  tekst: string;
}

/** A verdaging or uitstel that the law does not allow (too long, negative, not whole weeks). */
export class OngeldigeVerdaging extends Error {}

/** A suspension for herstel van een verzuim (Awb 6:6): asked on `verzocht`, repaired (or its term unused) on `hersteld`. */
export interface Herstel {
  verzocht: string;
  /** Null while the verzuim is still open: the suspension then counts up to `vandaag`. */
  hersteld: string | null;
}

export interface BezwaarInvoer {
  /** The day the contested besluit was bekendgemaakt (6:8). */
  bekendmaking: string;
  /** The day the bezwaarschrift was received. */
  ontvangen: string;
  /** The postmark when it came by post (6:9 lid 2). */
  verzonden?: string | null;
  /** An adviescommissie (7:13) is used and that was announced: 12 weeks instead of 6 (7:10 lid 1). */
  commissie?: boolean;
  /** Verdaging in weeks, at most 6 (7:10 lid 3). */
  verdagingWeken?: number;
  /** Further delay in weeks with the objector's consent (7:10 lid 4). */
  uitstelWeken?: number;
  herstel?: Herstel[];
  /** Today, for a herstel that is still open; defaults to `ontvangen`. */
  vandaag?: string;
}

export interface BezwaarTermijnen {
  bezwaartermijnEinde: string;
  /** Received in time, or sent by post in time and received within a week after (6:9). A premature one is in time too. */
  tijdig: boolean;
  /** Received before the term began (on or before the day of bekendmaking, 6:10): not an error, flagged. */
  premature: boolean;
  /** Received after the term (6:11): whether that is verschoonbaar is the handler's recorded judgement. */
  laat: boolean;
  /** In time only because of 6:9 lid 2 (posted in time, received within a week after the term). */
  tijdigPerPost: boolean;
  /** The first day the beslistermijn counts. */
  beslistermijnStart: string;
  beslistermijnNorm: 'P6W' | 'P12W';
  /** The end from the norm alone (without verdaging, uitstel or herstel). */
  beslistermijnOorspronkelijk: string;
  beslistermijnEinde: string;
  verdagingWeken: number;
  uitstelWeken: number;
  /** Calendar days the beslistermijn stood still for herstel (7:10 lid 2). */
  opgeschorteDagen: number;
  uitleg: TermijnStap[];
}

export const BEZWAAR = { bezwaartermijnWeken: 6, postWeken: 1, beslisWeken: 6, beslisWekenCommissie: 12, maxVerdagingWeken: 6 } as const;
export const KLACHT = { afhandelWeken: 6, afhandelWekenCommissie: 10, maxVerdagingWeken: 4, nietBehandelenWeken: 4 } as const;

const weken = (aantal: number): Duur => ({ soort: 'weken', aantal });
const opsomming = (dagen: VrijeDag[]) => dagen.map((d) => `${d.datum} ${d.naam}`).join(', ');

function stap(termijn: TermijnStap['termijn'], artikel: string, na: string, duur: Duur, tekst: string): TermijnStap {
  const t = berekenTermijn(na, duur);
  const verschoven = t.verschoven.length > 0 ? ` Het einde schuift van ${t.kalendereinde} naar ${t.einddatum} (${opsomming(t.verschoven)}; Algemene termijnenwet).` : '';
  return { termijn, artikel, na, duur: schrijfDuur(duur), einddatum: t.einddatum, kalendereinde: t.kalendereinde, verschoven: t.verschoven, tekst: `${tekst}${verschoven}` };
}

/** The law sets no maximum to uitstel with consent; beyond two years this computation refuses it as a typing error. */
const MAX_UITSTEL_WEKEN = 104;

function heleWeken(wat: string, aantal: number, max: number, artikel: string): number {
  if (!Number.isInteger(aantal) || aantal < 0) throw new OngeldigeVerdaging(`${wat} is een heel aantal weken (0 of meer).`);
  if (aantal > max) {
    throw new OngeldigeVerdaging(
      max === MAX_UITSTEL_WEKEN
        ? `${wat} is in deze berekening hoogstens ${max} weken (${artikel}).`
        : `${wat} is hoogstens ${max} weken (${artikel}); langer uitstel kan alleen met instemming (apart vastgelegd als uitstel).`,
    );
  }
  return aantal;
}

/**
 * A norm counted from the day after `na`, with verdaging and uitstel added and herstel periods
 * standing the clock still: the zaken engine's derivation (termijnen/einddatum.ts), so a zaak and
 * this computation give the same day. Only the part of a herstel period after `na` counts: a term
 * that has not begun cannot stand still.
 */
function verlengdeTermijn(na: string, norm: Duur, extra: Duur[], herstel: Herstel[], vandaag: string) {
  const opschortingen: Opschorting[] = [];
  for (const h of herstel) {
    // 7:10 lid 2: suspended from the day after the request until the day of herstel.
    const van = plusDagen(h.verzocht, 1) > plusDagen(na, 1) ? plusDagen(h.verzocht, 1) : plusDagen(na, 1);
    const tot = h.hersteld ?? plusDagen(vandaag, 1);
    if (tot > van) opschortingen.push({ van, tot });
  }
  return leidEinddatumAf({ ontvangstdatum: na, norm, verlengingen: extra, opschortingen, vandaag });
}

/** Bezwaartermijn, timeliness and beslistermijn of one bezwaarschrift. */
export function bezwaarTermijnen(invoer: BezwaarInvoer): BezwaarTermijnen {
  const { bekendmaking, ontvangen } = invoer;
  leesDatum(bekendmaking);
  leesDatum(ontvangen);
  const verzonden = invoer.verzonden ?? null;
  if (verzonden) leesDatum(verzonden);
  const verdagingWeken = heleWeken('Een verdaging', invoer.verdagingWeken ?? 0, BEZWAAR.maxVerdagingWeken, 'Awb 7:10 lid 3');
  const uitstelWeken = heleWeken('Uitstel met instemming', invoer.uitstelWeken ?? 0, MAX_UITSTEL_WEKEN, 'Awb 7:10 lid 4');
  const herstel = invoer.herstel ?? [];
  for (const h of herstel) {
    leesDatum(h.verzocht);
    if (h.hersteld) leesDatum(h.hersteld);
    if (h.hersteld && h.hersteld < h.verzocht) throw new OngeldigeVerdaging(`Het herstel (${h.hersteld}) ligt vóór het verzoek om herstel (${h.verzocht}).`);
  }

  const uitleg: TermijnStap[] = [];
  const bezwaar = stap(
    'bezwaartermijn',
    'Awb 6:7 en 6:8',
    bekendmaking,
    weken(BEZWAAR.bezwaartermijnWeken),
    `De bezwaartermijn is zes weken (6:7) en begint de dag na de bekendmaking op ${bekendmaking} (6:8).`,
  );
  uitleg.push(bezwaar);
  const einde = bezwaar.einddatum;

  const premature = ontvangen <= bekendmaking;
  let tijdig = ontvangen <= einde;
  let tijdigPerPost = false;
  if (!tijdig && verzonden) {
    const post = stap(
      'posttermijn',
      'Awb 6:9 lid 2',
      einde,
      weken(BEZWAAR.postWeken),
      `Per post is het bezwaarschrift op tijd als het vóór het einde van de termijn ter post is bezorgd en niet later dan een week daarna is ontvangen. Poststempel ${verzonden}, ontvangen ${ontvangen}.`,
    );
    uitleg.push(post);
    tijdigPerPost = verzonden <= einde && ontvangen <= post.einddatum;
    tijdig = tijdigPerPost;
  }
  const laat = !tijdig;

  // 7:10 lid 1: from the day after the bezwaartermijn ended (its Atw end, ADR 0036). A late
  // bezwaarschrift cannot start a term before it existed: then from the day after receipt.
  const na = laat && ontvangen > einde ? ontvangen : einde;
  const normWeken = invoer.commissie ? BEZWAAR.beslisWekenCommissie : BEZWAAR.beslisWeken;
  const extra = [...(verdagingWeken > 0 ? [weken(verdagingWeken)] : []), ...(uitstelWeken > 0 ? [weken(uitstelWeken)] : [])];
  const beslis = verlengdeTermijn(na, weken(normWeken), extra, herstel, invoer.vandaag ?? ontvangen);
  const basis = berekenTermijn(na, weken(normWeken));
  const delen = [
    `De beslistermijn is ${normWeken} weken${invoer.commissie ? ' omdat een adviescommissie (7:13) wordt ingeschakeld en dat is aangekondigd' : ''} (7:10 lid 1), gerekend vanaf de dag na ${na === einde ? `het einde van de bezwaartermijn (${einde})` : `de ontvangst van het te late bezwaarschrift (${ontvangen})`}; zonder verlenging eindigt hij op ${basis.einddatum}.`,
  ];
  if (verdagingWeken > 0) delen.push(`Verdaagd met ${verdagingWeken} ${verdagingWeken === 1 ? 'week' : 'weken'} (7:10 lid 3, hoogstens zes weken, schriftelijk gemeld volgens lid 5).`);
  if (uitstelWeken > 0) delen.push(`Verder uitgesteld met ${uitstelWeken} ${uitstelWeken === 1 ? 'week' : 'weken'} met instemming van de indiener (7:10 lid 4).`);
  if (beslis.opgeschorteDagen > 0) delen.push(`Opgeschort voor herstel van een verzuim (6:6, 7:10 lid 2): ${beslis.opgeschorteDagen} ${beslis.opgeschorteDagen === 1 ? 'dag' : 'dagen'}.`);
  else if (herstel.length > 0) delen.push('Het herstel van het verzuim viel vóór de beslistermijn begon; die termijn stond dus niet stil.');
  const verlengd = extra.length > 0 || beslis.opgeschorteDagen > 0;
  if (verlengd && beslis.verschoven.length > 0) delen.push(`Het einde schuift voorbij ${opsomming(beslis.verschoven)} (Algemene termijnenwet).`);
  if (!verlengd && basis.verschoven.length > 0) delen.push(`Het einde schuift van ${basis.kalendereinde} naar ${basis.einddatum} (${opsomming(basis.verschoven)}; Algemene termijnenwet).`);
  const totaal = normWeken + verdagingWeken + uitstelWeken;
  uitleg.push({
    termijn: 'beslistermijn',
    artikel: 'Awb 7:10',
    na,
    duur: `P${totaal}W`,
    einddatum: beslis.einddatum,
    kalendereinde: verlengd ? null : basis.kalendereinde,
    verschoven: beslis.verschoven,
    tekst: delen.join(' '),
  });

  return {
    bezwaartermijnEinde: einde,
    tijdig,
    premature,
    laat,
    tijdigPerPost,
    beslistermijnStart: plusDagen(na, 1),
    beslistermijnNorm: invoer.commissie ? 'P12W' : 'P6W',
    beslistermijnOorspronkelijk: beslis.oorspronkelijk,
    beslistermijnEinde: beslis.einddatum,
    verdagingWeken,
    uitstelWeken,
    opgeschorteDagen: beslis.opgeschorteDagen,
    uitleg,
  };
}

export interface KlachtInvoer {
  ontvangen: string;
  /** A klachtadviescommissie (afdeling 9.1.3) handles it: 10 weeks instead of 6 (9:11 lid 1). */
  commissie?: boolean;
  /** Verdaging in weeks, at most 4 (9:11 lid 2). */
  verdagingWeken?: number;
  /** Further delay with the complainant's written consent. */
  uitstelWeken?: number;
}

export interface KlachtTermijnen {
  /** The last day to tell the complainant in writing that the klacht is not handled (9:8 lid 2). */
  nietBehandelenMeldenUiterlijk: string;
  afhandeltermijnOorspronkelijk: string;
  afhandeltermijnEinde: string;
  verdagingWeken: number;
  uitstelWeken: number;
  uitleg: TermijnStap[];
}

/** The terms of one klacht, counted from its receipt (titel 9.1). */
export function klachtTermijnen(invoer: KlachtInvoer): KlachtTermijnen {
  const { ontvangen } = invoer;
  leesDatum(ontvangen);
  const verdagingWeken = heleWeken('Een verdaging', invoer.verdagingWeken ?? 0, KLACHT.maxVerdagingWeken, 'Awb 9:11 lid 2');
  const uitstelWeken = heleWeken('Uitstel met instemming', invoer.uitstelWeken ?? 0, MAX_UITSTEL_WEKEN, 'Awb 9:11');
  const niet = stap(
    'niet-behandelen',
    'Awb 9:8 lid 2',
    ontvangen,
    weken(KLACHT.nietBehandelenWeken),
    `Wordt de klacht niet behandeld (9:8 lid 1), dan krijgt de klager dat zo spoedig mogelijk en uiterlijk vier weken na ontvangst op ${ontvangen} schriftelijk te horen.`,
  );
  const normWeken = invoer.commissie ? KLACHT.afhandelWekenCommissie : KLACHT.afhandelWeken;
  const extra = [...(verdagingWeken > 0 ? [weken(verdagingWeken)] : []), ...(uitstelWeken > 0 ? [weken(uitstelWeken)] : [])];
  const regel = `De klacht wordt binnen ${normWeken} weken na ontvangst op ${ontvangen} afgehandeld${invoer.commissie ? ', omdat een klachtadviescommissie (afdeling 9.1.3) haar behandelt' : ''} (9:11 lid 1).`;
  const basis = stap('afhandeltermijn', 'Awb 9:11', ontvangen, weken(normWeken), regel);
  const afhandel = verlengdeTermijn(ontvangen, weken(normWeken), extra, [], ontvangen);
  const delen = [`${regel} Zonder verlenging eindigt hij op ${basis.einddatum}.`];
  if (verdagingWeken > 0) delen.push(`Verdaagd met ${verdagingWeken} ${verdagingWeken === 1 ? 'week' : 'weken'} (9:11 lid 2, hoogstens vier weken, schriftelijk gemeld aan klager en beklaagde).`);
  if (uitstelWeken > 0) delen.push(`Verder uitgesteld met ${uitstelWeken} ${uitstelWeken === 1 ? 'week' : 'weken'} met schriftelijke instemming van de klager (9:11).`);
  if (afhandel.verschoven.length > 0) delen.push(`Het einde schuift voorbij ${opsomming(afhandel.verschoven)} (Algemene termijnenwet).`);
  return {
    nietBehandelenMeldenUiterlijk: niet.einddatum,
    afhandeltermijnOorspronkelijk: afhandel.oorspronkelijk,
    afhandeltermijnEinde: afhandel.einddatum,
    verdagingWeken,
    uitstelWeken,
    uitleg: [
      niet,
      extra.length === 0
        ? basis
        : { ...basis, duur: `P${normWeken + verdagingWeken + uitstelWeken}W`, einddatum: afhandel.einddatum, kalendereinde: null, verschoven: afhandel.verschoven, tekst: delen.join(' ') },
    ],
  };
}
