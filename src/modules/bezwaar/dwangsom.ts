/**
 * The dwangsom bij niet tijdig beslissen (Awb 4:17 and 4:18): from when, for how many days and
 * how much, given the last day of the beslistermijn, the day the written ingebrekestelling was
 * received and the day of the decision (or today). Pure. The reading of the article: ADR 0037.
 * Whether one is owed at all (4:17 lid 6: notice unreasonably late, no belanghebbende, manifestly
 * inadmissible or unfounded) is the handler's judgement, not computed here.
 */
import { berekenTermijn, dagenTussen, leesDatum, plusDagen } from '../termijnen/kalender.ts';
import type { TermijnStap } from './bezwaar.termijnen.ts';

/** 4:17 lid 1 and 2: at most 42 days; € per day for days 1–14, 15–28 and 29–42. */
export const DWANGSOM = { maxDagen: 42, tarieven: [23, 35, 45] as const, dagenPerTarief: 14, maxBedrag: 1442 } as const;

export interface DwangsomInvoer {
  /** The last day of the term for the decision (for bezwaar: the beslistermijnEinde). */
  termijnEinde: string;
  /** The day the bestuursorgaan received the written ingebrekestelling. */
  ingebrekestelling: string;
  /** The day the decision was given (bekendgemaakt); null or absent while it is not. */
  beslist?: string | null;
  /** Today: without a decision the dwangsom is counted up to and including this day. */
  vandaag: string;
}

export interface Dwangsom {
  /** Received on or before the last day of the term: the two weeks then count from the end of the term. */
  ingebrekestellingVoorbarig: boolean;
  /** The last day the bestuursorgaan can still decide without a dwangsom. */
  wachttermijnEinde: string;
  /** The first day a dwangsom is owed for (4:17 lid 3). */
  eersteDag: string;
  /** The 42nd day: no dwangsom after it (4:17 lid 1, without the Algemene termijnenwet). */
  laatsteDag: string;
  /** Days owed so far (0 to 42). */
  dagen: number;
  /** Euros owed so far. */
  bedrag: number;
  /** Started, no decision yet and fewer than 42 days owed: it is still growing. */
  lopend: boolean;
  maximumBereikt: boolean;
  /** Days until the dwangsom starts (for a warning); null once it has started or when decided in time. */
  dagenTotStart: number | null;
  /** 4:18: the dwangsom is fixed by beschikking within two weeks after the last day owed; null while it runs. */
  vaststellenUiterlijk: string | null;
  uitleg: TermijnStap[];
}

/** Euros for `dagen` days of dwangsom (4:17 lid 2). */
export function dwangsomBedrag(dagen: number): number {
  let bedrag = 0;
  for (let dag = 0; dag < Math.min(dagen, DWANGSOM.maxDagen); dag++) bedrag += DWANGSOM.tarieven[Math.floor(dag / DWANGSOM.dagenPerTarief)] ?? 0;
  return bedrag;
}

export function berekenDwangsom(invoer: DwangsomInvoer): Dwangsom {
  const { termijnEinde, ingebrekestelling, vandaag } = invoer;
  const beslist = invoer.beslist ?? null;
  for (const datum of [termijnEinde, ingebrekestelling, vandaag, ...(beslist ? [beslist] : [])]) leesDatum(datum);

  // 4:17 lid 3: two weeks after the day on which both the term has expired and the notice was received.
  const voorbarig = ingebrekestelling <= termijnEinde;
  const vanaf = voorbarig ? termijnEinde : ingebrekestelling;
  const wacht = berekenTermijn(vanaf, { soort: 'weken', aantal: 2 });
  const eersteDag = plusDagen(wacht.einddatum, 1);
  const laatsteDag = plusDagen(eersteDag, DWANGSOM.maxDagen - 1);
  // Every day in default: up to the day before the decision, or up to and including today.
  const totMet = beslist ? plusDagen(beslist, -1) : vandaag;
  const dagen = Math.max(0, Math.min(DWANGSOM.maxDagen, dagenTussen(eersteDag, totMet) + 1));
  const bedrag = dwangsomBedrag(dagen);
  const maximumBereikt = dagen === DWANGSOM.maxDagen;
  const gestopt = dagen > 0 && (beslist !== null || maximumBereikt);
  const laatsteVerschuldigd = plusDagen(eersteDag, dagen - 1);
  const vaststellen = gestopt ? berekenTermijn(laatsteVerschuldigd, { soort: 'weken', aantal: 2 }) : null;

  const uitleg: TermijnStap[] = [
    {
      termijn: 'dwangsom-wachttermijn',
      artikel: 'Awb 4:17 lid 3',
      na: vanaf,
      duur: 'P2W',
      einddatum: wacht.einddatum,
      kalendereinde: wacht.kalendereinde,
      verschoven: wacht.verschoven,
      tekst:
        `De ingebrekestelling is ontvangen op ${ingebrekestelling}; de beslistermijn eindigde op ${termijnEinde}. ` +
        (voorbarig
          ? `De ingebrekestelling kwam vóór de termijn verstreken was; volgens de tekst van lid 3 tellen de twee weken dan vanaf ${termijnEinde}. Of een voorbarige ingebrekestelling geldt, beoordeelt de behandelaar. `
          : '') +
        `Het bestuursorgaan heeft daarna twee weken, tot en met ${wacht.einddatum}, om zonder dwangsom te beslissen.` +
        (wacht.verschoven.length > 0 ? ` Het einde schuift van ${wacht.kalendereinde} naar ${wacht.einddatum} (Algemene termijnenwet).` : ''),
    },
    {
      termijn: 'dwangsom',
      artikel: 'Awb 4:17 lid 1 en 2',
      na: wacht.einddatum,
      duur: `P${DWANGSOM.maxDagen}D`,
      einddatum: laatsteDag,
      kalendereinde: null,
      verschoven: [],
      tekst:
        `De dwangsom loopt vanaf ${eersteDag} voor elke dag dat niet is beslist, hoogstens 42 dagen (tot en met ${laatsteDag}; de Algemene termijnenwet geldt hier niet): de eerste 14 dagen € 23, de volgende 14 dagen € 35, daarna € 45 per dag, samen hoogstens € 1.442. ` +
        (beslist ? `Beslist op ${beslist}: ` : `Nog niet beslist op ${vandaag}: `) +
        `${dagen} ${dagen === 1 ? 'dag' : 'dagen'}, € ${bedrag.toLocaleString('nl-NL')}.`,
    },
  ];
  if (vaststellen) {
    uitleg.push({
      termijn: 'dwangsom-vaststellen',
      artikel: 'Awb 4:18',
      na: laatsteVerschuldigd,
      duur: 'P2W',
      einddatum: vaststellen.einddatum,
      kalendereinde: vaststellen.kalendereinde,
      verschoven: vaststellen.verschoven,
      tekst: `Het bestuursorgaan stelt de verschuldigdheid en de hoogte van de dwangsom binnen twee weken na de laatste dag waarover hij verschuldigd was (${laatsteVerschuldigd}) bij beschikking vast.`,
    });
  }
  return {
    ingebrekestellingVoorbarig: voorbarig,
    wachttermijnEinde: wacht.einddatum,
    eersteDag,
    laatsteDag,
    dagen,
    bedrag,
    lopend: beslist === null && dagen > 0 && dagen < DWANGSOM.maxDagen,
    maximumBereikt,
    dagenTotStart: beslist === null && vandaag < eersteDag ? dagenTussen(vandaag, eersteDag) : null,
    vaststellenUiterlijk: vaststellen?.einddatum ?? null,
    uitleg,
  };
}
