// Temp-directory helpers for the config tests (each test gets a fresh tree, removed afterwards).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class TempTree {
  readonly root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-config-')));

  /** Each tree is a repository (a `.git` folder), the folder config files' `extends` must stay in. */
  constructor() {
    fs.mkdirSync(path.join(this.root, '.git'));
  }

  write(rel: string, content: unknown): string {
    const p = path.join(this.root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return p;
  }

  path(rel: string): string {
    return path.join(this.root, rel);
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** A register-shape task definition with a privileged container named `name`, one per line. */
export function privilegedTask(names: string[] = ['web']): string {
  return JSON.stringify({
    family: 'app',
    containerDefinitions: names.map((name) => ({ name, image: 'nginx:1.27', privileged: true })),
  }, null, 2);
}
