import { describe, expect, it } from 'vitest';
import { leesBericht, leesTijd } from './mailintake.bericht.ts';
import { ontvangstVan } from './mailintake.service.ts';

const bericht = (koppen: string, lichaam = 'Tekst.') => Buffer.from(`${koppen.trim().split('\n').join('\r\n')}\r\n\r\n${lichaam}\r\n`);

describe('leesTijd', () => {
  it('reads RFC 5322 times with comments and zones, and refuses what is no date-time', () => {
    expect(leesTijd('Tue, 31 Mar 2026 22:30:00 +0000 (UTC)')?.toISOString()).toBe('2026-03-31T22:30:00.000Z');
    expect(leesTijd(' 1 Apr 2026 00:30:00 +0200')?.toISOString()).toBe('2026-03-31T22:30:00.000Z');
    expect(leesTijd('Sun, 1 Mar 2026 00:30 +0100')?.toISOString()).toBe('2026-02-28T23:30:00.000Z');
    for (const fout of ['', 'gisteren', '2026-03-01', 'Mon, 32 Foo 2026 25:00:00 +0100']) expect(leesTijd(fout)).toBeNull();
  });
});

describe('leesBericht', () => {
  it('takes the time of the topmost Received: (folded, after its last ;), the Date:, and the thread', async () => {
    const b = await leesBericht(
      bericht(`
Received: from a (a [192.0.2.1])
\tby b; Sun, 1 Mar 2026 00:30:00 +0100
Received: from c by a; Sat, 28 Feb 2026 23:50:00 +0100
From: "Jan, de Vries" <Jan@Example.NL>
Subject: =?utf-8?q?Caf=C3=A9?=
Date: Sat, 28 Feb 2026 23:49:00 +0100
Message-ID: <a@example.nl>
In-Reply-To: <b@example.nl> (Jan's bericht)
References: <c@example.nl>
  <b@example.nl>
`),
    );
    expect(b).toMatchObject({
      messageId: '<a@example.nl>',
      inReplyTo: '<b@example.nl>',
      references: ['<c@example.nl>', '<b@example.nl>'],
      van: { naam: 'Jan, de Vries', adres: 'jan@example.nl' },
      onderwerp: 'Café',
      tekst: 'Tekst.',
      html: null,
      bijlagen: [],
    });
    expect(b.received?.toISOString()).toBe('2026-02-28T23:30:00.000Z');
    expect(b.datum?.toISOString()).toBe('2026-02-28T22:49:00.000Z');
  });

  it('a message without Message-ID, Date:, Received: or a valid sender: a Message-ID from its bytes, no times, no sender', async () => {
    const bron = bericht('From: niet een adres\nSubject: Hallo\nDate: gisteren');
    const b = await leesBericht(bron);
    expect(b.messageId).toMatch(/^<[0-9a-f]{64}@loket\.zonder-message-id>$/);
    expect((await leesBericht(bron)).messageId).toBe(b.messageId);
    expect(b).toMatchObject({ received: null, datum: null, van: { adres: null } });
  });

  it('an HTML-only message keeps a text version and only safe HTML', async () => {
    const b = await leesBericht(bericht('From: a@example.nl\nContent-Type: text/html; charset=utf-8', '<p>Hallo <b>daar</b><script>alert(1)</script></p><img src=x onerror=alert(2)>'));
    expect(b.html?.trim()).toBe('<p>Hallo <b>daar</b></p>');
    // The text version is mailparser's (html-to-text): text only, an image at most its name.
    expect(b.tekst).toMatch(/^Hallo daar\b/);
    expect(b.tekst).not.toContain('alert');
  });
});

describe('ontvangstVan', () => {
  const nu = new Date('2026-04-02T08:00:00Z');
  const r = new Date('2026-04-01T10:00:00Z');
  const d = new Date('2026-03-31T10:00:00Z');
  it('SMTP: the moment Loket received it; else Received:, Date:, the import — a time ahead of the clock is not believed', () => {
    expect(ontvangstVan({ received: r, datum: d }, 'smtp', nu, new Date('2026-04-02T07:59:00Z'))).toEqual({ moment: new Date('2026-04-02T07:59:00Z'), bron: 'smtp' });
    expect(ontvangstVan({ received: r, datum: d }, 'import', nu)).toEqual({ moment: r, bron: 'received' });
    expect(ontvangstVan({ received: null, datum: d }, 'import', nu)).toEqual({ moment: d, bron: 'date' });
    expect(ontvangstVan({ received: new Date('2026-04-03T00:00:00Z'), datum: d }, 'import', nu)).toEqual({ moment: d, bron: 'date' });
    expect(ontvangstVan({ received: null, datum: new Date('2026-04-02T08:00:59Z') }, 'import', nu).bron).toBe('date');
    expect(ontvangstVan({ received: null, datum: new Date('2026-04-02T08:01:01Z') }, 'import', nu)).toEqual({ moment: nu, bron: 'import' });
    expect(ontvangstVan({ received: null, datum: null }, 'import', nu)).toEqual({ moment: nu, bron: 'import' });
  });
});
