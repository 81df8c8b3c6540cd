import { useState } from 'react';
import { KANALEN, api, gemeentePad, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, Vinkje, useFormulier } from '../../components/Formulier.tsx';
import { Adresvelden, adresFoutVelden, adresInBody } from '../../components/Adresvelden.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { useTeams } from '../zaken/teksten.tsx';
import { dagInNederland } from '../../tijd.ts';

/** An optional text field: left out when empty. */
const optioneel = (waarde: string) => (waarde.trim() ? waarde.trim() : undefined);

const CATEGORIEEN = ['bejegening', 'informatie', 'bereikbaarheid', 'termijn', 'dienstverlening', 'anders'] as const;

interface AangemaakteKlacht {
  id: string;
  identificatie: string;
  volgcode: string;
  volglink: string;
}

/** After registering: the zaak number and the tracking link (shown only this once), and the way to the klacht's page. */
function Geregistreerd({ klacht, gemeente }: { klacht: AangemaakteKlacht; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return (
    <Pagina titel={t('klachtNieuw.geregistreerd', { zaak: klacht.identificatie })} focus>
      <p className="utrecht-paragraph">{t('klachtNieuw.ontvangstbrief')}</p>
      <Melding soort="warning" rol="none">
        <p className="utrecht-paragraph">{t('zaakNieuw.eenKeer')}</p>
      </Melding>
      <Gegevenslijst
        regels={[
          [t('zaak.identificatie'), klacht.identificatie],
          [
            t('zaakNieuw.volglink'),
            <a key="link" className="utrecht-link utrecht-link--html-a loket-breek" href={klacht.volglink}>
              {klacht.volglink}
            </a>,
          ],
        ]}
      />
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        <li className="utrecht-link-list__item">
          <Link naar={`/${gemeente.code}/zaken/${klacht.id}`}>{t('zaakNieuw.naarZaak', { zaak: klacht.identificatie })}</Link>
        </li>
        <li className="utrecht-link-list__item">
          <Link naar={`/${gemeente.code}/klachten`}>{t('klachtNieuw.terug')}</Link>
        </li>
      </ul>
    </Pagina>
  );
}

/** A klacht that came in on paper, by phone or at the desk (Awb 9:4), registered by staff: the receipt letter (9:6) is made at once. */
export function KlachtNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { teams, fout: teamsFout } = useTeams(gemeente);
  const [gemaakt, setGemaakt] = useState<AangemaakteKlacht>();
  const formulier = useFormulier(() => ({
    onderwerp: '',
    omschrijving: '',
    kanaal: 'post',
    ontvangstdatum: dagInNederland(),
    categorie: '',
    team: '',
    beklaagde: '',
    gedragingDatum: '',
    commissie: false,
    naam: '',
    email: '',
    telefoon: '',
    postcode: '',
    huisnummer: '',
    taal: 'nl',
  }));
  const { waarden: w, zet, fout } = formulier;

  async function registreer() {
    const body = {
      onderwerp: w.onderwerp,
      omschrijving: w.omschrijving,
      kanaal: w.kanaal,
      ontvangstdatum: w.ontvangstdatum,
      categorie: w.categorie,
      team: w.team,
      beklaagde: optioneel(w.beklaagde),
      gedragingDatum: optioneel(w.gedragingDatum),
      commissie: w.commissie,
      klager: { naam: w.naam, email: optioneel(w.email), telefoon: optioneel(w.telefoon), ...adresInBody(w.postcode, w.huisnummer), taal: w.taal },
    };
    const { data } = await api.post<AangemaakteKlacht>(`${gemeentePad(gemeente.code)}/klachten`, { body });
    setGemaakt(data);
  }

  if (gemaakt) return <Geregistreerd klacht={gemaakt} gemeente={gemeente} />;
  const tekst = (naam: 'onderwerp' | 'omschrijving' | 'kanaal' | 'ontvangstdatum' | 'categorie' | 'team' | 'beklaagde' | 'gedragingDatum', id: string = naam) => ({
    id,
    value: w[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veld(naam),
  });
  const klager = (naam: 'naam' | 'email' | 'telefoon' | 'taal') => ({
    id: `klager-${naam}`,
    value: w[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veldPad(`klager.${naam}`),
  });
  return (
    <Pagina titel={t('klachtNieuw.titel')} terug={{ naar: `/${gemeente.code}/klachten`, tekst: t('klachtNieuw.terug') }}>
      <p className="utrecht-paragraph">{t('klachtNieuw.uitleg')}</p>
      {teams ? (
        <Formulier
          formulier={formulier}
          onVerstuur={registreer}
          knop={t('klachtNieuw.registreren')}
          velden={{
            onderwerp: 'klacht-onderwerp',
            omschrijving: 'klacht-omschrijving',
            kanaal: 'klacht-kanaal',
            ontvangstdatum: 'klacht-ontvangstdatum',
            categorie: 'klacht-categorie',
            team: 'klacht-team',
            beklaagde: 'klacht-beklaagde',
            gedragingDatum: 'klacht-gedragingDatum',
            commissie: 'klacht-commissie',
            'klager.naam': 'klager-naam',
            'klager.email': 'klager-email',
            'klager.telefoon': 'klager-telefoon',
            'klager.taal': 'klager-taal',
            ...adresFoutVelden('klager.adres', 'klager'),
            klager: 'klager-naam',
          }}
        >
          <Veld label={t('klachtNieuw.onderwerp')} autoComplete="off" required {...tekst('onderwerp', 'klacht-onderwerp')} />
          <Tekstvak label={t('klachtNieuw.omschrijving')} uitleg={t('klachtNieuw.omschrijvingUitleg')} required {...tekst('omschrijving', 'klacht-omschrijving')} />
          <Keuzelijst label={t('zaak.kanaal')} required {...tekst('kanaal', 'klacht-kanaal')} opties={KANALEN.map((k) => ({ waarde: k, label: t(`kanaal.${k}`) }))} />
          <Veld label={t('zaak.ontvangstdatum')} type="date" required max={dagInNederland()} {...tekst('ontvangstdatum', 'klacht-ontvangstdatum')} />
          <Keuzelijst
            label={t('klacht.categorie')}
            required
            {...tekst('categorie', 'klacht-categorie')}
            opties={[{ waarde: '', label: t('klachtNieuw.kiesCategorie') }, ...CATEGORIEEN.map((c) => ({ waarde: c, label: t(`klacht.categorieen.${c}`) }))]}
          />
          <Keuzelijst
            label={t('klachtNieuw.team')}
            uitleg={t('klachtNieuw.teamUitleg')}
            required
            {...tekst('team', 'klacht-team')}
            opties={[{ waarde: '', label: t('klacht.kiesTeam') }, ...teams.map((team) => ({ waarde: team.id, label: team.naam }))]}
          />
          <Veld label={t('klachtNieuw.beklaagde')} uitleg={t('klachtNieuw.beklaagdeUitleg')} autoComplete="off" {...tekst('beklaagde', 'klacht-beklaagde')} />
          <Veld label={t('klachtNieuw.gedragingDatum')} uitleg={t('klachtNieuw.gedragingDatumUitleg')} type="date" {...tekst('gedragingDatum', 'klacht-gedragingDatum')} />
          <Vinkje id="klacht-commissie" label={t('klachtNieuw.commissie')} uitleg={t('klachtNieuw.commissieUitleg')} checked={w.commissie} onChange={(e) => zet('commissie', e.target.checked)} fout={fout?.veld('commissie')} />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-form">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('klachtNieuw.klager')}</legend>
            <Veld label={t('klachtNieuw.naam')} autoComplete="off" required {...klager('naam')} />
            <Veld label={t('zaakNieuw.emailOptioneel')} type="email" autoComplete="off" {...klager('email')} />
            <Veld label={t('zaakNieuw.telefoonOptioneel')} type="tel" autoComplete="off" {...klager('telefoon')} />
            <Adresvelden id="klager" pad="klager.adres" postcode={w.postcode} huisnummer={w.huisnummer} onPostcode={(v) => zet('postcode', v)} onHuisnummer={(v) => zet('huisnummer', v)} fout={fout} />
            <Keuzelijst
              label={t('klachtNieuw.taal')}
              {...klager('taal')}
              opties={[
                { waarde: 'nl', label: t('taal.nl') },
                { waarde: 'en', label: t('taal.en') },
              ]}
            />
          </fieldset>
        </Formulier>
      ) : (
        <Laadstatus fout={teamsFout} />
      )}
    </Pagina>
  );
}
