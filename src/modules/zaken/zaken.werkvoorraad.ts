/**
 * Reading zaken as staff: the work queues (keyset, ADR 0012), the teamleider's overview, the
 * full detail of one zaak, staff for pickers, documents, and the deadline watcher's list.
 */
import type { Rol } from '../../db/schema.ts';
import type { Adres } from '../../http/contactvelden.ts';
import { heeftRecht } from '../../http/rechten.ts';
import { VERWERKING_PERSONEELSACCOUNTS, type Context } from '../audit/audit.service.ts';
import { berekenTermijn, leesDuur, plusDagen } from '../termijnen/kalender.ts';
import { ongeldig, zaakNietGevonden } from './zaken.errors.ts';
import { statusdata, type Gebeurtenis } from './zaken.gebeurtenis.ts';
import { projectieVan, VERWERKING_ZAKEN, type Actor, type Systeem, type Wie, type ZakenKern } from './zaken.kern.ts';
import { eindeDezeWeek, termijnband, type Termijnband } from './zaken.projectie.ts';
import type { DocumentMeta, ZaakRegel } from './zaken.repository.ts';

export interface WerkvoorraadInvoer {
  team?: string | undefined;
  behandelaar?: string | undefined;
  status?: number | undefined;
  zaaktype?: string | undefined;
  termijn?: Termijnband | undefined;
  reactie?: 'nieuw' | undefined;
  open: boolean;
  zoek?: string | undefined;
  identificatie?: string | undefined;
  /** Only zaken of the resident with this e-mail address, open or closed (the KCC's search; not a query parameter of GET /zaken). */
  email?: string | undefined;
  /** Only zaken of the resident at this address (any toevoeging when it has none), open or closed (the KCC's search, ADR 0083). */
  adres?: Adres | undefined;
  cursor?: string | undefined;
  pageSize: number;
}

/** The opaque keyset cursor of a work queue page. */
function schrijfCursor(regel: { uiterlijkeEinddatum: string; id: string }): string {
  return Buffer.from(JSON.stringify([regel.uiterlijkeEinddatum, regel.id])).toString('base64url');
}

