import { randomUUID } from 'node:crypto';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Klok } from '../../klok.ts';
import { hashWachtwoord } from '../auth/wachtwoord.ts';
import type { GebruikersRepository } from '../gebruikers/gebruikers.repository.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { TeamsRepository } from '../teams/teams.repository.ts';
import type { SluitingsdagenRepository } from '../termijnen/sluitingsdagen.repository.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { PcBerekendService } from '../planning-control/pc.berekend.service.ts';
import type { PcService } from '../planning-control/pc.service.ts';
import { LEGE_AANVULLING } from '../planning-control/pc.schemas.ts';
import type { KtoService } from '../kto/kto.service.ts';
import { DEMO_GEBRUIKERS, DEMO_GEMEENTEN, DEMO_INTAKE_ADRESSEN, DEMO_KTO, DEMO_KPI_NORMEN, DEMO_TEAMS, demoSluitingsdagen, demoTeamEmail } from './demo.data.ts';
import type { KpiService } from '../kpi/kpi.service.ts';
import type { ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import { DEMO_ZAAKTEAMS, DEMO_ZAAKTYPEN } from './demo.zaaktypen.ts';
import { laadDemoZaken } from './demo.zaken.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';
import { DEMO_PC_HOOFDSTUKKEN, DEMO_PC_RICHTING } from './demo.pc.ts';
import { laadDemoPcBerekend } from './demo.pc-berekend.ts';
import type { MeldingenRepository } from '../meldingen/meldingen.repository.ts';
import { DEMO_MELDING_CATEGORIEEN, DEMO_MELDING_PARTNERS } from './demo.meldingen.ts';
import type { MeldingPartnersRepository } from '../meldingen/meldingen.partners.repository.ts';
import { DEMO_KENNISARTIKELEN } from './demo.kennisbank.ts';
import type { KennisbankRepository } from '../kennisbank/kennisbank.repository.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import type { ProductenRepository } from '../producten/producten.repository.ts';
import { DEMO_PRODUCTEN } from './demo.producten.ts';
import type { AfsprakenRepository } from '../afspraken/afspraken.repository.ts';
import { DEMO_BALIES } from './demo.afspraken.ts';
import type { AdressenService } from '../adressen/adressen.service.ts';
import { readFileSync } from 'node:fs';
import type { FormulierenRepository } from '../formulieren/formulieren.repository.ts';
import { definitieSchema } from '../formulieren/formulieren.schemas.ts';
import { formulierPad } from '../formulieren/formulieren.paden.ts';
import { DEMO_FORMULIEREN } from './demo.formulieren.ts';
import { laadDemoKcc, type DemoKccDeps } from './demo.kcc.ts';
import { laadDemoBezwaren, type DemoBezwaarDeps } from './demo.bezwaren.ts';
import { laadDemoPanel, type DemoPanelDeps } from './demo.panel.ts';

export interface DemoResultaat {
  gemeenten: number;
  gebruikers: number;
  teams: number;
  zaaktypen: number;
  /** Categories of meldingen openbare ruimte (published versions, demo.meldingen.ts). */
  meldingCategorieen: number;
  /** Norms of the gemeenten in the KPI register (DEMO_KPI_NORMEN). */
  normen: number;
  /** Demo zaken with their histories (only with `{ zaken: true }`). */
  zaken: number;
  /** Articles of the knowledge base (demo.kennisbank.ts). */
  kennisartikelen: number;
  /** Products of the catalogue (demo.producten.ts). */
  producten: number;
  /** Desks and rooms for appointments (demo.afspraken.ts). */
  balies: number;
  /** Addresses of the local gazetteer (adressen/, approximate demo data). */
  adressen: number;
  /** Published forms (demo.formulieren.ts). */
  formulieren: number;
  /** Call records of the KCC of Diemen, eight weeks of two queues (demo.kcc.ts; only with `{ zaken: true }`, as the next two). */
  gesprekken: number;
  /** Klantcontacten of the KCC of Diemen (demo.kcc.ts), and the contact before each demo zaak the KCC registered for a resident with an e-mail address (demo.zaken.ts). */
  klantcontacten: number;
  /** Contactverzoeken from those klantcontacten, handled or open (demo.kcc.ts). */
  contactverzoeken: number;
  /** Bezwaren in every state of the procedure (demo.bezwaren.ts; only with `{ zaken: true }`, after the zaken, as the next). */
  bezwaren: number;
  /** Klachten in every state (demo.bezwaren.ts). */
  klachten: number;
  /** Confirmed members of Diemen's inwonerspanel (demo.panel.ts; only with `{ zaken: true }`, as the next one). */
  panelleden: number;
  /** Answers of panel members to Diemen's closed demo survey (demo.panel.ts). */
  enqueteAntwoorden: number;
}

/** Loads the demo data; idempotent (what exists already is left as it is). */
export function demoService(deps: {
  gemeenten: GemeentenRepository;
  gebruikers: GebruikersRepository;
  teams: TeamsRepository;
  /** Closure days go in only for a gemeente the demo creates (this year and next). */
  sluitingsdagen?: SluitingsdagenRepository;
  zaaktypen: ZaaktypenRepository;
  /** The categories of meldingen openbare ruimte (demo.meldingen.ts). */
  meldingen?: MeldingenRepository;
  /** The external partners of meldingen (demo.meldingen.ts). */
  meldingPartners?: MeldingPartnersRepository;
  audit: AuditService;
  klok: Klok;
  /** P&C chapters of Diemen, published (demo.pc.ts). */
  pc?: PcService;
  /** Computed P&C values: the e-mail zaken of 2023 and the concept version that accepts 2.2.1 (demo.pc-berekend.ts); loaded with the zaken. */
  pcBerekend?: PcBerekendService;
  /** The KPI register, for the gemeenten's norms (DEMO_KPI_NORMEN). */
  kpi?: Pick<KpiService, 'voorGemeente' | 'voegNormToe'>;
  /** The e-mail intake, for the gemeenten's intake addresses (DEMO_INTAKE_ADRESSEN). */
  mailintake?: { voegAdresToe(context: Context, gemeente: string, adres: string): Promise<boolean> };
  /** The knowledge base, for its demo articles (demo.kennisbank.ts). */
  kennisbank?: Pick<KennisbankRepository, 'titelBestaat' | 'voegToe'>;
  /** The product catalogue (demo.producten.ts). */
  producten?: ProductenRepository;
  /** Locations, desks and officials for appointments (demo.afspraken.ts). */
  afspraken?: AfsprakenRepository;
  /** The local gazetteer of the melding form, loaded from adressen/ (ADR 0054). */
  adressen?: Pick<AdressenService, 'importeer'>;
  /** Forms that become zaken (demo.formulieren.ts), published for the demo zaaktypen. */
  formulieren?: FormulierenRepository;
  /** The question after closing, for its settings per zaaktype (DEMO_KTO). */
  kto?: Pick<KtoService, 'instellingen' | 'zetInstelling'>;
  /** Call records, klantcontacten and contactverzoeken of the KCC (demo.kcc.ts); loaded with the zaken. */
  kcc?: Omit<DemoKccDeps, 'klok'>;
  /** The bezwaar procedure and the klachten service on the demo's clock (demo.bezwaren.ts); loaded after the zaken. */
  bezwaren?: Omit<DemoBezwaarDeps, 'klok'>;
  /** Diemen's inwonerspanel, its margins and a closed survey (demo.panel.ts); loaded with the zaken. */
  panel?: DemoPanelDeps['enquetes'];
  /** The zaken service on the demo's simulated clock, with an outbox that never sends (demo.zaken.ts). */
  zakenOpKlok: (klok: Klok) => ZakenService;
  /** Statistics for the planner after the demo zaken are loaded (OnderhoudRepository.analyseer). */
  analyseer: () => Promise<void>;
}) {
  const pcBerekend = async (context: Context, ids: ReadonlyMap<string, string>): Promise<number> =>
    deps.pc && deps.pcBerekend ? laadDemoPcBerekend({ zaken: deps.zakenOpKlok, zaaktypen: deps.zaaktypen, pc: deps.pc, pcBerekend: deps.pcBerekend, klok: deps.klok }, context, ids) : 0;
  /** The KCC's klantcontacten service for the demo zaken (the contact before a zaak, demo.zaken.ts), counting what it registers. */
  const telContacten = () => {
    let aantal = 0;
    const kcc = deps.kcc;
    return {
      service: kcc
        ? {
            registreer: async (...args: Parameters<DemoKccDeps['klantcontacten']['registreer']>) => {
              const contact = await kcc.klantcontacten.registreer(...args);
              aantal++;
              return contact;
            },
          }
        : undefined,
      aantal: () => aantal,
    };
  };
  return {
    /** `zaken: true` also loads the demo zaken and the KCC's demo data (serve and `loket demo`; tests start without them). */
    async laad(context: Context, opties: { zaken?: boolean } = {}): Promise<DemoResultaat> {
      const resultaat: DemoResultaat = { gemeenten: 0, gebruikers: 0, teams: 0, zaaktypen: 0, meldingCategorieen: 0, normen: 0, zaken: 0, kennisartikelen: 0, producten: 0, balies: 0, adressen: 0, formulieren: 0, gesprekken: 0, klantcontacten: 0, contactverzoeken: 0, bezwaren: 0, klachten: 0, panelleden: 0, enqueteAntwoorden: 0 };
      for (const gemeente of DEMO_GEMEENTEN) {
        if (await deps.gemeenten.opCode(gemeente.code)) continue;
        await deps.gemeenten.bewaar(gemeente);
        resultaat.gemeenten++;
        const jaar = Number(kalenderdag(deps.klok.nu()).slice(0, 4));
        for (const dag of [...demoSluitingsdagen(jaar), ...demoSluitingsdagen(jaar + 1)].filter((d) => d.gemeente === gemeente.code)) {
          await deps.sluitingsdagen?.voegToe(dag.gemeente, { datum: dag.datum, naam: dag.naam, door: null, op: deps.klok.nu().toISOString() });
        }
      }
      const ids = new Map<string, string>();
      for (const g of DEMO_GEBRUIKERS) {
        const bestaand = await deps.gebruikers.idOpEmail(g.email);
        if (bestaand) {
          ids.set(g.email, bestaand);
          continue;
        }
        const id = randomUUID();
        const [eerste, ...overige] = Object.entries(g.rollen);
        if (!eerste) continue;
        await deps.gebruikers.maak({
          id,
          naam: g.naam,
          email: g.email,
          wachtwoordHash: await hashWachtwoord(g.wachtwoord),
          totpGeheim: g.totpGeheim,
          totpBevestigd: true,
          gemeente: eerste[0],
          rollen: eerste[1],
        });
        for (const [gemeente, rollen] of overige) await deps.gebruikers.voegRollenToe(gemeente, id, rollen);
        ids.set(g.email, id);
        resultaat.gebruikers++;
      }
      for (const t of [...DEMO_TEAMS, ...DEMO_ZAAKTEAMS]) {
        if (await deps.teams.naamBestaat(t.gemeente, t.naam)) continue;
        const id = randomUUID();
        await deps.teams.maak(t.gemeente, { id, naam: t.naam, omschrijving: t.omschrijving, telefoon: '', email: demoTeamEmail(t.gemeente, t.naam) });
        const leden = t.leden.map((email) => ids.get(email)).filter((x): x is string => x !== undefined);
        await deps.teams.zetLeden(t.gemeente, id, 1, leden, deps.klok.nu().toISOString());
        resultaat.teams++;
      }
      const nu = deps.klok.nu().toISOString();
      const teamIds = new Map<string, Map<string, string>>();
      for (const gemeente of DEMO_GEMEENTEN) {
        const teams = (await deps.teams.pagina(gemeente.code, 0, 100)).rows;
        teamIds.set(gemeente.code, new Map(teams.map((t) => [t.naam, t.id])));
        for (const { team, ...zaaktype } of DEMO_ZAAKTYPEN) {
          if (await deps.zaaktypen.hoogsteVersie(gemeente.code, zaaktype.code)) continue;
          const id = randomUUID();
          await deps.zaaktypen.maak(
            gemeente.code,
            id,
            1,
            {
              ...zaaktype,
              omschrijving: zaaktype.omschrijving ?? { nl: '', en: '' },
              standaardTeam: teams.find((t) => t.naam === team)?.id ?? null,
              resultaattypen: zaaktype.resultaattypen.map((r) => ({ ...r, tekst: r.tekst ?? { nl: '', en: '' }, id: randomUUID() })),
            },
            nu,
          );
          await deps.zaaktypen.publiceer(gemeente.code, id, 1, nu, kalenderdag(nu));
          resultaat.zaaktypen++;
        }
        // The external partners of meldingen, before the categories that name them.
        for (const p of deps.meldingPartners ? DEMO_MELDING_PARTNERS : []) {
          if (!p.gemeenten.includes(gemeente.code)) continue;
          const leden = p.leden.map((email) => ids.get(email)).filter((x): x is string => x !== undefined);
          await deps.meldingPartners?.maakPartner(gemeente.code, { id: randomUUID(), naam: p.naam, email: p.email, leden }, nu);
        }
        const partnerIds = new Map((deps.meldingPartners ? await deps.meldingPartners.partners(gemeente.code) : []).map((p) => [p.naam, p.id]));
        // The categories of meldingen openbare ruimte, main categories first (a sub names its main one).
        for (const { team, partner, gemeenten, ...categorie } of deps.meldingen ? DEMO_MELDING_CATEGORIEEN : []) {
          if (gemeenten && !gemeenten.includes(gemeente.code)) continue;
          if (!deps.meldingen || (await deps.meldingen.hoogsteVersie(gemeente.code, categorie.code))) continue;
          const id = randomUUID();
          const categorieTeam = team ? (teams.find((t) => t.naam === team)?.id ?? null) : null;
          await deps.meldingen.maakCategorie(gemeente.code, id, 1, { ...categorie, team: categorieTeam, partner: (partner && partnerIds.get(partner)) || null }, nu);
          await deps.meldingen.publiceerCategorie(gemeente.code, id, 1, nu, kalenderdag(nu));
          resultaat.meldingCategorieen++;
        }
      }
      // The e-mail intake's addresses (ADR 0046); one that is taken already stays as it is.
      for (const { gemeente, adres } of deps.mailintake ? DEMO_INTAKE_ADRESSEN : []) await deps.mailintake?.voegAdresToe(context, gemeente, adres);
      // The forms of each gemeente, published for its zaaktypen; a form whose code is there already stays as it is.
      for (const gemeente of deps.formulieren ? DEMO_GEMEENTEN : []) {
        for (const f of DEMO_FORMULIEREN) {
          const zaaktype = await deps.zaaktypen.geldendeVersie(gemeente.code, f.zaaktype, kalenderdag(nu));
          if (!deps.formulieren || !zaaktype || (await deps.formulieren.hoogsteVersie(gemeente.code, f.code))) continue;
          const id = randomUUID();
          await deps.formulieren.maak(gemeente.code, { id, code: f.code, versie: 1, zaaktypeId: zaaktype.id, definitie: definitieSchema.parse(f.definitie) }, nu);
          await deps.formulieren.zetStatus(gemeente.code, id, 'concept', 'gepubliceerd', undefined, nu);
          resultaat.formulieren++;
        }
      }
      // The product catalogue of each gemeente; a product that is there already stays as it is. A
      // product with a demo form starts it.
      for (const gemeente of deps.producten ? DEMO_GEMEENTEN : []) {
        for (const product of DEMO_PRODUCTEN) {
          const formulier = deps.formulieren ? DEMO_FORMULIEREN.find((f) => f.product === product.code) : undefined;
          const metFormulier = formulier ? { ...product, formulierUrl: formulierPad('nl', gemeente.slug, formulier.code) } : product;
          if (await deps.producten?.maak(gemeente.code, metFormulier, nu)) resultaat.producten++;
        }
      }
      // The balie of each gemeente, once (after its products, which the desks serve).
      for (const opzet of deps.afspraken ? DEMO_BALIES : []) {
        const repo = deps.afspraken;
        if (!repo || (await repo.heeftLocaties(opzet.gemeente))) continue;
        const locatieId = randomUUID();
        await repo.maakLocatie(opzet.gemeente, { id: locatieId, ...opzet.locatie, openingstijden: opzet.openingstijden });
        for (const balie of opzet.balies) {
          await repo.maakBalie(opzet.gemeente, { id: randomUUID(), locatieId, ...balie });
          resultaat.balies++;
        }
        for (const ambtenaar of opzet.ambtenaren) await repo.maakAmbtenaar(opzet.gemeente, { id: randomUUID(), ...ambtenaar });
      }
      // A small gazetteer per gemeente for the melding form (approximate demo data, adressen/README.md); importing again changes nothing.
      for (const gemeente of deps.adressen ? DEMO_GEMEENTEN : []) {
        const uitkomst = await deps.adressen?.importeer(context, gemeente.code, readFileSync(new URL(`./adressen/${gemeente.code}.csv`, import.meta.url)));
        resultaat.adressen += uitkomst?.nieuw ?? 0;
      }
      // The question after closing (ADR 0052); a zaaktype that has a setting already keeps it.
      for (const gemeente of deps.kto ? DEMO_GEMEENTEN : []) {
        const bestaand = new Set((await deps.kto?.instellingen(gemeente.code))?.map((i) => i.zaaktype));
        for (const instelling of DEMO_KTO) if (!bestaand.has(instelling.zaaktype)) await deps.kto?.zetInstelling(gemeente.code, instelling);
      }
      // The norms of the KPI register, through its service as `POST …/normen` does; one that is there already stays.
      for (const norm of deps.kpi ? DEMO_KPI_NORMEN : []) {
        const bestaand = (await deps.kpi?.voorGemeente(norm.gemeente))?.find((k) => k.code === norm.kpi)?.normen ?? [];
        if (bestaand.some((n) => n.geldigVanaf === norm.geldigVanaf)) continue;
        await deps.kpi?.voegNormToe(context, norm.gemeente, norm.kpi, { waarde: norm.waarde, bron: norm.bron, geldigVanaf: norm.geldigVanaf });
        resultaat.normen++;
      }
      // The P&C chapters of Diemen, once: as vastgesteld versions, published on the portal.
      for (const h of DEMO_PC_HOOFDSTUKKEN) {
        const soort = h.soort === 'begroting' ? 'programmabegroting' : 'jaarstukken';
        if (!deps.pc || (await deps.pc.documenten(h.gemeente, { soort, jaar: h.jaar })).length > 0) continue;
        const indicatoren = h.indicatoren.map((i) => ({ ...i, aanvulling: { ...LEGE_AANVULLING, richting: DEMO_PC_RICHTING[i.code] ?? null } }));
        await deps.pc.importeer(context, h.gemeente, [{ ...h, indicatoren }], { naam: 'Zoals gepubliceerd', status: 'vastgesteld', vastgesteldOp: h.documentstatus?.datum ?? null });
      }
      // The knowledge base's articles; one whose title is there already stays.
      for (const a of deps.kennisbank ? DEMO_KENNISARTIKELEN : []) {
        const teamId = teamIds.get(a.gemeente)?.get(a.team);
        if (!teamId || !deps.kennisbank || (await deps.kennisbank.titelBestaat(a.gemeente, a.titel))) continue;
        const { gemeente, team: _team, herzien, ...inhoud } = a;
        await deps.kennisbank.voegToe(gemeente, randomUUID(), { ...inhoud, teamId, herzienOp: plusDagen(kalenderdag(nu), herzien) }, { toelichting: 'Demo', door: { id: null, naam: null }, op: nu });
        resultaat.kennisartikelen++;
      }
      // The KCC's history goes with the zaken' history: tests, which start without zaken, find an empty KCC.
      if (opties.zaken && deps.kcc) Object.assign(resultaat, await laadDemoKcc({ ...deps.kcc, klok: deps.klok }, context, ids, teamIds));
      if (opties.zaken && deps.panel) Object.assign(resultaat, await laadDemoPanel({ enquetes: deps.panel, klok: deps.klok }, context));
      if (opties.zaken) {
        const contacten = telContacten();
        resultaat.zaken = await laadDemoZaken({ zaken: deps.zakenOpKlok, zaaktypen: deps.zaaktypen, klok: deps.klok, klantcontacten: contacten.service }, context, ids, teamIds);
        resultaat.klantcontacten += contacten.aantal();
      }
      // After the zaken (which count what a gemeente has): the bezwaren and klachten in every state, and the e-mails of 2023.
      if (opties.zaken && deps.bezwaren) Object.assign(resultaat, await laadDemoBezwaren({ ...deps.bezwaren, klok: deps.klok }, context, ids, teamIds));
      if (opties.zaken) resultaat.zaken += await pcBerekend(context, ids);
      if (opties.zaken) await deps.analyseer();
      if (Object.values(resultaat).some((n) => n > 0)) {
        await deps.audit.log(context, { gemeente: null, actie: 'demo-laden', details: { ...resultaat } });
      }
      return resultaat;
    },

    /**
     * Only the demo zaken and the KCC's demo data, after `laad` (serve runs this in the background
     * once it listens). Stops between two zaken when `signal` aborts; the next load continues from there.
     */
    async laadZaken(context: Context, opties: { signal?: AbortSignal } = {}): Promise<number> {
      const ids = new Map<string, string>();
      for (const g of DEMO_GEBRUIKERS) {
        const id = await deps.gebruikers.idOpEmail(g.email);
        if (id) ids.set(g.email, id);
      }
      const teamIds = new Map<string, Map<string, string>>();
      for (const gemeente of DEMO_GEMEENTEN) teamIds.set(gemeente.code, new Map((await deps.teams.pagina(gemeente.code, 0, 100)).rows.map((t) => [t.naam, t.id])));
      const kcc = deps.kcc && !opties.signal?.aborted ? await laadDemoKcc({ ...deps.kcc, klok: deps.klok }, context, ids, teamIds) : undefined;
      const panel = deps.panel && !opties.signal?.aborted ? await laadDemoPanel({ enquetes: deps.panel, klok: deps.klok }, context) : undefined;
      const contacten = telContacten();
      let zaken = await laadDemoZaken({ zaken: deps.zakenOpKlok, zaaktypen: deps.zaaktypen, klok: deps.klok, klantcontacten: contacten.service }, context, ids, teamIds, opties);
      const bezwaren = deps.bezwaren && !opties.signal?.aborted ? await laadDemoBezwaren({ ...deps.bezwaren, klok: deps.klok }, context, ids, teamIds) : undefined;
      // After all other demo zaken, which count the zaken there are to resume a stopped load.
      if (!opties.signal?.aborted) zaken += await pcBerekend(context, ids);
      if (zaken > 0) await deps.analyseer();
      const metZaak = { klantcontacten: (kcc?.klantcontacten ?? 0) + contacten.aantal() };
      if (zaken > 0 || [kcc, panel, bezwaren].some((r) => r && Object.values(r).some((n) => n > 0))) await deps.audit.log(context, { gemeente: null, actie: 'demo-laden', details: { zaken, ...kcc, ...metZaak, ...panel, ...bezwaren } });
      return zaken;
    },
  };
}
