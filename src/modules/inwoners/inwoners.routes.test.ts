import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { registreerZaak } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';
import { DEMO_INWONERS, startDemoProvider, type DemoProvider } from './demo-provider.ts';
import { INLOG_COOKIE, INWONER_COOKIE } from './inwoners.routes.ts';
import { bsnSleutelVan, LINK_MS, LINKS_PER_UUR } from './inwoners.service.ts';

/**
 * Resident login against the real demo OpenID provider (oidc-provider on its own loopback port),
 * "Mijn zaken", one-time links by e-mail through a real SMTP receiver, and the separation from
 * staff sessions (ADR 0077).
 */

const BSN_SLEUTEL = 'test-bsn-sleutel-met-genoeg-lengte-0123456789';
const PUBLIEK = 'http://127.0.0.1:3000';
const FATIMA = DEMO_INWONERS[0]!;
const JAN = DEMO_INWONERS[1]!;

let provider: DemoProvider;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;
let fatimaZaak: string;
let janZaak: string;
let emailZaak: string;

beforeAll(async () => {
  provider = await startDemoProvider({ redirectUris: ['diemen', 'ouder-amstel'].map((slug) => `${PUBLIEK}/${slug}/inloggen/terug`) });
  smtp = await smtpOntvanger();
  loket = await testLoket({
    env: {
      SMTP_URL: smtp.url,
      LOKET_BSN_SLEUTEL: BSN_SLEUTEL,
      LOKET_OIDC_ISSUER: provider.issuer,
      LOKET_OIDC_CLIENT_ID: provider.clientId,
      LOKET_OIDC_CLIENT_SECRET: provider.clientSecret,
      LOKET_OIDC_SCOPES: 'openid bsn profile email',
    },
  });
  await laadDemo(loket);
  const systeem = { soort: 'systeem' as const, context: cliContext(), naam: 'Website (e-formulieren)' };
  const vandaag = loket.klok.nu().toISOString().slice(0, 10);
  const registreer = async (onderwerp: string, bsn: string | undefined, email?: string) =>
    (
      await loket.services.zaken.registreerKort(systeem, 'GM0384', {
        zaaktype: 'klacht',
        onderwerp,
        kanaal: 'web',
        ontvangstdatum: vandaag,
        betrokkene: { naam: 'Inwoner', email, taal: 'nl' },
        bsnSleutel: bsn ? bsnSleutelVan(BSN_SLEUTEL, 'GM0384', bsn) : undefined,
      })
    ).identificatie;
  fatimaZaak = await registreer('Stoep bij de school is kapot', FATIMA.bsn);
  janZaak = await registreer('Zaak van Jan', JAN.bsn);
  // Through the KCC (another channel), with only an e-mail address.
  const kcc = await logInAls(loket, 'kcc@duoplus.demo');
  emailZaak = (await registreerZaak(loket.app, kcc, { zaaktype: 'klacht', onderwerp: 'Telefoon: geluidsoverlast', kanaal: 'telefoon', ontvangstdatum: vandaag, betrokkene: { naam: 'Fatima', email: FATIMA.email, taal: 'nl' } })).identificatie;
});
afterAll(async () => {
  await loket?.close();
  await smtp?.close();
  await provider?.close();
});

