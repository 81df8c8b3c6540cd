import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { badRequest, ProblemError } from '../../http/problem.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { partnerLedenOngeldig, partnerNaamBestaat, partnerNietGevonden } from './meldingen.errors.ts';
import { meldingPartnersRepository, type Partner } from './meldingen.partners.repository.ts';
import type { CategorieRecord } from './meldingen.repository.ts';
import type { MeldingenService } from './meldingen.service.ts';

export interface PartnerWijziging {
  naam: string;
  email: string | null;
  leden: string[];
  /** Codes of the sub categories whose meldingen go to this partner by default. */
  categorieen: string[];
}

/**
 * Beheerders manage the external partners of meldingen (issue 12, ADR 0056): name, address, the
 * users (role externe-partner) who act for it, and which categories route to it. A category's
 * partner is part of its versioned definition, so changing the routing publishes a new version of
 * each category that changes (through the meldingen service, with its checks and audit), all in
 * one transaction: every change or none.
 */
export function meldingPartnerbeheerService(deps: { db: Kysely<DB>; meldingen: MeldingenService; audit: AuditService }) {
  const { db, meldingen, audit } = deps;
  const partners = meldingPartnersRepository(db);

  async function subcategorieen(gemeente: string): Promise<CategorieRecord[]> {
    return (await meldingen.geldendeCategorieen(gemeente)).filter((c) => c.hoofdcategorie !== null);
  }

  async function metCategorieen(gemeente: string, partner: Partner) {
    const categorieen = (await subcategorieen(gemeente)).filter((c) => c.partner === partner.id).map((c) => ({ code: c.code, naam: c.naam }));
    return { ...partner, categorieen };
  }

  return {
    partnerGebruikers: (gemeente: string) => partners.partnerGebruikers(gemeente),

    async partner(gemeente: string, id: string) {
      const partner = await partners.partner(gemeente, id);
      if (!partner) throw partnerNietGevonden();
      return metCategorieen(gemeente, partner);
    },

    async wijzig(context: Context, gemeente: string, id: string, invoer: PartnerWijziging) {
      if (!(await partners.partner(gemeente, id))) throw partnerNietGevonden();
      const leden = [...new Set(invoer.leden)];
      const metRol = await partners.gebruikersMetRol(gemeente, leden, 'externe-partner');
      const fouten = invoer.leden.flatMap((lid, i) => (metRol.has(lid) ? [] : [{ name: `leden.${i}`, code: 'geen-partnergebruiker', reason: 'Deze gebruiker heeft in deze gemeente niet de rol externe partner.' }]));
      const subs = await subcategorieen(gemeente);
      const gekozen = new Set(invoer.categorieen);
      invoer.categorieen.forEach((code, i) => {
        if (!subs.some((c) => c.code === code)) fouten.push({ name: `categorieen.${i}`, code: 'onbekende-categorie', reason: 'Deze subcategorie bestaat niet (of is niet gepubliceerd) in deze gemeente.' });
      });
      if (fouten.length > 0) throw partnerLedenOngeldig(fouten);

      await inEenTransactie(db, async () => {
        if (!(await partners.wijzigPartner(gemeente, { id, naam: invoer.naam, email: invoer.email, leden }))) throw partnerNaamBestaat();
        const teWijzigen = subs.filter((c) => (gekozen.has(c.code) ? c.partner !== id : c.partner === id));
        for (const c of teWijzigen) {
          const { id: _id, versie: _versie, status: _status, gepubliceerdOp: _op, revisie: _revisie, ...gegevens } = c;
          try {
            const nieuw = await meldingen.maakCategorie(context, gemeente, { ...gegevens, geldigVanaf: null, partner: gekozen.has(c.code) ? id : null });
            await meldingen.publiceerCategorie(context, gemeente, nieuw.id, nieuw.revisie);
          } catch (error) {
            if (error instanceof ProblemError && error.code === 'concept-bestaat') {
              throw badRequest([{ name: `categorieen`, code: 'concept-bestaat', reason: `De categorie ${c.naam.nl} heeft al een conceptversie. Publiceer of verwijder die eerst.` }]);
            }
            throw error;
          }
        }
        await audit.log(context, { gemeente, actie: 'melding-partner-wijzigen', objectType: 'melding-partner', objectId: id, details: { naam: invoer.naam, leden: leden.length, categorieen: teWijzigen.map((c) => c.code) } });
      });
      return this.partner(gemeente, id);
    },
  };
}

export type MeldingPartnerbeheerService = ReturnType<typeof meldingPartnerbeheerService>;
