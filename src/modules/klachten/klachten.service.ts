/**
 * The klacht procedure (Awb titel 9.1, ADR 0060) on the zaken engine. A klacht is a zaak of
 * zaaktype `klacht`; each step of the procedure is one change of that zaak through the zaken
 * service (its version checked, an internal note in the timeline, the letters as zaak documents)
 * and, in the same transaction, a row in `klacht_stap` and the new state in `klacht`. Steps that
 * change the zaak's term or close it use the zaken service's own actions (verleng, sluitAf), so
 * the deadline, the resident's mail and the tracking page follow. The terms are the bezwaar
 * module's `klachtTermijnen` (ADR 0036), with their explanation.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Kanaal, KlachtCategorie, KlachtStapSoort, KlachtUitkomst, MaatregelStatus } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { verouderd } from '../../http/etag.ts';
import { badRequest, conflict, notFound, type InvalidParam } from '../../http/problem.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { BriefWoorden } from '../brieven/brieven.pdf.ts';
import { klachtTermijnen, OngeldigeVerdaging, type KlachtTermijnen } from '../bezwaar/bezwaar.termijnen.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import { kalenderdag, plusDagen, telWerkdagenNa, werkdagenTussen, type Sluitingsdagen } from '../termijnen/kalender.ts';
import type { NieuweZaakInvoer, Systeem, SysteemDocument, SysteemZaak, Wie, ZakenService } from '../zaken/zaken.service.ts';
import { klachtBrief, type BesluitUitkomst, type KlachtBrief, type NietBehandelenGrond } from './klachten.brieven.ts';
import { maakRegister } from './klachten.register.ts';
import type { KlachtenRepository, KlachtRij } from './klachten.repository.ts';

export const KLACHT_ZAAKTYPE = 'klacht';

/** The result of the zaaktype `klacht` (by name) each outcome closes the zaak with. */
export const RESULTAAT_VAN: Record<KlachtUitkomst, string> = {
  gegrond: 'Gegrond',
  'deels-gegrond': 'Deels gegrond',
  ongegrond: 'Ongegrond',
  'informeel-opgelost': 'Naar tevredenheid opgelost',
  'niet-behandeld': 'Niet in behandeling genomen',
};

export interface NieuweKlacht {
  onderwerp: string;
  omschrijving: string;
  kanaal: Kanaal;
  ontvangstdatum: string;
  categorie: KlachtCategorie;
  /** The team whose conduct the klacht is about (counted per team in the register). */
  team: string;
  beklaagde?: string | undefined;
  gedragingDatum?: string | undefined;
  /** A klachtadviescommissie handles it: ten weeks (9:11 lid 1). */
  commissie?: boolean | undefined;
  /** The klager as a zaak's betrokkene; the address only to find their zaken (ADR 0083). */
  klager: NonNullable<NieuweZaakInvoer['betrokkene']> & { naam: string };
}

export type KlachtStapInvoer =
  | { soort: 'contact'; datum: string; verslag: string }
  | { soort: 'niet-behandelen'; grond: NietBehandelenGrond; toelichting: string }
  | { soort: 'hoorzitting'; op: string; locatie: string; genodigden: string[] }
  | { soort: 'hoorverslag'; verslag: string }
  | { soort: 'horen-overslaan'; grond: 'kennelijk-ongegrond' | 'klager-ziet-af'; toelichting: string }
  | { soort: 'verdaging'; weken: number; reden: string }
  | { soort: 'uitstel'; weken: number; reden: string; instemming: { datum: string; schriftelijk: true } }
  | {
      soort: 'besluit';
      uitkomst: BesluitUitkomst;
      bevindingen: string;
      maatregelen?: string | undefined;
      instemming?: { datum: string; wijze: 'schriftelijk' | 'mondeling' | 'e-mail' } | undefined;
      verbetermaatregelen?: { omschrijving: string; team: string; uiterlijk: string }[] | undefined;
    };

