// Child processes for the benchmark: servers run apart from the load generator's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';

export interface Child {
  process: ChildProcess;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  logFile: string;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a command with stdout and stderr going to a log file (as a log sink would in production,
 * so the benchmark process spends nothing on reading logs). With `group`, the child leads its own
 * process group and stop() signals the whole group (for `npm start`, which runs node under a shell).
 */
export function startChild(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; group?: boolean }): Child {
  const fd = openSync(options.logFile, 'a');
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd], detached: options.group ?? false });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const signal = (name: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(options.group ? -child.pid : child.pid, name);
    } catch {
      // already gone
    }
  };
  return {
    process: child,
    spawnedAt,
    logFile: options.logFile,
    async stop() {
      signal('SIGTERM');
      const killed = setTimeout(() => signal('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** The status code of one GET without keep-alive; 0 when nothing answers. */
export function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, headers, timeout: 2_000 }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(0));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls url every 10 ms until it answers 200 and returns the milliseconds since the child was
 * spawned. Fails when the child exits first or after timeoutMs (with the end of its log).
 */
export async function msUntil200(child: Child, url: string, timeoutMs: number): Promise<number> {
  while (performance.now() - child.spawnedAt < timeoutMs) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`the process stopped (exit ${child.process.exitCode ?? child.process.signalCode}) before ${url} answered 200\n${logTail(child)}`);
    }
    if ((await statusOf(url)) === 200) return performance.now() - child.spawnedAt;
    await pause(10);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms\n${logTail(child)}`);
}

export function logTail(child: Child): string {
  try {
    return readFileSync(child.logFile, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/**
 * The whole machine's CPU time from /proc/stat, in clock ticks: idle, total, and the part spent
 * in processes (user + nice + system; interrupts and steal are in no process's account).
 */
export function machineTicks(): { idle: number; total: number; processes: number; steal: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, , , steal = 0] = fields;
  return { idle: idle + iowait, total: fields.reduce((sum, n) => sum + n, 0), processes: user + nice + system, steal };
}

interface ProcessStat {
  comm: string;
  pgrp: number;
  /** User + system clock ticks; with `children`, also those of its children that ended. */
  ticks: (children: boolean) => number;
}

function statOf(pid: number | 'self'): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    const at = (i: number) => fields[i] ?? 0;
    return { comm, pgrp: at(2), ticks: (children) => at(11) + at(12) + (children ? at(13) + at(14) : 0) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, clock ticks) of one process; 0 when it is gone. */
export function processTicks(pid: number | 'self'): number {
  return statOf(pid)?.ticks(false) ?? 0;
}

function ticksWhere(match: (stat: ProcessStat) => boolean, children: boolean): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat && match(stat)) total += stat.ticks(children);
  }
  return total;
}

/** CPU time of every process with this command name (e.g. PostgreSQL's backends). */
export const ticksOfCommand = (name: string): number => ticksWhere((stat) => stat.comm === name, false);

/** CPU time of a process group, including its ended children (npm start → sh → build, node). */
export const ticksOfGroup = (pgrp: number): number => ticksWhere((stat) => stat.pgrp === pgrp, true);

/**
 * Runs fn and returns its result with the share of the machine's CPU time (percent) that went to
 * processes outside the benchmark meanwhile (ownTicks counts the benchmark's own processes), and
 * the share the hypervisor took (steal: this machine is a virtual one).
 */
export async function withOtherCpu<T>(
  fn: () => Promise<T>,
  ownTicks: () => number,
): Promise<{ value: T; otherCpuPercent: number; stealPercent: number }> {
  const machineBefore = machineTicks();
  const ownBefore = ownTicks();
  const value = await fn();
  const machineAfter = machineTicks();
  const own = ownTicks() - ownBefore;
  const total = Math.max(1, machineAfter.total - machineBefore.total);
  const inProcesses = machineAfter.processes - machineBefore.processes;
  const percent = (ticks: number) => Math.round(Math.max(0, ticks / total) * 1000) / 10;
  return { value, otherCpuPercent: percent(inProcesses - own), stealPercent: percent(machineAfter.steal - machineBefore.steal) };
}
