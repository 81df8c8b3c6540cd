import type { ZaaktypeInvoer } from '../zaaktypen/zaaktypen.schemas.ts';

/** Teams the demo zaaktypen are handled by, per gemeente (besides those in DEMO_TEAMS). */
export const DEMO_ZAAKTEAMS: { gemeente: string; naam: string; omschrijving: string; leden: string[] }[] = [
  { gemeente: 'GM0384', naam: 'Juridische zaken', omschrijving: 'Klachten en bezwaarschriften', leden: ['teamleider@diemen.demo', 'secretaris@duoplus.demo', 'klachten@duoplus.demo'] },
  { gemeente: 'GM0384', naam: 'Vergunningen', omschrijving: 'Aanvragen en vergunningen', leden: [] },
  { gemeente: 'GM0384', naam: 'Sociaal domein', omschrijving: 'Wmo, jeugd en participatie', leden: [] },
  ...['GM0437', 'GM0451'].flatMap((gemeente) => [
    { gemeente, naam: 'Openbare ruimte', omschrijving: 'Meldingen over straat, groen en afval', leden: [] },
    { gemeente, naam: 'Juridische zaken', omschrijving: 'Klachten en bezwaarschriften', leden: ['secretaris@duoplus.demo', 'klachten@duoplus.demo'] },
    { gemeente, naam: 'Vergunningen', omschrijving: 'Aanvragen en vergunningen', leden: [] },
    { gemeente, naam: 'Sociaal domein', omschrijving: 'Wmo, jeugd en participatie', leden: [] },
  ]),
];

type Demo = Omit<ZaaktypeInvoer, 'standaardTeam' | 'termijnStart' | 'normKeuze'> & Partial<Pick<ZaaktypeInvoer, 'termijnStart' | 'normKeuze'>> & { team: string };

/** The English names of the demo steps, for the staff app's English pages. */
const STAPNAMEN_EN: Readonly<Record<string, string>> = {
  'Advies commissie': 'Committee advice',
  Afgehandeld: 'Completed',
  Besluit: 'Decision',
  Gesprek: 'Conversation',
  Hoorzitting: 'Hearing',
  Horen: 'Hearing the parties',
  'In behandeling': 'In progress',
  'In uitvoering': 'Being carried out',
  Ingepland: 'Scheduled',
  Onderzoek: 'Investigation',
  Ontvangen: 'Received',
  Verslag: 'Report',
};

const status = (naam: string, nl: string, en: string, informeren = false) => ({ naam, naamEn: STAPNAMEN_EN[naam] ?? '', tekst: { nl, en }, informeren });
const ONTVANGEN = status('Ontvangen', 'Wij hebben uw bericht ontvangen.', 'We have received your message.');
const AFGEHANDELD = status('Afgehandeld', 'Uw zaak is afgehandeld.', 'Your case has been completed.', true);

const vernietigen = (naam: string, klasse: string, termijn: string, nl: string, en: string) => ({
  naam,
  tekst: { nl, en },
  archiefnominatie: 'vernietigen' as const,
  bewaartermijn: termijn,
  selectielijstklasse: klasse,
});

/**
 * Realistic Diemen zaaktypen (Kader voor dienstverlening 2023-2027, servicenormen; Awb terms).
 * Selectielijst classes 13.x, 15.1 and 6.x follow the VNG Selectielijst gemeenten 2020; the
 * classes for permits (5.x) and Wmo (7.x) are to be confirmed by the gemeente's archivist.
 */
