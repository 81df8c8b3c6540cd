import type { Definitie } from '../formulieren/formulieren.schemas.ts';

/**
 * The demo's forms (issue 14, ADR 0064), the same for the three demo gemeenten, each published
 * for the named zaaktype's version: a question to the gemeente, a Wmo-melding, renewing a driving
 * licence (then an appointment to collect it) and the notice of an intended marriage or
 * partnership (partners, 2 to 4 witnesses, then the ceremony booking). Texts in B1, nl and en.
 * Definitions are input (checked by definitieSchema when loaded), so defaults may be left out.
 */
type DemoDefinitie = Omit<Definitie, 'contact'> & { contact: Definitie['contact'] };

const tt = (nl: string, en: string) => ({ nl, en });
const jaNee = (id: string, nl: string, en: string) => ({ id, soort: 'ja-nee' as const, label: tt(nl, en), verplicht: true });
const naam = (id: string, nl = 'Wat is uw naam?', en = 'What is your name?') => ({ id, soort: 'tekst' as const, label: tt(nl, en), verplicht: true });
const geboortedatum = (id: string, nl = 'Wat is uw geboortedatum?', en = 'What is your date of birth?') => ({ id, soort: 'datum' as const, label: tt(nl, en), datum: 'verleden' as const, verplicht: true });
const email = (id = 'email') => ({
  id,
  soort: 'email' as const,
  label: tt('Wat is uw e-mailadres?', 'What is your e-mail address?'),
  hulp: tt('Hierop krijgt u een bevestiging en een link om uw zaak te volgen.', 'You get a confirmation there and a link to follow your case.'),
  verplicht: true,
});
const telefoon = (verplicht = false) => ({ id: 'telefoon', soort: 'telefoon' as const, label: tt('Wat is uw telefoonnummer?', 'What is your phone number?'), verplicht });
const bsn = (id: string, nl = 'Wat is uw burgerservicenummer (BSN)?', en = 'What is your citizen service number (BSN)?') => ({
  id,
  soort: 'bsn' as const,
  label: tt(nl, en),
  hulp: tt('Dit nummer staat op uw paspoort, ID-kaart of rijbewijs. Het heeft 9 cijfers.', 'This number is on your passport, ID card or driving licence. It has 9 digits.'),
  verplicht: true,
});
const adres = (id: string, nl = 'Wat is uw adres?', en = 'What is your address?') => ({ id, soort: 'adres' as const, label: tt(nl, en), verplicht: true });
const toestemming = (nl: string, en: string) => ({ id: 'toestemming', soort: 'toestemming' as const, label: tt(nl, en), verplicht: true });

const getuige = (n: number, toonAls?: { veld: string; is: string[] }) => [
  { id: `getuige-${n}-naam`, soort: 'tekst' as const, label: tt(`Naam van getuige ${n}`, `Name of witness ${n}`), verplicht: true, ...(toonAls ? { toonAls } : {}) },
  { id: `getuige-${n}-geboortedatum`, soort: 'datum' as const, label: tt(`Geboortedatum van getuige ${n}`, `Date of birth of witness ${n}`), datum: 'verleden' as const, verplicht: true, ...(toonAls ? { toonAls } : {}) },
  { id: `getuige-${n}-adres`, soort: 'adres' as const, label: tt(`Adres van getuige ${n}`, `Address of witness ${n}`), verplicht: true, ...(toonAls ? { toonAls } : {}) },
];

