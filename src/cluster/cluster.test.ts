import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCluster } from './cluster.ts';
import { GEREED_PAD, haproxyConfig, serverStatus } from './haproxy.ts';

const config = haproxyConfig({
  host: '127.0.0.1',
  poort: 3000,
  socket: '/run/loket-test/haproxy.sock',
  knooppunten: [
    { naam: 'k1', host: '127.0.0.1', poort: 4001 },
    { naam: 'k2', host: '127.0.0.1', poort: 4002 },
  ],
});
const regels = config.split('\n').map((r) => r.trim());

const haproxyAanwezig = spawnSync('haproxy', ['-v']).status === 0;

describe('the HAProxy configuration of a cluster', () => {
  it('retries only a request that never reached a node, on another node', () => {
    expect(regels.filter((r) => r.startsWith('retry-on'))).toEqual(['retry-on conn-failure']);
    expect(regels).toContain('option redispatch 1');
    for (const verboden of ['empty-response', 'response-timeout', 'junk-response', 'all-retryable-errors', '5xx', '0rtt-rejected']) {
      expect(config).not.toContain(verboden);
    }
  });

  it('balances round robin over every node, checked on the readiness path', () => {
    expect(regels).toContain('balance roundrobin');
    expect(regels).toContain(`http-check send meth GET uri ${GEREED_PAD} ver HTTP/1.1 hdr host localhost`);
    expect(regels).toContain('http-check expect status 200');
    expect(regels.filter((r) => r.startsWith('server '))).toEqual(['server k1 127.0.0.1:4001', 'server k2 127.0.0.1:4002']);
    expect(regels).toContain('bind 127.0.0.1:3000');
  });

  it('passes on the address it sees, never one the client sent', () => {
    expect(regels.indexOf('http-request del-header x-forwarded-for')).toBeLessThan(regels.indexOf('option forwardfor'));
    expect(regels.indexOf('option forwardfor')).toBeGreaterThan(-1);
  });

  it.skipIf(!haproxyAanwezig)('is a configuration HAProxy accepts (haproxy -c; skipped: HAProxy is not installed, apt-get install haproxy)', () => {
    const map = mkdtempSync(join(tmpdir(), 'loket-haproxy-'));
    try {
      const pad = join(map, 'haproxy.cfg');
      writeFileSync(pad, config.replace('/run/loket-test/haproxy.sock', join(map, 'haproxy.sock')));
      expect(execFileSync('haproxy', ['-c', '-f', pad], { encoding: 'utf8' })).toMatch(/Configuration file is valid/);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it("reads each node's state from `show stat`", () => {
    const csv = [
      '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight',
      'loket,FRONTEND,,,0,1,4096,3,0,0,0,0,0,,,,,OPEN,',
      'knooppunten,k1,0,0,0,1,,2,0,0,,0,,0,0,0,0,UP,1',
      'knooppunten,k2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,1',
      'knooppunten,BACKEND,0,0,0,1,410,2,0,0,0,0,,0,0,0,0,UP,2',
      '',
    ].join('\n');
    expect(serverStatus(csv)).toEqual(new Map([['k1', 'UP'], ['k2', 'DOWN']]));
  });
});

describe('a cluster', () => {
  it('needs PostgreSQL', async () => {
    await expect(startCluster({ databaseUrl: '', knooppunten: 3 })).rejects.toThrow(/Een cluster heeft PostgreSQL nodig: zet DATABASE_URL/);
  });

  it('`npm run cluster` without DATABASE_URL says what to set (exit code 2)', () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'cluster.ts');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const uit = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, '--nodes', '2'], { env, encoding: 'utf8' });
    expect(uit.status).toBe(2);
    expect(uit.stderr).toMatch(/Een cluster heeft PostgreSQL nodig: zet DATABASE_URL/);
  });
});
