import { h, replace, table, status } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors, list } from '../forms.js';

const targetTypes = [
  ['console', 'Console inbox'], ['slack-channel', 'Slack channel'], ['slack-webhook', 'Slack incoming webhook'],
  ['teams-channel', 'Microsoft Teams channel'], ['chime-webhook', 'Amazon Chime webhook'], ['webhook', 'Generic webhook'],
];
// The target fields each type uses: [API name, label, path, options].
const targetFields = {
  'console': [['InboxName', 'Inbox name', 'inboxName']],
  'slack-channel': [['SlackTeamId', 'Slack workspace (team) id', 'slackTeamId'], ['SlackChannelId', 'Slack channel id', 'slackChannelId'], ['SlackChannelName', 'Slack channel name', 'slackChannelName']],
  'slack-webhook': [['WebhookUrl', 'Incoming webhook URL (kept secret)', 'webhookUrl', { type: 'password' }]],
  'teams-channel': [['TenantId', 'Tenant id', 'tenantId'], ['TeamId', 'Team id', 'teamId'], ['ChannelId', 'Channel id', 'channelId'], ['ChannelName', 'Channel name', 'channelName'], ['WebhookUrl', 'Workflows webhook URL (kept secret)', 'webhookUrl', { type: 'password' }]],
  'chime-webhook': [['WebhookDescription', 'Description', 'webhookDescription'], ['WebhookUrl', 'Webhook URL (kept secret)', 'webhookUrl', { type: 'password' }]],
  'webhook': [['WebhookDescription', 'Description', 'webhookDescription'], ['WebhookUrl', 'Webhook URL (kept secret)', 'webhookUrl', { type: 'password' }], ['SigningSecret', 'Signing secret (optional, 16+ characters, kept secret)', 'signingSecret', { type: 'password' }]],
};

export async function render(main) {
  const [{ Templates: templates }, listed] = await Promise.all([
    api('/crowsnest/list-guardrail-templates'), api('/crowsnest/list-channel-configurations')]);
  const listArea = h('section', { 'aria-labelledby': 'existing' });
  const formArea = h('section', { 'aria-labelledby': 'edit-title' });
  const result = h('p', { class: 'status', role: 'status' });
  const showList = configurations => replace(listArea, h('h2', { id: 'existing' }, 'Configurations'),
    table('Channel configurations', ['Name', 'Target', 'SNS topics', 'State', 'Actions'], configurations.map(c => [
      c.ConfigurationName, c.TargetType, (c.SnsTopicArns ?? []).join(', ') || '—', c.State,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${c.ConfigurationName}`, onclick: () => showForm(c) }, 'Edit'),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Send test message to ${c.ConfigurationName}`, onclick: () => sendTest(c) }, 'Send test message')),
    ]), 'No configurations yet.'));
  const reload = async () => showList((await api('/crowsnest/list-channel-configurations')).ChannelConfigurations);
  const sendTest = async c => {
    try {
      await api('/crowsnest/send-test-message', { ChatConfigurationArn: c.ChatConfigurationArn });
      status(result, `Test message queued for ${c.ConfigurationName}.`);
    } catch (error) {
      status(result, `The test message was not sent: ${error.message}`, 'bad');
    }
  };
  const showForm = existing => {
    replace(formArea, configurationForm(existing, templates, async saved => {
      status(result, `Saved ${saved.ConfigurationName}.`);
      await reload();
      showForm(null);
    }));
    if (existing) formArea.querySelector('input, select')?.focus();
  };
  showList(listed.ChannelConfigurations);
  showForm(null);
  main.append(result, listArea, formArea);
}

