import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '@/lib/errors/app-error';
import { messages } from './translate';

const dir = path.join(import.meta.dirname, 'messages');
type Tree = { [key: string]: string | Tree };

/** Every message file as `<stem>` → its ko and en files, e.g. `ui` → ui.ko.json, ui.en.json. */
function catalogues() {
  const stems = new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/(^|\.)(ko|en)\.json$/, '') || '(main)'),
  );
  return [...stems].sort().map((stem) => {
    const file = (locale: string) => (stem === '(main)' ? `${locale}.json` : `${stem}.${locale}.json`);
    return { stem, ko: file('ko'), en: file('en') };
  });
}

function read(file: string): Tree {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Tree;
}

/** key path → message text, for every leaf. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** The names of ICU arguments in a message ({status}, {count, plural, ...}). */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe('message catalogues', () => {
  it('pairs every Korean file with an English one', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    for (const { ko, en } of catalogues()) {
      expect(files, `${ko} needs ${en}`).toContain(en);
      expect(files, `${en} needs ${ko}`).toContain(ko);
    }
  });

  describe.each(catalogues())('$ko and $en', ({ ko, en }) => {
    const koLeaves = leaves(read(ko));
    const enLeaves = leaves(read(en));

    it('have the same keys', () => {
      expect(
        [...koLeaves.keys()].filter((k) => !enLeaves.has(k)),
        `in ${ko}, not in ${en}`,
      ).toEqual([]);
      expect(
        [...enLeaves.keys()].filter((k) => !koLeaves.has(k)),
        `in ${en}, not in ${ko}`,
      ).toEqual([]);
    });

    it('use the same placeholders in both languages', () => {
      const differing = [...koLeaves]
        .filter(([key]) => enLeaves.has(key))
        .filter(([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key)!).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it('leave no message empty', () => {
      const empty = [...koLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });

  it('split namespaces so no file overrides another', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const { ko } of catalogues()) {
      for (const namespace of Object.keys(read(ko))) {
        if (owners.has(namespace)) clashes.push(`${namespace}: ${owners.get(namespace)} and ${ko}`);
        owners.set(namespace, ko);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(Object.keys(errorStatus))('has a message for the error code %s in both languages', (code) => {
    expect((messages.ko.errors as Record<string, string>)[code]).toBeTruthy();
    expect((messages.en.errors as Record<string, string>)[code]).toBeTruthy();
  });
});
