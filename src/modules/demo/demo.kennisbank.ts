/**
 * Demo articles of the knowledge base (ADR 0049): a small, realistic set per demo gemeente, owned
 * by its teams. Texts are general guidance written for the demo, not a gemeente's published
 * information; links go to national pages. `herzien` is the review date in days from the day the
 * demo is loaded (negative: already past, so the owners' list "te herzien" is not empty).
 */
import type { ArtikelInhoud } from '../kennisbank/kennisbank.repository.ts';

/** An article's content with the team by name and the review date in days from loading. */
export type DemoKennisartikel = Omit<ArtikelInhoud, 'teamId' | 'herzienOp'> & { gemeente: string; team: string; herzien: number };

const algemeen = (gemeente: string): DemoKennisartikel[] => [
  {
    gemeente,
    team: 'Klantcontactcentrum',
    soort: 'vraag-antwoord',
    onderwerp: 'Paspoort en identiteitskaart',
    titel: 'Hoe vraag ik een paspoort of identiteitskaart aan?',
    inhoud:
      'De inwoner maakt een afspraak aan de balie (online of telefonisch) en neemt mee: het oude document, een pasfoto die aan de eisen voldoet en een betaalpas. Het document is meestal na 5 werkdagen klaar en wordt persoonlijk opgehaald. Bij spoed: verwijs naar de spoedaanvraag op de website.',
    trefwoorden: 'id-kaart reisdocument pas verlopen aanvragen ophalen pasfoto',
    url: null,
    herzien: 120,
  },
  {
    gemeente,
    team: 'Klantcontactcentrum',
    soort: 'webpagina',
    onderwerp: 'Paspoort en identiteitskaart',
    titel: 'Paspoort en identiteitskaart (Rijksoverheid)',
    inhoud: 'Landelijke informatie over geldigheid, kosten en reizen met kinderen.',
    trefwoorden: 'reisdocument geldigheid kinderen',
    url: 'https://www.rijksoverheid.nl/onderwerpen/paspoort-en-identiteitskaart',
    herzien: 200,
  },
  {
    gemeente,
    team: 'Klantcontactcentrum',
    soort: 'werkinstructie',
    onderwerp: 'Verhuizen',
    titel: 'Werkinstructie: verhuizing doorgeven aan de telefoon',
    inhoud:
      '1. Vraag of de inwoner naar, binnen of uit de gemeente verhuist. 2. Verwijs naar het online formulier (inloggen met DigiD); doorgeven kan vanaf 4 weken voor tot 5 dagen na de verhuisdatum. 3. Zonder DigiD: maak een afspraak aan de balie. 4. Leg het gesprek vast als klantcontact met onderwerp Verhuizen.',
    trefwoorden: 'adreswijziging inschrijven brp verhuisdatum digid',
    url: null,
    herzien: -10,
  },
  {
    gemeente,
    team: 'Openbare ruimte',
    soort: 'vraag-antwoord',
    onderwerp: 'Afval',
    titel: 'Mijn container is niet geleegd, wat nu?',
    inhoud:
      'Vraag of de container op tijd (voor 7.30 uur) aan de straat stond met de handgreep naar de weg. Zo ja: maak een melding openbare ruimte aan; de container wordt binnen 2 werkdagen alsnog geleegd. Zo nee: de container gaat mee bij de volgende ophaaldag.',
    trefwoorden: 'vuilnisbak kliko restafval gft papier niet opgehaald',
    url: null,
    herzien: 60,
  },
  {
    gemeente,
    team: 'Openbare ruimte',
    soort: 'vraag-antwoord',
    onderwerp: 'Afval',
    titel: 'Hoe laat ik grofvuil ophalen?',
    inhoud:
      'Grofvuil wordt op afspraak aan huis opgehaald. De inwoner maakt de afspraak online of via het KCC. Zet het grofvuil de avond ervoor aan de straat, gebundeld en niet zwaarder dan 25 kilo per stuk. Het afvalbrengstation neemt grofvuil ook aan.',
    trefwoorden: 'grof huisvuil meubels bank matras ophalen afspraak milieustraat',
    url: null,
    herzien: 90,
  },
  {
    gemeente,
    team: 'Openbare ruimte',
    soort: 'werkinstructie',
    onderwerp: 'Openbare verlichting',
    titel: 'Werkinstructie: lantaarnpaal kapot',
    inhoud:
      'Vraag naar de plek (straat en huisnummer of het nummer op de paal) en wat er mis is (uit, knippert, beschadigd). Maak een melding openbare ruimte aan. Bij gevaar (paal scheef, losse draden): doorverbinden met de piketdienst.',
    trefwoorden: 'straatverlichting lamp licht paal defect storing',
    url: null,
    herzien: 30,
  },
  {
    gemeente,
    team: 'Vergunningen',
    soort: 'vraag-antwoord',
    onderwerp: 'Parkeren',
    titel: 'Hoe vraag ik een parkeervergunning aan?',
    inhoud:
      'Bewoners van een gebied met betaald parkeren vragen de vergunning online aan met DigiD. Per adres geldt een maximum aantal vergunningen. Het kenteken moet op naam van de aanvrager staan, of de inwoner toont aan dat hij de auto van de zaak of van een lease-maatschappij gebruikt.',
    trefwoorden: 'parkeren vergunning auto kenteken bewonersvergunning',
    url: null,
    herzien: 45,
  },
  {
    gemeente,
    team: 'Juridische zaken',
    soort: 'vraag-antwoord',
    onderwerp: 'Klachten',
    titel: 'Hoe dien ik een klacht in over de gemeente?',
    inhoud:
      'Een klacht gaat over hoe een medewerker of de gemeente zich heeft gedragen. De inwoner dient hem in via het klachtenformulier, per brief of aan de telefoon (het KCC registreert dan een zaak van het type klacht). De gemeente bevestigt de ontvangst en handelt de klacht binnen 6 weken af (Awb art. 9:11). Gaat het om een besluit, dan is bezwaar de weg.',
    trefwoorden: 'klacht ontevreden behandeling bejegening klachtenregeling',
    url: null,
    herzien: 180,
  },
  {
    gemeente,
    team: 'Sociaal domein',
    soort: 'werkinstructie',
    onderwerp: 'Wmo',
    titel: 'Werkinstructie: vraag om hulp bij het huishouden (Wmo)',
    inhoud:
      'Vraag naar naam, adres en telefoonnummer en wat de inwoner nodig heeft. Maak een contactverzoek aan team Sociaal domein: een consulent belt binnen 2 werkdagen terug voor een keukentafelgesprek. Geef geen toezeggingen over de uitkomst.',
    trefwoorden: 'wmo huishoudelijke hulp zorg ondersteuning keukentafelgesprek consulent',
    url: null,
    herzien: -3,
  },
];

/** Every demo article, per demo gemeente (the team names are those of DEMO_TEAMS and DEMO_ZAAKTEAMS). */
export const DEMO_KENNISARTIKELEN: DemoKennisartikel[] = [
  ...algemeen('GM0384'),
  ...algemeen('GM0437').filter((a) => a.team !== 'Sociaal domein'),
  ...algemeen('GM0451').filter((a) => ['Klantcontactcentrum', 'Openbare ruimte'].includes(a.team)),
];
