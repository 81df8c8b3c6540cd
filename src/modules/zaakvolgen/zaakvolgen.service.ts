import type { Context } from '../audit/audit.service.ts';
import { controleerBijlage, type BijlageFout, type Bijlagesoort } from '../zaken/zaken.bijlagen.ts';
import { statusdata, type Tweetalig } from '../zaken/zaken.gebeurtenis.ts';
import type { IngelogdeInwoner } from '../zaken/zaken.inwoner.ts';
import type { InwonerToegang } from '../zaken/zaken.kern.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';

export interface ZaakvolgenDeps {
  zaken: Pick<ZakenService, 'zaakVoorInwoner' | 'reactieVanInwoner' | 'documentVoorInwoner' | 'tussentijdseBerichtenVanInwoner'> & Partial<Pick<ZakenService, 'zaakVanInwoner'>>;
  /** The date the deadline watcher promised the resident after a missed deadline, if any. */
  beloofdeDatum?: (gemeente: string, zaakId: string, einddatum: string) => Promise<string | null>;
}

/** The most files a resident sends with one reply. */
export const MAX_BIJLAGEN = 3;

/** Why the files of a reply were refused: one file (named) or too many. */
export interface BijlageWeigering {
  code: BijlageFout | 'te-veel';
  naam?: string;
}

/** A file sent with a reply, before its checks. */
type Bestand = { bestandsnaam: string; inhoud: Buffer };

export type ReactieUitkomst = Awaited<ReturnType<ZakenService['reactieVanInwoner']>> | { bijlageFout: BijlageWeigering };

type Gelezen = NonNullable<Awaited<ReturnType<ZakenService['zaakVoorInwoner']>>>;

/**
 * One step of the zaaktype's statuses as the resident sees it: reached (`klaar`, with the moment
 * in `gezetOp`), the current one, skipped (the handler moved past it without setting it), or
 * still to come.
 */
export interface Stap {
  volgnummer: number;
  tekst: Tweetalig;
  klaar: boolean;
  huidig: boolean;
  overgeslagen: boolean;
  gezetOp: string | null;
}

/** The resident's view of their zaak: phase and steps in their words, and only external entries. */
function inwonerZaak({ rij, zaaktype, gebeurtenissen, projectie, contact, team, documenten, berichten }: Gelezen) {
  const gezet = statusdata(gebeurtenissen);
  const huidig = zaaktype.statustypen.find((s) => s.volgnummer === rij.status_volgnummer);
  const resultaattype = rij.resultaattype_id ? zaaktype.resultaattypen.find((r) => r.id === rij.resultaattype_id) : undefined;
  const stappen: Stap[] = zaaktype.statustypen.map((s) => {
    const gezetOp = gezet.get(s.volgnummer) ?? null;
    const overgeslagen = s.volgnummer < rij.status_volgnummer && gezetOp === null;
    return { volgnummer: s.volgnummer, tekst: s.tekst, klaar: s.volgnummer <= rij.status_volgnummer && !overgeslagen, huidig: s.volgnummer === rij.status_volgnummer, overgeslagen, gezetOp };
  });
  return {
    zaakId: rij.id,
    identificatie: rij.identificatie,
    taal: rij.taal,
    zaaktype: { code: zaaktype.code, naam: zaaktype.naam, omschrijving: zaaktype.omschrijving },
    onderwerp: rij.onderwerp,
    ontvangstdatum: rij.ontvangstdatum,
    status: { volgnummer: rij.status_volgnummer, tekst: huidig?.tekst ?? { nl: '', en: '' } },
    stappen,
    verwachteEinddatum: rij.afgesloten_op ? null : projectie.uiterlijkeEinddatum,
    oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
    opgeschort: projectie.opgeschort,
    afgeslotenOp: rij.afgesloten_op,
    resultaat: resultaattype ? { tekst: resultaattype.tekst } : null,
    contact,
    /** The team that handles the zaak (named while nobody is assigned), with how to reach it. */
    team,
    berichten,
    tijdlijn: gebeurtenissen
      .filter((g) => g.extern)
      .map((g) => ({
        soort: g.soort,
        op: g.op,
        doorInwoner: g.doorInwoner,
        tekst: g.soort === 'notitie' || g.soort === 'bericht' || g.soort === 'reactie' ? g.gegevens.tekst : null,
        statustekst: g.soort === 'status' || g.soort === 'resultaat' || g.soort === 'heropening' ? g.gegevens.tekst : null,
        reden: g.soort === 'opschorting' || g.soort === 'verlenging' ? g.gegevens.reden : null,
        toelichting: (g.soort === 'status' || g.soort === 'resultaat' || g.soort === 'opschorting-einde' || g.soort === 'heropening') && g.gegevens.toelichting !== '' ? g.gegevens.toelichting : null,
        bestandsnaam: g.soort === 'document' ? g.gegevens.bestandsnaam : null,
      })),
    documenten: documenten.filter((d) => d.extern).map((d) => ({ id: d.id, bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.grootte })),
  };
}

