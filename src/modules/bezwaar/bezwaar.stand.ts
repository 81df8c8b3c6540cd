/**
 * Where a bezwaar procedure stands, folded from its append-only steps (ADR 0063), and its terms:
 * the same `bezwaarTermijnen` as the public API and the CLI, fed with the registered besluit and the
 * recorded herstel, verdaging and uitstel. Pure.
 */
import { bezwaarTermijnen, type BezwaarTermijnen, type Herstel } from './bezwaar.termijnen.ts';
import { berekenDwangsom, type Dwangsom } from './dwangsom.ts';

export const UITKOMSTEN = ['niet-ontvankelijk', 'ongegrond', 'gegrond', 'deels-gegrond', 'ingetrokken'] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

/** The grounds of Awb 7:3 to decide without hearing the objector. */
export const HOREN_GRONDEN = {
  a: 'kennelijk niet-ontvankelijk',
  b: 'kennelijk ongegrond',
  c: 'de indiener heeft verklaard geen gebruik te willen maken van het recht gehoord te worden',
  d: 'de indiener heeft niet binnen de gestelde redelijke termijn verklaard gehoord te willen worden',
  e: 'aan het bezwaar wordt volledig tegemoetgekomen en andere belanghebbenden worden daardoor niet benadeeld',
} as const;
export type HorenGrond = keyof typeof HOREN_GRONDEN;

export interface BezwaarBesluit {
  besluit: string;
  bekendmaking: string;
  besluitTeamId: string | null;
  besluitZaakId: string | null;
  ontvangen: string;
  verzonden: string | null;
  commissie: boolean;
}

/** The gegevens of each kind of step. */
export type StapInhoud =
  | { soort: 'verschoonbaarheid'; gegevens: { verschoonbaar: boolean; toelichting: string } }
  | { soort: 'herstel-verzocht'; gegevens: { verzocht: string; hersteltermijn: string; verzuim: string } }
  | { soort: 'hersteld'; gegevens: { hersteld: string; toelichting: string; opgeschorteDagen: number } }
  | { soort: 'verdaging'; gegevens: { weken: number; reden: string } }
  | { soort: 'uitstel'; gegevens: { weken: number; reden: string; instemming: string; instemmingOp: string } }
  | { soort: 'informeel'; gegevens: { datum: string; verslag: string; opgelost: boolean } }
  | { soort: 'hoorzitting'; gegevens: { datum: string; tijd: string; locatie: string; commissie: string } }
  | { soort: 'hoorverslag'; gegevens: { verslag: string } }
  | { soort: 'horen-overgeslagen'; gegevens: { grond: HorenGrond; toelichting: string } }
  | { soort: 'advies'; gegevens: { datum: string; advies: string; voorstel: Uitkomst } }
  | { soort: 'ingebrekestelling'; gegevens: { ontvangen: string } }
  | { soort: 'beslissing'; gegevens: { uitkomst: Uitkomst; motivering: string; datum: string } };

export type BezwaarStap = StapInhoud & { volgnummer: number; op: string; doorNaam: string | null };

export interface BezwaarStand {
  verschoonbaar: { verschoonbaar: boolean; toelichting: string } | null;
  herstel: (Herstel & { hersteltermijn: string; verzuim: string })[];
  herstelOpen: boolean;
  verdagingWeken: number;
  uitstelWeken: number;
  informeel: { datum: string; verslag: string; opgelost: boolean }[];
  hoorzitting: { datum: string; tijd: string; locatie: string; commissie: string } | null;
  hoorverslag: string | null;
  horenOvergeslagen: { grond: HorenGrond; toelichting: string } | null;
  advies: { datum: string; advies: string; voorstel: Uitkomst } | null;
  ingebrekestelling: string | null;
  beslissing: { uitkomst: Uitkomst; motivering: string; datum: string } | null;
}

export function standVan(stappen: readonly StapInhoud[]): BezwaarStand {
  const stand: BezwaarStand = {
    verschoonbaar: null,
    herstel: [],
    herstelOpen: false,
    verdagingWeken: 0,
    uitstelWeken: 0,
    informeel: [],
    hoorzitting: null,
    hoorverslag: null,
    horenOvergeslagen: null,
    advies: null,
    ingebrekestelling: null,
    beslissing: null,
  };
  for (const s of stappen) {
    switch (s.soort) {
      case 'verschoonbaarheid':
        stand.verschoonbaar = s.gegevens;
        break;
      case 'herstel-verzocht':
        stand.herstel.push({ verzocht: s.gegevens.verzocht, hersteld: null, hersteltermijn: s.gegevens.hersteltermijn, verzuim: s.gegevens.verzuim });
        break;
      case 'hersteld': {
        const open = stand.herstel.at(-1);
        if (open && open.hersteld === null) open.hersteld = s.gegevens.hersteld;
        break;
      }
      case 'verdaging':
        stand.verdagingWeken += s.gegevens.weken;
        break;
      case 'uitstel':
        stand.uitstelWeken += s.gegevens.weken;
        break;
      case 'informeel':
        stand.informeel.push(s.gegevens);
        break;
      case 'hoorzitting':
        stand.hoorzitting = s.gegevens;
        break;
      case 'hoorverslag':
        stand.hoorverslag = s.gegevens.verslag;
        break;
      case 'horen-overgeslagen':
        stand.horenOvergeslagen = s.gegevens;
        break;
      case 'advies':
        stand.advies = s.gegevens;
        break;
      case 'ingebrekestelling':
        stand.ingebrekestelling = s.gegevens.ontvangen;
        break;
      case 'beslissing':
        stand.beslissing = s.gegevens;
        break;
    }
  }
  stand.herstelOpen = stand.herstel.at(-1)?.hersteld === null;
  return stand;
}

/**
 * The terms of this bezwaar as the law counts them (bezwaar.termijnen.ts): only repaired omissions
 * stand the beslistermijn still here; an open one is shown by `herstelOpen` and counted when repaired.
 */
export function termijnenVan(besluit: BezwaarBesluit, stand: BezwaarStand, extra: { verdagingWeken?: number; uitstelWeken?: number; herstel?: Herstel[] } = {}): BezwaarTermijnen {
  return bezwaarTermijnen({
    bekendmaking: besluit.bekendmaking,
    ontvangen: besluit.ontvangen,
    verzonden: besluit.verzonden,
    commissie: besluit.commissie,
    verdagingWeken: stand.verdagingWeken + (extra.verdagingWeken ?? 0),
    uitstelWeken: stand.uitstelWeken + (extra.uitstelWeken ?? 0),
    herstel: [...stand.herstel.filter((h) => h.hersteld !== null).map((h) => ({ verzocht: h.verzocht, hersteld: h.hersteld })), ...(extra.herstel ?? [])],
  });
}

/** The dwangsom (4:17) once an ingebrekestelling is registered; counted up to the decision or today. */
export function dwangsomVan(stand: BezwaarStand, beslistermijnEinde: string, vandaag: string): Dwangsom | null {
  if (!stand.ingebrekestelling) return null;
  return berekenDwangsom({ termijnEinde: beslistermijnEinde, ingebrekestelling: stand.ingebrekestelling, beslist: stand.beslissing?.datum ?? null, vandaag });
}

/** Days before the dwangsom starts within which the queue warns (ADR 0063). */
export const DWANGSOM_WAARSCHUWING_DAGEN = 5;
