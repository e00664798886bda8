// CSV for the page's own files (results and audit exports): RFC 4180 quoting on the way out, and reading
// back the audit CSV this page wrote. Order CSV files are read by the core, never here.

const needsQuotes = /[",\r\n]/;
// Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

function cell(value, { guardFormulas }) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (guardFormulas && formulaStart.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// rows: arrays of cells. A UTF-8 BOM so spreadsheets read accents right.
export function toCsv(rows, { guardFormulas = true } = {}) {
  return '\uFEFF' + rows.map((row) => row.map((v) => cell(v, { guardFormulas })).join(',')).join('\r\n') + '\r\n';
}

// Splits CSV text into rows of cells (quoted cells may hold commas, quotes and line breaks).
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
