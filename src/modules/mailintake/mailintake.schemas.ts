import { z } from 'zod';
import { afsluitingBody, zaakSchema } from '../zaken/zaken.schemas.ts';

const bijlageSchema = z
  .object({
    bestandsnaam: z.string(),
    document: z.uuid().nullable().describe('Het document op de zaak; null als de bijlage is geweigerd'),
    geweigerd: z.string().nullable().describe('Waarom de bijlage niet als document is opgenomen (gevaarlijk of onbekend soort bestand, te groot)'),
  })
  .meta({ id: 'MailBijlage' });

export const mailDraadSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        richting: z.enum(['in', 'uit']).describe('in: ontvangen; uit: een antwoord van de gemeente'),
        messageId: z.string(),
        inReplyTo: z.string().nullable(),
        van: z.object({ naam: z.string().nullable(), adres: z.string() }).nullable(),
        aan: z.string(),
        onderwerp: z.string(),
        tekst: z.string().describe('De tekst van de e-mail'),
        html: z.string().nullable().describe('De HTML van de e-mail, opgeschoond: geen scripts, event handlers, formulieren of afbeeldingen'),
        grootte: z.number().int().describe('Bytes, met bijlagen'),
        via: z.enum(['smtp', 'import', 'antwoord']),
        ontvangenOp: z.iso.datetime(),
        ontvangstdatum: z.iso.date(),
        ontvangstdatumBron: z.enum(['received', 'date', 'import', 'smtp', 'antwoord']).describe('Waar de ontvangstdatum vandaan komt: de bovenste Received:-kop, de Date:-kop, het moment van importeren, of het moment dat Loket de e-mail via SMTP ontving'),
        bijlagen: z.array(bijlageSchema),
      }),
    ),
  })
  .meta({ id: 'MailDraad', description: 'De e-mails van een zaak, oudste eerst' });

export const mailAntwoordBody = z
  .strictObject({
    tekst: z.string().trim().min(1, 'Vul dit in.').max(20_000, 'Hoogstens 20000 tekens.').describe('Het antwoord aan de inwoner (platte tekst)'),
    afsluiten: afsluitingBody.optional().describe('Sluit de zaak meteen af met dit resultaat'),
  })
  .meta({ id: 'MailAntwoord' });

export const mailAntwoordSchema = z
  .object({
    zaak: zaakSchema,
    antwoord: z.object({
      bericht: z.uuid().describe('Het bericht in de uitgaande post (GET …/berichten/{id})'),
      messageId: z.string(),
      aan: z.string(),
      onderwerp: z.string(),
      inReplyTo: z.string(),
    }),
  })
  .meta({ id: 'VerstuurdMailAntwoord' });
