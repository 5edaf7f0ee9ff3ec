import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const MAIN = 'dist/apps/api/src/main.js';

describe('the API process is started with API_NODE_FLAGS everywhere', () => {
  it('npm run start:api', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:api']).toBe(['node', ...API_NODE_FLAGS, MAIN].join(' '));
  });

  it('scripts/start.sh', () => {
    const lines = read('scripts/start.sh')
      .split('\n')
      .filter((l) => l.includes(MAIN));
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(['node', ...API_NODE_FLAGS, MAIN].join(' ') + ' ')).toBe(true);
  });

  it('the Dockerfile', () => {
    expect(read('Dockerfile')).toContain(`CMD ${JSON.stringify(['node', ...API_NODE_FLAGS, MAIN])}`);
  });
});
