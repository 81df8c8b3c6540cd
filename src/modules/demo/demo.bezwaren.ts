/**
 * Demo klachten and bezwaren in every state, so the secretary's queue, the hearings calendar and
 * the klachten queue have work after `npm start`: bezwaren received, on the informal route, with a
 * hearing planned, verdaagd, late (verschoonbaarheid to judge), with an ingebrekestelling and a
 * dwangsom warning, and decided with each outcome; klachten received, in informal contact,
 * resolved informally, with a hearing planned, verdaagd, decided and not handled.
 *
 * Every receipt lies within the last eight weeks (the demo zaaktypen are valid from 1 January 2026).
 * Written through the services only (the bezwaar procedure, the klachten service), on the demo's
 * simulated clock: each step is taken on its own day in the past, so the terms, letters and
 * histories are what they would have been. Dates are relative to the day of loading; everything
 * else is fixed (fictional names, addresses at example.org). Loaded once per gemeente: a gemeente
 * that has a bezwaar of the procedure gets none of this again.
 */
import { vasteKlok, type Klok } from '../../klok.ts';
import type { Context } from '../audit/audit.service.ts';
import type { BezwaarProcedure, BezwaarStapInvoer } from '../bezwaar/bezwaar.procedure.ts';
import type { KlachtenService, KlachtStapInvoer, NieuweKlacht } from '../klachten/klachten.service.ts';
import { kalenderdag, plusDagen, vrijeDag } from '../termijnen/kalender.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import { DEMO_GEBRUIKERS, DEMO_GEMEENTEN } from './demo.data.ts';

/** The demo's secretary of the bezwaarcommissie and klachtcoördinator (DEMO_GEBRUIKERS). */
export const DEMO_SECRETARIS = 'secretaris@duoplus.demo';
export const DEMO_KLACHTCOORDINATOR = 'klachten@duoplus.demo';

export interface DemoBezwaarDeps {
  /** The services on the demo's clock (mail stays in the outbox). */
  opKlok(klok: Klok): { bezwaar: BezwaarProcedure; klachten: KlachtenService; zaken: Pick<ZakenService, 'detail'> };
  /** How many bezwaren of the procedure a gemeente has (loaded once). */
  aantalBezwaren(gemeente: string): Promise<number>;
  klok: Klok;
}

/** A step on day `dag` (days before today; negative: after). */
type Dag = number;

interface DemoBezwaar {
  onderwerp: string;
  besluit: string;
  naam: string;
  /** Days before today. */
  bekendmaking: Dag;
  ontvangen: Dag;
  commissie?: boolean;
  kanaal: 'post' | 'web' | 'e-mail';
  omschrijving: string;
  stappen: [Dag, BezwaarStapInvoer | ((vandaag: string) => BezwaarStapInvoer)][];
}

interface DemoKlacht {
  onderwerp: string;
  omschrijving: string;
  naam: string;
  ontvangen: Dag;
  categorie: NieuweKlacht['categorie'];
  team: string;
  stappen: [Dag, KlachtStapInvoer | ((vandaag: string) => KlachtStapInvoer)][];
}

const hoorzitting = (datum: string, tijd = '14:00'): BezwaarStapInvoer => ({ soort: 'hoorzitting', datum, tijd, locatie: 'Raadhuis, commissiekamer', commissie: 'mr. A. de Boer (voorzitter), J. Smit, F. El Amrani' });

