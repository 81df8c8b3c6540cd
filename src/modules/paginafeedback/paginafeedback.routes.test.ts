import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { systeemContext } from '../audit/audit.service.ts';

// Page feedback of Uithoorn's website (demo GM0451, slug uithoorn; its webredacteur is Rik).
let loket: TestLoket;
let beheerder: Ingelogd;
let redacteur: Ingelogd;
let behandelaarDiemen: Ingelogd;
let kccTeam = '';
let communicatie = '';

const RATE_LIMIT = 40;
const API = '/api/v1/gemeenten/GM0451';
const SITE = 'https://www.uithoorn.nl';
const FORMULIER = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { LOKET_RATE_LIMIT_AANMELDEN: String(RATE_LIMIT) } });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  redacteur = await logInAls(loket, 'redacteur@uithoorn.demo');
  behandelaarDiemen = await logInAls(loket, 'behandelaar@diemen.demo');
  const teams = (await loket.app.inject({ method: 'GET', url: `${API}/teams?pageSize=100`, headers: beheerder.headers })).json().items as { id: string; naam: string }[];
  kccTeam = teams.find((t) => t.naam === 'Klantcontactcentrum')?.id ?? '';
  communicatie = teams.find((t) => t.naam === 'Communicatie')?.id ?? '';
  const res = await loket.app.inject({
    method: 'PUT',
    url: `${API}/paginafeedback-instellingen`,
    headers: beheerder.headers,
    payload: { domeinen: ['Uithoorn.nl'], routes: [{ patroon: '/afval/*', team: kccTeam }, { patroon: '/nieuws/2026-*', team: communicatie }] },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => loket.close());

let adres = 0;
/** Each post from an address of its own, so the rate limit test counts only its own. */
function post(velden: Record<string, string>, headers: Record<string, string> = {}, remoteAddress = `10.0.0.${++adres % 250}`) {
  return loket.app.inject({ method: 'POST', url: '/uithoorn/paginafeedback', headers: { ...FORMULIER, origin: SITE, ...headers }, payload: new URLSearchParams(velden).toString(), remoteAddress });
}

async function lijst(query = '', wie = redacteur) {
  const res = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback?pageSize=100${query}`, headers: wie.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: Record<string, unknown>[] };
}

describe('configuration (beheerders)', () => {
  it('is read back normalised; an unknown team is refused; a webredacteur may not change it', async () => {
    const res = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback-instellingen`, headers: beheerder.headers });
    expect(res.json()).toEqual({ domeinen: ['uithoorn.nl'], routes: [{ patroon: '/afval/*', team: kccTeam }, { patroon: '/nieuws/2026-*', team: communicatie }] });
    const fout = await loket.app.inject({
      method: 'PUT',
      url: `${API}/paginafeedback-instellingen`,
      headers: beheerder.headers,
      payload: { domeinen: ['https://uithoorn.nl/'], routes: [{ patroon: '/a/*', team: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['domeinen.0']);
    const team = await loket.app.inject({ method: 'PUT', url: `${API}/paginafeedback-instellingen`, headers: beheerder.headers, payload: { domeinen: ['uithoorn.nl'], routes: [{ patroon: '/a/*', team: '00000000-0000-4000-8000-000000000000' }] } });
    expect(team.statusCode).toBe(400);
    expect(team.json().invalidParams).toEqual([{ name: 'routes.0.team', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' }]);
    const redactie = await loket.app.inject({ method: 'PUT', url: `${API}/paginafeedback-instellingen`, headers: redacteur.headers, payload: { domeinen: [], routes: [] } });
    expect(redactie.statusCode).toBe(403);
  });
});

describe('POST /{slug}/paginafeedback (the form on the website)', () => {
  it('without JavaScript: stores the remark masked and routed, and sends the visitor back to the page', async () => {
    const terug = `${SITE}/afval/grofvuil?postcode=1421AB`;
    const res = await post({
      pagina: terug,
      terug,
      gevonden: 'nee',
      vindbaarheid: '2',
      begrijpelijkheid: '4',
      volledigheid: '',
      tekst: 'Mail mij op jan.jansen@example.nl of bel 06-12345678, rekening NL91 ABNA 0417 1643 00.',
      website: '',
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${terug}#feedback-bedankt`);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    // Loket's own answers keep frame-ancestors 'none'.
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const { items } = await lijst(`&pagina=${encodeURIComponent(`${SITE}/afval/grofvuil`)}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      pagina: `${SITE}/afval/grofvuil`,
      gevonden: false,
      vindbaarheid: 2,
      begrijpelijkheid: 4,
      volledigheid: null,
      tekst: 'Mail mij op [e-mailadres] of bel [telefoonnummer], rekening [rekeningnummer].',
      team: kccTeam,
      metJavascript: false,
      afhandeling: null,
    });
  });

  it('with the script (Accept: JSON): 201, and the problems as JSON; a page no rule fits goes to the webredactie', async () => {
    const ok = await post({ pagina: `${SITE}/paspoort`, gevonden: 'ja', js: '1' }, { accept: 'application/json' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ ontvangen: true });
    expect(ok.headers['access-control-allow-origin']).toBe(SITE);
    const fout = await post({ pagina: `${SITE}/paspoort`, gevonden: 'misschien', vindbaarheid: '9', js: '1' }, { accept: 'application/json' });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['gevonden', 'vindbaarheid']);
    // The script can read the problem: it carries the CORS header too.
    expect(fout.headers['access-control-allow-origin']).toBe(SITE);
    const { items } = await lijst(`&team=webredactie&pagina=${encodeURIComponent(`${SITE}/paspoort`)}`);
    expect(items).toEqual([expect.objectContaining({ gevonden: true, team: null, metJavascript: true, tekst: null })]);
    // Routing by a * inside a segment.
    await post({ pagina: `${SITE}/nieuws/2026-03-nieuwe-milieustraat`, gevonden: 'nee', js: '1' }, { accept: 'application/json' });
    expect((await lijst(`&team=${communicatie}`)).items.map((i) => i.pagina)).toEqual([`${SITE}/nieuws/2026-03-nieuwe-milieustraat`]);
  });

  it('without JavaScript a mistake sends the visitor back to the page with #feedback-fout', async () => {
    const res = await post({ pagina: `${SITE}/paspoort`, terug: `${SITE}/paspoort` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${SITE}/paspoort#feedback-fout`);
  });

  it('no open redirect: a return address off the website is not followed; another website may not post', async () => {
    const ander = await post({ pagina: `${SITE}/afval`, terug: 'https://kwaadwillend.example/phish', gevonden: 'ja' });
    expect(ander.statusCode).toBe(303);
    expect(ander.headers.location).toBe(`${SITE}/afval#feedback-bedankt`);
    for (const terug of ['https://uithoorn.nl.kwaadwillend.example/', 'http://www.uithoorn.nl/', 'https://www.uithoorn.nl:8443/', 'javascript:alert(1)', '//kwaadwillend.example']) {
      const res = await post({ pagina: 'https://kwaadwillend.example/x', terug, gevonden: 'ja' });
      expect(res.statusCode, terug).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'pagina', code: 'andere-website' });
    }
    const herkomst = await post({ pagina: `${SITE}/afval`, gevonden: 'ja' }, { origin: 'https://kwaadwillend.example' });
    expect(herkomst.statusCode).toBe(403);
    expect(herkomst.headers['access-control-allow-origin']).toBeUndefined();
    // Another gemeente's website is not this one's.
    const diemen = await loket.app.inject({ method: 'POST', url: '/diemen/paginafeedback', headers: { ...FORMULIER, origin: SITE }, payload: `pagina=${encodeURIComponent(`${SITE}/afval`)}&gevonden=ja` });
    expect(diemen.statusCode).toBe(403);
    const onbekend = await loket.app.inject({ method: 'POST', url: '/bestaat-niet/paginafeedback', headers: FORMULIER, payload: 'gevonden=ja' });
    expect(onbekend.statusCode).toBe(404);
  });

  it('the honeypot: answered as if stored, nothing stored', async () => {
    const voor = (await lijst()).total;
    const res = await post({ pagina: `${SITE}/afval`, terug: `${SITE}/afval`, gevonden: 'nee', tekst: 'koop nu', website: 'https://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${SITE}/afval#feedback-bedankt`);
    expect((await lijst()).total).toBe(voor);
  });

  it('a text over 2000 characters is refused (400), a body over 32 KiB too (413); a script in the text is stored as text', async () => {
    const lang = await post({ pagina: `${SITE}/afval`, gevonden: 'nee', tekst: 'a'.repeat(2001) }, { accept: 'application/json' });
    expect(lang.statusCode).toBe(400);
    expect(lang.json().invalidParams).toEqual([{ name: 'tekst', code: 'te-lang', reason: 'Uw opmerking is 2001 tekens. Dat mag hoogstens 2000 zijn.' }]);
    const groot = await post({ pagina: `${SITE}/afval`, gevonden: 'nee', tekst: 'é'.repeat(10_000) }, { accept: 'application/json' });
    expect(groot.statusCode).toBe(413);
    const script = await post({ pagina: `${SITE}/script`, gevonden: 'nee', tekst: '<script>alert(1)</script>' }, { accept: 'application/json' });
    expect(script.statusCode).toBe(201);
    const { items } = await lijst(`&pagina=${encodeURIComponent(`${SITE}/script`)}`);
    expect(items[0]?.tekst).toBe('<script>alert(1)</script>');
  });

  it('CORS preflight only for the website; the script is served for another origin', async () => {
    const ja = await loket.app.inject({ method: 'OPTIONS', url: '/uithoorn/paginafeedback', headers: { origin: SITE, 'access-control-request-method': 'POST' } });
    expect(ja.statusCode).toBe(204);
    expect(ja.headers['access-control-allow-origin']).toBe(SITE);
    expect(ja.headers['access-control-allow-methods']).toBe('POST');
    const nee = await loket.app.inject({ method: 'OPTIONS', url: '/uithoorn/paginafeedback', headers: { origin: 'https://kwaadwillend.example', 'access-control-request-method': 'POST' } });
    expect(nee.statusCode).toBe(204);
    expect(nee.headers['access-control-allow-origin']).toBeUndefined();
    const js = await loket.app.inject({ method: 'GET', url: '/static/paginafeedback.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(js.body).toContain("form[data-loket-feedback]");
    expect(js.body).not.toMatch(/document\.cookie|localStorage|eval\(|new Function|innerHTML|https?:\/\//);
  });

  it('is rate limited per address (429 after the limit)', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) codes.push((await post({ pagina: `${SITE}/vloed`, gevonden: 'ja' }, { accept: 'application/json' }, '10.9.9.9')).statusCode);
    expect(codes.slice(0, RATE_LIMIT).every((c) => c === 201)).toBe(true);
    expect(codes[RATE_LIMIT]).toBe(429);
  });
});

describe('the inbox of the webredacteur', () => {
  it('ranks pages by share of "nee", shows a page trend, and a remark is handled once', async () => {
    for (let i = 0; i < 3; i++) await post({ pagina: `${SITE}/wonen`, gevonden: i === 0 ? 'nee' : 'ja', js: '1' }, { accept: 'application/json' });
    const paginas = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback-paginas?van=2026-03-01&tot=2026-03-02&pageSize=100`, headers: redacteur.headers });
    expect(paginas.statusCode, paginas.body).toBe(200);
    const items = paginas.json().items as { pagina: string; aantal: number; nee: number; aandeelNee: number }[];
    const aandelen = items.map((p) => p.aandeelNee);
    expect(aandelen).toEqual(aandelen.toSorted((a, b) => b - a));
    expect(items.find((p) => p.pagina === `${SITE}/wonen`)).toMatchObject({ aantal: 3, nee: 1, aandeelNee: 1 / 3 });
    // Outside the period: nothing.
    const leeg = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback-paginas?van=2026-02-01&tot=2026-02-28`, headers: redacteur.headers });
    expect(leeg.json().total).toBe(0);

    // A week later, one more (the clock moved for the post only: sessions stay as they are): the trend has two weeks (Mondays, Europe/Amsterdam).
    const nu = loket.klok.nu();
    loket.klok.zet('2026-03-09T10:00:00Z');
    try {
      expect((await post({ pagina: `${SITE}/wonen`, gevonden: 'nee', js: '1' }, { accept: 'application/json' })).statusCode).toBe(201);
    } finally {
      loket.klok.zet(nu);
    }
    const trend = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback-trend?pagina=${encodeURIComponent(`${SITE}/wonen`)}&van=2026-03-01&tot=2026-03-31`, headers: redacteur.headers });
    expect(trend.json()).toEqual({ pagina: `${SITE}/wonen`, weken: [{ week: '2026-03-02', ja: 2, nee: 1 }, { week: '2026-03-09', ja: 0, nee: 1 }] });

    await post({ pagina: `${SITE}/afhandelen`, gevonden: 'nee', tekst: 'De openingstijden kloppen niet.', js: '1' }, { accept: 'application/json' });
    const open = await lijst('&status=open');
    const id = open.items.find((i) => i.pagina === `${SITE}/afhandelen`)?.id as string;
    const af = await loket.app.inject({ method: 'POST', url: `${API}/paginafeedback/${id}/afhandeling`, headers: redacteur.headers, payload: { afhandeling: 'gecorrigeerd', notitie: 'Openingstijden bijgewerkt.' } });
    expect(af.statusCode, af.body).toBe(201);
    expect(af.json()).toMatchObject({ id, tekst: 'De openingstijden kloppen niet.', afhandeling: { afhandeling: 'gecorrigeerd', notitie: 'Openingstijden bijgewerkt.', afgehandeldOp: loket.klok.nu().toISOString() } });
    const een = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback/${id}`, headers: redacteur.headers });
    expect(een.json()).toEqual(af.json());
    const nogmaals = await loket.app.inject({ method: 'POST', url: `${API}/paginafeedback/${id}/afhandeling`, headers: redacteur.headers, payload: { afhandeling: 'geen-actie' } });
    expect(nogmaals.statusCode).toBe(409);
    const fout = await loket.app.inject({ method: 'POST', url: `${API}/paginafeedback/${id}/afhandeling`, headers: redacteur.headers, payload: { afhandeling: 'weggegooid' } });
    expect(fout.statusCode).toBe(400);
    const onbekend = await loket.app.inject({ method: 'POST', url: `${API}/paginafeedback/00000000-0000-4000-8000-000000000000/afhandeling`, headers: redacteur.headers, payload: { afhandeling: 'geen-actie' } });
    expect(onbekend.statusCode).toBe(404);
    expect((await lijst('&status=open')).items.some((i) => i.id === id)).toBe(false);
    // A plain "ja" has nothing to handle: not open.
    expect((await lijst('&status=open')).items.some((i) => i.pagina === `${SITE}/wonen` && i.gevonden === true)).toBe(false);
    expect((await lijst('&status=afgehandeld')).items.map((i) => i.id)).toEqual([id]);
    // A behandelaar of Diemen has no rights in Uithoorn.
    const diemen = await loket.app.inject({ method: 'GET', url: `${API}/paginafeedback`, headers: behandelaarDiemen.headers });
    expect(diemen.statusCode).toBe(403);
  });

  it('remarks are deleted two years after they came in (onderhoud)', async () => {
    await post({ pagina: `${SITE}/bewaren`, gevonden: 'ja', js: '1' }, { accept: 'application/json' });
    const alle = async () => (await loket.services.paginafeedback.lijst('GM0451', { pagina: `${SITE}/bewaren` }, 0, 100)).rows;
    const [rij] = await alle();
    const ontvangen = Date.parse(rij?.ontvangenOp ?? '');
    const uur = 3_600_000;
    const nu = loket.klok.nu();
    try {
      // 730 days after it came in: an hour before, it stays; an hour after, it is gone.
      loket.klok.zet(new Date(ontvangen + 730 * 24 * uur - uur));
      await loket.services.onderhoud.ruimOp(systeemContext());
      expect(await alle()).toHaveLength(1);
      loket.klok.zet(new Date(ontvangen + 730 * 24 * uur + uur));
      expect((await loket.services.onderhoud.ruimOp(systeemContext())).paginafeedback).toBeGreaterThanOrEqual(1);
      expect(await alle()).toHaveLength(0);
    } finally {
      loket.klok.zet(nu);
      // Housekeeping in 2028 also ended every session: log in again for the other tests.
      beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
      redacteur = await logInAls(loket, 'redacteur@uithoorn.demo');
      behandelaarDiemen = await logInAls(loket, 'behandelaar@diemen.demo');
    }
  });
});
