import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DIRECTORY_KINDS } from '@grievance/contracts';
import { catalogueOf, isMessageKey, LANGUAGES, placeholdersOf } from '@grievance/i18n';
import { DOMAIN_ERROR_STATUS } from './domain-error';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Where the services throw: every service's code, and the SLA library their use cases call. */
const SOURCE_DIRS = [...fs.readdirSync(path.join(ROOT, 'services')).map((s) => path.join('services', s, 'src')), path.join('libs', 'sla', 'src')];

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(f) && !f.includes('web/'))
    .map((f) => path.join(dir, f));
}

interface Site {
  where: string;
  method: string;
  args: readonly ts.Expression[];
}

/** Every `new DomainError(...)` and `DomainError.<factory>(...)` of the services' code. */
function domainErrorSites(): Site[] {
  const sites: Site[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    if (!text.includes('DomainError')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const where = () => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'DomainError') {
        sites.push({ where: where(), method: 'new', args: node.arguments ?? [] });
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'DomainError'
      ) {
        sites.push({ where: where(), method: node.expression.name.text, args: node.arguments });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** The texts (key and the names of its params) a site's last argument gives, both branches of a `?:`. */
function textsOf(argument: ts.Expression | undefined): Array<{ key: string; params: string[] }> | undefined {
  if (!argument) return undefined;
  if (ts.isConditionalExpression(argument)) {
    const [a, b] = [textsOf(argument.whenTrue), textsOf(argument.whenFalse)];
    return a && b ? [...a, ...b] : undefined;
  }
  if (!ts.isObjectLiteralExpression(argument)) return undefined;
  const property = (name: string) => argument.properties.find((p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === name);
  const key = property('key');
  if (!key || !ts.isPropertyAssignment(key)) return undefined;
  const keys = ts.isStringLiteral(key.initializer)
    ? [key.initializer.text]
    : ts.isConditionalExpression(key.initializer) && ts.isStringLiteral(key.initializer.whenTrue) && ts.isStringLiteral(key.initializer.whenFalse)
      ? [key.initializer.whenTrue.text, key.initializer.whenFalse.text]
      : undefined;
  if (!keys) return undefined;
  const params = property('params');
  const names = params && ts.isPropertyAssignment(params) && ts.isObjectLiteralExpression(params.initializer)
    ? params.initializer.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : '?'))
    : [];
  return keys.map((k) => ({ key: k, params: names }));
}

const TEXT_ARGUMENT: Readonly<Record<string, number>> = { new: 3, invalid: 2, forbidden: 2, conflict: 2, unprocessable: 2 };

describe('every DomainError the services throw says itself in the catalogue', () => {
  const sites = domainErrorSites();

  it('finds the sites (the scan itself works)', () => {
    expect(sites.length).toBeGreaterThan(60);
    expect(sites.some((s) => s.where.startsWith(path.join('services', 'intake')))).toBe(true);
  });

  it.each(Object.keys(DOMAIN_ERROR_STATUS))('has a generic text for the code %s in every language', (code) => {
    expect(isMessageKey(`error.${code}`)).toBe(true);
    for (const language of LANGUAGES) expect(catalogueOf(language)[`error.${code}` as never]).toBeTruthy();
  });

  it('gives each site a text whose key the catalogue has, with exactly the parameters its template names', () => {
    const problems: string[] = [];
    for (const site of sites) {
      if (site.method === 'notFound') continue;
      const index = TEXT_ARGUMENT[site.method];
      const texts = index === undefined ? undefined : textsOf(site.args[index]);
      if (!texts) {
        problems.push(`${site.where}: DomainError.${site.method} without a catalogue text { key, params }`);
        continue;
      }
      for (const { key, params } of texts) {
        if (!isMessageKey(key)) {
          problems.push(`${site.where}: no catalogue entry ${key}`);
          continue;
        }
        const wanted = [...new Set(placeholdersOf(catalogueOf('zh-CN')[key]).map((p) => p.split(':')[0]!))].sort();
        if (JSON.stringify(wanted) !== JSON.stringify([...params].sort())) problems.push(`${site.where}: ${key} needs params ${wanted.join(', ') || 'none'}, has ${params.join(', ') || 'none'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('labels every thing notFound names (a literal, or any kind of directory entry)', () => {
    const things = sites
      .filter((s) => s.method === 'notFound')
      .map((s) => s.args[0])
      .filter((a): a is ts.StringLiteral => a !== undefined && ts.isStringLiteral(a))
      .map((a) => a.text);
    expect(things.length).toBeGreaterThan(5);
    const missing = [...things, ...DIRECTORY_KINDS].map((what) => `entity.${what.replace(/\s+/g, '_')}`).filter((key) => !isMessageKey(key));
    expect(missing).toEqual([]);
  });
});
