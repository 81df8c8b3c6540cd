import { gemeentePad, type SessieGemeente, type ZakenOverzicht } from '../../api.ts';
import { Pagina } from '../../components/Pagina.tsx';
import { Tabel, type Kolom } from '../../components/Tabel.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum } from './teksten.tsx';
import { werkvoorraadPad } from './Werkvoorraad.tsx';

const BANDEN = ['teLaat', 'vandaag', 'dezeWeek', 'later'] as const;
type Aantallen = Record<(typeof BANDEN)[number] | 'opgeschort', number>;
type TeamRij = ZakenOverzicht['teams'][number] & { id: string };
type BehandelaarRij = ZakenOverzicht['behandelaars'][number] & { id: string };

/** The teamleider's overview: open zaken per team and per behandelaar, per deadline band; each number links to the queue. */
export function Overzicht({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<ZakenOverzicht>(`${gemeentePad(gemeente.code)}/zaken-overzicht`);

  function bandKolommen<T extends Aantallen>(filter: (rij: T) => { team?: string; behandelaar: string }, naam: (rij: T) => string): Kolom<T>[] {
    return [
      ...BANDEN.map((band) => ({
        kop: t(`band.${band}`),
        render: (rij: T) =>
          rij[band] === 0 ? (
            '0'
          ) : (
            <Link naar={werkvoorraadPad(gemeente.code, { ...filter(rij), termijn: band })} aria-label={t('overzicht.linkLabel', { aantal: rij[band], band: t(`band.${band}`), naam: naam(rij) })}>
              {rij[band]}
            </Link>
          ),
      })),
      // Suspended zaken are in no band: their term stands still.
      { kop: t('band.opgeschort'), render: (rij: T) => String(rij.opgeschort) },
      { kop: t('overzicht.totaal'), render: (rij: T) => BANDEN.reduce((som, band) => som + rij[band], rij.opgeschort) },
    ];
  }

  return (
    <Pagina titel={t('overzicht.titel')}>
      {data ? (
        <>
          <p className="utrecht-paragraph">{t('overzicht.uitleg', { datum: datum(data.peildatum, taal) })}</p>
          <h2 className="utrecht-heading-2">{t('overzicht.perTeam')}</h2>
          <Tabel<TeamRij>
            bijschrift={t('overzicht.bijschriftTeams', { gemeente: gemeente.naam })}
            leeg={t('overzicht.leeg')}
            rijen={data.teams.map((rij) => ({ ...rij, id: rij.team.id }))}
            kolommen={[
              { kop: t('zaak.team'), render: (rij) => <Link naar={werkvoorraadPad(gemeente.code, { behandelaar: 'alle', team: rij.team.id })}>{rij.team.naam}</Link> },
              ...bandKolommen<TeamRij>((rij) => ({ behandelaar: 'alle', team: rij.team.id }), (rij) => rij.team.naam),
            ]}
          />
          <h2 className="utrecht-heading-2">{t('overzicht.perBehandelaar')}</h2>
          <Tabel<BehandelaarRij>
            bijschrift={t('overzicht.bijschriftBehandelaars', { gemeente: gemeente.naam })}
            leeg={t('overzicht.leeg')}
            rijen={data.behandelaars.map((rij) => ({ ...rij, id: rij.behandelaar?.id ?? 'geen' }))}
            kolommen={[
              {
                kop: t('zaak.behandelaar'),
                render: (rij) => <Link naar={werkvoorraadPad(gemeente.code, { behandelaar: rij.behandelaar?.id ?? 'geen' })}>{rij.behandelaar?.naam ?? t('werkvoorraad.nietToegewezenKort')}</Link>,
              },
              ...bandKolommen<BehandelaarRij>((rij) => ({ behandelaar: rij.behandelaar?.id ?? 'geen' }), (rij) => rij.behandelaar?.naam ?? t('werkvoorraad.nietToegewezenKort')),
            ]}
          />
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
