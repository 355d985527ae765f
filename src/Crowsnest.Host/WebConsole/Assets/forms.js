import { h, replace } from './dom.js';
import { ApiError } from './api.js';

let counter = 0;

/**
 * A labelled form control with its hint and its error slot. `path` is the API's field path (lower camel, as the
 * validation messages name it) so errors land next to the field.
 */
export function field({ label, name, path, type = 'text', value = '', hint, options, rows, required, autocomplete, checked }) {
  const id = `f${++counter}-${name}`;
  const hintId = hint ? id + '-hint' : undefined;
  const errorId = id + '-error';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let control;
  if (options) {
    control = h('select', { id, name, 'aria-describedby': describedBy },
      options.map(o => { const [v, text] = Array.isArray(o) ? o : [o, o]; return h('option', { value: v, selected: v === value }, text); }));
  } else if (rows) {
    control = h('textarea', { id, name, rows, 'aria-describedby': describedBy, required, spellcheck: 'false' });
    control.value = value ?? '';
  } else {
    control = h('input', { id, name, type, 'aria-describedby': describedBy, required, autocomplete, checked });
    if (type !== 'checkbox') control.value = value ?? '';
  }
  const wrap = h('div', { class: type === 'checkbox' ? 'field check' : 'field', 'data-path': path ?? name },
    type === 'checkbox' ? [control, h('label', { for: id }, label)] : [h('label', { for: id }, label), control],
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'error', id: errorId, hidden: true }));
  return wrap;
}

/** The form-level error summary (role=alert); put one at the top of each form. */
export function errorSummary() {
  return h('div', { class: 'error-summary', role: 'alert', hidden: true });
}

/** Clears every error shown in a form. */
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field .error')) { el.hidden = true; el.textContent = ''; }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const summary = form.querySelector('.error-summary');
  if (summary) { summary.hidden = true; summary.replaceChildren(); }
}

function fieldFor(form, path) {
  if (!path) return null;
  const lower = path.toLowerCase();
  const candidates = [lower, lower.replace(/(\.\d+\.member|\[\d+\]|\.\d+)/g, ''), lower.split(/[.[]/)[0]];
  for (const candidate of candidates) {
    const match = [...form.querySelectorAll('.field[data-path]')].find(f => f.dataset.path.toLowerCase() === candidate);
    if (match) return match;
  }
  return null;
}

/** Shows every problem of an API error at once: next to its field when it names one, else in the summary. */
export function showErrors(form, error) {
  clearErrors(form);
  const problems = error instanceof ApiError ? error.problems : [{ path: null, message: String(error?.message ?? error) }];
  const summary = form.querySelector('.error-summary');
  const unplaced = [];
  let first = null;
  for (const problem of problems) {
    const wrap = fieldFor(form, problem.path);
    if (!wrap) { unplaced.push(problem.message); continue; }
    const slot = wrap.querySelector('.error');
    slot.hidden = false;
    slot.append(h('span', {}, problem.message));
    const control = wrap.querySelector('input, select, textarea');
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  if (summary) {
    summary.hidden = false;
    replace(summary,
      h('p', {}, problems.length === 1 ? 'The request was refused:' : `The request was refused with ${problems.length} problems:`),
      h('ul', {}, problems.map(p => h('li', {}, p.message))));
  }
  (first ?? summary)?.focus?.();
  return unplaced;
}

/** Lines of a textarea (or comma-separated values), trimmed, without blanks. */
export function list(value) {
  return value.split(/[\n,]/).map(s => s.trim()).filter(Boolean);
}
