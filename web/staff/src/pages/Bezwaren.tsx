import type { z } from 'zod';
import type { bezwaarSchema, bezwaarWerkvoorraadSchema, hoorzittingenSchema } from '../../../../src/modules/bezwaar/bezwaar.procedure.schemas.ts';
import { KANALEN, api, gemeentePad, type AangemaakteZaak, type SessieGemeente } from '../api.ts';
import { Formulier, Veld, Vinkje, useFormulier } from '../components/Formulier.tsx';
import { Adresvelden, adresFoutVelden, adresInBody } from '../components/Adresvelden.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../components/Velden.tsx';
import { useTeams } from './zaken/teksten.tsx';
import { Gegevenslijst } from '../components/Gegevenslijst.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Sectie } from '../components/Sectie.tsx';
import { Tabel } from '../components/Tabel.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link, navigeer } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

type Werkvoorraad = z.output<typeof bezwaarWerkvoorraadSchema>;
type Hoorzittingen = z.output<typeof hoorzittingenSchema>;
type Bezwaar = z.output<typeof bezwaarSchema>;

/** The secretary of the bezwaarcommissie's queue (ADR 0063): open bezwaren by deadline, with what needs attention, and the hearings. */
export function Bezwaren({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const pad = gemeentePad(gemeente.code);
  const wachtrij = useLaden<Werkvoorraad>(`${pad}/bezwaren?pageSize=100`);
  const hoorzittingen = useLaden<Hoorzittingen>(`${pad}/hoorzittingen`);
  const datum = (d: string) => tijdstip(`${d}T12:00:00Z`, taal, true);
  return (
    <Pagina titel={t('bezwaren.titel')}>
      <p className="utrecht-paragraph">{t('bezwaren.uitleg')}</p>
      <Sectie titel={t('bezwaren.wachtrijTitel')}>
        {wachtrij.data ? (
          <Tabel
            bijschrift={t('bezwaren.wachtrijBijschrift')}
            leeg={t('bezwaren.wachtrijLeeg')}
            rijen={wachtrij.data.items.map((b) => ({ ...b, id: b.zaak.id }))}
            kolommen={[
              { kop: t('bezwaren.zaak'), render: (b) => <Link naar={`/${gemeente.code}/bezwaren/${b.zaak.id}`}>{b.zaak.identificatie}</Link> },
              { kop: t('bezwaren.besluit'), render: (b) => b.besluit.omschrijving },
              { kop: t('bezwaren.beslistermijn'), render: (b) => `${datum(b.beslistermijnEinde)} (${t('bezwaren.dagen', { n: b.dagenOver })})` },
              { kop: t('bezwaren.hoorzitting'), render: (b) => (b.hoorzittingGepland ? `${datum(b.hoorzittingGepland.datum)} ${b.hoorzittingGepland.tijd}` : '–') },
              {
                kop: t('bezwaren.aandacht'),
                render: (b) =>
                  [
                    b.dagenOver < 0 ? t('bezwaren.teLaat') : b.dagenOver <= 7 ? t('bezwaren.dezeWeek') : null,
                    b.herstelOpen ? t('bezwaren.herstelOpen') : null,
                    b.verschoonbaarheidOpen ? t('bezwaren.verschoonbaarheidOpen') : null,
                    b.dwangsomWaarschuwing ? t('bezwaren.dwangsom', { datum: b.dwangsom ? datum(b.dwangsom.eersteDag) : '' }) : null,
                  ]
                    .filter(Boolean)
                    .join('; ') || '–',
              },
            ]}
          />
        ) : (
          <Laadstatus fout={wachtrij.fout} />
        )}
      </Sectie>
      <Sectie titel={t('bezwaren.registrerenTitel')}>
        <Registreren gemeente={gemeente} />
      </Sectie>
      <Sectie titel={t('bezwaren.hoorzittingenTitel')}>
        {hoorzittingen.data ? (
          <Tabel
            bijschrift={t('bezwaren.hoorzittingenBijschrift')}
            leeg={t('bezwaren.hoorzittingenLeeg')}
            rijen={hoorzittingen.data.items.map((h) => ({ ...h, id: h.zaakId }))}
            kolommen={[
              { kop: t('bezwaren.wanneer'), render: (h) => `${datum(h.datum)} ${h.tijd}` },
              { kop: t('bezwaren.zaak'), render: (h) => <Link naar={`/${gemeente.code}/bezwaren/${h.zaakId}`}>{h.identificatie}</Link> },
              { kop: t('bezwaren.waar'), render: (h) => h.locatie },
              { kop: t('bezwaren.commissie'), render: (h) => h.commissie || '–' },
            ]}
          />
        ) : (
          <Laadstatus fout={hoorzittingen.fout} />
        )}
      </Sectie>
    </Pagina>
  );
}

/** One bezwaar: the contested besluit and every term with its explanation (article, the days skipped). */
export function BezwaarDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const bezwaar = useLaden<Bezwaar>(`${gemeentePad(gemeente.code)}/zaken/${id}/bezwaar`);
  const datum = (d: string) => tijdstip(`${d}T12:00:00Z`, taal, true);
  if (!bezwaar.data) return <Laadstatus fout={bezwaar.fout} />;
  const b = bezwaar.data;
  return (
    <Pagina titel={t('bezwaren.detailTitel', { besluit: b.besluit.omschrijving })}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaken/${id}`}>{t('bezwaren.naarZaak')}</Link>
      </p>
      <Gegevenslijst
        regels={[
          [t('bezwaren.bekendmaking'), datum(b.besluit.bekendmaking)],
          [t('bezwaren.ontvangen'), datum(b.besluit.ontvangen)],
          [t('bezwaren.tijdig'), t(b.termijnen.laat ? 'bezwaren.laat' : b.termijnen.premature ? 'bezwaren.premature' : 'ja')],
          [t('bezwaren.beslistermijn'), datum(b.termijnen.beslistermijnEinde)],
        ]}
      />
      <Sectie titel={t('bezwaren.termijnenTitel')}>
        <Tabel
          bijschrift={t('bezwaren.termijnenBijschrift')}
          leeg="–"
          rijen={[...b.termijnen.uitleg, ...(b.dwangsom?.uitleg ?? [])].map((u) => ({ ...u, id: `${u.termijn}-${u.na}` }))}
          kolommen={[
            { kop: t('bezwaren.termijn'), render: (u) => `${u.termijn} (${u.artikel})` },
            { kop: t('bezwaren.einde'), render: (u) => datum(u.einddatum) },
            { kop: t('bezwaren.overgeslagen'), render: (u) => u.verschoven.map((v) => `${datum(v.datum)} ${v.naam}`).join(', ') || '–' },
            { kop: t('bezwaren.uitlegKop'), render: (u) => u.tekst },
          ]}
        />
      </Sectie>
    </Pagina>
  );
}

const leeg = (waarde: string) => (waarde.trim() ? waarde.trim() : undefined);

/** A bezwaarschrift on paper (or by e-mail, at the desk): registered with its contested besluit; the objector gets the receipt letter (Awb 6:14). */
function Registreren({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { teams } = useTeams(gemeente);
  const formulier = useFormulier({
    besluit: '',
    bekendmaking: '',
    besluitTeam: '',
    ontvangen: '',
    verzonden: '',
    commissie: false,
    onderwerp: '',
    omschrijving: '',
    kanaal: 'post',
    naam: '',
    email: '',
    telefoon: '',
    postcode: '',
    huisnummer: '',
  });
  async function registreer() {
    const w = formulier.waarden;
    const body = {
      besluit: w.besluit,
      bekendmaking: w.bekendmaking,
      ontvangen: w.ontvangen,
      commissie: w.commissie,
      onderwerp: w.onderwerp,
      kanaal: w.kanaal,
      ...(w.besluitTeam ? { besluitTeam: w.besluitTeam } : {}),
      ...(w.verzonden ? { verzonden: w.verzonden } : {}),
      ...(leeg(w.omschrijving) ? { omschrijving: w.omschrijving } : {}),
      betrokkene: { naam: leeg(w.naam), email: leeg(w.email), telefoon: leeg(w.telefoon), ...adresInBody(w.postcode, w.huisnummer), taal: 'nl' },
    };
    const { data } = await api.post<AangemaakteZaak>(`${gemeentePad(gemeente.code)}/bezwaren`, { body });
    navigeer(`/${gemeente.code}/zaken/${data.id}`, { melding: t('bezwaar.omgezet', { zaak: data.identificatie }) });
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaren.registrerenUitleg')}</p>
      <Formulier
        formulier={formulier}
        onVerstuur={registreer}
        knop={t('bezwaren.registrerenKnop')}
        velden={{
          besluit: 'nb-besluit',
          bekendmaking: 'nb-bekendmaking',
          besluitTeam: 'nb-besluit-team',
          ontvangen: 'nb-ontvangen',
          verzonden: 'nb-verzonden',
          commissie: 'nb-commissie',
          onderwerp: 'nb-onderwerp',
          omschrijving: 'nb-omschrijving',
          kanaal: 'nb-kanaal',
          'betrokkene.naam': 'nb-naam',
          'betrokkene.email': 'nb-email',
          'betrokkene.telefoon': 'nb-telefoon',
          ...adresFoutVelden('betrokkene.adres', 'nb'),
        }}
      >
        <Veld id="nb-besluit" label={t('bezwaar.besluit')} uitleg={t('bezwaar.besluitUitleg')} autoComplete="off" required {...koppel(formulier, 'besluit')} />
        <Veld id="nb-bekendmaking" type="date" label={t('bezwaar.bekendmaking')} uitleg={t('bezwaar.bekendmakingUitleg')} required {...koppel(formulier, 'bekendmaking')} />
        <Keuzelijst
          id="nb-besluit-team"
          label={t('bezwaar.besluitTeam')}
          {...koppel(formulier, 'besluitTeam')}
          opties={[{ waarde: '', label: t('bezwaar.onbekend') }, ...(teams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
        />
        <Veld id="nb-ontvangen" type="date" label={t('bezwaren.ontvangenOp')} required {...koppel(formulier, 'ontvangen')} />
        <Veld id="nb-verzonden" type="date" label={t('bezwaar.verzonden')} uitleg={t('bezwaar.verzondenUitleg')} {...koppel(formulier, 'verzonden')} />
        <Vinkje id="nb-commissie" label={t('bezwaar.commissie')} uitleg={t('bezwaar.commissieUitleg')} checked={formulier.waarden.commissie} onChange={(e) => formulier.zet('commissie', e.target.checked)} />
        <Veld id="nb-onderwerp" label={t('zaak.onderwerp')} autoComplete="off" required {...koppel(formulier, 'onderwerp')} />
        <Tekstvak id="nb-omschrijving" label={t('bezwaren.gronden')} {...koppel(formulier, 'omschrijving')} />
        <Keuzelijst id="nb-kanaal" label={t('zaak.kanaal')} {...koppel(formulier, 'kanaal')} opties={KANALEN.map((k) => ({ waarde: k, label: t(`kanaal.${k}`) }))} />
        <Veld id="nb-naam" label={t('bezwaren.indiener')} autoComplete="off" {...koppel(formulier, 'naam')} fout={formulier.fout?.veldPad('betrokkene.naam')} />
        <Veld id="nb-email" type="email" label={t('veld.email')} autoComplete="off" {...koppel(formulier, 'email')} fout={formulier.fout?.veldPad('betrokkene.email')} />
        <Veld id="nb-telefoon" type="tel" label={t('zaak.telefoon')} autoComplete="off" {...koppel(formulier, 'telefoon')} fout={formulier.fout?.veldPad('betrokkene.telefoon')} />
        <Adresvelden
          id="nb"
          pad="betrokkene.adres"
          postcode={formulier.waarden.postcode}
          huisnummer={formulier.waarden.huisnummer}
          onPostcode={(v) => formulier.zet('postcode', v)}
          onHuisnummer={(v) => formulier.zet('huisnummer', v)}
          fout={formulier.fout}
        />
      </Formulier>
    </>
  );
}
