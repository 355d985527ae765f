import { h, replace, table, status, when } from '../dom.js';
import { api } from '../api.js';
import { field } from '../forms.js';

const states = ['', 'Pending', 'Leased', 'Delivered', 'Dead'];

export async function render(main, query) {
  const form = h('form', { class: 'actions', role: 'search' },
    field({ label: 'State', name: 'State', options: states.map(s => [s, s || 'Any']), value: query.get('state') ?? '' }),
    h('button', { type: 'submit' }, 'Show'));
  const result = h('p', { class: 'status', role: 'status' });
  const area = h('div');
  const load = async () => {
    const { Deliveries: deliveries } = await api('/crowsnest/list-deliveries', { State: form.State.value || undefined, MaxResults: 100 });
    replace(area, table('Deliveries', ['Id', 'Message', 'Target', 'State', 'Attempts', 'Last error', 'Next attempt', 'Actions'], deliveries.map(d => [
      String(d.Id), d.Title ?? '—', d.TargetKey, d.State, String(d.Attempts), d.LastError ?? '—',
      d.State === 'Pending' ? when(d.NextAttemptAt) : '—',
      d.State === 'Dead' || d.State === 'Delivered'
        ? h('button', { type: 'button', class: 'secondary', 'aria-label': `${d.State === 'Dead' ? 'Retry' : 'Send again'} delivery ${d.Id}`, onclick: () => retry(d) },
          d.State === 'Dead' ? 'Retry' : 'Send again')
        : '',
    ]), 'No deliveries.'));
  };
  const retry = async d => {
    try {
      await api('/crowsnest/retry-delivery', { Id: d.Id });
      status(result, `Delivery ${d.Id} is queued again.`);
      await load();
    } catch (error) {
      status(result, error.message, 'bad');
    }
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    history.replaceState(null, '', form.State.value ? `?state=${form.State.value}` : location.pathname);
    await load();
  });
  main.append(form, result, area);
  await load();
  const timer = setInterval(() => { if (!document.hidden) load().catch(() => clearInterval(timer)); }, 2000);
}