/** Every state once (Diemen). */
const BEZWAREN: readonly DemoBezwaar[] = [
  {
    onderwerp: 'Bezwaar tegen parkeerboete Ouddiemerlaan',
    besluit: 'Naheffingsaanslag parkeerbelasting',
    naam: 'Sara Jansen',
    bekendmaking: 30,
    ontvangen: 8,
    kanaal: 'web',
    omschrijving: 'Ik had een geldige parkeervergunning achter de voorruit.',
    stappen: [],
  },
  {
    onderwerp: 'Bezwaar tegen weigering kwijtschelding',
    besluit: 'Weigering kwijtschelding afvalstoffenheffing 2026',
    naam: 'Mohamed Bakker',
    bekendmaking: 40,
    ontvangen: 20,
    kanaal: 'post',
    omschrijving: 'Mijn inkomen is lager dan de gemeente denkt.',
    stappen: [[15, { soort: 'informeel', datum: '', verslag: 'Gebeld: de indiener stuurt zijn loonstroken van de laatste drie maanden. Daarna bellen we opnieuw.', opgelost: false }]],
  },
  {
    onderwerp: 'Bezwaar tegen weigering parkeervergunning',
    besluit: 'Weigering tweede parkeervergunning',
    naam: 'Emma de Vries',
    bekendmaking: 45,
    ontvangen: 30,
    kanaal: 'e-mail',
    omschrijving: 'Ik heb de auto nodig voor mijn werk in de zorg.',
    stappen: [[5, (vandaag) => hoorzitting(werkdagNa(vandaag, 7))]],
  },
  {
    onderwerp: 'Bezwaar tegen omgevingsvergunning dakopbouw Wilhelminaplantsoen',
    besluit: 'Omgevingsvergunning dakopbouw buren',
    naam: 'Daan Visser',
    bekendmaking: 60,
    ontvangen: 45,
    commissie: true,
    kanaal: 'post',
    omschrijving: 'De dakopbouw neemt ons zonlicht weg.',
    stappen: [
      [10, { soort: 'verdaging', weken: 6, reden: 'De bezwaarcommissie vergadert later over het advies.' }],
      [9, (vandaag) => hoorzitting(werkdagNa(vandaag, 12), '10:30')],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen last onder dwangsom schutting',
    besluit: 'Last onder dwangsom: schutting hoger dan 2 meter',
    naam: 'Lotte Mulder',
    bekendmaking: 75,
    ontvangen: 12,
    kanaal: 'post',
    omschrijving: 'Ik was in het buitenland en kreeg de brief pas later.',
    stappen: [],
  },
  {
    onderwerp: 'Bezwaar tegen aanslag onroerendezaakbelasting',
    besluit: 'WOZ-beschikking en aanslag OZB 2026',
    naam: 'Kees Smit',
    bekendmaking: 150,
    ontvangen: 58,
    kanaal: 'post',
    omschrijving: 'De WOZ-waarde is te hoog: vergelijkbare woningen zijn goedkoper. Het bezwaarschrift lag een tijd bij de verkeerde afdeling.',
    stappen: [
      [55, { soort: 'verschoonbaarheid', verschoonbaar: true, toelichting: 'De indiener stuurde het bezwaar op tijd naar het belastingkantoor van een buurgemeente; dat stuurde het pas later door.' }],
      [53, { soort: 'informeel', datum: '', verslag: 'Gebeld: de indiener blijft bij het bezwaar en wil gehoord worden.', opgelost: false }],
      [12, { soort: 'ingebrekestelling', ontvangen: '' }],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen boete afvalcontainer',
    besluit: 'Bestuurlijke strafbeschikking afval',
    naam: 'Fatima Yilmaz',
    bekendmaking: 150,
    ontvangen: 50,
    kanaal: 'post',
    omschrijving: 'Ik wist niet dat er een termijn was.',
    stappen: [
      [48, { soort: 'verschoonbaarheid', verschoonbaar: false, toelichting: 'Het besluit noemde de termijn; er is geen reden gegeven waarom niet op tijd bezwaar kon worden gemaakt.' }],
      [47, { soort: 'horen-overgeslagen', grond: 'a', toelichting: 'Het bezwaar is te laat en de termijnoverschrijding is niet verschoonbaar.' }],
      [46, { soort: 'beslissing', uitkomst: 'niet-ontvankelijk', motivering: 'Het bezwaarschrift kwam ruim twee maanden na het einde van de bezwaartermijn binnen. Daarvoor is geen goede reden gegeven.' }],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen weigering kapvergunning',
    besluit: 'Weigering omgevingsvergunning kappen eik',
    naam: 'Jeroen de Graaf',
    bekendmaking: 70,
    ontvangen: 52,
    kanaal: 'web',
    omschrijving: 'De eik is ziek en gevaarlijk voor de kinderen.',
    stappen: [
      [40, hoorzitting('')],
      [35, { soort: 'hoorverslag', verslag: 'De indiener laat foto’s van de zieke stam zien. De boomdeskundige van de gemeente zag de boom in maart en vond hem gezond.' }],
      [30, { soort: 'beslissing', uitkomst: 'ongegrond', motivering: 'De boom is volgens de boomdeskundige gezond. Er is geen reden om de kapvergunning alsnog te geven.' }],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen weigering gehandicaptenparkeerkaart',
    besluit: 'Weigering gehandicaptenparkeerkaart',
    naam: 'Anna Bos',
    bekendmaking: 65,
    ontvangen: 50,
    kanaal: 'post',
    omschrijving: 'Ik kan niet meer dan 100 meter lopen; de keuringsarts heeft dat niet goed onderzocht.',
    stappen: [
      [45, hoorzitting('')],
      [40, { soort: 'hoorverslag', verslag: 'Mevrouw Bos legt een nieuwe verklaring van haar specialist over.' }],
      [20, { soort: 'beslissing', uitkomst: 'gegrond', motivering: 'Uit de nieuwe verklaring blijkt dat mevrouw Bos niet meer dan 100 meter kan lopen. Zij krijgt de kaart.' }],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen verkeersbesluit Hartveldseweg',
    besluit: 'Verkeersbesluit eenrichtingsverkeer Hartveldseweg',
    naam: 'Ruben Hendriks',
    bekendmaking: 80,
    ontvangen: 54,
    commissie: true,
    kanaal: 'e-mail',
    omschrijving: 'Door het eenrichtingsverkeer rijdt al het verkeer door onze straat.',
    stappen: [
      [44, hoorzitting('')],
      [40, { soort: 'hoorverslag', verslag: 'Omwonenden lichten de verkeersdrukte toe; de verkeerskundige geeft de tellingen.' }],
      [25, { soort: 'advies', datum: '', advies: 'De commissie adviseert het bezwaar deels gegrond te verklaren: het besluit blijft, maar de gemeente moet de drukte na een half jaar opnieuw meten.', voorstel: 'deels-gegrond' }],
      [15, { soort: 'beslissing', uitkomst: 'deels-gegrond', motivering: 'Wij volgen het advies van de bezwaarcommissie. Het eenrichtingsverkeer blijft; over een half jaar meten wij de drukte opnieuw.' }],
    ],
  },
  {
    onderwerp: 'Bezwaar tegen hondenbelasting',
    besluit: 'Aanslag hondenbelasting 2026',
    naam: 'Sanne Willems',
    bekendmaking: 50,
    ontvangen: 35,
    kanaal: 'web',
    omschrijving: 'Mijn hond is al in 2025 overleden.',
    stappen: [
      [30, { soort: 'informeel', datum: '', verslag: 'Gebeld: de aanslag wordt verminderd omdat de hond in 2025 overleed. Mevrouw Willems trekt het bezwaar in.', opgelost: true }],
      [29, { soort: 'beslissing', uitkomst: 'ingetrokken', motivering: 'Na het telefoongesprek heeft de indiener het bezwaar ingetrokken; de aanslag is verminderd.' }],
    ],
  },
];

/** Three of them in the other gemeenten: received, a hearing planned, decided. */
const BEZWAREN_KLEIN: readonly DemoBezwaar[] = [BEZWAREN[0], BEZWAREN[2], BEZWAREN[7]].filter((b): b is DemoBezwaar => b !== undefined);

const KLACHTEN: readonly DemoKlacht[] = [
  { onderwerp: 'Onvriendelijk te woord gestaan aan de balie', omschrijving: 'De medewerker aan de balie was kortaf en luisterde niet.', naam: 'Pieter Jansen', ontvangen: 3, categorie: 'bejegening', team: 'Klantcontactcentrum', stappen: [] },
  {
    onderwerp: 'Geen reactie op mijn e-mail',
    omschrijving: 'Ik mailde drie keer over mijn paspoortaanvraag en kreeg geen antwoord.',
    naam: 'Ayla Demir',
    ontvangen: 10,
    categorie: 'bereikbaarheid',
    team: 'Klantcontactcentrum',
    stappen: [[8, { soort: 'contact', datum: '', verslag: 'Gebeld: mevrouw Demir wil weten waarom niemand reageerde. Wij zoeken het uit en bellen terug.' }]],
  },
  {
    onderwerp: 'Melding over losliggende stoeptegels niet opgepakt',
    omschrijving: 'Mijn melding over losliggende tegels ligt al twee maanden stil.',
    naam: 'Henk de Boer',
    ontvangen: 40,
    categorie: 'termijn',
    team: 'Openbare ruimte',
    stappen: [
      [38, { soort: 'contact', datum: '', verslag: 'Gebeld; de tegels worden deze week hersteld. De heer De Boer is tevreden.' }],
      [37, (vandaag) => ({ soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'De melding was blijven liggen; de tegels zijn hersteld.', instemming: { datum: vandaag, wijze: 'mondeling' } })],
    ],
  },
  {
    onderwerp: 'Verkeerde informatie over de afvalkalender',
    omschrijving: 'Op de website stond een verkeerde ophaaldag; mijn container bleef staan.',
    naam: 'Marieke Peters',
    ontvangen: 25,
    categorie: 'informatie',
    team: 'Openbare ruimte',
    stappen: [
      [20, { soort: 'verdaging', weken: 4, reden: 'Wij wachten op de reactie van de afvalinzamelaar.' }],
      [6, (vandaag) => ({ soort: 'hoorzitting', op: `${werkdagNa(vandaag, 5)}T09:00:00Z`, locatie: 'Raadhuis, spreekkamer 3', genodigden: ['Marieke Peters', 'Teamleider Openbare ruimte'] })],
    ],
  },
  {
    onderwerp: 'Behandeling van mijn Wmo-aanvraag',
    omschrijving: 'De consulent beloofde terug te bellen, maar deed dat niet.',
    naam: 'Johan Meijer',
    ontvangen: 50,
    categorie: 'dienstverlening',
    team: 'Sociaal domein',
    stappen: [
      [45, { soort: 'horen-overslaan', grond: 'klager-ziet-af', toelichting: 'De heer Meijer wil niet gehoord worden; zijn brief is duidelijk.' }],
      [35, { soort: 'besluit', uitkomst: 'gegrond', bevindingen: 'De consulent heeft niet teruggebeld zoals beloofd.', maatregelen: 'Terugbelafspraken komen voortaan in het zaaksysteem met een termijn.' }],
    ],
  },
  {
    onderwerp: 'Klacht over een boete uit 2024',
    omschrijving: 'De handhaver was in 2024 onbeleefd tegen mij.',
    naam: 'Wim Kok',
    ontvangen: 30,
    categorie: 'bejegening',
    team: 'Openbare ruimte',
    stappen: [[28, { soort: 'niet-behandelen', grond: 'ouder-dan-een-jaar', toelichting: 'De gedraging was meer dan een jaar voor de klacht (Awb 9:8 lid 1 onder b).' }]],
  },
];

/** The first working day at least `dagen` days after `dag`. */
function werkdagNa(dag: string, dagen: number): string {
  let d = plusDagen(dag, dagen);
  while (vrijeDag(d)) d = plusDagen(d, 1);
  return d;
}

/** Fills the dates a step takes on its own day (a call, an advice, an ingebrekestelling, a past hearing). */
function opDag(stap: BezwaarStapInvoer, dag: string): BezwaarStapInvoer {
  if (stap.soort === 'informeel' || stap.soort === 'advies' || stap.soort === 'hoorzitting') return stap.datum ? stap : { ...stap, datum: dag };
  if (stap.soort === 'ingebrekestelling') return stap.ontvangen ? stap : { ...stap, ontvangen: dag };
  return stap;
}

function wieVan(context: Context, ids: Map<string, string>, email: string): Wie {
  const gebruiker = DEMO_GEBRUIKERS.find((g) => g.email === email);
  return { context, gebruiker: ids.get(email) ?? null, naam: gebruiker?.naam ?? null, rollen: email === DEMO_SECRETARIS ? ['secretaris-bezwaarcommissie'] : ['klachtcoordinator'] };
}

/** Loads the demo bezwaren and klachten of each demo gemeente that has no bezwaar yet; answers how many of each. */
export async function laadDemoBezwaren(deps: DemoBezwaarDeps, context: Context, ids: Map<string, string>, teamIds: Map<string, Map<string, string>>): Promise<{ bezwaren: number; klachten: number }> {
  const vandaag = kalenderdag(deps.klok.nu());
  const klok = vasteKlok(deps.klok.nu().toISOString());
  const { bezwaar, klachten, zaken } = deps.opKlok(klok);
  const secretaris = wieVan(context, ids, DEMO_SECRETARIS);
  const coordinator = wieVan(context, ids, DEMO_KLACHTCOORDINATOR);
  /** The demo clock at 10:00 (Amsterdam, roughly) `dagen` days before today. */
  const naar = (dagen: Dag) => {
    const dag = plusDagen(vandaag, -dagen);
    klok.zet(`${dag}T09:00:00Z`);
    return dag;
  };
  const uitkomst = { bezwaren: 0, klachten: 0 };
  for (const gemeente of DEMO_GEMEENTEN) {
    if ((await deps.aantalBezwaren(gemeente.code)) > 0) continue;
    for (const b of gemeente.code === 'GM0384' ? BEZWAREN : BEZWAREN_KLEIN) {
      const ontvangen = naar(b.ontvangen);
      const { zaak } = await bezwaar.registreer(secretaris, gemeente.code, {
        besluit: b.besluit,
        bekendmaking: plusDagen(vandaag, -b.bekendmaking),
        ontvangen,
        commissie: b.commissie ?? false,
        onderwerp: b.onderwerp,
        omschrijving: b.omschrijving,
        kanaal: b.kanaal,
        team: teamIds.get(gemeente.code)?.get('Juridische zaken'),
        betrokkene: { naam: b.naam, email: `${b.naam.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, taal: 'nl' },
      });
      let versie = zaak.versie;
      for (const [dagen, s] of b.stappen) {
        const dag = naar(dagen);
        const stap = opDag(typeof s === 'function' ? s(dag) : s, dag);
        versie = (await bezwaar.stap(secretaris, gemeente.code, zaak.id, versie, stap)).zaak.versie;
      }
      uitkomst.bezwaren++;
    }
    for (const k of gemeente.code === 'GM0384' ? KLACHTEN : KLACHTEN.slice(0, 2)) {
      const team = teamIds.get(gemeente.code)?.get(k.team) ?? teamIds.get(gemeente.code)?.get('Juridische zaken');
      if (!team) continue;
      const ontvangstdatum = naar(k.ontvangen);
      const zaak = await klachten.registreer(coordinator, gemeente.code, {
        onderwerp: k.onderwerp,
        omschrijving: k.omschrijving,
        kanaal: 'web',
        ontvangstdatum,
        categorie: k.categorie,
        team,
        klager: { naam: k.naam, email: `${k.naam.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, taal: 'nl' },
      });
      for (const [dagen, s] of k.stappen) {
        const dag = naar(dagen);
        const stap = typeof s === 'function' ? s(dag) : s;
        const metDatum = stap.soort === 'contact' && !stap.datum ? { ...stap, datum: dag } : stap;
        const { versie } = await zaken.detail(coordinator, gemeente.code, zaak.id, { loggen: false });
        await klachten.stap(coordinator, gemeente.code, zaak.id, versie, metDatum);
      }
      uitkomst.klachten++;
    }
  }
  return uitkomst;
}
