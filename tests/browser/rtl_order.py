"""Reading order of mixed right-to-left text, measured in the browser.

``CHECK_ORDER`` runs in a page (``page.evaluate``) and checks, from the glyphs'
positions, that in a right-to-left article every Dutch term written as
``(<bdi lang="nl">term</bdi>)`` has "(" on its right and ")" on its left, the
Arabic-script word before it further right, a following full stop or comma left of
")", and that every ``<bdi dir="ltr">`` (times, phone numbers) reads left to right.
Returns ``{checked, times, problems, lists, dir, lang}``. Used by the Arabic and
Farsi translation tests.
"""

CHECK_ORDER = """() => {
  const problems = [];
  let checked = 0;
  const charRect = (node, start) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 1);
    return range.getClientRects()[0];
  };
  const sameLine = (a, b) => Math.abs(a.top - b.top) < 3;
  for (const bdi of document.querySelectorAll('article bdi[lang="nl"]')) {
    const before = bdi.previousSibling, after = bdi.nextSibling;
    if (!before || before.nodeType !== 3 || !after || after.nodeType !== 3) continue;
    if (!before.data.endsWith('(') || !after.data.startsWith(')')) continue;
    const boxes = bdi.getClientRects();
    if (boxes.length !== 1) continue;  // the term itself wraps over two lines
    const term = boxes[0];
    const open = charRect(before, before.data.length - 1);
    const close = charRect(after, 0);
    if (!open || !close || !sameLine(open, term) || !sameLine(close, term)) continue;
    checked += 1;
    const label = bdi.innerText.split("\\n")[0];
    if (open.left < term.right - 1) problems.push(`'(' is not right of '${label}'`);
    if (close.right > term.left + 1) problems.push(`')' is not left of '${label}'`);
    if (/^\\)[.,:;؛،]/.test(after.data)) {
      const mark = charRect(after, 1);
      if (mark && sameLine(mark, close) && mark.right > close.left + 1)
        problems.push(`'${after.data[1]}' after '(${label})' is not left of ')'`);
    }
    const word = before.data.length >= 3 ? before.data.length - 3 : -1;
    if (word >= 0 && /[\\u0600-\\u06FF]/.test(before.data[word])) {
      const word_ = charRect(before, word);
      if (word_ && sameLine(word_, open) && word_.left < open.right - 1)
        problems.push(`Arabic-script word before '(${label})' is not right of '('`);
    }
  }
  let times = 0;
  for (const bdi of document.querySelectorAll('article bdi[dir="ltr"]')) {
    const node = bdi.firstChild;
    if (!node || node.nodeType !== 3 || node.data.length < 2) continue;
    const first = charRect(node, 0), last = charRect(node, node.data.length - 1);
    if (!first || !last || !sameLine(first, last)) continue;
    checked += 1; times += 1;
    if (first.left >= last.left) problems.push(`'${node.data}' does not read left to right`);
  }
  const article = document.querySelector('article');
  const lists = [...article.querySelectorAll('ol')].map(ol => getComputedStyle(ol).listStyleType);
  return {checked, times, problems, lists, dir: getComputedStyle(article).direction,
          lang: document.documentElement.lang};
}"""
