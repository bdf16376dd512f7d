/* ESLint flat config: the site's own JavaScript (overrides/assets/wegwijs/*.js) is held
   to @eslint/js "recommended" plus a few rules that catch real mistakes in small,
   dependency-free browser scripts. Run with `npm run lint` or `make lint-js`
   (part of `make test`; tests/test_eslint.py checks it too).

   - Page scripts are classic scripts (<script defer>, no modules): browser globals only.
   - sw.js is the service worker template: service-worker globals, and __MANIFEST__,
     the placeholder the build (write_service_worker, the visitor-tools step) replaces
     with the precache list as JSON; tests/test_eslint.py also lints the built sw.js. */
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const SERVICE_WORKER = "overrides/assets/wegwijs/sw.js";

const strict = {
  ...js.configs.recommended.rules,
  // `catch (e) {}` is kept: the scripts stay ES5 apart from import() in search.js.
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
  "no-implicit-globals": "error",
  "no-shadow": "error",
  "no-use-before-define": ["error", { functions: false }],
  "no-var": "off",
  eqeqeq: ["error", "always"],
  strict: ["error", "function"],
};

module.exports = [
  { ignores: ["node_modules/", "site/", "build/", "bench-out/", "pagefind/", ".venv/"] },
  {
    files: ["overrides/**/*.js", "tools/wegwijs/**/*.js"],
    ignores: [SERVICE_WORKER],  // blocks merge their globals: the worker has no `document`
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: strict,
  },
  {
    files: [SERVICE_WORKER],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.serviceworker, __MANIFEST__: "readonly" },
    },
    // A worker has a global scope of its own: top-level declarations are fine there.
    rules: { ...strict, strict: ["error", "global"], "no-implicit-globals": "off" },
  },
  {
    // Node scripts the build runs (tools/wegwijs/render/css_purge.cjs: PurgeCSS).
    files: ["tools/**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { ...strict, strict: ["error", "global"] },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: js.configs.recommended.rules,
  },
];
