// ESLint for every JavaScript file (build-scripts/check-js runs it). The page's rules (web/src)
// keep untrusted text (articles, notes, file names) away from any HTML parser and forbid evaluating
// strings as code — the page's Content-Security-Policy forbids both anyway, this catches them early.
import js from '@eslint/js';
import globals from 'globals';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

/** A property the page never touches (reading included), with why. */
const bannedProperty = (name, why) => ({
  selector: `MemberExpression[property.name='${name}']`,
  message: `${name}: ${why}`,
});

const HTML = 'parses a string as HTML; build nodes with shell/dom.js h() and text nodes';

export default [
  { ignores: ['node_modules/', 'dist/', 'build*/', 'out/', 'tests/web/fixtures/', 'shared/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Code that runs in a browser page (page.evaluate bodies in the browser tests and tools).
    files: ['web/tools/**', 'tests/e2e/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['web/src/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error', // setTimeout("code"), setInterval("code")
      'no-new-func': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'DOMParser', message: HTML },
        { name: 'eval', message: 'no code from strings' },
      ],
      'no-restricted-syntax': [
        'error',
        bannedProperty('innerHTML', HTML),
        bannedProperty('outerHTML', HTML),
        bannedProperty('insertAdjacentHTML', HTML),
        bannedProperty('createContextualFragment', HTML),
        bannedProperty('srcdoc', HTML),
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: `document.write: ${HTML}`,
        },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']",
          message: 'style attributes are blocked by the CSP; use el.style.setProperty (CSSOM)',
        },
        {
          selector: "Property[key.name='style'][value.type=/^(Literal|TemplateLiteral)$/]",
          message: 'style attributes are blocked by the CSP; use el.style.setProperty (CSSOM)',
        },
      ],
    },
  },
];
