import type { CategorieInvoer } from '../meldingen/meldingen.schemas.ts';

/** A demo category: the handling team by name (the demo's teams), for every gemeente or some. */
type DemoCategorie = Omit<CategorieInvoer, 'team' | 'partner'> & { team: string | null; partner?: string; gemeenten?: string[] };

/**
 * The demo's external partner (ADR 0056): a waste collector that empties containers for Diemen
 * and Ouder-Amstel; the demo user Pim Partner acts for it. Its categories send meldingen to it
 * by default.
 */
export const DEMO_MELDING_PARTNERS = [
  { gemeenten: ['GM0384', 'GM0437'], naam: 'Afvalpartner Amstelland', email: 'meldingen@afvalpartner.demo', leden: ['partner@afvalpartner.demo'] },
];

const hoofd = (code: string, nl: string, en: string, volgorde: number, uitleg: { nl: string; en: string }, gemeenten?: string[]): DemoCategorie => ({
  code,
  hoofdcategorie: null,
  naam: { nl, en },
  uitleg,
  trefwoorden: [],
  openbaar: true,
  team: null,
  normWerkdagen: null,
  vragen: [],
  volgorde,
  geldigVanaf: '2026-01-01',
  ...(gemeenten ? { gemeenten } : {}),
});

const sub = (
  hoofdcategorie: string,
  code: string,
  naam: { nl: string; en: string },
  uitleg: { nl: string; en: string },
  normWerkdagen: number,
  trefwoorden: string[],
  extra: Partial<Pick<DemoCategorie, 'openbaar' | 'vragen' | 'gemeenten' | 'partner'>> = {},
): DemoCategorie => ({
  code,
  hoofdcategorie,
  naam,
  uitleg,
  trefwoorden,
  openbaar: extra.openbaar ?? true,
  team: 'Openbare ruimte',
  normWerkdagen,
  vragen: extra.vragen ?? [],
  volgorde: 0,
  geldigVanaf: '2026-01-01',
  ...(extra.partner ? { partner: extra.partner } : {}),
  ...(extra.gemeenten ? { gemeenten: extra.gemeenten } : {}),
});

const GEEN_UITLEG = { nl: '', en: '' };

/**
 * The demo's categories of meldingen openbare ruimte (ADR 0040), after the categories Dutch
 * gemeenten use (Signalen's main/sub list), in B1 words. Diemen, Ouder-Amstel and Uithoorn share
 * most; Ouder-Amstel has dead animals (a rural gemeente), Uithoorn water (the Amstel and its
 * banks). Handled by each gemeente's team Openbare ruimte.
 */
