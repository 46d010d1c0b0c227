import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maakDemoData } from '../../src/domain/demo/records.ts';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/fhir.ts', ...args], {
    encoding: 'utf8',
  });

describe('npm run fhir', () => {
  it('--demo prints one Bundle per demo client, one JSON per line', () => {
    const r = cli('--demo');
    expect(r.status, r.stderr).toBe(0);
    const regels = r.stdout.trimEnd().split('\n');
    const demo = maakDemoData({ now: new Date(), updatedBy: 'demo' });
    expect(regels).toHaveLength(demo.clientIds.length);
    for (const regel of regels) {
      const b = JSON.parse(regel) as {
        resourceType: string;
        entry: { resource: { resourceType: string } }[];
      };
      expect(b.resourceType).toBe('Bundle');
      expect(b.entry.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(1);
    }
  });

  it('converts a device export file, and says what is wrong with a bad one (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-cli-'));
    const demo = maakDemoData({ now: new Date(), updatedBy: 'demo' });
    const eenClient = demo.clientIds[0]!;
    const records = demo.records.filter((r) => r.clientId === eenClient);
    writeFileSync(join(dir, 'export.json'), JSON.stringify({ records }));
    const r = cli(join(dir, 'export.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);

    writeFileSync(join(dir, 'fout.json'), JSON.stringify([{ id: 1 }]));
    const fout = cli(join(dir, 'fout.json'));
    expect(fout.status).toBe(2);
    expect(fout.stderr).toMatch(/verwacht \{ "records"/);
    expect(fout.stdout).toBe('');
  });
});
