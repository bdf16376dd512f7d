/* Run PurgeCSS for tools/wegwijs/render/css_purge.py: one JSON request on stdin, one
   JSON answer on stdout. Request: {modules, css, output, content: [globs], safelist:
   {standard, deep, greedy, variables, keyframes: [regular expression sources]}};
   the purged stylesheet is written to `output`; the answer is {bytes, rejected}.
   PurgeCSS is required from `modules` (the project's node_modules, pinned in
   package.json): its CommonJS build, whose fast-glob import works under Node 20. */
"use strict";

const fs = require("fs");
const path = require("path");

function patterns(list) {
  return (list || []).map(function (source) { return new RegExp(source); });
}

function main(request) {
  const { PurgeCSS } = require(path.join(request.modules, "purgecss"));
  const safelist = request.safelist || {};
  return new PurgeCSS().purge({
    content: request.content,
    css: [{ raw: fs.readFileSync(request.css, "utf8") }],
    safelist: {
      standard: patterns(safelist.standard),
      deep: patterns(safelist.deep),
      greedy: patterns(safelist.greedy),
      variables: patterns(safelist.variables),
      keyframes: patterns(safelist.keyframes),
    },
    variables: true,
    keyframes: true,
    fontFace: true,
    rejected: true,
  }).then(function (results) {
    const css = results.map(function (r) { return r.css; }).join("\n");
    fs.writeFileSync(request.output, css);
    const rejected = results.reduce(function (n, r) { return n + (r.rejected || []).length; }, 0);
    process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(css), rejected: rejected }));
  });
}

require("./node_stdio.cjs").run(main);
