import { h, replace, table, status, when } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors } from '../forms.js';

// Custom actions (the AWS Chatbot API's) and the aliases chat users created in a channel.
export async function render(main) {
  const result = h('p', { class: 'status', role: 'status' });
  const actions = h('section', { 'aria-labelledby': 'custom-actions' });
  const loadActions = async () => {
    const { CustomActions: arns } = await api('/list-custom-actions', { MaxResults: 100 });
    const all = await Promise.all(arns.map(arn => api('/get-custom-action', { CustomActionArn: arn }).then(a => a.CustomAction)));
    replace(actions, h('h2', { id: 'custom-actions' }, 'Custom actions'),
      table('Custom actions', ['Name', 'Alias', 'Command', 'Actions'], all.map(a => [
        a.ActionName, a.AliasName ?? '—', a.Definition?.CommandText ?? '—',
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete ${a.ActionName}`, onclick: async () => {
          await api('/delete-custom-action', { CustomActionArn: a.CustomActionArn });
          status(result, `Deleted ${a.ActionName}.`);
          await loadActions();
        } }, 'Delete')]), 'No custom actions.'));
  };
  const create = h('form', { class: 'card narrow', novalidate: true },
    h('h2', {}, 'New custom action'),
    errorSummary(),
    field({ label: 'Action name', name: 'ActionName', path: 'actionName' }),
    field({ label: 'Command', name: 'CommandText', path: 'definition.commandText', hint: 'e.g. cloudwatch describe-alarms --state-value $state' }),
    field({ label: 'Alias (optional)', name: 'AliasName', path: 'aliasName' }),
    h('button', { type: 'submit' }, 'Create custom action'));
  create.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(create);
    try {
      await api('/create-custom-action', { ActionName: create.ActionName.value, Definition: { CommandText: create.CommandText.value }, AliasName: create.AliasName.value || undefined });
      status(result, `Created ${create.ActionName.value}.`);
      create.reset();
      await loadActions();
    } catch (error) {
      showErrors(create, error);
    }
  });

  const aliasArea = h('div');
  const aliasForm = h('form', { class: 'card narrow', role: 'search', novalidate: true },
    h('h2', {}, 'Aliases of a channel'),
    errorSummary(),
    field({ label: 'Channel', name: 'ChannelKey', path: 'channelKey', hint: 'The chat target, e.g. slack:T0123ABCD:C0123ABCD' }),
    h('button', { type: 'submit' }, 'Show aliases'));
  const loadAliases = async () => {
    const channel = aliasForm.ChannelKey.value;
    const { Aliases: aliases } = await api('/crowsnest/list-aliases', { ChannelKey: channel });
    replace(aliasArea, table(`Aliases in ${channel}`, ['Name', 'Command', 'Created by', 'Created', 'Actions'], aliases.map(a => [
      a.Name, a.Command, a.CreatedBy, when(a.CreatedAt),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete alias ${a.Name}`, onclick: async () => {
        await api('/crowsnest/delete-alias', { ChannelKey: a.ChannelKey, Name: a.Name });
        status(result, `Deleted the alias ${a.Name}.`);
        await loadAliases();
      } }, 'Delete')]), 'No aliases in this channel.'));
  };
  aliasForm.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(aliasForm);
    try { await loadAliases(); } catch (error) { showErrors(aliasForm, error); }
  });
  main.append(result, actions, create, aliasForm, aliasArea);
  await loadActions();
}
