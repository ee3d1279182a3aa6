import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Exported type names of src/domain and the property names of exported object types. */
export function domainVocabulary(dir = 'src/domain'): Map<string, string> {
  const words = new Map<string, string>();
  const visit = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        visit(full);
        continue;
      }
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) {
        continue;
      }
      const source = ts.createSourceFile(
        full,
        readFileSync(full, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const addMembers = (members: ts.NodeArray<ts.TypeElement>): void => {
        for (const member of members) {
          if (
            ts.isPropertySignature(member) &&
            (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
          ) {
            const name = member.name.text;
            if (!words.has(name)) {
              words.set(name, full);
            }
          }
        }
      };
      for (const statement of source.statements) {
        const exported =
          ts.canHaveModifiers(statement) &&
          ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (exported !== true) {
          continue;
        }
        if (ts.isInterfaceDeclaration(statement)) {
          words.set(statement.name.text, full);
          addMembers(statement.members);
        } else if (ts.isTypeAliasDeclaration(statement)) {
          words.set(statement.name.text, full);
          if (ts.isTypeLiteralNode(statement.type)) {
            addMembers(statement.type.members);
          }
        }
      }
    }
  };
  visit(dir);
  return words;
}

function glossaryIdentifiers(): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync('docs/glossary.md', 'utf8').split('\n')) {
    const cell = /^\|\s*([^|]+?)\s*\|/.exec(line)?.[1];
    if (cell === undefined) {
      continue;
    }
    for (const id of cell.matchAll(/`([A-Za-z0-9_]+)`/g)) {
      if (id[1] !== undefined) {
        ids.add(id[1]);
      }
    }
  }
  return ids;
}

describe('docs/glossary.md', () => {
  it('names every exported domain type and field with its Chinese term', () => {
    const known = glossaryIdentifiers();

    const missing = [...domainVocabulary()]
      .filter(([word]) => !known.has(word))
      .map(([word, file]) => `${word} (${file})`);

    expect(missing).toEqual([]);
  });
});
