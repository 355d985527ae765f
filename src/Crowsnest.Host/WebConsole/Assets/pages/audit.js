import { h, replace, table, when } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors } from '../forms.js';

export async function render(main) {
  const form = h('form', { class: 'card', role: 'search', novalidate: true },
    errorSummary(),
    h('div', { class: 'columns' },
      field({ label: 'Kind', name: 'Kind', path: 'kind', hint: 'e.g. configuration.create, console.sign-in' }),
      field({ label: 'Actor', name: 'Actor', path: 'actor' }),
      field({ label: 'Channel or subject', name: 'Channel', path: 'channel' }),
      field({ label: 'Decision', name: 'Decision', path: 'decision', options: [['', 'Any'], 'allowed', 'denied'] }),
      field({ label: 'Since', name: 'Since', path: 'since', type: 'datetime-local' }),
      field({ label: 'Until', name: 'Until', path: 'until', type: 'datetime-local' })),
    h('button', { type: 'submit' }, 'Filter'));
  const area = h('div');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Older entries');
  let next = null;
  let rows = [];
  const load = async append => {
    const v = name => form.elements[name].value || undefined;
    const iso = name => (v(name) ? new Date(v(name)).toISOString() : undefined);
    const answer = await api('/crowsnest/query-audit-log', {
      Kind: v('Kind'), Actor: v('Actor'), Channel: v('Channel'), Decision: v('Decision'), Since: iso('Since'), Until: iso('Until'),
      MaxResults: 50, NextToken: append ? next : undefined,
    });
    next = answer.NextToken ?? null;
    rows = (append ? rows : []).concat(answer.Entries.map(e => [when(e.At), e.Kind, e.Actor, e.Channel ?? '—', e.Action ?? '—', e.Decision ?? '—', e.Outcome ?? '—', e.Reason ?? e.Details ?? '']));
    replace(area, table('Audit entries, newest first', ['When', 'Kind', 'Actor', 'Subject', 'Action', 'Decision', 'Outcome', 'Details'], rows, 'No entries match.'));
    more.hidden = !next;
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    try { await load(false); } catch (error) { showErrors(form, error); }
  });
  more.addEventListener('click', () => load(true));
  main.append(form, area, more);
  await load(false);
}