/** The cookies of one browser: Loket's (through inject) and the provider's (real HTTP), by host. */
function browser() {
  const potten = new Map<string, Map<string, string>>();
  const pot = (host: string) => potten.get(host) ?? potten.set(host, new Map()).get(host)!;
  const bewaar = (host: string, koppen: string[]) => {
    for (const kop of koppen) {
      const [paar = '', ...attributen] = kop.split(';');
      const i = paar.indexOf('=');
      const naam = paar.slice(0, i).trim();
      const waarde = paar.slice(i + 1).trim();
      const verlopen = attributen.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (verlopen || waarde === '') pot(host).delete(naam);
      else pot(host).set(naam, waarde);
    }
  };
  const cookieKop = (host: string) => [...pot(host)].map(([n, w]) => `${n}=${w}`).join('; ');
  const loketHost = new URL(PUBLIEK).host;

  /** One request: to Loket by inject, elsewhere by fetch; no redirects followed. */
  async function vraag(url: string, opties: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}) {
    const doel = new URL(url, PUBLIEK);
    const method = opties.method ?? 'GET';
    const body = opties.form ? new URLSearchParams(opties.form).toString() : undefined;
    const headers: Record<string, string> = { accept: 'text/html', cookie: cookieKop(doel.host), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
    if (doel.host === loketHost) {
      const res = await loket.app.inject({ method, url: doel.pathname + doel.search, headers, payload: body });
      const sc = res.headers['set-cookie'];
      bewaar(doel.host, sc === undefined ? [] : Array.isArray(sc) ? sc : [sc]);
      return { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body, url: doel.href };
    }
    const res = await fetch(doel, { method, headers, body, redirect: 'manual' });
    bewaar(doel.host, res.headers.getSetCookie());
    const location = res.headers.get('location') ?? undefined;
    return { status: res.status, location: location ? new URL(location, doel).href : undefined, body: await res.text(), url: doel.href };
  }

  /** Follows redirects from `url` until a page (not a 3xx) comes. */
  async function volg(url: string, opties: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}) {
    let res = await vraag(url, opties);
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400 && res.location; i++) res = await vraag(res.location);
    return res;
  }
  return { vraag, volg, cookie: (host: string, naam: string) => pot(host).get(naam), zet: (naam: string, waarde: string) => pot(loketHost).set(naam, waarde) };
}

/** Logs in at the demo provider as `sub`, up to the callback (not followed). */
async function totTerug(b: ReturnType<typeof browser>, sub: string, pad = '/diemen/inloggen') {
  const start = await b.vraag(pad);
  expect(start.status).toBe(303);
  expect(start.location).toMatch(new RegExp(`^${provider.issuer}/auth\\?`));
  const auth = new URL(start.location!);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('state')).toBeTruthy();
  expect(auth.searchParams.get('nonce')).toBeTruthy();
  const login = await b.volg(start.location!);
  expect(login.status).toBe(200);
  expect(login.body).toContain('De inwoners hieronder zijn verzonnen');
  const actie = /action="(\/interactie\/[\w-]+\/login)"/.exec(login.body)?.[1];
  let res = await b.vraag(new URL(actie!, provider.issuer).href, { method: 'POST', form: { inwoner: sub } });
  while (res.location && !res.location.startsWith(PUBLIEK)) res = await b.vraag(res.location);
  expect(res.location).toMatch(new RegExp(`^${PUBLIEK}/diemen/inloggen/terug\\?code=`));
  return res.location!;
}