/** What the tracking page shows: the resident's view of the zaak and a promised date. */
export interface VolgZaak extends ReturnType<typeof inwonerZaak> {
  /** After a missed deadline: the date we told the resident they will hear from us by. */
  beloofdeDatum: string | null;
}

/**
 * The resident's tracking page behind a tracking code: what they may see of their zaak and
 * their replies. Lookups go by the code's hash (zaken module); an unknown code is null. The
 * reply is written by the zaken module as the resident (`Inwoner`), who may act only on the
 * zaak of their code.
 */
export function zaakvolgenService(deps: ZaakvolgenDeps) {
  const { zaken } = deps;

  async function reactie(gemeente: string, toegang: InwonerToegang, tekst: string, context: Context, bestanden: readonly Bestand[]): Promise<ReactieUitkomst> {
    if (bestanden.length > MAX_BIJLAGEN) return { bijlageFout: { code: 'te-veel' } };
    const bijlagen: { bestandsnaam: string; mediatype: Bijlagesoort; inhoud: Buffer }[] = [];
    for (const b of bestanden) {
      const uitkomst = await controleerBijlage(b);
      if (!uitkomst.ok) return { bijlageFout: { code: uitkomst.code, naam: b.bestandsnaam } };
      bijlagen.push(uitkomst);
    }
    return zaken.reactieVanInwoner({ soort: 'inwoner', context, ...toegang }, gemeente, { tekst, bijlagen });
  }

  return {
    async zaak(gemeente: string, code: string): Promise<VolgZaak | null> {
      const gelezen = await zaken.zaakVoorInwoner(gemeente, code);
      if (!gelezen) return null;
      const zaak = inwonerZaak(gelezen);
      const beloofdeDatum = zaak.verwachteEinddatum && deps.beloofdeDatum ? await deps.beloofdeDatum(gemeente, zaak.zaakId, zaak.verwachteEinddatum) : null;
      return { ...zaak, beloofdeDatum };
    },

    /** A zaak of a logged-in resident's "Mijn zaken" (ADR 0077), as the tracking page shows it; null when it is not theirs. */
    async mijnZaak(gemeente: string, identificatie: string, wie: IngelogdeInwoner): Promise<VolgZaak | null> {
      const gelezen = zaken.zaakVanInwoner ? await zaken.zaakVanInwoner(gemeente, identificatie, wie) : null;
      if (!gelezen) return null;
      const zaak = inwonerZaak(gelezen);
      const beloofdeDatum = zaak.verwachteEinddatum && deps.beloofdeDatum ? await deps.beloofdeDatum(gemeente, zaak.zaakId, zaak.verwachteEinddatum) : null;
      return { ...zaak, beloofdeDatum };
    },

    /**
     * A reply through the tracking page, with at most MAX_BIJLAGEN files (ADR 0078): each is checked
     * like every resident upload (zaken.bijlagen.ts); one bad file refuses the whole reply, nothing is
     * stored. `null` for an unknown code; throws 409 when the zaak is closed.
     */
    reageer: (gemeente: string, code: string, tekst: string, context: Context, bestanden: readonly Bestand[] = []): Promise<ReactieUitkomst> =>
      reactie(gemeente, { volgcode: code }, tekst, context, bestanden),

    /** The same reply from a zaak of "Mijn zaken" (ADR 0077): the zaak of mijnZaak, its ownership checked again in the change. */
    reageerIngelogd: (gemeente: string, wie: IngelogdeInwoner, zaakId: string, tekst: string, context: Context, bestanden: readonly Bestand[] = []): Promise<ReactieUitkomst> =>
      reactie(gemeente, { ingelogd: { bsnSleutel: wie.bsnSleutel, email: wie.email }, zaakId }, tekst, context, bestanden),

    /** Whether the resident wants a mail at each new step: null for an unknown code or a zaak without an address; 409 when closed. */
    tussentijdseBerichten: (gemeente: string, code: string, aan: boolean, context: Context) =>
      zaken.tussentijdseBerichtenVanInwoner({ soort: 'inwoner', context, volgcode: code }, gemeente, aan),

    document: (gemeente: string, code: string, documentId: string) => zaken.documentVoorInwoner(gemeente, code, documentId),
  };
}

export type ZaakvolgenService = ReturnType<typeof zaakvolgenService>;
