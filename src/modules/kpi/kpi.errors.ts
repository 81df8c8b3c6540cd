import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const kpiOnbekend = (code: string): ProblemError => notFound(`Een KPI met de code "${code}" kennen we niet. De lijst staat op /api/v1/kpi-definities.`);
export const ongeldigePeriode = (naam: string, reden: string): ProblemError => badRequest([{ name: naam, code: 'ongeldige-periode', reason: reden }]);
export const periodeInDeToekomst = (naam: string, van: string): ProblemError =>
  badRequest([{ name: naam, code: 'periode-in-de-toekomst', reason: `De periode begint op ${van}, na vandaag. Van de toekomst is nog niets te meten.` }]);
export const periodeOntbreekt = (): ProblemError =>
  badRequest([{ name: 'query.periode', code: 'periode-ontbreekt', reason: 'Geef een periode (bijvoorbeeld 2026, 2026-Q1, 2026-03, 2026-W10 of 2026-03-02), of periodeVan en periodeTot.' }]);
export const periodeDubbel = (): ProblemError =>
  badRequest([{ name: 'query.periode', code: 'periode-dubbel', reason: 'Geef een periode, of periodeVan en periodeTot, of (bij een reeks) laatste: één van de drie.' }]);
export const periodeTeLang = (naam: string): ProblemError =>
  badRequest([{ name: naam, code: 'periode-te-lang', reason: 'Een periode is hoogstens tien jaar.' }]);
export const onbekendZaaktype = (code: string): ProblemError =>
  badRequest([{ name: 'query.zaaktype', code: 'onbekend-zaaktype', reason: `Een zaaktype met de code "${code}" bestaat niet in deze gemeente.` }]);
export const uitsplitsingKanNiet = (code: string, uitsplitsing: string): ProblemError =>
  badRequest([{ name: 'query.uitsplitsing', code: 'uitsplitsing-kan-niet', reason: `De KPI "${code}" is niet uit te splitsen naar ${uitsplitsing}.` }]);
export const selectieKanNiet = (code: string, veld: 'wachtrij' | 'team' | 'categorie' | 'locatie' | 'kanaal'): ProblemError =>
  badRequest([{ name: `query.${veld}`, code: 'selectie-kan-niet', reason: `De KPI "${code}" is niet per ${veld} te meten.` }]);
export const gemeenteOnbekend = (code: string): ProblemError => notFound(`Gemeente ${code} bestaat niet in deze installatie.`);
export const kpiNietPubliek = (code: string): ProblemError =>
  notFound(`Een openbare KPI met de code "${code}" kennen we niet. De openbare KPI's staan op /api/v1/gemeenten/{gemeente}/kpis (publiek: true).`);
export const reeksTeLang = (aantal: number, max: number): ProblemError =>
  badRequest([{ name: 'query.per', code: 'reeks-te-lang', reason: `Deze reeks heeft ${aantal} perioden; dat zijn er hoogstens ${max}. Kies een kortere periode of grotere perioden (week, maand).` }]);
export const normBestaat = (datum: string): ProblemError =>
  conflict('norm-bestaat', `Voor deze KPI is al een norm die geldt vanaf ${datum}. Kies een andere datum voor een nieuwe norm.`);
export const geenZakenLijst = (code: string): ProblemError =>
  notFound(`De KPI "${code}" telt geen zaken: er is geen lijst van zaken achter haar waarde. Zie zakenLijst op /api/v1/gemeenten/{gemeente}/kpis.`);
export const geenTeller = (code: string): ProblemError =>
  badRequest([{ name: 'query.deel', code: 'geen-teller', reason: `De KPI "${code}" is geen breuk en heeft geen teller. Vraag deel=noemer: de zaken die meetellen.` }]);
