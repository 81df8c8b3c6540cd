/**
 * The HAProxy configuration of a development and test cluster (ADR 0027): round robin over the
 * nodes on loopback, a health check on the readiness path, and retries only of requests that
 * never reached a node.
 */

/**
 * The path HAProxy checks: readiness (ADR 0025), which answers 503 from the moment a node is told
 * to stop, so the proxy takes it out while it still finishes its requests.
 */
export const GEREED_PAD = '/ready';

/** Where HAProxy looks for a node and how often (ms). */
export const CONTROLE = { interMs: 1_000, fastinterMs: 250, downinterMs: 500, fall: 2, rise: 1 } as const;

/**
 * How long a stopping node keeps serving after `/ready` turned 503 (LOKET_STOP_DELAY_MS): until
 * the proxy has seen `fall` failed checks (the first within `inter`, the rest `fastinter` apart),
 * with a margin. Requests the proxy still sends meanwhile are served, not refused.
 */
export const STOP_UITSTEL_MS = CONTROLE.interMs + CONTROLE.fall * CONTROLE.fastinterMs + 500;

export interface HaproxyOpties {
  /** The address the proxy listens on (loopback). */
  host: string;
  poort: number;
  knooppunten: { naam: string; host: string; poort: number }[];
  /** The admin socket (`show stat`), for scripts and tests that wait until a node is up. */
  socket: string;
}

/**
 * The configuration text. Every choice that matters for correctness is here:
 *
 * - `retry-on conn-failure` and nothing else: a request is retried (on another node, `option
 *   redispatch`) only when the connection to a node failed and the request could not be sent.
 *   A request that may have reached a node (`empty-response`, `response-timeout`,
 *   `junk-response`, `5xx`, `all-retryable-errors`) is never retried by the proxy, whatever
 *   its method: the client decides, and retries a POST only with its `Idempotency-Key`.
 * - The client's own `X-Forwarded-For` is removed before the proxy adds the address it sees,
 *   so a node with `TRUST_PROXY=true` counts rate limits per real client.
 * - `X-Loket-Knooppunt` in every answer names the node that gave it (development and tests).
 */
export function haproxyConfig(opties: HaproxyOpties): string {
  const { interMs, fastinterMs, downinterMs, fall, rise } = CONTROLE;
  const regels = [
    '# Made by Loket (src/cluster/haproxy.ts) for a development or test cluster. Not for production.',
    'global',
    '  nbthread 1',
    '  maxconn 4096',
    `  stats socket ${opties.socket} mode 600 level admin`,
    '',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 10s',
    '  timeout queue 5s',
    '  timeout check 1s',
    '  # Only a failed connection is retried: the request was never sent (see haproxy.ts).',
    '  retries 3',
    '  retry-on conn-failure',
    '  option redispatch 1',
    '',
    'frontend loket',
    `  bind ${opties.host}:${opties.poort}`,
    '  http-request del-header x-forwarded-for',
    '  option forwardfor',
    '  default_backend knooppunten',
    '',
    'backend knooppunten',
    '  balance roundrobin',
    '  option httpchk',
    `  http-check send meth GET uri ${GEREED_PAD} ver HTTP/1.1 hdr host localhost`,
    '  http-check expect status 200',
    '  http-response set-header x-loket-knooppunt %s',
    `  default-server check inter ${interMs} fastinter ${fastinterMs} downinter ${downinterMs} fall ${fall} rise ${rise}`,
    ...opties.knooppunten.map((k) => `  server ${k.naam} ${k.host}:${k.poort}`),
  ];
  return `${regels.join('\n')}\n`;
}

/** The state HAProxy gives each server of the backend (`UP`, `DOWN`, `MAINT`, `UP 1/2`, …), from `show stat` CSV. */
export function serverStatus(csv: string): Map<string, string> {
  const regels = csv.split('\n').filter((r) => r.trim() !== '');
  const kop = (regels[0] ?? '').replace(/^#\s*/, '').split(',');
  const px = kop.indexOf('pxname');
  const sv = kop.indexOf('svname');
  const st = kop.indexOf('status');
  const status = new Map<string, string>();
  for (const regel of regels.slice(1)) {
    const velden = regel.split(',');
    const server = velden[sv] ?? '';
    if (velden[px] === 'knooppunten' && server !== 'BACKEND' && server !== 'FRONTEND') status.set(server, velden[st] ?? '');
  }
  return status;
}
