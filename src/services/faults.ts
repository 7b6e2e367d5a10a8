import { randomInt } from 'node:crypto';
import type { Clock } from '../clock.js';
import { wrongInputs } from '../http/errors.js';
import { FLEXITI_PREFIX } from '../http/operations.js';
import { MAX_FAULTS, type FaultAction, type FaultInput, type FaultMatch } from '../schemas/admin.js';

/** What the fault check knows about a request. */
export interface FaultRequest {
  method: string;
  path: string;
  operation: string | undefined;
  clientId: string | undefined;
}

export interface FaultView {
  id: string;
  match: FaultMatch;
  times: number;
  probability: number;
  seed: number;
  action: FaultAction;
  /** Requests that got the fault so far. */
  hits: number;
  /** Hits left before the fault removes itself; null for `times: 0` (until removed). */
  remaining: number | null;
  created_at: string;
}

/** mulberry32: a tiny seeded PRNG, so `probability` + `seed` gives the same hit/miss sequence every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`);

interface Fault extends FaultView {
  random: () => number;
  pathPattern: RegExp | undefined;
}

function matches(fault: Fault, request: FaultRequest): boolean {
  const { match } = fault;
  if (match.method && match.method !== request.method) return false;
  if (match.operation && match.operation !== request.operation) return false;
  if (match.client_id && match.client_id !== request.clientId) return false;
  if (fault.pathPattern) {
    const relative = request.path.startsWith(FLEXITI_PREFIX) ? request.path.slice(FLEXITI_PREFIX.length) : request.path;
    if (!fault.pathPattern.test(request.path) && !fault.pathPattern.test(relative)) return false;
  }
  return true;
}

/** Injected faults (contract C7): in memory, in creation order, scoped by match.client_id. */
export function createFaultService({ clock }: { clock: Clock }) {
  const faults: Fault[] = [];
  let sequence = 0;
  const view = ({ random: _random, pathPattern: _pattern, ...rest }: Fault): FaultView => ({ ...rest, match: { ...rest.match } });

  return {
    add(input: FaultInput): FaultView {
      if (faults.length >= MAX_FAULTS) throw wrongInputs(`Invalid or missing fields: faults: at most ${MAX_FAULTS} faults may be active; delete some first`);
      const seed = input.seed ?? randomInt(0, 0xffffffff);
      const fault: Fault = {
        id: `flt_${++sequence}`,
        match: input.match,
        times: input.times,
        probability: input.probability,
        seed,
        action: input.action,
        hits: 0,
        remaining: input.times === 0 ? null : input.times,
        created_at: new Date(clock.now(input.match.client_id)).toISOString(),
        random: mulberry32(seed),
        pathPattern: input.match.path ? globToRegExp(input.match.path) : undefined,
      };
      faults.push(fault);
      return view(fault);
    },
    list: (clientId?: string) => faults.filter((f) => clientId === undefined || f.match.client_id === clientId).map(view),
    get: (id: string) => {
      const fault = faults.find((f) => f.id === id);
      return fault ? view(fault) : undefined;
    },
    remove(id: string): boolean {
      const index = faults.findIndex((f) => f.id === id);
      if (index < 0) return false;
      faults.splice(index, 1);
      return true;
    },
    /** Removes every fault, or only those scoped to one client_id. Returns how many went. */
    clear(clientId?: string): number {
      const before = faults.length;
      for (let i = faults.length - 1; i >= 0; i--) if (clientId === undefined || faults[i]?.match.client_id === clientId) faults.splice(i, 1);
      return before - faults.length;
    },
    /** False on the hot path of every run without faults: the request hooks then do no matching work. */
    any: (): boolean => faults.length > 0,
    /**
     * The action for this request, if a fault hits. Each matching fault draws from its own PRNG
     * (so its sequence does not depend on other traffic); the first that hits wins and is used up.
     */
    take(request: FaultRequest): { id: string; action: FaultAction } | undefined {
      for (const fault of faults) {
        if (!matches(fault, request)) continue;
        if (fault.probability < 1 && !(fault.random() < fault.probability)) continue;
        fault.hits++;
        if (fault.remaining !== null && --fault.remaining === 0) faults.splice(faults.indexOf(fault), 1);
        return { id: fault.id, action: fault.action };
      }
      return undefined;
    },
  };
}

export type FaultService = ReturnType<typeof createFaultService>;
