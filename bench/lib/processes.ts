import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = resolve(ROOT, 'dist', 'cli.js');
const HAS_TASKSET = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');
/** The server gets CPU 0; the load generator (this process) CPU 1. */
export const SERVER_CPU = '0';
export const LOADGEN_CPU = '1';

export function pinned(): boolean {
  return HAS_TASKSET;
}

/** Moves this process (the load generator, every thread) to its own core. */
export function pinSelf(): void {
  if (!HAS_TASKSET) return;
  const child = spawn('taskset', ['-a', '-cp', LOADGEN_CPU, String(process.pid)], { stdio: 'ignore' });
  child.on('error', () => undefined);
}

export interface Spawned {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Milliseconds from spawn to the listen line. */
  listenMs: number;
  startedAt: bigint;
  stop(): Promise<void>;
}

/** Spawns `node <args>` on the server core and waits for a `… listening on URL` line. */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<Spawned> {
  const command = HAS_TASKSET ? 'taskset' : process.execPath;
  const argv = HAS_TASKSET ? ['-c', SERVER_CPU, process.execPath, ...args] : args;
  const startedAt = process.hrtime.bigint();
  const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listen line within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
  const listenMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  // Keep draining so a chatty child never blocks on a full pipe.
  child.stdout.resume();
  const exited = once(child, 'exit');
  return {
    url,
    child,
    pid: child.pid as number,
    listenMs,
    startedAt,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Memory of a process from /proc (Linux): current RSS and its peak (VmHWM), in MB. With taskset
 * in front, the server is the taskset process itself (taskset execs node), so the pid is node's.
 */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at index 3: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** USER_HZ; 100 on every mainstream Linux build. */
const CLOCK_TICKS = 100;
