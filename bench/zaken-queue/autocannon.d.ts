// What this benchmark uses of autocannon beside bench/http-baseline/autocannon.d.ts: a request
// whose path changes per request (to rotate over many zaken), or whose body does (bench/klantcontacten:
// every POST a new contact).
import type autocannon from 'autocannon';

export type Autocannon = typeof autocannon;

declare module 'autocannon' {
  interface Options {
    requests?: { method?: string; setupRequest?: (request: { path: string }) => { path: string; method?: string; body?: string } }[];
  }
}
