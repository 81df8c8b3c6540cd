/**
 * The zaken module's side of the resident's tracking page (src/modules/zaakvolgen/, which
 * builds the page from this): the zaak behind a tracking code, its external documents, and the
 * resident's reply — written like every change, as the `Inwoner` actor, who may act only on the
 * zaak of their code.
 */
import { randomUUID } from 'node:crypto';
import { voegDocumentIn } from './zaken.acties.ts';
import type { Bijlagesoort } from './zaken.bijlagen.ts';
import { GEEN_WIJZIGING, projectieVan, volgcodeHash, volgcodeUitTekst, type Inwoner, type ZakenKern } from './zaken.kern.ts';
import { mailReactieAanBehandelaar } from './zaken.mails.ts';
import type { ZaakRij } from './zaken.repository.ts';

/** Who "Mijn zaken" is for (ADR 0077): the keyed hash of a logged-in resident's BSN, and/or a verified e-mail address. */
export interface IngelogdeInwoner {
  bsnSleutel: string | null;
  email: string | null;
}

/** Two replies with the same text within this time are one reply sent twice (ADR 0019). */
export const DUBBELE_REACTIE_MS = 15 * 60 * 1000;

export function zakenInwoner(kern: ZakenKern) {
  const { deps, zaaktypeVan, vandaag, contactVan, wijzig, behandelaar } = kern;
  const { repository, klok, berichten } = deps;

  /** The zaak row of a tracking code, or undefined for an unknown or malformed code. */
  async function zaakVanCode(gemeente: string, code: string) {
    const volgcode = volgcodeUitTekst(code);
    return volgcode ? repository.opVolgcodeHash(gemeente, volgcodeHash(volgcode)) : undefined;
  }

  /** The zaak a resident reaches: by their tracking code, or by their login (its ownership checked again in the change, magZien). */
  async function zaakVan(gemeente: string, inwoner: Inwoner) {
    return 'volgcode' in inwoner ? zaakVanCode(gemeente, inwoner.volgcode) : repository.opId(gemeente, inwoner.zaakId);
  }

  /** Everything the tracking page may show of a zaak (see zaakVoorInwoner). */
  async function voorInwoner(gemeente: string, rij: ZaakRij) {
    const [zaaktype, gebeurtenissen, sluitingsdagen, contact, documenten, team, betrokkene] = await Promise.all([
      zaaktypeVan(gemeente, rij.zaaktype_id),
      repository.gebeurtenissen(gemeente, rij.id),
      deps.sluitingsdagen(gemeente),
      contactVan(gemeente, rij),
      repository.documenten(gemeente, rij.id),
      repository.team(gemeente, rij.team_id),
      repository.betrokkene(gemeente, rij.id),
    ]);
    return {
      rij,
      zaaktype,
      gebeurtenissen,
      projectie: projectieVan(rij, zaaktype, gebeurtenissen, vandaag(), sluitingsdagen),
      contact,
      team: team ? { naam: team.naam, telefoon: team.telefoon, email: team.email } : null,
      documenten,
      /** Whether mails reach the resident at all (an address was left) and at each new status (ADR 0070). */
      berichten: { email: Boolean(betrokkene?.email), tussentijds: betrokkene?.tussentijdseBerichten ?? true },
    };
  }

  return {
    /**
     * Everything the tracking page may show of the zaak behind a tracking code: the zaak, its
     * zaaktype version, the history, the projection as of today, the named contact, the team
     * and the documents (the page shows only external ones). Null when the code is unknown.
     */
    async zaakVoorInwoner(gemeente: string, code: string) {
      const rij = await zaakVanCode(gemeente, code);
      return rij ? voorInwoner(gemeente, rij) : null;
    },

    /**
     * "Mijn zaken" (ADR 0077): the zaken of a logged-in resident (their BSN key) or of a verified
     * e-mail address, newest first (at most 200), each with its zaaktype version, the step it is
     * in, the next step, the expected date and the named contact.
     */
    async zakenVanInwoner(gemeente: string, wie: IngelogdeInwoner) {
      const rijen = await repository.vanInwoner(gemeente, wie, 200);
      return Promise.all(
        rijen.map(async (rij) => {
          const [zaaktype, contact] = await Promise.all([zaaktypeVan(gemeente, rij.zaaktype_id), contactVan(gemeente, rij)]);
          const huidig = zaaktype.statustypen.find((s) => s.volgnummer === rij.status_volgnummer);
          const volgende = rij.afgesloten_op ? undefined : zaaktype.statustypen.find((s) => s.volgnummer > rij.status_volgnummer);
          return {
            identificatie: rij.identificatie,
            zaaktype: zaaktype.naam,
            onderwerp: rij.onderwerp,
            kanaal: rij.kanaal,
            ontvangstdatum: rij.ontvangstdatum,
            fase: huidig?.tekst ?? { nl: '', en: '' },
            volgendeStap: volgende?.tekst ?? null,
            verwachteEinddatum: rij.afgesloten_op ? null : rij.uiterlijke_einddatum,
            opgeschort: rij.opgeschort,
            afgeslotenOp: rij.afgesloten_op,
            contact,
          };
        }),
      );
    },

    /** One zaak of "Mijn zaken", as the tracking page shows it; null when it is not this resident's. */
    async zaakVanInwoner(gemeente: string, identificatie: string, wie: IngelogdeInwoner) {
      const rij = (await repository.vanInwoner(gemeente, wie, 200)).find((r) => r.identificatie === identificatie);
      return rij ? voorInwoner(gemeente, rij) : null;
    },

    /**
     * The resident says on the tracking page whether they want a mail at each new status (ADR
     * 0070; the receipt, questions, extensions and the outcome still come). Recorded on the
     * betrokkene and as an internal note, so the handler knows. Null when the code is unknown or
     * no address was left; 409 when the zaak is closed.
     */
    async tussentijdseBerichtenVanInwoner(inwoner: Inwoner, gemeente: string, aan: boolean) {
      const gevonden = await zaakVan(gemeente, inwoner);
      if (!gevonden) return null;
      let zonderAdres = false;
      await wijzig(inwoner, gemeente, gevonden.id, null, 'zaak-berichten-inwoner', async (w) => {
        zonderAdres = !w.betrokkene?.email;
        if (zonderAdres || w.betrokkene?.tussentijdseBerichten === aan) return GEEN_WIJZIGING;
        await w.repo.zetTussentijdseBerichten(gemeente, gevonden.id, aan);
        const tekst = aan ? 'De inwoner wil weer een e-mail bij elke nieuwe stap.' : 'De inwoner wil geen e-mail meer bij elke nieuwe stap (wel bij vragen, verlenging en de afhandeling).';
        await w.voegToe({ soort: 'notitie', gegevens: { tekst }, extern: false });
        return { tussentijdseBerichten: aan };
      });
      return zonderAdres ? null : { tussentijdseBerichten: aan };
    },

    /** An external document of the zaak behind a tracking code; null when unknown. */
    async documentVoorInwoner(gemeente: string, code: string, documentId: string) {
      const rij = await zaakVanCode(gemeente, code);
      const document = rij ? await repository.document(gemeente, rij.id, documentId) : undefined;
      return document?.extern ? document : null;
    },

    /**
     * A reply from the resident: an external timeline entry and a mail to the behandelaar; on a
     * suspended zaak it marks 'reactie ontvangen' so the handler ends the suspension. The same
     * text again within DUBBELE_REACTIE_MS (a double click, back and send again) is taken as
     * already received: no second entry or mail (`dubbel: true`). Null when the code is
     * unknown; 409 when the zaak is closed.
     */
    /**
     * A reply from the tracking page, with the files sent with it (already checked by
     * controleerBijlage, ADR 0078): each becomes an external document of the zaak, by the resident,
     * in the same change as the reply.
     */
    async reactieVanInwoner(inwoner: Inwoner, gemeente: string, invoer: { tekst: string; bijlagen?: readonly { bestandsnaam: string; mediatype: Bijlagesoort; inhoud: Buffer }[] }) {
      const gevonden = await zaakVan(gemeente, inwoner);
      if (!gevonden) return null;
      let opgeschort = false;
      const toegevoegd = await wijzig(inwoner, gemeente, gevonden.id, null, 'zaak-reactie-inwoner', async (w) => {
        // The zaak row is locked here, so two requests at once see each other's reply.
        const grens = new Date(klok.nu().getTime() - DUBBELE_REACTIE_MS).toISOString();
        const zelfde = w.gebeurtenissen.some((g) => g.soort === 'reactie' && g.doorInwoner && g.gegevens.tekst === invoer.tekst && new Date(g.op).toISOString() >= grens);
        opgeschort = w.voor.opgeschort;
        if (zelfde) return GEEN_WIJZIGING;
        await w.voegToe({ soort: 'reactie', gegevens: { tekst: invoer.tekst }, extern: true });
        for (const b of invoer.bijlagen ?? []) await voegDocumentIn(w, { id: randomUUID(), bestandsnaam: b.bestandsnaam, mediatype: b.mediatype, inhoud: b.inhoud, extern: true }, null);
        const medewerker = w.rij.behandelaar_id ? await behandelaar(gemeente, w.rij.behandelaar_id, w.repo) : undefined;
        if (medewerker) await berichten.verstuur(mailReactieAanBehandelaar(gemeente, medewerker.email, w.rij, invoer.tekst, opgeschort), { transactie: w.transactie });
        return { opgeschort };
      });
      return { identificatie: gevonden.identificatie, reactieOntvangen: opgeschort, dubbel: toegevoegd === null };
    },
  };
}