describe('resident login with OpenID Connect', () => {
  it('logs in at the real provider, shows the zaken of the BSN and the verified e-mail, and logs out', async () => {
    const b = browser();
    const terug = await totTerug(b, FATIMA.sub);
    const na = await b.vraag(terug);
    expect(na.status).toBe(303);
    expect(na.location).toBe('/diemen/mijn-zaken');
    expect(b.cookie('127.0.0.1:3000', INWONER_COOKIE)).toBeTruthy();
    const mijn = await b.vraag('/diemen/mijn-zaken');
    expect(mijn.status).toBe(200);
    expect(mijn.body).toContain(`U bent ingelogd als ${FATIMA.naam}.`);
    // By BSN (web form) and by her verified e-mail address (a call to the KCC), not Jan's.
    expect(mijn.body).toContain(fatimaZaak);
    expect(mijn.body).toContain(emailZaak);
    expect(mijn.body).not.toContain(janZaak);
    expect(mijn.body).toContain('Waar zijn we nu');
    expect(mijn.body).toContain('Volgende stap');
    expect(mijn.body).toContain('U hoort van ons uiterlijk op');
    // One zaak, as the tracking page shows it; another resident's is not found.
    const zaak = await b.vraag(`/diemen/mijn-zaken/${fatimaZaak}`);
    expect(zaak.status).toBe(200);
    expect(zaak.body).toContain('Stoep bij de school is kapot');
    expect((await b.vraag(`/diemen/mijn-zaken/${janZaak}`)).status).toBe(404);
    // The session is for Diemen only.
    expect((await b.vraag('/ouder-amstel/mijn-zaken')).body).toContain('Inloggen voor mijn zaken');
    // Log out: the form's token, the session gone, the cookie cleared.
    const token = /name="formulier" value="([^"]+)"/.exec(mijn.body)?.[1] ?? '';
    const sessie = createHash('sha256').update(b.cookie('127.0.0.1:3000', INWONER_COOKIE)!).digest('hex');
    const uit = await b.vraag('/diemen/uitloggen', { method: 'POST', form: { formulier: token } });
    expect(uit.status).toBe(200);
    expect(uit.body).toContain('U bent uitgelogd');
    expect(b.cookie('127.0.0.1:3000', INWONER_COOKIE)).toBeUndefined();
    expect(await loket.database.db.selectFrom('inwoner_sessie').select('id_hash').where('id_hash', '=', sessie).execute()).toEqual([]);
    expect((await b.vraag('/diemen/mijn-zaken')).body).toContain('Inloggen voor mijn zaken');
  });

  it('stores no BSN in the clear: a keyed hash on the zaak, the session holds it encrypted', async () => {
    const b = browser();
    await b.vraag(await totTerug(b, JAN.sub));
    const sessies = await loket.database.db.selectFrom('inwoner_sessie').selectAll().where('naam', '=', JAN.naam).execute();
    expect(sessies).toHaveLength(1);
    expect(sessies[0]!.bsn_sleutel).toBe(bsnSleutelVan(BSN_SLEUTEL, 'GM0384', JAN.bsn));
    expect(JSON.stringify(sessies)).not.toContain(JAN.bsn);
    const betrokkenen = await loket.database.db.selectFrom('betrokkene').selectAll().execute();
    expect(JSON.stringify(betrokkenen)).not.toContain(JAN.bsn);
  });

  it('refuses a callback whose state is not the one of this browser, and a used state', async () => {
    const b = browser();
    const terug = await totTerug(b, FATIMA.sub);
    // Another browser (no state cookie, or another one) with this answer.
    const ander = browser();
    const zonder = await ander.vraag(terug);
    expect(zonder.status).toBe(400);
    expect(zonder.body).toContain('Inloggen is niet gelukt');
    ander.zet(INLOG_COOKIE, 'iets-anders');
    expect((await ander.vraag(terug)).status).toBe(400);
    // A changed state in the address.
    const vervalst = new URL(terug);
    vervalst.searchParams.set('state', 'vervalst');
    expect((await b.vraag(vervalst.href)).status).toBe(400);
    expect(b.cookie('127.0.0.1:3000', INWONER_COOKIE)).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one of the login', async () => {
    const b = browser();
    const terug = await totTerug(b, FATIMA.sub);
    // The login waiting for this state now expects another nonce than the provider put in the token.
    await loket.database.db.updateTable('inwoner_inlog').set({ nonce: 'een-andere-nonce' }).execute();
    const res = await b.vraag(terug);
    expect(res.status).toBe(400);
    expect(res.body).toContain('De inlogdienst gaf geen geldig antwoord');
    expect(b.cookie('127.0.0.1:3000', INWONER_COOKIE)).toBeUndefined();
  });

  it('never lets a resident session reach the staff API', async () => {
    const b = browser();
    await b.vraag(await totTerug(b, FATIMA.sub));
    const token = b.cookie('127.0.0.1:3000', INWONER_COOKIE)!;
    for (const cookie of [`${INWONER_COOKIE}=${token}`, `__Host-loket-sessie=${token}`]) {
      for (const url of ['/api/v1/sessie', '/api/v1/gemeenten/GM0384/zaken', '/api/v1/gemeenten/GM0384/gebruikers']) {
        const res = await loket.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, `${url} met ${cookie.split('=')[0]}`).toBe(401);
      }
    }
  });

  it('says so when the resident cancels at the provider', async () => {
    const b = browser();
    const start = await b.vraag('/diemen/inloggen');
    const login = await b.volg(start.location!);
    const actie = /action="(\/interactie\/[\w-]+\/afbreken)"/.exec(login.body)?.[1];
    let res = await b.vraag(new URL(actie!, provider.issuer).href, { method: 'POST' });
    while (res.location && !res.location.startsWith(PUBLIEK)) res = await b.vraag(res.location);
    const terug = await b.vraag(res.location!);
    expect(terug.status).toBe(400);
    expect(terug.body).toContain('U heeft het inloggen afgebroken.');
  });

  it('shows the login choices in English at /diemen/en/my-cases, and the home page links to them', async () => {
    const en = await loket.app.inject({ method: 'GET', url: '/diemen/en/my-cases', headers: { accept: 'text/html' } });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Log in with DigiD');
    expect(en.body).toContain('href="/diemen/en/log-in"');
    const home = await loket.app.inject({ method: 'GET', url: '/diemen/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('href="/diemen/mijn-zaken"');
  });
});

