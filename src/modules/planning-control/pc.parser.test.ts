import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prng } from './fixtures/prng.ts';
import { PcImportFout } from './pc.errors.ts';
import { formatteerGetal } from './pc.getal.ts';
import type { PcHoofdstuk } from './pc.hoofdstuk.ts';
import { controleer, groepeerKolommen, leesHoofdstuk, normaliseerRegel, parseHoofdstuk, splitsActiviteitregel } from './pc.parser.ts';

const fixture = (naam: string) => readFileSync(fileURLToPath(new URL(`fixtures/${naam}`, import.meta.url)), 'utf8');
// Published documents of Gemeente Diemen, copied into fixtures/ under their seed file names (fixtures/README.md).
const SEEDS = { '000': '2d6363b00e4d6664', '001': '3e20714c8849c17b', '002': '1e8329fce7cbac37', '004': '17b7bede72979279' } as const;
const seed = (prefix: keyof typeof SEEDS): string => fixture(`${prefix}_${SEEDS[prefix]}.txt`);
const BEGROTING_2025 = 'begroting-2025-wonen-en-leefomgeving.txt';
const JAARSTUKKEN_2024 = 'jaarstukken-2024-sociaal-domein.txt';
const VEILIG_2023 = 'jaarstukken-2023-veilig-diemen.txt';
const BEREIKBAARHEID_2026 = 'begroting-2026-bereikbaarheid.txt';
const ECONOMIE_2024 = 'jaarstukken-2024-economie-en-cultuur.txt';

const lees = (tekst: string) => parseHoofdstuk(tekst, { gemeente: 'diemen' });
const fout = (tekst: string): PcImportFout => {
  try {
    lees(tekst);
  } catch (e) {
    if (e instanceof PcImportFout) return e;
    throw e;
  }
  throw new Error('expected a PcImportFout');
};
/** Indicator values as compact rows [kolom, tekst, getal, eenheid, voetnoten, extra]. */
const waarden = (h: PcHoofdstuk, code: string) =>
  h.indicatoren
    .find((i) => i.code === code)
    ?.waarden.map((w) => [w.kolom, w.tekst, w.getal, w.eenheid, w.voetnoten, { ...(w.status ? { status: w.status } : {}), ...(w.reden ? { reden: w.reden } : {}), ...(w.tot === undefined ? {} : { tot: w.tot }) }]);

