import { describe, expect, it } from 'vitest';
import { isQrVan, leesPdf } from '../../../test/pdf.ts';
import { afzenderVan, maakBrief } from './brieven.pdf.ts';

const diemen = {
  naam: 'Diemen',
  thema: { kleurPrimair: '#00704a', logoTekst: 'Gemeente Diemen', postadres: 'Postbus 191, 1110 AD Diemen', telefoon: '14 020', website: 'https://www.diemen.nl' },
};
const link = 'https://loket.example.nl/diemen/zaken/abcdefghijklmnopqrstuvwxyz234567';
const gegevens = { referentie: 'Z-2026-000042', onderwerp: 'Losse stoeptegel', naam: 'Anna de Vries', link };
const normaal = (tekst: string) => tekst.replace(/\s+/g, ' ');

describe('maakBrief', () => {
  it('makes the tracking letter in Dutch: sender block, date, reference, link and its QR code, tagged', async () => {
    const pdf = await maakBrief({ gemeente: diemen, taal: 'nl', sjabloon: 'volgcode', gegevens, datum: '2026-12-06' });
    const gelezen = leesPdf(pdf);
    const tekst = normaal(gelezen.tekst);
    for (const verwacht of ['Gemeente Diemen', 'Postbus 191, 1110 AD Diemen', 'Telefoon 14 020', 'Website www.diemen.nl', 'Datum: 6 december 2026', 'Uw zaaknummer: Z-2026-000042', 'Onderwerp: Losse stoeptegel', 'Zo volgt u uw zaak', 'Beste Anna de Vries,', link, 'Noem dan uw zaaknummer: Z-2026-000042.', 'scan de QR-code']) {
      expect(tekst).toContain(verwacht);
    }
    expect(gelezen.info).toMatch(/Title:\s+Zo volgt u uw zaak/);
    expect(gelezen.info).toMatch(/Tagged:\s+yes/);
    expect(gelezen.info).toMatch(/Pages:\s+1\n/);
    const ruw = pdf.toString('latin1');
    expect(ruw).toMatch(/\/Lang \(nl-NL\)/);
    expect(ruw).toContain(`/S /Figure\n/Alt (QR-code met de link: ${link})`);
    expect(gelezen.afbeeldingen).toHaveLength(1);
    expect(await isQrVan(gelezen.afbeeldingen[0]!, link)).toBe(true);
    expect(await isQrVan(gelezen.afbeeldingen[0]!, `${link}x`)).toBe(false);
  });

  it('makes it in English, and without a name or theme it greets the resident and signs with the gemeente name', async () => {
    const pdf = await maakBrief({ gemeente: { naam: 'Uithoorn', thema: {} }, taal: 'en', sjabloon: 'volgcode', gegevens: { ...gegevens, naam: null }, datum: '2026-12-06' });
    const gelezen = leesPdf(pdf);
    const tekst = normaal(gelezen.tekst);
    for (const verwacht of ['Municipality of Uithoorn', 'Date: 6 December 2026', 'Your case number: Z-2026-000042', 'How to follow your case', 'Dear resident,', link, 'give your case number: Z-2026-000042.', 'Kind regards, Municipality of Uithoorn']) {
      expect(tekst).toContain(verwacht);
    }
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(await isQrVan(gelezen.afbeeldingen[0]!, link)).toBe(true);
  });

  it("puts the gemeente's own wording in its places (ADR 0071): the intro under the salutation, the contact line and the signature above the gemeente's name", async () => {
    const woorden = { inleiding: 'Thank you for contacting us.', contact: 'Questions? Call 14 020.', ondertekening: 'J. Smit, service desk' };
    const tekst = normaal(leesPdf(await maakBrief({ gemeente: diemen, taal: 'en', sjabloon: 'volgcode', gegevens, datum: '2026-12-06', woorden })).tekst);
    expect(tekst).toContain('Dear Anna de Vries, Thank you for contacting us. ');
    expect(tekst.trimEnd()).toMatch(/Questions\? Call 14 020\. Kind regards, J\. Smit, service desk Municipality of Diemen$/);
    const standaard = normaal(leesPdf(await maakBrief({ gemeente: diemen, taal: 'en', sjabloon: 'volgcode', gegevens, datum: '2026-12-06', woorden: { inleiding: null, contact: null, ondertekening: null } })).tekst);
    expect(standaard).not.toContain('Thank you for contacting us');
    expect(standaard.trimEnd()).toMatch(/Kind regards, Municipality of Diemen$/);
  });
  it('takes the sender block from the theme, and leaves out a theme that does not validate', () => {
    expect(afzenderVan(diemen, 'nl')).toEqual({ kop: 'Gemeente Diemen', naam: 'Gemeente Diemen', regels: ['Postbus 191, 1110 AD Diemen', 'Telefoon 14 020', 'Website www.diemen.nl'] });
    expect(afzenderVan({ naam: 'Diemen', thema: { telefoon: '14 020<script>' } }, 'en')).toEqual({ kop: 'Municipality of Diemen', naam: 'Municipality of Diemen', regels: [] });
  });

  it('refuses data that does not fit the template', async () => {
    await expect(maakBrief({ gemeente: diemen, taal: 'nl', sjabloon: 'volgcode', gegevens: { ...gegevens, link: 'geen link' }, datum: '2026-12-06' })).rejects.toThrow();
  });
});