describe('replying from a zaak of "Mijn zaken"', () => {
  it("offers the tracking page's reply form with the same checks, and records the reply as the resident's", async () => {
    const b = browser();
    await b.vraag(await totTerug(b, FATIMA.sub));
    const pad = `/diemen/mijn-zaken/${fatimaZaak}`;
    const pagina = await b.vraag(pad);
    expect(pagina.body).toContain(`<form class="loket-formulier" method="post" action="${pad}" enctype="multipart/form-data" novalidate>`);
    expect(pagina.body).toContain('Reageren of informatie sturen');
    const token = /name="formulier" value="([^"]+)"/.exec(pagina.body)?.[1] ?? '';

    // Empty: the error next to the field and in the summary, nothing stored.
    const leeg = await b.vraag(pad, { method: 'POST', form: { formulier: token, tekst: '   ' } });
    expect(leeg.status).toBe(400);
    expect(leeg.body).toContain('<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="tekst-fout">U heeft nog niets geschreven. Schrijf uw bericht in het vak.</div>');
    expect(leeg.body).toContain('<a class="utrecht-link utrecht-link--html-a" href="#tekst">');
    // A form token that does not fit (the logout form's): asked to send again, the text kept.
    const uitlogToken = [...pagina.body.matchAll(/name="formulier" value="([^"]+)"/g)].at(-1)?.[1] ?? '';
    const verlopen = await b.vraag(pad, { method: 'POST', form: { formulier: uitlogToken, tekst: 'Mijn foto volgt.' } });
    expect(verlopen.status).toBe(400);
    expect(verlopen.body).toContain('Mijn foto volgt.');
    // Jan's zaak is not hers: not found, also for a reply.
    expect((await b.vraag(`/diemen/mijn-zaken/${janZaak}`, { method: 'POST', form: { formulier: token, tekst: 'Hallo' } })).status).toBe(404);

    const verstuurd = await b.vraag(pad, { method: 'POST', form: { formulier: token, tekst: 'De stoep is nog steeds kapot.' } });
    expect(verstuurd.status).toBe(303);
    expect(verstuurd.location).toBe(`${pad}?verstuurd=1`);
    const daarna = await b.vraag(verstuurd.location!);
    expect(daarna.body).toContain('Wij hebben uw bericht ontvangen.');
    expect(daarna.body).toContain('De stoep is nog steeds kapot.');
    const zaak = await loket.database.db.selectFrom('zaak').select('id').where('identificatie', '=', fatimaZaak).executeTakeFirstOrThrow();
    const reacties = await loket.database.db.selectFrom('zaak_gebeurtenis').select(['door_inwoner', 'extern']).where('zaak_id', '=', zaak.id).where('soort', '=', 'reactie').execute();
    expect(reacties).toEqual([{ door_inwoner: true, extern: true }]);

    // Logged out: to the login page, nothing stored.
    expect((await browser().vraag(pad, { method: 'POST', form: { formulier: token, tekst: 'Zonder sessie' } })).location).toBe('/diemen/mijn-zaken');
  });
});

const vraagLink = (email: string, slug = 'diemen') =>
  loket.app.inject({ method: 'POST', url: `/${slug}/mijn-zaken/link`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams({ email }).toString() });
const linkUit = (tekst: string) => /http:\/\/127\.0\.0\.1:3000(\/diemen\/mijn-zaken\/link\/[\w-]+)/.exec(tekst)?.[1] ?? '';

