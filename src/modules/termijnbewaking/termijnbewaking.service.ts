import { datumTekst, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { systeemContext, type AuditService } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { berekenTermijn, kalenderdag, type Sluitingsdagen } from '../termijnen/kalender.ts';
import type { SysteemInhoud } from '../zaken/zaken.gebeurtenis.ts';
import { mailAanInwoner, voornaam } from '../zaken/zaken.mails.ts';
import { VERWERKING_ZAKEN, type Systeem, type ZakenService } from '../zaken/zaken.service.ts';
import { termijnbewakingRepository, type MeldingSoort, type TermijnbewakingRepository } from './termijnbewaking.repository.ts';

/** The pg-boss queue of the watcher: a cron schedule sends to it, and one job at start. */
export const TERMIJNBEWAKING_CONTROLEREN = 'termijnbewaking.controleren';

/** After a missed deadline the resident hears from us within this many working days (ADR 0014). */
export const NIEUWE_DATUM_WERKDAGEN = 10;

/** From this hour (Amsterdam) on the deadline day, an open zaak counts as late: it will not be finished that day. */
export const TE_LAAT_VANAF_UUR = 15;

const UUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });

export interface TermijnbewakingDeps {
  repository: TermijnbewakingRepository;
  zaken: Pick<ZakenService, 'openZakenMetTermijn' | 'systeemGebeurtenis'>;
  gemeenten: Pick<GemeentenRepository, 'lijst'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  sluitingsdagen: (gemeente: string) => Promise<Sluitingsdagen>;
  /** Working days before the deadline that handler and teamleider are warned (LOKET_TERMIJN_WAARSCHUWING_WERKDAGEN). */
  werkdagen: number;
}

type OpenZaak = Awaited<ReturnType<ZakenService['openZakenMetTermijn']>>[number];

interface Melding {
  soort: MeldingSoort;
  /** The deadline this notice is about: the zaak's, or a date promised after a missed one. */
  einddatum: string;
  nieuweDatum: string | null;
}

/**
 * The deadline watcher (ADR 0014). For every open, not suspended zaak it warns handler and
 * teamleider(s) `werkdagen` working days before the deadline, and once the deadline is missed
 * tells the resident the new date and why (and warns staff again). Each notice is sent once per
 * (zaak, soort, einddatum): recorded in the transaction that queues its mails and appends it to
 * the timeline. A changed deadline (extension, suspension) is a new key.
 */
