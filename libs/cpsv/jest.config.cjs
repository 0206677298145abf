const preset = require('../../jest.preset.cjs');

// The SHACL validator and its RDF/JS dependencies ship only ES modules, which Jest's CommonJS runtime cannot load
// on Node 20: SWC compiles those packages to CommonJS for the tests (the exporter itself uses none of them).
const esmOnly = ['rdf-validate-shacl', 'rdf-validate-datatype', 'clownface', '@rdfjs', '@vocabulary', '@tpluscode'];

module.exports = {
  ...preset,
  displayName: 'cpsv',
  rootDir: __dirname,
  transform: {
    ...preset.transform,
    '^.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
