/**
 * The measure klantcontacten-herhaalcontact (ADR 0081) on hand-made contacts with the answer
 * worked out by hand, registered through the klantcontacten service. Times in UTC; March is
 * winter time (UTC+1) until Sunday 29 March.
 *
 * | contact | op | person | kanaal | onderwerp | herhaal? |
 * |---|---|---|---|---|---|
 * | K1 | Fri 27 Feb 10:00 | anna (e-mail) | telefoon | Afval | (February) |
 * | K2 | Mon 2 Mar 10:00 | ANNA (e-mail) | chat | "afval " | yes: K1 three days before, before the period |
 * | K3 | Mon 9 Mar 10:00 | anna | telefoon | Afval | yes: K2 exactly 7 days before |
 * | K4 | Mon 16 Mar 10:00:01 | anna | telefoon | Afval | no: K3 7 days and a second before |
 * | K5 | Tue 10 Mar 10:00 | anna | telefoon | Paspoort | no: another onderwerp |
 * | K6 | Wed 11 Mar 09:00 | bert (telephone only) | balie | Parkeren, about zaak Z | no: the first |
 * | K7 | Thu 12 Mar 09:00 | bert | telefoon | Bezoekersvergunning, about zaak Z | yes: the same zaak as K6 |
 * | K8 | Thu 12 Mar 10:00 | nobody | telefoon | Afval | not counted: no person |
 * | K9 | Fri 13 Mar 09:00 | carla (e-mail) | e-mail | Afval | no: another person |
 * | K10 | Tue 31 Mar 22:30 | anna | telefoon | Afval | (1 April in Amsterdam) |
 *
 * March: K2, K3, K7 of K2–K7 and K9 = 3 of 7 = 42.9 %. Per kanaal: chat 1/1, telefoon 2/4
 * (K3, K4, K5, K7), balie 0/1, e-mail 0/1. Per onderwerp: afval 2/4 (K2, K3, K4, K9),
 * Bezoekersvergunning 1/1, Paspoort 0/1, Parkeren 0/1. February: K1 alone, 0 of 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import type { Wie } from '../zaken/zaken.service.ts';

let loket: TestLoket;
let kcc: Wie;
const G = 'GM0384';
const KPI = 'klantcontacten-herhaalcontact';
const kpi = () => loket.services.kpi;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-02-27T09:00:00Z' });
  await laadDemo(loket);
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
  const beheerder = await demoWie(loket, 'beheerder@duoplus.demo');
  const z = await loket.services.zaken.registreer(beheerder, G, { zaaktype: 'e-mailvraag', onderwerp: 'Parkeren', omschrijving: '', kanaal: 'e-mail', ontvangstdatum: '2026-02-27' });
  const anna = { naam: 'Anna', email: 'anna@example.nl' };
  const bert = { naam: 'Bert', telefoon: '06-12345678' };
  const contact = async (op: string, kanaal: 'telefoon' | 'balie' | 'e-mail' | 'chat', onderwerp: string, persoon: { naam: string; email?: string; telefoon?: string } | undefined, zaken: string[] = []) => {
    loket.klok.zet(op);
    await loket.services.klantcontacten.registreer(kcc, G, { kanaal, uitkomst: 'zelfstandig-afgehandeld', op, onderwerp, vraag: '', antwoord: '', zaken, persoon });
  };
  await contact('2026-02-27T10:00:00Z', 'telefoon', 'Afval', anna);
  await contact('2026-03-02T10:00:00Z', 'chat', 'afval ', { naam: 'Anna', email: 'ANNA@example.nl' });
  await contact('2026-03-09T10:00:00Z', 'telefoon', 'Afval', anna);
  await contact('2026-03-10T10:00:00Z', 'telefoon', 'Paspoort', anna);
  await contact('2026-03-11T09:00:00Z', 'balie', 'Parkeren', bert, [z.zaak.id]);
  await contact('2026-03-12T09:00:00Z', 'telefoon', 'Bezoekersvergunning', bert, [z.zaak.id]);
  await contact('2026-03-12T10:00:00Z', 'telefoon', 'Afval', undefined);
  await contact('2026-03-13T09:00:00Z', 'e-mail', 'Afval', { naam: 'Carla', email: 'carla@example.nl' });
  await contact('2026-03-16T10:00:01Z', 'telefoon', 'Afval', anna);
  await contact('2026-03-31T22:30:00Z', 'telefoon', 'Afval', anna);
  loket.klok.zet('2026-04-07T09:00:00Z');
}, 120_000);
afterAll(async () => loket.close());

describe('klantcontacten-herhaalcontact', () => {
  it('is the share of contacts with a known person that repeat one of the same person within 7 days, about the same onderwerp or zaak', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 42.9, teller: 3, noemer: 7, eenheid: 'procent', voorlopig: false });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 1, module: 'klantreizen', richting: 'lager-is-beter', eigenaar: 'Klantcontactcentrum', uitsplitsingen: ['kanaal', 'onderwerp'] });
    expect(await kpi().waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ status: 'bekend', waarde: 0, teller: 0, noemer: 1 });
  });

  it('splits by kanaal and by onderwerp', async () => {
    const perKanaal = await kpi().waarde(G, KPI, { periode: '2026-03', uitsplitsing: 'kanaal' });
    expect(perKanaal.uitsplitsing?.map((u) => [u.kanaal, u.teller, u.noemer]).toSorted()).toEqual([
      ['balie', 0, 1],
      ['chat', 1, 1],
      ['e-mail', 0, 1],
      ['telefoon', 2, 4],
    ]);
    const perOnderwerp = await kpi().waarde(G, KPI, { periode: '2026-03', uitsplitsing: 'onderwerp' });
    expect(perOnderwerp.uitsplitsing?.map((u) => [u.onderwerp?.trim().toLowerCase(), u.teller, u.noemer]).toSorted()).toEqual([
      ['afval', 2, 4],
      ['bezoekersvergunning', 1, 1],
      ['parkeren', 0, 1],
      ['paspoort', 0, 1],
    ]);
  });

  it('with a kanaal selected counts only the contacts on that channel, the earlier contact on any channel', async () => {
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'telefoon' })).toMatchObject({ status: 'bekend', teller: 2, noemer: 4, kanaal: 'telefoon' });
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'chat' })).toMatchObject({ status: 'bekend', teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'brief' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('is not known, with the reason, without contacts or with a zaaktype filter', async () => {
    expect(await kpi().waarde(G, KPI, { periode: '2026-01' })).toMatchObject({ status: 'niet-bekend', noemer: 0, reden: 'Er zijn in deze periode geen klantcontacten met een bekende persoon vastgelegd.' });
    const metZaaktype = await kpi().waarde(G, KPI, { periode: '2026-03', zaaktype: 'klacht' });
    expect(metZaaktype).toMatchObject({ status: 'niet-bekend', waarde: null });
    expect(metZaaktype.reden).toContain('geen zaaktype');
  });

  it('puts a contact just after midnight in Amsterdam in the next day', async () => {
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-31', periodeTot: '2026-03-31' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-04-01', periodeTot: '2026-04-01' })).toMatchObject({ noemer: 1, teller: 0 });
  });
});
