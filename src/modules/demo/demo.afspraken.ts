/**
 * The demo's balie: per gemeente a location with opening hours, desks and the products each
 * serves, a room for ceremonies and fictional trouwambtenaren/BABS. Addresses are the town
 * halls'; names of officials are invented.
 */
export interface DemoBalieOpzet {
  gemeente: string;
  locatie: { naam: string; adres: string };
  /** Monday to Friday, and an evening. */
  openingstijden: { weekdag: number; van: string; tot: string }[];
  balies: { naam: string; producten: string[] }[];
  ambtenaren: { naam: string; weekdagen: number[] }[];
}

const BALIEPRODUCTEN = ['paspoort', 'id-kaart', 'rijbewijs-verlengen', 'geboorteaangifte', 'overlijden-aangeven', 'uittreksel-brp'];
const werkdagen = (van: string, tot: string) => [1, 2, 3, 4, 5].map((weekdag) => ({ weekdag, van, tot }));

export const DEMO_BALIES: DemoBalieOpzet[] = [
  {
    gemeente: 'GM0384',
    locatie: { naam: 'Gemeentehuis Diemen', adres: 'Ouddiemerlaan 104, Diemen' },
    openingstijden: [...werkdagen('09:00', '16:30'), { weekdag: 4, van: '17:30', tot: '20:00' }],
    balies: [
      { naam: 'Balie 1', producten: BALIEPRODUCTEN },
      { naam: 'Balie 2', producten: BALIEPRODUCTEN },
      { naam: 'Balie 3', producten: ['paspoort', 'id-kaart', 'rijbewijs-verlengen'] },
      { naam: 'Trouwzaal', producten: ['huwelijk-partnerschap'] },
    ],
    ambtenaren: [
      { naam: 'Anna de Vries (BABS)', weekdagen: [1, 3, 5] },
      { naam: 'Mohamed el Amrani (trouwambtenaar)', weekdagen: [1, 2, 3, 4, 5] },
      { naam: 'Sanne Bakker (BABS)', weekdagen: [4, 5] },
    ],
  },
  {
    gemeente: 'GM0437',
    locatie: { naam: 'Gemeentehuis Ouder-Amstel', adres: 'Ouderkerk aan de Amstel' },
    openingstijden: werkdagen('09:00', '13:00'),
    balies: [
      { naam: 'Balie 1', producten: BALIEPRODUCTEN },
      { naam: 'Raadzaal', producten: ['huwelijk-partnerschap'] },
    ],
    ambtenaren: [
      { naam: 'Ellen Visser (trouwambtenaar)', weekdagen: [1, 2, 3, 4, 5] },
      { naam: 'Joost Mulder (BABS)', weekdagen: [5] },
    ],
  },
  {
    gemeente: 'GM0451',
    locatie: { naam: 'Gemeentehuis Uithoorn', adres: 'Laan van Meerwijk 16, Uithoorn' },
    openingstijden: werkdagen('08:30', '16:00'),
    balies: [
      { naam: 'Balie A', producten: BALIEPRODUCTEN },
      { naam: 'Balie B', producten: BALIEPRODUCTEN },
      { naam: 'Trouwkamer', producten: ['huwelijk-partnerschap'] },
    ],
    ambtenaren: [
      { naam: 'Fatima Yilmaz (trouwambtenaar)', weekdagen: [1, 2, 3, 4, 5] },
      { naam: 'Pieter de Boer (BABS)', weekdagen: [2, 4] },
    ],
  },
];
