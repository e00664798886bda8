// First-visit smoke page: loads the default signed bundle in the browser and shows what it holds.
// (Replaced by the reseller app later.)
import { createChecker } from './exportcheck.mjs';

const $ = (selector) => document.querySelector(selector);

function row(...cells) {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.scope = 'row';
    cell.textContent = String(text);
    tr.append(cell);
  });
  return tr;
}

async function main() {
  const status = $('#status');
  try {
    const checker = await createChecker();
    const info = checker.info();
    $('#bundle-id').textContent = info.id;
    $('#built-at').textContent = info.built_at;
    $('#built-at').dateTime = info.built_at;
    $('#entries').textContent = info.entries.toLocaleString('en');
    $('#sha256').textContent = info.sha256;
    for (const [list, count] of Object.entries(info.lists)) {
      const tr = row(list, count);
      tr.dataset.list = list;
      $('#lists tbody').append(tr);
    }
    for (const source of info.sources) {
      const tr = row(source.key, source.date, source.entries);
      tr.dataset.source = source.key;
      $('#sources tbody').append(tr);
    }
    const t = checker.timings;
    $('#timings').textContent = `Signature checked and lists loaded in ${Math.round(t.bytesToInfo)} ms ` +
      `(verify ${Math.round(t.verify)} ms, gunzip ${Math.round(t.gunzip)} ms, core ${Math.round(t.load)} ms; ` +
      `download ${Math.round(t.download)} ms).`;
    $('#timings').dataset.bytesToInfo = String(t.bytesToInfo);
    $('#info').hidden = false;
    status.textContent = `Ready: ${info.entries.toLocaleString('en')} list entries from ${info.sources.length} sources.`;
    document.body.dataset.state = 'ready';
  } catch (err) {
    status.textContent = `The lists could not be loaded: ${err.message}`;
    status.dataset.error = err.code ?? 'internal';
    document.body.dataset.state = 'error';
    throw err;
  }
}

main();
