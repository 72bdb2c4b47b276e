import { parseCatalogFile } from './catalog-file-parser';

describe('parseCatalogFile: text PostgreSQL cannot store', () => {
  it('refuses a NUL written as a YAML escape, at its line and field', () => {
    const content = ['agencies:', '  - code: nit', '    name: { kk: a, ru: b, en: "x\\0y" }', ''].join('\n');
    const parsed = parseCatalogFile({ path: 'catalog.yaml', content });
    expect(parsed.problems).toEqual([{ file: 'catalog.yaml', line: 3, field: 'agencies[0].name.en', message: 'must not contain a NUL character' }]);
  });

  it('takes the same file without the NUL', () => {
    const content = ['agencies:', '  - code: nit', '    name: { kk: a, ru: b, en: "xy" }', ''].join('\n');
    expect(parseCatalogFile({ path: 'catalog.yaml', content }).problems).toEqual([]);
  });
});