export function termijnbewakingService(deps: TermijnbewakingDeps) {
  const { repository, klok, berichten } = deps;

  /** What to send for one zaak now, if anything. */
  async function meldingVoor(gemeente: string, zaak: OpenZaak, dag: string, uur: number, sluitingsdagen: Sluitingsdagen): Promise<Melding | null> {
    const verstreken = (datum: string) => datum < dag || (datum === dag && uur >= TE_LAAT_VANAF_UUR);
    const nieuweDatum = () => berekenTermijn(dag, { soort: 'werkdagen', aantal: NIEUWE_DATUM_WERKDAGEN }, sluitingsdagen).einddatum;
    if (!verstreken(zaak.uiterlijkeEinddatum)) return { soort: 'waarschuwing', einddatum: zaak.uiterlijkeEinddatum, nieuweDatum: null };
    // Missed: the deadline itself, or later the date we promised after it.
    const vorige = await repository.laatsteTeLaat(gemeente, zaak.id, zaak.uiterlijkeEinddatum);
    if (!vorige) return { soort: 'te-laat', einddatum: zaak.uiterlijkeEinddatum, nieuweDatum: nieuweDatum() };
    if (vorige.nieuweDatum && verstreken(vorige.nieuweDatum)) return { soort: 'te-laat', einddatum: vorige.nieuweDatum, nieuweDatum: nieuweDatum() };
    return null;
  }

  /**
   * Records and sends one notice as a system event of the zaak (zaken module): in the
   * transaction that locks the zaak, records the notice, queues the mails and adds the timeline
   * entries. False when it was sent before or the zaak changed since the list was read.
   */
  async function verstuur(gemeenteRec: { code: string; naam: string }, zaak: OpenZaak, melding: Melding, nu: string): Promise<boolean> {
    const gemeente = gemeenteRec.code;
    const t = vertaler('nl', 'termijnbewaking');
    const systeem: Systeem = { soort: 'systeem', context: systeemContext(), naam: null };
    let inwonerGemaild = false;
    const details = await deps.zaken.systeemGebeurtenis(systeem, gemeente, zaak.id, `termijn-${melding.soort}`, async ({ zaak: rij, betrokkene: gevonden, behandelaar, transactie }) => {
      // Closed, suspended or given another deadline since the list was read: the next run decides.
      if (rij.afgesloten_op !== null || rij.opgeschort || rij.uiterlijke_einddatum !== zaak.uiterlijkeEinddatum) return null;
      const eigen = termijnbewakingRepository(transactie);
      let medewerkers = [...(behandelaar ? [behandelaar] : []), ...(await eigen.teamleiders(gemeente, rij.team_id))].filter((m, i, alle) => alle.findIndex((x) => x.id === m.id) === i);
      if (medewerkers.length === 0) medewerkers = await eigen.beheerders(gemeente);
      const betrokkene = melding.soort === 'te-laat' ? gevonden : undefined;
      const inwonerEmail = betrokkene?.email ?? null;
      const ontvangers = [...medewerkers.map((m) => m.email), ...(inwonerEmail ? [inwonerEmail] : [])];
      if (!(await eigen.legVast(gemeente, { zaakId: rij.id, soort: melding.soort, einddatum: melding.einddatum, nieuweDatum: melding.nieuweDatum, ontvangers, op: nu }))) return null;

      const team = zaak.team.naam;
      const waarden = {
        identificatie: rij.identificatie,
        onderwerp: rij.onderwerp,
        einddatum: datumTekst('nl', melding.einddatum),
        team,
        behandelaar: behandelaar?.naam ?? t('medewerker.geenBehandelaar'),
      };
      const gebeurtenissen: SysteemInhoud[] = [];
      if (melding.soort === 'te-laat' && melding.nieuweDatum) {
        const taal: Taal = betrokkene?.taal ?? rij.taal;
        const inwonerWaarden = { identificatie: rij.identificatie, onderwerp: rij.onderwerp, einddatum: datumTekst(taal, melding.einddatum), nieuweDatum: datumTekst(taal, melding.nieuweDatum) };
        if (betrokkene && inwonerEmail) {
          const naam = voornaam(behandelaar?.naam ?? null);
          await berichten.verstuur(mailAanInwoner(gemeenteRec, betrokkene, 'teLaat', inwonerWaarden, { contact: { naam, team } }), { transactie });
          inwonerGemaild = true;
        }
        const tijdlijn = vertaler(taal, 'termijnbewaking')('inwoner.tijdlijn', inwonerWaarden);
        gebeurtenissen.push({ soort: 'bericht', gegevens: { tekst: tijdlijn, bron: 'termijnbewaking', einddatum: melding.einddatum, nieuweDatum: melding.nieuweDatum }, extern: true });
      }
      const nieuweDatum = melding.nieuweDatum ? datumTekst('nl', melding.nieuweDatum) : '';
      const sleutel = melding.soort === 'te-laat' ? 'teLaat' : 'waarschuwing';
      const inwoner = t(inwonerEmail ? 'medewerker.inwonerBericht' : 'medewerker.inwonerGeenEmail', { nieuweDatum });
      for (const m of medewerkers) {
        await berichten.verstuur(
          { gemeente, aan: m.email, onderwerp: t(`medewerker.${sleutel}.onderwerp`, waarden), tekst: t(`medewerker.${sleutel}.tekst`, { ...waarden, inwoner }) },
          { transactie },
        );
      }
      gebeurtenissen.push({
        soort: 'notitie',
        gegevens: { tekst: t(`medewerker.notitie.${sleutel}`, { ...waarden, nieuweDatum, ontvangers: ontvangers.join(', ') }), bron: 'termijnbewaking' },
        extern: false,
      });
      return { gebeurtenissen, details: { ...melding } };
    });
    if (!details) return false;
    if (inwonerGemaild) await deps.audit.verwerking(systeem.context, { gemeente, naam: 'termijn-te-laat-inwoner-informeren', ...VERWERKING_ZAKEN, betrokkeneIds: [zaak.id] });
    return true;
  }

  return {
    /**
     * One round over every gemeente: sends what is due now and was not sent before. Safe to run
     * at any time and as often as wanted (the scheduled job, at start, or from a test).
     */
    async controleer(): Promise<{ waarschuwingen: number; teLaat: number }> {
      const nu = klok.nu();
      const dag = kalenderdag(nu);
      const uur = Number(UUR.format(nu));
      const telling = { waarschuwingen: 0, teLaat: 0 };
      for (const gemeente of await deps.gemeenten.lijst()) {
        const sluitingsdagen = await deps.sluitingsdagen(gemeente.code);
        let na: { einddatum: string; id: string } | undefined;
        for (;;) {
          const zaken = await deps.zaken.openZakenMetTermijn(gemeente.code, { werkdagen: deps.werkdagen, limit: 200, ...(na ? { na } : {}) });
          for (const zaak of zaken) {
            const melding = await meldingVoor(gemeente.code, zaak, dag, uur, sluitingsdagen);
            if (melding && (await verstuur(gemeente, zaak, melding, nu.toISOString()))) {
              if (melding.soort === 'te-laat') telling.teLaat++;
              else telling.waarschuwingen++;
            }
          }
          const laatste = zaken.at(-1);
          if (!laatste || zaken.length < 200) break;
          na = { einddatum: laatste.uiterlijkeEinddatum, id: laatste.id };
        }
      }
      return telling;
    },

    /** The date promised to the resident after a missed deadline, while that applies (for the tracking page). */
    async beloofdeDatum(gemeente: string, zaakId: string, einddatum: string): Promise<string | null> {
      return (await repository.laatsteTeLaat(gemeente, zaakId, einddatum))?.nieuweDatum ?? null;
    },

    meldingen: (gemeente: string, zaakId: string) => repository.meldingen(gemeente, zaakId),
  };
}

export type TermijnbewakingService = ReturnType<typeof termijnbewakingService>;
