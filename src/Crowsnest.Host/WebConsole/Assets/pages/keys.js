import { h, replace, table, status, when } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors } from '../forms.js';

export async function render(main) {
  const result = h('p', { class: 'status', role: 'status' });
  const secret = h('div', { 'aria-live': 'polite' });
  const area = h('div');
  const load = async () => {
    const { Credentials: credentials } = await api('/crowsnest/list-credentials');
    replace(area, table('API credentials', ['Id', 'Kind', 'Name', 'Created', 'Last used', 'Revoked', 'Actions'], credentials.map(c => [
      c.Id, c.Kind, c.Name, when(c.CreatedAt), when(c.LastUsedAt), when(c.RevokedAt),
      c.RevokedAt ? '' : revokeButton(c),
    ]), 'No credentials.'));
  };
  // Two steps instead of a confirm() dialog: the first click asks, the second revokes.
  const revokeButton = c => {
    const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Revoke ${c.Id}` }, 'Revoke');
    button.addEventListener('click', async () => {
      if (!button.classList.contains('danger')) {
        button.classList.replace('secondary', 'danger');
        button.textContent = 'Confirm revoke';
        button.setAttribute('aria-label', `Confirm revoking ${c.Id}`);
        return;
      }
      try {
        await api('/crowsnest/revoke-credential', { Id: c.Id });
        status(result, `${c.Id} is revoked.`);
        await load();
      } catch (error) {
        status(result, error.message, 'bad');
      }
    });
    return button;
  };
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h2', {}, 'Create a credential'),
    errorSummary(),
    field({ label: 'Name', name: 'Name', path: 'name', required: true }),
    field({ label: 'Kind', name: 'Kind', path: 'kind', options: [['access-key', 'Access key (SigV4, for AWS SDKs and CLI)'], ['api-token', 'API token (bearer, for the admin CLI)']] }),
    h('button', { type: 'submit' }, 'Create'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    try {
      const issued = await api('/crowsnest/create-access-key', { Name: form.Name.value, Kind: form.Kind.value });
      replace(secret, h('div', { class: 'card', role: 'alert' },
        h('p', {}, 'Copy the secret now: it is shown only this once.'),
        issued.AccessKeyId
          ? [h('p', {}, 'Access key id: ', h('span', { class: 'secret' }, issued.AccessKeyId)), h('p', {}, 'Secret access key: ', h('span', { class: 'secret', id: 'issued-secret' }, issued.SecretAccessKey))]
          : h('p', {}, 'Token: ', h('span', { class: 'secret', id: 'issued-secret' }, issued.Token))));
      form.reset();
      await load();
    } catch (error) {
      showErrors(form, error);
    }
  });
  main.append(result, secret, area, form);
  await load();
}
