/**
 * What a deploy would upload, and what starting the worker costs, measured with wrangler
 * itself: `wrangler deploy --dry-run` reports the bundle's size as Cloudflare counts it, and
 * `wrangler check startup` profiles the worker's start-up in workerd.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WRANGLER_OFFLINE_ENV } from '../cli/wrangler-env.js';

const run = promisify(execFile);

function wrangler(root: string, args: string[]) {
  return run(join(root, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: root,
    env: { ...process.env, ...WRANGLER_OFFLINE_ENV },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface BundleSize {
  rawKiB: number;
  gzipKiB: number;
}

/** The upload size wrangler prints for a deploy (`Total Upload: X KiB / gzip: Y KiB`). */
export async function bundleSize(root: string): Promise<BundleSize> {
  const out = await mkdtemp(join(tmpdir(), 'fund-bundle-'));
  try {
    const { stdout, stderr } = await wrangler(root, ['deploy', '--dry-run', '--outdir', out]);
    const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(`${stdout}\n${stderr}`);
    if (!match) throw new Error(`wrangler deploy --dry-run printed no upload size:\n${stdout}${stderr}`);
    return { rawKiB: Number(match[1]), gzipKiB: Number(match[2]) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of CPU in a V8 profile: every sample but the idle ones. */
export function profileCpuMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((node, i) => {
    if (!idle.has(node)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

/** Start-up CPU of the worker in workerd, from `wrangler check startup`'s profile. */
export async function startupCpuMs(root: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'fund-startup-'));
  try {
    const outfile = join(dir, 'startup.cpuprofile');
    await wrangler(root, ['check', 'startup', '--outfile', outfile]);
    return profileCpuMs(JSON.parse(await readFile(outfile, 'utf8')) as CpuProfile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