describe('seed 000: jaarstukken 2023, programme "Samen besturen"', () => {
  const h = lees(seed('000'));

  it('finds programme, soort and jaar from the content', () => {
    expect([h.gemeente, h.programma, h.soort, h.jaar]).toEqual(['diemen', 'Samen besturen', 'jaarstukken', 2023]);
  });

  it('reads every figure of the finance table (11 rows × 5 columns, × € 1.000)', () => {
    expect(h.financien?.eenheid).toBe(1000);
    expect(h.financien?.kolommen).toEqual(['Rekening 2022', 'Begroting 2023 primitief', 'Begroting 2023 totaal', 'Rekening 2023', 'Budget resultaat 2023']);
    expect(h.financien?.regels.map((r) => [r.naam, ...r.bedragen])).toEqual([
      ['Structurele lasten', -13935, -16267, -16177, -16516, -339],
      ['Structurele baten', 722, 464, 594, 817, 223],
      ['Toevoegingen aan reserves', -90, -90, -90, -5015, -4925],
      ['Onttrekkingen aan reserves', 713, 0, 0, 4803, 4803],
      ['Saldo Structureel', -12590, -15893, -15673, -15911, -238],
      ['Incidentele lasten', -704, -664, -1080, -516, 564],
      ['Incidentele baten', 0, 0, 15, 15, 0],
      ['Toevoegingen aan reserves', 0, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', -350, 0, 91, 91, 0],
      ['Saldo Incidenteel', -1054, -664, -974, -410, 564],
      ['Saldo van de baten en lasten', -13644, -16557, -16647, -16321, 326],
    ]);
  });

  it('recomputes the saldi and the budget result; all agree with the document (checked by hand)', () => {
    // 3 saldo rows × 5 columns + budget result for 11 rows.
    expect(h.controles).toHaveLength(26);
    expect(h.controles.filter((c) => !c.ok)).toEqual([]);
    const controle = (regel: string, kolom: string) => h.controles.find((c) => c.regel === regel && c.kolom === kolom);
    // -13.935 + 722 - 90 + 713 = -12.590
    expect(controle('Saldo Structureel', 'Rekening 2022')).toEqual({ regel: 'Saldo Structureel', kolom: 'Rekening 2022', document: -12590, berekend: -12590, verschil: 0, oordeel: 'klopt', ok: true });
    // -516 + 15 + 0 + 91 = -410
    expect(controle('Saldo Incidenteel', 'Rekening 2023')).toMatchObject({ document: -410, berekend: -410, ok: true });
    // -15.911 + -410 = -16.321
    expect(controle('Saldo van de baten en lasten', 'Rekening 2023')).toMatchObject({ document: -16321, berekend: -16321, ok: true });
    // budget result = Rekening 2023 − Begroting 2023 totaal: -5.015 − -90 = -4.925
    expect(h.controles.filter((c) => c.kolom === 'Budget resultaat 2023').map((c) => [c.regel, c.document, c.berekend])).toEqual([
      ['Saldo Structureel', -238, -238],
      ['Saldo Incidenteel', 564, 564],
      ['Saldo van de baten en lasten', 326, 326],
      ['Structurele lasten', -339, -339],
      ['Structurele baten', 223, 223],
      ['Toevoegingen aan reserves', -4925, -4925],
      ['Onttrekkingen aan reserves', 4803, 4803],
      ['Saldo Structureel', -238, -238],
      ['Incidentele lasten', 564, 564],
      ['Incidentele baten', 0, 0],
      ['Toevoegingen aan reserves', 0, 0],
      ['Onttrekkingen aan reserves', 0, 0],
      ['Saldo Incidenteel', 564, 564],
      ['Saldo van de baten en lasten', 326, 326],
    ]);
  });

  it('reads the doelen with their subdoelen', () => {
    expect(h.doelen.map((d) => [d.code, d.naam, d.subdoelen.map((s) => s.code)])).toEqual([
      ['1', 'Samenwerkingsgerichte, verbindende en communicatieve bestuursstijl', ['1.1', '1.2', '1.3', '1.4']],
      ['2', 'Burger is tevreden over dienstverlening die zelfredzaamheid ondersteunt', ['2.1', '2.2', '2.3']],
      ['3', 'Krachtig lokaal bestuur in samenhang met sterke regionale samenwerking', ['3.1', '3.2', '3.3', '3.4']],
    ]);
    expect(h.doelen[0]?.subdoelen[2]?.naam).toBe('Vergroot eigen initiatief en verantwoordelijkheid voor de leefomgeving door (groepen van) bewoners');
    expect(h.doelen[1]?.subdoelen[2]?.naam).toBe('Alle vragen van de burger worden snel afgehandeld');
  });

  it('reads the activiteiten: code, wrapped name, realisation text (also when it starts beside the name)', () => {
    expect(h.activiteiten.map((a) => a.code)).toEqual([
      '1.1.1', '1.2.1', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.4.1', '1.4.2', '2.1.1', '2.1.2', '2.2.1', '3.1.1', '3.2.1', '3.3.1', '3.3.2', '3.4.1', '3.4.2',
    ]);
    const a = (code: string) => h.activiteiten.find((x) => x.code === code);
    expect(a('1.1.1')?.naam).toBe('Bij projecten en nieuw beleid in het startdocument expliciet benoemen van participatie en de participatietrede aangeven');
    expect(a('1.1.1')?.tekst).toBe(
      'Voor diverse projecten is een participatieplan opgesteld, met name bij ontwikkelingsprojecten en bij projecten in de openbare ruimte. We werken op een gestructureerde wijze met de vastgestelde kaders voor participatie en communicatie.',
    );
    expect(a('1.3.3')).toEqual({
      code: '1.3.3',
      naam: 'Samenwerking met SWD versterken door ze te betrekken bij bewonersinitiatieven',
      tekst: 'Eerste contacten tussen intiatievencoördinator en SWD zijn gelegd.',
    });
    expect(a('3.1.1')?.naam).toBe('Vertegenwoordiging in regionale besturen');
    expect(a('3.1.1')?.tekst).toMatch(/^Het college van B&W van de gemeente Diemen vertegenwoordigt Diemen en\/of de Amstelland-gemeenten in enkele regionale besturen\. .* die we hebben\.$/);
    expect(a('2.2.1')?.tekst.split('\n')).toEqual([
      '• Inwoners kunnen online hun rijbewijs verlengen',
      '• Men kan online hun huwelijk of geregistreerd partnerschap aankondigen, en een datum, locatie en babs kiezen.',
      '• Verzoek verstrekkingsbeperking kan online worden aangevraagd.',
      '• Aanvragen lokale voorrang bij woningverhuur kan via een app.',
      '• Via een digitaal formulier inschrijven voor zwemles.',
    ]);
    expect(a('2.1.2')?.tekst.split('\n')).toHaveLength(2);
    expect(a('3.2.1')?.tekst).toContain('evaluatie van Diemen ’22 wilden afwachten');
  });

  it('reads every indicator value: text, number, unit, footnotes', () => {
    expect(h.indicatoren.map((i) => [i.code, i.soort, i.verplicht, i.naam])).toEqual([
      ['1.1.1', 'prestatie', false, '% gegrond verklaarde bezwaarschriften n.a.v. formele behandeling'],
      ['1.1.2', 'prestatie', false, '% ingetrokken bezwaarschriften n.a.v. informele behandeling/mediation'],
      ['1.3.1', 'prestatie', true, '% vertrouwen in de manier waarop gemeente wordt bestuurd'],
      ['2.1', 'effect', false, 'Tevredenheid burger over de dienstverlening'],
      ['2.2', 'effect', false, 'Aantal ontvankelijke klachten over gemeentelijke dienstverlening'],
      ['2.1.1', 'prestatie', false, '% binnenkomende gesprekken KCC binnen 30 seconden beantwoord'],
      ['2.2.1', 'prestatie', false, 'E-mail binnen 5 werkdagen afgehandeld (via info@diemen.nl)'],
      ['A1', 'prestatie', false, 'Waardering inwoners algemene gemeentelijke dienstverlening'],
      ['A2', 'prestatie', false, 'Waardering ondernemers algehele gemeentelijke dienstverlening'],
      ['A3', 'prestatie', true, 'Apparaatskosten per inwoner'],
      ['A4', 'prestatie', false, 'Externe inhuur (Kosten als % van totale loonsom + totale kosten inhuur externen)'],
      ['A5', 'prestatie', true, '% overhead'],
    ]);
    const R22 = 'Realisatie 2022';
    const B23 = 'Begroting 2023';
    const R23 = 'Realisatie 2023';
    const nb = { status: 'NB' };
    const peiling = { status: 'niet beschikbaar', reden: 'de volgende peiling is in 2025, voor het jaar 2024.' };
    const peilingTekst = 'Niet beschikbaar, de volgende peiling is in 2025, voor het jaar 2024.';
    expect(waarden(h, '1.1.1')).toEqual([[R22, 'NB', null, null, [29], nb], [B23, '15%', 15, '%', [], {}], [R23, '0%', 0, '%', [], {}]]);
    expect(waarden(h, '1.1.2')).toEqual([[R22, 'NB', null, null, [29], nb], [B23, '80%', 80, '%', [], {}], [R23, 'NB', null, null, [30], nb]]);
    expect(waarden(h, '1.3.1')).toEqual([[R22, '48%', 48, '%', [], {}], [B23, '50%', 50, '%', [], {}], [R23, '50%', 50, '%', [], {}]]);
    expect(waarden(h, '2.1')).toEqual([[R22, '6,9', 6.9, 'rapportcijfer', [], {}], [B23, '7,0', 7, 'rapportcijfer', [], {}], [R23, peilingTekst, null, null, [], peiling]]);
    expect(waarden(h, '2.2')).toEqual([[R22, '72', 72, 'aantal', [], {}], [B23, '50', 50, 'aantal', [], {}], [R23, 'nnb', null, null, [], { status: 'nnb' }]]);
    expect(waarden(h, '2.1.1')).toEqual([[R22, '71,4%', 71.4, '%', [], {}], [B23, '70-80%', 70, 'bereik', [], { tot: 80 }], [R23, '73,1%', 73.1, '%', [], {}]]);
    expect(waarden(h, '2.2.1')).toEqual([[R22, 'NB', null, null, [31], nb], [B23, '70%', 70, '%', [], {}], [R23, 'NB', null, null, [31], nb]]);
    expect(waarden(h, 'A1')).toEqual([[R22, '6,9', 6.9, 'rapportcijfer', [], {}], [B23, '7,0', 7, 'rapportcijfer', [], {}], [R23, peilingTekst, null, null, [], peiling]]);
    expect(waarden(h, 'A2')).toEqual([[R22, 'NB', null, null, [], nb], [B23, '7,0', 7, 'rapportcijfer', [], {}], [R23, peilingTekst, null, null, [], peiling]]);
    expect(waarden(h, 'A3')).toEqual([[R22, '€ 890', 890, '€', [], {}], [B23, '€ 939', 939, '€', [], {}], [R23, '€ 979', 979, '€', [], {}]]);
    expect(waarden(h, 'A4')).toEqual([[R22, '19 %', 19, '%', [], {}], [B23, '21 %', 21, '%', [], {}], [R23, '22 %', 22, '%', [], {}]]);
    expect(waarden(h, 'A5')).toEqual([[R22, '15 %', 15, '%', [], {}], [B23, '17 %', 17, '%', [], {}], [R23, '13 %', 13, '%', [], {}]]);
  });

  it('reads the footnotes', () => {
    expect(h.voetnoten).toEqual([
      { nummer: 29, tekst: 'Cijfers voor 2022 zijn niet bekend.' },
      { nummer: 30, tekst: 'Cijfers voor 2023 zijn nog niet volledig beschikbaar.' },
      { nummer: 31, tekst: 'Cijfers voor 2022 en 2023 zijn niet bekend.' },
    ]);
  });

  it('warns about exactly the lines it could not place: two differing subdoel names and the chart legend', () => {
    expect(h.waarschuwingen.map((w) => w.regel)).toEqual([116, 135, 303, 305, 307, 308]);
    expect(h.waarschuwingen[0]?.reden).toMatch(/subdoel 2\.1 heet in de lijst van subdoelen/);
    expect(h.waarschuwingen.slice(2).map((w) => w.tekst)).toEqual(['Lasten en baten', 'Lasten Baten', 'Samen besturen', 'Overig']);
  });

  it('a saldo that does not add up is a controle with ok false, never an error', () => {
    const fout = seed('000').replace('Saldo Structureel -12.590', 'Saldo Structureel -12.599');
    const controles = lees(fout).controles.filter((c) => !c.ok);
    expect(controles).toEqual([
      { regel: 'Saldo Structureel', kolom: 'Rekening 2022', document: -12599, berekend: -12590, verschil: -9, oordeel: 'verschil', ok: false },
      // the grand total is recomputed from the saldi as printed: -12.599 + -1.054 = -13.653
      { regel: 'Saldo van de baten en lasten', kolom: 'Rekening 2022', document: -13644, berekend: -13653, verschil: 9, oordeel: 'verschil', ok: false },
    ]);
  });

  it('a difference that rounding to € 1.000 explains is an afrondingsverschil: ok, but shown as such (ADR 0034)', () => {
    // 4 summed cells + the total: up to 2,5 thousand can be rounding; 1 is.
    const fout = seed('000').replace('Saldo Structureel -12.590', 'Saldo Structureel -12.591');
    const { controles } = lees(fout);
    expect(controles.filter((c) => c.oordeel !== 'klopt')).toEqual([
      { regel: 'Saldo Structureel', kolom: 'Rekening 2022', document: -12591, berekend: -12590, verschil: -1, oordeel: 'afrondingsverschil', ok: true },
      { regel: 'Saldo van de baten en lasten', kolom: 'Rekening 2022', document: -13644, berekend: -13645, verschil: 1, oordeel: 'afrondingsverschil', ok: true },
    ]);
    // three below the saldo is more than rounding can explain
    const drie = lees(seed('000').replace('Saldo Structureel -12.590', 'Saldo Structureel -12.593')).controles.find((c) => c.regel === 'Saldo Structureel' && c.kolom === 'Rekening 2022');
    expect(drie).toMatchObject({ verschil: -3, oordeel: 'verschil', ok: false });
  });
});

describe('seed 002: opening pages of programmabegroting 2022', () => {
  const h = lees(seed('002'));

  it('reads programme, concerndirecteuren, visie and the titled sections', () => {
    expect([h.programma, h.soort, h.jaar]).toEqual(['Samen besturen', 'begroting', 2022]);
    expect(h.concerndirecteuren).toEqual(['M.R.A. Cornelissen', 'M. Pronk']);
    expect(h.portefeuillehouders).toEqual([]);
    expect(h.documentstatus).toBeUndefined();
    expect(h.visie).toHaveLength(6);
    expect(h.visie[0]).toBe(
      'De kracht van Diemen is dat het een samenleving is met een schaal waarop mensen dichtbij elkaar zijn en nauw bij elkaar betrokken zijn. De gemeente wil daarin op een geloofwaardige manier ondersteunen en versterken en open en communicatief optreden. Ook wil de gemeente verbinding onderling bevorderen.',
    );
    // The page break left a leading space before "veel aandacht": still one paragraph.
    expect(h.visie[5]).toMatch(/^Om bovenstaande .* Daarnaast is er veel aandacht en ruimte .* behoren tot de acties\.$/);
    expect(h.paragrafen.map((p) => [p.titel, p.tekst.length])).toEqual([
      ['Doelstellingen in één oogopslag', 0],
      ["Kaderstellende beleidsnota's", 8],
      ['Structurele gevolgen Jaarstukken 2020', 1],
    ]);
    expect(h.paragrafen[1]?.tekst[0]).toBe('• Beleidsnota Burgerparticipatie in Diemen; beleidsnota over het betrekken van burgers bij beleids- en besluitvorming, april 2013;');
    expect(h.paragrafen[1]?.tekst[4]).toBe('• Raamnotitie personeelbeleid en daaraan voorafgaande en afgeleide beleidsnotities en personeelinstrumenten, samengevat in de DVA TPO 2011;');
    expect(h.financien).toBeNull();
    expect(h.waarschuwingen).toEqual([]);
  });
});

describe('seed 004: opening of programmabegroting 2024', () => {
  const h = lees(seed('004'));

  it('reads title, version with date, programme, portefeuillehouders and visie', () => {
    expect([h.programma, h.soort, h.jaar]).toEqual(['Samen besturen', 'begroting', 2024]);
    expect(h.documentstatus).toEqual({ tekst: 'Vastgesteld door Raad', datum: '2023-11-09' });
    expect(h.portefeuillehouders).toEqual(['E. Boog', 'H. Prins']);
    expect(h.concerndirecteuren).toEqual([]);
    expect(h.visie).toHaveLength(6);
    expect(h.visie[4]).toContain('In 2023 wordt het ontwikkeltraject geëvalueerd.');
    expect(h.waarschuwingen).toEqual([]);
  });
});

describe('synthetic begroting 2025 "Wonen en leefomgeving" (other programme, other columns)', () => {
  const h = lees(fixture(BEGROTING_2025));

  it('reads the preamble, with PDF artefacts normalised', () => {
    expect([h.programma, h.soort, h.jaar]).toEqual(['Wonen en leefomgeving', 'begroting', 2025]);
    expect(h.documentstatus).toEqual({ tekst: 'Ontwerp', datum: '2024-09-17' });
    expect(h.portefeuillehouders).toEqual(['A. de Vries', 'K. Ouali', 'P. Smit']);
    expect(h.concerndirecteuren).toEqual(['R. Bakker']);
    expect(h.visie).toEqual([
      'Diemen groeit. We willen dat iedereen in Diemen een passende woning kan vinden en dat de openbare ruimte schoon, heel en veilig is. Daarvoor werken we samen met corporaties, ontwikkelaars en bewoners.',
      'We kiezen voor duurzaam bouwen en voor groen in de wijk. De leefomgeving is van iedereen; bewoners denken mee over de inrichting van hun straat.',
    ]);
    expect(h.paragrafen).toEqual([
      {
        titel: "Kaderstellende beleidsnota's",
        tekst: [
          '• Woonvisie Diemen 2021-2030;',
          '• Beleidsplan openbare ruimte 2022, met het bijbehorende kwaliteitsniveau per gebied en de onderhoudsplanning;',
          '• Groenbeleidsplan 2019.',
        ],
      },
    ]);
  });

  it('reads a finance table with a multi-year estimate and finds the deliberate mismatch', () => {
    expect(h.financien?.kolommen).toEqual(['Rekening 2023', 'Begroting 2024', 'Begroting 2025', '2026', '2027', '2028']);
    expect(h.financien?.eenheid).toBe(1000);
    expect(h.financien?.regels.map((r) => r.naam)).toEqual([
      'Structurele lasten',
      'Structurele baten',
      'Toevoegingen aan reserves',
      'Onttrekkingen aan reserves',
      'Saldo Structureel',
      'Incidentele lasten',
      'Incidentele baten',
      'Onttrekkingen aan reserves',
      'Saldo Incidenteel',
      'Saldo van de baten en lasten',
    ]);
    expect(h.financien?.regels[7]?.bedragen).toEqual([1000, 900, 650, 150, 0, 0]);
    // 3 saldo rows × 6 columns; no budget-result column in a begroting.
    expect(h.controles).toHaveLength(18);
    expect(h.controles.filter((c) => !c.ok)).toEqual([{ regel: 'Saldo Structureel', kolom: '2026', document: -5400, berekend: -5500, verschil: 100, oordeel: 'verschil', ok: false }]);
  });

  it('reads doelen, activiteiten (one without text) and indicators with glued footnotes', () => {
    expect(h.doelen.map((d) => [d.code, d.subdoelen.map((s) => `${s.code} ${s.naam}`)])).toEqual([
      ['1', ['1.1 Meer sociale huurwoningen', '1.2 Doorstroming op de woningmarkt, met name voor senioren en starters']],
      ['2', ['2.1 Bewoners zijn tevreden over de openbare ruimte']],
    ]);
    expect(h.activiteiten.map((a) => [a.code, a.naam, a.tekst])).toEqual([
      ['1.1.1', 'Prestatieafspraken met de corporaties maken en jaarlijks evalueren', 'We sluiten in 2025 nieuwe prestatieafspraken af met de twee corporaties in Diemen.'],
      ['1.1.2', 'Bouwlocaties voor sociale huur aanwijzen', ''],
      ['1.2.1', 'Een doorstroomregeling voor senioren uitwerken', 'Senioren die een grote woning achterlaten, krijgen voorrang op een passende woning.'],
      ['2.1.1', 'Het onderhoud uitvoeren op het afgesproken kwaliteitsniveau', '• Maaien, vegen en snoeien volgens het beheerplan\n• Schouwen met bewoners in vier wijken, waarna we de resultaten op de website publiceren.'],
    ]);
    const [R, B4, B5] = ['Realisatie 2023', 'Begroting 2024', 'Begroting 2025'];
    expect(waarden(h, '1.1')).toEqual([[R, '38%', 38, '%', [3], {}], [B4, '40%', 40, '%', [], {}], [B5, '40%', 40, '%', [], {}]]);
    expect(waarden(h, '1.2')).toEqual([[R, '12,5', 12.5, 'aantal', [], {}], [B4, '11', 11, 'aantal', [], {}], [B5, '10-11', 10, 'bereik', [], { tot: 11 }]]);
    expect(waarden(h, '1.3')).toEqual([[R, '14,2', 14.2, 'aantal', [], {}], [B4, '20', 20, 'aantal', [], {}], [B5, '1.250', 1250, 'aantal', [7], {}]]);
    expect(waarden(h, '2.1.1')).toEqual([[R, 'n.v.t.', null, null, [], { status: 'n.v.t.' }], [B4, '85%', 85, '%', [], {}], [B5, '90%', 90, '%', [], {}]]);
    expect(waarden(h, 'A1')).toEqual([
      [R, '6,4', 6.4, 'rapportcijfer', [], {}],
      [B4, '7,0', 7, 'rapportcijfer', [], {}],
      [B5, 'Nog niet bekend, de peiling is in het najaar.', null, null, [], { status: 'nog niet bekend', reden: 'de peiling is in het najaar.' }],
    ]);
    expect(h.indicatoren.map((i) => [i.code, i.soort, i.verplicht])).toEqual([
      ['1.1', 'effect', false],
      ['1.2', 'effect', false],
      ['1.3', 'effect', true],
      ['2.1.1', 'prestatie', false],
      ['A1', 'prestatie', false],
      ['A2', 'prestatie', true],
    ]);
    expect(h.voetnoten).toEqual([
      { nummer: 3, tekst: 'Peildatum 1 januari; bron: Basisregistratie Adressen en Gebouwen.' },
      { nummer: 7, tekst: 'Inclusief tijdelijke woningen.' },
    ]);
  });

  it('warns about the page number and the differing subdoel name; the repeated page header is known', () => {
    expect(h.waarschuwingen.map((w) => [w.regel, w.tekst])).toEqual([
      [50, 'Subdoel 1.2 - Doorstroming op de woningmarkt'],
      [55, '17'],
    ]);
  });

  it('without the title line, soort and jaar still follow from the headings and columns (Rekening 2023 → begroting 2025)', () => {
    const zonderTitel = lees(fixture(BEGROTING_2025).replace(/^Programmabegroting 2025$/gm, ''));
    expect([zonderTitel.soort, zonderTitel.jaar]).toEqual(['begroting', 2025]);
  });
});

describe('synthetic jaarstukken 2024 "Sociaal domein" (no title, deliberate errors)', () => {
  const tekst = fixture(JAARSTUKKEN_2024);
  const h = lees(tekst);

  it('derives soort and jaar from the headings and the columns', () => {
    expect([h.programma, h.soort, h.jaar]).toEqual(['Sociaal domein', 'jaarstukken', 2024]);
    expect(h.doelen[0]?.naam).toBe('Inwoners doen mee en krijgen op tijd de ondersteuning die zij nodig hebben');
    expect(h.activiteiten.find((a) => a.code === '1.1.2')?.naam).toBe('Samenwerken met IJburg en Amsterdam-Oost in het netwerk tegen eenzaamheid');
    expect(h.activiteiten.find((a) => a.code === '2.1.1')?.tekst).toBe('De inclusieagenda is uitgevoerd; de schouw van toegankelijkheid volgt in 2025.');
    expect(h.activiteiten.find((a) => a.code === '1.2.1')).toEqual({
      code: '1.2.1',
      naam: 'Wachttijden Wmo en jeugdhulp terugdringen',
      tekst: 'De wachttijd daalde in de loop van het jaar. Het streefdoel is nog niet gehaald.',
    });
  });

  it('reads a one-line finance header and reports the budget result that does not add up', () => {
    expect(h.financien?.kolommen).toEqual(['Rekening 2023', 'Begroting 2024 primitief', 'Begroting 2024 totaal', 'Rekening 2024', 'Budget resultaat 2024']);
    expect(h.financien?.regels).toHaveLength(11);
    expect(h.controles.filter((c) => !c.ok)).toEqual([
      // printed budget-result cells add up to 150 + 100 + 0 - 50 = 200, the saldo row says 220
      { regel: 'Saldo Structureel', kolom: 'Budget resultaat 2024', document: 220, berekend: 200, verschil: 20, oordeel: 'verschil', ok: false },
      // 5.220 − 5.100 = 120, printed 100
      { regel: 'Structurele baten', kolom: 'Budget resultaat 2024', document: 100, berekend: 120, verschil: -20, oordeel: 'verschil', ok: false },
    ]);
  });

  it('warns about an unknown footnote number, a row with a missing value and a subdoel of another doel', () => {
    expect(waarden(h, '1.1')?.[2]).toEqual(['Realisatie 2024', '39,5%', 39.5, '%', [41], {}]);
    expect(waarden(h, '1.1.1')?.[2]).toEqual(['Realisatie 2024', 'NB12', null, null, [], {}]);
    expect(h.indicatoren.find((i) => i.code === '1.2.1')).toEqual({ code: '1.2.1', naam: 'Wachttijd Wmo-aanvraag in weken', soort: 'prestatie', verplicht: false, waarden: [] });
    expect(h.waarschuwingen.slice(0, 3).map((w) => [w.regel, w.tekst, w.reden])).toEqual([
      [7, '2.9 - Dit subdoel hoort bij een ander doel', 'subdoel 2.9 hoort niet bij doel 1'],
      [44, '398 450 NB12', 'indicator 1.1.1, Realisatie 2024: "NB12": voetnoot 12 staat niet in de voetnoten van dit hoofdstuk'],
      [48, '6 4', 'indicator 1.2.1: 2 waarde(n), 3 kolommen verwacht; er ontbreekt een waarde (kolommen: Realisatie 2023, Begroting 2024, Realisatie 2024); waarden niet toegekend'],
    ]);
    expect(h.voetnoten.map((v) => v.nummer)).toEqual([40, 41]);
    expect(h.voetnoten[0]?.tekst).toBe('Cijfers over 2024 verschijnen in het najaar van 2025 op waarstaatjegemeente.nl.');
  });

  it('gives the same result with Windows line ends', () => {
    expect(lees(tekst.replace(/\n/g, '\r\n'))).toEqual(h);
  });
});

/** Controles of one table as compact rows [regel, kolom, document, berekend, ok]. */
const controlesVan = (h: PcHoofdstuk, tabel: string | undefined) => h.controles.filter((c) => c.tabel === tabel).map((c) => [c.regel, c.kolom, c.document, c.berekend, c.ok]);

describe('synthetic jaarstukken 2023 "Veilig Diemen" (overhevelingen table, investeringen, toelichting)', () => {
  const tekst = fixture(VEILIG_2023);
  const h = lees(tekst);
  const INV = ['Krediet', 'Uitgaven t/m 2022', 'Uitgaven 2023', 'Restant krediet'];

  it('reads the preamble, doelen and activiteiten', () => {
    expect([h.programma, h.soort, h.jaar, h.portefeuillehouders, h.concerndirecteuren]).toEqual(['Veilig Diemen', 'jaarstukken', 2023, ['E. Boog'], ['M. Pronk']]);
    expect(h.doelen).toEqual([
      {
        code: '1',
        naam: 'Een veilige woon- en leefomgeving',
        subdoelen: [
          { code: '1.1', naam: 'Minder woninginbraken en fietsendiefstal' },
          { code: '1.2', naam: 'Meer inwoners voelen zich veilig in hun buurt' },
        ],
      },
    ]);
    expect(h.activiteiten).toEqual([
      {
        code: '1.1.1',
        naam: 'Buurtpreventieteams ondersteunen met middelen en training',
        tekst: 'In 2023 zijn twee nieuwe buurtpreventieteams gestart, in Diemen-Noord en in Plantage de Sniep. Alle vrijwilligers volgden de training.',
      },
      {
        code: '1.1.2',
        naam: "Camera's plaatsen bij de fietsenstalling van station Diemen-Zuid",
        tekst: "De plaatsing is uitgesteld, omdat de levering van de camera's vertraging opliep. Zie de voorgestelde overhevelingen.",
      },
      { code: '1.2.1', naam: 'Wijkschouwen met bewoners en politie', tekst: 'Er zijn zes wijkschouwen gehouden, in elke wijk één.' },
    ]);
  });

  it('reads a single-column indicator table: the number ending a name is not its value', () => {
    expect(h.indicatoren.slice(0, 3).map((i) => [i.code, i.soort, i.naam])).toEqual([
      ['1.1', 'effect', 'Aantal leerlingen dat de cursus weerbaarheid volgde in groep 8'],
      ['1.2', 'effect', 'Aantal geregistreerde fietsdiefstallen'],
      ['1.3', 'effect', 'Aantal meldingen van fietsdiefstal via de app'],
    ]);
    const R = 'Realisatie 2023';
    expect(waarden(h, '1.1')).toEqual([[R, '64', 64, 'aantal', [], {}]]);
    expect(waarden(h, '1.2')).toEqual([[R, '310', 310, 'aantal', [], {}]]);
    expect(waarden(h, '1.3')).toEqual([[R, 'NB', null, null, [6], { status: 'NB' }]]);
  });

  it('reads a free-text status in the first column, continued over the next lines', () => {
    const [R22, B23, R23] = ['Realisatie 2022', 'Begroting 2023', 'Realisatie 2023'];
    expect(h.indicatoren.slice(3).map((i) => [i.code, i.soort, i.verplicht, i.naam])).toEqual([
      ['1.1.1', 'prestatie', true, 'Aantal woninginbraken per 1.000 woningen'],
      ['1.2.1', 'prestatie', false, 'Veiligheidsgevoel in de buurt (rapportcijfer)'],
      ['A1', 'prestatie', false, '% inwoners dat zich wel eens onveilig voelt'],
    ]);
    expect(waarden(h, '1.1.1')).toEqual([[R22, '2,1', 2.1, 'aantal', [], {}], [B23, '2,0', 2, 'aantal', [], {}], [R23, '1,8', 1.8, 'aantal', [], {}]]);
    expect(waarden(h, '1.2.1')).toEqual([
      [R22, 'Niet beschikbaar, de monitor verscheen niet in 2022.', null, null, [], { status: 'niet beschikbaar', reden: 'de monitor verscheen niet in 2022.' }],
      [B23, '7,0', 7, 'rapportcijfer', [], {}],
      [R23, '7,2', 7.2, 'rapportcijfer', [], {}],
    ]);
    expect(waarden(h, 'A1')).toEqual([[R22, '31%', 31, '%', [4], {}], [B23, '30%', 30, '%', [], {}], [R23, 'NB', null, null, [5], { status: 'NB' }]]);
    expect(h.voetnoten).toEqual([
      { nummer: 4, tekst: 'Inclusief de inwoners van Ouder-Amstel.' },
      { nummer: 5, tekst: 'De politie levert de cijfers over 2023 in het voorjaar van 2024.' },
      // at the bottom of a page, between two rows of the investment table
      { nummer: 6, tekst: 'Meldingen via de app worden pas sinds 2024 apart geteld.' },
    ]);
  });

  it('reads every figure of the finance table; all controles agree', () => {
    expect(h.financien?.kolommen).toEqual(['Rekening 2022', 'Begroting 2023 primitief', 'Begroting 2023 totaal', 'Rekening 2023', 'Budget resultaat 2023']);
    expect(h.financien?.regels.map((r) => [r.naam, ...r.bedragen])).toEqual([
      ['Structurele lasten', -4310, -4520, -4600, -4720, -120],
      ['Structurele baten', 310, 300, 300, 330, 30],
      ['Toevoegingen aan reserves', 0, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', 100, 120, 120, 120, 0],
      ['Saldo Structureel', -3900, -4100, -4180, -4270, -90],
      ['Incidentele lasten', -150, -200, -480, -280, 200],
      ['Incidentele baten', 0, 0, 50, 50, 0],
      ['Toevoegingen aan reserves', 0, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', 150, 200, 430, 230, -200],
      ['Saldo Incidenteel', 0, 0, 0, 0, 0],
      ['Saldo van de baten en lasten', -3900, -4100, -4180, -4270, -90],
    ]);
    expect(h.financienOverig).toBeUndefined();
    // 3 saldo rows × 5 columns + 11 budget results; 1 overheveling total; 4 investment totals + 2 restant checks
    expect(h.controles).toHaveLength(26 + 1 + 6);
    expect(h.controles.filter((c) => !c.ok)).toEqual([]);
  });

  it('puts the explanation per finance row into paragrafen, each row line a paragraph of its own', () => {
    expect(h.paragrafen).toEqual([
      {
        titel: 'Toelichting op de financiën',
        tekst: [
          'Structurele lasten -120',
          "De lasten zijn hoger dan begroot, vooral door de extra inzet van boa's in het uitgaansgebied rond het Diemerplein.",
          'Incidentele lasten 200',
          "De camera's bij station Diemen-Zuid zijn nog niet geplaatst. Wij stellen voor het budget van € 150.000 over te hevelen naar 2024.",
          'Onttrekkingen aan reserves -200',
          'Omdat de uitgaven lager waren, is ook minder aan de reserve onttrokken.',
        ],
      },
    ]);
  });

  it('reads the overhevelingen table: wrapped names, motivations over several lines, the total as a controle', () => {
    expect(h.overhevelingen).toEqual([
      {
        naam: "Camera's fietsenstalling station Diemen-Zuid",
        bedrag: 150,
        motivering: "De levering van de camera's liep vertraging op. De plaatsing volgt in het tweede kwartaal van 2024.",
      },
      { naam: 'Training buurtpreventie', bedrag: 25, motivering: 'De tweede trainingsronde is verschoven naar maart 2024, voor de wijken Diemen-Noord en Diemen-Zuid samen.' },
    ]);
    expect(controlesVan(h, 'overhevelingen')).toEqual([['Totaal', 'bedrag', 175, 175, true]]);
  });

  it('reads the investeringen table ("-" is 0), across a footnote and a page header; totals and restant krediet are checked', () => {
    expect(h.investeringen).toEqual([
      { naam: "Camera's station Diemen-Zuid", bedragen: [180, 0, 30, 150], kolommen: INV },
      { naam: 'Vervanging noodstroomaggregaat brandweerkazerne', bedragen: [95, 40, 55, 0], kolommen: INV },
    ]);
    expect(controlesVan(h, 'investeringen')).toEqual([
      ['Totaal', 'Krediet', 275, 275, true],
      ['Totaal', 'Uitgaven t/m 2022', 40, 40, true],
      ['Totaal', 'Uitgaven 2023', 85, 85, true],
      ['Totaal', 'Restant krediet', 150, 150, true],
      // restant = krediet − uitgaven: 180 − 0 − 30 = 150; 95 − 40 − 55 = 0
      ["Camera's station Diemen-Zuid", 'Restant krediet', 150, 150, true],
      ['Vervanging noodstroomaggregaat brandweerkazerne', 'Restant krediet', 0, 0, true],
    ]);
  });

  it('warns only about the chart legend', () => {
    expect(h.waarschuwingen.map((w) => [w.regel, w.tekst])).toEqual([
      [95, 'Lasten en baten'],
      [97, 'Lasten Baten'],
      [99, 'Veilig Diemen'],
      [100, 'Overig'],
    ]);
  });

  it('a wrong total is a controle with ok false, never an error', () => {
    const fout = lees(tekst.replace('Totaal 175', 'Totaal 185').replace('Totaal 275 40 85 150', 'Totaal 275 40 95 150'));
    expect(fout.controles.filter((c) => !c.ok)).toEqual([
      { regel: 'Totaal', kolom: 'bedrag', document: 185, berekend: 175, verschil: 10, oordeel: 'verschil', ok: false, tabel: 'overhevelingen' },
      { regel: 'Totaal', kolom: 'Uitgaven 2023', document: 95, berekend: 85, verschil: 10, oordeel: 'verschil', ok: false, tabel: 'investeringen' },
    ]);
  });
});

describe('synthetic begroting 2026 "Bereikbaarheid en mobiliteit" (second finance table, investeringen per year)', () => {
  const h = lees(fixture(BEREIKBAARHEID_2026));
  const JAREN = ['2026', '2027', '2028', '2029'];

  it('reads the preamble', () => {
    expect([h.programma, h.soort, h.jaar, h.portefeuillehouders, h.concerndirecteuren]).toEqual(['Bereikbaarheid en mobiliteit', 'begroting', 2026, ['H. Prins'], ['M.R.A. Cornelissen']]);
    expect(h.documentstatus).toEqual({ tekst: 'Vastgesteld door Raad', datum: '2025-11-06' });
    expect(h.visie).toEqual([
      'Diemen is goed bereikbaar, te voet, met de fiets, met het openbaar vervoer en met de auto. We geven voorrang aan lopen en fietsen en maken straten veiliger.',
    ]);
    expect(h.doelen.map((d) => [d.code, d.naam, d.subdoelen.map((x) => `${x.code} ${x.naam}`)])).toEqual([
      ['1', 'Veilige en goed bereikbare straten', ['1.1 Minder verkeersongevallen', '1.2 Meer inwoners fietsen naar werk en school']],
    ]);
    expect(h.activiteiten).toEqual([
      { code: '1.1.1', naam: 'Schoolzones inrichten bij alle basisscholen', tekst: 'In 2026 richten we de laatste vier schoolzones in.' },
      { code: '1.2.1', naam: 'De fietsroute langs de Weesperstraat verbreden', tekst: 'Het werk start in het voorjaar en duurt tot de zomervakantie.' },
    ]);
  });

  it('reads a single-column indicator table', () => {
    expect(h.indicatoren.map((i) => [i.code, i.naam, i.verplicht])).toEqual([
      ['1.1.1', 'Aantal ingerichte schoolzones, fase 2', false],
      ['1.2.1', 'Aantal nieuwe fietsparkeerplekken bij de stations', false],
      ['A1', 'Tevredenheid over de bereikbaarheid van Diemen', false],
    ]);
    const B = 'Begroting 2026';
    expect(waarden(h, '1.1.1')).toEqual([[B, '12', 12, 'aantal', [], {}]]);
    expect(waarden(h, '1.2.1')).toEqual([[B, '450', 450, 'aantal', [], {}]]);
    expect(waarden(h, 'A1')).toEqual([[B, '7,1', 7.1, 'rapportcijfer', [], {}]]);
  });

  it('reads every figure of the main finance table', () => {
    expect(h.financien?.eenheid).toBe(1000);
    expect(h.financien?.kolommen).toEqual(['Rekening 2024', 'Begroting 2025', 'Begroting 2026', '2027', '2028', '2029']);
    expect(h.financien?.regels.map((r) => [r.naam, ...r.bedragen])).toEqual([
      ['Structurele lasten', -3400, -3550, -3720, -3760, -3800, -3800],
      ['Structurele baten', 420, 430, 450, 450, 450, 450],
      ['Toevoegingen aan reserves', -500, -500, -500, -500, -500, -500],
      ['Onttrekkingen aan reserves', 300, 300, 300, 300, 300, 300],
      ['Saldo Structureel', -3180, -3320, -3470, -3510, -3550, -3550],
      ['Incidentele lasten', -600, -1200, -800, -400, 0, 0],
      ['Incidentele baten', 100, 200, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', 500, 1000, 800, 400, 0, 0],
      ['Saldo Incidenteel', 0, 0, 0, 0, 0, 0],
      ['Saldo van de baten en lasten', -3180, -3320, -3470, -3510, -3550, -3550],
    ]);
    expect(controlesVan(h, undefined)).toHaveLength(18);
    expect(h.controles.filter((c) => !c.ok)).toEqual([]);
  });

  it('reads a second finance table (no heading of its own) into financienOverig, with its own controles', () => {
    expect(h.financienOverig).toEqual([
      {
        titel: 'Reserve Mobiliteitsfonds',
        eenheid: 1000,
        kolommen: ['Begroting 2026', '2027', '2028', '2029'],
        regels: [
          { naam: 'Toevoegingen', bedragen: [500, 500, 500, 500] },
          { naam: 'Onttrekkingen', bedragen: [-1100, -600, -500, -500] },
          { naam: 'Saldo mutaties', bedragen: [-600, -100, 0, 0] },
        ],
      },
    ]);
    expect(controlesVan(h, 'Reserve Mobiliteitsfonds')).toEqual([
      ['Saldo mutaties', 'Begroting 2026', -600, -600, true],
      ['Saldo mutaties', '2027', -100, -100, true],
      ['Saldo mutaties', '2028', 0, 0, true],
      ['Saldo mutaties', '2029', 0, 0, true],
    ]);
  });

  it('puts the toelichting into paragrafen; a row of the second table is named too', () => {
    expect(h.paragrafen).toEqual([
      {
        titel: 'Toelichting op de financiën',
        tekst: [
          'Incidentele lasten',
          'In 2026 ronden we de herinrichting van de Weesperstraat af. De lasten dalen daarna.',
          'Saldo mutaties -600',
          'De onttrekking van 1.100 in 2026 dekt de herinrichting.',
        ],
      },
    ]);
  });

  it('reads the investeringen per year (heading and columns on one line), negative amounts and a wrapped name', () => {
    expect(h.investeringen).toEqual([
      { naam: 'Herinrichting Weesperstraat', bedragen: [2500, 0, 0, 0], kolommen: JAREN },
      { naam: 'Bijdrage Vervoerregio Weesperstraat', bedragen: [-1000, 0, 0, 0], kolommen: JAREN },
      { naam: 'Fietsenstalling station Diemen (uitbreiding)', bedragen: [300, 300, 0, 0], kolommen: JAREN },
      { naam: 'Vervanging verkeersregelinstallaties', bedragen: [150, 150, 150, 150], kolommen: JAREN },
    ]);
    expect(controlesVan(h, 'investeringen')).toEqual([
      ['Totaal', '2026', 1950, 1950, true],
      ['Totaal', '2027', 450, 450, true],
      ['Totaal', '2028', 150, 150, true],
      ['Totaal', '2029', 150, 150, true],
    ]);
    expect(h.overhevelingen).toEqual([]);
    expect(h.waarschuwingen).toEqual([]);
  });
});

describe('synthetic jaarstukken 2024 "Economie en cultuur" (overhevelingen as text blocks in euros, deliberate errors)', () => {
  const tekst = fixture(ECONOMIE_2024);
  const h = lees(tekst);

  it('reads the preamble, doelen, activiteiten and indicators (a free-text status in the first column ending with a full stop)', () => {
    expect([h.programma, h.soort, h.jaar, h.portefeuillehouders, h.concerndirecteuren]).toEqual(['Economie en cultuur', 'jaarstukken', 2024, ['J. Klaasse'], ['M. Pronk']]);
    expect(h.doelen.map((d) => [d.code, d.naam, d.subdoelen.map((x) => x.code)])).toEqual([['1', 'Een levendig centrum met ruimte voor cultuur', ['1.1', '1.2']]]);
    expect(h.activiteiten).toEqual([
      { code: '1.1.1', naam: 'Nieuw evenementenbeleid opstellen', tekst: 'Het beleid is in het najaar vastgesteld. De uitvoering start in 2025.' },
      { code: '1.2.1', naam: 'Onderzoek naar een nieuwe bibliotheekvestiging in Holland Park', tekst: 'Het onderzoek is aanbesteed en loopt door in 2025.' },
    ]);
    const [R23, B24, R24] = ['Realisatie 2023', 'Begroting 2024', 'Realisatie 2024'];
    expect(h.indicatoren.map((i) => [i.code, i.verplicht, i.naam])).toEqual([
      ['1.1.1', false, 'Aantal evenementen met vergunning'],
      ['1.2.1', true, 'Aantal leden van de bibliotheek'],
      ['A1', false, 'Waardering van het cultuuraanbod'],
    ]);
    expect(waarden(h, '1.1.1')).toEqual([[R23, '38', 38, 'aantal', [], {}], [B24, '40', 40, 'aantal', [], {}], [R24, 'NB', null, null, [8], { status: 'NB' }]]);
    expect(waarden(h, '1.2.1')).toEqual([[R23, '5.120', 5120, 'aantal', [], {}], [B24, '5.300', 5300, 'aantal', [], {}], [R24, '5.410', 5410, 'aantal', [9], {}]]);
    expect(waarden(h, 'A1')).toEqual([
      [R23, 'Nog niet bekend, de peiling volgt.', null, null, [], { status: 'nog niet bekend', reden: 'de peiling volgt.' }],
      [B24, '7,5', 7.5, 'rapportcijfer', [], {}],
      [R24, '7,4', 7.4, 'rapportcijfer', [], {}],
    ]);
    expect(h.voetnoten).toEqual([
      { nummer: 8, tekst: 'Het vergunningensysteem telde in 2024 ook meldingen mee; cijfer volgt.' },
      { nummer: 9, tekst: 'Peildatum 31 december.' },
    ]);
  });

  it('reads every figure of the finance table (one-line header, unit line)', () => {
    expect(h.financien?.eenheid).toBe(1000);
    expect(h.financien?.kolommen).toEqual(['Rekening 2023', 'Begroting 2024 primitief', 'Begroting 2024 totaal', 'Rekening 2024', 'Budget resultaat 2024']);
    expect(h.financien?.regels.map((r) => [r.naam, ...r.bedragen])).toEqual([
      ['Structurele lasten', -2800, -2900, -2950, -3035, -85],
      ['Structurele baten', 600, 620, 620, 640, 20],
      ['Toevoegingen aan reserves', 0, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', 150, 150, 150, 150, 0],
      ['Saldo Structureel', -2050, -2130, -2180, -2245, -65],
      ['Incidentele lasten', -100, -50, -175, -50, 125],
      ['Incidentele baten', 0, 0, 0, 0, 0],
      ['Toevoegingen aan reserves', 0, 0, 0, 0, 0],
      ['Onttrekkingen aan reserves', 100, 50, 175, 50, -125],
      ['Saldo Incidenteel', 0, 0, 0, 0, 0],
      ['Saldo van de baten en lasten', -2050, -2130, -2180, -2245, -65],
    ]);
    expect(controlesVan(h, undefined).filter(([, , , , ok]) => !ok)).toEqual([]);
  });

  it('puts the analysis of differences and the introduction of the overhevelingen into paragrafen', () => {
    expect(h.paragrafen).toEqual([
      {
        titel: 'Analyse afwijkingen',
        tekst: [
          'Structurele lasten -85 nadelig',
          'De hogere lasten komen door de energiekosten van het cultuurcentrum.',
          'Incidentele lasten 125 voordelig',
          'Het budget voor het evenementenbeleid en voor het onderzoek naar de bibliotheek is niet volledig besteed. Zie de overhevelingen.',
        ],
      },
      { titel: 'Overhevelingen', tekst: ['Wij stellen voor de volgende budgetten over te hevelen naar 2025:'] },
    ]);
  });

  it('reads overhevelingen printed as items in whole euros, in thousands like the finance table, across a page break', () => {
    expect(h.overhevelingen).toEqual([
      {
        naam: 'Evenementenbeleid',
        bedrag: 45,
        motivering: 'Het nieuwe evenementenbeleid is later gestart dan gepland, omdat de inspraak langer duurde. Het budget is nodig voor de uitvoering in 2025.',
      },
      {
        naam: 'Onderzoek nieuwe bibliotheekvestiging Holland Park',
        bedrag: 80,
        motivering: 'Het onderzoek is aanbesteed; de opdracht loopt door tot juni 2025.\nDe raad krijgt de uitkomsten na de zomer.',
      },
    ]);
    // € 45.000 + € 80.000 = € 125.000, in thousands
    expect(controlesVan(h, 'overhevelingen')).toEqual([['Totaal', 'bedrag', 125, 125, true]]);
  });

  it('keeps an investment row with a missing amount without amounts, warns, and the printed total then differs', () => {
    const K = ['Krediet', 'Uitgaven t/m 2023', 'Uitgaven 2024', 'Restant'];
    expect(h.investeringen).toEqual([
      { naam: 'Herinrichting marktplein', bedragen: [600, 120, 380, 100], kolommen: K },
      { naam: 'Digitale informatiezuil cultuurcentrum', bedragen: [], kolommen: K },
      { naam: 'Geluidsinstallatie theaterzaal', bedragen: [140, 0, 90, 50], kolommen: K },
    ]);
    expect(controlesVan(h, 'investeringen')).toEqual([
      ['Totaal', 'Krediet', 825, 740, false],
      ['Totaal', 'Uitgaven t/m 2023', 180, 120, false],
      ['Totaal', 'Uitgaven 2024', 495, 470, false],
      ['Totaal', 'Restant', 150, 150, true],
      ['Herinrichting marktplein', 'Restant', 100, 100, true],
      ['Geluidsinstallatie theaterzaal', 'Restant', 50, 50, true],
    ]);
    expect(h.waarschuwingen.map((w) => [w.regel, w.tekst, w.reden])).toEqual([
      [80, '42', 'losse regel met alleen een getal (paginanummer?)'],
      [105, 'Digitale informatiezuil cultuurcentrum 85 60 25', 'investering "Digitale informatiezuil cultuurcentrum": 3 bedrag(en), 4 kolommen verwacht; bedragen niet toegekend'],
    ]);
  });

  it('gives the same result with Windows line ends', () => {
    expect(lees(tekst.replace(/\n/g, '\r\n'))).toEqual(h);
  });
});

const kleineTabel = (titel: string, a: string) => ` Wat heeft het gekost?\n\n${titel} Rekening 2023 Begroting 2024\nLasten ${a} ${a}\nSaldo ${a} ${a}\n\n`;

describe('overhevelingen, investeringen and finance tables: variants of the layout', () => {
  const kop = 'Programmabegroting 2025\n\nVeilig Diemen\n\nPortefeuillehouder: A. Jansen\n\n';

  it('an overhevelingen table without a motivation column: every line with an amount is an item', () => {
    const h = lees(`${kop}Budgetoverhevelingen 2024 naar 2025\n\nOmschrijving Bedrag\nBuurtbudgetten 40\nWijkschouwen fase 2 12\n`);
    expect(h.overhevelingen).toEqual([
      { naam: 'Buurtbudgetten', bedrag: 40, motivering: '' },
      { naam: 'Wijkschouwen fase 2', bedrag: 12, motivering: '' },
    ]);
    expect(h.waarschuwingen).toEqual([]);
  });

  it('overhevelingen in a section with its own unit: "(bedragen x € 1 mln)" converted to the finance unit', () => {
    const h = lees(`${kop}Voorgestelde overhevelingen (bedragen x € 1 mln)\n\nOmschrijving Bedrag Motivering\nNieuwbouw brandweerkazerne 1,5 De aanbesteding is vertraagd.\n`);
    expect(h.overhevelingen).toEqual([{ naam: 'Nieuwbouw brandweerkazerne', bedrag: 1500, motivering: 'De aanbesteding is vertraagd.' }]);
  });

  it('an "Investeringen" heading over running text is an ordinary paragraaf', () => {
    const h = lees(`${kop}Investeringen\n\nIn 2025 zijn er in dit programma geen investeringen.\n`);
    expect(h.investeringen).toEqual([]);
    expect(h.paragrafen).toEqual([{ titel: 'Investeringen', tekst: ['In 2025 zijn er in dit programma geen investeringen.'] }]);
  });

  it('a heading above the header line of an investment table is a title, not a column', () => {
    const h = lees(`${kop}Investeringen 2025\n\nProject Krediet Uitgaven 2025\nSpeeltoestellen 100 60\n`);
    expect(h.investeringen).toEqual([{ naam: 'Speeltoestellen', bedragen: [100, 60], kolommen: ['Krediet', 'Uitgaven 2025'] }]);
  });

  it('an investment heading with years right under the finance rows ends the finance table (it is not a row with amounts missing)', () => {
    for (const tussen of ['\n', '\n\n']) {
      const h = lees(`Jaarstukken 2024\n\n${kleineTabel('Veilig Diemen', '-5').trimEnd()}${tussen}Investeringen 2025 2026\nBrandweerauto 300 -\n`);
      expect(h.financien?.regels).toHaveLength(2);
      expect(h.investeringen).toEqual([{ naam: 'Brandweerauto', bedragen: [300, 0], kolommen: ['2025', '2026'] }]);
    }
  });

  it('a second "Wat heeft het gekost?" table lands in financienOverig under its own title', () => {
    const h = lees(`Jaarstukken 2024\n\n${kleineTabel('Veilig Diemen', '-5')}${kleineTabel('Brandweer', '-7')}`);
    expect(h.programma).toBe('Veilig Diemen');
    expect(h.financien?.regels.map((r) => r.bedragen)).toEqual([[-5, -5], [-5, -5]]);
    expect(h.financienOverig?.map((f) => [f.titel, f.regels.map((r) => r.bedragen)])).toEqual([['Brandweer', [[-7, -7], [-7, -7]]]]);
    expect(h.controles.map((c) => [c.tabel, c.kolom, c.ok])).toEqual([
      [undefined, 'Rekening 2023', true],
      [undefined, 'Begroting 2024', true],
      ['Brandweer', 'Rekening 2023', true],
      ['Brandweer', 'Begroting 2024', true],
    ]);
    expect(h.waarschuwingen).toEqual([]);
  });
});

describe('nothing is dropped silently', () => {
  const bronnen: [string, () => string][] = [
    ['seed 000', () => seed('000')],
    ['seed 002', () => seed('002')],
    ['seed 004', () => seed('004')],
    [BEGROTING_2025, () => fixture(BEGROTING_2025)],
    [JAARSTUKKEN_2024, () => fixture(JAARSTUKKEN_2024)],
    [VEILIG_2023, () => fixture(VEILIG_2023)],
    [BEREIKBAARHEID_2026, () => fixture(BEREIKBAARHEID_2026)],
    [ECONOMIE_2024, () => fixture(ECONOMIE_2024)],
  ];

  it.each(bronnen)('%s: every non-blank line is taken by a field or warned about, by a rule (not by the safety net)', (_naam, bron) => {
    const tekst = bron();
    const { hoofdstuk, verantwoording } = leesHoofdstuk(tekst, { gemeente: 'diemen' });
    const gewaarschuwd = new Set(hoofdstuk.waarschuwingen.map((w) => w.regel));
    const regels = tekst.split(/\r\n|\n|\r/);
    const zoek = regels.flatMap((regel, i) => (normaliseerRegel(regel).trim() !== '' && !verantwoording.has(i + 1) && !gewaarschuwd.has(i + 1) ? [`${i + 1}: ${regel}`] : []));
    expect(zoek).toEqual([]);
    expect(hoofdstuk.waarschuwingen.filter((w) => w.reden === 'niet verwerkt')).toEqual([]);
    // Blank lines are never taken or warned about; every taken line exists.
    for (const regel of [...verantwoording.keys(), ...gewaarschuwd]) expect(normaliseerRegel(regels[regel - 1] ?? '').trim()).not.toBe('');
  });

  it('a line of unknown text in the middle of the chapter ends up in waarschuwingen with its line number', () => {
    const tekst = seed('004').replace('Visie / strategisch doel', '@@@ dit hoort hier niet\n\nVisie / strategisch doel');
    const h = lees(tekst);
    const regel = tekst.split('\n').indexOf('@@@ dit hoort hier niet') + 1;
    expect(h.waarschuwingen).toEqual([{ regel, tekst: '@@@ dit hoort hier niet', reden: 'regel past in geen onderdeel van de opmaak' }]);
  });
});

describe('errors: PcImportFout with line number and reason', () => {
  it('refuses a text that is not a programme chapter (seed 001, the Kader voor dienstverlening)', () => {
    const f = fout(seed('001'));
    expect(f).toBeInstanceOf(PcImportFout);
    expect(f.reden).toMatch(/geen programmahoofdstuk/);
    expect(f.regel).toBe(1);
  });

  it('refuses an empty file', () => {
    expect(fout(' \n\n').reden).toMatch(/leeg/);
  });

  it('refuses a finance table with a missing column, naming the line', () => {
    const tekst = seed('000').replace('Incidentele baten - - 15 15 -', 'Incidentele baten - 15 15 -');
    const f = fout(tekst);
    expect(f.regel).toBe(297);
    expect(f.reden).toBe('financiële regel "Incidentele baten" heeft 4 bedrag(en), 5 kolommen verwacht: er ontbreekt een kolom');
    expect(f.message).toBe(`regel 297: ${f.reden}`);
  });

  it('refuses a finance table without column headers', () => {
    const f = fout('Wat mag het kosten?\n\nStructurele lasten -1.000 -2.000\nSaldo structureel -1.000 -2.000\n');
    expect([f.regel, f.reden]).toEqual([3, 'financiële tabel zonder kolomkoppen (zoals "Rekening 2023", "Begroting 2024")']);
  });

  it('refuses a chapter whose programme name is nowhere', () => {
    const f = fout('Programmabegroting 2025\n\nVisie / strategisch doel\n\nWe doen het samen.\n');
    expect(f.reden).toMatch(/naam van het programma/);
  });

  it('refuses a chapter whose year cannot be found, unless the file name gives it', () => {
    const tekst = 'Veilig Diemen\nPortefeuillehouder: J. Jansen\n\nVisie / strategisch doel\n\nWe doen het samen.\n\nWat willen we bereiken?\n';
    expect(fout(tekst).reden).toMatch(/jaar van deze begroting/);
    const h = parseHoofdstuk(tekst, { gemeente: 'diemen', bestandsnaam: 'programmabegroting-2026-veilig.txt' });
    expect([h.programma, h.soort, h.jaar, h.portefeuillehouders]).toEqual(['Veilig Diemen', 'begroting', 2026, ['J. Jansen']]);
  });
});

describe('building blocks', () => {
  it('normalises PDF artefacts', () => {
    expect(normaliseerRegel('verantwoordel\u0133kheid \u0132burg a\u00a0b kwali\u00adteit \ufb01ets \u2212 5\f')).toBe('verantwoordelijkheid IJburg a b kwaliteit fiets - 5');
  });

  it('groups header tokens into columns', () => {
    expect(groepeerKolommen('Rekening 2022 Begroting 2023 primitief Begroting 2023 totaal Rekening 2023 Budget resultaat 2023'.split(' '))).toEqual([
      'Rekening 2022',
      'Begroting 2023 primitief',
      'Begroting 2023 totaal',
      'Rekening 2023',
      'Budget resultaat 2023',
    ]);
    expect(groepeerKolommen('Rekening 2023 Begroting 2024 Begroting 2025 2026 2027'.split(' '))).toEqual(['Rekening 2023', 'Begroting 2024', 'Begroting 2025', '2026', '2027']);
  });

  it('splits an activity line into name (left column) and text (right column)', () => {
    expect(splitsActiviteitregel('betrekken bij bewonersinitiatieven Eerste contacten tussen intiatievencoördinator en SWD zijn gelegd.')).toEqual([
      'betrekken bij bewonersinitiatieven',
      'Eerste contacten tussen intiatievencoördinator en SWD zijn gelegd.',
    ]);
    expect(splitsActiviteitregel('samenwerking kunnen uitvoeren (onder andere in Duo+')).toEqual(['samenwerking kunnen uitvoeren (onder andere in Duo+', '']);
    // an abbreviation in capitals opens the text only when no other capitalised word does
    expect(splitsActiviteitregel('Preventieakkoord uitvoeren met partners Met GGD en scholen zijn afspraken gemaakt', 8)).toEqual([
      'Preventieakkoord uitvoeren met partners',
      'Met GGD en scholen zijn afspraken gemaakt',
    ]);
    expect(splitsActiviteitregel('Preventieakkoord uitvoeren met alle partners GGD en scholen maakten afspraken', 8)).toEqual([
      'Preventieakkoord uitvoeren met alle partners',
      'GGD en scholen maakten afspraken',
    ]);
  });

  it('controleer: a table without saldo rows or budget column has no controles', () => {
    expect(controleer(['Begroting 2025'], [{ naam: 'Lasten', bedragen: [-5] }])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: chapters generated in the layout, with random numbers of doelen, subdoelen,
// activiteiten, indicators, columns and footnotes, read back to what was generated.

const WOORDEN = 'beleid bewoners wijk samenwerking onderhoud kwaliteit regio inwoners ondernemers plannen uitvoeren verbeteren groen veilig'.split(' ');
const NL = (g: number, d = 0) => formatteerGetal(g, d);

/** Wraps words into lines of at most `breedte`, wrapped lines keep a trailing space as the PDF text does. */
const wrap = (tekst: string, breedte: number) => {
  const regels: string[] = [];
  let huidig = '';
  for (const w of tekst.split(' ')) {
    if (huidig && `${huidig} ${w}`.length > breedte) {
      regels.push(`${huidig} `);
      huidig = w;
    } else huidig = huidig ? `${huidig} ${w}` : w;
  }
  regels.push(huidig);
  return regels;
};

function genereerHoofdstuk(seed: number) {
  const r = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const kies = <T,>(l: readonly T[]): T => l[Math.floor(r() * l.length)] as T;
  const woorden = (n: number) => Array.from({ length: n }, () => kies(WOORDEN)).join(' ');
  const zin = () => {
    const w = woorden(int(4, 12));
    return `${w[0]?.toUpperCase()}${w.slice(1)}.`;
  };
  const soort = kies(['begroting', 'jaarstukken'] as const);
  const jaar = int(2020, 2030);
  const programma = kies(['Veilig Diemen', 'Wonen', 'Sociaal domein', 'Economie en cultuur']);
  const enkel = r() < 0.15; // a single-column indicator table
  const kolommen = enkel
    ? [soort === 'jaarstukken' ? `Realisatie ${jaar}` : `Begroting ${jaar}`]
    : soort === 'jaarstukken'
      ? [`Realisatie ${jaar - 1}`, `Begroting ${jaar}`, `Realisatie ${jaar}`]
      : [`Realisatie ${jaar - 2}`, `Begroting ${jaar - 1}`, `Begroting ${jaar}`];
  const regels: string[] = [];
  const doelen: PcHoofdstuk['doelen'] = [];
  const activiteiten: PcHoofdstuk['activiteiten'] = [];
  const indicatoren: { code: string; naam: string; soort: string; verplicht: boolean; waarden: unknown[] }[] = [];
  const voetnoten: PcHoofdstuk['voetnoten'] = [];
  let voetnoot = int(1, 40);
  let algemeen = 0;

  const tabelKop = (titel: string) => {
    if (r() < 0.5) regels.push(`${titel} ${kolommen.join(' ')}`);
    else {
      const [eerste = '', ...rest] = kolommen.flatMap((k) => k.split(' '));
      regels.push(`${titel} ${eerste}`, ...rest.flatMap((w, k) => (k % 2 === 1 ? ['', w] : [w])));
      regels.push('');
    }
  };
  const indicatorRij = (code: string, printCode: string, soortInd: 'effect' | 'prestatie', nieuweVoetnoten: number[]) => {
    const vorm = kies(['%', '€', 'aantal', 'cijfer'] as const);
    const verplicht = r() < 0.3;
    const basis = { '%': '% ', '€': 'Kosten per inwoner ', aantal: 'Aantal ', cijfer: 'Tevredenheid inwoners over ' }[vorm];
    // names sometimes end in a number ("… fase 2"), which must not be taken for a value
    const naam = `${basis}${woorden(int(2, 9))}${r() < 0.2 ? ` fase ${int(1, 9)}` : ''}`;
    let vrijGebruikt = false;
    const waarden = kolommen.map((kolom): { printed: string; vervolg?: string; w: unknown } => {
      const keuze = r();
      if (keuze < 0.12) {
        const nummer = voetnoot++;
        nieuweVoetnoten.push(nummer);
        return { printed: `NB${nummer}`, w: { kolom, tekst: 'NB', getal: null, eenheid: null, status: 'NB', voetnoten: [nummer] } };
      }
      if (keuze < 0.18) return { printed: 'nnb', w: { kolom, tekst: 'nnb', getal: null, eenheid: null, status: 'nnb', voetnoten: [] } };
      if (keuze < 0.24 && !vrijGebruikt) {
        // a free-text status in any column: its first word on the values line, the rest on the lines below
        vrijGebruikt = true;
        const reden = `de volgende peiling is in ${jaar + 1}.`;
        return {
          printed: 'Niet beschikbaar, de',
          vervolg: reden.slice(3),
          w: { kolom, tekst: `Niet beschikbaar, ${reden}`, getal: null, eenheid: null, status: 'niet beschikbaar', reden, voetnoten: [] },
        };
      }
      if (vorm === '%') {
        const g = int(0, 1000) / 10;
        const tekst = `${NL(g, g % 1 === 0 ? 0 : 1)}${r() < 0.5 ? '%' : ' %'}`;
        if (keuze > 0.9) {
          const nummer = voetnoot++;
          nieuweVoetnoten.push(nummer);
          return { printed: `${tekst}${nummer}`, w: { kolom, tekst, getal: g, eenheid: '%', voetnoten: [nummer] } };
        }
        return { printed: tekst, w: { kolom, tekst, getal: g, eenheid: '%', voetnoten: [] } };
      }
      if (vorm === '€') {
        const g = int(1, 5000);
        return { printed: `€ ${NL(g)}`, w: { kolom, tekst: `€ ${NL(g)}`, getal: g, eenheid: '€', voetnoten: [] } };
      }
      if (vorm === 'cijfer') {
        const g = int(10, 100) / 10;
        return { printed: NL(g, 1), w: { kolom, tekst: NL(g, 1), getal: g, eenheid: 'rapportcijfer', voetnoten: [] } };
      }
      const g = int(0, 20000);
      return { printed: NL(g), w: { kolom, tekst: NL(g), getal: g, eenheid: 'aantal', voetnoten: [] } };
    });
    const kop = `${printCode} - ${naam}${verplicht ? ' (verplicht)' : ''}`;
    const waardenRegel = waarden.map((w) => w.printed).join(' ');
    const vervolg = waarden.find((w) => w.vervolg !== undefined)?.vervolg;
    if (r() < 0.3 && vervolg === undefined) regels.push(`${kop} ${waardenRegel}`);
    else {
      regels.push(...wrap(kop, 50), '');
      if (vervolg !== undefined) {
        // The cells and the start of the free text share a line; the rest of the text wraps in its narrow cell.
        regels.push(`${waardenRegel} `, ...wrap(vervolg, 20).flatMap((l, k) => (k === 1 ? ['', l] : [l])));
      }
      else regels.push(waardenRegel);
      regels.push('');
    }
    indicatoren.push({ code, naam, soort: soortInd, verplicht, waarden: waarden.map((w) => w.w) });
  };
  const voetnotenNa = (nummers: number[]) => {
    for (const nummer of nummers) {
      const tekst = `Cijfers voor ${jaar} zijn niet bekend.`;
      regels.push(`${nummer} ${tekst}`);
      voetnoten.push({ nummer, tekst });
    }
  };

  if (soort === 'begroting') {
    if (r() < 0.5) regels.push('', `Programmabegroting ${jaar}`, '');
    regels.push(programma, '', `Portefeuillehouder: A. Jansen en B. de Wit`, '', 'Visie / strategisch doel', '');
    for (let p = 0; p < int(1, 3); p++) regels.push(...wrap(`${zin()} ${zin()}`, 90), '');
    regels.push('Wat willen we bereiken en wat gaan we ervoor doen?', '');
  } else regels.push(' Wat hebben we bereikt en wat hebben we ervoor gedaan?', '');

  const aantalDoelen = int(1, 4);
  for (let d = 1; d <= aantalDoelen; d++) {
    const doel = { code: String(d), naam: `${kies(['Een', 'Goede', 'Meer'])} ${woorden(int(2, 7))}`, subdoelen: [] as { code: string; naam: string }[] };
    doelen.push(doel);
    regels.push(` ${d}. ${doel.naam}`, soort === 'jaarstukken' ? 'Wat wilden we bereiken?' : 'Wat willen we bereiken?', 'Subdoelen');
    for (let s = 1; s <= int(1, 4); s++) {
      const sub = { code: `${d}.${s}`, naam: `${kies(['Betere', 'Minder', 'Sterkere'])} ${woorden(int(2, 14))}` };
      doel.subdoelen.push(sub);
      regels.push(`${sub.code} - ${sub.naam}`);
    }
    const effect = int(0, 2);
    const nieuw: number[] = [];
    if (effect > 0) {
      tabelKop('Indicator maatschappelijk effect');
      for (let k = 1; k <= effect; k++) indicatorRij(`${d}.${k}`, `${d}.${k}`, 'effect', nieuw);
    }
    regels.push('', soort === 'jaarstukken' ? 'Activiteiten (Wat wilden we ervoor doen?) Realisatie (Wat hebben we ervoor gedaan?)' : 'Activiteiten (Wat gaan we ervoor doen?)');
    for (const sub of doel.subdoelen) {
      regels.push(`Subdoel ${sub.code} - ${sub.naam}`);
      for (let a = 1; a <= int(1, 3); a++) {
        const naam = `${kies(['Samen', 'Plannen', 'Onderzoeken'])} ${woorden(int(2, 12))}`;
        const alineas = Array.from({ length: int(0, 2) }, () => `${zin()} ${zin()}`);
        const code = `${sub.code}.${a}`;
        regels.push(...wrap(`${code} - ${naam}`, 55), '');
        for (const alinea of alineas) regels.push(...wrap(alinea, 68), '');
        activiteiten.push({ code, naam, tekst: alineas.join('\n') });
      }
    }
    const prestatie = int(0, 3);
    if (prestatie > 0 || d === aantalDoelen) {
      tabelKop('Prestatie-indicatoren');
      for (let k = 1; k <= prestatie; k++) indicatorRij(`${d}.1.${k}`, `${d}.1.${k}`, 'prestatie', nieuw);
      if (d === aantalDoelen) for (let k = 0; k < int(0, 3); k++) indicatorRij(`A${++algemeen}`, 'Algemeen', 'prestatie', nieuw);
    }
    voetnotenNa(nieuw);
  }

  // Finance: correct by construction.
  const fk = soort === 'jaarstukken'
    ? [`Rekening ${jaar - 1}`, `Begroting ${jaar} primitief`, `Begroting ${jaar} totaal`, `Rekening ${jaar}`, `Budget resultaat ${jaar}`]
    : [`Rekening ${jaar - 2}`, `Begroting ${jaar - 1}`, `Begroting ${jaar}`, `${jaar + 1}`, `${jaar + 2}`, `${jaar + 3}`];
  const n = soort === 'jaarstukken' ? 4 : fk.length;
  const rij = (min: number, max: number) => {
    const b = Array.from({ length: n }, () => (r() < 0.15 ? 0 : int(min, max)));
    return soort === 'jaarstukken' ? [...b, (b[3] ?? 0) - (b[2] ?? 0)] : b;
  };
  const plus = (...rijen: number[][]) => fk.map((_, k) => rijen.reduce((s, x) => s + (x[k] ?? 0), 0));
  const sl = rij(-30000, -1000), sb = rij(0, 9000), st = rij(-900, 0), so = rij(0, 900);
  const il = rij(-3000, 0), ib = rij(0, 500), io = rij(0, 2000);
  const ss = plus(sl, sb, st, so), si = plus(il, ib, io);
  const fin = [
    ['Structurele lasten', sl], ['Structurele baten', sb], ['Toevoegingen aan reserves', st], ['Onttrekkingen aan reserves', so], ['Saldo Structureel', ss],
    ['Incidentele lasten', il], ['Incidentele baten', ib], ['Onttrekkingen aan reserves', io], ['Saldo Incidenteel', si], ['Saldo van de baten en lasten', plus(ss, si)],
  ] as const;
  regels.push(` Wat ${soort === 'jaarstukken' ? 'heeft het gekost' : 'mag het kosten'}?`, '');
  if (r() < 0.5) regels.push('(bedragen x € 1.000)', '');
  const woordenKop = fk.flatMap((k) => k.split(' '));
  if (r() < 0.5) regels.push(`${programma} ${woordenKop.join(' ')}`);
  else regels.push(`${programma} ${woordenKop[0]}`, ...woordenKop.slice(1).flatMap((w) => (r() < 0.5 ? ['', w] : [w])));
  for (const [naam, b] of fin) regels.push(`${naam} ${b.map((x) => (x === 0 ? '-' : NL(x))).join(' ')}`);

  // Overhevelingen (jaarstukken): a table "Omschrijving Bedrag Motivering" or items with a motivation below.
  const overhevelingen: PcHoofdstuk['overhevelingen'] = [];
  if (soort === 'jaarstukken' && r() < 0.5) {
    const blokken = r() < 0.5;
    regels.push('', kies(['Voorgestelde overhevelingen', 'Overhevelingen', 'Budgetoverhevelingen']), '');
    if (blokken && r() < 0.5) regels.push('Wij stellen voor de volgende budgetten over te hevelen:', '');
    if (!blokken) regels.push('(bedragen x € 1.000)', '', 'Omschrijving Bedrag Motivering');
    let totaal = 0;
    for (let k = 0; k < int(1, 3); k++) {
      const naam = `${kies(['Uitvoering', 'Project', 'Onderzoek'])} ${woorden(int(1, 6))}`;
      const bedrag = (r() < 0.1 ? -1 : 1) * int(1, 900);
      const motivering = `${zin()} ${zin()}`;
      totaal += bedrag;
      overhevelingen.push({ naam, bedrag, motivering });
      const [naamBegin, naamRest] = ((w) => (w.length > 2 && r() < 0.3 ? [w.slice(0, 2).join(' '), w.slice(2).join(' ')] : [null, w.join(' ')]))(naam.split(' '));
      if (naamBegin !== null) regels.push(`${naamBegin} `);
      if (blokken) {
        const euro = r() < 0.5;
        regels.push(`${naamRest} ${euro ? `€ ${NL(bedrag * 1000)}` : NL(bedrag)}`, '', ...wrap(motivering, 70), '');
      } else {
        const [eerste = '', ...verder] = wrap(motivering, 45);
        regels.push(`${naamRest} ${NL(bedrag)} ${eerste}`, ...verder);
      }
    }
    if (r() < 0.5) regels.push(`Totaal ${NL(totaal)}`);
  }

  // Investeringen: krediet, uitgaven and restant (jaarstukken) or amounts per year (begroting).
  const investeringen: PcHoofdstuk['investeringen'] = [];
  if (r() < 0.5) {
    const ik = soort === 'jaarstukken' ? ['Krediet', `Uitgaven t/m ${jaar - 1}`, `Uitgaven ${jaar}`, 'Restant krediet'] : [0, 1, 2, 3].map((k) => String(jaar + k));
    const woordenKop = ik.flatMap((k) => k.split(' '));
    regels.push('');
    const titel = r() < 0.5;
    if (titel) regels.push('Investeringen', '');
    if (soort === 'begroting' && r() < 0.5) regels.push(`Investeringen ${woordenKop.join(' ')}`);
    // "Omschrijving …" starts the table on its own only when it names a krediet
    else if (r() < 0.5) regels.push(`${titel || soort === 'jaarstukken' ? kies(['Investering', 'Omschrijving']) : 'Investering'} ${woordenKop.join(' ')}`);
    else regels.push(`Investering ${woordenKop[0]} `, ...woordenKop.slice(1).flatMap((w) => (r() < 0.5 ? ['', w] : [w])), '');
    const som = [0, 0, 0, 0];
    for (let k = 0; k < int(1, 4); k++) {
      const naam = `${kies(['Vervanging', 'Renovatie', 'Aanleg'])} ${woorden(int(1, 6))}`;
      let bedragen: number[];
      if (soort === 'jaarstukken') {
        const krediet = int(10, 3000);
        const u1 = r() < 0.3 ? 0 : int(0, Math.floor(krediet / 2));
        const u2 = int(0, krediet - u1);
        bedragen = [krediet, u1, u2, krediet - u1 - u2];
      } else bedragen = [0, 1, 2, 3].map(() => (r() < 0.3 ? 0 : (r() < 0.15 ? -1 : 1) * int(1, 2500)));
      bedragen.forEach((b, c) => (som[c] = (som[c] ?? 0) + b));
      investeringen.push({ naam, bedragen, kolommen: ik });
      const woordenNaam = naam.split(' ');
      const cellen = bedragen.map((x) => (x === 0 ? '-' : NL(x))).join(' ');
      if (woordenNaam.length > 2 && r() < 0.3) regels.push(`${woordenNaam.slice(0, 2).join(' ')} `, `${woordenNaam.slice(2).join(' ')} ${cellen}`);
      else regels.push(`${naam} ${cellen}`);
    }
    if (r() < 0.5) regels.push(`Totaal ${som.map((x) => (x === 0 ? '-' : NL(x))).join(' ')}`);
  }

  const verwacht = {
    programma,
    soort,
    jaar,
    doelen,
    activiteiten,
    indicatoren,
    voetnoten,
    financien: { eenheid: 1000, kolommen: fk, regels: fin.map(([naam, b]) => ({ naam, bedragen: [...b] })) },
    overhevelingen,
    investeringen,
  };
  return { tekst: regels.join('\n'), verwacht };
}

describe('property: generated chapters in the layout read back', () => {
  it('300 chapters with random numbers of doelen, subdoelen, activiteiten, indicators, footnotes, columns, overhevelingen and investeringen', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { tekst, verwacht } = genereerHoofdstuk(seed);
      const { hoofdstuk: h, verantwoording } = leesHoofdstuk(tekst, { gemeente: 'diemen' });
      const gelezen = {
        programma: h.programma,
        soort: h.soort,
        jaar: h.jaar,
        doelen: h.doelen,
        activiteiten: h.activiteiten,
        indicatoren: h.indicatoren,
        voetnoten: h.voetnoten,
        financien: h.financien,
        overhevelingen: h.overhevelingen,
        investeringen: h.investeringen,
      };
      // PC_SEED=<n> prints the generated chapter of a failing seed
      if (process.env.PC_SEED === String(seed)) console.log(tekst);
      expect({ seed, ...gelezen }).toEqual({ seed, ...verwacht });
      expect({ seed, waarschuwingen: h.waarschuwingen }).toEqual({ seed, waarschuwingen: [] });
      expect({ seed, fouten: h.controles.filter((c) => !c.ok) }).toEqual({ seed, fouten: [] });
      const regels = tekst.split('\n');
      expect(regels.filter((l, i) => l.trim() !== '' && !verantwoording.has(i + 1))).toEqual([]);
    }
  });
});
