import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';

let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
});
afterAll(async () => {
  await loket.close();
  await smtp.close();
});

it('sends the confirmation with its iCalendar file, the reminder and the cancellation through a real SMTP server', async () => {
  const res = await loket.app.inject({
    method: 'POST',
    url: '/api/v1/gemeenten/GM0451/afspraken',
    payload: { product: 'rijbewijs-verlengen', start: '2026-03-03T07:30:00Z', naam: 'Jan Jansen', email: 'jan@example.org' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const bevestiging = await simpleParser((await smtp.wachtOp('jan@example.org', /^Uw afspraak bij de gemeente Uithoorn: Rijbewijs verlengen op dinsdag 3 maart 2026 om 08:30$/)).bron);
  expect(bevestiging.text).toContain('Waar: Gemeentehuis Uithoorn, Laan van Meerwijk 16, Uithoorn');
  expect(bevestiging.text).toContain(res.json().beheerUrl);
  const bijlage = bevestiging.attachments.find((b) => b.filename === 'afspraak.ics');
  expect(bijlage?.contentType).toBe('text/calendar');
  expect(bijlage?.content.toString('utf8')).toMatch(/BEGIN:VCALENDAR[\s\S]*METHOD:PUBLISH[\s\S]*DTSTART:20260303T073000Z[\s\S]*DTEND:20260303T074000Z[\s\S]*END:VCALENDAR/);

  expect(await loket.services.afspraken.herinner()).toBe(1);
  const herinnering = await smtp.wachtOp('jan@example.org', 'Morgen heeft u een afspraak: Rijbewijs verlengen om 08:30');
  expect(herinnering.tekst).toContain('Morgen heeft u een afspraak bij de gemeente Uithoorn.');

  const token = String(res.json().beheerUrl).split('/').at(-1);
  expect((await loket.app.inject({ method: 'DELETE', url: `/api/v1/gemeenten/GM0451/afspraken/${token}` })).statusCode).toBe(200);
  const afgezegd = await simpleParser((await smtp.wachtOp('jan@example.org', /^Uw afspraak is afgezegd/)).bron);
  expect(afgezegd.attachments[0]?.content.toString('utf8')).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
});
