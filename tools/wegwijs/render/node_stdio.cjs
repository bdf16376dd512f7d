/* The one way our Node helpers (css_purge.cjs, minify.cjs) talk to Python: read one JSON
   request from stdin, call main(request) (which may return a promise and writes its JSON
   answer to stdout), and report any error on stderr with exit code 1. */
"use strict";

module.exports.run = function run(main) {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", function (chunk) { input += chunk; });
  process.stdin.on("end", function () {
    Promise.resolve().then(function () { return main(JSON.parse(input)); }).catch(function (error) {
      process.stderr.write(String(error && error.stack || error) + "\n");
      process.exitCode = 1;
    });
  });
};
