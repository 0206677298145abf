// Lint for the browser modules of apps/web (plain modern JS, no build step). The workspace config lints TypeScript
// only; this one checks the pages' ES modules with ESLint's recommended rules, and keeps them within the
// Content-Security-Policy (no eval, no HTML strings, no inline styles).
import js from '@eslint/js';

const browser = Object.fromEntries(
  [
    'AbortController',
    'CSS',
    'CustomEvent',
    'Element',
    'Intl',
    'Node',
    'TextDecoder',
    'TextDecoderStream',
    'URL',
    'URLSearchParams',
    'atob',
    'clearTimeout',
    'console',
    'crypto',
    'document',
    'fetch',
    'history',
    'localStorage',
    'location',
    'navigator',
    'sessionStorage',
    'setTimeout',
    'window',
  ].map((name) => [name, 'readonly']),
);

export default [
  {
    files: ['public/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: browser },
    rules: {
      ...js.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'build nodes with h() (dom.js): text is never parsed as HTML' },
        { property: 'outerHTML', message: 'build nodes with h() (dom.js)' },
        { property: 'insertAdjacentHTML', message: 'build nodes with h() (dom.js)' },
        { object: 'document', property: 'write', message: 'build nodes with h() (dom.js)' },
        { property: 'style', message: 'use a class from app.css (the CSP forbids inline styles)' },
      ],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: 'error',
      'prefer-const': 'error',
    },
  },
];
