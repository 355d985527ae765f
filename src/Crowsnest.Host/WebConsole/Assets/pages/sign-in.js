import { h } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors } from '../forms.js';

export async function render(main, query) {
  const notice = query.has('signed-out') ? 'You are signed out.' : query.has('set-up') ? 'The administrator account is ready. Sign in with it.' : null;
  const form = h('form', { class: 'card narrow', novalidate: true },
    errorSummary(),
    field({ label: 'User name', name: 'UserName', path: 'userName', autocomplete: 'username', required: true }),
    field({ label: 'Password', name: 'Password', path: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api('/console/api/sign-in', { UserName: form.UserName.value, Password: form.Password.value });
      const next = query.get('next');
      location.assign('/console/' + (/^[a-z-]+$/.test(next ?? '') ? next : 'overview'));
    } catch (error) {
      showErrors(form, error);
    }
  });
  main.append(notice ? h('p', { class: 'status ok', role: 'status' }, notice) : '', form,
    h('p', { class: 'hint' }, 'First start? Open the one-time setup link Crowsnest printed in its log (…/console/setup?token=…).'));
  form.UserName.focus();
}