function leesCursor(cursor: string): { einddatum: string; id: string } {
  try {
    const waarde: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(waarde) &&
      typeof waarde[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(waarde[0]) &&
      typeof waarde[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(waarde[1])
    ) {
      return { einddatum: waarde[0], id: waarde[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw ongeldig('query.cursor', 'ongeldige-cursor', 'Deze cursor kennen we niet. Begin opnieuw bij de eerste pagina.');
}

/** `grens`: the last day of the band `dezeWeek` (eindeDezeWeek). */
function samenvatting(regel: ZaakRegel, dag: string, grens: string) {
  return {
    id: regel.id,
    identificatie: regel.identificatie,
    zaaktype: { id: regel.zaaktypeId, code: regel.zaaktypeCode, versie: regel.zaaktypeVersie, naam: regel.zaaktypeNaam, naamEn: regel.zaaktypeNaamEn },
    onderwerp: regel.onderwerp,
    kanaal: regel.kanaal,
    ontvangstdatum: regel.ontvangstdatum,
    registratieOp: regel.registratieOp,
    vertrouwelijkheid: regel.vertrouwelijkheid,
    team: { id: regel.teamId, naam: regel.teamNaam },
    behandelaar: regel.behandelaarId ? { id: regel.behandelaarId, naam: regel.behandelaarNaam ?? '' } : null,
    status: { volgnummer: regel.statusVolgnummer, naam: regel.statusNaam, naamEn: regel.statusNaamEn },
    oorspronkelijkeEinddatum: regel.oorspronkelijkeEinddatum,
    uiterlijkeEinddatum: regel.uiterlijkeEinddatum,
    // A closed zaak has no band, nor has a suspended one: its term stands still, so its stored deadline is no promise (ADR 0012).
    termijnband: regel.afgeslotenOp || regel.opgeschort ? null : termijnband(regel.uiterlijkeEinddatum, dag, grens),
    opgeschort: regel.opgeschort,
    afgeslotenOp: regel.afgeslotenOp,
    nieuweReactieOp: regel.nieuweReactieOp,
    versie: regel.versie,
  };
}

function tijdlijnRegel(g: Gebeurtenis) {
  return {
    volgnummer: g.volgnummer,
    soort: g.soort,
    gegevens: g.gegevens,
    extern: g.extern,
    door: g.doorInwoner ? null : g.doorNaam === null ? null : { id: g.doorGebruiker, naam: g.doorNaam },
    doorInwoner: g.doorInwoner,
    op: g.op,
  };
}

export function zakenWerkvoorraad(kern: ZakenKern) {
  const { deps, magZien, zaaktypeVan, vandaag, behandelaar } = kern;
  const { repository, audit } = deps;

  /**
   * The full staff view of one zaak; reading the resident's data is logged. `zojuist`: the answer
   * to the one who just registered or changed it (a committed change is never answered with a
   * 404), who sees it even when it is now restricted for them (ADR 0016).
   */
  async function detail(wie: Actor, gemeente: string, id: string, opties: { loggen: boolean; zojuist?: boolean } = { loggen: true }) {
    const gelezen = await repository.detail(gemeente, id, 'gebruiker' in wie ? wie.gebruiker : null);
    if (!gelezen || !(opties.zojuist || (await magZien(wie, gemeente, gelezen.rij, repository, gelezen.inTeam)))) throw zaakNietGevonden();
    const { rij, regel, betrokkene, gebeurtenissen, documenten, relaties } = gelezen;
    const [zaaktype, sluitingsdagen] = await Promise.all([zaaktypeVan(gemeente, rij.zaaktype_id), deps.sluitingsdagen(gemeente)]);
    const dag = vandaag();
    const projectie = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
    const gezet = statusdata(gebeurtenissen);
    const volgende = zaaktype.statustypen.find((s) => s.volgnummer > rij.status_volgnummer);
    const resultaattype = rij.resultaattype_id ? zaaktype.resultaattypen.find((r) => r.id === rij.resultaattype_id) : undefined;
    const resultaatGebeurtenis = gebeurtenissen.findLast((g) => g.soort === 'resultaat');
    if (opties.loggen && betrokkene) await audit.verwerking(wie.context, { gemeente, naam: 'zaak-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
    const termijn = berekenTermijn(projectie.termijnStart, leesDuur(projectie.norm), sluitingsdagen);
    const live = samenvatting({ ...regel, uiterlijkeEinddatum: rij.afgesloten_op ? regel.uiterlijkeEinddatum : projectie.uiterlijkeEinddatum }, dag, eindeDezeWeek(dag, sluitingsdagen));
    return {
      ...live,
      omschrijving: rij.omschrijving,
      taal: rij.taal,
      betrokkene: betrokkene ?? null,
      zaaktypeVersie: zaaktype,
      statussen: zaaktype.statustypen.map((s) => ({
        volgnummer: s.volgnummer,
        naam: s.naam,
        naamEn: s.naamEn,
        tekst: s.tekst,
        informeren: s.informeren,
        eindstatus: s.eindstatus,
        gezetOp: gezet.get(s.volgnummer) ?? null,
        huidig: s.volgnummer === rij.status_volgnummer,
        volgende: s.volgnummer === volgende?.volgnummer,
      })),
      resultaat: resultaattype ? { id: resultaattype.id, naam: resultaattype.naam, toelichting: resultaatGebeurtenis?.gegevens.toelichting ?? '' } : null,
      archiefactiedatum: rij.archiefactiedatum,
      reactieOntvangen: projectie.reactieOntvangen,
      termijn: {
        norm: projectie.norm,
        ontvangstdatum: rij.ontvangstdatum,
        startdatum: projectie.termijnStart,
        normKeuze: [zaaktype.norm, ...zaaktype.normKeuze.filter((n) => n !== zaaktype.norm)],
        startVastleggen: zaaktype.termijnStart === 'gebeurtenis',
        oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
        uiterlijkeEinddatum: projectie.uiterlijkeEinddatum,
        verlengingen: projectie.verlengingen,
        opschortingen: projectie.opschortingen,
        opgeschorteDagen: projectie.opgeschorteDagen,
        verschoven: projectie.verschoven,
        regel: termijn.regel,
        maxVerlenging: zaaktype.maxVerlenging,
        opschortingToegestaan: zaaktype.opschortingToegestaan,
        berekendOp: dag,
      },
      tijdlijn: gebeurtenissen.map(tijdlijnRegel),
      documenten: documenten.map((d: DocumentMeta) => ({ id: d.id, bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.grootte, sha256: d.sha256, extern: d.extern, aangemaaktOp: d.aangemaaktOp })),
      relaties: relaties.map((r) => ({ zaak: { id: r.id, identificatie: r.identificatie, onderwerp: r.onderwerp }, soort: r.soort })),
    };
  }

  return {
    detail,

    /** One page of a work queue (keyset on deadline, id): no total count (ADR 0012). */
    async werkvoorraad(wie: Wie, gemeente: string, invoer: WerkvoorraadInvoer) {
      const dag = vandaag();
      const week = eindeDezeWeek(dag, await deps.sluitingsdagen(gemeente));
      const banden: Record<Termijnband, { vanaf?: string; tot?: string }> = {
        teLaat: { tot: plusDagen(dag, -1) },
        vandaag: { vanaf: dag, tot: dag },
        dezeWeek: { vanaf: plusDagen(dag, 1), tot: week },
        later: { vanaf: plusDagen(week, 1) },
      };
      const band = invoer.termijn ? banden[invoer.termijn] : {};
      const behandelaar =
        invoer.behandelaar === undefined ? undefined : invoer.behandelaar === 'geen' ? null : invoer.behandelaar === 'ik' ? (wie.gebruiker ?? '00000000-0000-0000-0000-000000000000') : invoer.behandelaar;
      const rijen = await repository.werkvoorraad(gemeente, {
        team: invoer.team,
        behandelaar,
        status: invoer.status,
        zaaktype: invoer.zaaktype,
        open: invoer.open,
        vanaf: band.vanaf,
        tot: band.tot,
        zoek: invoer.zoek,
        nieuweReactie: invoer.reactie === 'nieuw',
        // A band holds only zaken whose term runs; a suspended zaak is in none.
        lopend: invoer.termijn !== undefined,
        identificatie: invoer.identificatie,
        email: invoer.email,
        adres: invoer.adres,
        na: invoer.cursor ? leesCursor(invoer.cursor) : undefined,
        limit: invoer.pageSize + 1,
        // Those who see confidential zaken see every zaak; others the restricted ones of their teams and their own (in the query).
        beperkt: heeftRecht(wie.rollen, 'vertrouwelijkeZakenZien') ? undefined : { gebruiker: wie.gebruiker },
      });
      const items = rijen.slice(0, invoer.pageSize);
      const laatste = items.at(-1);
      return { items: items.map((r) => samenvatting(r, dag, week)), volgende: rijen.length > invoer.pageSize && laatste ? schrijfCursor(laatste) : null };
    },

    /** Open zaken per team × deadline band and per behandelaar (the teamleider's overview). */
    async overzicht(gemeente: string) {
      const dag = vandaag();
      const { teams, behandelaars } = await repository.overzicht(gemeente, dag, eindeDezeWeek(dag, await deps.sluitingsdagen(gemeente)));
      return {
        peildatum: dag,
        teams: teams.map((t) => ({ team: { id: t.id, naam: t.naam }, teLaat: t.teLaat, vandaag: t.vandaag, dezeWeek: t.dezeWeek, later: t.later, opgeschort: t.opgeschort })),
        behandelaars: behandelaars.map((b) => ({
          behandelaar: b.id ? { id: b.id, naam: b.naam ?? '' } : null,
          teLaat: b.teLaat,
          vandaag: b.vandaag,
          dezeWeek: b.dezeWeek,
          later: b.later,
          opgeschort: b.opgeschort,
        })),
      };
    },

    /**
     * Staff with a role in the gemeente (for pickers): filter on roles (any of them) and team.
     * Reading their names and teams is logged like reading teams (ADR 0007).
     */
    async medewerkers(context: Context, gemeente: string, f: { rollen?: readonly Rol[] | undefined; team?: string | undefined; offset: number; limit: number }) {
      const pagina = await repository.medewerkers(gemeente, f);
      await audit.verwerking(context, { gemeente, naam: 'medewerkers-bekijken', ...VERWERKING_PERSONEELSACCOUNTS, betrokkeneIds: pagina.rijen.map((m) => m.id) });
      return pagina;
    },

    /** The number of a zaak the caller may see, for another module that links to it (a klantcontact); undefined when not. */
    async zichtbareZaak(wie: Wie | Systeem, gemeente: string, id: string): Promise<{ id: string; identificatie: string } | undefined> {
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) return undefined;
      return { id: rij.id, identificatie: rij.identificatie };
    },

    /** 404 unless the zaak exists in this gemeente and the caller may see it (before reading an upload). */
    async controleerZichtbaar(wie: Wie, gemeente: string, id: string): Promise<void> {
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) throw zaakNietGevonden();
    },

    async document(wie: Wie, gemeente: string, id: string, documentId: string) {
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) throw zaakNietGevonden();
      const document = await repository.document(gemeente, id, documentId);
      if (!document) throw zaakNietGevonden();
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-document-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return document;
    },

    /**
     * Open, not suspended zaken whose deadline is within `werkdagen` working days from today
     * (0: due today) or has passed, by deadline (keyset with `na`). For the deadline watcher;
     * each row carries the behandelaar's e-mail address when there is one.
     */
    async openZakenMetTermijn(gemeente: string, opties: { werkdagen: number; limit?: number; na?: { einddatum: string; id: string } }) {
      const dag = vandaag();
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const tot = opties.werkdagen > 0 ? berekenTermijn(dag, { soort: 'werkdagen', aantal: opties.werkdagen }, sluitingsdagen).einddatum : dag;
      const rijen = await repository.openZakenMetTermijnTot(gemeente, tot, opties.limit ?? 500, opties.na);
      const emails = new Map<string, string>();
      for (const id of new Set(rijen.map((r) => r.behandelaarId).filter((x): x is string => x !== null))) {
        const medewerker = await behandelaar(gemeente, id);
        if (medewerker) emails.set(id, medewerker.email);
      }
      const grens = eindeDezeWeek(dag, sluitingsdagen);
      return rijen.map((r) => ({ ...samenvatting(r, dag, grens), behandelaarEmail: r.behandelaarId ? (emails.get(r.behandelaarId) ?? null) : null }));
    },
  };
}

export type ZakenWerkvoorraad = ReturnType<typeof zakenWerkvoorraad>;