function configurationForm(existing, templates, onSaved) {
  const c = existing ?? {};
  const filter = c.EventFilter ?? {};
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', { id: 'edit-title' }, existing ? `Edit ${c.ConfigurationName}` : 'New configuration'),
    errorSummary());
  const targetBox = h('fieldset', {}, h('legend', {}, 'Chat target'));
  const typeField = field({ label: 'Target type', name: 'TargetType', path: 'targetType', options: targetTypes, value: c.TargetType ?? 'console' });
  const targetInputs = h('div');
  const showTarget = type => replace(targetInputs, (targetFields[type] ?? []).map(([name, label, path, extra]) =>
    field({ label, name, path, value: c[name] ?? '', type: extra?.type ?? 'text', autocomplete: extra?.type === 'password' ? 'off' : undefined,
      hint: existing && extra?.type === 'password' ? 'Leave empty to keep the stored value.' : undefined })));
  typeField.querySelector('select').addEventListener('change', e => showTarget(e.target.value));
  if (existing) typeField.querySelector('select').disabled = true;
  showTarget(c.TargetType ?? 'console');
  targetBox.append(typeField, targetInputs);

  const chosen = new Set(c.GuardrailPolicyArns ?? []);
  const known = new Set(templates.flatMap(t => t.Policies.map(p => p.Arn)));
  const guardrails = h('fieldset', { class: 'field', 'data-path': 'guardrailPolicyArns' }, h('legend', {}, 'Guardrails (every command is bounded by these policies)'),
    templates.map(t => {
      const arns = t.Policies.map(p => p.Arn);
      const box = field({ label: t.DisplayName, name: 'guardrail-' + t.Key, path: 'guardrail-' + t.Key, type: 'checkbox',
        checked: existing ? arns.every(a => chosen.has(a)) : t.Key === 'ReadOnly' });
      box.querySelector('input').dataset.arns = JSON.stringify(arns);
      return [box, h('p', { class: 'template-actions' }, describe(t))];
    }),
    field({ label: 'Other guardrail policy ARNs (one per line)', name: 'OtherGuardrails', path: 'otherGuardrails', rows: 2,
      value: [...chosen].filter(a => !known.has(a)).join('\n') }),
    h('p', { class: 'error', hidden: true }));

  form.append(
    field({ label: 'Configuration name', name: 'ConfigurationName', path: 'configurationName', value: c.ConfigurationName ?? '', required: true }),
    targetBox,
    field({ label: 'SNS topic ARNs (one per line, any region)', name: 'SnsTopicArns', path: 'snsTopicArns', rows: 3, value: (c.SnsTopicArns ?? []).join('\n'),
      hint: 'For example arn:aws:sns:us-east-1:123456789012:alarms' }),
    field({ label: 'IAM role ARN (the channel role commands run under)', name: 'IamRoleArn', path: 'iamRoleArn', value: c.IamRoleArn ?? '' }),
    guardrails,
    field({ label: 'Require each user to have their own IAM role', name: 'UserAuthorizationRequired', path: 'userAuthorizationRequired', type: 'checkbox', checked: !!c.UserAuthorizationRequired }),
    field({ label: 'Logging level', name: 'LoggingLevel', path: 'loggingLevel', options: ['NONE', 'ERROR', 'INFO'], value: c.LoggingLevel ?? 'NONE' }),
    h('fieldset', {}, h('legend', {}, 'Event filters (all optional)'),
      field({ label: 'Event types (comma or line separated, e.g. guardduty.*)', name: 'EventTypes', path: 'eventFilter.eventTypes', value: (filter.EventTypes ?? []).join(', ') }),
      field({ label: 'Minimum severity', name: 'MinimumSeverity', path: 'eventFilter.minimumSeverity', value: filter.MinimumSeverity ?? '',
        options: [['', 'Any'], 'Info', 'Low', 'Medium', 'High', 'Critical'] }),
      field({ label: 'Accounts (12-digit ids)', name: 'Accounts', path: 'eventFilter.accounts', value: (filter.Accounts ?? []).join(', ') }),
      field({ label: 'Regions', name: 'Regions', path: 'eventFilter.regions', value: (filter.Regions ?? []).join(', ') }),
      field({ label: 'EventBridge event pattern (JSON)', name: 'EventPattern', path: 'eventFilter.eventPattern', rows: 3, value: filter.EventPattern ?? '' })),
    field({ label: 'Unrecognised events', name: 'UnrecognizedEvents', path: 'unrecognizedEvents', value: c.UnrecognizedEvents ?? 'deliver',
      options: [['deliver', 'Deliver a generic rendering'], ['hold', 'Hold them in the unrecognised list']] }),
    existing ? field({ label: 'State', name: 'State', path: 'state', options: ['ENABLED', 'DISABLED'], value: c.State ?? 'ENABLED' }) : '',
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, existing ? 'Save changes' : 'Create configuration'),
      existing ? h('button', { type: 'button', class: 'secondary', onclick: () => form.replaceWith(configurationForm(null, templates, onSaved)) }, 'Cancel') : ''));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const body = collect(form, existing);
    try {
      const saved = existing
        ? await api('/crowsnest/update-channel-configuration', { ...body, ChatConfigurationArn: c.ChatConfigurationArn })
        : await api('/crowsnest/create-channel-configuration', body);
      await onSaved(saved.ChannelConfiguration);
    } catch (error) {
      showErrors(form, error);
    }
  });
  return form;
}

function describe(template) {
  return template.Policies.map(p => {
    if (p.ReadOnlyCatalog) return `${p.Name}: every read-only operation (List*, Describe*, Get*, …).`;
    const parts = [];
    if (p.AllowedActions.length) parts.push(`allows ${p.AllowedActions.join(', ')}`);
    if (p.DeniedActions.length) parts.push(`denies ${p.DeniedActions.join(', ')}`);
    return `${p.Name}: ${parts.join('; ')}.`;
  }).join(' ');
}

function collect(form, existing) {
  const value = name => form.elements[name]?.value?.trim() ?? '';
  const body = {
    ConfigurationName: value('ConfigurationName'),
    TargetType: value('TargetType'),
    SnsTopicArns: list(value('SnsTopicArns')),
    LoggingLevel: value('LoggingLevel'),
    UserAuthorizationRequired: form.elements.UserAuthorizationRequired.checked,
    UnrecognizedEvents: value('UnrecognizedEvents'),
    GuardrailPolicyArns: [...new Set([
      ...[...form.querySelectorAll('input[data-arns]')].filter(i => i.checked).flatMap(i => JSON.parse(i.dataset.arns)),
      ...list(value('OtherGuardrails'))])],
  };
  if (value('IamRoleArn')) body.IamRoleArn = value('IamRoleArn');
  if (existing) body.State = value('State');
  for (const [name] of targetFields[body.TargetType] ?? []) {
    if (value(name) || !existing) body[name] = value(name) || undefined;
  }
  const eventFilter = {
    EventTypes: list(value('EventTypes')), Accounts: list(value('Accounts')), Regions: list(value('Regions')),
    MinimumSeverity: value('MinimumSeverity') || undefined, EventPattern: value('EventPattern') || undefined,
  };
  if (eventFilter.EventTypes.length || eventFilter.Accounts.length || eventFilter.Regions.length || eventFilter.MinimumSeverity || eventFilter.EventPattern) {
    body.EventFilter = eventFilter;
  } else if (existing) {
    body.EventFilter = null;
  }
  return body;
}
