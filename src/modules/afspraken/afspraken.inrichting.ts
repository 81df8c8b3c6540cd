import { randomUUID } from 'node:crypto';
import { badRequest, type InvalidParam } from '../../http/problem.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import type { ProductenRepository } from '../producten/producten.repository.ts';
import { kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import { afsprakenGepland, balieOnbekend, gemeenteOnbekend, locatieOnbekend, sluitingOnbekend } from './afspraken.errors.ts';
import type { AfsprakenInrichtingRepository, BalieRij, GeplandeAfspraak, LocatieRij, Openingstijd, SluitingRij } from './afspraken.inrichting.repository.ts';
import type { BalieInvoer, LocatieInvoer, SluitingInvoer } from './afspraken.inrichting.schemas.ts';
import { lokaalNaarUtc, weekdag } from './afspraken.tijd.ts';

export interface LocatieDetail extends LocatieRij {
  balies: BalieRij[];
  sluitingen: SluitingRij[];
}

const DAG = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const TIJD = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' });
/** "7 maart 2026 om 10:00", Amsterdam time. */
const moment = (d: Date): string => `${DAG.format(d)} om ${TIJD.format(d)}`;

/** Refuses a change that strands planned appointments (ADR 0085): 409 naming how many and the first. */
function weigerBijGepland(geraakt: readonly GeplandeAfspraak[]): void {
  const eerste = geraakt[0];
  if (eerste) throw afsprakenGepland(geraakt.length, moment(new Date(eerste.start)));
}

/** Opening hours whose end is not after their start, or that overlap others on the same weekday: every problem at once. */
function controleerTijden(tijden: readonly Openingstijd[]): InvalidParam[] {
  const problemen: InvalidParam[] = [];
  tijden.forEach((t, i) => {
    if (t.tot <= t.van) problemen.push({ name: `openingstijden.${i}.tot`, code: 'eind-voor-begin', reason: 'De eindtijd moet na de begintijd liggen.' });
    else if (tijden.some((a, j) => j < i && a.weekdag === t.weekdag && a.van < t.tot && t.van < a.tot)) {
      problemen.push({ name: `openingstijden.${i}.van`, code: 'overlapt', reason: 'Deze tijden overlappen met andere tijden op dezelfde dag.' });
    }
  });
  return problemen;
}

/** Each product once. */
const uniek = (codes: readonly string[]): string[] => [...new Set(codes)];

/** Whether an appointment still fits in the opening hours (Amsterdam local time) of its day. */
function pastIn(a: GeplandeAfspraak, tijden: readonly Openingstijd[]): boolean {
  const datum = kalenderdag(new Date(a.start));
  const dag = weekdag(datum);
  const start = Date.parse(a.start);
  const eind = Date.parse(a.eind);
  return tijden.some((t) => t.weekdag === dag && lokaalNaarUtc(datum, t.van) <= start && eind <= lokaalNaarUtc(datum, t.tot));
}

/**
 * The balie's set-up as beheerders keep it in the staff app (issue 14, ADR 0085): locations with
 * their opening hours per weekday, desks with the products they serve, and closures of a location
 * or a desk for some days. Slots are computed from these on every request (afspraken.service.ts),
 * so a change shows in the availability at once. A change that would leave planned appointments
 * outside the hours, on an inactive desk or a desk that no longer serves their product, or in a
 * closure, is refused with 409: the appointments are moved or cancelled first.
 */
export function afsprakenInrichtingService(deps: {
  repository: AfsprakenInrichtingRepository;
  producten: Pick<ProductenRepository, 'opCode'>;
  gemeenten: { opCode(code: string): Promise<Gemeente | undefined> };
  audit: AuditService;
  klok: Klok;
}) {
  const { repository, audit, klok } = deps;

  async function bestaat(gemeente: string): Promise<void> {
    if (!(await deps.gemeenten.opCode(gemeente))) throw gemeenteOnbekend();
  }

  async function locatieVan(gemeente: string, id: string): Promise<LocatieRij> {
    await bestaat(gemeente);
    const locatie = await repository.locatie(gemeente, id);
    if (!locatie) throw locatieOnbekend();
    return locatie;
  }

  async function detail(gemeente: string, locatie: LocatieRij): Promise<LocatieDetail> {
    return { ...locatie, balies: await repository.balies(gemeente, locatie.id), sluitingen: await repository.sluitingen(gemeente, locatie.id) };
  }

  /** The products a desk may serve: known in the gemeente and bookable at the balie (a duration, not a form only). */
  async function controleerProducten(gemeente: string, codes: readonly string[]): Promise<InvalidParam[]> {
    const problemen: InvalidParam[] = [];
    for (const [i, code] of codes.entries()) {
      const product = await deps.producten.opCode(gemeente, code);
      if (!product) problemen.push({ name: `producten.${i}`, code: 'onbekend-product', reason: 'Dit product bestaat niet in deze gemeente.' });
      else if (product.aanvragen === 'formulier' || product.afspraakMinuten === null) {
        problemen.push({ name: `producten.${i}`, code: 'geen-afspraak', reason: 'Voor dit product maakt een inwoner geen afspraak aan de balie.' });
      }
    }
    return problemen;
  }

  return {
    async locaties(gemeente: string): Promise<LocatieRij[]> {
      await bestaat(gemeente);
      return repository.locaties(gemeente);
    },

    async locatie(gemeente: string, id: string): Promise<LocatieDetail> {
      return detail(gemeente, await locatieVan(gemeente, id));
    },

    async maakLocatie(context: Context, gemeente: string, invoer: LocatieInvoer): Promise<LocatieDetail> {
      await bestaat(gemeente);
      const problemen = controleerTijden(invoer.openingstijden);
      if (problemen.length) throw badRequest(problemen);
      const locatie: LocatieRij = { id: randomUUID(), ...invoer };
      await repository.maakLocatie(gemeente, locatie);
      await audit.log(context, { gemeente, actie: 'afspraaklocatie-maken', objectType: 'afspraak_locatie', objectId: locatie.id, details: { naam: locatie.naam } });
      return detail(gemeente, await locatieVan(gemeente, locatie.id));
    },

    /** Name, address and opening hours; 409 when a planned appointment would fall outside the new hours. */
    async wijzigLocatie(context: Context, gemeente: string, id: string, invoer: LocatieInvoer): Promise<LocatieDetail> {
      await locatieVan(gemeente, id);
      const problemen = controleerTijden(invoer.openingstijden);
      if (problemen.length) throw badRequest(problemen);
      const locatie: LocatieRij = { id, ...invoer };
      await repository.transactie(async (repo) => {
        const balies = await repo.balies(gemeente, id);
        weigerBijGepland((await repo.gepland(gemeente, balies.map((b) => b.id), klok.nu())).filter((a) => !pastIn(a, locatie.openingstijden)));
        await repo.wijzigLocatie(gemeente, locatie);
      });
      await audit.log(context, { gemeente, actie: 'afspraaklocatie-wijzigen', objectType: 'afspraak_locatie', objectId: id, details: { naam: locatie.naam, openingstijden: locatie.openingstijden.length } });
      return detail(gemeente, await locatieVan(gemeente, id));
    },

    async maakBalie(context: Context, gemeente: string, locatieId: string, invoer: BalieInvoer): Promise<BalieRij> {
      await locatieVan(gemeente, locatieId);
      const problemen = await controleerProducten(gemeente, invoer.producten);
      if (problemen.length) throw badRequest(problemen);
      const balie: BalieRij = { id: randomUUID(), locatieId, naam: invoer.naam, actief: invoer.actief, producten: uniek(invoer.producten) };
      await repository.maakBalie(gemeente, balie);
      await audit.log(context, { gemeente, actie: 'afspraakbalie-maken', objectType: 'afspraak_balie', objectId: balie.id, details: { locatie: locatieId, producten: balie.producten, actief: balie.actief } });
      return balie;
    },

    /** Name, products and active; 409 when a planned appointment would lose its desk (inactive, or its product no longer served). */
    async wijzigBalie(context: Context, gemeente: string, locatieId: string, id: string, invoer: BalieInvoer): Promise<BalieRij> {
      await locatieVan(gemeente, locatieId);
      const problemen = await controleerProducten(gemeente, invoer.producten);
      const balie: BalieRij = { id, locatieId, naam: invoer.naam, actief: invoer.actief, producten: uniek(invoer.producten) };
      await repository.transactie(async (repo) => {
        if (!(await repo.balies(gemeente, locatieId)).some((b) => b.id === id)) throw balieOnbekend();
        if (problemen.length) throw badRequest(problemen);
        weigerBijGepland((await repo.gepland(gemeente, [id], klok.nu())).filter((a) => !balie.actief || !balie.producten.includes(a.product)));
        await repo.wijzigBalie(gemeente, balie);
      });
      await audit.log(context, { gemeente, actie: 'afspraakbalie-wijzigen', objectType: 'afspraak_balie', objectId: id, details: { locatie: locatieId, producten: balie.producten, actief: balie.actief } });
      return balie;
    },

    /** Closes the location, or one of its desks, on the days van … tot; 409 when planned appointments fall in them. */
    async maakSluiting(context: Context, gemeente: string, locatieId: string, invoer: SluitingInvoer): Promise<SluitingRij> {
      await locatieVan(gemeente, locatieId);
      const sluiting: SluitingRij = { id: randomUUID(), locatieId, balieId: invoer.balie ?? null, van: invoer.van, tot: invoer.tot, reden: invoer.reden };
      await repository.transactie(async (repo) => {
        const balies = await repo.balies(gemeente, locatieId);
        const problemen: InvalidParam[] = [];
        if (sluiting.balieId !== null && !balies.some((b) => b.id === sluiting.balieId)) problemen.push({ name: 'balie', code: 'onbekende-balie', reason: 'Deze balie hoort niet bij deze locatie.' });
        if (sluiting.tot < sluiting.van) problemen.push({ name: 'tot', code: 'ongeldige-periode', reason: 'De laatste dag ligt voor de eerste dag.' });
        if (problemen.length) throw badRequest(problemen);
        const geraakt = sluiting.balieId === null ? balies.map((b) => b.id) : [sluiting.balieId];
        const van = new Date(Math.max(lokaalNaarUtc(sluiting.van, '00:00'), klok.nu().getTime()));
        weigerBijGepland(await repo.gepland(gemeente, geraakt, new Date(van.getTime() - 1), new Date(lokaalNaarUtc(plusDagen(sluiting.tot, 1), '00:00'))));
        await repo.maakSluiting(gemeente, sluiting, klok.nu().toISOString());
      });
      await audit.log(context, { gemeente, actie: 'afspraaksluiting-maken', objectType: 'afspraak_sluiting', objectId: sluiting.id, details: { locatie: locatieId, balie: sluiting.balieId, van: sluiting.van, tot: sluiting.tot } });
      return sluiting;
    },

    async verwijderSluiting(context: Context, gemeente: string, locatieId: string, id: string): Promise<void> {
      await locatieVan(gemeente, locatieId);
      if (!(await repository.verwijderSluiting(gemeente, locatieId, id))) throw sluitingOnbekend();
      await audit.log(context, { gemeente, actie: 'afspraaksluiting-verwijderen', objectType: 'afspraak_sluiting', objectId: id, details: { locatie: locatieId } });
    },
  };
}

export type AfsprakenInrichtingService = ReturnType<typeof afsprakenInrichtingService>;
