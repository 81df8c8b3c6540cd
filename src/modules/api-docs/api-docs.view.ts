import { html, type Html } from '../portaal/html.ts';
import { STYLESHEETS } from '../portaal/statisch.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  additionalProperties?: boolean | Schema;
}

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeVan(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop() ?? '';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf ?? []).map(typeVan).join(' | ');
  if (schema.type === 'array') return `${typeVan(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'object');
  return `${type}${schema.format ? ` (${schema.format})` : ''}${schema.nullable ? ' | null' : ''}`;
}

function regels(schema: Schema): string {
  const r: string[] = [];
  if (schema.minLength !== undefined) r.push(`min. ${schema.minLength} tekens`);
  if (schema.maxLength !== undefined) r.push(`max. ${schema.maxLength} tekens`);
  if (schema.minimum !== undefined) r.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) r.push(`≤ ${schema.maximum}`);
  if (schema.pattern) r.push(`patroon ${schema.pattern}`);
  if (schema.default !== undefined) r.push(`standaard ${JSON.stringify(schema.default)}`);
  return r.join(', ');
}

function velden(caption: string, schema: Schema | undefined): Html | undefined {
  const props = Object.entries(schema?.properties ?? {});
  if (!schema || props.length === 0) return schema ? html`<p class="utrecht-paragraph">${caption}: <code class="utrecht-code">${typeVan(schema)}</code></p>` : undefined;
  return html`<table class="utrecht-table utrecht-table--html-table">
    <caption class="utrecht-table__caption">${caption}</caption>
    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
      <th scope="col" class="utrecht-table__header-cell">Veld</th><th scope="col" class="utrecht-table__header-cell">Type</th>
      <th scope="col" class="utrecht-table__header-cell">Verplicht</th><th scope="col" class="utrecht-table__header-cell">Toelichting</th>
    </tr></thead>
    <tbody class="utrecht-table__body">${props.map(
      ([naam, s]) => html`<tr class="utrecht-table__row">
        <th scope="row" class="utrecht-table__header-cell"><code class="utrecht-code">${naam}</code></th>
        <td class="utrecht-table__cell"><code class="utrecht-code">${typeVan(s)}</code></td>
        <td class="utrecht-table__cell">${schema.required?.includes(naam) ? 'ja' : 'nee'}</td>
        <td class="utrecht-table__cell">${[s.description, regels(s)].filter(Boolean).join('. ')}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

function operatie(method: string, pad: string, op: Operation): Html {
  const id = `${method}-${pad}`.replace(/[^a-zA-Z0-9]+/g, '-');
  const params = op.parameters ?? [];
  const body = Object.values(op.requestBody?.content ?? {})[0]?.schema;
  return html`<section class="loket-api-operatie" aria-labelledby="${id}">
    <h3 class="utrecht-heading-3" id="${id}"><code class="utrecht-code">${method.toUpperCase()} ${pad}</code></h3>
    ${op.summary ? html`<p class="utrecht-paragraph">${op.summary}</p>` : undefined}
    ${params.length > 0
      ? html`<table class="utrecht-table utrecht-table--html-table">
      <caption class="utrecht-table__caption">Parameters</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">Naam</th><th scope="col" class="utrecht-table__header-cell">Waar</th>
        <th scope="col" class="utrecht-table__header-cell">Type</th><th scope="col" class="utrecht-table__header-cell">Toelichting</th>
      </tr></thead>
      <tbody class="utrecht-table__body">${params.map(
        (p) => html`<tr class="utrecht-table__row">
          <th scope="row" class="utrecht-table__header-cell"><code class="utrecht-code">${p.name}</code>${p.required ? ' (verplicht)' : ''}</th>
          <td class="utrecht-table__cell">${p.in}</td>
          <td class="utrecht-table__cell"><code class="utrecht-code">${typeVan(p.schema)}</code></td>
          <td class="utrecht-table__cell">${[p.description ?? p.schema?.description, p.schema ? regels(p.schema) : ''].filter(Boolean).join('. ')}</td>
        </tr>`,
      )}</tbody></table>`
      : undefined}
    ${velden('Inhoud van het verzoek', body)}
    <p class="utrecht-paragraph">Antwoorden: ${Object.entries(op.responses ?? {}).map(([code, r], i) => {
      const schema = Object.values(r.content ?? {})[0]?.schema;
      return html`${i > 0 ? ', ' : ''}<strong>${code}</strong>${schema ? html` <code class="utrecht-code">${typeVan(schema)}</code>` : ''}`;
    })}; fouten als <code class="utrecht-code">application/problem+json</code>.</p>
  </section>`;
}

const anker = (tekst: string): string => `tag-${tekst.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** The API reference as one accessible HTML page, made from the OpenAPI document (no JavaScript, no CDN). */
export function apiDocsPagina(doc: OpenApiDocument): string {
  const perTag = new Map<string, Html[]>();
  for (const [pad, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Overig';
      perTag.set(tag, [...(perTag.get(tag) ?? []), operatie(method, pad, op)]);
    }
  }
  const tags = [...perTag.keys()];
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return html`<!DOCTYPE html>
<html lang="nl" class="utrecht-root utrecht-theme">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${doc.info.title} ${doc.info.version} - documentatie</title>
    ${STYLESHEETS.map((href) => html`<link rel="stylesheet" href="${href}">`)}
  </head>
  <body class="utrecht-body utrecht-document utrecht-page-layout">
    <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
    <header class="utrecht-page-header"><div class="utrecht-page-header__content"><p class="utrecht-paragraph">${doc.info.title}</p></div></header>
    <div class="utrecht-page-body"><div class="utrecht-page-body__content">
      <nav aria-label="Onderdelen van de API">
        <ul class="utrecht-unordered-list">${tags.map((t) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="#${anker(t)}">${t}</a></li>`)}
          <li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="#schemas">Schema's</a></li></ul>
      </nav>
      <main id="inhoud" tabindex="-1" class="utrecht-page-content">
        <h1 class="utrecht-heading-1">${doc.info.title} ${doc.info.version}</h1>
        <p class="utrecht-paragraph">${doc.info.description ?? ''}</p>
        <p class="utrecht-paragraph">Basisadres: <code class="utrecht-code">${doc.servers?.[0]?.url ?? '/api/v1'}</code>.
          Het OpenAPI 3.0-document: <a class="utrecht-link utrecht-link--html-a" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
          Inloggen met een sessie (cookie plus de header <code class="utrecht-code">X-CSRF-Token</code> bij wijzigingen) of met een API-token
          (<code class="utrecht-code">Authorization: Bearer …</code>).</p>
        ${tags.map((t) => html`<section aria-labelledby="${anker(t)}"><h2 class="utrecht-heading-2" id="${anker(t)}">${t}</h2>${perTag.get(t)}</section>`)}
        <section aria-labelledby="schemas"><h2 class="utrecht-heading-2" id="schemas">Schema's</h2>
          ${schemas.map(([naam, s]) => html`<section aria-labelledby="schema-${naam}"><h3 class="utrecht-heading-3" id="schema-${naam}">${naam}</h3>${velden(`Velden van ${naam}`, s)}</section>`)}
        </section>
      </main>
    </div></div>
  </body>
</html>
`.toString();
}