export const DEMO_MELDING_CATEGORIEEN: DemoCategorie[] = [
  hoofd('afval', 'Afval', 'Waste', 1, { nl: 'Volle containers, afval op straat en grofvuil.', en: 'Full containers, litter and bulky waste.' }),
  sub(
    'afval',
    'container-vol',
    { nl: 'Container is vol', en: 'Container is full' },
    { nl: 'Een container voor restafval, papier, glas of plastic is vol of kapot.', en: 'A container for waste, paper, glass or plastic is full or broken.' },
    2,
    ['container', 'vol', 'afvalbak', 'glasbak', 'papierbak', 'ondergrondse'],
    {
      vragen: [
        {
          code: 'container_nummer',
          type: 'tekst',
          verplicht: false,
          vraag: { nl: 'Nummer van de container', en: 'Number of the container' },
          uitleg: { nl: 'Het nummer staat op een sticker op de container, bijvoorbeeld RST-1234.', en: 'The number is on a sticker on the container, for example RST-1234.' },
          waarden: [],
          patroon: '[A-Za-z]{2,4}-?[0-9]{1,6}',
          max: 20,
        },
        {
          code: 'soort_afval',
          type: 'keuze',
          verplicht: true,
          vraag: { nl: 'Wat voor container is het?', en: 'What kind of container is it?' },
          uitleg: GEEN_UITLEG,
          waarden: [
            { sleutel: 'rest', naam: { nl: 'Restafval', en: 'General waste' } },
            { sleutel: 'papier', naam: { nl: 'Papier', en: 'Paper' } },
            { sleutel: 'glas', naam: { nl: 'Glas', en: 'Glass' } },
            { sleutel: 'plastic', naam: { nl: 'Plastic en blik', en: 'Plastic and cans' } },
          ],
          patroon: null,
          max: null,
        },
      ],
      partner: 'Afvalpartner Amstelland',
    },
  ),
  sub('afval', 'grofvuil-op-straat', { nl: 'Grofvuil op straat', en: 'Bulky waste in the street' }, { nl: 'Meubels, matrassen of ander groot afval op straat of naast een container.', en: 'Furniture, mattresses or other large waste in the street or next to a container.' }, 3, ['grofvuil', 'bank', 'matras', 'bijzetten', 'dumping']),
  sub('afval', 'zwerfafval', { nl: 'Zwerfafval', en: 'Litter' }, { nl: 'Losse rommel op straat, in het groen of in het water.', en: 'Loose rubbish in the street, in the greenery or in the water.' }, 5, ['zwerfvuil', 'rommel', 'blikjes', 'troep']),

  hoofd('wegen-verkeer', 'Wegen en verkeer', 'Roads and traffic', 2, { nl: 'Stoep, weg, fietspad en verkeersborden.', en: 'Pavement, road, cycle path and traffic signs.' }),
  sub('wegen-verkeer', 'losse-stoeptegel', { nl: 'Losse of kapotte stoeptegel', en: 'Loose or broken paving stone' }, { nl: 'Een tegel ligt los, scheef of is kapot. Zo kan iemand vallen.', en: 'A paving stone is loose, uneven or broken. Someone could trip.' }, 10, ['tegel', 'stoep', 'trottoir', 'struikelen']),
  sub('wegen-verkeer', 'gat-in-de-weg', { nl: 'Gat in de weg of het fietspad', en: 'Hole in the road or cycle path' }, { nl: 'Een gat of scheur in het asfalt of de klinkers.', en: 'A hole or crack in the asphalt or the bricks.' }, 5, ['gat', 'kuil', 'asfalt', 'fietspad', 'wegdek']),
  sub(
    'wegen-verkeer',
    'verkeersbord-kapot',
    { nl: 'Verkeersbord kapot of weg', en: 'Traffic sign broken or missing' },
    { nl: 'Een verkeersbord is kapot, scheef, onleesbaar of weg.', en: 'A traffic sign is broken, crooked, unreadable or gone.' },
    10,
    ['bord', 'verkeersbord', 'paal'],
  ),

  hoofd('groen', 'Bomen en groen', 'Trees and greenery', 3, { nl: 'Bomen, struiken, gras en onkruid.', en: 'Trees, bushes, grass and weeds.' }),
  sub(
    'groen',
    'boom-gevaarlijk',
    { nl: 'Boom of tak gevaarlijk', en: 'Dangerous tree or branch' },
    { nl: 'Een boom of grote tak is omgevallen of dreigt te vallen. Is er direct gevaar? Bel 112.', en: 'A tree or big branch has fallen or may fall. Immediate danger? Call 112.' },
    1,
    ['boom', 'tak', 'omgevallen', 'storm'],
  ),
  sub('groen', 'snoeien', { nl: 'Snoeien nodig', en: 'Needs pruning' }, { nl: 'Struiken of takken hangen over de stoep of het fietspad, of zitten voor een bord of lamp.', en: 'Bushes or branches hang over the pavement or cycle path, or block a sign or lamp.' }, 20, ['snoeien', 'struik', 'heg', 'overhangend']),
  sub('groen', 'onkruid', { nl: 'Onkruid', en: 'Weeds' }, { nl: 'Veel onkruid op de stoep, in de goot of in een plantvak.', en: 'A lot of weeds on the pavement, in the gutter or in a flower bed.' }, 20, ['onkruid', 'gras', 'maaien']),

  hoofd('verlichting', 'Straatverlichting', 'Street lighting', 4, { nl: 'Lantaarnpalen en verlichting van tunnels en paden.', en: 'Street lamps and the lighting of tunnels and paths.' }),
  sub(
    'verlichting',
    'lantaarnpaal-kapot',
    { nl: 'Lantaarnpaal doet het niet', en: 'Street lamp not working' },
    { nl: 'Een lamp is uit, knippert of brandt overdag. Het nummer staat op de paal.', en: 'A lamp is off, flickers or is on during the day. The number is on the post.' },
    10,
    ['lamp', 'lantaarnpaal', 'licht', 'donker', 'verlichting'],
    {
      vragen: [
        {
          code: 'mastnummer',
          type: 'tekst',
          verplicht: false,
          vraag: { nl: 'Nummer op de paal', en: 'Number on the post' },
          uitleg: { nl: 'Een nummer van cijfers, soms met een letter ervoor.', en: 'A number of digits, sometimes with a letter in front.' },
          waarden: [],
          patroon: '[A-Za-z]?[0-9]{1,6}',
          max: 10,
        },
        {
          code: 'aantal_lampen',
          type: 'getal',
          verplicht: false,
          vraag: { nl: 'Hoeveel lampen doen het niet?', en: 'How many lamps are not working?' },
          uitleg: GEEN_UITLEG,
          waarden: [],
          patroon: null,
          max: 50,
        },
      ],
    },
  ),

  hoofd('overlast', 'Overlast', 'Nuisance', 5, { nl: 'Overlast van auto’s, fietsen of mensen op straat.', en: 'Nuisance from cars, bikes or people in the street.' }),
  sub('overlast', 'fietswrak', { nl: 'Fietswrak', en: 'Abandoned bike' }, { nl: 'Een kapotte fiets die al lang op dezelfde plek staat.', en: 'A broken bike that has been in the same place for a long time.' }, 10, ['fiets', 'wrak', 'weesfiets']),
  sub(
    'overlast',
    'overlast-personen',
    { nl: 'Overlast van personen', en: 'Nuisance from people' },
    { nl: 'Hinder van mensen op straat of in een park. Is er direct gevaar? Bel 112.', en: 'Trouble from people in the street or in a park. Immediate danger? Call 112.' },
    2,
    ['overlast', 'hangjongeren', 'lawaai'],
    // Not on the public map: it is about people.
    { openbaar: false },
  ),

  hoofd('dieren', 'Dieren', 'Animals', 6, { nl: 'Dode dieren en plaagdieren op straat.', en: 'Dead animals and pests in the street.' }, ['GM0437']),
  sub('dieren', 'dood-dier', { nl: 'Dood dier', en: 'Dead animal' }, { nl: 'Een dood dier op straat, in de berm of in het water.', en: 'A dead animal in the street, on the verge or in the water.' }, 1, ['dood', 'dier', 'kadaver', 'vogel', 'kat'], { gemeenten: ['GM0437'] }),

  hoofd('water', 'Water en oevers', 'Water and banks', 6, { nl: 'Sloten, vaarten en de Amstel: oevers, steigers en drijvend afval.', en: 'Ditches, canals and the Amstel: banks, jetties and floating waste.' }, ['GM0451']),
  sub('water', 'beschoeiing-kapot', { nl: 'Beschoeiing kapot', en: 'Bank protection broken' }, { nl: 'De oever zakt weg of de beschoeiing is kapot.', en: 'The bank is sinking or the bank protection is broken.' }, 20, ['oever', 'beschoeiing', 'kade', 'steiger'], { gemeenten: ['GM0451'] }),
];
