// A zone to drop files on, with a button (the file input's label) to pick them: the batch's and the lists'.
// onFiles(fileList) gets the files dropped or picked.
import { h } from './dom.js';

// id: the zone's id; input: its <input type=file> (with its id); keys: i18n keys { title, choose, hint }.
export function dropZone({ id, input, keys, onFiles }) {
  const zone = h('div', { class: 'drop-zone', id },
    h('p', {}, h('strong', { i18n: keys.title })),
    h('label', { for: input.id, class: 'button secondary', i18n: keys.choose }),
    input,
    h('p', { class: 'hint', i18n: keys.hint }));
  input.addEventListener('change', () => {
    onFiles(input.files);
    input.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      zone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    onFiles(e.dataTransfer?.files);
  });
  return zone;
}
