// h() builds elements for the page and the widget alike. No innerHTML anywhere: no markup injection, nothing
// a strict CSP or Trusted Types would refuse.
//
// h('button', { class: ['a', cond && 'b'], onclick, dataset: {...}, hidden: true }, child, [more]) -> element.
// Keys registered in `attributeHooks` (the page registers i18n) are handed to their hook instead.
export const attributeHooks = new Map();

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'path', 'rect', 'text', 'g', 'title', 'circle', 'line', 'polyline']);

export function h(tag, attrs = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const hook = attributeHooks.get(key);
    if (hook) hook(el, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (!svg && key in el && typeof value !== 'string') el[key] = value; // checked, value, hidden ...
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
