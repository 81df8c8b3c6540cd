/** How src/db/schema.ts declares a column, as far as the database can check it. */
export interface KolomSoort {
  /** Reading it can give null. */
  nullable: boolean;
  /** An insert may leave it out (Kysely: Generated, an insert type with undefined, or nullable). */
  optioneel: boolean;
  /** Generated<…>: the database makes the value (identity or serial). */
  generated: boolean;
}

export type SchemaBeschrijving = Map<string, Map<string, KolomSoort>>;

/** Splits at `scheiding` where no <…>, (…), […] or {…} is open. */
function splitsBovenaan(tekst: string, scheiding: string): string[] {
  const delen: string[] = [];
  let diepte = 0;
  let begin = 0;
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') diepte++;
    else if (c === '>' || c === ')' || c === ']' || c === '}') diepte--;
    else if (c === scheiding && diepte === 0) {
      delen.push(tekst.slice(begin, i).trim());
      begin = i + 1;
    }
  }
  delen.push(tekst.slice(begin).trim());
  return delen;
}

const kanNull = (type: string): boolean => splitsBovenaan(type, '|').includes('null');
const kanOntbreken = (type: string): boolean => splitsBovenaan(type, '|').some((d) => d === 'undefined' || d === 'null');

/** Name<args> → [Name, [args]]; a name without arguments → [name, []]. */
function generiek(type: string): [string, string[]] {
  const m = /^(\w+)\s*<([\s\S]*)>$/.exec(type);
  return m ? [m[1] as string, splitsBovenaan(m[2] as string, ',')] : [type, []];
}

/**
 * Reads the table interfaces of a Kysely schema file as text (no TypeScript compiler): the tables
 * of `interface DB`, their columns, and per column whether it can be null, may be left out of an
 * insert, and is Generated. Type aliases in the file (`type X<T> = ColumnType<…>`) are followed.
 */
export function leesSchema(bron: string): SchemaBeschrijving {
  const tekst = bron.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const aliassen = new Map<string, { parameters: string[]; type: string }>();
  for (const m of tekst.matchAll(/(?:export\s+)?type\s+(\w+)\s*(?:<([^>=]*)>)?\s*=\s*([^;]+);/g)) {
    aliassen.set(m[1] as string, { parameters: m[2] ? m[2].split(',').map((p) => p.trim()) : [], type: (m[3] as string).trim() });
  }
  const interfaces = new Map<string, [string, string][]>();
  for (const m of tekst.matchAll(/export\s+interface\s+(\w+)\s*\{([^}]*)\}/g)) {
    interfaces.set(m[1] as string, [...(m[2] as string).matchAll(/(\w+)\s*:\s*([^;]+);/g)].map((l) => [l[1] as string, (l[2] as string).trim()]));
  }

  const soort = (type: string, diepte = 0): KolomSoort => {
    if (diepte > 10) throw new Error(`type alias loops: ${type}`);
    const [naam, argumenten] = generiek(type);
    if (naam === 'Generated') return { ...soort(argumenten[0] ?? '', diepte + 1), optioneel: true, generated: true };
    if (naam === 'ColumnType') {
      const [lezen = '', schrijven = lezen] = argumenten;
      return { nullable: kanNull(lezen), optioneel: kanOntbreken(schrijven), generated: false };
    }
    const alias = aliassen.get(naam);
    if (alias && splitsBovenaan(type, '|').length === 1) {
      const ingevuld = alias.parameters.reduce((t, p, i) => t.replace(new RegExp(`\\b${p}\\b`, 'g'), argumenten[i] ?? 'unknown'), alias.type);
      return soort(ingevuld, diepte + 1);
    }
    return { nullable: kanNull(type), optioneel: kanNull(type), generated: false };
  };

  const db = interfaces.get('DB');
  if (!db) throw new Error('geen interface DB in het schema');
  return new Map(
    db.map(([tabel, naam]) => {
      const kolommen = interfaces.get(naam);
      if (!kolommen) throw new Error(`interface ${naam} (tabel ${tabel}) ontbreekt`);
      return [tabel, new Map(kolommen.map(([kolom, type]) => [kolom, soort(type)]))];
    }),
  );
}