export const DEMO_ZAAKTYPEN: Demo[] = [
  {
    code: 'e-mailvraag',
    naam: { nl: 'Vraag per e-mail', en: 'Question by e-mail' },
    omschrijving: {
      nl: 'U stelt ons een vraag per e-mail. U krijgt binnen 5 werkdagen antwoord.',
      en: 'You ask us a question by e-mail. You get an answer within 5 working days.',
    },
    rechtsgrond: 'Servicenorm gemeente (Kader voor dienstverlening 2023-2027)',
    norm: '5wd',
    opschortingToegestaan: false,
    maxVerlenging: null,
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Klantcontactcentrum',
    statustypen: [ONTVANGEN, status('In behandeling', 'Wij zoeken het antwoord voor u uit.', 'We are looking into your question.'), AFGEHANDELD],
    resultaattypen: [
      vernietigen('Beantwoord', '6.3', 'P1Y', 'Wij hebben uw vraag beantwoord.', 'We have answered your question.'),
      vernietigen('Doorverwezen', '6.3', 'P1Y', 'Wij hebben u doorverwezen naar de juiste organisatie.', 'We have referred you to the right organisation.'),
    ],
  },
  {
    code: 'melding-openbare-ruimte',
    naam: { nl: 'Melding openbare ruimte', en: 'Report about public space' },
    omschrijving: {
      nl: 'U meldt iets over straat, groen, verlichting of afval. Wij lossen het binnen 10 werkdagen op, of laten weten wanneer het wel kan.',
      en: 'You report something about streets, greenery, lighting or waste. We fix it within 10 working days, or tell you when we can.',
    },
    rechtsgrond: 'Servicenorm gemeente (Kader voor dienstverlening 2023-2027)',
    norm: '10wd',
    opschortingToegestaan: true,
    maxVerlenging: '10wd',
    vertrouwelijkheid: 'openbaar',
    geldigVanaf: '2026-01-01',
    team: 'Openbare ruimte',
    statustypen: [
      ONTVANGEN,
      status('Ingepland', 'Wij hebben het werk ingepland.', 'We have scheduled the work.', true),
      status('In uitvoering', 'Wij zijn ermee bezig.', 'We are working on it.'),
      AFGEHANDELD,
    ],
    resultaattypen: [
      vernietigen('Opgelost', '15.1', 'P5Y', 'Het probleem is opgelost.', 'The problem has been solved.'),
      vernietigen('Niet opgelost', '15.1', 'P5Y', 'Wij kunnen het probleem niet oplossen. In de toelichting leest u waarom.', 'We cannot solve the problem. The explanation tells you why.'),
      vernietigen('Doorgestuurd naar partner', '15.1', 'P5Y', 'Een partner van de gemeente lost het op.', 'A partner of the municipality will solve it.'),
      // Merged into another melding about the same problem (ADR 0074); the toelichting names that melding.
      vernietigen('Dubbel', '15.1', 'P5Y', 'Uw melding gaat over hetzelfde als een andere melding. Wij werken daar verder aan.', 'Your report is about the same problem as another report. We continue our work there.'),
    ],
  },
  {
    code: 'klacht',
    naam: { nl: 'Klacht', en: 'Complaint' },
    omschrijving: {
      nl: 'U bent niet tevreden over hoe de gemeente u heeft behandeld. Wij nemen contact met u op en handelen uw klacht binnen 6 weken af.',
      en: 'You are not happy with how the municipality treated you. We contact you and handle your complaint within 6 weeks.',
    },
    rechtsgrond: 'Awb hoofdstuk 9 (klachtbehandeling); termijn art. 9:11, verdaging met hoogstens 4 weken',
    norm: 'P6W',
    opschortingToegestaan: false,
    maxVerlenging: 'P4W',
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Juridische zaken',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw klacht ontvangen.', 'We have received your complaint.'),
      status('In behandeling', 'Een klachtbehandelaar bekijkt uw klacht.', 'A complaints officer is looking at your complaint.', true),
      status('Horen', 'Wij willen graag met u praten over uw klacht.', 'We would like to talk with you about your complaint.', true),
      status('Afgehandeld', 'Uw klacht is afgehandeld. U krijgt een brief met onze conclusie.', 'Your complaint has been handled. You will get a letter with our conclusion.', true),
    ],
    resultaattypen: [
      vernietigen('Gegrond', '13.1', 'P5Y', 'Uw klacht is gegrond: u heeft gelijk.', 'Your complaint is justified.'),
      vernietigen('Deels gegrond', '13.1', 'P5Y', 'Uw klacht is voor een deel gegrond.', 'Your complaint is partly justified.'),
      vernietigen('Ongegrond', '13.1', 'P5Y', 'Uw klacht is ongegrond.', 'Your complaint is not justified.'),
      vernietigen('Naar tevredenheid opgelost', '13.1', 'P5Y', 'Wij hebben uw klacht samen met u opgelost.', 'We solved your complaint together with you.'),
      vernietigen('Niet in behandeling genomen', '13.4', 'P1Y', 'Wij hebben uw klacht niet in behandeling genomen. In de brief leest u waarom.', 'We did not handle your complaint. The letter tells you why.'),
    ],
  },
  {
    code: 'bezwaar',
    naam: { nl: 'Bezwaar', en: 'Objection' },
    omschrijving: {
      nl: 'U bent het niet eens met een besluit van de gemeente. Wij beslissen binnen 6 weken na het einde van de bezwaartermijn.',
      en: 'You disagree with a decision of the municipality. We decide within 6 weeks after the objection period ends.',
    },
    rechtsgrond: 'Awb art. 7:10 lid 1 (6 weken), verdaging lid 3 (hoogstens 6 weken)',
    norm: 'P6W',
    opschortingToegestaan: true,
    maxVerlenging: 'P6W',
    // 7:10 lid 1: from the end of the bezwaartermijn; 12 weeks when an adviescommissie is announced.
    termijnStart: 'gebeurtenis',
    normKeuze: ['P12W'],
    vertrouwelijkheid: 'vertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Juridische zaken',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw bezwaar ontvangen.', 'We have received your objection.'),
      status('In behandeling', 'Wij bekijken uw bezwaar.', 'We are reviewing your objection.', true),
      status('Horen', 'U wordt uitgenodigd om uw bezwaar toe te lichten.', 'You are invited to explain your objection.', true),
      status('Besluit', 'Wij nemen een besluit op uw bezwaar.', 'We are making a decision on your objection.'),
      status('Afgehandeld', 'Er is een besluit op uw bezwaar. U krijgt het per post.', 'There is a decision on your objection. You will get it by post.', true),
    ],
    resultaattypen: [
      vernietigen('Gegrond', '13.1', 'P5Y', 'Uw bezwaar is gegrond.', 'Your objection is upheld.'),
      vernietigen('Deels gegrond', '13.1', 'P5Y', 'Uw bezwaar is voor een deel gegrond.', 'Your objection is partly upheld.'),
      vernietigen('Ongegrond', '13.1', 'P5Y', 'Uw bezwaar is ongegrond.', 'Your objection is rejected.'),
      vernietigen('Niet-ontvankelijk', '13.4', 'P1Y', 'Wij kunnen uw bezwaar niet behandelen. In het besluit leest u waarom.', 'We cannot consider your objection. The decision tells you why.'),
      vernietigen('Ingetrokken', '13.1', 'P5Y', 'U heeft uw bezwaar ingetrokken.', 'You withdrew your objection.'),
    ],
  },
  {
    code: 'bezwaar-adviescommissie',
    naam: { nl: 'Bezwaar met adviescommissie', en: 'Objection with advisory committee' },
    omschrijving: {
      nl: 'U bent het niet eens met een besluit. Een onafhankelijke commissie geeft advies. Wij beslissen binnen 12 weken na het einde van de bezwaartermijn.',
      en: 'You disagree with a decision. An independent committee gives advice. We decide within 12 weeks after the objection period ends.',
    },
    rechtsgrond: 'Awb art. 7:10 lid 1 (12 weken bij een adviescommissie, art. 7:13), verdaging lid 3 (hoogstens 6 weken)',
    norm: 'P12W',
    opschortingToegestaan: true,
    maxVerlenging: 'P6W',
    vertrouwelijkheid: 'vertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Juridische zaken',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw bezwaar ontvangen.', 'We have received your objection.'),
      status('In behandeling', 'Wij bekijken uw bezwaar.', 'We are reviewing your objection.', true),
      status('Hoorzitting', 'De bezwaarcommissie nodigt u uit voor een hoorzitting.', 'The objections committee invites you to a hearing.', true),
      status('Advies commissie', 'De commissie geeft advies aan het college.', 'The committee is advising the board.', true),
      status('Besluit', 'Het college neemt een besluit op uw bezwaar.', 'The board is deciding on your objection.'),
      status('Afgehandeld', 'Er is een besluit op uw bezwaar. U krijgt het per post.', 'There is a decision on your objection. You will get it by post.', true),
    ],
    resultaattypen: [
      vernietigen('Gegrond', '13.1', 'P5Y', 'Uw bezwaar is gegrond.', 'Your objection is upheld.'),
      vernietigen('Ongegrond', '13.1', 'P5Y', 'Uw bezwaar is ongegrond.', 'Your objection is rejected.'),
      vernietigen('Niet-ontvankelijk', '13.4', 'P1Y', 'Wij kunnen uw bezwaar niet behandelen. In het besluit leest u waarom.', 'We cannot consider your objection. The decision tells you why.'),
    ],
  },
  {
    code: 'aanvraag-beschikking',
    naam: { nl: 'Aanvraag met beschikking', en: 'Application with a decision' },
    omschrijving: {
      nl: 'U vraagt iets aan waarover de gemeente een besluit neemt. Wij beslissen binnen 8 weken. Hebben wij meer tijd nodig, dan laten wij u dat weten.',
      en: 'You apply for something the municipality decides on. We decide within 8 weeks. If we need more time, we will let you know.',
    },
    rechtsgrond: 'Awb art. 4:13 (redelijke termijn, uiterlijk 8 weken); verdaging art. 4:14; opschorting art. 4:15',
    norm: 'P8W',
    opschortingToegestaan: true,
    maxVerlenging: 'P8W',
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Vergunningen',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw aanvraag ontvangen.', 'We have received your application.'),
      status('In behandeling', 'Wij beoordelen uw aanvraag.', 'We are assessing your application.', true),
      status('Besluit', 'Wij nemen een besluit over uw aanvraag.', 'We are making a decision on your application.'),
      status('Afgehandeld', 'Er is een besluit over uw aanvraag.', 'There is a decision on your application.', true),
    ],
    resultaattypen: [
      vernietigen('Verleend', '5.1', 'P10Y', 'Uw aanvraag is toegekend.', 'Your application has been granted.'),
      vernietigen('Geweigerd', '5.1', 'P5Y', 'Uw aanvraag is afgewezen. In het besluit leest u waarom.', 'Your application has been refused. The decision tells you why.'),
      vernietigen('Buiten behandeling gelaten', '5.1', 'P1Y', 'Wij hebben uw aanvraag niet behandeld, omdat informatie ontbrak.', 'We did not process your application because information was missing.'),
      vernietigen('Ingetrokken', '5.1', 'P1Y', 'U heeft uw aanvraag ingetrokken.', 'You withdrew your application.'),
    ],
  },
  {
    code: 'parkeervergunning',
    naam: { nl: 'Parkeervergunning', en: 'Parking permit' },
    omschrijving: {
      nl: 'U vraagt een parkeervergunning aan voor bewoners of bedrijven. Wij beslissen binnen 8 weken.',
      en: 'You apply for a parking permit for residents or businesses. We decide within 8 weeks.',
    },
    rechtsgrond: 'Parkeerverordening gemeente; Awb art. 4:13',
    norm: 'P8W',
    opschortingToegestaan: true,
    maxVerlenging: 'P4W',
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Vergunningen',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw aanvraag ontvangen.', 'We have received your application.'),
      status('In behandeling', 'Wij beoordelen uw aanvraag.', 'We are assessing your application.'),
      status('Afgehandeld', 'Er is een besluit over uw parkeervergunning.', 'There is a decision on your parking permit.', true),
    ],
    resultaattypen: [
      vernietigen('Verleend', '5.1', 'P5Y', 'U krijgt de parkeervergunning.', 'You will get the parking permit.'),
      vernietigen('Geweigerd', '5.1', 'P5Y', 'U krijgt geen parkeervergunning. In het besluit leest u waarom.', 'You will not get a parking permit. The decision tells you why.'),
    ],
  },
  {
    code: 'wmo-melding',
    naam: { nl: 'Wmo-melding', en: 'Request for support (Wmo)' },
    omschrijving: {
      nl: 'U meldt dat u hulp of ondersteuning nodig heeft. Binnen 6 weken praten wij met u en onderzoeken wij wat u nodig heeft.',
      en: 'You tell us you need help or support. Within 6 weeks we talk with you and look at what you need.',
    },
    rechtsgrond: 'Wet maatschappelijke ondersteuning 2015, art. 2.3.2 (onderzoek binnen 6 weken na de melding)',
    norm: 'P6W',
    opschortingToegestaan: true,
    maxVerlenging: null,
    vertrouwelijkheid: 'vertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Sociaal domein',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw melding ontvangen.', 'We have received your request.'),
      status('Gesprek', 'Een consulent maakt een afspraak voor een gesprek met u.', 'A consultant will make an appointment to talk with you.', true),
      status('Onderzoek', 'Wij onderzoeken welke ondersteuning past.', 'We are looking at which support fits you.'),
      status('Verslag', 'U krijgt het verslag van het gesprek.', 'You will get the report of the conversation.', true),
      status('Afgehandeld', 'Het onderzoek is klaar.', 'The investigation is complete.', true),
    ],
    resultaattypen: [
      vernietigen('Ondersteuning nodig', '7.1', 'P10Y', 'U kunt een aanvraag doen voor ondersteuning.', 'You can apply for support.'),
      vernietigen('Geen ondersteuning nodig', '7.1', 'P10Y', 'U heeft geen ondersteuning van de gemeente nodig.', 'You do not need support from the municipality.'),
      vernietigen('Ingetrokken', '7.1', 'P1Y', 'U heeft uw melding ingetrokken.', 'You withdrew your request.'),
    ],
  },
  {
    code: 'vraag',
    naam: { nl: 'Vraag aan de gemeente', en: 'Question to the municipality' },
    omschrijving: {
      nl: 'U stelt ons een vraag met het formulier op de website. U krijgt binnen 5 werkdagen antwoord.',
      en: 'You ask us a question with the form on the website. You get an answer within 5 working days.',
    },
    rechtsgrond: 'Servicenorm gemeente (Kader voor dienstverlening 2023-2027)',
    norm: '5wd',
    opschortingToegestaan: false,
    maxVerlenging: null,
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Klantcontactcentrum',
    statustypen: [ONTVANGEN, status('In behandeling', 'Wij zoeken het antwoord voor u uit.', 'We are looking into your question.'), AFGEHANDELD],
    resultaattypen: [
      vernietigen('Beantwoord', '6.3', 'P1Y', 'Wij hebben uw vraag beantwoord.', 'We have answered your question.'),
      vernietigen('Doorverwezen', '6.3', 'P1Y', 'Wij hebben u doorverwezen naar de juiste organisatie.', 'We have referred you to the right organisation.'),
    ],
  },
  // Burgerzaken (the balie is part of the Klantcontactcentrum in the demo); classes to be confirmed by the archivist.
  {
    code: 'rijbewijs-verlengen',
    naam: { nl: 'Rijbewijs verlengen', en: 'Driving licence renewal' },
    omschrijving: {
      nl: 'U vraagt een nieuw rijbewijs aan. Na ongeveer 5 werkdagen haalt u het op aan de balie.',
      en: 'You apply for a new driving licence. After about 5 working days you collect it at the desk.',
    },
    rechtsgrond: 'Wegenverkeerswet 1994, art. 107 e.v.; Reglement rijbewijzen',
    norm: '5wd',
    opschortingToegestaan: false,
    maxVerlenging: null,
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Klantcontactcentrum',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw aanvraag ontvangen.', 'We have received your application.'),
      status('In behandeling', 'Wij vragen uw rijbewijs aan bij de RDW.', 'We are ordering your licence from the RDW.'),
      status('Afgehandeld', 'Uw rijbewijs ligt klaar. Maak een afspraak om het op te halen.', 'Your licence is ready. Make an appointment to collect it.', true),
    ],
    resultaattypen: [
      vernietigen('Verstrekt', '7.1', 'P11Y', 'U heeft uw nieuwe rijbewijs.', 'You have your new driving licence.'),
      vernietigen('Niet verstrekt', '7.1', 'P11Y', 'U krijgt geen nieuw rijbewijs. U hoort waarom.', 'You will not get a new licence. We tell you why.'),
    ],
  },
  {
    code: 'huwelijk-melding',
    naam: { nl: 'Melding voorgenomen huwelijk of partnerschap', en: 'Notice of intended marriage or partnership' },
    omschrijving: {
      nl: 'U meldt dat u wilt trouwen of een geregistreerd partnerschap wilt aangaan. Wij controleren de gegevens van u, uw partner en de getuigen.',
      en: 'You tell us you want to marry or enter a registered partnership. We check the details of you, your partner and the witnesses.',
    },
    rechtsgrond: 'Burgerlijk Wetboek Boek 1, art. 1:43 en 1:80a',
    norm: 'P2W',
    opschortingToegestaan: false,
    maxVerlenging: null,
    vertrouwelijkheid: 'zaakvertrouwelijk',
    geldigVanaf: '2026-01-01',
    team: 'Klantcontactcentrum',
    statustypen: [
      status('Ontvangen', 'Wij hebben uw melding ontvangen.', 'We have received your notice.'),
      status('Onderzoek', 'Wij controleren de gegevens.', 'We are checking the details.'),
      status('Afgehandeld', 'De melding is in orde. U kunt trouwen op de datum die u koos.', 'The notice is in order. You can marry on the date you chose.', true),
    ],
    resultaattypen: [
      vernietigen('Akte van melding opgemaakt', '7.1', 'P1Y', 'De melding is in orde.', 'The notice is in order.'),
      vernietigen('Niet in orde', '7.1', 'P1Y', 'De melding is niet in orde. U hoort waarom.', 'The notice is not in order. We tell you why.'),
    ],
  },
];
