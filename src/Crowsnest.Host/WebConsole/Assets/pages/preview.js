import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors } from '../forms.js';

const platforms = [['slack', 'Slack'], ['teams', 'Microsoft Teams'], ['chime', 'Amazon Chime'], ['webhook', 'Webhook'], ['console', 'Console inbox']];

export async function render(main) {
  const form = h('form', { class: 'card', novalidate: true },
    errorSummary(),
    field({ label: 'Notification or event payload', name: 'Payload', path: 'payload', rows: 12, hint: 'An SNS envelope, an EventBridge event, a custom notification, or plain text. Nothing is stored or sent.' }),
    h('button', { type: 'submit' }, 'Preview'));
  const results = h('section', { 'aria-label': 'Renderings', 'aria-live': 'polite' });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api('/crowsnest/preview-event', { Payload: form.Payload.value });
      replace(results, answer.Error ? h('p', { class: 'status bad', role: 'alert' }, answer.Error) : '',
        answer.Items.map((item, i) => h('article', {},
          h('h2', {}, `${answer.Items.length > 1 ? `Event ${i + 1}: ` : ''}${item.EventType ?? 'unrecognised'} (${item.Outcome})`),
          item.Reason ? h('p', { class: 'hint' }, item.Reason) : '',
          h('div', { class: 'renderings' }, platforms.filter(([key]) => key in item.Renderings).map(([key, title]) =>
            h('section', { 'aria-label': `${title} rendering` }, h('h3', {}, title), rendering(key, item.Renderings[key])))))));
    } catch (error) {
      showErrors(form, error);
    }
  });
  main.append(form, results);
}

function rendering(platform, text) {
  if (platform === 'console') {
    const box = h('div');
    box.innerHTML = text; // the server's console renderer escapes all message text
    return box;
  }
  try {
    return h('pre', { tabindex: 0 }, JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    return h('pre', { tabindex: 0 }, text);
  }
}