export interface KlachtenDeps {
  db: Kysely<DB>;
  repository: KlachtenRepository;
  zaken: Pick<ZakenService, 'registreerKort' | 'systeemGebeurtenis' | 'verleng' | 'sluitAf' | 'detail'>;
  gemeenten: Pick<GemeentenRepository, 'opCode'>;
  zaaktypen: Pick<ZaaktypenRepository, 'geldendeVersie'>;
  sluitingsdagen: (gemeente: string) => Promise<Sluitingsdagen>;
  /** The gemeente's own wording of the klacht letters (ADR 0071), read in the step's transaction. */
  briefWoorden: (gemeente: string, taal: Taal, d: Kysely<DB> | Transaction<DB>) => Promise<BriefWoorden>;
  audit: AuditService;
  klok: Klok;
}

const fout = (name: string, code: string, reason: string): InvalidParam => ({ name, code, reason });

/** The terms of a klacht as they stand, with the informal-contact norm. */
function termijnenVan(k: KlachtRij): KlachtTermijnen {
  return klachtTermijnen({ ontvangen: k.ontvangen, commissie: k.commissie, verdagingWeken: k.verdagingWeken, uitstelWeken: k.uitstelWeken });
}

export function klachtenService(deps: KlachtenDeps) {
  const { repository, zaken, klok } = deps;
  const vandaag = () => kalenderdag(klok.nu());

  async function gemeenteVan(code: string) {
    const g = await deps.gemeenten.opCode(code);
    if (!g) throw notFound();
    return g;
  }

  async function teamBestaat(gemeente: string, team: string): Promise<boolean> {
    return (await repository.teamNaam(gemeente, team)) !== undefined;
  }

  /**
   * One step as one change of the zaak (through the zaken service): the version checked when
   * given, the note and the letters added, the step and the klacht's new state written in the
   * same transaction. `maak` sees the locked zaak and the klacht as it is.
   */
  async function leg(
    wie: Wie | Systeem,
    gemeente: string,
    zaakId: string,
    versie: number | null,
    actie: string,
    maak: (z: SysteemZaak, klacht: KlachtRij) => Promise<{ soort: KlachtStapSoort; gegevens: Record<string, unknown>; notitie: string; brieven: { b: KlachtBrief; extern: boolean }[]; klacht?: Parameters<KlachtenRepository['werkBij']>[3] }>,
  ): Promise<void> {
    const systeem: Systeem = { soort: 'systeem', context: wie.context, naam: wie.naam };
    const doorGebruiker = 'gebruiker' in wie ? wie.gebruiker : null;
    await zaken.systeemGebeurtenis(systeem, gemeente, zaakId, actie, async (z) => {
      if (versie !== null && z.zaak.versie !== versie) throw verouderd();
      const klacht = await repository.klacht(gemeente, zaakId, z.transactie);
      if (!klacht) throw notFound();
      const u = await maak(z, klacht);
      const documenten: SysteemDocument[] = [];
      for (const { b, extern } of u.brieven) {
        const { pdf, bestandsnaam } = await klachtBrief({ ...b, woorden: await deps.briefWoorden(gemeente, b.taal, z.transactie) });
        documenten.push({ id: randomUUID(), bestandsnaam, mediatype: 'application/pdf', inhoud: pdf, extern });
      }
      const nu = klok.nu().toISOString();
      await repository.voegStapToe(z.transactie, gemeente, zaakId, { soort: u.soort, gegevens: { ...u.gegevens, brieven: documenten.map((d) => d.id) }, doorGebruiker, doorNaam: wie.naam, op: nu });
      if (u.klacht) await repository.werkBij(z.transactie, gemeente, zaakId, u.klacht);
      return { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: u.notitie }, extern: false }], details: { stap: u.soort }, documenten };
    });
  }

  /** The klacht with its steps, terms and letters, as staff see it. */
  async function detail(wie: Wie, gemeente: string, zaakId: string) {
    const zaak = await zaken.detail(wie, gemeente, zaakId, { loggen: false });
    const klacht = await repository.klacht(gemeente, zaakId);
    if (!klacht) throw notFound();
    const stappen = await repository.stappen(gemeente, zaakId);
    const maatregelen = await repository.maatregelen(gemeente, { zaak: zaakId });
    const termijnen = termijnenVan(klacht);
    const instelling = await repository.instelling(gemeente);
    return {
      ...klacht,
      onderwerp: zaak.onderwerp,
      versie: zaak.versie,
      klager: zaak.betrokkene ? { naam: zaak.betrokkene.naam, taal: zaak.betrokkene.taal } : null,
      termijnen: { ...termijnen, informeelContactUiterlijk: klacht.informeelContactUiterlijk, informeelWerkdagen: instelling.informeelWerkdagen },
      stappen,
      maatregelen,
      brieven: zaak.documenten.filter((d) => d.mediatype === 'application/pdf'),
    };
  }

  return {
    detail,

    /**
     * What the resident form offers: the gemeente's teams, the team of the zaaktype `klacht` for
     * "I do not know" (the register counts the klacht there until staff know better), the norm.
     */
    async formulier(gemeente: string) {
      const zaaktype = await deps.zaaktypen.geldendeVersie(gemeente, KLACHT_ZAAKTYPE, vandaag());
      const instelling = await repository.instelling(gemeente);
      return { teams: await repository.teams(gemeente), standaardTeam: zaaktype?.standaardTeam ?? null, werkdagen: instelling.informeelWerkdagen };
    },

    /**
     * Registers a klacht: the zaak (its receipt mail with the tracking link), the klacht's row and
     * the written receipt (9:6) with the expected date and the contact person, kept with the zaak
     * as a PDF. By a staff member (paper, phone) or by the system (the resident's form).
     */
    async registreer(wie: Wie | Systeem, gemeente: string, invoer: NieuweKlacht) {
      const dag = vandaag();
      const fouten: InvalidParam[] = [];
      if (!(await teamBestaat(gemeente, invoer.team))) fouten.push(fout('team', 'onbekend-team', 'Dit team bestaat niet in deze gemeente.'));
      if (invoer.gedragingDatum !== undefined && invoer.gedragingDatum > invoer.ontvangstdatum) fouten.push(fout('gedragingDatum', 'na-ontvangst', 'Wat er gebeurde, kan niet na de ontvangst van de klacht liggen.'));
      if (invoer.ontvangstdatum > dag) fouten.push(fout('ontvangstdatum', 'in-de-toekomst', 'De ontvangstdatum kan niet in de toekomst liggen.'));
      if (fouten.length > 0) throw badRequest(fouten);
      const g = await gemeenteVan(gemeente);
      const instelling = await repository.instelling(gemeente);
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const termijnen = klachtTermijnen({ ontvangen: invoer.ontvangstdatum, commissie: invoer.commissie ?? false });
      const informeel = telWerkdagenNa(invoer.ontvangstdatum, instelling.informeelWerkdagen, sluitingsdagen).datum;
      const uitkomst = await inEenTransactie(deps.db, async () => {
        const zaak = await zaken.registreerKort(wie, gemeente, {
          zaaktype: KLACHT_ZAAKTYPE,
          onderwerp: invoer.onderwerp,
          omschrijving: invoer.omschrijving,
          kanaal: invoer.kanaal,
          ontvangstdatum: invoer.ontvangstdatum,
          betrokkene: invoer.klager,
          ...(invoer.commissie ? { norm: { duur: 'P10W', reden: 'Een klachtadviescommissie behandelt de klacht (Awb 9:11 lid 1): tien weken.' } } : {}),
        });
        await repository.voegToe(deps.db, gemeente, {
          zaakId: zaak.id,
          identificatie: zaak.identificatie,
          ontvangen: invoer.ontvangstdatum,
          categorie: invoer.categorie,
          teamId: invoer.team,
          beklaagde: invoer.beklaagde ?? null,
          gedragingDatum: invoer.gedragingDatum ?? null,
          commissie: invoer.commissie ?? false,
          informeelContactUiterlijk: informeel,
          nietBehandelenUiterlijk: termijnen.nietBehandelenMeldenUiterlijk,
          afhandeltermijnEinde: termijnen.afhandeltermijnEinde,
        });
        await leg(wie, gemeente, zaak.id, null, 'klacht-ontvangstbevestiging', async (z) => {
          const zaakTeam = (await repository.teamNaam(gemeente, z.zaak.team_id)) ?? '';
          const contactpersoon = 'gebruiker' in wie && wie.gebruiker && wie.naam ? `${wie.naam} (${zaakTeam})` : zaakTeam;
          return {
            soort: 'ontvangen',
            gegevens: { categorie: invoer.categorie, commissie: invoer.commissie ?? false, contactpersoon },
            notitie: `Ontvangst van de klacht schriftelijk bevestigd (Awb 9:6); contactpersoon ${contactpersoon}, afhandeling uiterlijk ${termijnen.afhandeltermijnEinde}.`,
            brieven: [
              {
                b: { soort: 'ontvangst', gemeente: g, taal: invoer.klager.taal, datum: dag, identificatie: zaak.identificatie, onderwerp: invoer.onderwerp, naam: invoer.klager.naam, ontvangen: invoer.ontvangstdatum, werkdagen: instelling.informeelWerkdagen, contactpersoon, einddatum: termijnen.afhandeltermijnEinde },
                extern: true,
              },
            ],
          };
        });
        await deps.audit.log(wie.context, { gemeente, actie: 'klacht-registreren', objectType: 'zaak', objectId: zaak.id, details: { identificatie: zaak.identificatie, categorie: invoer.categorie } });
        return zaak;
      });
      return uitkomst;
    },

    /** One step of the procedure; every reason at once, nothing changed on an error. */
    async stap(wie: Wie, gemeente: string, zaakId: string, versie: number, invoer: KlachtStapInvoer) {
      const klacht = await repository.klacht(gemeente, zaakId);
      if (!klacht) throw notFound();
      if (klacht.uitkomst !== null) throw conflict('klacht-afgehandeld', `Deze klacht is al afgehandeld (${klacht.uitkomst}). Er is niets veranderd.`);
      const dag = vandaag();
      const g = await gemeenteVan(gemeente);
      const fouten: InvalidParam[] = [];
      const binnenTermijn = (einde: string) => dag <= einde;

      switch (invoer.soort) {
        case 'contact': {
          if (invoer.datum > dag) fouten.push(fout('datum', 'in-de-toekomst', 'Het gesprek kan niet in de toekomst liggen.'));
          if (invoer.datum < klacht.ontvangen) fouten.push(fout('datum', 'voor-ontvangst', `Het gesprek kan niet voor de ontvangst (${klacht.ontvangen}) liggen.`));
          if (fouten.length > 0) throw badRequest(fouten);
          const eerste = klacht.eersteContact === null || invoer.datum < klacht.eersteContact ? invoer.datum : klacht.eersteContact;
          await leg(wie, gemeente, zaakId, versie, 'klacht-contact', async () => ({
            soort: 'contact',
            gegevens: { datum: invoer.datum, verslag: invoer.verslag, opTijd: invoer.datum <= klacht.informeelContactUiterlijk },
            notitie: `Gesprek met de klager op ${invoer.datum}: ${invoer.verslag}`,
            brieven: [],
            klacht: { eersteContact: eerste },
          }));
          break;
        }
        case 'hoorzitting': {
          const datum = kalenderdag(invoer.op);
          if (datum < klacht.ontvangen) fouten.push(fout('op', 'voor-ontvangst', `De hoorzitting kan niet voor de ontvangst (${klacht.ontvangen}) liggen.`));
          if (klacht.horen === 'gehoord' || klacht.horen === 'overgeslagen') fouten.push(fout('soort', 'horen-al-vastgelegd', 'Het horen is al vastgelegd.'));
          if (fouten.length > 0) throw badRequest(fouten);
          await leg(wie, gemeente, zaakId, versie, 'klacht-hoorzitting', async () => ({
            soort: 'hoorzitting',
            gegevens: { op: invoer.op, locatie: invoer.locatie, genodigden: invoer.genodigden },
            notitie: `Hoorzitting gepland op ${invoer.op} in ${invoer.locatie} (Awb 9:10); uitgenodigd: ${invoer.genodigden.join(', ')}.`,
            brieven: [],
            klacht: { horen: 'gepland', hoorzittingOp: new Date(invoer.op).toISOString() },
          }));
          break;
        }
        case 'hoorverslag': {
          if (klacht.horen !== 'gepland') throw badRequest([fout('soort', 'geen-hoorzitting', 'Er is geen hoorzitting gepland: plan die eerst, of leg vast waarom niet wordt gehoord.')]);
          await leg(wie, gemeente, zaakId, versie, 'klacht-hoorverslag', async () => ({
            soort: 'hoorverslag',
            gegevens: { verslag: invoer.verslag },
            notitie: `Hoorverslag (Awb 9:10 lid 3): ${invoer.verslag}`,
            brieven: [],
            klacht: { horen: 'gehoord' },
          }));
          break;
        }
        case 'horen-overslaan': {
          if (klacht.horen === 'gehoord') throw badRequest([fout('soort', 'al-gehoord', 'De klager is al gehoord.')]);
          await leg(wie, gemeente, zaakId, versie, 'klacht-horen-overslaan', async () => ({
            soort: 'horen-overslaan',
            gegevens: { grond: invoer.grond, toelichting: invoer.toelichting },
            notitie: `Niet gehoord (Awb 9:10 lid 2, ${invoer.grond === 'kennelijk-ongegrond' ? 'de klacht is kennelijk ongegrond' : 'de klager ziet af van horen'}): ${invoer.toelichting}`,
            brieven: [],
            klacht: { horen: 'overgeslagen', hoorzittingOp: null },
          }));
          break;
        }
        case 'verdaging': {
          let nieuw: KlachtTermijnen;
          try {
            nieuw = klachtTermijnen({ ontvangen: klacht.ontvangen, commissie: klacht.commissie, verdagingWeken: klacht.verdagingWeken + invoer.weken, uitstelWeken: klacht.uitstelWeken });
          } catch (error) {
            if (!(error instanceof OngeldigeVerdaging)) throw error;
            const al = klacht.verdagingWeken > 0 ? ` Deze klacht is al ${klacht.verdagingWeken} ${klacht.verdagingWeken === 1 ? 'week' : 'weken'} verdaagd.` : '';
            throw badRequest([fout('weken', 'verdaging-te-lang', `Verdagen mag hoogstens vier weken in totaal (Awb 9:11 lid 2).${al} Langer kan alleen met schriftelijke instemming van de klager: leg dan uitstel vast.`)]);
          }
          await inEenTransactie(deps.db, async () => {
            await zaken.verleng(wie, gemeente, zaakId, versie, { duur: `P${invoer.weken}W`, reden: invoer.reden });
            await leg(wie, gemeente, zaakId, null, 'klacht-verdaging', async (z) => {
              const basis = { gemeente: g, datum: dag, identificatie: klacht.identificatie, onderwerp: z.zaak.onderwerp, soort: 'verdaging' as const, reden: invoer.reden, weken: invoer.weken, einddatum: nieuw.afhandeltermijnEinde };
              const taal = z.betrokkene?.taal ?? 'nl';
              return {
                soort: 'verdaging',
                gegevens: { weken: invoer.weken, reden: invoer.reden, einddatum: nieuw.afhandeltermijnEinde, aanBeklaagde: klacht.beklaagde !== null },
                notitie: `Verdaagd met ${invoer.weken} weken (Awb 9:11 lid 2), schriftelijk gemeld aan de klager${klacht.beklaagde ? ' en aan de beklaagde' : ''}; afhandeling uiterlijk ${nieuw.afhandeltermijnEinde}.`,
                brieven: [
                  { b: { ...basis, taal, naam: z.betrokkene?.naam || null, aanBeklaagde: false }, extern: true },
                  ...(klacht.beklaagde ? [{ b: { ...basis, taal: 'nl' as const, naam: klacht.beklaagde, aanBeklaagde: true }, extern: false }] : []),
                ],
                klacht: { verdagingWeken: nieuw.verdagingWeken, afhandeltermijnEinde: nieuw.afhandeltermijnEinde },
              };
            });
          });
          break;
        }
        case 'uitstel': {
          if (invoer.instemming.datum > dag) fouten.push(fout('instemming.datum', 'in-de-toekomst', 'De instemming kan niet in de toekomst liggen.'));
          if (invoer.instemming.datum < klacht.ontvangen) fouten.push(fout('instemming.datum', 'voor-ontvangst', `De instemming kan niet voor de ontvangst (${klacht.ontvangen}) liggen.`));
          let nieuw: KlachtTermijnen | undefined;
          try {
            nieuw = klachtTermijnen({ ontvangen: klacht.ontvangen, commissie: klacht.commissie, verdagingWeken: klacht.verdagingWeken, uitstelWeken: klacht.uitstelWeken + invoer.weken });
          } catch (error) {
            if (!(error instanceof OngeldigeVerdaging)) throw error;
            fouten.push(fout('weken', 'uitstel-te-lang', error.message));
          }
          if (fouten.length > 0 || !nieuw) throw badRequest(fouten);
          const na = nieuw;
          await leg(wie, gemeente, zaakId, versie, 'klacht-uitstel', async () => ({
            soort: 'uitstel',
            gegevens: { weken: invoer.weken, reden: invoer.reden, instemming: invoer.instemming, einddatum: na.afhandeltermijnEinde },
            notitie: `Uitgesteld met ${invoer.weken} weken met schriftelijke instemming van de klager van ${invoer.instemming.datum} (Awb 9:11 lid 2); afhandeling uiterlijk ${na.afhandeltermijnEinde}.`,
            brieven: [],
            klacht: { uitstelWeken: na.uitstelWeken, afhandeltermijnEinde: na.afhandeltermijnEinde },
          }));
          break;
        }
        case 'niet-behandelen': {
          await sluit(wie, gemeente, zaakId, versie, 'niet-behandeld', invoer.toelichting, async (z) => ({
            soort: 'niet-behandelen',
            gegevens: { grond: invoer.grond, toelichting: invoer.toelichting, opTijd: binnenTermijn(klacht.nietBehandelenUiterlijk) },
            notitie: `Klacht niet behandeld (Awb 9:8, grond ${invoer.grond}); schriftelijk gemeld${binnenTermijn(klacht.nietBehandelenUiterlijk) ? '' : ` na de termijn van ${klacht.nietBehandelenUiterlijk}`}.`,
            brieven: [
              {
                b: { soort: 'niet-behandelen', gemeente: g, taal: z.betrokkene?.taal ?? 'nl', datum: dag, identificatie: klacht.identificatie, onderwerp: z.zaak.onderwerp, naam: z.betrokkene?.naam || null, ontvangen: klacht.ontvangen, grond: invoer.grond, toelichting: invoer.toelichting },
                extern: true,
              },
            ],
            klacht: { uitkomst: 'niet-behandeld', afgehandeldOp: dag, binnenTermijn: binnenTermijn(klacht.nietBehandelenUiterlijk) },
          }));
          break;
        }
        case 'besluit': {
          const informeel = invoer.uitkomst === 'informeel-opgelost';
          if (informeel && !invoer.instemming) fouten.push(fout('instemming', 'instemming-ontbreekt', 'Leg vast wanneer en hoe de klager liet weten tevreden te zijn (Awb 9:5).'));
          if (invoer.instemming && invoer.instemming.datum > dag) fouten.push(fout('instemming.datum', 'in-de-toekomst', 'De instemming kan niet in de toekomst liggen.'));
          if (!informeel && klacht.horen !== 'gehoord' && klacht.horen !== 'overgeslagen') {
            fouten.push(fout('uitkomst', 'niet-gehoord', 'Hoor eerst de klager en de beklaagde, of leg vast waarom dat niet hoeft (Awb 9:10).'));
          }
          const maatregelen = invoer.verbetermaatregelen ?? [];
          if (maatregelen.length > 0 && invoer.uitkomst !== 'gegrond' && invoer.uitkomst !== 'deels-gegrond') {
            fouten.push(fout('verbetermaatregelen', 'niet-gegrond', 'Verbetermaatregelen horen bij een (deels) gegronde klacht.'));
          }
          for (const [i, m] of maatregelen.entries()) {
            if (!(await teamBestaat(gemeente, m.team))) fouten.push(fout(`verbetermaatregelen.${i}.team`, 'onbekend-team', 'Dit team bestaat niet in deze gemeente.'));
            if (m.uiterlijk < dag) fouten.push(fout(`verbetermaatregelen.${i}.uiterlijk`, 'in-het-verleden', 'De datum waarop de maatregel klaar is, ligt in het verleden.'));
          }
          if (fouten.length > 0) throw badRequest(fouten);
          const einde = klacht.afhandeltermijnEinde;
          await sluit(wie, gemeente, zaakId, versie, invoer.uitkomst, invoer.bevindingen, async (z, transactie) => {
            const nu = klok.nu().toISOString();
            const ids: string[] = [];
            for (const m of maatregelen) {
              const id = randomUUID();
              ids.push(id);
              await repository.voegMaatregelToe(transactie, gemeente, { id, zaakId, omschrijving: m.omschrijving, teamId: m.team, uiterlijk: m.uiterlijk, op: nu });
            }
            const instelling = await repository.instelling(gemeente, transactie);
            return {
              soort: 'besluit',
              gegevens: { uitkomst: invoer.uitkomst, bevindingen: invoer.bevindingen, maatregelen: invoer.maatregelen ?? null, instemming: invoer.instemming ?? null, verbetermaatregelen: ids, ombudsman: instelling.ombudsman },
              notitie: `Klacht afgehandeld: ${invoer.uitkomst} (Awb ${informeel ? '9:5' : '9:12'})${binnenTermijn(einde) ? '' : `, na de termijn van ${einde}`}.`,
              brieven: [
                {
                  b: {
                    soort: 'besluit',
                    gemeente: g,
                    taal: z.betrokkene?.taal ?? 'nl',
                    datum: dag,
                    identificatie: klacht.identificatie,
                    onderwerp: z.zaak.onderwerp,
                    naam: z.betrokkene?.naam || null,
                    ontvangen: klacht.ontvangen,
                    uitkomst: invoer.uitkomst,
                    bevindingen: invoer.bevindingen,
                    maatregelen: invoer.maatregelen ?? null,
                    instemmingOp: invoer.instemming?.datum ?? null,
                    gehoord: klacht.horen === 'gehoord',
                    ombudsman: instelling.ombudsman,
                  },
                  extern: true,
                },
              ],
              klacht: { uitkomst: invoer.uitkomst, afgehandeldOp: dag, binnenTermijn: binnenTermijn(einde) },
            };
          });
          break;
        }
      }
      await deps.audit.log(wie.context, { gemeente, actie: `klacht-${invoer.soort}`, objectType: 'zaak', objectId: zaakId, details: { identificatie: klacht.identificatie } });
      return detail(wie, gemeente, zaakId);
    },

    /** The open klachten, earliest end first, each with what needs attention (the klachtcoördinator's queue). */
    async wachtrij(gemeente: string) {
      const dag = vandaag();
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      // This week: up to and including Sunday (Europe/Amsterdam calendar day).
      const weekdag = (new Date(`${dag}T00:00:00Z`).getUTCDay() + 6) % 7;
      const zondag = plusDagen(dag, 6 - weekdag);
      const open = await repository.open(gemeente, 500);
      return open.map((k) => {
        const termijnen = termijnenVan(k);
        const werkdagenOver = k.afhandeltermijnEinde < dag ? -werkdagenTussen(k.afhandeltermijnEinde, dag, sluitingsdagen) : werkdagenTussen(dag, k.afhandeltermijnEinde, sluitingsdagen);
        return {
          ...k,
          werkdagenOver,
          dezeWeek: k.afhandeltermijnEinde <= zondag,
          risico: werkdagenOver <= 5,
          contactTeLaat: k.eersteContact === null && k.informeelContactUiterlijk < dag,
          nietBehandelenTermijnLoopt: k.nietBehandelenUiterlijk >= dag,
          hoorzittingGepland: k.horen === 'gepland',
          uitleg: termijnen.uitleg,
        };
      });
    },

    /** Measures by status and owner team (the owners' list). */
    maatregelen: (gemeente: string, filter: { status?: MaatregelStatus | undefined; team?: string | undefined }) => repository.maatregelen(gemeente, filter),

    /** A measure is carried out or dropped: its status changes, the step is kept in the klacht's history. */
    async zetMaatregelStatus(wie: Wie, gemeente: string, id: string, status: MaatregelStatus) {
      const m = await repository.maatregel(gemeente, id);
      if (!m) throw notFound();
      if (m.status === status) return m;
      const nu = klok.nu().toISOString();
      await inEenTransactie(deps.db, async () => {
        await repository.zetMaatregelStatus(deps.db, gemeente, id, status, nu);
        await repository.voegStapToe(deps.db, gemeente, m.zaakId, { soort: 'maatregel', gegevens: { maatregel: id, van: m.status, naar: status }, doorGebruiker: wie.gebruiker, doorNaam: wie.naam, op: nu });
      });
      await deps.audit.log(wie.context, { gemeente, actie: 'klacht-maatregel', objectType: 'zaak', objectId: m.zaakId, details: { maatregel: id, status } });
      return { ...m, status, gewijzigdOp: nu };
    },

    /** The yearly register (9:12a); `openbaar`: small counts per team hidden. */
    register: async (gemeente: string, jaar: number, opties: { openbaar: boolean }) => maakRegister(jaar, await repository.register(gemeente, jaar), opties),

    instelling: (gemeente: string) => repository.instelling(gemeente),
    async zetInstelling(wie: Wie, gemeente: string, instelling: Awaited<ReturnType<KlachtenRepository['instelling']>>) {
      await repository.zetInstelling(gemeente, instelling);
      await deps.audit.log(wie.context, { gemeente, actie: 'klacht-instelling', details: { ...instelling } });
      return instelling;
    },
  };

  /**
   * Closes the zaak with the outcome's result (the zaken service: end status, mail, archive date)
   * and records the step with its letter, in one transaction.
   */
  async function sluit(
    wie: Wie,
    gemeente: string,
    zaakId: string,
    versie: number,
    uitkomst: KlachtUitkomst,
    toelichting: string,
    maak: (z: SysteemZaak, transactie: SysteemZaak['transactie']) => ReturnType<Parameters<typeof leg>[5]>,
  ): Promise<void> {
    const zaak = await zaken.detail(wie, gemeente, zaakId, { loggen: false });
    const resultaat = zaak.zaaktypeVersie.resultaattypen.find((r) => r.naam === RESULTAAT_VAN[uitkomst]);
    if (!resultaat) throw badRequest([fout('uitkomst', 'geen-resultaattype', `Het zaaktype ${KLACHT_ZAAKTYPE} van deze gemeente heeft geen resultaat "${RESULTAAT_VAN[uitkomst]}".`)]);
    await inEenTransactie(deps.db, async () => {
      await zaken.sluitAf(wie, gemeente, zaakId, versie, { resultaattype: resultaat.id, toelichting: toelichting.slice(0, 5000) });
      await leg(wie, gemeente, zaakId, null, `klacht-${uitkomst}`, (z) => maak(z, z.transactie));
    });
  }
}

export type KlachtenService = ReturnType<typeof klachtenService>;