describe('"stuur mij een link"', () => {

  it('answers the same for an address with and without zaken, and mails a one-time link that shows the zaken of that address', async () => {
    const met = await vraagLink(FATIMA.email);
    const zonder = await vraagLink('niemand@example.org');
    expect(met.statusCode).toBe(200);
    expect(zonder.statusCode).toBe(200);
    expect(met.body.replace(FATIMA.email, 'X')).toBe(zonder.body.replace('niemand@example.org', 'X'));
    const mail = await smtp.wachtOp(FATIMA.email, /Uw link naar mijn zaken/);
    const pad = linkUit(mail.tekst);
    expect(pad).not.toBe('');
    // The link's page has a button: opening it does not use it up.
    const b = browser();
    const pagina = await b.vraag(pad);
    expect(pagina.status).toBe(200);
    expect((await b.vraag(pad)).status).toBe(200);
    const gebruik = await b.vraag(pad, { method: 'POST' });
    expect(gebruik.status).toBe(303);
    const mijn = await b.vraag(gebruik.location!);
    expect(mijn.body).toContain(emailZaak);
    // Only the zaken of the address: the web-form zaak linked to her BSN is not shown here.
    expect(mijn.body).not.toContain(fatimaZaak);
    // Used: a clear page, no second session.
    const weer = await browser().vraag(pad, { method: 'POST' });
    expect(weer.status).toBe(410);
    expect(weer.body).toContain('Deze link is al gebruikt.');
    expect((await browser().vraag(pad)).body).toContain('Deze link is al gebruikt.');
  });

  it('refuses an expired link with a clear page', async () => {
    await vraagLink('verloopt@example.org');
    const mail = await smtp.wachtOp('verloopt@example.org', /Uw link naar mijn zaken/);
    const pad = linkUit(mail.tekst);
    loket.klok.verder(LINK_MS + 1000);
    const res = await browser().vraag(pad, { method: 'POST' });
    expect(res.status).toBe(410);
    expect(res.body).toContain('Deze link is verlopen.');
    expect((await browser().vraag(pad)).status).toBe(410);
    expect((await browser().vraag('/diemen/mijn-zaken/link/bestaat-niet')).status).toBe(404);
  });

  it('sends at most a few links per address per hour, with the same answer', async () => {
    const adres = 'veel@example.org';
    for (let i = 0; i < LINKS_PER_UUR + 2; i++) expect((await vraagLink(adres)).statusCode).toBe(200);
    const rijen = await loket.database.db.selectFrom('inwoner_link').select('token_hash').where('email', '=', adres).execute();
    expect(rijen).toHaveLength(LINKS_PER_UUR);
  });

  it('asks again for an address that is not one, with the error at the field', async () => {
    const res = await vraagLink('geen-adres');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vul een geldig e-mailadres in');
    expect(res.body).toContain('aria-invalid="true"');
  });
});

describe('forms for a logged-in resident', () => {
  it('prefills name, e-mail and BSN, and links the zaak of a submitted form to the BSN', async () => {
    const priya = DEMO_INWONERS[2]!;
    const b = browser();
    await b.vraag(await totTerug(b, priya.sub));
    // A form with a BSN field: the first step shows what we know.
    const rijbewijs = await b.volg('/diemen/formulieren/rijbewijs-verlengen', { method: 'POST' });
    expect(rijbewijs.status).toBe(200);
    expect(rijbewijs.body).toContain(`value="${priya.naam}"`);
    expect(rijbewijs.body).toContain(`value="${priya.bsn}"`);
    expect(rijbewijs.body).toContain(`value="${priya.email}"`);
    // The question form, sent: the zaak shows in her Mijn zaken (by BSN key).
    const start = await b.vraag('/diemen/formulieren/vraag', { method: 'POST' });
    const stap1 = start.location!;
    const stap2 = await b.vraag(stap1, { method: 'POST', form: { onderwerp: 'Afvalpas kwijt', vraag: 'Hoe krijg ik een nieuwe afvalpas?' } });
    expect(stap2.status).toBe(303);
    const contact = await b.vraag(stap2.location!);
    expect(contact.body).toContain(`value="${priya.naam}"`);
    const controleer = await b.vraag(stap2.location!, { method: 'POST', form: { naam: priya.naam, email: priya.email, telefoon: '', 'antwoord-via': 'email' } });
    expect(controleer.status).toBe(303);
    const verstuurd = await b.vraag(controleer.location!, { method: 'POST' });
    expect(verstuurd.status).toBe(303);
    const ontvangen = await b.vraag(verstuurd.location!);
    const identificatie = /Z-\d{4}-\d{6}/.exec(ontvangen.body)?.[0];
    expect(identificatie).toBeTruthy();
    const mijn = await b.vraag('/diemen/mijn-zaken');
    expect(mijn.body).toContain(identificatie!);
    expect(mijn.body).toContain('Afvalpas kwijt');
    const betrokkene = await loket.database.db
      .selectFrom('betrokkene as b')
      .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'b.gemeente').onRef('z.id', '=', 'b.zaak_id'))
      .select('b.bsn_sleutel')
      .where('z.identificatie', '=', identificatie!)
      .executeTakeFirstOrThrow();
    expect(betrokkene.bsn_sleutel).toBe(bsnSleutelVan(BSN_SLEUTEL, 'GM0384', priya.bsn));
  });
});
