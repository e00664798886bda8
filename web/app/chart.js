// Small horizontal bar charts in inline SVG (no library, nothing the CSP would block: colours come from
// CSS classes). Each chart is an image with a text alternative listing every bar.
import { h } from './dom.js';
import { formatNumber } from './i18n/index.js';

// bars: [{ label, value, className }]
export function barChart({ title, bars, width = 420 }) {
  const row = 26;
  const labelWidth = Math.min(220, Math.max(90, ...bars.map((b) => b.label.length * 7 + 10)));
  const valueWidth = 56;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = width - labelWidth - valueWidth;
  const height = bars.length * row + 4;
  const alt = `${title}: ${bars.map((b) => `${b.label} ${formatNumber(b.value)}`).join(', ')}`;
  return h('figure', { class: 'chart' },
    h('figcaption', {}, title),
    h('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': alt, preserveAspectRatio: 'xMinYMin meet' },
      h('title', {}, alt),
      bars.map((b, i) => {
        const y = i * row + 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
        return h('g', { class: `bar ${b.className ?? ''}` },
          h('text', { x: labelWidth - 8, y: y + row / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, b.label),
          h('rect', { x: labelWidth, y: y + 3, width: w.toFixed(1), height: row - 8, rx: 3 }),
          h('text', { x: labelWidth + w + 6, y: y + row / 2 + 4, class: 'bar-value' }, formatNumber(b.value)));
      })));
}
