/* Minify the site's own scripts and stylesheets for tools/wegwijs/render/minify.py with
   esbuild (pinned in package.json): one JSON request on stdin {modules, files: [paths]},
   each file rewritten in place; one JSON answer on stdout {before, after} (bytes).
   Transform mode without a module format: top-level names (shared between the site's
   scripts) are kept, local names shortened, comments dropped; charset utf8 keeps
   Arabic, Farsi and Tigrinya strings as they are (not as \u escapes). */
"use strict";

const fs = require("fs");
const path = require("path");

function main(request) {
  const esbuild = require(path.join(request.modules, "esbuild"));
  let before = 0;
  let after = 0;
  for (const file of request.files) {
    const source = fs.readFileSync(file, "utf8");
    const loader = file.endsWith(".css") ? "css" : "js";
    const result = esbuild.transformSync(source, {
      loader: loader, minify: true, charset: "utf8", legalComments: "none", sourcefile: file,
    });
    fs.writeFileSync(file, result.code);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(result.code);
  }
  process.stdout.write(JSON.stringify({ before: before, after: after }));
}

require("./node_stdio.cjs").run(main);
