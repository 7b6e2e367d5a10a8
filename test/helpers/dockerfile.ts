import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Instruction {
  keyword: string;
  /** The raw arguments, continuation lines joined. */
  args: string;
}

export interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** A small Dockerfile reader: comments dropped, `\` continuations joined, split into FROM stages. */
export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && /^\s*#/.test(line)) continue;
    if (current !== '' && /^\s*#/.test(line)) continue; // comments inside a continuation are ignored by Docker
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/s.exec(line);
    if (!match) continue;
    const keyword = (match[1] as string).toUpperCase();
    const args = (match[2] as string).trim();
    if (keyword === 'FROM') {
      const [base, as, name] = args.split(/\s+/);
      stages.push({ base: base as string, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${keyword} before the first FROM`);
    stage.instructions.push({ keyword, args });
  }
  return stages;
}

export function readDockerfile(): Stage[] {
  return parseDockerfile(readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8'));
}

/** `KEY=value KEY2="v 2"` → record (the ENV form the image uses). */
export function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g)) env[m[1] as string] = m[3] ?? (m[2] as string);
  return env;
}

export function stageEnv(stage: Stage): Record<string, string> {
  return Object.assign({}, ...stage.instructions.filter((i) => i.keyword === 'ENV').map((i) => parseEnv(i.args)));
}

/** The exec-form array of a CMD or HEALTHCHECK … CMD. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`not an exec form: ${args}`);
  return value as string[];
}

export const only = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
