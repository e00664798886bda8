// A labelled form control with its hint and error slots, linked by aria-describedby: the order form's and
// the own list's. The error slot is `${control.id}-error`.
import { h, uid } from './dom.js';

// key: the label's i18n key; hint: the hint's i18n key; required: a star and aria-required; wide: spans the grid.
export function field({ key, control, hint, required, wide }) {
  const id = control.id || (control.id = uid('f'));
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: ['field', wide && 'wide'] },
    h('label', { for: id },
      h('span', { i18n: key }),
      required ? requiredMark() : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId, i18n: hint }) : null,
    h('p', { class: 'error-text', id: errorId, hidden: true }));
}

export const requiredMark = () => h('span', { class: 'required', 'aria-hidden': 'true' }, ' *');

export const textInput = (name, attrs = {}) => h('input', { type: 'text', name, autocomplete: 'off', ...attrs });
