import { h } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors } from '../forms.js';

export async function render(main, query) {
  const token = query.get('token') ?? '';
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('p', {}, 'Create the administrator account. This link works once.'),
    errorSummary(),
    h('div', { class: 'field', 'data-path': 'token' }, h('p', { class: 'error', hidden: true })),
    field({ label: 'User name', name: 'UserName', path: 'userName', value: 'admin', autocomplete: 'username', required: true }),
    field({ label: 'Password', name: 'Password', path: 'password', type: 'password', autocomplete: 'new-password', required: true, hint: 'At least 12 characters.' }),
    field({ label: 'Repeat the password', name: 'Repeat', path: 'repeat', type: 'password', autocomplete: 'new-password', required: true }),
    h('button', { type: 'submit' }, 'Create administrator'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (form.Password.value !== form.Repeat.value) {
      showErrors(form, { message: 'The two passwords differ.' });
      return;
    }
    try {
      await api('/console/api/setup', { Token: token, UserName: form.UserName.value, Password: form.Password.value });
      location.assign('/console/sign-in?set-up=1');
    } catch (error) {
      showErrors(form, error);
    }
  });
  main.append(form);
  form.UserName.focus();
}
