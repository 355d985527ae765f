import { h, replace, when } from '../dom.js';
import { api } from '../api.js';

// Messages delivered to console-inbox configurations, newest first; refreshed every few seconds while open.
export async function render(main) {
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'false', id: 'inbox-messages' });
  const refresh = async () => {
    const { Messages: messages } = await api('/crowsnest/list-inbox-messages');
    if (messages.length === 0) {
      replace(list, h('p', { class: 'empty' }, 'The inbox is empty. Configurations with a console-inbox target deliver here.'));
      return;
    }
    replace(list, messages.map(m => {
      const body = h('div', { class: 'message-body' });
      body.innerHTML = m.Html; // rendered and HTML-escaped by the server's console renderer
      return h('section', { class: 'inbox-item', 'aria-label': m.Title },
        h('p', { class: 'hint' }, `${m.InboxName} · ${m.EventType} · ${when(m.DeliveredAt)}`), body);
    }));
  };
  main.append(h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: refresh }, 'Refresh')), list);
  await refresh();
  const timer = setInterval(() => { if (!document.hidden) refresh().catch(() => clearInterval(timer)); }, 2000);
}
