// The element's styles, as a string for a constructed stylesheet (adoptedStyleSheets): no <style> element
// and no style attribute, so a shop's strict style-src is never in the way. Theme it from outside with the
// custom properties below or ::part(); nothing else leaks in or out of the shadow root.
export default `
:host {
  --_font: var(--export-check-font, inherit);
  --_text: var(--export-check-color, #1f2933);
  --_muted: var(--export-check-muted, #52606d);
  --_bg: var(--export-check-background, #fff);
  --_border: var(--export-check-border, #c9d1d9);
  --_radius: var(--export-check-radius, 6px);
  --_accent: var(--export-check-accent, #2457c5);
  --_clear: var(--export-check-clear, #1a7f37);
  --_review: var(--export-check-review, #8a5a00);
  --_license: var(--export-check-license, #b04a00);
  --_blocked: var(--export-check-blocked, #c62828);
  display: block;
  font: var(--_font);
  color: var(--_text);
  line-height: 1.4;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
* { box-sizing: border-box; }

.status { display: inline-flex; align-items: center; gap: .45em; font-size: var(--export-check-font-size, .875rem);
  color: var(--_muted); min-height: 1.5em; }
.status:empty, .status[data-state="idle"] { display: none; }
.icon { inline-size: 1.25em; block-size: 1.25em; border-radius: 50%; display: inline-grid; place-items: center;
  flex: none; font-size: .8em; font-weight: 700; color: #fff; background: var(--_muted); }
[data-state="checking"] .icon { background: none; border: 2px solid var(--_border); border-top-color: var(--_accent);
  animation: spin .8s linear infinite; }
[data-state="clear"] { color: var(--_clear); }
[data-state="clear"] .icon { background: var(--_clear); }
[data-state="review"], [data-state="license_required"] { color: var(--_review); }
[data-state="review"] .icon, [data-state="license_required"] .icon { background: var(--_review); }
[data-state="blocked"] { color: var(--_blocked); }
[data-state="blocked"] .icon { background: var(--_blocked); }
[data-state="error"] .icon { background: var(--_muted); }
.status[data-state="announce"] { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { [data-state="checking"] .icon { animation-duration: 3s; } }

.panel { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: .9rem;
  font-size: .875rem; display: grid; gap: .75rem; }
form { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem .6rem; align-items: end; }
label { display: grid; gap: .2rem; font-weight: 600; font-size: .8rem; color: var(--_muted); }
.wide { grid-column: 1 / -1; }
input, select, button { font: inherit; font-size: .875rem; color: inherit; }
input, select { font-weight: 400; inline-size: 100%; padding: .35rem .45rem; border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 2px);
  background: #fff; }
input:focus-visible, select:focus-visible, button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
button { padding: .4rem .9rem; border: 0; border-radius: calc(var(--_radius) - 2px); background: var(--_accent); color: #fff;
  font-weight: 600; cursor: pointer; }
button[disabled] { opacity: .6; cursor: progress; }
.result { display: grid; gap: .5rem; border-top: 1px solid var(--_border); padding-top: .75rem; }
.result:empty { display: none; }
.decision { justify-self: start; display: inline-flex; align-items: center; gap: .4em; padding: .15rem .6rem;
  border-radius: 999px; font-weight: 700; color: #fff; background: var(--_muted); }
.decision[data-decision="clear"] { background: var(--_clear); }
.decision[data-decision="review"] { background: var(--_review); }
.decision[data-decision="license_required"] { background: var(--_license); }
.decision[data-decision="blocked"] { background: var(--_blocked); }
.summary { margin: 0; }
.findings { margin: 0; padding: 0; list-style: none; display: grid; gap: .4rem; }
.finding { border-inline-start: 3px solid var(--_border); padding: .1rem 0 .1rem .55rem; }
.finding[data-severity="blocked"] { border-color: var(--_blocked); }
.finding[data-severity="license_required"] { border-color: var(--_license); }
.finding[data-severity="review"] { border-color: var(--_review); }
.finding p { margin: 0; }
.evidence { color: var(--_muted); font-size: .8rem; }
.rule { font-family: ui-monospace, monospace; font-size: .75rem; color: var(--_muted); }
.footer { color: var(--_muted); font-size: .75rem; margin: 0; }
.error { color: var(--_blocked); margin: 0; }
`;