export const DEMO_FORMULIEREN: { code: string; zaaktype: string; product: string | null; definitie: DemoDefinitie }[] = [
  {
    code: 'vraag',
    zaaktype: 'vraag',
    product: null,
    definitie: {
      titel: tt('Stel een vraag aan de gemeente', 'Ask the municipality a question'),
      inleiding: tt('Heeft u een vraag? Stel hem hier. U krijgt binnen 5 werkdagen antwoord.', 'Do you have a question? Ask it here. You get an answer within 5 working days.'),
      stappen: [
        {
          id: 'vraag',
          titel: tt('Uw vraag', 'Your question'),
          velden: [
            { id: 'onderwerp', soort: 'tekst', label: tt('Waar gaat uw vraag over?', 'What is your question about?'), hulp: tt('In een paar woorden, bijvoorbeeld: afvalpas.', 'In a few words, for example: waste pass.'), max: 100, verplicht: true },
            { id: 'vraag', soort: 'lange-tekst', label: tt('Wat is uw vraag?', 'What is your question?'), verplicht: true },
          ],
        },
        {
          id: 'contact',
          titel: tt('Uw gegevens', 'Your details'),
          velden: [
            naam('naam'),
            email(),
            telefoon(),
            {
              id: 'antwoord-via',
              soort: 'keuze',
              label: tt('Hoe wilt u antwoord?', 'How do you want the answer?'),
              opties: [
                { waarde: 'email', label: tt('Per e-mail', 'By e-mail') },
                { waarde: 'telefoon', label: tt('Wij bellen u', 'We call you') },
              ],
              verplicht: true,
            },
          ],
        },
      ],
      contact: { naam: 'naam', email: 'email', telefoon: 'telefoon' },
      onderwerp: 'onderwerp',
    },
  },
  {
    code: 'wmo-melding',
    zaaktype: 'wmo-melding',
    product: 'wmo-ondersteuning',
    definitie: {
      titel: tt('Hulp of ondersteuning melden (Wmo)', 'Report that you need help or support (Wmo)'),
      inleiding: tt(
        'Heeft u hulp nodig om thuis te blijven wonen of om mee te doen? Meld het hier. Binnen 6 weken praten wij met u over wat u nodig heeft.\n\nU kunt het formulier tussendoor bewaren en later afmaken.',
        'Do you need help to keep living at home or to take part? Report it here. Within 6 weeks we talk with you about what you need.\n\nYou can save the form and finish it later.',
      ),
      stappen: [
        {
          id: 'voor-wie',
          titel: tt('Voor wie is de hulp?', 'Who is the help for?'),
          velden: [
            {
              id: 'voor-wie',
              soort: 'keuze',
              label: tt('Voor wie vraagt u hulp?', 'Who do you ask help for?'),
              opties: [
                { waarde: 'mijzelf', label: tt('Voor mijzelf', 'For myself') },
                { waarde: 'ander', label: tt('Voor iemand anders, bijvoorbeeld mijn moeder', 'For someone else, for example my mother') },
              ],
              verplicht: true,
            },
          ],
        },
        {
          id: 'melder',
          titel: tt('Uw gegevens', 'Your details'),
          toonAls: { veld: 'voor-wie', is: 'ander' },
          velden: [
            naam('melder-naam'),
            { id: 'relatie', soort: 'tekst', label: tt('Wat bent u van de persoon die hulp nodig heeft?', 'How are you related to the person who needs help?'), hulp: tt('Bijvoorbeeld: dochter, buurman of mantelzorger.', 'For example: daughter, neighbour or carer.'), verplicht: true },
          ],
        },
        {
          id: 'persoon',
          titel: tt('Wie heeft hulp nodig?', 'Who needs help?'),
          velden: [
            naam('naam', 'Wat is de naam van wie hulp nodig heeft?', 'What is the name of the person who needs help?'),
            geboortedatum('geboortedatum', 'Wat is de geboortedatum?', 'What is the date of birth?'),
            bsn('bsn', 'Wat is het burgerservicenummer (BSN)?', 'What is the citizen service number (BSN)?'),
            adres('adres', 'Op welk adres woont deze persoon?', 'At which address does this person live?'),
          ],
        },
        {
          id: 'hulp',
          titel: tt('Welke hulp?', 'Which help?'),
          velden: [
            {
              id: 'soort-hulp',
              soort: 'meerkeuze',
              label: tt('Waarbij is hulp nodig?', 'What is help needed with?'),
              opties: [
                { waarde: 'huishouden', label: tt('Het huishouden', 'Housework') },
                { waarde: 'vervoer', label: tt('Vervoer, bijvoorbeeld een scootmobiel of taxi', 'Transport, for example a mobility scooter or taxi') },
                { waarde: 'woning', label: tt('De woning aanpassen', 'Adapting the home') },
                { waarde: 'begeleiding', label: tt('Begeleiding of dagbesteding', 'Guidance or day activities') },
                { waarde: 'mantelzorg', label: tt('Hulp voor de mantelzorger', 'Help for the carer') },
                { waarde: 'anders', label: tt('Iets anders', 'Something else') },
              ],
              verplicht: true,
            },
            { id: 'situatie', soort: 'lange-tekst', label: tt('Vertel wat er aan de hand is', 'Tell us what is going on'), hulp: tt('Wat lukt niet meer? Wie helpt nu al?', 'What no longer works? Who already helps?'), max: 2000, verplicht: true },
            jaNee('spoed', 'Is de hulp heel dringend?', 'Is the help very urgent?'),
          ],
        },
        {
          id: 'contact',
          titel: tt('Hoe bereiken wij u?', 'How do we reach you?'),
          velden: [email(), telefoon(true)],
        },
        {
          id: 'toestemming',
          titel: tt('Toestemming', 'Permission'),
          velden: [
            toestemming(
              'Mogen wij de gegevens gebruiken om de hulp te onderzoeken? Wij vragen zo nodig informatie aan de huisarts of zorgverlener.',
              'May we use the details to look into the help? If needed we ask the GP or care provider for information.',
            ),
          ],
        },
      ],
      contact: { naam: 'naam', email: 'email', telefoon: 'telefoon' },
    },
  },
  {
    code: 'rijbewijs-verlengen',
    zaaktype: 'rijbewijs-verlengen',
    product: 'rijbewijs-verlengen',
    definitie: {
      titel: tt('Rijbewijs verlengen', 'Renew your driving licence'),
      inleiding: tt(
        'Vraag hier een nieuw rijbewijs aan. Na ongeveer 5 werkdagen haalt u het op aan de balie. Daarvoor maakt u na het versturen een afspraak.',
        'Apply for a new driving licence here. After about 5 working days you collect it at the desk. You make an appointment for that after sending.',
      ),
      stappen: [
        {
          id: 'persoon',
          titel: tt('Uw gegevens', 'Your details'),
          velden: [naam('naam'), geboortedatum('geboortedatum'), bsn('bsn'), email(), telefoon()],
        },
        {
          id: 'rijbewijs',
          titel: tt('Uw rijbewijs', 'Your driving licence'),
          velden: [
            {
              id: 'categorieen',
              soort: 'meerkeuze',
              label: tt('Voor welke voertuigen is uw rijbewijs?', 'Which vehicles is your licence for?'),
              opties: [
                { waarde: 'am', label: tt('AM: bromfiets', 'AM: moped') },
                { waarde: 'a', label: tt('A: motor', 'A: motorcycle') },
                { waarde: 'b', label: tt('B: auto', 'B: car') },
                { waarde: 'be', label: tt('BE: auto met aanhanger', 'BE: car with trailer') },
                { waarde: 'c', label: tt('C: vrachtwagen', 'C: lorry') },
                { waarde: 'd', label: tt('D: bus', 'D: bus') },
              ],
              verplicht: true,
            },
            jaNee('keuring', 'Moest u een gezondheidsverklaring invullen bij het CBR?', 'Did you have to fill in a health declaration at the CBR?'),
          ],
        },
        {
          id: 'keuring',
          titel: tt('Gezondheidsverklaring', 'Health declaration'),
          toonAls: { veld: 'keuring', is: 'ja' },
          velden: [
            jaNee('cbr-goedgekeurd', 'Heeft het CBR u goedgekeurd?', 'Did the CBR approve you?'),
            { id: 'cbr-datum', soort: 'datum', label: tt('Wanneer was dat?', 'When was that?'), datum: 'verleden', verplicht: false },
          ],
        },
        {
          id: 'toestemming',
          titel: tt('Pasfoto en handtekening', 'Photo and signature'),
          velden: [
            toestemming(
              'Mogen wij uw pasfoto en handtekening uit het register van uw vorige rijbewijs gebruiken? Anders neemt u een nieuwe pasfoto mee naar de balie.',
              'May we use your photo and signature from the register of your previous licence? Otherwise bring a new passport photo to the desk.',
            ),
          ],
        },
      ],
      contact: { naam: 'naam', email: 'email', telefoon: 'telefoon' },
      afspraakProduct: 'rijbewijs-verlengen',
    },
  },
  {
    code: 'huwelijk-melding',
    zaaktype: 'huwelijk-melding',
    product: 'huwelijk-partnerschap',
    definitie: {
      titel: tt('Melding voorgenomen huwelijk of partnerschap', 'Notice of intended marriage or partnership'),
      inleiding: tt(
        'Wilt u trouwen of een geregistreerd partnerschap aangaan? Meld het hier, minstens 2 weken en hoogstens 1 jaar van tevoren. Houd de gegevens van uw 2 tot 4 getuigen bij de hand. Na het versturen plant u de ceremonie.',
        'Do you want to marry or enter a registered partnership? Report it here, at least 2 weeks and at most 1 year in advance. Have the details of your 2 to 4 witnesses at hand. After sending you plan the ceremony.',
      ),
      stappen: [
        {
          id: 'soort',
          titel: tt('Huwelijk of partnerschap', 'Marriage or partnership'),
          velden: [
            {
              id: 'soort',
              soort: 'keuze',
              label: tt('Wat wilt u?', 'What do you want?'),
              opties: [
                { waarde: 'huwelijk', label: tt('Trouwen', 'Marry') },
                { waarde: 'partnerschap', label: tt('Geregistreerd partnerschap', 'Registered partnership') },
              ],
              verplicht: true,
            },
            { id: 'datum', soort: 'datum', label: tt('Op welke datum wilt u trouwen?', 'On which date do you want to marry?'), hulp: tt('U kiest de precieze tijd later bij het plannen van de ceremonie.', 'You choose the exact time later when you plan the ceremony.'), datum: 'toekomst', verplicht: true },
          ],
        },
        {
          id: 'partner-1',
          titel: tt('Uw gegevens', 'Your details'),
          velden: [naam('naam'), geboortedatum('geboortedatum'), bsn('bsn'), email(), telefoon(true)],
        },
        {
          id: 'partner-2',
          titel: tt('Gegevens van uw partner', 'Details of your partner'),
          velden: [
            naam('partner-naam', 'Wat is de naam van uw partner?', 'What is the name of your partner?'),
            geboortedatum('partner-geboortedatum', 'Wat is de geboortedatum van uw partner?', "What is your partner's date of birth?"),
            bsn('partner-bsn', 'Wat is het burgerservicenummer (BSN) van uw partner?', "What is your partner's citizen service number (BSN)?"),
          ],
        },
        {
          id: 'aantal-getuigen',
          titel: tt('Getuigen', 'Witnesses'),
          uitleg: tt('U heeft minstens 2 en hoogstens 4 getuigen nodig. Zij zijn 18 jaar of ouder.', 'You need at least 2 and at most 4 witnesses. They are 18 or older.'),
          velden: [
            {
              id: 'aantal-getuigen',
              soort: 'keuze',
              label: tt('Hoeveel getuigen heeft u?', 'How many witnesses do you have?'),
              opties: [
                { waarde: '2', label: tt('2 getuigen', '2 witnesses') },
                { waarde: '3', label: tt('3 getuigen', '3 witnesses') },
                { waarde: '4', label: tt('4 getuigen', '4 witnesses') },
              ],
              verplicht: true,
            },
          ],
        },
        {
          id: 'getuigen',
          titel: tt('Gegevens van de getuigen', 'Details of the witnesses'),
          velden: [...getuige(1), ...getuige(2), ...getuige(3, { veld: 'aantal-getuigen', is: ['3', '4'] }), ...getuige(4, { veld: 'aantal-getuigen', is: ['4'] })],
        },
        {
          id: 'verklaring',
          titel: tt('Verklaring', 'Declaration'),
          velden: [
            toestemming(
              'Verklaart u dat u en uw partner niet getrouwd zijn en geen geregistreerd partnerschap hebben met iemand anders, en dat de gegevens kloppen?',
              'Do you declare that you and your partner are not married to and have no registered partnership with anyone else, and that the details are right?',
            ),
          ],
        },
      ],
      contact: { naam: 'naam', email: 'email', telefoon: 'telefoon' },
      afspraakProduct: 'huwelijk-partnerschap',
    },
  },
];
